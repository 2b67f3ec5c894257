# The two commands of the README: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.PHONY: serve test build setup bench lint
setup:
	@scripts/setup.sh
build: setup
	@scripts/build.sh
serve: build
	@scripts/serve.sh
test: setup
	@scripts/test.sh
# The style gate CI runs before the tests: cargo fmt --check and clippy -D warnings for every crate.
lint: setup
	@scripts/lint.sh
# Browser benchmark (issue 10), not part of `make test`: make bench [SIZES="seeds 100 1000 10000"]
SIZES ?= seeds 100 1000
bench: setup
	@bench/run.sh $(SIZES)
