# eventwire — the two commands a user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint lock clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,spark]'
	$(BIN)/python scripts/build_places.py --cache
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb
	$(BIN)/eventwire run examples/demo --published 2015-10-05 --db demo.duckdb
	$(BIN)/eventwire events --db demo.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/python scripts/fuzz.py 24 --chunk 24

lint: $(STAMP)
	$(BIN)/ruff check eventwire tests scripts
	$(BIN)/mypy

# Re-pin every installed package after changing dependencies in pyproject.toml.
lock:
	$(BIN)/pip freeze --exclude-editable --exclude eventwire > requirements.lock

clean:
	rm -rf $(VENV) demo.duckdb .pytest_cache
