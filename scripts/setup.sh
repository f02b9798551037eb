#!/usr/bin/env bash
# Installs the Debian 12 packages sentra needs to build, test and benchmark.
# Packages already present are skipped; nothing is downloaded except Debian packages.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git pkg-config
  libboost-graph-dev libtbb-dev libyaml-cpp-dev libhdf5-dev
  doctest-dev libcli11-dev librandom123-dev libbenchmark-dev
  python3 python3-h5py python3-numpy
  gnuplot-nox
  openmpi-bin libopenmpi-dev
)
# gnuplot-nox draws the charts of `sentra report` (HTML); no X11, about 3 MB.
# OpenMPI spreads `sentra sweep` and `sentra compare` over processes and machines
# (`mpirun -np N sentra sweep ...`, distributed/); sentra runs without mpirun as well.
if [ "${SENTRA_TEST_DEPS:-0}" = 1 ]; then
  # Test-only (`make test` sets it): e2e.report_drawn_in_chromium draws the HTML reports in
  # headless Chromium. It is large (~300 MB with its libraries), so `make run` and users who
  # only build do not get it.
  packages+=(chromium)
  # output.xarray reads a run file the way docs/output.md shows (h5py -> pandas -> xarray).
  packages+=(python3-pandas python3-xarray)
fi
if [ "${SENTRA_SANITIZE_DEPS:-0}" = 1 ]; then
  # Needed only to rebuild oneTBB instrumented for ThreadSanitizer (scripts/build-tbb-tsan.sh):
  # dpkg-dev provides dpkg-source, which `apt-get source onetbb` uses to unpack and patch the
  # Debian source package. The sanitizer runtimes (libasan8, libubsan1, liblsan0, libtsan2)
  # already come with g++ (libgcc-12-dev depends on them).
  packages+=(dpkg-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
