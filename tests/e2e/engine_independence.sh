#!/usr/bin/env bash
# engine/ is the generic core: it must include nothing from models/, output/ or cli/.
# Each model uses only the engine's public headers and its own folder; experiments/ (many-run
# statistics and scheduling) knows no model and no file format; distributed/ neither;
# report/ knows no model.
root=$1
if grep -rnE '#include *"(models|output|cli)/' "$root/engine"; then
  echo "FAIL: engine/ includes project code outside engine/"
  exit 1
fi
# Code only: comments may use examples, identifiers and strings may not name model concepts.
if grep -rniE '\b(sme|intermediar|big_firm|buyer)' "$root/engine" --include=*.hpp --include=*.cpp |
   grep -vE '^[^:]+:[0-9]+: *//' | grep -vE '//.*\b(sme|intermediar|big_firm|buyer)' ; then
  echo "FAIL: engine/ mentions model concepts"
  exit 1
fi
for model in "$root"/models/*/; do
  name=$(basename "$model")
  if grep -rnE '#include *"(models|output|cli)/' "$model" | grep -vE "#include *\"models/$name/"; then
    echo "FAIL: models/$name/ includes project code outside engine/ and its own folder"
    exit 1
  fi
done
if grep -rnE '#include *"(models|output|cli)/' "$root/experiments"; then
  echo "FAIL: experiments/ includes project code outside engine/ and experiments/"
  exit 1
fi
# distributed/ moves runs and their results between processes: it knows no model, no file
# format and no command (the commands give it their runs as callbacks and bytes).
if grep -rnE '#include *"(models|output|cli|report)/' "$root/distributed"; then
  echo "FAIL: distributed/ includes project code outside engine/, experiments/ and distributed/"
  exit 1
fi
# report/ renders results already written: it reads through output/ and knows no model,
# no command and nothing of how runs are made.
if grep -rnE '#include *"(models|cli|experiments)/' "$root/report"; then
  echo "FAIL: report/ includes project code outside engine/, output/ and report/"
  exit 1
fi
exit 0
