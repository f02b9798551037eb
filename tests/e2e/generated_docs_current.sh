#!/usr/bin/env bash
# The committed scenario reference, JSON Schema and phase table of docs/model.md are what the
# code generates now. To refresh them: scripts/generate-docs.sh
bin=$1; root=$2
fail=0
diff -u "$root/docs/scenario-reference.md" <("$bin" schema --format markdown) >/dev/null ||
  { echo "FAIL: docs/scenario-reference.md is stale: run scripts/generate-docs.sh"; fail=1; }
diff -u "$root/scenarios/schema/scenario.v1.json" <("$bin" schema --format json) >/dev/null ||
  { echo "FAIL: scenarios/schema/scenario.v1.json is stale: run scripts/generate-docs.sh"; fail=1; }
diff -u "$root/docs/model.md" <(python3 "$root/scripts/phase_table.py" "$root/docs/model.md" <("$bin" schema --format phases)) ||
  { echo "FAIL: the phase table of docs/model.md (§3.2) is stale: run scripts/generate-docs.sh"; fail=1; }
exit $fail
