# Two commands matter: `make run` and `make test`. Both set everything up first and are idempotent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SIZES  ?= 1000,10000,100000
BACKEND ?= whoosh,tantivy
# pytest-xdist workers. Four on two cores: the suite mostly waits (CLI subprocesses, tmux,
# the pilot's frames, fsync), so two workers left the cores idle much of the time. Tests
# marked `slow` are collected first and dealt out one per worker (tests/conftest.py).
WORKERS ?= 4
ARTICLES ?= ../shared/articles-dev

.PHONY: bytecode run test lint format schema screenshots bench bench-feeds eval eval-articles eval-stories clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,tantivy]'
	touch $(STAMP)

# The package's compiled bytecode, written once: an editable install has none, and where
# PYTHONDONTWRITEBYTECODE is set every `newsreader` process (hundreds in the tests) compiled
# all of reader/ again, about a quarter of a second each.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q reader

run: bytecode
	$(BIN)/newsreader --config config.yaml

test: bytecode
	$(BIN)/ruff check reader tests bench scripts
	$(BIN)/ruff format --check reader tests bench scripts
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(WORKERS)

lint: $(STAMP)
	$(BIN)/ruff check reader tests bench scripts
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format reader tests bench scripts
	$(BIN)/ruff check --fix reader tests bench scripts

schema: $(STAMP)
	$(BIN)/python -m reader.core.config > reader/config.schema.json

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

# Scores the article parser on a labelled set (default ../shared/articles-dev) and prints it.
eval: eval-articles eval-stories

eval-articles: $(STAMP)
	$(BIN)/python scripts/eval_articles.py $(ARTICLES)

bench: bytecode
	$(BIN)/python -m bench.run --sizes $(SIZES) --backends $(BACKEND)
	$(BIN)/python -m bench.feeds

bench-feeds: $(STAMP)
	$(BIN)/python -m bench.feeds

clean:
	rm -rf $(VENV) build *.egg-info

eval-stories: $(STAMP)
	$(BIN)/python scripts/eval_stories.py --sweep
