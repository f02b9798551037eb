#!/usr/bin/env bash
# Regenerates the files that come from the scenario key declarations
# (models/cluster/scenario_schema.cpp): docs/scenario-reference.md and
# scenarios/schema/scenario.v1.json. The e2e test generated_docs_current fails when they are stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=${1:-build/cli/sentra}
"$bin" schema --format markdown > docs/scenario-reference.md
"$bin" schema --format json > scenarios/schema/scenario.v1.json
echo "regenerated docs/scenario-reference.md and scenarios/schema/scenario.v1.json"
