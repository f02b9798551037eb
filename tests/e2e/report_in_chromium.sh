#!/usr/bin/env bash
# The HTML reports e2e.report wrote, drawn by headless Chromium as a reader's browser would:
# the DOM holds the inline SVG charts with plotted paths, and a screenshot shows them (pixels
# in the charts' colours), checked with check_report.py.
chromium=$1; out=$2; py=$3; check=$4
fail=0
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
draw() {  # page min_charts name
  local page=$1 min=$2 name=$3
  [ -s "$page" ] || { echo "FAIL: no $page (did e2e.report run?)"; fail=1; return; }
  timeout 60 "$chromium" --headless --disable-gpu --no-sandbox --user-data-dir="$profile" \
    --dump-dom "file://$page" > "$out/$name.dom.html" 2> /dev/null || { echo "FAIL: chromium --dump-dom $page"; fail=1; }
  "$py" "$check" dom "$out/$name.dom.html" "$min" || fail=1
  timeout 60 "$chromium" --headless --disable-gpu --no-sandbox --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1280,2400 --screenshot="$out/$name.png" "file://$page" > /dev/null 2>&1 ||
    { echo "FAIL: chromium --screenshot $page"; fail=1; }
  "$py" "$check" pixels "$out/$name.png" || fail=1
}
draw "$out/cmp-report.html" 6 comparison   # 3 outcomes x (means, difference)
draw "$out/morris/report.html" 2 morris     # 2 outcomes x (mu*, sigma)
draw "$out/sobol/report.html" 2 sobol       # 2 outcomes x (S1, ST bars)
exit $fail
