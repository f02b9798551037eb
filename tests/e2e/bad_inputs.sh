#!/usr/bin/env bash
# Each tests/data/bad/NAME.yaml must be rejected by `sentra validate` with exit code 2 and a
# message containing every line of NAME.expected (paths are relative to the bad/ folder).
# Files are run from inside the folder so messages name them as "NAME.yaml:line:col".
bin=$1; dir=$2
cd "$dir" || exit 1
fail=0; count=0
for f in *.yaml *.bin; do
  [ -e "$f" ] || continue
  expected="${f%.*}.expected"
  [ -f "$expected" ] || { echo "FAIL: $f has no $expected"; fail=1; continue; }
  count=$((count + 1))
  out=$(timeout 20 "$bin" validate "$f" 2>&1); rc=$?
  if [ "$rc" != 2 ]; then echo "FAIL: $f: exit code $rc, expected 2"; echo "$out"; fail=1; continue; fi
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    if ! grep -qF -- "$line" <<<"$out"; then
      echo "FAIL: $f: message lacks: $line"; echo "--- got:"; echo "$out"; fail=1
    fi
  done < "$expected"
done
echo "$count bad inputs checked"
[ "$count" -gt 0 ] || { echo "FAIL: no bad inputs found"; exit 1; }
exit $fail
