#!/usr/bin/env bash
# Regenerates the files that come from the code: docs/scenario-reference.md and
# scenarios/schema/scenario.v1.json from the scenario key declarations
# (models/cluster/scenario_schema.cpp), and the phase table of docs/model.md §3.2 from the
# step plan (models/cluster/step_plan.cpp). The e2e test generated_docs_current fails when
# any of them is stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=${1:-build/cli/sentra}
"$bin" schema --format markdown > docs/scenario-reference.md
"$bin" schema --format json > scenarios/schema/scenario.v1.json
tmp=$(mktemp)
python3 scripts/phase_table.py docs/model.md <("$bin" schema --format phases) > "$tmp"
mv "$tmp" docs/model.md
echo "regenerated docs/scenario-reference.md, scenarios/schema/scenario.v1.json and the phase table of docs/model.md"
