#!/usr/bin/env bash
# Configures, builds and runs the whole test suite under a sanitizer, in its own build dir.
#
#   scripts/sanitize.sh asan   # AddressSanitizer + UBSan (+ LeakSanitizer) in build-asan
#   scripts/sanitize.sh tsan   # ThreadSanitizer against an instrumented oneTBB, in build-tsan
#   scripts/sanitize.sh all    # both, one after the other
#
# Env: JOBS (default 2: the machines are shared 2-core boxes), SENTRA_ASAN_BUILD /
# SENTRA_TSAN_BUILD (build dirs), SENTRA_TBB_TSAN_PREFIX (instrumented TBB prefix),
# CTEST_ARGS (extra ctest arguments, e.g. "-R engine").
# Exits non-zero on any build failure or sanitizer finding. Run
# `SENTRA_SANITIZE_DEPS=1 bash scripts/setup.sh` first on a fresh machine.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
jobs=${JOBS:-2}
asan_dir=${SENTRA_ASAN_BUILD:-build-asan}
tsan_dir=${SENTRA_TSAN_BUILD:-build-tsan}
read -r -a ctest_extra <<<"${CTEST_ARGS:-}"

say() { echo "sanitize: $*" >&2; }
step() {  # step <label> <command...>: run and print its duration
  local label=$1 t0=$SECONDS; shift
  say "--- $label"
  "$@"
  say "--- $label: $((SECONDS - t0)) s"
}

# Sanitizer builds: -O1 -g is the speed/readability trade-off the sanitizer docs
# recommend; RelWithDebInfo's -DNDEBUG is dropped on purpose so assert()s stay active.
common_cmake=(
  -G Ninja
  -DCMAKE_BUILD_TYPE=RelWithDebInfo
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g"
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g"
  -DSENTRA_BUILD_TESTS=ON
  -DSENTRA_BUILD_BENCH=OFF
)

probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT

# Some kernels use more mmap randomisation (vm.mmap_rnd_bits=32) than GCC 12's sanitizer
# runtimes accept ("unexpected memory mapping"); disabling ASLR for the test run with
# `setarch -R` is the standard workaround. Probe once per sanitizer, decide the runner.
runner=()
choose_runner() {  # choose_runner <-fsanitize value>
  local flag=$1 exe=$probe_dir/probe-$1
  printf 'int main() { return 0; }\n' | c++ -x c++ - -fsanitize="$flag" -o "$exe"
  runner=()
  if "$exe" >"$probe_dir/out" 2>&1; then return 0; fi
  if setarch "$(uname -m)" -R "$exe" >/dev/null 2>&1; then
    say "WARNING: -fsanitize=$flag programs only start with ASLR disabled here; running ctest under setarch -R"
    runner=(setarch "$(uname -m)" -R)
    return 0
  fi
  say "a trivial -fsanitize=$flag program does not run on this machine:"; cat "$probe_dir/out" >&2
  exit 1
}

# LeakSanitizer needs to suspend threads with ptrace-like calls, which some sandboxes
# forbid; then every test would die with "LeakSanitizer has encountered a fatal error".
# Probe with a real leak: on failure, turn leak checking off loudly rather than fail CI.
leaks=ON
probe_lsan() {
  local exe=$probe_dir/probe-leak
  printf '#include <cstdlib>\nvoid* volatile p;\nint main() { p = std::malloc(77); p = nullptr; }\n' |
    c++ -x c++ - -fsanitize=address -g -o "$exe"
  ASAN_OPTIONS=detect_leaks=1 "${runner[@]}" "$exe" >"$probe_dir/out" 2>&1 || true
  if grep -q "ERROR: LeakSanitizer: detected memory leaks" "$probe_dir/out"; then
    leaks=ON
  else
    leaks=OFF
    say "WARNING: LeakSanitizer does not work on this machine; leak checking is OFF:"
    sed 's/^/    /' "$probe_dir/out" >&2
  fi
}

