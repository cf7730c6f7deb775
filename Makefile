# Two commands matter on a fresh machine: `make site` and `make test`.
# Both bootstrap .venv from the hashed lock file first, so nothing depends on
# what happens to be installed globally.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
ARGS ?=
BASE ?= origin/main
HEAD ?=
# The engine that builds docs/ into site/: mkdocs (MkDocs + Material) or zensical (its
# successor). This line is also what the Pages workflow publishes with: set it to
# zensical to switch the published site. One build: `make site ENGINE=zensical`.
ENGINE ?= mkdocs

# `make outcomes CSV=rekap.csv MODULE=zona-integritas DELIVERED=2026-11-12 [ARGS=--yes]`
.PHONY: outcomes test site serve validate diff lock bench bench-lighthouse golden schema clean zip pango

# -qq: pip's own notices (setuptools' editable-install banner, unreachable extra
# indexes in a machine's pip.conf) are not the maintainer's business; errors still show.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/pip install -qq --disable-pip-version-check --no-deps --no-build-isolation -e .
	# Fails when pyproject.toml pins (e.g. bumped by Dependabot) disagree with the lock.
	$(BIN)/pip check
	touch $(STAMP)

# Test-only npm packages (see package.json). --ignore-scripts: vnu-jar's install
# script would download a Java runtime; the Nu HTML checker test uses Debian's.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# WeasyPrint (the pathways' PDF booklets) needs Pango from Debian: installed where missing,
# as .ci/run does for Chromium.
pango:
	@ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

test: $(STAMP) $(NODE_STAMP) pango
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(PY) -m pytest -n 2 $(ARGS)

site: $(STAMP) pango
	$(PY) -m generator build --engine $(ENGINE) $(ARGS)

# The package for no connection at all (a zip that opens from file://), from site/: built
# by the publishing workflow as a release asset, not by every `make site`.
zip: $(STAMP)
	$(PY) -m generator zip $(ARGS)

# Writes docs/ first (MkDocs checks that it exists before any hook runs), then serves;
# with Zensical, which ignores the hook, the command itself regenerates the pages.
serve: $(STAMP)
	$(PY) -m generator serve --engine $(ENGINE) $(ARGS)

validate: $(STAMP)
	$(PY) -m generator validate $(ARGS)

diff: $(STAMP)
	$(PY) -m generator diff $(BASE) $(HEAD)

# Regenerate the schema files and the format reference from the models.
schema: $(STAMP)
	$(PY) -m generator schema

# Regenerate the golden Markdown that tests/test_golden.py compares against.
golden: $(STAMP)
	$(PY) -m tests.golden

bench: $(STAMP)
	$(PY) bench/validate_bench.py
	$(PY) bench/site_bench.py
	$(PY) bench/search_bench.py

# Lighthouse has its own lock in bench/, so `make test` never installs it.
bench-lighthouse: $(STAMP)
	npm ci --prefix bench --ignore-scripts --no-audit --no-fund --loglevel=error
	$(PY) bench/lighthouse_bench.py $(ARGS)

outcomes: $(STAMP)
	$(PY) -m generator outcomes import "$(CSV)" --module "$(MODULE)" --delivered "$(DELIVERED)" $(ARGS)

lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --strip-extras -o requirements.txt pyproject.toml

clean:
	rm -rf $(VENV) node_modules bench/node_modules site docs .pytest_cache
