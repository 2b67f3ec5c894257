# The two commands of the README: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.PHONY: serve test build setup bench
setup:
	@scripts/setup.sh
build: setup
	@scripts/build.sh
serve: build
	@scripts/serve.sh
test: setup
	@scripts/test.sh
