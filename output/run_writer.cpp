#include "output/run_writer.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>

#include "output/hdf5_dataset.hpp"
#include "output/hdf5_file.hpp"
#include "output/provenance_values.hpp"
#include "output/record_table.hpp"
#include "output/run_series.hpp"

namespace sentra::output {
namespace {

constexpr const char* format_name = "sentra-output";
constexpr const char* format_version = "2.0";
constexpr std::size_t event_chunk_rows = 64;
// Snapshot tables are chunked by their first snapshot's rows rounded up to a power of two,
// at least this many and at most WriterOptions::chunk_elements: HDF5 compresses whole
// chunks, the unwritten tail of the last one included, so a small world written in
// 65,536-row chunks spent most of its run deflating fill values.
constexpr std::size_t min_snapshot_chunk_rows = 1024;

// One row of /events, as it is stored.
struct EventRow {
  std::int64_t step;
  const char* key;
  std::int64_t region;
  double value;
};


}  // namespace

struct RunWriter::Impl {
  std::string where;  // "<partial>:" prefix of every object name in messages
  WriterOptions options;
  h5::File file;
  h5::Datatype string_type;
  h5::Group agents_group, network_group;
  std::optional<RunSeries> series;  // /aggregates and /regions
  std::map<std::string, RecordTable> agents, network;
  h5::Datatype event_type;
  h5::ExtendibleDataset events;
  bool committed = false;

