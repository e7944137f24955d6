# eventwire — the two commands a user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint lock clean web chromium

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,spark,frames]'
	$(BIN)/python scripts/build_places.py --cache
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb
	$(BIN)/eventwire run examples/demo --published 2015-10-05 --db demo.duckdb
	$(BIN)/eventwire events --db demo.duckdb
	$(MAKE) --no-print-directory web
	@echo "Open it in the dashboard:  $(BIN)/eventwire serve --db demo.duckdb   (then http://127.0.0.1:8000/)"

test: $(STAMP) web chromium
	$(BIN)/python -m pytest
	$(BIN)/python scripts/fuzz.py 24 --chunk 24

lint: $(STAMP)
	$(BIN)/ruff check eventwire tests scripts
	$(BIN)/mypy

# The dashboard's libraries and map data (npm packages pinned by package-lock.json), copied next
# to its own files; served from this host only.
WEB_VENDOR := eventwire/serve/web/vendor
web: $(WEB_VENDOR)/.stamp

$(WEB_VENDOR)/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(WEB_VENDOR) && mkdir -p $(WEB_VENDOR)
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
	  node_modules/leaflet/dist/images \
	  node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
	  node_modules/leaflet.markercluster/dist/MarkerCluster.css \
	  node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css \
	  node_modules/topojson-client/dist/topojson-client.min.js \
	  node_modules/world-atlas/countries-110m.json \
	  node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
	  $(WEB_VENDOR)/
	touch $@

# The browser tests drive Debian's chromium (never a browser downloaded by Playwright).
chromium:
	@command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# Re-pin every installed package after changing dependencies in pyproject.toml.
lock:
	$(BIN)/pip freeze --exclude-editable --exclude eventwire > requirements.lock

clean:
	rm -rf $(VENV) demo.duckdb .pytest_cache node_modules $(WEB_VENDOR)
