"""Compare every dataset of two sentra run files bit for bit.

--same: the tables /aggregates, /regions and /events and every table under /agents and
/network must be identical (provenance and root attributes such as threads and created_utc may differ).
--different: at least one of those datasets must differ.
"""
import sys

import h5py
import numpy as np

GROUPS = ("aggregates", "regions", "agents", "network", "events")


def datasets(path):
    out = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset) and name.split("/")[0] in GROUPS:
                out[name] = obj[()]
        f.visititems(visit)
    return out


def same(a, b):
    if isinstance(a, np.ndarray):
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        if a.dtype.hasobject:  # variable-length strings: compare values, not pointers
            return a.tolist() == b.tolist()
        return a.tobytes() == b.tobytes()
    return a == b


def main():
    mode, left, right = sys.argv[1:4]
    a, b = datasets(left), datasets(right)
    if not a:
        print(f"FAIL: no datasets in {left}")
        return 1
    if set(a) != set(b):
        print(f"FAIL: dataset names differ: {sorted(set(a) ^ set(b))}")
        return 1
    differing = [k for k in sorted(a) if not same(a[k], b[k])]
    if mode == "--same" and differing:
        print(f"FAIL: {left} and {right} differ in {differing}")
        return 1
    if mode == "--different" and not differing:
        print(f"FAIL: {left} and {right} are identical")
        return 1
    print(f"ok: {len(a)} datasets compared, {len(differing)} differ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
