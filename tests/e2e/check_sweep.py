"""Checks of a `sentra sweep` results folder (layout: docs/experiments.md).

layout DIR POINTS REPLICATES STEPS FACTORS OUTCOMES
    runs.h5 reads with h5py and holds one row per run in design order (design point-major,
    replicate-minor), replicate r has seed base + r at every design point (common random
    numbers), every successful run has its run file with that seed, and each outcome in
    /runs is the reduction of the run file's series that /outcomes describes; runs.csv
    holds the same rows and numbers;
same DIR1 DIR2
    runs.h5 of the two folders hold bit-identical datasets and attributes (except the ones
    that say when and how the sweep ran: created_utc, threads, concurrent_runs,
    command_line), and every run file holds bit-identical series;
run-matches SWEEP_RUN_FILE RUN_FILE
    a run file of a sweep has exactly the aggregate and regional series of RUN_FILE, a
    `sentra run` with the same seed and --set values.
"""
import csv
import os
import sys

import h5py
import numpy as np

failures = []
IGNORED_ATTRIBUTES = {"created_utc", "threads", "concurrent_runs"}
# Dimension-scale bookkeeping holds object references, which differ between files.
REFERENCE_ATTRIBUTES = {"DIMENSION_LIST", "REFERENCE_LIST"}
IGNORED_DATASETS = {"/provenance/command_line"}


def check(condition, message):
    if not condition:
        failures.append(message)


def reduce(series, steps, how, first, last):
    if how == "last":
        return series[-1]
    window = series[(steps >= first) & (steps <= last)]
    return {"mean": window.mean(), "min": window.min(), "max": window.max(), "at": window[0] if len(window) else np.nan}[how]


def layout(folder, points, replicates, steps, factors, outcomes):
    points, replicates, steps = int(points), int(replicates), int(steps)
    factors = factors.split(",") if factors else []
    outcomes = outcomes.split(",")
    n = points * replicates
    with h5py.File(os.path.join(folder, "runs.h5"), "r") as f:
        check(f.attrs["format"] == "sentra-sweep", f"format attribute is {f.attrs['format']!r}")
        check(f.attrs["runs"] == n, f"runs attribute {f.attrs['runs']}, expected {n}")
        for group in ["scenarios", "factors", "outcomes", "design", "runs", "provenance"]:
            check(group in f, f"/{group} missing")
        t = f["runs"]
        for column in ["run", "design_point", "replicate", "seed", "scenario", "status", "error", "run_file"] + factors + outcomes:
            check(column in t, f"/runs/{column} missing")
        dp, rep, seed = t["design_point"][:], t["replicate"][:], t["seed"][:]
        check(list(dp) == [p for p in range(points) for _ in range(replicates)], f"design_point column {dp}")
        check(list(rep) == [r for _ in range(points) for r in range(replicates)], f"replicate column {rep}")
        check(list(seed) == [f.attrs["base_seed"] + r for r in rep], f"seeds {seed} are not base + replicate")
        check(f["design/design_point"].shape == (points,), f"/design has {f['design/design_point'].shape} rows")
        status = t["status"].asstr()[:]
        o = f["outcomes"]
        for i, run_file in enumerate(t["run_file"].asstr()[:]):
            path = os.path.join(folder, run_file)
            if status[i] != "ok":
                check(not os.path.exists(path), f"failed run {i} has a run file")
                for name in outcomes:
                    check(np.isnan(t[name][i]), f"failed run {i} has {name} = {t[name][i]}")
                continue
            check(os.path.exists(path), f"run file {path} missing")
            with h5py.File(path, "r") as r:
                check(r.attrs["format"] == "sentra-output", f"{path} is not a run file")
                check(r.attrs["seed"] == seed[i], f"{path} seed {r.attrs['seed']} != runs table {seed[i]}")
                s = r["aggregates"]["step"]
                check(len(s) == steps, f"{path} has {len(s)} steps, expected {steps}")
                for k, name in enumerate(o["name"].asstr()[:]):
                    series = r["aggregates"][o["series"].asstr()[k]]
                    expected = reduce(series, s, o["reduce"].asstr()[k], o["from"][k], o["to"][k])
                    check(t[name][i] == expected, f"/runs/{name}[{i}] = {t[name][i]}, the run file gives {expected}")
        with open(os.path.join(folder, "runs.csv"), newline="") as c:
            rows = list(csv.DictReader(c))
        check(len(rows) == n, f"runs.csv has {len(rows)} rows, expected {n}")
        check(list(rows[0].keys())[:4] == ["design_point", "replicate", "seed", "scenario"] if rows else False,
              "runs.csv does not start with design_point, replicate, seed, scenario")
        for i, row in enumerate(rows):
            check(int(row["design_point"]) == dp[i] and int(row["replicate"]) == rep[i], f"runs.csv row {i} out of order")
            check(row["status"] == status[i], f"runs.csv row {i} status {row['status']} != {status[i]}")
            for name in factors + outcomes:
                value = float(row[name]) if row[name] != "" else np.nan
                check(value == t[name][i] or (np.isnan(value) and np.isnan(t[name][i])),
                      f"runs.csv row {i} {name} = {row[name]} != runs.h5 {t[name][i]}")


