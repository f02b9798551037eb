#!/usr/bin/python3
"""Check that xarray opens a sentra run file group by group (docs/output.md, "xarray").

    /usr/bin/python3 tests/output/read_with_xarray.py RUN.h5 [--expect-synthetic]

Tries every installed netCDF backend (h5netcdf, netcdf4). xarray is optional for sentra
users, so without xarray or any backend this exits 77 (ctest reports "skipped").
"""
import argparse
import importlib.util
import sys

try:
    import numpy as np
    import xarray as xr
except ImportError as e:
    print(f"skipped: {e} (apt-get install python3-xarray python3-h5netcdf)")
    sys.exit(77)

ENGINES = [engine for engine, module in [("h5netcdf", "h5netcdf"), ("netcdf4", "netCDF4")]
           if importlib.util.find_spec(module)]


def check(path, engine, synthetic):
    agg = xr.open_dataset(path, group="aggregates", engine=engine)
    assert list(agg.sizes) == ["step"], agg.sizes
    assert "step" in agg.coords
    assert np.all(np.diff(agg["step"].values) > 0)
    for name, var in agg.data_vars.items():
        assert var.dims == ("step",), (name, var.dims)

    regions = xr.open_dataset(path, group="regions", engine=engine)
    assert set(regions.sizes) == {"step", "region"}, regions.sizes
    for name, var in regions.data_vars.items():
        assert var.dims in {("step", "region"), ("region",)}, (name, var.dims)

    root = xr.open_dataset(path, engine=engine)
    assert root.attrs["format"] == "sentra-output", root.attrs
    events = xr.open_dataset(path, group="events", engine=engine)
    assert set(events.sizes) <= {"event"}, events.sizes

    if synthetic:
        step = np.arange(1, 151)
        assert np.array_equal(agg["gdp"].values, 1000 + 0.5 * step)
        assert agg["gdp"].attrs["units"] == "million IDR/month"
        jakarta = regions["firms"].sel(region=0)
        assert np.array_equal(jakarta.values, step)
        assert list(regions["name"].values) == ["Jakarta", "Bandung", "Surabaya"]
        sme = xr.open_dataset(path, group="agents/sme", engine=engine)
        assert dict(sme.sizes) == {"snapshot_step": 2, "sample": 71234}, sme.sizes
        assert list(sme["count"].sel(snapshot_step=100).values.ravel()) == [1234]
        start = int(sme["offset"].sel(snapshot_step=100))
        ids = sme["id"].isel(sample=slice(start, start + 1234)).values
        assert np.array_equal(ids, 1000000 + np.arange(1234))
        assert list(events["key"].values) == ["minimum_wage", "credit_shock", "minimum_wage"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--expect-synthetic", action="store_true")
    args = parser.parse_args()
    if not ENGINES:
        print("skipped: no xarray backend (apt-get install python3-h5netcdf or python3-netcdf4)")
        return 77
    for engine in ENGINES:
        check(args.file, engine, args.expect_synthetic)
    print(f"ok {args.file} with xarray {xr.__version__}, engines: {', '.join(ENGINES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
