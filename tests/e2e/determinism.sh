#!/usr/bin/env bash
# Same scenario and seed: bit-identical datasets at 1, 2 and 4 threads. Another seed: different.
bin=$1; scenario=$2; out=$3; py=$4; compare=$5
mkdir -p "$out"; rm -f "$out"/*.h5
for t in 1 2 4; do
  "$bin" run "$scenario" --out "$out/t$t.h5" --threads $t --quiet || exit 1
done
"$bin" run "$scenario" --out "$out/seed.h5" --threads 2 --seed 424242 --quiet || exit 1
"$py" "$compare" --same "$out/t1.h5" "$out/t2.h5" || exit 1
"$py" "$compare" --same "$out/t1.h5" "$out/t4.h5" || exit 1
"$py" "$compare" --different "$out/t1.h5" "$out/seed.h5" || exit 1
