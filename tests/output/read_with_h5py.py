#!/usr/bin/python3
"""Check a sentra run file (docs/output.md) with h5py, reading it the way the docs show.

    /usr/bin/python3 tests/output/read_with_h5py.py RUN.h5 [--expect-synthetic]

Without options it checks the structure of any run file: format attributes, required
groups, consistent lengths, strictly increasing steps, ragged offsets and counts that
add up. --expect-synthetic also checks the exact values written by
sentra_output_write_synthetic (tests/output/synthetic.hpp).

Exit status: 0 ok, 1 a check failed, 77 h5py/numpy missing (ctest reports "skipped").
"""
import argparse
import sys

try:
    import h5py
    import numpy as np
except ImportError as e:
    print(f"skipped: {e} (use Debian's /usr/bin/python3 with python3-h5py)")
    sys.exit(77)

ROOT_STRING_ATTRS = ["format", "format_version", "program_version", "git_commit",
                     "scenario_name", "created_utc", "currency_unit", "step_unit",
                     "hdf5_version"]
RAGGED_INDEX = {"snapshot_step", "count", "offset", "sample"}


class CheckFailed(Exception):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def strictly_increasing(values):
    return bool(np.all(np.diff(values) > 0))


# --- reading, as in docs/output.md -------------------------------------------------

def read_aggregates(f):
    """All aggregate series as numpy arrays, keyed by column name (plus 'step')."""
    return {name: ds[()] for name, ds in f["aggregates"].items()}


def read_regions(f):
    g = f["regions"]
    names = list(g["name"].asstr()[()])
    series = {name: ds[()] for name, ds in g.items() if name not in ("step", "region", "name")}
    return g["step"][()], names, series  # each series is [step, region]


def ragged_columns(group):
    return [name for name in group if name not in RAGGED_INDEX]


def snapshot(group, k):
    """Rows of snapshot k of a ragged group (agents/<kind> or network/<layer>)."""
    start = int(group["offset"][k])
    stop = start + int(group["count"][k])
    return {name: group[name][start:stop] for name in ragged_columns(group)}


# --- generic structure ---------------------------------------------------------------

def check_structure(f):
    for name in ROOT_STRING_ATTRS:
        require(isinstance(f.attrs.get(name), str), f"root attribute {name} missing or not text")
    require(f.attrs["format"] == "sentra-output", f"format is {f.attrs['format']!r}")
    require(f.attrs["format_version"].split(".")[0] == "1",
            f"unsupported format_version {f.attrs['format_version']}")
    require(f.attrs["seed"].dtype == np.uint64, "seed is not uint64")
    require(np.issubdtype(f.attrs["threads"].dtype, np.integer), "threads is not an integer")
    for group in ["provenance", "aggregates", "regions", "agents", "network", "events"]:
        require(isinstance(f.get(group), h5py.Group), f"group /{group} missing")
    for name in ["scenario_yaml", "resolved_yaml", "command_line"]:
        ds = f["provenance"].get(name)
        require(ds is not None and ds.shape == () and h5py.check_string_dtype(ds.dtype),
                f"/provenance/{name} is not a scalar string dataset")

    agg = read_aggregates(f)
    steps = agg["step"]
    require(steps.dtype == np.int64, "aggregates/step is not int64")
    require(strictly_increasing(steps), "aggregates/step is not strictly increasing")
    for name, values in agg.items():
        require(values.shape == steps.shape, f"aggregates/{name} has shape {values.shape}")
        if name != "step":
            attrs = f["aggregates"][name].attrs
            require("units" in attrs and "description" in attrs,
                    f"aggregates/{name} lacks units/description")

    region_steps, names, series = read_regions(f)
    require(np.array_equal(region_steps, steps), "regions/step differs from aggregates/step")
    require(np.array_equal(f["regions/region"][()], np.arange(len(names))),
            "regions/region is not 0..R-1")
    for name, values in series.items():
        require(values.shape == (len(steps), len(names)),
                f"regions/{name} has shape {values.shape}, expected {(len(steps), len(names))}")

    for parent in ["agents", "network"]:
        for kind, g in f[parent].items():
            where = f"/{parent}/{kind}"
            snap, count, offset = g["snapshot_step"][()], g["count"][()], g["offset"][()]
            require(snap.shape == count.shape == offset.shape, f"{where}: index lengths differ")
            require(strictly_increasing(snap), f"{where}/snapshot_step not strictly increasing")
            require(np.all(np.isin(snap, steps)), f"{where}: snapshot at a step not in /aggregates")
            require(np.all(count >= 0), f"{where}/count negative")
            expected_offset = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
            require(np.array_equal(offset, expected_offset), f"{where}/offset != cumsum(count)")
            require(g["count"].attrs.get("sample_dimension") == "sample",
                    f"{where}/count lacks sample_dimension")
            total = int(count.sum())
            for name in ragged_columns(g):
                require(g[name].shape == (total,),
                        f"{where}/{name} has {g[name].shape[0]} rows, counts sum to {total}")

    ev = f["events"]
    for name in ["step", "key", "region", "value"]:
        require("units" in ev[name].attrs and "description" in ev[name].attrs,
                f"/events/{name} lacks units/description")
    lengths = {name: ev[name].shape for name in ["step", "key", "region", "value"]}
    require(len(set(lengths.values())) == 1, f"/events lengths differ: {lengths}")
    return agg


