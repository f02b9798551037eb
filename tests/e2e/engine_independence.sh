#!/usr/bin/env bash
# engine/ is the generic core: it must include nothing from models/, output/ or cli/.
root=$1
if grep -rnE '#include *"(models|output|cli)/' "$root/engine"; then
  echo "FAIL: engine/ includes project code outside engine/"
  exit 1
fi
if grep -rniE '\b(sme|intermediar|big_firm|buyer)' "$root/engine" --include=*.hpp --include=*.cpp; then
  echo "FAIL: engine/ mentions model concepts"
  exit 1
fi
exit 0
