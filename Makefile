# Frag den Beirat. `make help` lists every target.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
PY          := $(VENV)/bin/python
BEIRAT      := $(VENV)/bin/beirat
RASA        := $(VENV)/bin/rasa
STAMP       := $(VENV)/.installed
DB_FILE     := var/decisions.sqlite
export DATABASE_URL ?= sqlite:///$(CURDIR)/$(DB_FILE)
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
# No telemetry: nothing leaves this machine.
export RASA_TELEMETRY_ENABLED := false
export PIP_DISABLE_PIP_VERSION_CHECK := 1

RASA_PORT   ?= 5005
ACTION_PORT ?= 5055
WEB_PORT    ?= 8080

KNOWLEDGE   := $(shell find knowledge -type f 2>/dev/null)
NLU_SOURCES := config.yml domain.yml $(shell find data -name '*.yml' -not -path 'data/nlu/lookups/*' 2>/dev/null)
MODEL_STAMP := models/.trained

.PHONY: help install services db lookups train run shell lint test test-browser bench lint-language clean

help: ## List every target
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv with Python 3.10 and install everything
$(STAMP): pyproject.toml constraints.txt
	@PY310=$$(scripts/find-python310.sh) && \
	  { [ -x $(PY) ] || $$PY310 -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade "pip<25" wheel
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	@$(PY) -m bot.spacy_model install || true
	@touch $@

db: $(DB_FILE) ## Build the decisions database from knowledge/
# Rebuilt from scratch into a temporary file, then moved: a failed build leaves the old one.
$(DB_FILE): $(STAMP) $(KNOWLEDGE)
	@mkdir -p var
	@rm -f $@.tmp
	DATABASE_URL=sqlite:///$(CURDIR)/$@.tmp $(BEIRAT) ingest knowledge/protocols
	@mv -f $@.tmp $@

lookups: data/nlu/lookups/.built ## Generate NLU lookup tables from the database
data/nlu/lookups/.built: $(DB_FILE)
	$(BEIRAT) build-lookups --out data/nlu/lookups
	@touch $@

train: $(MODEL_STAMP) ## Train the Rasa model when it is missing or older than its sources
$(MODEL_STAMP): $(STAMP) data/nlu/lookups/.built $(NLU_SOURCES)
	$(RASA) train --fixed-model-name beirat --out models
	@touch $@

run: train ## Set up, build, train, start bot + action server + web page
	@# nginx and redis-server let it run one Rasa process per core; without them it runs one.
	@scripts/install-services.sh || echo "make run: nginx/redis-server nicht installiert: ein Rasa-Prozess (scripts/install-services.sh als root)."
	@scripts/run.sh

shell: train ## Start the action server and open the Rasa shell (for staff)
	@scripts/shell.sh

lint: $(STAMP) ## Lint, format check and type check of bot/ (ruff, mypy)
	$(VENV)/bin/ruff check bot
	$(VENV)/bin/ruff format --check bot
	$(VENV)/bin/mypy

lint-language: db ## Check every answer against the Leichte Sprache rules
	$(BEIRAT) lint-language

services: ## Install PostgreSQL, Redis and nginx (Debian packages) that the tests start
	@scripts/install-services.sh

test: lint train services ## Run every test: lint and types, unit, servers, Rasa stories + NLU, language, browser
	@scripts/test-browser.sh --setup-only
	BEIRAT_REQUIRE_SERVICES=1 $(PY) -m pytest -q --ignore=tests/web
	$(RASA) data validate --fail-on-warnings
	@scripts/test-rasa.sh
	$(BEIRAT) lint-language
	@scripts/test-browser.sh

test-browser: train ## Browser tests of the web widget (chromium); screenshots in test-artifacts/
	@scripts/test-browser.sh

bench: train ## Benchmarks; writes bench/results.json
	$(PY) -m bench

clean: ## Remove generated files (database, lookups, models)
	rm -rf var models data/nlu/lookups results
