# Two commands do all set-up on a fresh machine:
#   make demo   builds the bundled article into decks/
#   make test   runs the whole test suite (installs Chromium and CJK fonts when missing)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test system-deps bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/quizgen demo -o decks

system-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null || ! command -v npm >/dev/null \
		|| ! command -v java >/dev/null || ! fc-list :lang=zh | grep -q .; then \
		echo "installing chromium, fonts-noto-cjk, poppler-utils, npm and java (needs root)"; \
		$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk poppler-utils \
			$$(command -v npm >/dev/null || echo npm) $$(command -v java >/dev/null || echo default-jre-headless); \
	fi

tools/node_modules/.installed: tools/package.json
	npm install --prefix tools --no-audit --no-fund --no-package-lock --silent
	touch $@

test: $(STAMP) system-deps tools/node_modules/.installed
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/extraction.py

clean:
	rm -rf $(VENV) build dist *.egg-info
