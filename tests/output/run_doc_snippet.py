#!/usr/bin/python3
"""Run docs/output.md's h5py example, exactly as printed, on a real run file.

    /usr/bin/python3 tests/output/run_doc_snippet.py docs/output.md RUN.h5

The first ```python block of the page is run with its file name ("results/baseline.h5")
replaced by RUN.h5: a field or group the page names that the file lacks fails the test, so
the page cannot drift from the format. Exit status: 0 ok, 1 the example failed, 77 h5py or
pandas missing (ctest reports "skipped").
"""
import re
import sys

try:
    import h5py  # noqa: F401
    import pandas  # noqa: F401
except ImportError as e:
    print(f"skipped: {e} (use Debian's /usr/bin/python3 with python3-h5py and python3-pandas)")
    sys.exit(77)

page, run_file = sys.argv[1], sys.argv[2]
text = open(page, encoding="utf-8").read()
blocks = re.findall(r"```python\n(.*?)```", text, re.S)
if not blocks or "results/baseline.h5" not in blocks[0]:
    print(f"{page}: no ```python block reading results/baseline.h5")
    sys.exit(1)
code = blocks[0].replace("results/baseline.h5", run_file)
try:
    exec(compile(code, f"{page} (first python block)", "exec"), {})
except Exception as e:  # noqa: BLE001 - any failure of the example is the test's failure
    print(f"FAIL: the example of {page} failed on {run_file}: {type(e).__name__}: {e}")
    sys.exit(1)
print(f"ok: the example of {page} ran on {run_file}")
