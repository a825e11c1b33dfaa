# The README's commands. `make run` and `make test` install everything into .venv/ first (from uv.lock).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# uv is bootstrapped with pip into the project's own venv; the lock file pins everything else.
UV_VERSION := 0.13.8

.PHONY: install run test lint bench clean

install: $(VENV)/.installed

# Bytecode is compiled once here, not on every command: Python compiles each module that has no .pyc when it
# starts (about 2 s of every command for Prefect and the rest) wherever it may not write one
# (PYTHONDONTWRITEBYTECODE, a read-only install).
$(VENV)/.installed: pyproject.toml uv.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv sync --frozen --inexact --quiet --compile-bytecode
	$(BIN)/python -m compileall -q flows transforms warehouse expectations
	touch $@

run: install
	$(BIN)/broadsheet run

test: install
	$(BIN)/pytest -n 2 --dist loadfile

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy flows transforms warehouse expectations

bench: install
	$(BIN)/python bench/pipeline_bbc.py

clean:
	rm -rf $(VENV) report broadsheet.duckdb broadsheet.duckdb.wal broadsheet.duckdb.lock
