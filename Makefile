# Commonweal: `make demo` runs the platform with the demo borough; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BOOTSTRAP := var/bootstrap
UV := $(BOOTSTRAP)/bin/uv
UV_VERSION := 0.13.9
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never

.PHONY: demo test setup setup-test check-python assets browser lint clean

demo: setup ## Set everything up, load the demo borough and serve it on http://127.0.0.1:8000
	DEBUG=1 $(VENV)/bin/commonweal migrate --noinput
	DEBUG=1 $(VENV)/bin/commonweal demo load
	DEBUG=1 $(VENV)/bin/commonweal runserver 127.0.0.1:8000

test: setup-test ## Set up and run the whole test suite
	$(VENV)/bin/pytest

setup: check-python $(UV) ## Python environment, dependencies and front-end assets
	$(UV) sync --locked --python $(PYTHON) --no-dev --quiet
	$(MAKE) --no-print-directory assets

setup-test: check-python $(UV)
	$(UV) sync --locked --python $(PYTHON) --quiet
	$(MAKE) --no-print-directory assets browser

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Commonweal needs Python 3.11 or newer; $(PYTHON) is " + sys.version.split()[0])'
	@command -v npm >/dev/null || { echo "Commonweal needs Node.js and npm to install the GOV.UK Design System."; exit 1; }

$(UV):
	$(PYTHON) -m venv $(BOOTSTRAP)
	$(BOOTSTRAP)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

assets: commonweal/static/vendor/govuk/commonweal-govuk.min.css

commonweal/static/vendor/govuk/commonweal-govuk.min.css: package.json package-lock.json scripts/copy-govuk-assets.mjs frontend/commonweal.scss
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build

browser: ## Debian's Chromium, for the accessibility tests in a real browser
	@scripts/ensure-chromium

lint:
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) $(BOOTSTRAP) node_modules commonweal/static/vendor
