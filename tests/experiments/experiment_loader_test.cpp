#include "experiments/experiment_loader.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/config/diagnostic.hpp"
#include "engine/config/loader.hpp"
#include "engine/config/schema.hpp"
#include "experiments/design.hpp"

using namespace sentra::experiments;
namespace config = sentra::config;
namespace fs = std::filesystem;

namespace {

struct FakeParams {
  std::int64_t schema_version = 1;
  std::uint64_t seed = 0;
  std::int64_t steps = 0;
  std::string name;
  double trust = 0;
  std::int64_t smes = 0;
  bool flag = false;
  std::int64_t snapshot_every = 0;
  std::int64_t network_every = 0;
};

const config::Schema<FakeParams>& fake_schema() {
  static const config::Schema<FakeParams> schema = [] {
    config::Schema<FakeParams> s;
    s.integer("schema_version", [](FakeParams& p) -> auto& { return p.schema_version; }).range(1, 1).required();
    s.integer("seed", [](FakeParams& p) -> auto& { return p.seed; }).def(5).range(0, 9'007'199'254'740'991ULL);
    s.integer("steps", [](FakeParams& p) -> auto& { return p.steps; }).def(24).range(1, 1200);
    s.string("name", [](FakeParams& p) -> auto& { return p.name; }).def("fake");
    s.number("social.trust", [](FakeParams& p) -> auto& { return p.trust; }).def(0.5).range(0.0, 1.0);
    s.integer("world.smes", [](FakeParams& p) -> auto& { return p.smes; }).def(100).range(1, 1000000);
    s.boolean("world.flag", [](FakeParams& p) -> auto& { return p.flag; }).def(false);
    s.integer("output.snapshot_every", [](FakeParams& p) -> auto& { return p.snapshot_every; }).def(12).range(0, 1200);
    s.integer("output.network_every", [](FakeParams& p) -> auto& { return p.network_every; }).def(12).range(0, 1200);
    return s;
  }();
  return schema;
}

ScenarioModel fake_model() {
  ScenarioModel m;
  m.keys = &fake_schema().declarations();
  m.load = [](const std::string& path, const std::vector<std::string>& overrides) {
    config::LoadOptions o;
    o.overrides = overrides;
    const auto loaded = config::load_file(fake_schema(), path, o);
    return ScenarioFacts{loaded.value.name, loaded.value.steps, loaded.value.seed, {"profit", "survival"}};
  };
  return m;
}

// A folder of its own with a scenario file, for experiment files to point at.
struct Folder {
  fs::path dir;
  Folder() {
    dir = fs::temp_directory_path() / ("sentra_experiment_loader_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    write("a.yaml", "schema_version: 1\nname: a\nseed: 7\n");
    write("b.yaml", "schema_version: 1\nname: b\nsteps: 36\n");
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

const std::string head = "schema_version: 1\nkind: experiment\nname: t\nscenario: a.yaml\n";
const std::string tail = "outcomes:\n  - {name: income, series: profit, reduce: mean}\n";

// The one error message of a bad file, without its file name.
std::string error_of(const Folder& folder, const std::string& text) {
  const std::string path = folder.write("x.yaml", text);
  try {
    load_experiment(path, fake_model());
  } catch (const config::ConfigError& e) {
    std::string all;
    for (const auto& d : e.diagnostics) {
      std::string line = d.format();
      const auto at = line.find("x.yaml:");
      all += (all.empty() ? "" : "\n") + (at == std::string::npos ? line : line.substr(at));
    }
    return all;
  }
  return "no error";
}

}  // namespace

TEST_CASE("load_experiment.reads a full factorial experiment with its defaults") {
  const Folder folder;
  const std::string path = folder.write(
      "x.yaml", head + "replications: 3\nfactors:\n  - {key: social.trust, min: 0.2, max: 0.6, role: uncertainty}\n"
                       "  - {key: world.smes, values: [10, 20], role: lever}\ndesign: {type: full_factorial, levels: 3}\n" +
                       tail);
  const Experiment e = load_experiment(path, fake_model());
  CHECK(e.name == "t");
  REQUIRE(e.scenarios.size() == 1);
  CHECK(e.scenarios[0].name == "a");
  CHECK(e.steps == 24);
  CHECK(e.seed == 7);  // the scenario's
  CHECK(e.replications == 3);
  REQUIRE(e.factors.size() == 2);
  CHECK(e.factors[0].has_range);
  CHECK(e.factors[1].integer);
  CHECK(e.factors[1].role == FactorRole::lever);
  CHECK(e.outcomes[0].from == 0);
  CHECK(e.outcomes[0].to == 23);
  const Design d = make_design(e);
  REQUIRE(d.points.size() == 6);
  CHECK(d.points[0].values == std::vector<double>{0.2, 10});
  CHECK(d.points[1].values == std::vector<double>{0.2, 20});
  CHECK(d.points[2].values[0] == doctest::Approx(0.4));
  CHECK(d.points[5].values == std::vector<double>{0.6, 20});
}

TEST_CASE("load_experiment.resolved YAML loads back to the same experiment") {
  const Folder folder;
  const std::string path = folder.write(
      "x.yaml", "schema_version: 1\nkind: experiment\nname: t\nscenarios: [a.yaml, b.yaml]\nsteps: 12\nfactors:\n"
                "  - {key: social.trust, min: 0.1, max: 0.3, role: uncertainty}\n"
                "output: {snapshot_every: 6}\n"
                "design: {type: sobol, samples: 8}\n"
                "outcomes:\n  - {name: x, series: survival, reduce: at, step: 6}\n  - {name: y, series: profit, reduce: max, window: [2, 5]}\n");
  const Experiment e = load_experiment(path, fake_model());
  const std::string text = resolved_yaml(e, folder.dir.string());
  const std::string again_path = folder.write("again.yaml", text);
  const Experiment again = load_experiment(again_path, fake_model());
  CHECK(resolved_yaml(again, folder.dir.string()) == text);
  CHECK(again.design.resamples == 1000);
  CHECK(again.snapshot_every == 6);
  CHECK(again.network_every == 0);
  CHECK(common_overrides(again) ==
        std::vector<std::string>{"steps=12", "output.snapshot_every=6", "output.network_every=0"});
  CHECK(make_design(again).points.size() == 8 * 4);  // N (k + 2), the scenario is a dimension
  CHECK(make_design(again).dimensions == std::vector<std::string>{"scenario", "social.trust"});
}

TEST_CASE("same_experiment.a moved results folder holds the same experiment, another design does not") {
  const Folder folder;
  const std::string path = folder.write(
      "x.yaml", "schema_version: 1\nkind: experiment\nname: t\nscenarios: [a.yaml, b.yaml]\nsteps: 12\nfactors:\n"
                "  - {key: social.trust, role: lever}\n"
                "design:\n  type: list\n  points:\n    - {scenario: a.yaml, social.trust: 0.1}\n"
                "    - {scenario: b.yaml, social.trust: 0.2}\n"
                "outcomes:\n  - {name: x, series: survival, reduce: last}\n");
  const Experiment e = load_experiment(path, fake_model());
  const std::string here = resolved_yaml(e, folder.dir.string());
  const std::string deeper = resolved_yaml(e, (folder.dir / "results" / "copy").string());
  REQUIRE(here != deeper);  // the scenario paths are written relative to the folder
  CHECK(same_experiment(here, deeper));
  CHECK(same_experiment(here, here));
  // A different value, seed or scenario file is another experiment.
  std::string other = deeper;
  other.replace(other.find("social.trust: 0.2"), 17, "social.trust: 0.3");
  CHECK_FALSE(same_experiment(here, other));
  other = deeper;
  other.replace(other.find("seed: "), 6, "seed: 9");
  CHECK_FALSE(same_experiment(here, other));
  other = deeper;
  other.replace(other.rfind("b.yaml"), 6, "c.yaml");
  CHECK_FALSE(same_experiment(here, other));
  CHECK_FALSE(same_experiment(here, "not: [valid"));
}

TEST_CASE("load_experiment.list designs take their values from the points") {
  const Folder folder;
  const std::string path = folder.write(
      "x.yaml", head + "factors:\n  - {key: social.trust, role: lever}\n  - {key: world.smes, role: uncertainty}\n"
                       "design:\n  type: list\n  points:\n    - {social.trust: 0.1, world.smes: 50}\n"
                       "    - {social.trust: 0.9, world.smes: 70}\n" + tail);
  const Design d = make_design(load_experiment(path, fake_model()));
  REQUIRE(d.points.size() == 2);
  CHECK(d.points[1].values == std::vector<double>{0.9, 70});
}

TEST_CASE("load_experiment.reports mistakes with line, column, key path and a hint") {
  const Folder folder;
  CHECK(error_of(folder, head + "factors:\n  - {key: social.trust, min: 0.2, max: 1.5, role: uncertainty}\n"
                                "design: {type: full_factorial, levels: 3}\n" + tail) ==
        "x.yaml:6:40: factors[0].max: expected a number in [0, 1] for social.trust, got 1.5");
  CHECK(error_of(folder, head + "factors:\n  - {key: social.trus, min: 0.2, max: 0.5, role: uncertainty}\n"
                                "design: {type: full_factorial, levels: 3}\n" + tail) ==
        "x.yaml:6:11: factors[0].key: expected a numeric scenario key, got 'social.trus'; did you mean 'social.trust'?");
  CHECK(error_of(folder, head + "factors:\n  - {key: world.flag, values: [1], role: lever}\n"
                                "design: {type: full_factorial}\n" + tail) ==
        "x.yaml:6:11: factors[0].key: expected a numeric scenario key, got 'world.flag', a true/false key");
  CHECK(error_of(folder, head + "factors:\n  - {key: social.trust, min: 0.6, max: 0.2, role: uncertainty}\n"
                                "design: {type: full_factorial, levels: 3}\n" + tail) ==
        "x.yaml:6:30: factors[0].min: expected a value below max (0.2), got 0.6");
  CHECK(error_of(folder, head + "factors:\n  - {key: seed, values: [1, 2], role: uncertainty}\n"
                                "design: {type: full_factorial}\n" + tail)
            .find("expected a scenario key other than 'seed'") != std::string::npos);
  CHECK(error_of(folder, head + "factors:\n  - {key: social.trust, min: 0.1, max: 0.5, role: uncertainty}\n"
                                "design: {type: sobol, sampels: 8}\n" + tail) ==
        "x.yaml:7:9: design.samples: expected the base sample size N (N (k + 2) points; a power of two is best) (required key), got nothing\n"
        "x.yaml:7:23: design.sampels: unknown key; did you mean 'design.samples'?");
  CHECK(error_of(folder, head + "replicatons: 2\nfactors: []\ndesign: {type: full_factorial}\n" + tail).find(
            "x.yaml:5:1: replicatons: unknown key; did you mean 'replications'?") != std::string::npos);
  CHECK(error_of(folder, head + "factors: []\ndesign: {type: full_factorial}\n" + tail).find(
            "factors: expected something to vary") != std::string::npos);
  CHECK(error_of(folder, head + "factors:\n  - {key: social.trust, min: 0.1, max: 0.5, role: uncertainty}\n"
                                "design: {type: full_factorial, levels: 2}\n"
                                "outcomes:\n  - {name: income, series: proft, reduce: mean, window: [3, 30]}\n") ==
        "x.yaml:9:28: outcomes[0].series: expected an aggregate series of the model, got 'proft'; did you mean 'profit'?\n"
        "x.yaml:9:61: outcomes[0].window[1]: expected an integer in [0, 23], got 30");
  CHECK(error_of(folder, head + "factors:\n  - {key: social.trust, min: 0.1, max: 0.5, role: uncertain}\n"
                                "design: {type: full_factorial, levels: 2}\n" + tail)
            .find("factors[0].role: expected one of 'uncertainty', 'lever', got uncertain; did you mean 'uncertainty'?") !=
        std::string::npos);
  CHECK(error_of(folder, "schema_version: 1\nname: t\nscenario: a.yaml\n").find(
            "kind: expected 'experiment' (required key") != std::string::npos);
  CHECK(error_of(folder, head + "factors:\n  - {key: social.trust, min: 0.1, max: 0.5, role: lever}\n"
                                "design: {type: morris, trajectories: 4, levels: 3}\n" + tail)
            .find("design.levels: expected an even number of levels") != std::string::npos);
  CHECK(error_of(folder, "schema_version: 1\nkind: experiment\nname: t\nscenario: nowhere.yaml\nfactors: []\n"
                         "design: {type: full_factorial}\n" + tail)
            .find("x.yaml:4:11: scenario: expected a readable file") != std::string::npos);
}

TEST_CASE("is_experiment_file.tells experiments from scenarios") {
  const Folder folder;
  CHECK(is_experiment_file(folder.write("x.yaml", head)));
  CHECK_FALSE(is_experiment_file((folder.dir / "a.yaml").string()));
  CHECK_FALSE(is_experiment_file((folder.dir / "missing.yaml").string()));
}

TEST_CASE("load_experiment.limits and repeats are reported once, where they are") {
  const Folder folder;
  const std::string factor = "  - {key: social.trust, min: 0.1, max: 0.3, role: uncertainty}\n";
  // A key in three factors: two messages, one per repeat (not one per earlier factor too).
  CHECK(error_of(folder, head + "factors:\n" + factor + factor + factor + "design: {type: latin_hypercube, samples: 4}\n" + tail) ==
        "x.yaml:7:11: factors[1].key: expected each scenario key in one factor only, got 'social.trust' again\n"
        "x.yaml:8:11: factors[2].key: expected each scenario key in one factor only, got 'social.trust' again");
  // More levels than an integer range has integers would repeat design points.
  CHECK(error_of(folder, head + "factors:\n  - {key: world.smes, min: 10, max: 12, role: lever}\n"
                               "design: {type: full_factorial, levels: 4}\n" + tail) ==
        "x.yaml:7:40: design.levels: expected at most 3 levels (the integers of world.smes in [10, 12]; more would "
        "repeat design points), got 4");
  // Levels with no range factor to space out would do nothing.
  CHECK(error_of(folder, head + "factors:\n  - {key: world.smes, values: [10, 20], role: lever}\n"
                               "design: {type: full_factorial, levels: 4}\n" + tail) ==
        "x.yaml:7:40: design.levels: expected no levels when no factor has a range (min and max: levels space them "
        "out; these factors list their values), got 4");
  // (A Morris design past 1,000,000 points needs ten factors: tests/data/bad/experiment_morris_too_many_points.yaml.)
  // Too many runs: marked at replications, not at the top of the file.
  CHECK(error_of(folder, head + "replications: 20\nfactors:\n" + factor + "design: {type: latin_hypercube, samples: 1000000}\n" + tail) ==
        "x.yaml:5:15: replications: expected at most 10000000 runs in all, got 1000000 design points x 20 replications");
  // Percentile intervals need at least 100 resamples.
  CHECK(error_of(folder, head + "factors:\n" + factor + "design: {type: sobol, samples: 8, bootstrap: 0}\n" + tail) ==
        "x.yaml:7:46: design.bootstrap: expected an integer in [100, 100000], got 0");
}

TEST_CASE("load_experiment.reduce last reads the last month, and its window says so") {
  const Folder folder;
  const Experiment e = load_experiment(
      folder.write("x.yaml", head + "factors:\n  - {key: social.trust, min: 0.1, max: 0.3, role: uncertainty}\n"
                                    "design: {type: latin_hypercube, samples: 4}\n"
                                    "outcomes:\n  - {name: s, series: survival, reduce: last}\n"),
      fake_model());
  REQUIRE(e.outcomes.size() == 1);
  CHECK(e.outcomes[0].from == 23);  // a.yaml runs 24 months
  CHECK(e.outcomes[0].to == 23);
}

TEST_CASE("load_experiment.a list of one scenario gets one message") {
  const Folder folder;
  CHECK(error_of(folder, "schema_version: 1\nkind: experiment\nname: t\nscenarios: [a.yaml]\nfactors: []\n"
                         "design: {type: full_factorial}\n" + tail) ==
        "x.yaml:4:12: scenarios: expected a list of at least two scenario files (one file is scenario: FILE), got 1 file");
}