def identical(x, y):
    """Bit-identical numbers (NaN included), equal text."""
    if isinstance(x, np.ndarray) and x.dtype.kind in "fiuV" and not x.dtype.hasobject:  # V: a table
        return x.dtype == y.dtype and x.shape == y.shape and x.tobytes() == y.tobytes()
    return np.array_equal(x, y)


def compare_objects(a, b, where):
    check(sorted(a.attrs.keys()) == sorted(b.attrs.keys()), f"{where}: attributes differ")
    for k in a.attrs.keys():
        if k in IGNORED_ATTRIBUTES or k in REFERENCE_ATTRIBUTES or k not in b.attrs:
            continue
        x, y = a.attrs[k], b.attrs[k]
        if isinstance(x, np.ndarray):
            check(x.dtype == y.dtype and np.array_equal(x, y), f"{where}@{k} differs")
        else:
            check(x == y, f"{where}@{k}: {x!r} != {y!r}")
    if isinstance(a, h5py.Group):
        check(sorted(a.keys()) == sorted(b.keys()), f"{where}: members {sorted(a.keys())} != {sorted(b.keys())}")
        for k in a.keys():
            if k in b:
                compare_objects(a[k], b[k], f"{where.rstrip('/')}/{k}")
    elif where not in IGNORED_DATASETS:
        x, y = a[()], b[()]
        check(identical(x, y), f"{where} differs")


def same(first, second):
    with h5py.File(os.path.join(first, "runs.h5"), "r") as a, h5py.File(os.path.join(second, "runs.h5"), "r") as b:
        compare_objects(a, b, "/")
        for run_file in a["runs/run_file"].asstr()[:]:
            p, q = os.path.join(first, run_file), os.path.join(second, run_file)
            check(os.path.exists(p) == os.path.exists(q), f"{run_file} exists in one folder only")
            if os.path.exists(p) and os.path.exists(q):
                with h5py.File(p, "r") as x, h5py.File(q, "r") as y:
                    for table in ["aggregates", "regions"]:
                        check(identical(x[table][()], y[table][()]), f"{run_file}:/{table} differs")


def run_matches(sweep_run, run_file):
    with h5py.File(sweep_run, "r") as a, h5py.File(run_file, "r") as b:
        check(a.attrs["seed"] == b.attrs["seed"], f"seeds differ: {a.attrs['seed']} {b.attrs['seed']}")
        check(a["provenance/resolved_yaml"][()] == b["provenance/resolved_yaml"][()], "resolved scenarios differ")
        for table in ["aggregates", "regions"]:
            check(a[table].dtype.names == b[table].dtype.names, f"/{table} columns differ")
            check(identical(a[table][()], b[table][()]), f"/{table} differs")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"layout": layout, "same": same, "run-matches": run_matches}[command](*args)
    for message in failures:
        print("FAIL:", message)
    sys.exit(1 if failures else 0)