# --- exact values of the synthetic run (formulas: tests/output/synthetic.hpp) -------------

def synthetic_scenario_yaml():
    text = 'name: synthetic\ndescription: "Kota Bandung \u2013 test"\n'
    return text + "".join(f"param_{i}: {i}\n" for i in range(8000))


def check_synthetic(f):
    require(f.attrs["seed"] == np.uint64(18446744073709551557), "seed")
    require(f.attrs["threads"] == 2, "threads")
    require(f.attrs["scenario_name"] == "synthetic", "scenario_name")
    require(f.attrs["created_utc"] == "2024-01-02T03:04:05Z", "created_utc")
    require(f.attrs["yaml-cpp_version"] == "0.7.0", "yaml-cpp_version")
    require(f["provenance/scenario_yaml"].asstr()[()] == synthetic_scenario_yaml(),
            "provenance/scenario_yaml text")
    require(f["provenance/command_line"].asstr()[()] == "sentra run synthetic.yaml --seed 42",
            "provenance/command_line text")

    agg = read_aggregates(f)
    step = np.arange(1, 151, dtype=np.int64)
    require(np.array_equal(agg["step"], step), "aggregates/step")
    require(agg["gdp"].dtype == np.float64 and np.array_equal(agg["gdp"], 1000 + 0.5 * step),
            "aggregates/gdp")
    require(agg["employment"].dtype == np.int64 and np.array_equal(agg["employment"], 100 * step),
            "aggregates/employment")
    require(agg["mean_markup"].dtype == np.float32
            and np.array_equal(agg["mean_markup"], (step / 256).astype(np.float32)),
            "aggregates/mean_markup")
    require(agg["recession"].dtype == np.uint8 and np.array_equal(agg["recession"], step % 2),
            "aggregates/recession")
    require(f["aggregates/gdp"].attrs["units"] == "million IDR/month", "gdp units")

    _, names, series = read_regions(f)
    require(names == ["Jakarta", "Bandung", "Surabaya"], f"region names {names}")
    r = np.arange(3)
    require(np.array_equal(series["output"], 10.0 * step[:, None] + r[None, :] + 0.25),
            "regions/output")
    jakarta = series["firms"][:, names.index("Jakarta")]  # one region's series
    require(np.array_equal(jakarta, step), "regions/firms of Jakarta")
    require(np.array_equal(series["vacancies"], 7 * r[None, :] + step[:, None]),
            "regions/vacancies")

    sme = f["agents/sme"]
    require(np.array_equal(sme["snapshot_step"][()], [50, 100]), "agents/sme/snapshot_step")
    require(np.array_equal(sme["count"][()], [70000, 1234]), "agents/sme/count")
    for k, (at, rows) in enumerate([(50, 70000), (100, 1234)]):
        s = snapshot(sme, k)
        i = np.arange(rows, dtype=np.int64)
        require(np.array_equal(s["id"], 1000000 * k + i), f"sme id, snapshot {k}")
        require(np.array_equal(s["region"], i % 3), f"sme region, snapshot {k}")
        require(np.array_equal(s["employment"], 1.5 * i + at), f"sme employment, snapshot {k}")
        require(np.array_equal(s["wage"], (i % 1000 + 0.5).astype(np.float32)),
                f"sme wage, snapshot {k}")
        require(np.array_equal(s["active"], (i + 1) % 2), f"sme active, snapshot {k}")
    # Same, the vectorised way: snapshot index of every row.
    row_snapshot = np.repeat(np.arange(len(sme["count"])), sme["count"][()])
    require(np.array_equal(np.bincount(row_snapshot), [70000, 1234]), "np.repeat over count")

    sales = f["network/sales"]
    for k, (at, rows) in enumerate([(50, 500), (100, 20)]):
        e = snapshot(sales, k)
        j = np.arange(rows, dtype=np.int64)
        require(np.array_equal(e["src"], j) and np.array_equal(e["dst"], (7 * j + 1) % 1000),
                f"sales edges, snapshot {k}")
        require(np.array_equal(e["weight"], 0.25 * j + at), f"sales weight, snapshot {k}")

    ev = f["events"]
    require(np.array_equal(ev["step"][()], [10, 75, 120]), "events/step")
    require(list(ev["key"].asstr()[()]) == ["minimum_wage", "credit_shock", "minimum_wage"],
            "events/key")
    require(np.array_equal(ev["region"][()], [1, -1, 2]), "events/region")
    require(np.array_equal(ev["value"][()], [0.05, -0.2, 0.1]), "events/value")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--expect-synthetic", action="store_true",
                        help="also check the exact values of the synthetic test run")
    args = parser.parse_args()
    try:
        with h5py.File(args.file, "r") as f:
            agg = check_structure(f)
            if args.expect_synthetic:
                check_synthetic(f)
            summary = (f"{len(agg['step'])} steps, {len(agg) - 1} aggregate columns, "
                       f"agents {list(f['agents'])}, network {list(f['network'])}, "
                       f"{f['events/step'].shape[0]} events")
    except CheckFailed as e:
        print(f"FAILED {args.file}: {e}")
        return 1
    exact = " (synthetic values exact)" if args.expect_synthetic else ""
    print(f"ok {args.file}: {summary}{exact}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
