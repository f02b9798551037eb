#include "output/sweep_writer.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "output/csv_text.hpp"
#include "output/run_file_reader.hpp"
#include "output/run_writer.hpp"
#include "output/text_file.hpp"
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
           ("sentra_sweep_writer_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

SweepInfo info() {
  SweepInfo i;
  i.program_version = "test";
  i.experiment_name = "tiny";
  i.design = "sobol";
  i.experiment_yaml = "kind: experiment\n";
  i.resolved_yaml = "kind: experiment\nseed: 7\n";
  i.design_points = 2;
  i.replicates = 1;
  i.runs = 2;
  i.base_seed = 7;
  return i;
}

}  // namespace

TEST_CASE("SweepWriter.stores provenance and tables with attributes, renamed into place at commit") {
  TempDir dir;
  const fs::path target = dir.path / "runs.h5";
  {
    SweepWriter w(target, info());
    CHECK(fs::exists(w.partial_path()));
    Table runs;
    runs.add<std::int64_t>("design_point", "1", "design point") = {0, 1};
    runs.add<double>("social.trust_initial", "fraction", "factor") = {0.3, 0.7};
    runs.add<double>("income", "million IDR/month", "outcome") = {1.5, std::numeric_limits<double>::quiet_NaN()};
    w.write_table("runs", "run", "run index", {{"status", "ok or failed", {"ok", "failed"}}}, runs);
    Table s;
    s.add<double>("S1", "1", "first order") = {0.25};
    w.write_table("sensitivity", "row", "row", {{"factor", "factor", {"x"}}}, s,
                  {{"method", std::string("sobol")}, {"samples", std::int64_t{64}}, {"confidence", 0.95}});
    CHECK(!fs::exists(target));
    w.commit();
  }
  CHECK(!fs::exists(target.string() + ".partial"));
  const Reader r(target.string());
  CHECK(r.attr_string("/", "format") == "sentra-sweep");
  CHECK(r.attr<std::uint64_t>("/", "base_seed") == 7);
  CHECK(r.read_strings("/runs/status") == std::vector<std::string>{"ok", "failed"});
  CHECK(r.read<double>("/runs/social.trust_initial") == std::vector<double>{0.3, 0.7});
  CHECK(std::isnan(r.read<double>("/runs/income")[1]));
  CHECK(r.is_attached("/runs/income", "/runs/run", 0));
  CHECK(r.attr_string("/sensitivity", "method") == "sobol");
  CHECK(r.attr<std::int64_t>("/sensitivity", "samples") == 64);
  CHECK(r.attr<double>("/sensitivity", "confidence") == 0.95);
}

TEST_CASE("SweepWriter.without commit leaves no .partial and an existing target untouched") {
  TempDir dir;
  const fs::path target = dir.path / "runs.h5";
  std::ofstream(target) << "previous";
  { SweepWriter w(target, info()); }
  CHECK(!fs::exists(target.string() + ".partial"));
  std::string text;
  std::ifstream(target) >> text;
  CHECK(text == "previous");
}

TEST_CASE("read_run_file.gives back the doubles a run file holds") {
  TempDir dir;
  const fs::path target = dir.path / "run.h5";
  RunInfo ri;
  ri.seed = 42;
  ri.resolved_yaml = "name: x\nseed: 42\n";
  ri.region_names = {"a"};
  {
    RunWriter w(target, ri);
    for (std::int64_t t = 0; t < 3; ++t) {
      StepObservation obs;
      obs.step = t;
      obs.aggregates.add<double>("profit", "million IDR/month", "p").push_back(0.1 * double(t) + 1e-17);
      obs.aggregates.add<double>("survival", "fraction", "s").push_back(1.0 / double(t + 3));
      obs.regions.add<double>("jobs", "persons", "j") = {1.0};
      w.write_step(obs);
    }
    w.commit();
  }
  const auto c = read_run_file(target, {"survival", "profit"});
  CHECK(c.seed == 42);
  CHECK(c.resolved_yaml == "name: x\nseed: 42\n");
  CHECK(c.steps == std::vector<std::int64_t>{0, 1, 2});
  CHECK(c.series[0] == std::vector<double>{1.0 / 3.0, 1.0 / 4.0, 1.0 / 5.0});
  CHECK(c.series[1][2] == 0.1 * 2.0 + 1e-17);
  CHECK_THROWS_AS(read_run_file(target, {"missing"}), std::runtime_error);
  CHECK_THROWS_AS(read_run_file(dir.path / "nothing.h5", {}), std::runtime_error);
}

TEST_CASE("csv_text.quotes only where needed and keeps every digit") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_number(0.1) == "0.10000000000000001");
  CHECK(csv_number(std::numeric_limits<double>::quiet_NaN()).empty());
  CHECK(csv_number(3) == "3");
  CHECK(csv_line({"a", "", "c"}) == "a,,c\n");
}

TEST_CASE("write_text_file.replaces a file only with a complete one") {
  TempDir dir;
  const fs::path p = dir.path / "t.csv";
  write_text_file(p, "a,b\n");
  write_text_file(p, "c,d\n");
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  CHECK(line == "c,d");
  CHECK(!fs::exists(p.string() + ".partial"));
  CHECK_THROWS_AS(write_text_file(dir.path / "no_such_folder" / "x.csv", "x"), std::runtime_error);
}
