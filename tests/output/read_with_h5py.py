#!/usr/bin/python3
"""Check a sentra run file (docs/output.md) with h5py: its structure, and with
--expect-synthetic the values of a synthetic file (whose names are made up for the test;
the page's own example is run on a real run file by run_doc_snippet.py).

    /usr/bin/python3 tests/output/read_with_h5py.py RUN.h5 [--expect-synthetic]

Without options it checks the structure of any run file of format 2.0: format
attributes, required groups and tables, units and descriptions for every column,
consistent lengths, strictly increasing steps, snapshot rows in step order. --expect-synthetic also checks the exact values written by
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
TABLES = ["aggregates", "regions", "events"]  # datasets at the root (format 2.0)


class CheckFailed(Exception):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def strictly_increasing(values):
    return bool(np.all(np.diff(values) > 0))


# --- reading, as in docs/output.md -------------------------------------------------

def read_aggregates(f):
    """The aggregates table: a numpy structured array, one field per column ('step' first)."""
    return f["aggregates"][()]


def read_regions(f):
    """The regions table (rows: step-major, region-minor) and the region names."""
    ds = f["regions"]
    return ds[()], list(ds.attrs["region_names"])


def column_units(ds):
    """{column: units} of a table."""
    return dict(zip(ds.dtype.names, ds.attrs["units"]))


def snapshot(table, step):
    """Rows of the snapshot taken at `step` of an agents/<kind> or network/<layer> table."""
    rows = table[()]
    return rows[rows["step"] == step]


def as_matrix(regions, column, n_regions):
    """A regional column as a [step, region] array (rows are step-major, region-minor)."""
    return regions[column].reshape(-1, n_regions)


# --- generic structure ---------------------------------------------------------------

def check_table(ds, where):
    require(isinstance(ds, h5py.Dataset) and ds.dtype.names is not None and ds.ndim == 1,
            f"{where} is not a 1-D table (compound dataset)")
    names = ds.dtype.names
    require(names[0] == "step" and ds.dtype["step"] == np.int64, f"{where}: first field is not int64 step")
    for attr in ["units", "description"]:
        values = ds.attrs.get(attr)
        require(values is not None and len(values) == len(names),
                f"{where}: attribute {attr} has no entry per field")
        require(all(isinstance(v, str) for v in values), f"{where}: attribute {attr} is not text")
    require(ds.chunks is not None and ds.maxshape == (None,), f"{where} is not chunked and extendible")
    if ds.shape[0] > 0:
        require(ds.compression == "gzip" and ds.shuffle, f"{where} is not shuffled and deflated")


def check_structure(f):
    for name in ROOT_STRING_ATTRS:
        require(isinstance(f.attrs.get(name), str), f"root attribute {name} missing or not text")
    require(f.attrs["format"] == "sentra-output", f"format is {f.attrs['format']!r}")
    require(f.attrs["format_version"].split(".")[0] == "2",
            f"unsupported format_version {f.attrs['format_version']}")
    require(f.attrs["seed"].dtype == np.uint64, "seed is not uint64")
    require(np.issubdtype(f.attrs["threads"].dtype, np.integer), "threads is not an integer")
    for group in ["provenance", "agents", "network"]:
        require(isinstance(f.get(group), h5py.Group), f"group /{group} missing")
    for table in TABLES:
        check_table(f.get(table), f"/{table}")
    for name in ["scenario_yaml", "resolved_yaml", "command_line"]:
        ds = f["provenance"].get(name)
        require(ds is not None and ds.shape == () and h5py.check_string_dtype(ds.dtype),
                f"/provenance/{name} is not a scalar string dataset")

    agg = read_aggregates(f)
    steps = agg["step"]
    require(strictly_increasing(steps), "aggregates: step is not strictly increasing")

    regions, names = read_regions(f)
    require(f["regions"].dtype.names[:2] == ("step", "region"), "regions: fields step, region first")
    require(len(regions) == len(steps) * len(names),
            f"regions has {len(regions)} rows for {len(steps)} steps x {len(names)} regions")
    require(np.array_equal(regions["step"], np.repeat(steps, len(names))), "regions: step differs from aggregates")
    require(np.array_equal(regions["region"], np.tile(np.arange(len(names)), len(steps))),
            "regions: region is not 0..R-1 within each step")

    for parent in ["agents", "network"]:
        for kind, ds in f[parent].items():
            where = f"/{parent}/{kind}"
            check_table(ds, where)
            snap = ds["step"]
            require(np.all(np.diff(snap) >= 0), f"{where}: rows are not in step order")
            require(np.all(np.isin(np.unique(snap), steps)), f"{where}: snapshot at a step not in /aggregates")

    ev = f["events"]
    require(ev.dtype.names == ("step", "key", "region", "value"), f"/events fields {ev.dtype.names}")
    require(h5py.check_string_dtype(ev.dtype["key"]) is not None, "/events key is not text")
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
    require(agg.dtype.names == ("step", "gdp", "employment", "mean_markup", "recession"),
            f"aggregates fields {agg.dtype.names}")
    require(np.array_equal(agg["step"], step), "aggregates step")
    require(agg["gdp"].dtype == np.float64 and np.array_equal(agg["gdp"], 1000 + 0.5 * step),
            "aggregates gdp")
    require(agg["employment"].dtype == np.int64 and np.array_equal(agg["employment"], 100 * step),
            "aggregates employment")
    require(agg["mean_markup"].dtype == np.float32
            and np.array_equal(agg["mean_markup"], (step / 256).astype(np.float32)),
            "aggregates mean_markup")
    require(agg["recession"].dtype == np.uint8 and np.array_equal(agg["recession"], step % 2),
            "aggregates recession")
    require(column_units(f["aggregates"])["gdp"] == "million IDR/month", "gdp units")
    require(f["aggregates"]["gdp"].tolist() == agg["gdp"].tolist(), "one field read alone")

    regions, names = read_regions(f)
    require(names == ["Jakarta", "Bandung", "Surabaya"], f"region names {names}")
    r = np.arange(3)
    require(np.array_equal(as_matrix(regions, "output", 3), 10.0 * step[:, None] + r[None, :] + 0.25),
            "regions output")
    jakarta = regions[regions["region"] == names.index("Jakarta")]  # one region's series
    require(np.array_equal(jakarta["firms"], step) and jakarta["firms"].dtype == np.int32,
            "regions firms of Jakarta")
    require(np.array_equal(as_matrix(regions, "vacancies", 3), 7 * r[None, :] + step[:, None])
            and regions["vacancies"].dtype == np.uint32, "regions vacancies")
    require(column_units(f["regions"])["vacancies"] == "jobs", "vacancies units")

    sme = f["agents/sme"]
    require(np.array_equal(np.unique(sme["step"]), [50, 100]), "agents/sme snapshot steps")
    for k, (at, rows) in enumerate([(50, 70000), (100, 1234)]):
        s = snapshot(sme, at)
        i = np.arange(rows, dtype=np.int64)
        require(len(s) == rows, f"sme rows, snapshot {k}")
        require(np.array_equal(s["id"], 1000000 * k + i), f"sme id, snapshot {k}")
        require(np.array_equal(s["region"], i % 3), f"sme region, snapshot {k}")
        require(np.array_equal(s["employment"], 1.5 * i + at), f"sme employment, snapshot {k}")
        require(np.array_equal(s["wage"], (i % 1000 + 0.5).astype(np.float32)),
                f"sme wage, snapshot {k}")
        require(np.array_equal(s["active"], (i + 1) % 2), f"sme active, snapshot {k}")
    steps, counts = np.unique(sme["step"], return_counts=True)
    require(np.array_equal(counts, [70000, 1234]), "rows per snapshot")

    sales = f["network/sales"]
    for k, (at, rows) in enumerate([(50, 500), (100, 20)]):
        e = snapshot(sales, at)
        j = np.arange(rows, dtype=np.int64)
        require(np.array_equal(e["src"], j) and np.array_equal(e["dst"], (7 * j + 1) % 1000),
                f"sales edges, snapshot {k}")
        require(np.array_equal(e["weight"], 0.25 * j + at), f"sales weight, snapshot {k}")

    ev = f["events"]
    require(np.array_equal(ev["step"], [10, 75, 120]), "events step")
    # A text field of a table comes back as bytes in h5py 3: decode it.
    require([k.decode() for k in ev["key"]] == ["minimum_wage", "credit_shock", "minimum_wage"], "events key")
    require(np.array_equal(ev["region"], [1, -1, 2]), "events region")
    require(np.array_equal(ev["value"], [0.05, -0.2, 0.1]), "events value")
    require(list(ev.attrs["units"]) == ["step", "", "1", ""], "events units")


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
            summary = (f"{len(agg)} steps, {len(agg.dtype.names) - 1} aggregate columns, "
                       f"agents {list(f['agents'])}, network {list(f['network'])}, "
                       f"{f['events'].shape[0]} events")
    except CheckFailed as e:
        print(f"FAILED {args.file}: {e}")
        return 1
    exact = " (synthetic values exact)" if args.expect_synthetic else ""
    print(f"ok {args.file}: {summary}{exact}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
