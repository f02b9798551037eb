#!/usr/bin/env bash
# `sentra bench --model virus-on-network`: one JSON line; the same results at any thread
# count; a graph written with --write-edges and read back with --edges runs identically;
# bad edge lists and misplaced options exit 2 with a clear message.
bin=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
fail=0
field() {  # name json-line -> value
  sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p" <<<"$2"
}
outcome() {  # the result fields that must not depend on threads or on where the graph came from
  echo "nodes=$(field nodes "$1") edges=$(field edges "$1") ticks=$(field ticks "$1") S=$(field susceptible "$1") I=$(field infected "$1") R=$(field resistant "$1")"
}

args=(bench --model virus-on-network --nodes 20000 --ticks 120 --outbreak 50 --seed 3)
one=$("$bin" "${args[@]}" --threads 1 --write-edges "$out/graph.txt") || { echo "FAIL: bench exited $?"; exit 1; }
echo "$one"
for key in model nodes edges mean_degree generator graph_seconds ticks ticks_requested threads seconds_per_tick \
           agent_steps_per_s susceptible infected resistant peak_rss_bytes; do
  grep -q "\"$key\":" <<<"$one" || { echo "FAIL: no \"$key\" in $one"; fail=1; }
done
[ "$(field edges "$one")" = 60000 ] || { echo "FAIL: expected 60000 links at degree 6"; fail=1; }
[ "$(field infected "$one")" -gt 50 ] || { echo "FAIL: the virus did not spread: $one"; fail=1; }
for t in 2 4; do
  other=$("$bin" "${args[@]}" --threads $t)
  [ "$(outcome "$other")" = "$(outcome "$one")" ] || { echo "FAIL: --threads $t gave $(outcome "$other"), 1 thread $(outcome "$one")"; fail=1; }
done
from_file=$("$bin" bench --model virus-on-network --edges "$out/graph.txt" --ticks 120 --outbreak 50 --seed 3)
[ "$(outcome "$from_file")" = "$(outcome "$one")" ] || { echo "FAIL: --edges gave $(outcome "$from_file"), generated $(outcome "$one")"; fail=1; }
[ "$(field generator "$from_file")" = file ] || { echo "FAIL: generator should be file: $from_file"; fail=1; }
head -1 "$out/graph.txt" | grep -q '^# sentra virus-on-network graph: 20000 nodes, 60000 undirected links' ||
  { echo "FAIL: edge list header: $(head -1 "$out/graph.txt")"; fail=1; }
gnp=$("$bin" bench --model virus-on-network --generator gnp --nodes 20000 --ticks 5)
[ "$(field generator "$gnp")" = gnp ] || { echo "FAIL: gnp: $gnp"; fail=1; }

expect_error() {  # message-fragment command...
  local want=$1; shift
  local err; err=$("$@" 2>&1 >/dev/null); local got=$?
  if [ "$got" != 2 ]; then echo "FAIL: '$*' exited $got, expected 2"; fail=1; fi
  if ! grep -qF -- "$want" <<<"$err"; then echo "FAIL: '$*' said '$err', expected '$want'"; fail=1; fi
}
printf '0 1\n1 2\n2 zz\n' > "$out/bad.txt"
expect_error "bad.txt:3:3: expected a node id (a 0-based non-negative integer), got 'zz'" \
  "$bin" bench --model virus-on-network --edges "$out/bad.txt"
expect_error "no_such_file.txt:1:1: cannot open the edge list" "$bin" bench --model virus-on-network --edges "$out/no_such_file.txt"
expect_error "--nodes applies to --model virus-on-network only" "$bin" bench --nodes 10
expect_error "--smes applies to --model cluster only" "$bin" bench --model virus-on-network --smes 10
expect_error "--degree shapes a generated graph" "$bin" bench --model virus-on-network --edges "$out/graph.txt" --degree 4
expect_error "initial outbreak of 200 nodes exceeds the 150 nodes" "$bin" bench --model virus-on-network --outbreak 200
expect_error "more than the 45 a complete graph on 10 nodes has" "$bin" bench --model virus-on-network --nodes 10 --degree 9.5
expect_error "--spread" "$bin" bench --model virus-on-network --spread 120
expect_error "this machine has" "$bin" bench --model virus-on-network --nodes 2000000000
[ ! -e "$out/bad.txt.partial" ] || { echo "FAIL: partial file left"; fail=1; }
exit $fail
