#!/usr/bin/env bash
# Virus on a Network figures for docs/performance.md: 10^4 to 10^7 nodes, degree 6, at 1 and
# 2 threads, in two regimes: NetLogo's start (3 infected nodes, the virus mostly still
# local) and an epidemic (10% of nodes infected at the start, so most nodes have infected
# neighbours and every tick draws millions of infection tests). One JSON line per run.
# Usage: bench/virus_on_network.sh [path/to/sentra] [largest N, default 10000000]
set -euo pipefail
bin=${1:-build/cli/sentra}
largest=${2:-10000000}
for n in 10000 100000 1000000 10000000; do
  [ "$n" -le "$largest" ] || break
  ticks=$(( n >= 10000000 ? 20 : 100 ))
  for threads in 1 2; do
    for outbreak in 3 $(( n / 10 )); do
      "$bin" bench --model virus-on-network --nodes "$n" --degree 6 --ticks "$ticks" --threads "$threads" \
        --outbreak "$outbreak" --seed 1
    done
  done
done
