#!/usr/bin/env bash
# SIGINT stops a run at a step boundary with exit code 130, leaves no .partial file and
# leaves an existing result file untouched.
bin=$1; scenarios=$2; out=$3
mkdir -p "$out"; rm -f "$out"/*
target="$out/result.h5"
echo "previous result" > "$target"
"$bin" run "$scenarios/baseline.yaml" --steps 1000 --out "$target" --quiet --threads 2 &
pid=$!
sleep 3
kill -INT $pid
wait $pid; rc=$?
fail=0
[ "$rc" = 130 ] || { echo "FAIL: exit code $rc, expected 130"; fail=1; }
[ ! -e "$target.partial" ] || { echo "FAIL: $target.partial left behind"; fail=1; }
[ "$(cat "$target")" = "previous result" ] || { echo "FAIL: existing result was changed"; fail=1; }
exit $fail
