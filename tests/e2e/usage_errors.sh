#!/usr/bin/env bash
# Usage errors exit with 2; help exits with 0.
bin=$1
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
expect 0 "$bin" --help
expect 0 "$bin" run --help
exit $fail
