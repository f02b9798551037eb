#!/usr/bin/env bash
# `sentra sweep` end to end on the tiny workshop_factorial experiment (8 runs of the
# 2,000-SME world): the results folder read with h5py (rows in design order, run files,
# outcomes reduced as declared), any single run repeated by `sentra run`, bit-identical
# results at --threads 1 and 2 and at --jobs 1, --resume after deleting two run files
# re-running just those and giving runs.csv byte for byte, a failing run recorded and not
# fatal (exit 1), a bad experiment file (exit 2), an existing folder refused without
# --resume (also of a copied folder), and Ctrl-C (exit 130, finished runs kept, --resume
# completes the sweep).
bin=$1; root=$2; out=$3; py=$4; check=$5
mkdir -p "$out"; rm -rf "${out:?}"/*
fail=0
experiment="$root/scenarios/experiments/workshop_factorial.yaml"
factors=social.trust_initial,policy.promotion
outcomes=income,survival,trust

"$bin" sweep "$experiment" --threads 2 --out "$out/t2" --quiet > "$out/t2.txt" 2> "$out/t2.err"
rc=$?; [ $rc = 0 ] || { echo "FAIL: sweep exited $rc"; cat "$out/t2.err"; fail=1; }
grep -q "8 runs (4 design points x 2 replicates" "$out/t2.txt" || { echo "FAIL: no summary on stdout"; cat "$out/t2.txt"; fail=1; }
[ ! -s "$out/t2.err" ] || { echo "FAIL: --quiet printed on stderr: $(cat "$out/t2.err")"; fail=1; }
[ "$(ls "$out/t2/runs" | wc -l)" = 8 ] || { echo "FAIL: expected 8 run files, got $(ls "$out/t2/runs")"; fail=1; }
[ -e "$out/t2/runs/dp0003_r01.h5" ] || { echo "FAIL: run files are not named dpNNNN_rNN.h5"; fail=1; }
find "$out" -name '*.partial' | grep -q . && { echo "FAIL: .partial left behind"; fail=1; }
[ -s "$out/t2/experiment.yaml" ] || { echo "FAIL: no experiment.yaml"; fail=1; }
"$py" "$check" layout "$out/t2" 4 2 24 "$factors" "$outcomes" || fail=1
# Design point 3 is (trust_initial 0.7, promotion 0.02); replicate 1 ran with seed 7 + 1.
"$bin" run "$root/scenarios/workshop_small.yaml" --set social.trust_initial=0.7 --set policy.promotion=0.02 \
  --set output.snapshot_every=0 --set output.network_every=0 --seed 8 --steps 24 --out "$out/alone.h5" --quiet || { echo "FAIL: sentra run"; fail=1; }
"$py" "$check" run-matches "$out/t2/runs/dp0003_r01.h5" "$out/alone.h5" || fail=1

# Any thread count and any number of runs at once: the same bits.
"$bin" sweep "$experiment" --threads 1 --out "$out/t1" --quiet > /dev/null || { echo "FAIL: --threads 1"; fail=1; }
cmp -s "$out/t1/runs.csv" "$out/t2/runs.csv" || { echo "FAIL: runs.csv differs between --threads 1 and 2"; fail=1; }
"$py" "$check" same "$out/t1" "$out/t2" || fail=1
"$bin" sweep "$experiment" --threads 2 --jobs 1 --out "$out/j1" --quiet > /dev/null || { echo "FAIL: --jobs 1"; fail=1; }
cmp -s "$out/j1/runs.csv" "$out/t2/runs.csv" || { echo "FAIL: runs.csv differs with --jobs 1"; fail=1; }
"$py" "$check" same "$out/j1" "$out/t2" || fail=1

# An existing results folder is not overwritten without --resume.
"$bin" sweep "$experiment" --out "$out/t2" --quiet > /dev/null 2> "$out/again.err"; rc=$?
[ $rc = 2 ] || { echo "FAIL: a second sweep into the same folder exited $rc, expected 2"; fail=1; }
grep -q -- "--resume" "$out/again.err" || { echo "FAIL: no hint at --resume: $(cat "$out/again.err")"; fail=1; }

# --resume after losing two runs: just those two run again, runs.csv is byte for byte the same.
cp -r "$out/t2" "$out/resume"
rm "$out/resume/runs/dp0001_r00.h5" "$out/resume/runs/dp0002_r01.h5"
touch -d '2001-01-01' "$out/resume/runs/dp0000_r00.h5"
"$bin" sweep "$experiment" --out "$out/resume" --resume > /dev/null 2> "$out/resume.err"
rc=$?; [ $rc = 0 ] || { echo "FAIL: --resume exited $rc"; cat "$out/resume.err"; fail=1; }
grep -q "6 resumed" "$out/resume.err" || { echo "FAIL: expected 6 runs resumed: $(tail -1 "$out/resume.err")"; fail=1; }
[ -e "$out/resume/runs/dp0001_r00.h5" ] && [ -e "$out/resume/runs/dp0002_r01.h5" ] || { echo "FAIL: deleted runs not redone"; fail=1; }
[ "$(date -r "$out/resume/runs/dp0000_r00.h5" +%Y)" = 2001 ] || { echo "FAIL: a finished run was redone"; fail=1; }
cmp -s "$out/resume/runs.csv" "$out/t2/runs.csv" || { echo "FAIL: runs.csv after --resume differs"; diff "$out/resume/runs.csv" "$out/t2/runs.csv"; fail=1; }
"$py" "$check" same "$out/resume" "$out/t2" || fail=1

# A folder that lost its experiment.yaml still resumes (each run is checked on its own), and
# files of runs that were being written when a sweep stopped are cleared away.
cp -r "$out/t2" "$out/noyaml"; rm "$out/noyaml/experiment.yaml"
echo partial > "$out/noyaml/runs/dp0001_r00.h5.partial"
"$bin" sweep "$experiment" --out "$out/noyaml" --resume > /dev/null 2> "$out/noyaml.err"
rc=$?; [ $rc = 0 ] || { echo "FAIL: --resume without experiment.yaml exited $rc: $(tail -2 "$out/noyaml.err")"; fail=1; }
grep -q "8 resumed" "$out/noyaml.err" || { echo "FAIL: expected 8 runs resumed without experiment.yaml: $(tail -1 "$out/noyaml.err")"; fail=1; }
grep -q "has no experiment.yaml" "$out/noyaml.err" || { echo "FAIL: no word about the missing experiment.yaml"; fail=1; }
[ -s "$out/noyaml/experiment.yaml" ] || { echo "FAIL: experiment.yaml not written again"; fail=1; }
[ ! -e "$out/noyaml/runs/dp0001_r00.h5.partial" ] || { echo "FAIL: a stale .partial was left behind"; fail=1; }

# A results folder copied elsewhere (its scenarios now at other relative paths) resumes too:
# every run is kept, and experiment.yaml is rewritten with the paths from its new place.
mkdir -p "$out/moved/deeper"; cp -r "$out/t2" "$out/moved/deeper/copy"
"$bin" sweep "$experiment" --out "$out/moved/deeper/copy" --resume > /dev/null 2> "$out/moved.err"
rc=$?; [ $rc = 0 ] || { echo "FAIL: --resume of a copied folder exited $rc: $(tail -2 "$out/moved.err")"; fail=1; }
grep -q "8 resumed" "$out/moved.err" || { echo "FAIL: expected 8 runs resumed in a copied folder: $(tail -1 "$out/moved.err")"; fail=1; }
cmp -s "$out/moved/deeper/copy/runs.csv" "$out/t2/runs.csv" || { echo "FAIL: runs.csv of the copied folder differs"; fail=1; }
moved_scenario=$(sed -n 's/^scenario: //p' "$out/moved/deeper/copy/experiment.yaml" | tr -d '"')
[ -f "$out/moved/deeper/copy/$moved_scenario" ] ||
  { echo "FAIL: experiment.yaml of the copied folder does not point at its scenario from there: $moved_scenario"; fail=1; }

# A run that fails is recorded with its error; the others go on; exit 1. A mark-up floor
# of 2 is a valid value of sme.markup_min, but above the scenario's ceiling sme.markup_max
# (1): the scenario's own cross-key check refuses that combination when the run loads it.
cat > "$out/failing.yaml" <<YAML
schema_version: 1
kind: experiment
name: failing
scenario: $root/scenarios/workshop_small.yaml
steps: 20
factors:
  - {key: sme.markup_min, values: [0.02, 2.0], role: uncertainty}
design: {type: full_factorial}
outcomes:
  - {name: income, series: sme_profit, reduce: last}
YAML
"$bin" sweep "$out/failing.yaml" --out "$out/failing" --quiet > "$out/failing.txt" 2> "$out/failing.err"; rc=$?
[ $rc = 1 ] || { echo "FAIL: a sweep with a failed run exited $rc, expected 1"; fail=1; }
grep -q "1 failed" "$out/failing.txt" || { echo "FAIL: summary does not count the failed run"; fail=1; }
grep -q "^1,0,7,workshop_small,2,,failed,.*sme.markup_min" "$out/failing/runs.csv" || { echo "FAIL: failed run not recorded:"; cat "$out/failing/runs.csv"; fail=1; }
# ... marked at its factor in the experiment file (line 7), not at the --set the sweep made of it.
grep -q "failed,\"$out/failing.yaml:7:5: sme.markup_min: expected at most sme.markup_max (1), got 2\"" "$out/failing/runs.csv" ||
  { echo "FAIL: failed run's error not marked at its factor:"; cat "$out/failing/runs.csv"; fail=1; }
grep -q "^0,0,7,workshop_small,0.02,[-0-9.e]*,ok," "$out/failing/runs.csv" || { echo "FAIL: the good run is missing"; fail=1; }
grep -q "sme.markup_min" "$out/failing.err" || { echo "FAIL: failed run not reported on stderr"; fail=1; }
"$py" "$check" layout "$out/failing" 2 1 20 sme.markup_min income || fail=1

# A bad experiment file: exit 2, file:line:col, nothing written.
cat > "$out/bad.yaml" <<YAML
schema_version: 1
kind: experiment
name: bad
scenario: $root/scenarios/workshop_small.yaml
factors:
  - {key: social.trust_initial, min: 0.3, max: 1.7, role: uncertainty}
design: {type: full_factorial, levels: 2}
outcomes:
  - {name: income, series: sme_profit, reduce: last}
YAML
"$bin" sweep "$out/bad.yaml" --out "$out/bad" > /dev/null 2> "$out/bad.err"; rc=$?
[ $rc = 2 ] || { echo "FAIL: a bad experiment exited $rc, expected 2"; fail=1; }
grep -q "bad.yaml:6:48: factors\[0\].max: expected a number in \[0, 1\] for social.trust_initial, got 1.7" "$out/bad.err" ||
  { echo "FAIL: unexpected message: $(cat "$out/bad.err")"; fail=1; }
[ ! -e "$out/bad" ] || { echo "FAIL: a bad experiment created its folder"; fail=1; }

# Ctrl-C: exit 130, finished run files kept, no tables, no .partial; --resume completes it
# with the same runs.csv as an uninterrupted sweep.
cat > "$out/long.yaml" <<YAML
schema_version: 1
kind: experiment
name: long
scenario: $root/scenarios/workshop_small.yaml
steps: 240
replications: 2
factors:
  - {key: social.trust_initial, min: 0.3, max: 0.7, role: uncertainty}
design: {type: full_factorial, levels: 8}
outcomes:
  - {name: income, series: sme_profit, reduce: mean, window: [120, 239]}
YAML
"$bin" sweep "$out/long.yaml" --out "$out/long" --threads 2 --quiet > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1200); do ls "$out/long/runs/"*.h5 > /dev/null 2>&1 && break; sleep 0.05; done  # up to a minute (sanitizer builds are slow)
kill -INT $pid
wait $pid; rc=$?
[ $rc = 130 ] || { echo "FAIL: interrupted sweep exited $rc, expected 130"; fail=1; }
kept=$(ls "$out/long/runs" | grep -c '\.h5$')
[ "$kept" -ge 1 ] && [ "$kept" -lt 16 ] || { echo "FAIL: $kept run files after the interrupt, expected some of 16"; fail=1; }
find "$out/long" -name '*.partial' | grep -q . && { echo "FAIL: .partial left after interrupt"; fail=1; }
[ ! -e "$out/long/runs.csv" ] || { echo "FAIL: runs.csv written after interrupt"; fail=1; }
"$bin" sweep "$out/long.yaml" --out "$out/long" --resume --quiet > /dev/null || { echo "FAIL: --resume after Ctrl-C"; fail=1; }
"$bin" sweep "$out/long.yaml" --out "$out/long_whole" --quiet > /dev/null || { echo "FAIL: uninterrupted long sweep"; fail=1; }
cmp -s "$out/long/runs.csv" "$out/long_whole/runs.csv" || { echo "FAIL: interrupted + resumed runs.csv differs"; fail=1; }
exit $fail
