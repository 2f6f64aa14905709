# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench bench-docx bench-extract bench-pdf bench-ocr bench-run bench-accuracy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[all,dev]"
	touch $(STAMP)

# The main job on the bundled samples, into a local SQLite file, then what it found.
demo: $(STAMP)
	$(BIN)/perfaudit run corpus/samples --db perfaudit.db
	$(BIN)/perfaudit findings --db perfaudit.db

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

# Benchmarks measure speed, memory and accuracy; they are not tests and assert nothing.
bench: bench-docx bench-extract bench-pdf bench-ocr bench-run bench-accuracy

bench-docx: $(STAMP)
	$(BIN)/python -m benchmarks.bench_docx

bench-extract: $(STAMP)
	$(BIN)/python -m benchmarks.bench_extract

bench-pdf: $(STAMP)
	$(BIN)/python -m benchmarks.bench_pdf

bench-ocr: $(STAMP)
	$(BIN)/python -m benchmarks.bench_ocr

bench-run: $(STAMP)
	$(BIN)/python -m benchmarks.bench_run

bench-accuracy: $(STAMP)
	$(BIN)/python -m benchmarks.accuracy
