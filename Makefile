# Set-up and everyday commands. Everything runs from a virtualenv in .venv that
# these targets create, so a fresh machine needs only Python 3.11+ and git.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test check score export chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The site needs only the core dependencies; the stamp changes when pyproject.toml does.
$(VENV)/.site: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.site

site: $(VENV)/.site        ## build the whole site into site/ (strict; swapped in only when complete)
	$(BIN)/python -m generator build

serve: $(VENV)/.site       ## serve at http://127.0.0.1:8000, regenerating on change
	$(BIN)/python -m generator serve

check: $(VENV)/.site       ## validate content/ and seeds/
	$(BIN)/python -m generator check

score: $(VENV)/.site       ## score the annotator: seeds, tests/heldout and ../shared/dev (if present)
	$(BIN)/python -m generator score

export: $(VENV)/.site      ## write the generated Markdown tree to export/
	$(BIN)/python -m generator export --out export

chromium:                  ## the browser tests drive Debian's Chromium
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

test: $(VENV)/.dev chromium ## run every test
	$(BIN)/python -m pytest -q

clean:
	rm -rf site export .pytest_cache .cache
