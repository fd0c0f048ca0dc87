# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/relationships
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test setup demo serve dev lint check audit test-sqlite test-postgres test-browser browser vnu reindex bench lighthouse memory guide clean

$(BIN)/activate: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(BIN)/activate

setup: $(BIN)/activate

## make run: set everything up, load the demo content and serve it on http://127.0.0.1:8000
## (links in pages, feeds and calendars use RUN_SITE_URL, the address it serves on)
RUN_SITE_URL ?= http://127.0.0.1:8000
run: setup
	DEBUG=false SITE_URL=$(RUN_SITE_URL) $(BIN)/python manage.py migrate --noinput
	DEBUG=false SITE_URL=$(RUN_SITE_URL) $(BIN)/python manage.py load_demo_content
	DEBUG=false SITE_URL=$(RUN_SITE_URL) $(BIN)/python manage.py set_site_url
	DEBUG=false $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEBUG=false $(BIN)/gunicorn relationships.wsgi -c gunicorn.conf.py

## make dev: Django's auto-reloading server with DEBUG on
dev: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py runserver

reindex: setup
	$(BIN)/python manage.py update_index

## make test: every check CI runs
test: setup lint check audit test-sqlite test-postgres test-browser
	@echo "All checks passed: lint, system checks, migrations, dependency audit, SQLite, PostgreSQL and Chromium."

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	find templates */templates -name '*.html' -print0 | xargs -0 $(BIN)/djhtml --check

check:
	DJANGO_SETTINGS_MODULE=relationships.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=relationships.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

## make audit: fails on a known vulnerability in any pinned dependency. Where the advisory
## service cannot be reached it says so loudly (nothing was audited) instead of failing the build.
audit: setup
	@echo "== Dependency audit (pip-audit) =="
	@$(BIN)/pip-audit -r requirements.txt --progress-spinner off > .audit.log 2>&1; status=$$?; \
	if [ $$status -ne 0 ]; then cat .audit.log; rm -f .audit.log; exit $$status; fi; \
	if grep -q "could not be audited" .audit.log; then \
		echo "!! pip-audit could not reach the vulnerability service: $$(grep -c 'could not be audited' .audit.log) dependencies NOT audited here."; \
	else echo "No known vulnerabilities in the pinned dependencies."; fi; rm -f .audit.log

## The database suites run on one pytest-xdist worker per core; a class's tests stay together so
## each class builds its test data once.
PARALLEL ?= -n $(shell nproc 2>/dev/null || echo 2) --dist loadscope

test-sqlite:
	@echo "== Test suite on SQLite =="
	env -u DATABASE_URL $(BIN)/pytest -m "not browser" -q $(PARALLEL)

test-postgres:
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)', dbname='postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== Test suite on PostgreSQL =="; \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser" -q $(PARALLEL); \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is required in CI but $(PG_URL) is unreachable." >&2; exit 1; \
	else \
		echo "== PostgreSQL unreachable at $(PG_URL): skipped outside CI =="; \
	fi

browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || true

## make vnu: the Nu HTML Checker (npm vnu-jar, run with Java) into the git-ignored node_modules/
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
vnu:
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; } || true
	@test -f $(VNU_JAR) || npm install --prefix . --no-save --no-audit --no-fund --silent vnu-jar@26.9.27

test-browser: browser vnu
	@if command -v chromium >/dev/null; then \
		echo "== Browser tests in Chromium =="; \
		DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m browser -q; \
	elif [ "$$CI" = "true" ]; then \
		echo "Chromium is required in CI and could not be installed." >&2; exit 1; \
	else \
		echo "== Chromium not installed: browser tests skipped outside CI =="; \
	fi

## make guide: retake the editor guide's screenshots (docs/guide/) in the browser tests' admin flows
guide: setup browser
	GUIDE_SCREENSHOTS=1 DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m browser -q tests/browser/test_editorial.py

## make bench: seed rel_bench on the local PostgreSQL, then load-test pages with and without the page cache
bench: setup
	$(BIN)/python bench/seed.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/profile.py /
	$(BIN)/python bench/profile.py post

## make import-wordpress EXPORT=export.xml [MEDIA=uploads] [PARENT=page] [DRY_RUN=1]: bring a WordPress site across (docs/operations.md)
.PHONY: import-wordpress bench-import
import-wordpress: setup
	@test -n "$(EXPORT)" || { echo "Usage: make import-wordpress EXPORT=export.xml [MEDIA=path/to/wp-content/uploads] [PARENT=/about/] [DRY_RUN=1]" >&2; exit 2; }
	$(BIN)/python manage.py import_wordpress "$(EXPORT)" $(if $(MEDIA),--media-dir "$(MEDIA)") $(if $(PARENT),--parent "$(PARENT)") $(if $(DRY_RUN),--dry-run)

## make bench-import: time the WordPress import of 2,000 posts and 200 pages on a fresh SQLite site
bench-import: setup
	$(BIN)/python bench/import.py

## make lighthouse: Lighthouse scores (mobile) of the home page, a post and the blog index of the demo site
lighthouse: setup browser
	bench/lighthouse.sh

## make memory: the gunicorn workers' memory before and after 10,000 requests to the demo site
memory: setup
	bench/memory.sh

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-* media
