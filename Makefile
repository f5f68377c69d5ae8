# Lubelskie Partnerstwo CMS. `make help` lists the targets.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install install-dev migrate content superuser run worker test test-browser lint messages brand-images clean bench soak two-servers screenshots screenshots-update audit validators

help: ## List the targets
	@grep -E '^[a-z-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: requirements.txt $(PY)
	$(PIP) install -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(PY)
	$(PIP) install -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the site's packages

install-dev: $(VENV)/.installed-dev ## Install the site's and the tests' packages

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput

content: migrate ## Load the partnership's content (idempotent)
	$(PY) manage.py load_content

superuser: migrate ## Create a development superuser if there is none (dev settings only)
	$(PY) manage.py ensure_dev_superuser

run: content superuser ## Install, migrate, load the content and serve on http://127.0.0.1:8000/
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: migrate ## Run the background task worker (database queue; serve with the same TASKS_BACKEND)
	TASKS_BACKEND=$${TASKS_BACKEND:-django_tasks_db.DatabaseBackend} $(PY) manage.py db_worker

# The tests write Python's bytecode caches even where the environment turns them off (PYTHONDONTWRITEBYTECODE):
# without them each of a run's processes compiles the project's modules and rewrites every test module's asserts
# again, about 5 s of CPU a process and run. The caches (__pycache__) are not committed.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(VENV)/bin/pytest
# Debian's headless-only Chromium (used first, a third less CPU) or its full browser (tests/browser_tests/conftest.py).
HAS_CHROMIUM := test -x /usr/bin/chromium-headless-shell -o -x /usr/bin/chromium

test: install-dev ## Run the whole test suite, a worker per core (SQLite unless DATABASE_URL says otherwise; browser tests need Chromium)
	@$(HAS_CHROMIUM) || echo "*** Chromium not found: the browser tests (tests/browser_tests) will be SKIPPED. Install it with: apt-get install chromium-headless-shell"
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory validators; else echo "*** npm not found: the HTML validation (tests/seo_tests/test_html_validity.py) will be SKIPPED. Install it with: apt-get install nodejs npm default-jre-headless"; fi
	@command -v java >/dev/null 2>&1 || echo "*** java not found: the HTML validation will be SKIPPED. Install it with: apt-get install default-jre-headless"
	$(PYTEST) $(PYTEST_ARGS)

test-browser: install-dev ## Run only the browser tests (fails without Chromium)
	@$(HAS_CHROMIUM) || { echo "*** Chromium not found. Install it with: apt-get install chromium-headless-shell"; exit 1; }
	$(PYTEST) -m browser $(PYTEST_ARGS)

screenshots: install-dev ## Compare every page type at 375 and 1280 px in both languages with docs/screenshots/ (needs Chromium)
	SCREENSHOTS=compare $(PYTEST) tests/browser_tests/test_screenshots.py $(PYTEST_ARGS)

screenshots-update: install-dev ## Rewrite docs/screenshots/ after a deliberate design change (commit them with it)
	SCREENSHOTS=update $(PYTEST) tests/browser_tests/test_screenshots.py $(PYTEST_ARGS)

audit: install ## Lighthouse 12 (npm) with Debian Chromium on home, partners, a news item and contact, both languages (writes docs/AUDIT.md)
	cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	$(PY) bench/audit.py $(AUDIT_ARGS)

lint: install-dev ## ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: install-dev ## Update the .po catalogues from the sources and compile them (needs GNU gettext)
	$(PY) manage.py makemessages -l pl -l en --ignore=.venv --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

brand-images: install-dev ## Redraw the PNG icons and the default og:image from static/img/*.svg (needs /usr/bin/chromium)
	$(PY) scripts/build_brand_images.py

bench: install ## Benchmark pages and API against a bare view with gunicorn on 127.0.0.1 (writes bench/results.json)
	$(PY) bench/run.py $(BENCH_ARGS)

soak: install ## Bounded soak and fault run (Redis down, database down) on SQLite and PostgreSQL, loopback only
	$(PY) bench/soak.py $(SOAK_ARGS)

two-servers: install ## Two gunicorn servers on one PostgreSQL and Redis: an editor's publish on A is what B serves next
	$(PY) bench/two_servers.py $(TWO_SERVERS_ARGS)

VALIDATORS := tools/validators

$(VALIDATORS)/node_modules/.installed: $(VALIDATORS)/package.json $(VALIDATORS)/package-lock.json
	cd $(VALIDATORS) && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

validators: $(VALIDATORS)/node_modules/.installed ## Install the outside validators the tests run (the Nu Html Checker; needs npm, and Java to run)

clean: ## Remove the virtualenv, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm .pytest_cache .ruff_cache
