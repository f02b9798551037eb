#!/usr/bin/python3
"""Every SME an edge of a network snapshot names is in that month's SME snapshot.

    /usr/bin/python3 tests/e2e/check_network_endpoints.py RUN.h5

Network snapshots list ties between live agents (a firm that closed is gone from
/agents/sme and its ties with it), so an analysis joining the two tables loses nothing.
Exit status: 0 ok, 1 an edge names an SME the snapshot lacks, 77 h5py missing.
"""
import sys

try:
    import h5py
    import numpy as np
except ImportError as e:
    print(f"skipped: {e}")
    sys.exit(77)

fail = 0
checked = 0
with h5py.File(sys.argv[1], "r") as f:
    sme = f["agents/sme"][:]
    for layer in f["network"]:
        edges = f["network"][layer][:]
        for step in np.unique(edges["step"]):
            uids = sme["uid"][sme["step"] == step]
            if len(uids) == 0:
                continue  # no SME snapshot that month
            e = edges[edges["step"] == step]
            for end in ("src", "dst"):
                ids = e[end][e[end + "_kind"] == 0]
                missing = ids[~np.isin(ids, uids)]
                checked += len(ids)
                if len(missing):
                    print(f"FAIL: {layer}, month {step}: {len(missing)} of {len(ids)} {end} SMEs are not in "
                          f"that month's /agents/sme (e.g. uid {missing[0]})")
                    fail = 1
if checked == 0:
    print("FAIL: no network snapshot shares a month with an SME snapshot")
    fail = 1
print(f"{'ok' if not fail else 'failed'}: {checked} SME endpoints checked")
sys.exit(fail)
