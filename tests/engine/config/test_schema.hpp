#pragma once
// The scenario schema shared by the config tests, declared the way a model declares its keys.

#include <cstdint>
#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "engine/config/loader.hpp"
#include "engine/config/schema.hpp"

// Lets failed CHECKs on diagnostic lists show the lists.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (const std::string& s : v) out.append("\n  \"").append(s).append("\"");
    return String(out.append("\n}").c_str());
  }
};
}  // namespace doctest

namespace config_test {

using namespace sentra::config;

struct Params {
  std::int64_t schema_version = 0;
  std::string name;
  std::uint64_t seed = 0;
  std::int64_t steps = 0;
  struct {
    std::int64_t smes = 0;
    double markup = 0.0;
    bool flag = false;
    std::string mode;
  } sme;
  struct {
    double levy_rate = 0.0;
    int max_regions = 0;
  } policy;
  std::vector<TimelineEvent> timeline;
};

inline Schema<Params> make_schema() {
  Schema<Params> s;
  s.integer("schema_version", [](Params& p) -> auto& { return p.schema_version; })
      .range(1, 1)
      .required()
      .describe("Scenario file format version.");
  s.string("name", [](Params& p) -> auto& { return p.name; }).required().describe("Scenario name.");
  s.integer("seed", [](Params& p) -> auto& { return p.seed; }).def(42).describe("Random seed.");
  s.integer("steps", [](Params& p) -> auto& { return p.steps; }).def(120).range(1, 100000).unit("months");
  s.section("sme", "Small and medium enterprises.");
  s.integer("sme.smes", [](Params& p) -> auto& { return p.sme.smes; })
      .def(1000)
      .range(1, 100'000'000)
      .unit("firms")
      .describe("Number of firms.");
  s.number("sme.markup", [](Params& p) -> auto& { return p.sme.markup; })
      .def(0.2)
      .range(0.0, 5.0)
      .unit("fraction")
      .settable()
      .describe("Price markup over unit cost.");
  s.boolean("sme.flag", [](Params& p) -> auto& { return p.sme.flag; }).def(false).describe("A switch.");
  s.choice("sme.mode", [](Params& p) -> auto& { return p.sme.mode; }, {"fixed", "adaptive"})
      .def("fixed")
      .describe("Pricing rule.");
  s.section("policy", "Government policy.");
  s.number("policy.levy_rate", [](Params& p) -> auto& { return p.policy.levy_rate; })
      .def(0.0)
      .range(0.0, 1.0)
      .settable()
      .describe("Levy on turnover.");
  s.integer("policy.max_regions", [](Params& p) -> auto& { return p.policy.max_regions; })
      .def(4)
      .range(1, 64)
      .settable();
  s.timeline("timeline", [](Params& p) -> auto& { return p.timeline; }).describe("Policy events.");
  return s;
}

inline const Schema<Params>& schema() {
  static const Schema<Params> s = make_schema();
  return s;
}

// The two required keys, so tests can focus on one problem.
inline const std::string head = "schema_version: 1\nname: base\n";

// Every formatted diagnostic of a load that must fail; empty if it unexpectedly succeeds.
inline std::vector<std::string> problems(const std::string& text, const LoadOptions& options = {}) {
  try {
    (void)load_text(schema(), "bad.yaml", text, options);
  } catch (const ConfigError& e) {
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics) out.push_back(d.format());
    return out;
  }
  return {};
}

inline std::vector<std::string> one(std::string s) { return {std::move(s)}; }

// The message of a load that may fail ("loaded" when it succeeds): `load` is any call of a
// loader, e.g. [&] { return load_file(schema(), path); }.
template <class Load>
std::string message_of(Load&& load) {
  try {
    (void)load();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "loaded";
}

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sentra-config-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string write(const std::string& name, const std::string& text) const {
    const std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace config_test
