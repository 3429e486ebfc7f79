# The two commands in the README. Each installs what a fresh machine lacks, then runs.
#   make serve   build the site and serve it on http://127.0.0.1:8000/ (another port: make serve PORT=8125)
#   make test    run the whole test suite (unit, property, site, and browser tests in Chromium)

PYTHON ?= python3
PORT ?= 8000
# A Chromium binary of your own for the browser tests; tests/e2e/conftest.py reads it from the environment.
export CHROMIUM_PATH
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test build

serve: $(VENV)/.installed node_modules/.installed
	$(BIN)/python build.py serve --port $(PORT)

build: $(VENV)/.installed node_modules/.installed
	$(BIN)/python build.py build

test: $(VENV)/.installed node_modules/.installed chromium
	$(BIN)/python -m pytest

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The browser tests drive CHROMIUM_PATH if set, else the system Chromium (Playwright cannot download its own here).
.PHONY: chromium
chromium:
	@if [ -n "$$CHROMIUM_PATH" ]; then \
	  [ -x "$$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH is set to $$CHROMIUM_PATH, which is not a program." >&2; exit 1; }; \
	else \
	  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } || \
	  { echo "Install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH." >&2; exit 1; }; \
	fi
