#!/usr/bin/env bash
# The committed scenario reference and JSON Schema are what the declarations generate now.
# To refresh them: scripts/generate-docs.sh
bin=$1; root=$2
fail=0
diff -u "$root/docs/scenario-reference.md" <("$bin" schema --format markdown) >/dev/null ||
  { echo "FAIL: docs/scenario-reference.md is stale: run scripts/generate-docs.sh"; fail=1; }
diff -u "$root/scenarios/schema/scenario.v1.json" <("$bin" schema --format json) >/dev/null ||
  { echo "FAIL: scenarios/schema/scenario.v1.json is stale: run scripts/generate-docs.sh"; fail=1; }
exit $fail
