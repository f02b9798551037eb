#!/usr/bin/python3
"""Does higher initial trust raise joint-action success and the in-cluster growth premium?

Runs scenarios/social_capital_low.yaml and social_capital_high.yaml with the same seeds
(common random numbers) on a smaller world and compares their aggregates (docs/model.md,
§7.15-7.16). Prints, for each aggregate and cluster review month, the mean of both arms, the
mean paired difference (high - low), its standard deviation and in how many replicates high
exceeds low. Exit status 1 if joint_success_rate or cluster_growth_premium of the high arm
does not exceed the low arm's in every replicate at the last month.

    /usr/bin/python3 scripts/check_social_capital.py [--bin build/cli/sentra] [--seeds 10]
        [--smes 20000] [--out /tmp/social_capital] [--threads 2] [--set key=value ...]
"""
import argparse
import os
import subprocess
import sys

import h5py
import numpy as np

KEYS = ["joint_participation", "joint_success_rate", "joint_defection_rate", "mean_trust", "mean_social_capital",
        "mean_cohesion", "mean_cluster_norm", "mean_bridging_capital", "cluster_premium", "cluster_growth_premium"]
MUST_RISE = ["joint_success_rate", "cluster_growth_premium"]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(root, "build/cli/sentra"))
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--smes", type=int, default=20000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default="/tmp/social_capital")
    ap.add_argument("--set", action="append", default=[], help="extra --set for both arms")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    scale = [f"world.smes={a.smes}", f"world.intermediaries={max(1, a.smes // 100)}",
             f"world.buyers={max(1, a.smes // 10)}", f"world.big_firms={max(1, a.smes // 10000)}"]
    runs = {}
    for arm in ("low", "high"):
        for seed in range(1, a.seeds + 1):
            path = os.path.join(a.out, f"{arm}_{seed}.h5")
            cmd = [a.bin, "run", os.path.join(root, f"scenarios/social_capital_{arm}.yaml"), "--out", path,
                   "--seed", str(seed), "--threads", str(a.threads), "--quiet"]
            for s in scale + a.set:
                cmd += ["--set", s]
            subprocess.run(cmd, check=True)
            with h5py.File(path, "r") as f:
                runs[(arm, seed)] = {k: f["aggregates"][k][()] for k in KEYS + ["step"]}
    steps = runs[("low", 1)]["step"]
    review = [i for i, t in enumerate(steps) if t % 12 == 0] + [len(steps) - 1]
    seeds = range(1, a.seeds + 1)
    print(f"{a.seeds} seeds, {a.smes} SMEs; mean low, mean high, paired difference (sd), replicates with high > low")
    failed = []
    for k in KEYS:
        lo = np.array([runs[("low", s)][k] for s in seeds])
        hi = np.array([runs[("high", s)][k] for s in seeds])
        for i in review:
            d = hi[:, i] - lo[:, i]
            print(f"{k:24s} month {steps[i]:3d}: {lo[:, i].mean():8.4f} {hi[:, i].mean():8.4f} "
                  f"{d.mean():+8.4f} ({d.std(ddof=1):.4f}) {int(np.sum(d > 0))}/{len(d)}")
        if k in MUST_RISE and not np.all(hi[:, -1] > lo[:, -1]):
            failed.append(k)
    if failed:
        print("FAIL: high trust does not raise " + ", ".join(failed) + " in every replicate")
        return 1
    print("ok: high trust raises " + " and ".join(MUST_RISE) + " in every replicate at the last month")
    return 0


if __name__ == "__main__":
    sys.exit(main())
