#!/usr/bin/env bash
# `sentra run` on a real scenario writes the result file and prints the summary.
bin=$1; scenario=$2; out=$3
mkdir -p "$out"; rm -f "$out"/workshop.h5*
summary=$("$bin" run "$scenario" --out "$out/workshop.h5" --threads 2) || { echo "FAIL: run exited $?"; exit 1; }
echo "$summary"
fail=0
[ -f "$out/workshop.h5" ] || { echo "FAIL: no result file"; fail=1; }
[ ! -e "$out/workshop.h5.partial" ] || { echo "FAIL: partial file left"; fail=1; }
for row in "SMEs, micro" "SME output" "SME employment" "SME exports" "import share" "mean trust"; do
  grep -q "$row" <<<"$summary" || { echo "FAIL: summary lacks '$row'"; fail=1; }
done
exit $fail
