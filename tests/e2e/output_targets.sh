#!/usr/bin/env bash
# A result is never written over its own input, nor at a folder: `run` and `compare` refuse
# such a --out before any work (exit 2, a message naming the problem) and leave the input
# as it was. (Before, `run --out SCENARIO` replaced the scenario with HDF5, and `run --out
# FOLDER` failed with exit 1 after the whole simulation.)
bin=$1; scenario=$2; out=$3
mkdir -p "$out"; rm -rf "${out:?}"/*
fail=0
cp "$scenario" "$out/ws.yaml"

# expect_refusal MESSAGE_PART command...: exit 2, the message on stderr, ws.yaml unchanged.
expect_refusal() {
  local part=$1; shift
  "$@" > /dev/null 2> "$out/err"; local rc=$?
  [ $rc = 2 ] || { echo "FAIL: '$*' exited $rc, expected 2"; fail=1; }
  grep -q -- "$part" "$out/err" || { echo "FAIL: '$*': message lacks '$part': $(cat "$out/err")"; fail=1; }
  cmp -s "$out/ws.yaml" "$scenario" || { echo "FAIL: '$*' changed the scenario file"; fail=1; cp "$scenario" "$out/ws.yaml"; }
}

expect_refusal "is the input file" "$bin" run "$out/ws.yaml" --out "$out/ws.yaml" --quiet
expect_refusal "is the input file" "$bin" run "$out/ws.yaml" --out "$out/../$(basename "$out")/ws.yaml" --quiet
ln -s ws.yaml "$out/link.yaml"
expect_refusal "is the input file" "$bin" run "$out/ws.yaml" --out "$out/link.yaml" --quiet
mkdir "$out/folder"
expect_refusal "is a folder" "$bin" run "$out/ws.yaml" --out "$out/folder" --quiet
[ -z "$(ls "$out/folder")" ] || { echo "FAIL: something was written into the folder"; fail=1; }
expect_refusal "is the input file" "$bin" compare "$out/ws.yaml" "$scenario" -r 2 --steps 24 --out "$out/ws.yaml" --quiet
expect_refusal "is a folder" "$bin" compare "$out/ws.yaml" "$scenario" -r 2 --steps 24 --out "$out/folder" --quiet
# A fine target still works.
"$bin" run "$out/ws.yaml" --steps 2 --set timeline=[] --out "$out/fine.h5" --quiet || { echo "FAIL: a plain --out was refused"; fail=1; }
[ -s "$out/fine.h5" ] || { echo "FAIL: no result at a plain --out"; fail=1; }
exit $fail
