"""Checks of a `sentra compare` result file (layout: docs/experiments.md).

layout FILE SCENARIOS REPLICATES STEPS OUTCOMES
    the file reads with h5py, holds the runs table (one row per run, in scenario-major
    order), every run's series, the summary and the per-step bands, and replicate r has the
    same seed in every scenario (common random numbers);
zero-differences FILE
    every paired difference, in /summary and in /series, is exactly 0 and every scenario's
    runs are identical to scenario 0's (the same scenario twice: the CRN proof);
same FILE1 FILE2
    /runs, /summary, /series and every run's series are bit-identical (attributes such as
    threads and created_utc may differ);
run-matches FILE GROUP RUNFILE
    the run stored at GROUP has exactly the aggregate and regional series of RUNFILE, a
    `sentra run` with that run's seed (so any run of a comparison can be repeated alone).
"""
import sys

import h5py
import numpy as np

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def layout(path, scenarios, replicates, steps, outcomes):
    scenarios, replicates, steps = int(scenarios), int(replicates), int(steps)
    outcomes = outcomes.split(",")
    runs = scenarios * replicates
    with h5py.File(path, "r") as f:
        check(f.attrs["format"] == "sentra-comparison", f"format attribute is {f.attrs['format']!r}")
        check(f.attrs["runs"] == runs, f"runs attribute {f.attrs['runs']}, expected {runs}")
        t = f["runs"]
        for column in ["run", "scenario", "replicate", "seed", "scenario_name", "run_group"] + outcomes:
            check(column in t, f"/runs/{column} missing")
            if column in t:
                check(t[column].shape == (runs,), f"/runs/{column} has shape {t[column].shape}, expected ({runs},)")
        scenario, replicate, seed = t["scenario"][:], t["replicate"][:], t["seed"][:]
        check(list(scenario) == [k for k in range(scenarios) for _ in range(replicates)], f"scenario column {scenario}")
        check(list(replicate) == [r for _ in range(scenarios) for r in range(replicates)], f"replicate column {replicate}")
        seeds = seed.reshape(scenarios, replicates)
        check((seeds == seeds[0]).all(), f"replicate seeds differ between scenarios: {seeds}")
        check(len(set(seeds[0])) == replicates, f"replicates share a seed: {seeds[0]}")
        check(list(seeds[0]) == [f.attrs["base_seed"] + r for r in range(replicates)], f"seeds {seeds[0]} != base + r")
        for i, group in enumerate(t["run_group"].asstr()[:]):
            g = f[group]
            check(g.attrs["seed"] == seed[i], f"{group} seed attribute {g.attrs['seed']} != runs table {seed[i]}")
            check(g["aggregates"].shape == (steps,), f"{group}/aggregates has shape {g['aggregates'].shape}")
            for name in outcomes:
                # The runs table holds the mean of the last 12 months of the run's series.
                series = g["aggregates"][name]
                expected = series[-min(12, steps):].mean()
                check(np.isclose(t[name][i], expected, rtol=1e-12, atol=0),
                      f"/runs/{name}[{i}] = {t[name][i]}, mean of the last months of {group} = {expected}")
        s = f["summary"]
        check(s["mean"].shape == (len(outcomes) * scenarios,), f"/summary has {s['mean'].shape} rows")
        check(list(s["outcome"].asstr()[:]) == [o for o in outcomes for _ in range(scenarios)], "/summary outcome order")
        for name in outcomes:
            for suffix in ("_mean", "_lower", "_upper", "_difference", "_difference_lower", "_difference_upper"):
                d = f["series/" + name + suffix]
                check(d.shape == (steps, scenarios), f"/series/{name}{suffix} has shape {d.shape}")
        check(f["series/scenario"].shape == (scenarios,), "/series/scenario")
        check(len(f["scenarios/resolved_yaml"]) == scenarios, "/scenarios/resolved_yaml")


def zero_differences(path):
    with h5py.File(path, "r") as f:
        s = f["summary"]
        for column in ("difference", "difference_lower", "difference_upper", "difference_sd"):
            values = s[column][:]
            check((values == 0).all(), f"/summary/{column} is not all zero: {values}")
        for name, d in f["series"].items():
            if "_difference" in name:
                check((d[:] == 0).all(), f"/series/{name} is not all zero")
        t = f["runs"]
        k = t["scenario"][:]
        for name, d in t.items():
            if d.dtype.kind == "f":
                values = d[:]
                for other in range(1, k.max() + 1):
                    check(values[k == other].tobytes() == values[k == 0].tobytes(),
                          f"/runs/{name} of scenario {other} differs from scenario 0")


def datasets(f):
    out = {}

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset) and name.split("/")[0] in ("runs", "summary", "series", "run"):
            out[name] = obj[()]
    f.visititems(visit)
    return out


def same(a_path, b_path):
    with h5py.File(a_path, "r") as fa, h5py.File(b_path, "r") as fb:
        a, b = datasets(fa), datasets(fb)
    check(bool(a), f"no datasets in {a_path}")
    check(set(a) == set(b), f"dataset names differ: {sorted(set(a) ^ set(b))}")
    for name in sorted(set(a) & set(b)):
        x, y = a[name], b[name]
        if isinstance(x, np.ndarray) and x.dtype.hasobject:
            equal = x.tolist() == y.tolist()
        elif isinstance(x, np.ndarray):
            equal = x.dtype == y.dtype and x.shape == y.shape and x.tobytes() == y.tobytes()
        else:
            equal = x == y
        check(equal, f"{name} differs between {a_path} and {b_path}")
    return len(a)


def run_matches(path, group, run_path):
    with h5py.File(path, "r") as f, h5py.File(run_path, "r") as run:
        g = f[group]
        for table in ("aggregates", "regions"):
            a, b = g[table][()], run[table][()]
            check(a.dtype == b.dtype, f"{group}/{table} and {run_path} hold different series")
            check(a.dtype == b.dtype and a.tobytes() == b.tobytes(), f"{group}/{table} differs from {run_path}")


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "layout":
        layout(*args)
    elif mode == "zero-differences":
        zero_differences(*args)
    elif mode == "run-matches":
        run_matches(*args)
    elif mode == "same":
        print(f"{same(*args)} datasets compared")
    else:
        print(f"unknown mode {mode}")
        return 2
    for message in failures[:20]:
        print("FAIL:", message)
    if not failures:
        print(f"ok: {mode} {' '.join(args)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
