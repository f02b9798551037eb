#!/usr/bin/env bash
# `sentra calibrate`: a table with every moment; the exit code is 3 exactly when some moment
# is outside its tolerance (0 when none is); a bad scenario exits 2.
bin=$1
scenario=$2
fail=0
csv=$("$bin" calibrate "$scenario" --format csv --quiet); code=$?
echo "$csv"
rows=$(($(wc -l <<<"$csv") - 1))
[ "$rows" = 33 ] || { echo "FAIL: expected 33 moments, got $rows"; fail=1; }
head -1 <<<"$csv" | grep -q '^moment,unit,target,simulated,error,relative_error,tolerance,within,' || { echo "FAIL: CSV header"; fail=1; }
outside=$(tail -n +2 <<<"$csv" | grep -c ',false,')
if [ "$outside" -gt 0 ] && [ "$code" != 3 ]; then echo "FAIL: $outside moments outside but exit $code"; fail=1; fi
if [ "$outside" = 0 ] && [ "$code" != 0 ]; then echo "FAIL: all moments within but exit $code"; fail=1; fi
grep -q '^"units share, micro (month 24)",%,98.92,' <<<"$csv" || { echo "FAIL: no units share row"; fail=1; }
text=$("$bin" calibrate "$scenario" --quiet)
grep -q "moments outside their tolerance" <<<"$text" || { echo "FAIL: text summary line missing"; fail=1; }
"$bin" calibrate /nonexistent.yaml >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: missing scenario should exit 2"; fail=1; }
"$bin" calibrate "$scenario" --set sme.hazard_micro=7 >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: bad --set should exit 2"; fail=1; }
exit $fail
