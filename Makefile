# Two entry points: `make demo` and `make test`. Both build .venv from scratch when it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format docs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

DEMO_REPORT := build/demo/okrlint-report.html

demo: $(STAMP)
	@echo "== okrlint check --output-format full examples/  (each finding with the source line, the suggested rewrite and why) =="
	@$(BIN)/okrlint check --output-format full examples/; echo "(okrlint exited with $$?: 1 means findings at or above fail-on)"
	@mkdir -p $(dir $(DEMO_REPORT))
	@$(BIN)/okrlint check --output-format html --output-file $(DEMO_REPORT) --exit-zero examples/
	@echo
	@echo "HTML report for a reviewer: $(abspath $(DEMO_REPORT))"

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

docs: $(STAMP)
	$(BIN)/python -m okrlint.docsgen

bench: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
