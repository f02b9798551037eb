#!/usr/bin/python3
"""Check that a sentra run file's tables become xarray Datasets as docs/output.md shows.

    /usr/bin/python3 tests/output/read_with_xarray.py RUN.h5 [--expect-synthetic]

Format 2.0 stores each table as one compound dataset, which netCDF backends do not turn
into variables; h5py reads it as a numpy structured array, pandas makes it a DataFrame
and xarray a Dataset indexed by step (and region). xarray and pandas are optional for
sentra users, so without them this exits 77 (ctest reports "skipped").
"""
import argparse
import sys

try:
    import h5py
    import numpy as np
    import pandas as pd
    import xarray as xr
except ImportError as e:
    print(f"skipped: {e} (apt-get install python3-xarray python3-pandas python3-h5py)")
    sys.exit(77)


# --- as in docs/output.md ---------------------------------------------------------------

def table(f, name, index):
    """One table of a run file as an xarray Dataset, with each column's units and description."""
    ds = f[name]
    out = xr.Dataset.from_dataframe(pd.DataFrame(ds[()]).set_index(index))
    for column, units, description in zip(ds.dtype.names, ds.attrs["units"], ds.attrs["description"]):
        if column in out:
            out[column].attrs.update(units=units, description=description)
    return out


def check(path, synthetic):
    with h5py.File(path, "r") as f:
        agg = table(f, "aggregates", "step")                  # dims: step
        regions = table(f, "regions", ["step", "region"])     # dims: step, region
        regions = regions.assign_coords(name=("region", list(f["regions"].attrs["region_names"])))
        sme = pd.DataFrame(f["agents/sme"][()]) if "sme" in f["agents"] else None
    assert list(agg.sizes) == ["step"], agg.sizes
    assert np.all(np.diff(agg["step"].values) > 0)
    for name, var in agg.data_vars.items():
        assert var.dims == ("step",), (name, var.dims)
        assert "units" in var.attrs, name
    assert set(regions.sizes) == {"step", "region"}, regions.sizes
    for name, var in regions.data_vars.items():
        assert var.dims == ("step", "region"), (name, var.dims)

    if synthetic:
        step = np.arange(1, 151)
        assert np.array_equal(agg["gdp"].values, 1000 + 0.5 * step)
        assert agg["gdp"].dtype == np.float64 and agg["mean_markup"].dtype == np.float32
        assert agg["gdp"].attrs["units"] == "million IDR/month"
        jakarta = regions["firms"].sel(region=0)
        assert np.array_equal(jakarta.values, step)
        assert list(regions["name"].values) == ["Jakarta", "Bandung", "Surabaya"]
        rows = sme[sme["step"] == 100]
        assert np.array_equal(rows["id"].values, 1000000 + np.arange(1234))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--expect-synthetic", action="store_true")
    args = parser.parse_args()
    check(args.file, args.expect_synthetic)
    print(f"ok {args.file} with xarray {xr.__version__}, pandas {pd.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
