# The two commands in the README. Each installs what a fresh machine lacks, then runs.
#   make serve   build the site and serve it on http://127.0.0.1:8000/
#   make test    run the whole test suite (unit, property, site, and browser tests in Chromium)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test build

serve: $(VENV)/.installed node_modules/.installed
	$(BIN)/python build.py serve

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

# The browser tests drive the system Chromium (Playwright cannot download its own here).
.PHONY: chromium
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } || \
	  { echo "Install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH." >&2; exit 1; }
