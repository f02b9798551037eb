#include "output/comparison_writer.hpp"

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <system_error>
#include <variant>

#include "output/hdf5_dataset.hpp"
#include "output/hdf5_file.hpp"
#include "output/provenance_values.hpp"
#include "output/run_series.hpp"
#include "output/series_group.hpp"

namespace sentra::output {
namespace {

constexpr const char* format_name = "sentra-comparison";
constexpr const char* format_version = "2.0";  // 2.0: each run's series as two tables


// The values of step t (K of them) from a [T, K] step-major column.
ColumnData row_of(const ColumnData& data, std::size_t t, std::size_t k) {
  return std::visit(
      [&](const auto& v) -> ColumnData {
        using V = std::decay_t<decltype(v)>;
        const auto first = v.begin() + static_cast<std::ptrdiff_t>(t * k);
        return V(first, first + static_cast<std::ptrdiff_t>(k));
      },
      data);
}

}  // namespace

struct ComparisonWriter::Impl {
  std::string where;
  WriterOptions options;
  std::size_t scenarios = 0;
  std::vector<std::string> scenario_labels;
  h5::File file;
  h5::Group run_group;
  bool committed = false;

  void close_objects() {
    run_group.reset();
    file.reset();
  }
};

ComparisonWriter::ComparisonWriter(std::filesystem::path target, const ComparisonInfo& info, WriterOptions options)
    : target_(std::move(target)), partial_(target_.string() + ".partial") {
  if (target_.empty()) throw std::runtime_error("ComparisonWriter: empty output path");
  if (options.chunk_steps == 0 || options.deflate_level < 0 || options.deflate_level > 9)
    throw std::invalid_argument("ComparisonWriter: chunk_steps must be > 0 and deflate_level 0..9");
  h5::silence_error_printing();
  impl_ = std::make_unique<Impl>();
  Impl& d = *impl_;
  d.where = partial_.string() + ":";
  d.options = options;
  d.scenarios = info.scenarios.size();
  for (const auto& s : info.scenarios) d.scenario_labels.push_back(s.label);
  d.file = h5::create_file(partial_, "comparison file");
  try {
    const hid_t root = d.file.get();
    const std::string at = d.where + "/";
    h5::write_attribute(root, "format", std::string(format_name), at);
    h5::write_attribute(root, "format_version", std::string(format_version), at);
    h5::write_attribute(root, "program_version", info.program_version, at);
    h5::write_attribute(root, "git_commit", info.git_commit, at);
    h5::write_attribute(root, "created_utc", info.created_utc.empty() ? utc_now_iso8601() : info.created_utc, at);
    h5::write_attribute(root, "scenarios", static_cast<std::int64_t>(info.scenarios.size()), at);
    h5::write_attribute(root, "replicates", info.replicates, at);
    h5::write_attribute(root, "runs", static_cast<std::int64_t>(info.scenarios.size()) * info.replicates, at);
    h5::write_attribute(root, "steps", info.steps, at);
    h5::write_attribute(root, "base_seed", info.base_seed, at);
    h5::write_attribute(root, "seed_rule", info.seed_rule, at);
    h5::write_attribute(root, "outcome_reduction", info.outcome_reduction, at);
    h5::write_attribute(root, "reduction_window", info.reduction_window, at);
    h5::write_attribute(root, "confidence", info.confidence, at);
    h5::write_attribute(root, "interval", info.interval, at);
    h5::write_attribute(root, "threads", static_cast<std::int32_t>(info.threads), at);
    h5::write_attribute(root, "concurrent_runs", static_cast<std::int32_t>(info.concurrent_runs), at);
    h5::write_attribute(root, "currency_unit", info.currency_unit, at);
    h5::write_attribute(root, "step_unit", info.step_unit, at);
    write_library_versions(root, info.library_versions, at);

    const h5::Group provenance = h5::create_group(root, "provenance", d.where + "/provenance");
    h5::write_text(provenance.get(), "command_line", info.command_line, d.where + "/provenance/command_line");

    std::vector<TextColumn> scenarios(5);
    scenarios[0] = {"name", "the scenario's name", {}};
    scenarios[1] = {"label", "the scenario as the report names it (names made unique)", {}};
    scenarios[2] = {"file", "the scenario file as given on the command line", {}};
    scenarios[3] = {"scenario_yaml", "the scenario file as given", {}};
    scenarios[4] = {"resolved_yaml",
                    "the scenario after extends/defaults/--set; its seed is replicate 0's, each run's is in /runs/seed",
                    {}};
    for (const auto& s : info.scenarios) {
      scenarios[0].values.push_back(s.name);
      scenarios[1].values.push_back(s.label);
      scenarios[2].values.push_back(s.file);
      scenarios[3].values.push_back(s.scenario_yaml);
      scenarios[4].values.push_back(s.resolved_yaml);
    }
    write_table_group(root, "scenarios", d.where + "/scenarios", "scenario",
                      "scenario index: 0 is the reference the others are compared with", scenarios, Table{});
    d.run_group = h5::create_group(root, "run", d.where + "/run");
  } catch (...) {
    d.close_objects();
    std::error_code ignored;
    std::filesystem::remove(partial_, ignored);
    throw;
  }
}

ComparisonWriter::~ComparisonWriter() {
  if (!impl_ || impl_->committed) return;
  impl_->close_objects();
  std::error_code ignored;
  std::filesystem::remove(partial_, ignored);
}

std::string ComparisonWriter::run_path(std::size_t scenario, std::size_t replicate) {
  return "run/s" + std::to_string(scenario) + "_r" + std::to_string(replicate);
}

void ComparisonWriter::write_run(std::size_t scenario, std::size_t replicate, std::uint64_t seed,
                                 const std::vector<std::string>& region_names,
                                 const std::vector<StepObservation>& steps) {
  if (!impl_ || impl_->committed) throw std::logic_error("ComparisonWriter::write_run after commit");
  Impl& d = *impl_;
  const std::string path = run_path(scenario, replicate);
  const std::string name = path.substr(4);  // without "run/"
  const std::string at = d.where + "/" + path;
  const h5::Group group = h5::create_group(d.run_group.get(), name, at);
  h5::write_attribute(group.get(), "scenario", static_cast<std::int64_t>(scenario), at);
  h5::write_attribute(group.get(), "replicate", static_cast<std::int64_t>(replicate), at);
  h5::write_attribute(group.get(), "seed", seed, at);
  RunSeries series(group.get(), at, region_names, d.options);
  for (const auto& obs : steps) series.append(obs);
  series.flush();
}

void ComparisonWriter::write_runs(const std::vector<TextColumn>& text, const Table& table) {
  if (!impl_ || impl_->committed) throw std::logic_error("ComparisonWriter::write_runs after commit");
  write_table_group(impl_->file.get(), "runs", impl_->where + "/runs", "run",
                    "run index: scenario * replicates + replicate", text, table);
}

void ComparisonWriter::write_summary(const std::vector<TextColumn>& text, const Table& table) {
  if (!impl_ || impl_->committed) throw std::logic_error("ComparisonWriter::write_summary after commit");
  write_table_group(impl_->file.get(), "summary", impl_->where + "/summary", "row",
                    "row index: outcome-major, scenario-minor", text, table);
}

void ComparisonWriter::write_series(const std::vector<std::int64_t>& steps, const std::vector<Column>& columns) {
  if (!impl_ || impl_->committed) throw std::logic_error("ComparisonWriter::write_series after commit");
  Impl& d = *impl_;
  const std::string at = d.where + "/series";
  const std::size_t K = d.scenarios;
  for (const auto& c : columns)
    if (c.size() != steps.size() * K)
      throw std::logic_error(at + ": column '" + c.name + "' has " + std::to_string(c.size()) + " values, expected " +
                             std::to_string(steps.size()) + " steps x " + std::to_string(K) + " scenarios");
  const h5::Group group = h5::create_group(d.file.get(), "series", at);
  std::vector<std::int32_t> index(K);
  for (std::size_t k = 0; k < K; ++k) index[k] = static_cast<std::int32_t>(k);
  const h5::Dataset scenario =
      h5::write_fixed(group.get(), "scenario", H5T_NATIVE_INT32, index.data(), K, at + "/scenario");
  h5::make_scale(scenario.get(), "scenario", at + "/scenario");
  h5::write_attribute(scenario.get(), "units", std::string("1"), at + "/scenario");
  h5::write_attribute(scenario.get(), "description",
                      std::string("scenario index: the column of every [step, scenario] series"), at + "/scenario");
  const h5::Dataset name = h5::write_strings(group.get(), "name", d.scenario_labels, at + "/name");
  h5::write_attribute(name.get(), "units", std::string(""), at + "/name");
  h5::write_attribute(name.get(), "description", std::string("scenario label"), at + "/name");
  h5::attach_scale(name.get(), scenario.get(), 0, at + "/name");
  SeriesGroup series(group.get(), at, {K}, {scenario.get()}, {"step", "scenario", "name"}, d.options);
  for (std::size_t t = 0; t < steps.size(); ++t) {
    Table row;
    for (const auto& c : columns) row.columns.push_back(Column{c.name, c.unit, c.description, row_of(c.data, t, K)});
    series.append(steps[t], row);
  }
  series.flush();
}

void ComparisonWriter::commit() {
  if (!impl_ || impl_->committed) throw std::logic_error("ComparisonWriter::commit called twice");
  Impl& d = *impl_;
  h5::check(H5Fflush(d.file.get(), H5F_SCOPE_GLOBAL), "flush " + partial_.string());
  const std::string file_name = partial_.string();
  h5::File file = std::move(d.file);  // closed last, and checked
  d.close_objects();
  file.close("close " + file_name);
  // rename() replaces an existing target atomically on POSIX file systems.
  std::filesystem::rename(partial_, target_);
  d.committed = true;
}

}  // namespace sentra::output
