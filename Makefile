# Two commands matter: `make run` and `make test`. Both set everything up first and are idempotent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SIZES  ?= 1000,10000,100000
BACKEND ?= whoosh,tantivy
ARTICLES ?= ../shared/articles-dev

.PHONY: run test lint format schema screenshots bench bench-feeds eval eval-articles clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,tantivy]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsreader --config config.yaml

test: $(STAMP)
	$(BIN)/ruff check reader tests bench scripts
	$(BIN)/ruff format --check reader tests bench scripts
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2

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
eval: eval-articles

eval-articles: $(STAMP)
	$(BIN)/python scripts/eval_articles.py $(ARTICLES)

bench: $(STAMP)
	$(BIN)/python -m bench.run --sizes $(SIZES) --backends $(BACKEND)
	$(BIN)/python -m bench.feeds

bench-feeds: $(STAMP)
	$(BIN)/python -m bench.feeds

clean:
	rm -rf $(VENV) build *.egg-info
