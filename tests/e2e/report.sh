#!/usr/bin/env bash
# `sentra report` end to end: a tiny comparison (the workshop world against a variant that
# cuts the import tariff at month 6) and a tiny sweep (workshop_factorial) and a tiny Morris
# sweep, each rendered as HTML, Markdown and CSV; sweeps whose indices are n/a; bad input
# (exit 2, nothing written); an output folder made or, when it cannot be, the reason (exit
# 1); and a missing gnuplot (exit 1, says what to install).
# report_in_chromium.sh then draws the pages.
bin=$1; root=$2; out=$3
mkdir -p "$out"; rm -rf "${out:?}"/*
fail=0
scen="$root/scenarios/workshop_small.yaml"

cat > "$out/low_tariff.yaml" <<YAML
schema_version: 1
name: low_tariff
extends: $scen
timeline:
  - {at: 6, set: products.food.import_tariff, value: 0.0}
  - {at: 6, set: products.clothing.import_tariff, value: 0.0}
YAML
"$bin" compare "$scen" "$out/low_tariff.yaml" --replications 3 --steps 19 --outcomes sme_output,import_share,survival \
  --set output.snapshot_every=0 --set output.network_every=0 --out "$out/cmp.h5" --quiet > /dev/null ||
  { echo "FAIL: compare"; fail=1; }

"$bin" report "$out/cmp.h5" 2> "$out/err.txt" || { echo "FAIL: report html exited $?: $(cat "$out/err.txt")"; fail=1; }
html="$out/cmp-report.html"
[ -s "$html" ] || { echo "FAIL: no $html"; fail=1; }
grep -q "wrote $html" "$out/err.txt" || { echo "FAIL: no 'wrote' line: $(cat "$out/err.txt")"; fail=1; }
for want in "In short" "low_tariff</b> compared with <b>workshop_small" "import_share" "95% interval" "<svg"; do
  grep -q "$want" "$html" || { echo "FAIL: '$want' not in $html"; fail=1; }
done
grep -Eq "raises it by|lowers it by" "$html" || { echo "FAIL: no verdict with a direction in $html"; fail=1; }
"$bin" report "$out/cmp.h5" --format md --out "$out/cmp.md" --quiet || { echo "FAIL: report md"; fail=1; }
grep -q "^| outcome | scenario | mean" "$out/cmp.md" || { echo "FAIL: no table in cmp.md"; fail=1; }
"$bin" report "$out/cmp.h5" --format csv --out - > "$out/cmp.csv" || { echo "FAIL: report csv"; fail=1; }
[ "$(wc -l < "$out/cmp.csv")" = 7 ] || { echo "FAIL: csv has $(wc -l < "$out/cmp.csv") lines, expected 1 + 3 x 2"; fail=1; }
head -1 "$out/cmp.csv" | grep -q "^outcome,units,scenario,replicates,mean,mean_lower" || { echo "FAIL: csv header"; fail=1; }

# A sweep folder: the factorial workshop sweep, and a two-factor Morris sweep.
"$bin" sweep "$root/scenarios/experiments/workshop_factorial.yaml" --out "$out/factorial" --quiet > /dev/null ||
  { echo "FAIL: sweep"; fail=1; }
"$bin" report "$out/factorial" --quiet || { echo "FAIL: report of a sweep folder"; fail=1; }
for want in "Sweep: workshop_factorial" "Outcomes per design point" "social.trust_initial" "No run failed"; do
  grep -q "$want" "$out/factorial/report.html" || { echo "FAIL: '$want' not in the sweep report"; fail=1; }
done
"$bin" report "$out/factorial/runs.h5" --format csv --out "$out/factorial.csv" --quiet || { echo "FAIL: sweep csv"; fail=1; }
[ "$(wc -l < "$out/factorial.csv")" = 5 ] || { echo "FAIL: sweep csv has $(wc -l < "$out/factorial.csv") lines, expected 5"; fail=1; }
cat > "$out/morris.yaml" <<YAML
schema_version: 1
kind: experiment
name: report_morris
scenario: $scen
steps: 19                         # the timeline's last event is at month 18
factors:
  - {key: social.trust_initial, min: 0.3, max: 0.7, role: uncertainty}
  - {key: policy.promotion, min: 0.005, max: 0.02, role: lever}
design: {type: morris, trajectories: 3, levels: 4, seed: 1}
outcomes:
  - {name: income, series: sme_profit, reduce: mean}
  - {name: trust, series: mean_trust, reduce: last}
YAML
"$bin" sweep "$out/morris.yaml" --out "$out/morris" --quiet > /dev/null || { echo "FAIL: morris sweep"; fail=1; }
"$bin" report "$out/morris" --quiet || { echo "FAIL: report of a Morris sweep"; fail=1; }
grep -q "Morris elementary effects" "$out/morris/report.html" || { echo "FAIL: no Morris section"; fail=1; }
"$bin" report "$out/morris" --format md --out - | grep -q "mu_star" || { echo "FAIL: no mu_star in the Markdown"; fail=1; }
sed -e 's/^name: report_morris/name: report_sobol/' \
    -e 's/^design: .*/design: {type: sobol, samples: 4, bootstrap: 100, seed: 1}/' "$out/morris.yaml" > "$out/sobol.yaml"
