#include "output/comparison_writer.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "tests/output/h5_read.hpp"

namespace fs = std::filesystem;
using namespace sentra;
using namespace sentra::output;
using namespace sentra::output::testing;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("sentra_comparison_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

ComparisonInfo two_scenarios() {
  ComparisonInfo info;
  info.program_version = "test";
  info.scenarios = {{"base", "base", "base.yaml", "name: base\n", "name: base\nseed: 7\n"},
                    {"policy", "policy", "policy.yaml", "name: policy\n", "name: policy\nseed: 7\n"}};
  info.replicates = 2;
  info.steps = 3;
  info.base_seed = 7;
  return info;
}

std::vector<StepObservation> run_of(double level) {
  std::vector<StepObservation> steps;
  for (std::int64_t t = 0; t < 3; ++t) {
    StepObservation obs;
    obs.step = t;
    obs.aggregates.add<double>("gdp", "million IDR/month", "output").push_back(level + double(t));
    obs.regions.add<double>("jobs", "persons", "jobs") = {level, level + 1};
    steps.push_back(std::move(obs));
  }
  return steps;
}

}  // namespace

TEST_CASE("ComparisonWriter.stores runs, the runs table, the summary and the [step, scenario] series") {
  TempDir dir;
  const fs::path target = dir.path / "c.h5";
  {
    ComparisonWriter w(target, two_scenarios());
    CHECK(fs::exists(w.partial_path()));
    for (std::size_t k = 0; k < 2; ++k)
      for (std::size_t r = 0; r < 2; ++r) w.write_run(k, r, 7 + r, {"north", "south"}, run_of(double(10 * k + r)));
    Table runs;
    runs.add<std::int64_t>("seed", "1", "seed") = {7, 8, 7, 8};
    runs.add<double>("gdp", "million IDR/month", "outcome") = {1.0, 2.0, 11.0, 12.0};
    w.write_runs({{"scenario_name", "label", {"base", "base", "policy", "policy"}}}, runs);
    Table summary;
    summary.add<double>("mean", "", "mean") = {1.5, 11.5};
    w.write_summary({{"outcome", "outcome", {"gdp", "gdp"}}}, summary);
    // 3 steps x 2 scenarios, step-major
    w.write_series({0, 1, 2}, {Column{"gdp_mean", "million IDR/month", "mean", std::vector<double>{0, 10, 1, 11, 2, 12}}});
    w.commit();
  }
  REQUIRE(fs::exists(target));
  CHECK(!fs::exists(target.string() + ".partial"));
  const Reader r(target.string());
  CHECK(r.attr_string("/", "format") == "sentra-comparison");
  CHECK(r.attr<std::uint64_t>("/", "base_seed") == 7);
  CHECK(r.read_strings("/scenarios/name") == std::vector<std::string>{"base", "policy"});
  CHECK(r.read_strings("/scenarios/resolved_yaml")[1] == "name: policy\nseed: 7\n");
  CHECK(r.attr<std::uint64_t>("/run/s1_r1", "seed") == 8);
  CHECK(r.read_field<double>("/run/s1_r1/aggregates", "gdp") == std::vector<double>{11, 12, 13});
  CHECK(r.dims("/run/s0_r1/regions") == std::vector<hsize_t>{6});  // 3 steps x 2 regions
  CHECK(r.read_field<double>("/run/s0_r1/regions", "jobs").size() == 6);
  CHECK(r.attr_strings("/run/s0_r1/regions", "region_names") == std::vector<std::string>{"north", "south"});
  CHECK(r.read<std::int64_t>("/runs/run") == std::vector<std::int64_t>{0, 1, 2, 3});
  CHECK(r.is_attached("/runs/gdp", "/runs/run", 0));
  CHECK(r.attr_string("/runs/gdp", "units") == "million IDR/month");
  CHECK(r.read_strings("/runs/scenario_name")[2] == "policy");
  CHECK(r.read<double>("/summary/mean") == std::vector<double>{1.5, 11.5});
  CHECK(r.dims("/series/gdp_mean") == std::vector<hsize_t>{3, 2});
  CHECK(r.read<double>("/series/gdp_mean") == std::vector<double>{0, 10, 1, 11, 2, 12});
  CHECK(r.is_attached("/series/gdp_mean", "/series/scenario", 1));
  CHECK(r.read_strings("/series/name") == std::vector<std::string>{"base", "policy"});
}

TEST_CASE("ComparisonWriter.without commit leaves no .partial and an existing target untouched") {
  TempDir dir;
  const fs::path target = dir.path / "c.h5";
  std::ofstream(target) << "previous";
  {
    ComparisonWriter w(target, two_scenarios());
    w.write_run(0, 0, 7, {"north", "south"}, run_of(1.0));
  }
  CHECK(!fs::exists(target.string() + ".partial"));
  std::string text;
  std::ifstream(target) >> text;
  CHECK(text == "previous");
}

TEST_CASE("ComparisonWriter.rejects tables whose columns differ in length, before writing") {
  TempDir dir;
  ComparisonWriter w(dir.path / "c.h5", two_scenarios());
  Table runs;
  runs.add<double>("a", "1", "a") = {1.0, 2.0};
  CHECK_THROWS_AS(w.write_runs({{"scenario_name", "label", {"x"}}}, runs), std::logic_error);
  CHECK_THROWS_AS(w.write_series({0, 1}, {Column{"x", "1", "x", std::vector<double>{1.0}}}), std::logic_error);
}