# The directional test compares 160 runs of the 100,000-SME scenarios: about 80 s in a
# Release build, a quarter of an hour under ThreadSanitizer. Instrumented builds run it at a
# fifth of that scale (tests/e2e/directional.sh; its claims hold there too, but for clustered
# firms' export premium per firm, which thin markets turn there): the same code paths,
# checked for memory and thread errors.
export SENTRA_DIRECTIONAL_FIFTH=1

run_ctest() {  # run_ctest <build dir>
  "${runner[@]}" ctest --test-dir "$1" --output-on-failure -j "$jobs" --timeout 1800 "${ctest_extra[@]}"
}

run_asan() {
  choose_runner address,undefined
  probe_lsan
  step "configure $asan_dir (address,undefined, leaks $leaks)" \
    cmake -S . -B "$asan_dir" "${common_cmake[@]}" -DSENTRA_SANITIZE=address,undefined \
      -DSENTRA_SANITIZE_LEAKS="$leaks"
  step "build $asan_dir" cmake --build "$asan_dir" -j "$jobs"
  local detect_leaks=0
  [ "$leaks" = ON ] && detect_leaks=1
  # halt_on_error: stop at the first finding; exit code 1 fails the test. No abort_on_error:
  # SIGABRT would make ctest report "Exception" and dump cores for nothing.
  export ASAN_OPTIONS="detect_leaks=$detect_leaks:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:print_summary=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:print_summary=1"
  say "ASAN_OPTIONS=$ASAN_OPTIONS"
  say "UBSAN_OPTIONS=$UBSAN_OPTIONS"
  step "ctest $asan_dir" run_ctest "$asan_dir"
}

# Every test binary that links libtbb must load the instrumented one (RPATH set by CMake
# from TBB_DIR), never /usr/lib's: otherwise TSan's verdicts are meaningless.
check_tsan_tbb() {  # check_tsan_tbb <prefix>
  local prefix=$1 checked=0 f line
  while IFS= read -r -d '' f; do
    [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
    line=$(ldd "$f" 2>/dev/null | grep 'libtbb\.so' || true)
    [ -n "$line" ] || continue
    checked=$((checked + 1))
    case "$line" in
      *"=> $prefix/lib/"*) ;;
      *) say "ERROR: $f loads the wrong libtbb: $line"; return 1 ;;
    esac
  done < <(find "$tsan_dir" -path '*/CMakeFiles' -prune -o -type f -perm -u+x -print0)
  [ "$checked" -gt 0 ] || { say "ERROR: no executable in $tsan_dir links libtbb"; return 1; }
  say "ldd: all $checked executables linking libtbb load $prefix/lib/libtbb.so.*"
}

run_tsan() {
  local t0=$SECONDS prefix
  say "--- instrumented oneTBB (scripts/build-tbb-tsan.sh)"
  prefix=$(bash scripts/build-tbb-tsan.sh)
  say "--- instrumented oneTBB: $((SECONDS - t0)) s"
  choose_runner thread
  step "configure $tsan_dir (thread, TBB_DIR=$prefix/lib/cmake/TBB)" \
    cmake -S . -B "$tsan_dir" "${common_cmake[@]}" -DSENTRA_SANITIZE=thread \
      -DTBB_DIR="$prefix/lib/cmake/TBB"
  step "build $tsan_dir" cmake --build "$tsan_dir" -j "$jobs"
  step "check libtbb at run time" check_tsan_tbb "$prefix"
  # exitcode=66 tells a TSan report apart from an ordinary test failure in the logs.
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:exitcode=66"
  say "TSAN_OPTIONS=$TSAN_OPTIONS"
  step "ctest $tsan_dir" run_ctest "$tsan_dir"
}

case "${1:-}" in
  asan) run_asan ;;
  tsan) run_tsan ;;
  all) run_asan; run_tsan ;;
  *) echo "usage: $0 asan|tsan|all" >&2; exit 2 ;;
esac
