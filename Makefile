# Haven: `make demo` runs the site with demo content, `make test` runs the tests.
# Both create their own virtualenv in .venv with nothing but Python 3.11+.

PYTHON ?= python3
VENV := .venv
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

.PHONY: demo serve run test lint format check messages bench audit clean-venv

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Haven needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

## demo: install, migrate, load the demo content, create a staff account, serve on http://$(HOST):$(PORT)
demo: $(VENV)/.runtime-installed
	$(MANAGE) compile_translations
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	$(MANAGE) ensure_staff_account
	@$(MAKE) --no-print-directory run

## serve: run the site without loading the demo content
serve: $(VENV)/.runtime-installed
	$(MANAGE) compile_translations
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	@$(MAKE) --no-print-directory run

# The web server, the background worker and the scheduler together; Ctrl+C stops all three.
run:
	@echo "Haven is running on http://$(HOST):$(PORT)/ (staff: http://$(HOST):$(PORT)/admin/). Stop with Ctrl+C."
	@$(MANAGE) db_worker --queue-name '*' --verbosity 0 & worker=$$!; \
	$(MANAGE) run_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn haven.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --log-level warning

## test: lint, Django checks, then the whole test suite (browser tests need /usr/bin/chromium)
test: $(VENV)/.dev-installed lint check
	$(MANAGE) compile_translations
	$(BIN)/pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.dev-installed
	DJANGO_SETTINGS_MODULE=haven.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=haven.settings.test $(MANAGE) makemigrations --check --dry-run

## messages: update every language's catalogue from the code (needs GNU gettext), then translate the new entries
messages: $(VENV)/.dev-installed
	$(MANAGE) makemessages --all --no-obsolete --ignore='.venv/*' --ignore='data/*'
	$(MANAGE) compile_translations

## bench: campaign page time, queries and weight; registrations per second and the event list (SQLite, then PostgreSQL)
bench: $(VENV)/.dev-installed
	$(BIN)/python bench/campaign_page.py
	$(BIN)/python bench/events.py
	$(BIN)/python bench/events.py --database-url $(BENCH_POSTGRES_URL)

## audit: third-party requests, cookies, axe violations, Observatory score and weight per page type
audit: $(VENV)/.dev-installed
	$(BIN)/python bench/audit.py

clean-venv:
	rm -rf $(VENV)