"$bin" sweep "$out/sobol.yaml" --out "$out/sobol" --quiet > /dev/null || { echo "FAIL: sobol sweep"; fail=1; }
"$bin" report "$out/sobol" --quiet || { echo "FAIL: report of a Sobol sweep"; fail=1; }
for want in "Sobol indices" "S1 (alone)" "<svg"; do
  grep -q "$want" "$out/sobol/report.html" || { echo "FAIL: '$want' not in the Sobol report"; fail=1; }
done

# Indices that are n/a still give a page: design points whose every run fails (sme.markup_min
# above sme.markup_max is refused), in a Sobol and a Morris sweep, and a Sobol sweep whose
# second outcome does not vary (the SMEs at month 0). gnuplot cannot draw a chart without
# one value, so a sentence takes its place, and the text says why the indices are n/a.
expect_na() {  # folder, then patterns the page must hold
  local folder=$1; shift
  "$bin" sweep "$out/$folder.yaml" --out "$out/$folder" --quiet > /dev/null 2>&1
  [ -s "$out/$folder/runs.h5" ] || { echo "FAIL: $folder sweep wrote no runs.h5"; fail=1; return; }
  "$bin" report "$out/$folder" --quiet 2> "$out/err.txt" ||
    { echo "FAIL: report of $folder exited $?: $(cat "$out/err.txt")"; fail=1; return; }
  for want in "$@"; do
    grep -q "$want" "$out/$folder/report.html" || { echo "FAIL: '$want' not in the $folder report"; fail=1; }
  done
  "$bin" report "$out/$folder" --format md --out - | grep -q "every index is n/a" || { echo "FAIL: $folder Markdown: no n/a sentence"; fail=1; }
}
sed -e 's/^name: report_sobol/name: report_sobol_failed/' \
    -e 's/^  - {key: policy.promotion.*/  - {key: sme.markup_min, min: 0.5, max: 1.5, role: uncertainty}/' "$out/sobol.yaml" > "$out/sobol_failed.yaml"
expect_na sobol_failed "income: every index is n/a: [0-9]* of 16 design points have no value (every replicate failed)" \
  "No chart of income" "No chart of trust"
sed -e 's/^name: report_morris/name: report_morris_failed/' \
    -e 's/^  - {key: policy.promotion.*/  - {key: sme.markup_min, min: 0.5, max: 1.5, role: uncertainty}/' "$out/morris.yaml" > "$out/morris_failed.yaml"
expect_na morris_failed "income: every index is n/a: [0-9]* of 9 design points have no value" "No chart of income"
sed -e 's/^name: report_sobol/name: report_sobol_constant/' \
    -e 's/^  - {name: trust, .*/  - {name: smes, series: smes, reduce: at, step: 0}/' "$out/sobol.yaml" > "$out/sobol_constant.yaml"
expect_na sobol_constant "smes: every index is n/a: the outcome has the same value at every design point" \
  "No chart of smes" "<svg"

