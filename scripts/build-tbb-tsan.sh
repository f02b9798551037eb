#!/usr/bin/env bash
# Builds oneTBB instrumented for ThreadSanitizer and installs it into a private prefix.
#
# Why: Debian's libtbb12 is not compiled with -fsanitize=thread, so TSan cannot see the
# synchronisation inside TBB's scheduler and reports dozens of false races in every
# parallel_for. A TBB compiled with TSan makes those reports vanish while real races in
# our code are still caught. We do NOT paper over them with a suppressions file.
#
# Where the source comes from: Debian's own source package `onetbb` (same version as the
# installed libtbb-dev when the archive still has it), fetched with `apt-get source`.
# The deb-src entries are derived from the configured Debian `deb` entries (one-line
# *.list and deb822 *.sources formats both handled) and kept in a PRIVATE apt state
# directory: /etc/apt and /var/lib/apt/lists are not modified, so the machine's apt setup
# (shared with other users) is untouched and no apt lock is taken.
#
# Usage:  scripts/build-tbb-tsan.sh [PREFIX]
#         scripts/build-tbb-tsan.sh --print-deb-src   (show the derived deb-src entries)
#   PREFIX defaults to $SENTRA_TBB_TSAN_PREFIX, else <repo>/build-tbb-tsan/install.
#   Prints nothing on stdout but the prefix; configure sentra with
#     -DTBB_DIR=$PREFIX/lib/cmake/TBB
# Idempotent: if PREFIX already holds a build made with the same source version and
# flags (stamp file), it returns at once. FORCE=1 rebuilds.
# Needs: dpkg-dev (dpkg-source), cmake, ninja, a C++ compiler — `SENTRA_SANITIZE_DEPS=1
# bash scripts/setup.sh` installs them.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
print_only=0
[ "${1:-}" = --print-deb-src ] && { print_only=1; shift; }
prefix=${1:-${SENTRA_TBB_TSAN_PREFIX:-$repo/build-tbb-tsan/install}}
prefix=$(realpath -m "$prefix")   # absolute: it ends up in RUNPATHs and TBB_DIR
work=$(dirname "$prefix")
[ "$(basename "$prefix")" = install ] || work=$prefix.work
jobs=${JOBS:-2}   # shared 2-core machines: never more than -j2 by default
log() { echo "build-tbb-tsan: $*" >&2; }

# The flags that define "an instrumented TBB"; part of the stamp so a change rebuilds.
tbb_flags=(
  -DCMAKE_BUILD_TYPE=RelWithDebInfo   # -g so TSan reports that go through TBB are readable
  -DTBB_SANITIZE=thread               # adds -fsanitize=thread to every TBB object
  -DTBB_STRICT=OFF                    # TBB's -Werror trips on newer compiler warnings
  -DTBB_TEST=OFF -DTBB_EXAMPLES=OFF   # we only need the library: keeps the build ~30 s
  -DTBBMALLOC_BUILD=OFF               # sentra does not use tbbmalloc
  -DTBB_DISABLE_HWLOC_AUTOMATIC_SEARCH=ON  # no tbbbind: no hwloc dependency
  -DCMAKE_INSTALL_LIBDIR=lib          # so TBB_DIR is always <prefix>/lib/cmake/TBB
)
cxx=${CXX:-c++}
compiler_id=$("$cxx" --version | head -n1)

want_version=$(dpkg-query -W -f='${source:Version}' libtbb-dev 2>/dev/null || true)
stamp_text="onetbb ${want_version:-any} | $compiler_id | ${tbb_flags[*]}"
stamp=$prefix/.sentra-tbb-tsan.stamp
if [ "$print_only" = 0 ] && [ "${FORCE:-0}" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_text" ] \
   && [ -f "$prefix/lib/cmake/TBB/TBBConfig.cmake" ]; then
  log "already built in $prefix (FORCE=1 to rebuild)"
  echo "$prefix"
  exit 0
fi

# Refuse to wipe a non-empty directory this script did not create (e.g. PREFIX=/usr/local).
if [ "$print_only" = 0 ] && [ -d "$prefix" ] && [ ! -f "$prefix/.sentra-owned" ] && [ -n "$(ls -A "$prefix")" ]; then
  log "$prefix exists, is not empty and was not made by this script; choose another PREFIX"; exit 1
fi
[ "$print_only" = 1 ] || command -v dpkg-source >/dev/null || { log "dpkg-source missing: run SENTRA_SANITIZE_DEPS=1 bash scripts/setup.sh"; exit 1; }

# --- 1. private apt state holding deb-src entries for the configured Debian archives ----
apt_dir=$work/apt
rm -rf "$apt_dir"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources.list.d"
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ -n "$codename" ] || { log "cannot read VERSION_CODENAME from /etc/os-release"; exit 1; }
src_list=$apt_dir/sources.list
: >"$src_list"

