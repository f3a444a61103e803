"""Packaging metadata that `pip install` reads."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT


def test_the_license_is_an_spdx_expression_not_the_deprecated_table() -> None:
    """setuptools warns on every install about `license = {text = ...}` (PEP 639)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    license_ = project["project"]["license"]
    assert isinstance(license_, str) and re.fullmatch(r"[A-Za-z0-9.\-+]+", license_)
    requires = " ".join(project["build-system"]["requires"])
    version = re.search(r"setuptools>=(\d+)", requires)
    assert version and int(version[1]) >= 77  # the first setuptools that reads SPDX strings
