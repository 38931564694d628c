# The two commands of the casebook: `make start` and `make test`.
# Both create .venv on first use and install the project with its pinned dependencies.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8866
LAB_PORT ?= 8888
HOST   ?= 127.0.0.1
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: start lab handout test check lint validate notebooks bench loadtest constraints install clean plotly-bundle

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "the casebook needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[test]"
	@touch $(STAMP)

# axe-core (npm) for the browser tests' accessibility check, injected from this local file.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(AXE)

install: $(STAMP) $(AXE)

## plotly-bundle: rebuild plotly-casebook.min.js (the template's static folder), the browser's plotly.js with
## only the trace types the casebook draws (after a plotly upgrade: set the same plotly.js
## version in tools/plotly-bundle/package.json first). Needs npm; running the casebook does not.
plotly-bundle:
	cd tools/plotly-bundle && npm install --no-audit --no-fund --ignore-scripts --loglevel=error && node build.js

## start: open the casebook in the browser (one process serves every page, code hidden, on
## 127.0.0.1 only)
start: $(STAMP)
	$(BIN)/casebook start --port $(PORT) --ip $(HOST) $(ARGS)

## lab: JupyterLab on notebooks/ for authors and teachers (127.0.0.1 only); nothing to set up
## for the charts: JupyterLab does not serve the casebook's plotly.js, so each page's kernel
## sends it once (casebook/views/chart.js)
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.ip=$(HOST) --ServerApp.port=$(LAB_PORT) \
		--ServerApp.root_dir=notebooks --LabApp.default_url=/lab/tree/00_start.ipynb \
		$(ROOT_FLAG) $(LAB_ARGS)

## handout: the casebook as a static book per language, offline, with contents, search and a PDF
## printed by Chromium (build/handout/nl/, build/handout/en/, casebook-nl.pdf, casebook-en.pdf)
handout: $(STAMP)
	$(BIN)/casebook handout --out build/handout --pdf

## test: lint, validate the data, run the unit tests, every notebook under nbval and the
## browser tests; in $(WORKERS) processes (pytest-xdist; the units of work are in tests/conftest.py).
## Three on two cores, a little faster than two since issue 36's keyboard, reflow and width
## checks (2026-12-07, back to back on this code: 165 s with three, 170 s with two; before
## them, 2026-12-02, three were no faster). The app starts no kernels (every page a session in
## its one process); the kernels here are nbval's and the handout's.
WORKERS ?= 3
test: $(STAMP) $(AXE) lint validate
	$(BIN)/python -m pytest -q --nbval --nbval-current-env -n $(WORKERS) --dist loadgroup $(PYTEST_ARGS) \
		tests notebooks

## check: the quick inner loop: lint and the unit tests (no server, kernel, browser or nbval;
## the tests left out are marked `slow` in tests/conftest.py and run in `make test`)
check: $(STAMP) lint
	$(BIN)/python -m pytest -q -p no:nbval -m "not slow" tests

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

validate: $(STAMP)
	$(BIN)/casebook validate

## notebooks: re-execute every notebook in place (after changing the library or the data)
notebooks: $(STAMP)
	$(BIN)/python tools/execute_notebooks.py notebooks/*.ipynb

## bench: speed measurements (not tests); results in bench/results/
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## loadtest: N students at once (N = 30, 60, 100) against one class-mode server, as protocol clients and 2 Chromium pages; results in bench/results/, docs/load.md
loadtest: $(STAMP)
	$(BIN)/python bench/loadtest.py $(LOADTEST_ARGS)

## constraints: record the exact versions now installed in .venv
constraints: $(STAMP)
	{ echo "# Exact versions the casebook was last tested with (pip freeze of .venv)."; \
	  echo "# Regenerate with: make constraints"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^casebook'; } > constraints.txt

clean:
	rm -rf $(VENV) build dist
