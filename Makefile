# Setup is incremental: the venv is rebuilt only when the lock file or pyproject changes.
PYTHON ?= python3
UV := .tools/uvpkg/bin/uv
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: setup run browser gates lint types contracts test bench bench-peers lock

setup: $(STAMP)

$(UV):
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --target .tools/uvpkg uv

$(STAMP): requirements.lock pyproject.toml | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)
	$(UV) pip install --quiet --compile-bytecode --python $(VENV)/bin/python -r requirements.lock
	$(UV) pip install --quiet --python $(VENV)/bin/python --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/python -m dashboards.app --port 5006

# The browser tests use Debian's Chromium (never a browser downloaded by Playwright), the
# workbook tests Debian's headless LibreOffice.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends chromium fonts-liberation poppler-utils)
	@# LibreOffice recalculates the living workbook in tests/test_living_workbook.py
	@command -v soffice >/dev/null 2>&1 || (apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui)
	@# capsh lets the permission tests drop root's override rights (they skip without it)
	@command -v capsh >/dev/null 2>&1 || (apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends libcap2-bin) || true

# Lint, types and layer contracts, at the versions pinned in the test extra (CI runs these
# before the tests; .pre-commit-config.yaml runs the same from the venv).
gates: lint types contracts

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

types: $(STAMP)
	$(VENV)/bin/mypy

contracts: $(STAMP)
	$(VENV)/bin/lint-imports --no-cache --no-logo

test: $(STAMP) browser
	$(VENV)/bin/python -m pytest

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/bench_engine.py
	$(VENV)/bin/python benchmarks/bench_allocation.py
	$(VENV)/bin/python benchmarks/bench_uncertainty.py
	$(VENV)/bin/python benchmarks/bench_cli_start.py
	$(VENV)/bin/python benchmarks/bench_session.py
	$(VENV)/bin/python benchmarks/bench_nucleolus_large.py --sizes 14 20 35
	$(VENV)/bin/python benchmarks/bench_workbook.py

# Development-only peers for the allocation benchmark (not in the lock, not used by tests).
bench-peers: $(STAMP)
	$(UV) pip install --quiet --python $(VENV)/bin/python coopgame-py tucoopy

lock: | $(UV)
	$(UV) pip compile pyproject.toml --all-extras --python-version 3.11 -o requirements.lock