  void write_root_attributes(const RunInfo& info);
  void write_provenance(const RunInfo& info);
  void create_events();
  void validate(const StepObservation& obs) const;
  void append_snapshots(std::map<std::string, RecordTable>& tables, hid_t parent,
                        const std::string& parent_where, std::int64_t step,
                        const std::vector<NamedTable>& named_tables);
  void flush();
  void close_objects();
};

void RunWriter::Impl::write_root_attributes(const RunInfo& info) {
  const hid_t root = file.get();
  const std::string at = where + "/";
  h5::write_attribute(root, "format", std::string(format_name), at);
  h5::write_attribute(root, "format_version", std::string(format_version), at);
  h5::write_attribute(root, "program_version", info.program_version, at);
  h5::write_attribute(root, "git_commit", info.git_commit, at);
  h5::write_attribute(root, "scenario_name", info.scenario_name, at);
  h5::write_attribute(root, "seed", info.seed, at);
  h5::write_attribute(root, "threads", static_cast<std::int32_t>(info.threads), at);
  h5::write_attribute(root, "created_utc",
                      info.created_utc.empty() ? utc_now_iso8601() : info.created_utc, at);
  h5::write_attribute(root, "currency_unit", info.currency_unit, at);
  h5::write_attribute(root, "step_unit", info.step_unit, at);
  write_library_versions(root, info.library_versions, at);
}

void RunWriter::Impl::write_provenance(const RunInfo& info) {
  const h5::Group provenance = h5::create_group(file.get(), "provenance", where + "/provenance");
  h5::write_text(provenance.get(), "scenario_yaml", info.scenario_yaml,
                 where + "/provenance/scenario_yaml");
  h5::write_text(provenance.get(), "resolved_yaml", info.resolved_yaml,
                 where + "/provenance/resolved_yaml");
  h5::write_text(provenance.get(), "command_line", info.command_line,
                 where + "/provenance/command_line");
}

void RunWriter::Impl::create_events() {
  const std::string at = where + "/events";
  event_type = h5::Datatype(H5Tcreate(H5T_COMPOUND, sizeof(EventRow)), "create the row type of " + at);
  const hid_t t = event_type.get();
  h5::check(H5Tinsert(t, "step", HOFFSET(EventRow, step), H5T_NATIVE_INT64), "add field 'step' to " + at);
  h5::check(H5Tinsert(t, "key", HOFFSET(EventRow, key), string_type.get()), "add field 'key' to " + at);
  h5::check(H5Tinsert(t, "region", HOFFSET(EventRow, region), H5T_NATIVE_INT64), "add field 'region' to " + at);
  h5::check(H5Tinsert(t, "value", HOFFSET(EventRow, value), H5T_NATIVE_DOUBLE), "add field 'value' to " + at);
  events = h5::ExtendibleDataset(file.get(), "events", t, {}, event_chunk_rows, options.deflate_level, at);
  // An event's value has the unit of whatever the event changes: see its key.
  h5::write_string_array_attribute(events.id(), "units", {"step", "", "1", ""}, at);
  h5::write_string_array_attribute(events.id(), "description",
                                   {"step at which the event was applied", "event key, as in the scenario file",
                                    "region index the event applied to, as reported by the model",
                                    "event value, as in the scenario file"},
                                   at);
}

RunWriter::RunWriter(std::filesystem::path target, const RunInfo& info, WriterOptions options)
    : target_(std::move(target)), partial_(target_.string() + ".partial") {
  if (target_.empty()) throw std::runtime_error("RunWriter: empty output path");
  if (options.chunk_steps == 0 || options.chunk_elements == 0 || options.deflate_level < 0 ||
      options.deflate_level > 9)
    throw std::invalid_argument("RunWriter: chunk sizes must be > 0 and deflate_level 0..9");
  h5::silence_error_printing();
  impl_ = std::make_unique<Impl>();
  Impl& d = *impl_;
  d.where = partial_.string() + ":";
  d.options = options;
  d.file = h5::create_file(partial_, "run file");
  // From here on a failure must not leave the half-written .partial behind.
  try {
    d.string_type = h5::utf8_string_type();
    d.write_root_attributes(info);
    d.write_provenance(info);
    d.series.emplace(d.file.get(), d.where, info.region_names, options);
    d.agents_group = h5::create_group(d.file.get(), "agents", d.where + "/agents");
    d.network_group = h5::create_group(d.file.get(), "network", d.where + "/network");
    d.create_events();
  } catch (...) {
    d.close_objects();
    std::error_code ignored;
    std::filesystem::remove(partial_, ignored);
    throw;
  }
}

RunWriter::RunWriter(RunWriter&&) noexcept = default;

RunWriter::~RunWriter() {
  if (!impl_ || impl_->committed) return;
  impl_->close_objects();
  std::error_code ignored;
  std::filesystem::remove(partial_, ignored);
}

void RunWriter::Impl::validate(const StepObservation& obs) const {
  series->validate(obs);
  const auto check_snapshots = [&](const std::map<std::string, RecordTable>& tables,
                                   const std::vector<NamedTable>& named_tables, const std::string& parent) {
    std::set<std::string> seen;
    for (const auto& named : named_tables) {
      const std::string at = where + parent + "/" + named.name;
      if (named.name.empty() || named.name.find('/') != std::string::npos)
        throw std::logic_error(at + ": invalid table name '" + named.name + "'");
      if (!seen.insert(named.name).second)
        throw std::logic_error(at + ": two tables of this name at step " + std::to_string(obs.step));
      const auto existing = tables.find(named.name);
      if (existing != tables.end())
        existing->second.validate(obs.step, named.table);
      else  // the first snapshot of this kind: checked by a table not yet created
        RecordTable(H5I_INVALID_HID, named.name, at, RecordTable::Keys::step, std::nullopt, 1, 0)
            .validate(obs.step, named.table);
    }
  };
  check_snapshots(agents, obs.agents, "/agents");
  check_snapshots(network, obs.network, "/network");
}

std::size_t RunWriter::snapshot_chunk_rows(std::size_t first_rows, std::size_t most) {
  return std::min(most, std::max<std::size_t>(min_snapshot_chunk_rows, std::bit_ceil(first_rows)));
}

void RunWriter::Impl::append_snapshots(std::map<std::string, RecordTable>& tables, hid_t parent,
                                       const std::string& parent_where, std::int64_t step,
                                       const std::vector<NamedTable>& named_tables) {
  for (const auto& named : named_tables) {
    auto table = tables.find(named.name);
    if (table == tables.end())  // first snapshot of this kind or layer
      table = tables
                  .try_emplace(named.name, parent, named.name, parent_where + "/" + named.name,
                               RecordTable::Keys::step, std::nullopt,
                               snapshot_chunk_rows(named.table.rows(), options.chunk_elements),
                               options.deflate_level)
                  .first;
    table->second.append(step, named.table);
  }
}

void RunWriter::write_step(const StepObservation& obs) {
  if (!impl_ || impl_->committed) throw std::logic_error("RunWriter::write_step after commit");
  Impl& d = *impl_;
  // Everything is checked before anything is buffered, so a rejected step leaves the
  // writer as it was.
  d.validate(obs);
  d.series->append_validated(obs);
  d.append_snapshots(d.agents, d.agents_group.get(), d.where + "/agents", obs.step, obs.agents);
  d.append_snapshots(d.network, d.network_group.get(), d.where + "/network", obs.step,
                     obs.network);
}

void RunWriter::write_events(const std::vector<EventRecord>& records) {
  if (!impl_ || impl_->committed) throw std::logic_error("RunWriter::write_events after commit");
  Impl& d = *impl_;
  // Events are few (scenario shocks), so they are written straight away, not buffered.
  std::vector<EventRow> rows;
  rows.reserve(records.size());
  for (const auto& e : records) rows.push_back(EventRow{e.step, e.key.c_str(), e.region, e.value});
  d.events.append(d.event_type.get(), rows.data(), rows.size());
}

void RunWriter::Impl::flush() {
  series->flush();
  for (auto& [name, table] : agents) table.flush();
  for (auto& [name, table] : network) table.flush();
}

// Closes every object before the file: with H5F_CLOSE_SEMI the file only closes once
// nothing in it is open.
void RunWriter::Impl::close_objects() {
  agents.clear();
  network.clear();
  series.reset();
  events = h5::ExtendibleDataset();
  event_type.reset();
  for (h5::Group* g : {&agents_group, &network_group}) g->reset();
  string_type.reset();
  file.reset();
}

void RunWriter::commit() {
  if (!impl_ || impl_->committed) throw std::logic_error("RunWriter::commit called twice");
  Impl& d = *impl_;
  d.flush();
  h5::check(H5Fflush(d.file.get(), H5F_SCOPE_GLOBAL), "flush " + partial_.string());
  const std::string file_name = partial_.string();
  h5::File file = std::move(d.file);  // closed last, and checked
  d.close_objects();
  file.close("close " + file_name);
  // rename() replaces an existing target atomically on POSIX file systems: readers see
  // either the old complete file or the new complete one, never a partial file.
  std::filesystem::rename(partial_, target_);
  d.committed = true;
}

}  // namespace sentra::output
