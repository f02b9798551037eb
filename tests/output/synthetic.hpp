#pragma once
// A synthetic run whose every value follows a formula, so a reader (the doctest suite,
// read_with_h5py.py --expect-synthetic) can check the file exactly. Keep the formulas
// here and in read_with_h5py.py in step.
//
//   steps 1..150 (more than two 64-step chunks plus a remainder)
//   aggregates: gdp = 1000 + 0.5 step (f64), employment = 100 step (i64),
//               mean_markup = step / 256 (f32), recession = step % 2 (u8)
//   regions "Jakarta", "Bandung", "Surabaya" (r = 0, 1, 2):
//               output = 10 step + r + 0.25 (f64), firms = step + 100 r (i32),
//               vacancies = 7 r + step (u32)
//   agents "sme" at steps 50 (70000 rows, more than one 65536-row chunk) and 100 (1234):
//               row i of snapshot k: id = 1000000 k + i (i64), region = i % 3 (i32),
//               employment = 1.5 i + step (f64), wage = i % 1000 + 0.5 (f32),
//               active = (i + 1) % 2 (u8)
//   network "sales" at steps 50 (500 edges) and 100 (20 edges):
//               edge j: src = j, dst = (7 j + 1) % 1000 (i64), weight = 0.25 j + step (f64)
//   events: (10, minimum_wage, 1, 0.05) in one call, then (75, credit_shock, -1, -0.2)
//           and (120, minimum_wage, 2, 0.1) in a second call
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/table.hpp"
#include "output/run_writer.hpp"

namespace sentra::output::testing {

inline constexpr std::int64_t synthetic_steps = 150;
inline constexpr std::int64_t snapshot_steps[2] = {50, 100};
inline constexpr std::size_t snapshot_rows[2] = {70000, 1234};
inline constexpr std::size_t edge_rows[2] = {500, 20};

inline std::string synthetic_scenario_yaml() {
  // Longer than 64 KiB on purpose: provenance text must not be limited like attributes.
  std::string text = "name: synthetic\ndescription: \"Kota Bandung \xE2\x80\x93 test\"\n";
  for (int i = 0; i < 8000; ++i)
    text += "param_" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  return text;
}

inline RunInfo synthetic_run_info() {
  RunInfo info;
  info.program_version = "0.1.0-test";
  info.git_commit = "abc1234";
  info.scenario_name = "synthetic";
  info.scenario_yaml = synthetic_scenario_yaml();
  info.resolved_yaml = "name: synthetic\nseed: 42\n";
  info.command_line = "sentra run synthetic.yaml --seed 42";
  info.seed = 18446744073709551557ULL;  // needs all 64 bits: checks the uint64 attribute
  info.threads = 2;
  info.created_utc = "2024-01-02T03:04:05Z";
  info.region_names = {"Jakarta", "Bandung", "Surabaya"};
  info.library_versions = {{"yaml-cpp", "0.7.0"}, {"hdf5", "replaced by the linked version"}};
  return info;
}

inline Table synthetic_aggregates(std::int64_t step) {
  Table t;
  // Each reference from add() is used before the next add() (see synthetic_regions).
  t.add<double>("gdp", "million IDR/month", "gross output")
      .push_back(1000.0 + 0.5 * static_cast<double>(step));
  t.add<std::int64_t>("employment", "persons", "total employment").push_back(100 * step);
  t.add<float>("mean_markup", "fraction", "mean markup")
      .push_back(static_cast<float>(step) / 256.0f);
  t.add<std::uint8_t>("recession", "1", "1 in a recession step")
      .push_back(static_cast<std::uint8_t>(step % 2));
  return t;
}

// Table::columns is a deque, so the references Table::add returns stay valid.
inline Table synthetic_regions(std::int64_t step) {
  Table t;
  auto& output = t.add<double>("output", "million IDR/month", "regional output");
  auto& firms = t.add<std::int32_t>("firms", "firms", "live firms");
  auto& vacancies = t.add<std::uint32_t>("vacancies", "jobs", "open vacancies");
  for (int r = 0; r < 3; ++r) {
    output.push_back(10.0 * static_cast<double>(step) + r + 0.25);
    firms.push_back(static_cast<std::int32_t>(step) + 100 * r);
    vacancies.push_back(static_cast<std::uint32_t>(7 * r + step));
  }
  return t;
}

inline Table synthetic_agents(int k) {
  const std::int64_t step = snapshot_steps[k];
  Table t;
  auto& id = t.add<std::int64_t>("id", "1", "agent id");
  auto& region = t.add<std::int32_t>("region", "1", "region index");
  auto& employment = t.add<double>("employment", "persons", "workers employed");
  auto& wage = t.add<float>("wage", "million IDR/month", "monthly wage");
  auto& active = t.add<std::uint8_t>("active", "1", "1 if active");
  for (std::size_t i = 0; i < snapshot_rows[k]; ++i) {
    const auto n = static_cast<std::int64_t>(i);
    id.push_back(1000000 * k + n);
    region.push_back(static_cast<std::int32_t>(n % 3));
    employment.push_back(1.5 * static_cast<double>(n) + static_cast<double>(step));
    wage.push_back(static_cast<float>(n % 1000) + 0.5f);
    active.push_back(static_cast<std::uint8_t>((n + 1) % 2));
  }
  return t;
}

inline Table synthetic_edges(int k) {
  const std::int64_t step = snapshot_steps[k];
  Table t;
  auto& src = t.add<std::int64_t>("src", "1", "selling agent id");
  auto& dst = t.add<std::int64_t>("dst", "1", "buying agent id");
  auto& weight = t.add<double>("weight", "million IDR/month", "sales");
  for (std::size_t j = 0; j < edge_rows[k]; ++j) {
    const auto n = static_cast<std::int64_t>(j);
    src.push_back(n);
    dst.push_back((7 * n + 1) % 1000);
    weight.push_back(0.25 * static_cast<double>(n) + static_cast<double>(step));
  }
  return t;
}

inline StepObservation synthetic_observation(std::int64_t step) {
  StepObservation obs;
  obs.step = step;
  obs.aggregates = synthetic_aggregates(step);
  obs.regions = synthetic_regions(step);
  for (int k = 0; k < 2; ++k)
    if (step == snapshot_steps[k]) {
      obs.agents.push_back(NamedTable{"sme", synthetic_agents(k)});
      obs.network.push_back(NamedTable{"sales", synthetic_edges(k)});
    }
  return obs;
}

// Writes the whole synthetic run to `target` and commits it.
inline void write_synthetic_run(const std::filesystem::path& target, WriterOptions options = {}) {
  RunWriter writer(target, synthetic_run_info(), options);
  for (std::int64_t step = 1; step <= synthetic_steps; ++step)
    writer.write_step(synthetic_observation(step));
  writer.write_events({{10, "minimum_wage", 1, 0.05}});
  writer.write_events({{75, "credit_shock", -1, -0.2}, {120, "minimum_wage", 2, 0.1}});
  writer.commit();
}

}  // namespace sentra::output::testing
