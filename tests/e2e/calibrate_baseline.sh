#!/usr/bin/env bash
# The baseline scenario holds its calibration: every moment `sentra calibrate` reports is
# within its tolerance, except those listed below as known shortfalls of the model (each
# one is stated in docs/model.md). A known shortfall that comes within tolerance is
# reported so the list can shrink; any other moment outside its tolerance fails the test.
bin=$1
scenario=$2
known_outside=(
)
csv=$("$bin" calibrate "$scenario" --format csv --quiet)
fail=0
while IFS= read -r row; do
  name=$(sed -E 's/^"([^"]*)".*/\1/; t; s/^([^,]*),.*/\1/' <<<"$row")
  within=$(awk -F, '{print $(NF-3)}' <<<"$(sed -E 's/"[^"]*"/x/g' <<<"$row")")
  relative=$(awk -F, '{print $(NF-5)}' <<<"$(sed -E 's/"[^"]*"/x/g' <<<"$row")")
  if [ "$within" = true ] && awk -v r="$relative" 'BEGIN{exit !(r != "" && (r > 0.5 || r < -0.5))}'; then
    echo "NOTE: within tolerance but more than half the target away ($relative): $name"
  fi
  known=0
  for k in "${known_outside[@]}"; do [[ "$name" == "$k"* ]] && known=1; done
  if [ "$within" = false ] && [ $known = 0 ]; then echo "FAIL: outside its tolerance: $row"; fail=1; fi
  if [ "$within" = true ] && [ $known = 1 ]; then echo "NOTE: known shortfall now within tolerance: $name"; fi
  if [ "$within" = false ] && [ $known = 1 ]; then echo "known shortfall: $row"; fi
done < <(tail -n +2 <<<"$csv")
rows=$(($(wc -l <<<"$csv") - 1))
[ "$rows" = 33 ] || { echo "FAIL: expected 33 moments, got $rows"; fail=1; }
exit $fail
