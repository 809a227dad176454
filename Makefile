# Two commands do all set-up on a fresh machine:
#   make demo          installs quizgen and its runtime dependencies only, builds the bundled article into decks/
#   make test          adds the test extra, runs the whole test suite (installs Chromium, CJK fonts and LibreOffice Writer when missing)
# and one more for developers beside the development corpus:
#   make corpus-check  the checks only ../shared/corpus can feed (CI runs it when the corpus is there)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime
TESTING := $(VENV)/.test
CORPUS := ../shared/corpus

.PHONY: demo test corpus-check corpus-present system-deps bench clean

# A current pip first: it takes about 5 s and then installs the runtime dependencies in about
# 40-50 s where the venv's own pip 23 takes 70-75 s (measured on a fresh clone, warm cache).
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TESTING): $(RUNTIME)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(RUNTIME)
	$(BIN)/quizgen demo -o decks

system-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null || ! command -v npm >/dev/null \
		|| ! command -v java >/dev/null || ! command -v soffice >/dev/null || ! fc-list :lang=zh | grep -q .; then \
		echo "installing chromium, fonts-noto-cjk, poppler-utils, libreoffice-writer-nogui, npm and java (needs root)"; \
		$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk poppler-utils libreoffice-writer-nogui \
			$$(command -v npm >/dev/null || echo npm) $$(command -v java >/dev/null || echo default-jre-headless); \
	fi

tools/node_modules/.installed: tools/package.json
	npm install --prefix tools --no-audit --no-fund --no-package-lock --silent
	touch $@

test: $(TESTING) system-deps tools/node_modules/.installed
	$(BIN)/python -m pytest -q

# The corpus is looked for before anything is installed; the extraction table comes first,
# so that the run ends on pytest's summary line.
corpus-check: corpus-present $(TESTING)
	$(BIN)/python benchmarks/extraction.py $(CORPUS)
	$(BIN)/python -m pytest -q corpus_checks

corpus-present:
	@test -d $(CORPUS) || { echo "the development corpus is missing: $(CORPUS) (it lies beside the repository, not in it)" >&2; exit 1; }

bench: $(RUNTIME)
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/answer_spans.py

clean:
	rm -rf $(VENV) build dist *.egg-info
