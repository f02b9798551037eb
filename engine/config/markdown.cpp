#include "engine/config/docs.hpp"
#include "engine/config/format.hpp"

namespace sentra::config {

namespace {

// Table cells cannot hold '|' or line breaks.
std::string cell(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string code(std::string_view s) { return s.empty() ? "" : cat({"`", cell(s), "`"}); }

void write_table(const std::vector<const KeySpec*>& keys, std::string& out) {
  out += "| key | type | default | unit | range / choices | settable | description |\n";
  out += "|---|---|---|---|---|---|---|\n";
  for (const KeySpec* k : keys) {
    const std::string def = k->required ? "*required*" : code(default_text(*k));
    out += "| " + code(k->path) + " | " + std::string(kind_name(k->kind)) + " | " + def + " | " + cell(k->unit) +
           " | " + cell(range_text(*k)) + " | " + (k->settable ? "yes" : "") + " | " + cell(k->description) + " |\n";
  }
}

void write_section(const OutlineEntry& section, std::string& out) {
  std::vector<const KeySpec*> keys;
  for (const OutlineEntry& c : section.children)
    if (c.key) keys.push_back(c.key);
  if (!section.path.empty()) {
    out += "\n## `" + section.path + "`\n\n";
    if (section.section && !section.section->description.empty()) out += section.section->description + "\n\n";
  } else if (!keys.empty()) {
    out += "\n## Top-level keys\n\n";
  }
  if (!keys.empty()) write_table(keys, out);
  for (const OutlineEntry& c : section.children)
    if (!c.key) write_section(c, out);
}

}  // namespace

std::string to_markdown(const Declarations& decl) {
  decl.check();
  std::string out =
      "# Scenario configuration reference\n\n"
      "<!-- Generated from the declared keys; do not edit by hand. -->\n\n"
      "A scenario is a YAML mapping. Every key below has a default unless it is marked *required*; "
      "unknown keys are errors. Ranges are inclusive.\n";
  write_section(decl.outline(), out);

  out +=
      "\n## Timeline events\n\n"
      "A timeline key holds a list of events, applied in file order:\n\n"
      "```yaml\n"
      "- {at: 12, set: some.key, value: 0.01, region: 2}\n"
      "```\n\n"
      "- `at` (integer >= 0, required): the step at which the value changes.\n"
      "- `set` (required): a key marked *settable* above.\n"
      "- `value` (required): the new value, checked against that key's type and range.\n"
      "- `region` (integer >= 0, optional): limit the change to one region; all regions when absent.\n";
  const auto settable = decl.settable_paths();
  if (!settable.empty()) {
    out += "\nSettable keys:";
    for (std::size_t i = 0; i < settable.size(); ++i) out += cat({i ? ", " : " ", code(settable[i])});
    out += ".\n";
  }
  out +=
      "\n## `extends` and `--set`\n\n"
      "`extends: base.yaml` at the top level loads `base.yaml` (relative to the including file) "
      "first and lays this file over it: mappings merge key by key, scalars and lists replace. "
      "Parents may extend further files; cycles are errors.\n\n"
      "`--set key.path=value` on the command line replaces one key after all files are merged. "
      "The value is read as YAML and checked like a value in the file.\n";
  return out;
}

}  // namespace sentra::config