# One-line format: "deb [opts] URI suite comp..." -> "deb-src [opts] URI suite comp...".
# Only Debian suites of this release (bookworm, bookworm-updates, bookworm-security...):
# third-party repositories (nodesource, cloud sdk, ...) publish no sources.
apt_etc=${SENTRA_APT_ETC:-/etc/apt}   # overridable only to test the parsing below
for f in "$apt_etc"/sources.list "$apt_etc"/sources.list.d/*.list; do
  [ -f "$f" ] || continue
  awk -v cn="$codename" '
    $1 == "deb" {
      i = 2; opts = ""
      if ($2 ~ /^\[/) { while (i <= NF) { opts = opts " " $i; if ($i ~ /\]$/) { i++; break }; i++ } }
      uri = $i; suite = $(i + 1)
      if (suite != cn && index(suite, cn "-") != 1) next
      comps = ""; for (j = i + 2; j <= NF; j++) comps = comps " " $j
      print "deb-src" opts " " uri " " suite comps
    }' "$f" >>"$src_list"
done

# deb822 format (Debian 12's default /etc/apt/sources.list.d/debian.sources): copy each
# enabled stanza whose Types include "deb", with Types replaced by deb-src and only the
# Suites of this release kept.
for f in "$apt_etc"/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  awk -v cn="$codename" '
    function flush(   n, s, i, out, k) {
      if (types ~ /(^| )deb( |$)/ && tolower(enabled) != "no" && uris != "" && suites != "") {
        n = split(suites, s, /[ \t]+/); out = ""
        for (i = 1; i <= n; i++) if (s[i] == cn || index(s[i], cn "-") == 1) out = out " " s[i]
        if (out != "") {
          print "Types: deb-src"; print "URIs: " uris; print "Suites:" out
          for (k = 1; k <= nextra; k++) print extra[k]
          print ""
        }
      }
      types = ""; enabled = ""; uris = ""; suites = ""; nextra = 0
    }
    /^[ \t]*#/ { next }
    /^[ \t]*$/ { flush(); next }
    /^Types:/      { sub(/^Types:[ \t]*/, "");   types = $0;   next }
    /^Enabled:/    { sub(/^Enabled:[ \t]*/, ""); enabled = $0; next }
    /^URIs:/       { sub(/^URIs:[ \t]*/, "");    uris = $0;    next }
    /^Suites:/     { sub(/^Suites:[ \t]*/, "");  suites = $0;  next }
    { extra[++nextra] = $0 }   # Components, Signed-By (incl. continuation lines), ...
    END { flush() }' "$f" >"$apt_dir/sources.list.d/$(basename "$f")"
done

if ! grep -q . "$src_list" && ! cat "$apt_dir"/sources.list.d/*.sources 2>/dev/null | grep -q '^Types: deb-src'; then
  log "found no Debian '$codename' deb entries in $apt_etc to derive deb-src entries from"
  exit 1
fi

if [ "$print_only" = 1 ]; then
  cat "$src_list"; cat "$apt_dir"/sources.list.d/* 2>/dev/null || true
  rm -rf "$apt_dir"; exit 0
fi

apt_opts=(
  -o "Dir::Etc::SourceList=$src_list"
  -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir/cache"
  -o "Debug::NoLocking=1"          # private state: nothing shared to lock
  -o "APT::Sandbox::User=root"     # we run as root; silences the _apt sandbox warning
)
log "fetching Debian source indexes (private apt state in $apt_dir)"
apt-get "${apt_opts[@]}" -qq update

# --- 2. fetch and unpack the onetbb source package -----------------------------------
src_dir=$work/src
rm -rf "$src_dir"; mkdir -p "$src_dir"
pkg=onetbb
if [ -n "$want_version" ] && apt-get "${apt_opts[@]}" -qq --print-uris source "onetbb=$want_version" >/dev/null 2>&1; then
  pkg="onetbb=$want_version"
else
  log "onetbb ${want_version:-?} (installed libtbb-dev) not in the archive; taking its newest onetbb"
fi
log "apt-get source $pkg"
(cd "$src_dir" && apt-get "${apt_opts[@]}" -qq source "$pkg" >/dev/null)
tree=$(find "$src_dir" -mindepth 1 -maxdepth 1 -type d -name 'onetbb-*' | head -n1)
if [ -z "$tree" ] || [ ! -f "$tree/CMakeLists.txt" ]; then log "unpacked source not found in $src_dir"; exit 1; fi

# --- 3. build and install ---------------------------------------------------------------
build=$work/build
rm -rf "$build" "$prefix"
mkdir -p "$prefix" && touch "$prefix/.sentra-owned"
start=$(date +%s)
log "configuring $(basename "$tree") with -DTBB_SANITIZE=thread"
cmake -S "$tree" -B "$build" -G Ninja -DCMAKE_INSTALL_PREFIX="$prefix" "${tbb_flags[@]}" >"$work/configure.log" 2>&1 \
  || { cat "$work/configure.log" >&2; exit 1; }
log "building (-j$jobs)"
cmake --build "$build" -j "$jobs" >"$work/build.log" 2>&1 || { tail -n 50 "$work/build.log" >&2; exit 1; }
cmake --install "$build" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }

# Sanity: the installed library must really carry TSan instrumentation.
lib=$(find "$prefix/lib" -maxdepth 1 -name 'libtbb.so.*' -type f | head -n1)
grep -q __tsan_func_entry "$lib" || { log "$lib is not TSan-instrumented"; exit 1; }
echo "$stamp_text" >"$stamp"
rm -rf "$src_dir" "$apt_dir"     # keep build logs, drop the bulky source and indexes
log "installed in $prefix in $(( $(date +%s) - start )) s (build only)"
echo "$prefix"
