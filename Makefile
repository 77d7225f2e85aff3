# Staffroom: `make run` for the demo, `make test` for the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP_RUNTIME := $(VENV)/.installed-runtime
STAMP_DEV := $(VENV)/.installed-dev
VENDOR := static/vendor

.PHONY: run test screenshots test-postgres test-replica pgbouncer multiprocess install install-dev assets browser lint migrate demo worker clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP_RUNTIME): requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(STAMP_DEV): requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(STAMP_RUNTIME) $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(VENDOR)/.copied: node_modules/.package-lock.json
	mkdir -p $(VENDOR)/bootstrap $(VENDOR)/axe-core
	cp node_modules/bootstrap/dist/css/bootstrap.min.css $(VENDOR)/bootstrap/
	cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js $(VENDOR)/bootstrap/
	cp node_modules/axe-core/axe.min.js $(VENDOR)/axe-core/
	touch $@

install: $(STAMP_RUNTIME) assets
install-dev: $(STAMP_DEV) assets
assets: $(VENDOR)/.copied

# Debian's Chromium drives the browser tests and Debian's Java runs the Nu HTML
# checker (npm's vnu-jar) on every page they visit; poppler-utils (pdfinfo,
# pdftoppm) reads the PDFs the browser prints. A fresh machine has none of them.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Chromium from Debian's packages..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@command -v java >/dev/null 2>&1 || { \
	  echo "Installing Java from Debian's packages..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; }
	@command -v pdfinfo >/dev/null 2>&1 || { \
	  echo "Installing poppler-utils from Debian's packages..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq poppler-utils >/dev/null; }

pgbouncer:
	@test -x /usr/sbin/pgbouncer || command -v pgbouncer >/dev/null 2>&1 || { \
	  echo "Installing PgBouncer from Debian's packages..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq pgbouncer >/dev/null; }

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# Web server, task worker and periodic jobs together; Ctrl-C stops them all.
# Background jobs of a non-interactive shell ignore Ctrl-C, so the trap stops them.
run: demo
	@trap 'kill $$worker $$jobs 2>/dev/null; wait' INT TERM EXIT; \
	$(PY) manage.py db_worker & worker=$$!; \
	$(PY) manage.py run_periodic_jobs & jobs=$$!; \
	$(PY) manage.py runserver 127.0.0.1:8000

worker: install
	$(PY) manage.py db_worker

lint: install-dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

# Lint, migrations check and the whole suite (browser tests included) on the
# database in DATABASE_URL (SQLite by default). PYTEST_ARGS passes options on.
# The migrations check runs on SQLite: it needs no database to exist.
# Two workers: the machines have two cores and the suite halves its time.
# On SQLite the test database is built straight from the models, seconds faster
# per worker; on PostgreSQL every migration runs, as it does in production, once:
# one worker migrates a template and each copies it (tests/db_template.py).
# worksteal: the long browser tests no longer leave one worker idle at the end (346 s -> 320 s).
# A standby exported for `make run` is left out: `make test-replica` tests it.
# Bytecode is cached even where the environment says not to (PYTHONDONTWRITEBYTECODE):
# without it every worker parses the project and assertion-rewrites every test module
# again, ~2.3 CPU-seconds per worker per run. __pycache__/ is ignored by git.
PYTEST_ARGS ?= -n 2 --dist worksteal
PYTEST_DB_ARGS = $(if $(DATABASE_URL),,--nomigrations)
test: install-dev browser
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=hub.test_settings $(PY) manage.py makemigrations --check --dry-run
	env -u DATABASE_REPLICA_URL -u STAFFROOM_REQUIRE_REPLICA PYTHONDONTWRITEBYTECODE= \
	  $(VENV)/bin/pytest $(PYTEST_DB_ARGS) $(PYTEST_ARGS)

# The browser tests again, saving a full-page screenshot of each page they show
# (desktop and 360 px) to test-artifacts/screenshots/ for a person to look at.
screenshots: install-dev browser
	env -u DATABASE_URL STAFFROOM_SCREENSHOTS=1 PYTHONDONTWRITEBYTECODE= \
	  $(VENV)/bin/pytest --nomigrations -n 2 --dist worksteal tests/browser

# The same suite against the local PostgreSQL (pytest-django creates test_staffroom).
test-postgres:
	$(MAKE) test DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/staffroom}

# The read-replica routing tests against a real streaming standby: bench/replica_pair.sh
# makes a throwaway primary and standby (ports 5441 and 5442, REPLICA_PAIR_PORTS) and
# drops both afterwards. A standby that does not start fails the run.
REPLICA_PAIR := bench/replica_pair.sh
test-replica: install-dev
	@$(REPLICA_PAIR) start >/dev/null
	@trap '$(REPLICA_PAIR) stop' EXIT; \
	export $$($(REPLICA_PAIR) urls) STAFFROOM_REQUIRE_REPLICA=1; \
	$(VENV)/bin/pytest --nomigrations -q tests/hub/ops/test_db_router_replica.py

# Two gunicorn servers on one PostgreSQL database and one Redis (REDIS_URL, else
# redis://127.0.0.1:6379/14): simultaneous lunch sign-ups and Idea of the Week
# picks across both, and school fragments on three servers (bench/multiprocess.py;
# exits 1 on failure).
# It adds a throwaway school per run, so it has a database of its own.
# The servers, and two task workers that run what they queued, go through a PgBouncer
# of its own (transaction mode, a free port); `make pgbouncer` installs Debian's package
# when it is missing.
MULTIPROCESS_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/staffroom_multiprocess
multiprocess: install pgbouncer
	$(PY) bench/multiprocess.py --database-url $(MULTIPROCESS_DATABASE_URL)

clean:
	rm -rf $(VENV) node_modules $(VENDOR) staticfiles .test-media
