#include "output/sweep_writer.hpp"

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <system_error>

#include "output/hdf5_dataset.hpp"
#include "output/hdf5_file.hpp"
#include "output/provenance_values.hpp"

namespace sentra::output {
namespace {

constexpr const char* format_name = "sentra-sweep";
constexpr const char* format_version = "1.0";


}  // namespace

struct SweepWriter::Impl {
  std::string where;
  h5::File file;
  bool committed = false;
};

SweepWriter::SweepWriter(std::filesystem::path target, const SweepInfo& info)
    : target_(std::move(target)), partial_(target_.string() + ".partial") {
  if (target_.empty()) throw std::runtime_error("SweepWriter: empty output path");
  h5::silence_error_printing();
  impl_ = std::make_unique<Impl>();
  Impl& d = *impl_;
  d.where = partial_.string() + ":";
  d.file = h5::create_file(partial_, "sweep results file");
  try {
    const hid_t root = d.file.get();
    const std::string at = d.where + "/";
    h5::write_attribute(root, "format", std::string(format_name), at);
    h5::write_attribute(root, "format_version", std::string(format_version), at);
    h5::write_attribute(root, "program_version", info.program_version, at);
    h5::write_attribute(root, "git_commit", info.git_commit, at);
    h5::write_attribute(root, "created_utc", info.created_utc.empty() ? utc_now_iso8601() : info.created_utc, at);
    h5::write_attribute(root, "experiment", info.experiment_name, at);
    h5::write_attribute(root, "experiment_file", info.experiment_file, at);
    h5::write_attribute(root, "design", info.design, at);
    h5::write_attribute(root, "design_points", info.design_points, at);
    h5::write_attribute(root, "replicates", info.replicates, at);
    h5::write_attribute(root, "runs", info.runs, at);
    h5::write_attribute(root, "failed_runs", info.failed_runs, at);
    h5::write_attribute(root, "steps", info.steps, at);
    h5::write_attribute(root, "base_seed", info.base_seed, at);
    h5::write_attribute(root, "seed_rule", info.seed_rule, at);
    h5::write_attribute(root, "threads", static_cast<std::int32_t>(info.threads), at);
    h5::write_attribute(root, "concurrent_runs", static_cast<std::int32_t>(info.concurrent_runs), at);
    h5::write_attribute(root, "currency_unit", info.currency_unit, at);
    h5::write_attribute(root, "step_unit", info.step_unit, at);
    write_library_versions(root, info.library_versions, at);

    const std::string p = d.where + "/provenance";
    const h5::Group provenance = h5::create_group(root, "provenance", p);
    h5::write_text(provenance.get(), "command_line", info.command_line, p + "/command_line");
    h5::write_text(provenance.get(), "experiment_yaml", info.experiment_yaml, p + "/experiment_yaml");
    h5::write_text(provenance.get(), "resolved_yaml", info.resolved_yaml, p + "/resolved_yaml");
  } catch (...) {
    d.file.reset();
    std::error_code ignored;
    std::filesystem::remove(partial_, ignored);
    throw;
  }
}

SweepWriter::~SweepWriter() {
  if (!impl_ || impl_->committed) return;
  impl_->file.reset();
  std::error_code ignored;
  std::filesystem::remove(partial_, ignored);
}

void SweepWriter::write_table(const std::string& name, const std::string& dimension,
                              const std::string& dimension_description, const std::vector<TextColumn>& text,
                              const Table& table, const std::vector<std::pair<std::string, AttributeValue>>& attributes) {
  if (!impl_ || impl_->committed) throw std::logic_error("SweepWriter::write_table after commit");
  Impl& d = *impl_;
  const std::string at = d.where + "/" + name;
  write_table_group(d.file.get(), name, at, dimension, dimension_description, text, table);
  if (attributes.empty()) return;
  const h5::Group group(H5Gopen2(d.file.get(), name.c_str(), H5P_DEFAULT), "open group " + at);
  for (const auto& [key, value] : attributes)
    std::visit([&](const auto& v) { h5::write_attribute(group.get(), key, v, at); }, value);
}

void SweepWriter::commit() {
  if (!impl_ || impl_->committed) throw std::logic_error("SweepWriter::commit called twice");
  Impl& d = *impl_;
  h5::check(H5Fflush(d.file.get(), H5F_SCOPE_GLOBAL), "flush " + partial_.string());
  const std::string file_name = partial_.string();
  h5::File file = std::move(d.file);
  file.close("close " + file_name);
  std::filesystem::rename(partial_, target_);
  d.committed = true;
}

}  // namespace sentra::output
