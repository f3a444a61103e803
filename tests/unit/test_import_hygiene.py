"""The core never imports Textual: proven in a fresh interpreter, not hoped for."""

from __future__ import annotations

import subprocess
import sys


def test_core_and_facade_do_not_import_textual() -> None:
    code = (
        "import sys, reader.core.config, reader.core.corpus, reader.core.entities, "
        "reader.core.indexing, reader.core.whoosh_backend, reader.core.query, reader.library, "
        "reader.cli; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
