# The two commands a newcomer needs: `make run` and `make test`.
# Both install missing Debian packages first (scripts/setup.sh), then configure a Release
# build with CMake + Ninja in $(BUILD).
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)

.PHONY: run test setup configure build bench docs clean

run: configure
	cmake --build $(BUILD) -j $(JOBS) --target sentra
	@mkdir -p results
	./$(BUILD)/cli/sentra run scenarios/baseline.yaml --out results/baseline.h5

# Tests also need the test-only packages (Chromium); the variable reaches setup through
# build and configure (GNU make passes target-specific variables to prerequisites).
test: SETUP_ENV = SENTRA_TEST_DEPS=1
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

setup:
	@$(SETUP_ENV) bash scripts/setup.sh

configure: setup
	@if [ ! -f $(BUILD)/build.ninja ]; then \
	  cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE); fi

build: configure
	cmake --build $(BUILD) -j $(JOBS)

bench: build
	./$(BUILD)/cli/sentra bench --smes 1000000 --steps 10 --threads $(JOBS)

clean:
	rm -rf $(BUILD)
