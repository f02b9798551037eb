#!/usr/bin/env bash
# `sentra compare` end to end: a real comparison of two small scenarios, its HDF5 file read
# with h5py, common random numbers (A vs A gives exactly zero differences), bit-identical
# results at 1 and 2 threads, usage errors (exit 2, nothing written) and Ctrl-C (exit 130,
# existing result untouched, no .partial left).
bin=$1; scenarios=$2; out=$3; py=$4; check=$5
mkdir -p "$out"; rm -rf "${out:?}"/*
fail=0
a="$scenarios/workshop_small.yaml"; b="$scenarios/acfta_tariff_path.yaml"
# The ACFTA path extends the 100,000-SME baseline: these keys make both worlds the
# workshop's size. 37 months, because the tariff steps come at months 24 and 36.
small=(--steps 37 --set world.smes=2000 --set world.regions=4 --set world.intermediaries=20
       --set world.buyers=200 --set world.big_firms=2)
outcomes=sme_output,sme_employment,sme_exports,survival,import_share,intermediary_margin,mean_trust,partnerships,local_revenue

"$bin" compare "$a" "$b" --replications 3 "${small[@]}" --threads 2 --out "$out/ab.h5" --quiet > "$out/ab.txt"
rc=$?; [ $rc = 0 ] || { echo "FAIL: compare exited $rc"; fail=1; }
[ -s "$out/ab.md" ] || { echo "FAIL: no report $out/ab.md"; fail=1; }
ls "$out"/*.partial >/dev/null 2>&1 && { echo "FAIL: .partial left behind"; fail=1; }
grep -q "paired" "$out/ab.txt" || { echo "FAIL: no report on stdout"; fail=1; }
"$py" "$check" layout "$out/ab.h5" 2 3 37 "$outcomes" || fail=1
# Replicate 2 ran with seed base + 2 = 9 (workshop_small's seed is 7): `sentra run` repeats it.
"$bin" run "$b" "${small[@]}" --seed 9 --out "$out/s1_r2.h5" --quiet || { echo "FAIL: sentra run"; fail=1; }
"$py" "$check" run-matches "$out/ab.h5" run/s1_r2 "$out/s1_r2.h5" || fail=1

# Common random numbers: the same scenario twice differs by exactly nothing.
"$bin" compare "$a" "$a" --replications 3 "${small[@]}" --out "$out/aa.h5" --quiet --format csv > "$out/aa.csv" || { echo "FAIL: A vs A"; fail=1; }
"$py" "$check" zero-differences "$out/aa.h5" || fail=1
[ "$(wc -l < "$out/aa.csv")" = 19 ] || { echo "FAIL: csv report has $(wc -l < "$out/aa.csv") lines, expected 1 + 9 x 2"; fail=1; }

# Any thread count: the same bits.
"$bin" compare "$a" "$b" --replications 3 "${small[@]}" --threads 1 --out "$out/ab_t1.h5" --quiet > /dev/null || { echo "FAIL: --threads 1"; fail=1; }
"$py" "$check" same "$out/ab_t1.h5" "$out/ab.h5" || fail=1

# Usage errors: exit 2, a message, no file.
expect2() {  # what grep-pattern args...
  local what=$1 pattern=$2; shift 2
  "$bin" compare "$@" --out "$out/bad.h5" > /dev/null 2> "$out/err.txt"; local rc=$?
  [ $rc = 2 ] || { echo "FAIL: $what exited $rc, expected 2"; fail=1; }
  grep -q -- "$pattern" "$out/err.txt" || { echo "FAIL: $what: no '$pattern' in: $(cat "$out/err.txt")"; fail=1; }
  [ ! -e "$out/bad.h5" ] || { echo "FAIL: $what wrote a file"; fail=1; }
}
expect2 "one scenario" "at least two scenario" "$a" --replications 3
expect2 "one replicate" "at least 2" "$a" "$b" --replications 1 "${small[@]}"
expect2 "no --replications" "replications" "$a" "$b"
expect2 "unknown outcome" "did you mean 'sme_output'" "$a" "$b" --replications 2 "${small[@]}" --outcomes survival,sme_outptu
expect2 "different lengths" "different numbers of months" "$a" "$b" --replications 2
expect2 "missing file" "does not exist" "$a" "$scenarios/no_such.yaml" --replications 2
expect2 "bad key" "did you mean" "$a" "$b" --replications 2 "${small[@]}" --set world.smez=10

# Ctrl-C: stops at a month boundary, exit 130, the previous result untouched, no .partial.
echo "previous result" > "$out/big.h5"
"$bin" compare "$scenarios/baseline.yaml" "$scenarios/baseline.yaml" --replications 4 --steps 600 \
  --threads 2 --out "$out/big.h5" --quiet > /dev/null &
pid=$!
sleep 2
kill -INT $pid
wait $pid; rc=$?
[ $rc = 130 ] || { echo "FAIL: interrupted compare exited $rc, expected 130"; fail=1; }
[ "$(cat "$out/big.h5")" = "previous result" ] || { echo "FAIL: the existing result was changed"; fail=1; }
ls "$out"/big.* | grep -q partial && { echo "FAIL: .partial left after interrupt"; fail=1; }
[ ! -e "$out/big.md" ] || { echo "FAIL: report written after interrupt"; fail=1; }
exit $fail
