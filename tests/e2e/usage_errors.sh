#!/usr/bin/env bash
# Usage errors exit with 2; help exits with 0.
bin=$1; root=$2
fail=0
expect() {  # expected-code command...
  local want=$1; shift
  "$@" >/dev/null 2>&1; local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL: '$*' exited $got, expected $want"; fail=1; fi
}
expect 2 "$bin" run
expect 2 "$bin" frobnicate
expect 2 "$bin" run --threads -3 x.yaml
expect 2 "$bin" bench --smes 0
expect 2 "$bin" bench --smes 100 --steps 1 --set no.such_key=1
expect 2 "$bin" bench --model virus-on-network --set buyers.links_traditional=40
expect 2 "$bin" run /nonexistent/scenario.yaml
# A seed out of range is reported as the option the user typed, with the value they gave.
for cmd in run calibrate; do
  msg=$("$bin" $cmd x.yaml --seed -1 2>&1); rc=$?
  [ $rc = 2 ] && grep -q -- "^--seed: expected an integer in \[0, 9007199254740991\], got -1" <<<"$msg" ||
    { echo "FAIL: $cmd --seed -1 exited $rc: $msg"; fail=1; }
done
expect 2 "$bin" compare a.yaml b.yaml -r 2 --seed 9007199254740992
msg=$("$bin" run x.yaml --steps 0 2>&1); rc=$?
[ $rc = 2 ] && grep -q -- "^--steps: expected an integer in \[1, 1200\], got 0" <<<"$msg" || { echo "FAIL: run --steps 0 exited $rc: $msg"; fail=1; }
# bench reports the world that ran, also when --set overrides its size or months.
json=$("$bin" bench --smes 100 --steps 2 --set world.smes=50 --set steps=3 2>&1)
grep -q '"smes":50,' <<<"$json" && grep -q '"steps":3,' <<<"$json" || { echo "FAIL: bench reported another world: $json"; fail=1; }
# An experiment file given to run, compare or calibrate: one line that points to sweep.
experiment="$root/scenarios/experiments/workshop_factorial.yaml"
for cmd in "run $experiment" "calibrate $experiment" "compare $root/scenarios/workshop_small.yaml $experiment -r 2"; do
  msg=$("$bin" $cmd 2>&1); rc=$?
  [ $rc = 2 ] && [ "$(wc -l <<<"$msg")" = 1 ] && grep -q "workshop_factorial.yaml:5:7: kind: expected scenario (sentra .* takes scenario files; an experiment file runs with sentra sweep" <<<"$msg" ||
    { echo "FAIL: '$cmd' exited $rc: $msg"; fail=1; }
done
expect 0 "$bin" --help
expect 0 "$bin" run --help
exit $fail
