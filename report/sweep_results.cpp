#include "report/sweep_results.hpp"

namespace sentra::report {

const Column* Table::find(const std::string& name) const {
  for (const auto& c : columns)
    if (c.name == name) return &c;
  return nullptr;
}

Table read_table(const output::Hdf5Reader& reader, const std::string& group) {
  Table table;
  if (!reader.has(group)) return table;
  for (const auto& name : reader.members(group)) {
    const std::string path = group + "/" + name;
    Column c;
    c.name = name;
    c.is_text = reader.is_text(path);
    if (c.is_text) c.texts = reader.texts(path);
    else c.numbers = reader.numbers(path);
    table.columns.push_back(std::move(c));
  }
  return table;
}

SweepResults read_sweep(const output::Hdf5Reader& reader, const std::filesystem::path& folder) {
  SweepResults s;
  s.folder = folder;
  s.runs_file = reader.path();
  s.experiment = reader.text_attribute("experiment").value_or("");
  s.design = reader.text_attribute("design").value_or("");
  s.program_version = reader.text_attribute("program_version").value_or("");
  s.created_utc = reader.text_attribute("created_utc").value_or("");
  const auto count = [&](const char* name) {
    return static_cast<std::size_t>(reader.number_attribute(name).value_or(0));
  };
  s.design_points = count("design_points");
  s.replicates = count("replicates");
  s.runs = count("runs");
  s.failed_runs = count("failed_runs");
  s.steps = count("steps");
  s.factors = read_table(reader, "factors");
  s.outcomes = read_table(reader, "outcomes");
  s.design_table = read_table(reader, "design");
  if (const auto* keys = s.factors.find("key")) s.factor_keys = keys->texts;
  if (const auto* names = s.outcomes.find("name")) s.outcome_names = names->texts;

  const Table runs = read_table(reader, "runs");
  const auto* status = runs.find("status");
  const auto* error = runs.find("error");
  const auto* point = runs.find("design_point");
  const auto* replicate = runs.find("replicate");
  if (status && status->is_text && point && replicate)
    for (std::size_t i = 0; i < status->texts.size(); ++i)
      if (status->texts[i] != "ok")
        s.failed.push_back({static_cast<std::size_t>(point->numbers[i]), static_cast<std::size_t>(replicate->numbers[i]),
                            error && error->is_text ? error->texts[i] : ""});

  if (reader.has("sensitivity")) {
    s.sensitivity = read_table(reader, "sensitivity");
    s.sensitivity_method = reader.text_attribute("sensitivity", "method").value_or("");
    if (s.sensitivity_method.empty()) s.sensitivity_method = s.sensitivity.find("mu_star") ? "morris" : "sobol";
  }
  return s;
}

}  // namespace sentra::report