# Bad input: exit 2, a message, nothing written.
expect2() {  # what pattern input
  local what=$1 pattern=$2 input=$3
  "$bin" report "$input" --out "$out/bad.html" > /dev/null 2> "$out/err.txt"; local rc=$?
  [ $rc = 2 ] || { echo "FAIL: $what exited $rc, expected 2"; fail=1; }
  grep -q -- "$pattern" "$out/err.txt" || { echo "FAIL: $what: no '$pattern' in: $(cat "$out/err.txt")"; fail=1; }
  [ ! -e "$out/bad.html" ] && [ ! -e "$out/bad.html.partial" ] || { echo "FAIL: $what wrote a file"; fail=1; }
}
expect2 "missing file" "does not exist" "$out/no_such.h5"
echo "not hdf5" > "$out/text.h5"
expect2 "not HDF5" "not an HDF5 file" "$out/text.h5"
mkdir -p "$out/empty"
expect2 "folder without runs.h5" "not a sweep folder" "$out/empty"
expect2 "run file" "run file of a single run" "$out/factorial/runs/dp0000_r00.h5"
"$bin" report "$out/cmp.h5" --format pdf > /dev/null 2>&1; rc=$?
[ $rc = 2 ] || { echo "FAIL: --format pdf exited $rc, expected 2"; fail=1; }
# --out naming the input itself (or a sweep's own table), or a folder: exit 2, the input intact.
cp "$out/cmp.h5" "$out/keep.h5"
for target in "$out/cmp.h5" "$out/factorial/runs.csv" "$out/empty"; do
  input="$out/cmp.h5"; [ "$target" = "$out/factorial/runs.csv" ] && input="$out/factorial"
  "$bin" report "$input" --out "$target" > /dev/null 2> "$out/err.txt"; rc=$?
  [ $rc = 2 ] && grep -q -- "is the input file\|is a folder" "$out/err.txt" ||
    { echo "FAIL: report $input --out $target exited $rc: $(cat "$out/err.txt")"; fail=1; }
done
cmp -s "$out/cmp.h5" "$out/keep.h5" || { echo "FAIL: report --out its own input changed it"; fail=1; }

# --out in a folder that does not exist: made, as run, compare and sweep make theirs. One
# that cannot be made (a file on the way), or a .partial that cannot be written: exit 1 with
# the OS's reason, nothing written.
"$bin" report "$out/cmp.h5" --out "$out/new/deeper/cmp.html" --quiet || { echo "FAIL: --out in a missing folder exited $?"; fail=1; }
[ -s "$out/new/deeper/cmp.html" ] && [ ! -e "$out/new/deeper/cmp.html.partial" ] ||
  { echo "FAIL: --out in a missing folder: no cmp.html"; fail=1; }
expect1() {  # what pattern out
  local what=$1 pattern=$2 target=$3
  "$bin" report "$out/cmp.h5" --format md --out "$target" > /dev/null 2> "$out/err.txt"; local rc=$?
  [ $rc = 1 ] || { echo "FAIL: $what exited $rc, expected 1"; fail=1; }
  grep -q -- "$pattern" "$out/err.txt" || { echo "FAIL: $what: no '$pattern' in: $(cat "$out/err.txt")"; fail=1; }
  [ ! -f "$target" ] && [ ! -f "$target.partial" ] || { echo "FAIL: $what wrote a file"; fail=1; }
}
expect1 "--out under a file" "cannot create output folder $out/text.h5/sub: Not a directory" "$out/text.h5/sub/x.md"
mkdir -p "$out/taken/x.md.partial/inside"
expect1 "--out whose .partial is a folder" "cannot write $out/taken/x.md.partial: Is a directory" "$out/taken/x.md"

# No gnuplot: exit 1, says what to install; Markdown still works without it.
SENTRA_GNUPLOT=/nonexistent/gnuplot "$bin" report "$out/cmp.h5" --out "$out/nognuplot.html" 2> "$out/err.txt"; rc=$?
[ $rc = 1 ] || { echo "FAIL: missing gnuplot exited $rc, expected 1"; fail=1; }
grep -q "gnuplot-nox" "$out/err.txt" || { echo "FAIL: missing gnuplot: $(cat "$out/err.txt")"; fail=1; }
[ ! -e "$out/nognuplot.html" ] && [ ! -e "$out/nognuplot.html.partial" ] || { echo "FAIL: wrote a report without gnuplot"; fail=1; }
SENTRA_GNUPLOT=/nonexistent/gnuplot "$bin" report "$out/cmp.h5" --format md --out - > /dev/null || { echo "FAIL: md needs no gnuplot"; fail=1; }

exit $fail
