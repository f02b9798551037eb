#include "experiments/experiment_loader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "engine/config/diagnostic.hpp"
#include "engine/config/did_you_mean.hpp"
#include "engine/config/document.hpp"
#include "engine/config/key_spec.hpp"
#include "engine/config/format.hpp"
#include "engine/config/validate.hpp"
#include "engine/config/yaml_tree.hpp"
#include "experiments/full_factorial.hpp"
#include "experiments/sobol_sequence.hpp"

namespace sentra::experiments {

namespace fs = std::filesystem;
using config::Diagnostic;
using config::Entry;
using config::Kind;
using config::KeySpec;
using config::Mark;
using config::Node;

namespace {

constexpr std::size_t max_file_bytes = 1 << 20;
constexpr int max_depth = 64;

const std::vector<std::string> top_keys = {"schema_version", "kind",  "name",         "description",
                                           "scenario",       "scenarios", "steps",    "seed",
                                           "replications",   "output",  "factors",    "design",
                                           "outcomes"};
const std::vector<std::string> output_keys = {"snapshot_every", "network_every"};
const std::vector<std::string> factor_keys = {"key", "role", "min", "max", "values"};
const std::vector<std::string> outcome_keys = {"name", "series", "reduce", "window", "step"};
// The keys each design takes (type first).
const std::map<DesignType, std::vector<std::string>> design_keys = {
    {DesignType::full_factorial, {"type", "levels"}},
    {DesignType::list, {"type", "points"}},
    {DesignType::latin_hypercube, {"type", "samples", "seed"}},
    {DesignType::sobol, {"type", "samples", "bootstrap", "seed"}},
    {DesignType::morris, {"type", "trajectories", "levels", "seed"}},
};
// Scenario keys the experiment sets itself, so a factor may not.
const std::map<std::string, std::string> reserved_keys = {
    {"seed", "the experiment sets every run's seed (seed + replicate)"},
    {"steps", "the experiment's own steps: key sets every run's length"},
    {"schema_version", "it is the scenario format's version"},
    {"output.snapshot_every", "the experiment's own output: key sets it for every run"},
    {"output.network_every", "the experiment's own output: key sets it for every run"},
};
// Columns of the runs table that outcome names must leave free.
const std::vector<std::string> reserved_columns = {"design_point", "replicate", "seed",     "scenario",
                                                   "status",       "error",     "run_file", "run"};

std::string join(const std::string& prefix, const std::string& key) { return prefix.empty() ? key : prefix + "." + key; }

std::string listing(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

// describe() with "an empty list" told apart from a list, for the keys that need items.
std::string described(const Node& node) {
  if (node.type == Node::Type::sequence && node.items.empty()) return "an empty list";
  return config::describe(node);
}

Mark value_mark(const Entry& e) { return e.value.type == Node::Type::null ? e.key_mark : e.value.mark; }

bool is_identifier(const std::string& s) {
  if (s.empty() || s.size() > 64 || (s[0] >= '0' && s[0] <= '9')) return false;
  for (const char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool is_numeric(const KeySpec& k) {
  return k.kind == Kind::integer || k.kind == Kind::unsigned_integer || k.kind == Kind::number;
}

double as_double(const config::Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return static_cast<double>(std::get<std::uint64_t>(v));
}

std::string key_kind_phrase(const KeySpec& k) {
  switch (k.kind) {
    case Kind::boolean: return "a true/false key";
    case Kind::string: return "a text key";
    case Kind::choice: return "a choice key";
    case Kind::timeline: return "the timeline";
    default: return "a numeric key";
  }
}

// The checks of one experiment file, collecting every problem in `diags`.
class Reader {
 public:
  Reader(std::string file, const ScenarioModel& model, std::vector<Diagnostic>& diags)
      : file_(std::move(file)), model_(model), diags_(diags) {}

  void error(const Mark& m, const std::string& path, const std::string& message) {
    config::report(diags_, m, path, message);
  }

  // A mapping with only `allowed` keys; false (reported) when it is not a mapping.
  bool mapping(const Node& node, const Mark& mark, const std::string& path, const std::vector<std::string>& allowed,
               const std::string& what) {
    if (node.reported) return false;
    if (node.type != Node::Type::map) {
      error(mark, path, "expected " + what + ", got " + config::describe(node));
      return false;
    }
    for (const Entry& e : node.entries) {
      if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end()) continue;
      std::string message = "unknown key";
      if (const auto guess = config::closest_match(e.key, allowed)) message += "; did you mean '" + join(path, *guess) + "'?";
      else message += "; expected one of: " + listing(allowed);
      error(e.key_mark, join(path, e.key), message);
    }
    return true;
  }

  // A value through the scenario loader's own conversion and checks, as for `--set`.
  std::optional<config::Value> convert(const KeySpec& k, const Node& node, const Mark& mark, const std::string& path) {
    return config::convert(none_, k, node, mark, path, marks_, diags_);
  }

  std::optional<std::int64_t> integer(const Entry& e, const std::string& path, std::int64_t lo, std::int64_t hi) {
    KeySpec k;
    k.kind = Kind::integer;
    k.int_min = lo;
    k.int_max = hi;
    const auto v = convert(k, e.value, value_mark(e), path);
    if (!v) return std::nullopt;
    return std::get<std::int64_t>(*v);
  }

  std::optional<std::string> text(const Entry& e, const std::string& path) {
    KeySpec k;
    k.kind = Kind::string;
    const auto v = convert(k, e.value, value_mark(e), path);
    if (!v) return std::nullopt;
    return std::get<std::string>(*v);
  }

  std::optional<std::string> choice(const Entry& e, const std::string& path, const std::vector<std::string>& choices) {
    KeySpec k;
    k.kind = Kind::choice;
    k.choices = choices;
    const auto v = convert(k, e.value, value_mark(e), path);
    if (!v) return std::nullopt;
    return std::get<std::string>(*v);
  }

  // A required entry of `map`, reported (at the map) when missing.
  const Entry* required(const Node& map, const Mark& mark, const std::string& path, const std::string& key,
                        const std::string& expected) {
    const Entry* e = map.find(key);
    if (!e) error(mark, join(path, key), "expected " + expected + " (required key), got nothing");
    return e;
  }

  // A scenario file named in the experiment, relative to the experiment file's folder.
  std::optional<ScenarioRef> scenario_ref(const Node& node, const Mark& mark, const std::string& path) {
    if (node.reported) return std::nullopt;
    if (node.type != Node::Type::scalar || node.text.empty()) {
      error(mark, path, "expected a scenario file path, got " + config::describe(node));
      return std::nullopt;
    }
    ScenarioRef ref;
    ref.written = node.text;
    ref.path = (fs::path(file_).parent_path() / node.text).lexically_normal().string();
    return ref;
  }

  // The scenario key a factor (or a list point) names, if it may be varied.
  const KeySpec* factor_key(const Node& node, const Mark& mark, const std::string& path) {
    if (node.reported) return nullptr;
    const config::Declarations& decl = *model_.keys;
    if (node.type != Node::Type::scalar) {
      error(mark, path, "expected a scenario key path, got " + config::describe(node));
      return nullptr;
    }
    const auto index = decl.find_key(node.text);
    if (!index) {
      std::vector<std::string> numeric;
      for (const KeySpec& k : decl.keys())
        if (is_numeric(k) && !reserved_keys.count(k.path)) numeric.push_back(k.path);
      std::string message = "expected a numeric scenario key, got '" + config::printable(node.text) + "'";
      if (decl.is_section(node.text)) message += ", which is a section";
      else if (const auto guess = config::closest_match(node.text, numeric)) message += "; did you mean '" + *guess + "'?";
      else message += ", which is not a scenario key (see docs/scenario-reference.md)";
      error(mark, path, message);
      return nullptr;
    }
    const KeySpec& k = decl.key(*index);
    if (const auto r = reserved_keys.find(k.path); r != reserved_keys.end()) {
      error(mark, path, "expected a scenario key other than '" + k.path + "', got '" + k.path + "': " + r->second);
      return nullptr;
    }
    if (!is_numeric(k)) {
      error(mark, path, "expected a numeric scenario key, got '" + k.path + "', " + key_kind_phrase(k));
      return nullptr;
    }
    return &k;
  }

  // One level of a factor, checked as `--set key=value` would check it; the message names
  // the key whose range applies.
  std::optional<double> level(const KeySpec& k, const Node& node, const Mark& mark, const std::string& path) {
    const std::size_t before = diags_.size();
    const auto v = convert(k, node, mark, path);
    for (std::size_t i = before; i < diags_.size(); ++i) {
      std::string& m = diags_[i].message;
      const auto got = m.find(", got ");
      if (m.rfind("expected ", 0) == 0 && got != std::string::npos) m.insert(got, " for " + k.path);
    }
    if (!v) return std::nullopt;
    return as_double(*v);
  }

  const ScenarioModel& model() const { return model_; }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  const ScenarioModel& model_;
  std::vector<Diagnostic>& diags_;
  config::Declarations none_;  // conversions of plain numbers need no declarations
  std::map<std::string, Mark> marks_;
};

struct ParsedFactor {
  Factor factor;
  const KeySpec* key = nullptr;
  Mark mark;
};

std::optional<ParsedFactor> parse_factor(Reader& r, const Node& item, const std::string& path) {
  if (!r.mapping(item, item.mark, path, factor_keys, "a factor {key, role, min, max} or {key, role, values}"))
    return std::nullopt;
  ParsedFactor out;
  out.mark = item.mark;
  out.factor.mark = item.mark;
  Factor& f = out.factor;
  bool ok = true;
  if (const Entry* e = r.required(item, item.mark, path, "key", "a numeric scenario key")) {
    out.key = r.factor_key(e->value, value_mark(*e), join(path, "key"));
    if (out.key) {
      f.key = out.key->path;
      f.integer = out.key->kind != Kind::number;
      f.unit = out.key->unit;
      f.description = out.key->description;
    }
  }
  ok = ok && out.key;
  if (const Entry* e = r.required(item, item.mark, path, "role", "'uncertainty' or 'lever'")) {
    if (const auto role = r.choice(*e, join(path, "role"), {"uncertainty", "lever"}))
      f.role = *role == "lever" ? FactorRole::lever : FactorRole::uncertainty;
    else ok = false;
  } else {
    ok = false;
  }
  const Entry* min = item.find("min");
  const Entry* max = item.find("max");
  const Entry* values = item.find("values");
  if (values && (min || max)) {
    r.error(values->key_mark, join(path, "values"), "expected either min and max (a range) or values (a list), got both");
    return std::nullopt;
  }
  if (!values && !min && !max) {
    // A list design may give each point's values itself: then the factor needs no levels.
    f.has_range = false;
    return ok ? std::optional<ParsedFactor>(std::move(out)) : std::nullopt;
  }
  if (!values) {
    f.has_range = true;
    if (!min || !max) {
      const Entry* given = min ? min : max;
      r.error(given->key_mark, path, std::string("expected both min and max, got only ") + (min ? "min" : "max"));
      return std::nullopt;
    }
    if (!out.key) return std::nullopt;
    const auto lo = r.level(*out.key, min->value, value_mark(*min), join(path, "min"));
    const auto hi = r.level(*out.key, max->value, value_mark(*max), join(path, "max"));
    if (!lo || !hi) return std::nullopt;
    if (!(*lo < *hi)) {
      r.error(value_mark(*min), join(path, "min"),
              "expected a value below max (" + config::format_double(*hi) + "), got " + config::format_double(*lo));
      return std::nullopt;
    }
    f.min = *lo;
    f.max = *hi;
    return ok ? std::optional<ParsedFactor>(std::move(out)) : std::nullopt;
  }
  const std::string vpath = join(path, "values");
  if (values->value.type != Node::Type::sequence || values->value.items.empty()) {
    if (!values->value.reported)
      r.error(value_mark(*values), vpath, "expected a non-empty list of values, got " + described(values->value));
    return std::nullopt;
  }
  if (!out.key) return std::nullopt;
  for (std::size_t i = 0; i < values->value.items.size(); ++i) {
    const Node& v = values->value.items[i];
    const std::string item_path = vpath + "[" + std::to_string(i) + "]";
    const auto x = r.level(*out.key, v, v.mark, item_path);
    if (!x) {
      ok = false;
      continue;
    }
    if (std::find(f.values.begin(), f.values.end(), *x) != f.values.end()) {
      r.error(v.mark, item_path, "expected each value once, got " + config::describe(v) + " again");
      ok = false;
    }
    f.values.push_back(*x);
  }
  return ok ? std::optional<ParsedFactor>(std::move(out)) : std::nullopt;
}

std::optional<SeriesReduction> parse_outcome(Reader& r, const Node& item, const std::string& path,
                                             const std::vector<std::string>* series, std::int64_t steps) {
  if (!r.mapping(item, item.mark, path, outcome_keys, "an outcome {name, series, reduce, window or step}"))
    return std::nullopt;
  SeriesReduction o;
  bool ok = true;
  if (const Entry* e = r.required(item, item.mark, path, "name", "a name for the runs table's column")) {
    const auto name = r.text(*e, join(path, "name"));
    if (name && (!is_identifier(*name) ||
                 std::find(reserved_columns.begin(), reserved_columns.end(), *name) != reserved_columns.end())) {
      r.error(value_mark(*e), join(path, "name"),
              is_identifier(*name)
                  ? "expected a name other than the runs table's own columns (" + listing(reserved_columns) + "), got '" +
                        *name + "'"
                  : "expected a name of letters, digits and '_' (a column name), got " + config::describe(e->value));
      ok = false;
    }
    if (name) o.name = *name;
    else ok = false;
  } else {
    ok = false;
  }
  if (const Entry* e = r.required(item, item.mark, path, "series", "an aggregate series")) {
    const auto s = r.text(*e, join(path, "series"));
    if (s && series && std::find(series->begin(), series->end(), *s) == series->end()) {
      std::string message = "expected an aggregate series of the model, got '" + config::printable(*s) + "'";
      if (const auto guess = config::closest_match(*s, *series)) message += "; did you mean '" + *guess + "'?";
      else message += "; the series are: " + listing(*series);
      r.error(value_mark(*e), join(path, "series"), message);
      ok = false;
    }
    if (s) o.series = *s;
    else ok = false;
  } else {
    ok = false;
  }
  const Entry* reduce = r.required(item, item.mark, path, "reduce", "one of " + listing(reduce_names()));
  std::optional<Reduce> kind;
  if (reduce) {
    if (const auto text = r.choice(*reduce, join(path, "reduce"), reduce_names())) kind = parse_reduce(*text);
  }
  if (!kind) return std::nullopt;
  o.reduce = *kind;
  const Entry* window = item.find("window");
  const Entry* step = item.find("step");
  const std::int64_t last = steps - 1;
  if (o.reduce == Reduce::at) {
    if (window) {
      r.error(window->key_mark, join(path, "window"), "expected no window for reduce: at (it takes step), got one");
      ok = false;
    }
    if (const Entry* e = r.required(item, item.mark, path, "step", "the step (month, from 0) to read")) {
      if (const auto t = r.integer(*e, join(path, "step"), 0, last)) o.from = o.to = *t;
      else ok = false;
    } else {
      ok = false;
    }
  } else {
    if (step) {
      r.error(step->key_mark, join(path, "step"),
              std::string("expected no step for reduce: ") + reduce_name(o.reduce) + " (only reduce: at takes one), got one");
      ok = false;
    }
    // `last` reads one month, the run's last: its window says so (the runs table shows it).
    o.from = o.reduce == Reduce::last ? last : 0;
    o.to = last;
    if (window && o.reduce == Reduce::last) {
      r.error(window->key_mark, join(path, "window"),
              "expected no window for reduce: last (use reduce: at with step for another month), got one");
      ok = false;
    } else if (window) {
      const std::string wpath = join(path, "window");
      const Node& w = window->value;
      if (w.type != Node::Type::sequence || w.items.size() != 2) {
        if (!w.reported) r.error(value_mark(*window), wpath, "expected [from, to] (two steps), got " + config::describe(w));
        ok = false;
      } else {
        const auto from = r.integer(Entry{"", w.items[0].mark, w.items[0]}, wpath + "[0]", 0, last);
        const auto to = r.integer(Entry{"", w.items[1].mark, w.items[1]}, wpath + "[1]", 0, last);
        if (from && to && *from > *to) {
          r.error(w.items[0].mark, wpath + "[0]",
                  "expected a first step not after the last (" + std::to_string(*to) + "), got " + std::to_string(*from));
          ok = false;
        }
        if (from && to) {
          o.from = *from;
          o.to = *to;
        } else {
          ok = false;
        }
      }
    }
  }
  return ok ? std::optional<SeriesReduction>(std::move(o)) : std::nullopt;
}

[[noreturn]] void fail(std::vector<Diagnostic> diags, const std::string& file) {
  // The experiment file's problems first, in reading order; then each scenario's, as its
  // own loader ordered them.
  std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const bool a_other = a.mark.file != file, b_other = b.mark.file != file;
    if (a_other || b_other) return !a_other && b_other;
    return std::tie(a.mark.line, a.mark.column) < std::tie(b.mark.line, b.mark.column);
  });
  throw config::ConfigError(std::move(diags));
}

}  // namespace

Experiment load_experiment(const std::string& path, const ScenarioModel& model) {
  if (!model.keys || !model.load) throw std::logic_error("load_experiment: the scenario model is incomplete");
  std::vector<Diagnostic> diags;
  const std::optional<std::string> text = config::read_source(path, max_file_bytes, {path, 1, 1}, "", diags);
  if (!text) fail(std::move(diags), path);
  const std::optional<Node> parsed = config::parse_yaml(path, *text, max_depth, diags);
  if (!parsed) fail(std::move(diags), path);
  const Node& root = *parsed;
  const Mark top{path, 1, 1};
  if (root.type != Node::Type::map) {
    config::report(diags, root.mark, "",
                   "expected an experiment (a mapping of keys: kind: experiment, scenario, factors, design, "
                   "outcomes), got " + (root.type == Node::Type::null ? std::string("an empty file") : config::describe(root)));
    fail(std::move(diags), path);
  }

  Reader r(path, model, diags);
  Experiment ex;
  ex.file = path;
  ex.text = *text;
  // Without `kind: experiment` this is most likely a scenario given by mistake: one message
  // says so, instead of one per scenario key the experiment format does not know.
  const Entry* kind = root.find("kind");
  if (!kind || kind->value.type != Node::Type::scalar || kind->value.text != "experiment") {
    const std::string got = kind ? config::describe(kind->value) : std::string("nothing");
    r.error(kind ? value_mark(*kind) : top, "kind",
            "expected 'experiment' (required key: sentra sweep takes experiment files, which name their scenario in "
            "scenario:; a scenario file runs with sentra run), got " + got);
    fail(std::move(diags), path);
  }
  r.mapping(root, root.mark, "", top_keys, "a mapping");

  if (const Entry* e = r.required(root, top, "", "schema_version", "an integer in [1, 1]")) r.integer(*e, "schema_version", 1, 1);
  if (const Entry* e = r.required(root, top, "", "name", "a name (letters, digits, '_', '-', '.')")) {
    if (const auto name = r.text(*e, "name")) {
      if (!config::is_file_name(*name))
        r.error(value_mark(*e), "name",
                "expected a name of letters, digits, '_', '-' and '.' (it names the results folder), got " +
                    config::describe(e->value));
      ex.name = *name;
    }
  }
  if (const Entry* e = root.find("description"))
    if (const auto d = r.text(*e, "description")) ex.description = *d;

  // --- Scenarios, loaded now so their steps, seed and series are known -------------------
  const Entry* scenario = root.find("scenario");
  const Entry* scenarios = root.find("scenarios");
  Mark scenarios_mark = top;
  if (scenario && scenarios) {
    r.error(scenarios->key_mark, "scenarios", "expected either scenario (one file) or scenarios (a list), got both");
  } else if (scenario) {
    scenarios_mark = value_mark(*scenario);
    if (auto ref = r.scenario_ref(scenario->value, value_mark(*scenario), "scenario")) ex.scenarios.push_back(*ref);
  } else if (scenarios) {
    ex.scenario_factor = true;
    scenarios_mark = value_mark(*scenarios);
    const Node& list = scenarios->value;
    if (list.type != Node::Type::sequence || list.items.size() < 2) {
      if (!list.reported)
        r.error(value_mark(*scenarios), "scenarios",
                "expected a list of at least two scenario files (one file is scenario: FILE), got " +
                    (list.type == Node::Type::sequence ? std::to_string(list.items.size()) + " file"
                                                       : config::describe(list)));
    } else {
      for (std::size_t i = 0; i < list.items.size(); ++i) {
        const std::string item_path = "scenarios[" + std::to_string(i) + "]";
        if (auto ref = r.scenario_ref(list.items[i], list.items[i].mark, item_path)) {
          for (const auto& earlier : ex.scenarios)
            if (earlier.path == ref->path)
              r.error(list.items[i].mark, item_path, "expected each scenario once, got '" + ref->written + "' again");
          ex.scenarios.push_back(*ref);
        }
      }
    }
  } else {
    r.error(top, "scenario", "expected a scenario file (scenario: FILE, or scenarios: [A, B, ...]), got nothing");
  }

  const config::Declarations& decl = *model.keys;
  const auto declared = [&](const char* key) -> const KeySpec* {
    const auto i = decl.find_key(key);
    return i ? &decl.key(*i) : nullptr;
  };
  if (const Entry* e = root.find("steps")) {
    if (const KeySpec* k = declared("steps")) {
      if (const auto v = r.convert(*k, e->value, value_mark(*e), "steps")) {
        ex.steps = static_cast<std::int64_t>(as_double(*v));
        ex.steps_given = true;
      }
    }
  }
  std::optional<std::uint64_t> seed;
  std::uint64_t largest_seed = 9'007'199'254'740'991ULL;
  if (const KeySpec* k = declared("seed"))
    largest_seed = k->kind == Kind::unsigned_integer ? k->uint_max : static_cast<std::uint64_t>(std::max<std::int64_t>(0, k->int_max));
  if (const Entry* e = root.find("seed")) {
    if (const KeySpec* k = declared("seed")) {
      if (const auto v = r.convert(*k, e->value, value_mark(*e), "seed")) {
        if (const auto* u = std::get_if<std::uint64_t>(&*v)) seed = *u;
        else seed = static_cast<std::uint64_t>(std::get<std::int64_t>(*v));
      }
    }
  }
  if (const Entry* e = root.find("replications")) {
    if (const auto v = r.integer(*e, "replications", 1, 100000)) ex.replications = static_cast<std::size_t>(*v);
  }

  if (const Entry* e = root.find("output")) {
    if (r.mapping(e->value, value_mark(*e), "output", output_keys, "a mapping {snapshot_every, network_every}")) {
      for (const auto& [key, field] : {std::pair<const char*, std::int64_t*>{"snapshot_every", &ex.snapshot_every},
                                       std::pair<const char*, std::int64_t*>{"network_every", &ex.network_every}}) {
        const Entry* v = e->value.find(key);
        const KeySpec* k = declared((std::string("output.") + key).c_str());
        if (!v || !k) continue;
        if (const auto x = r.convert(*k, v->value, value_mark(*v), std::string("output.") + key))
          *field = static_cast<std::int64_t>(as_double(*x));
      }
    }
  }

  std::vector<ScenarioFacts> facts;
  bool scenarios_ok = !ex.scenarios.empty();
  for (std::size_t i = 0; i < ex.scenarios.size(); ++i) {
    ScenarioRef& ref = ex.scenarios[i];
    const std::string ref_path = ex.scenario_factor ? "scenarios[" + std::to_string(i) + "]" : "scenario";
    const Node& node = ex.scenario_factor ? scenarios->value.items[i] : scenario->value;
    if (!config::read_source(ref.path, max_file_bytes, node.mark, ref_path, diags)) {
      scenarios_ok = false;
      continue;
    }
    const std::vector<std::string> overrides = common_overrides(ex);
    try {
      facts.push_back(model.load(ref.path, overrides));
      ref.name = facts.back().name;
    } catch (const config::ConfigError& error) {
      diags.insert(diags.end(), error.diagnostics.begin(), error.diagnostics.end());
      scenarios_ok = false;
    }
  }
  if (scenarios_ok) {
    if (!ex.steps_given) ex.steps = facts.front().steps;
    std::string lengths;
    bool same = true;
    for (std::size_t i = 0; i < facts.size(); ++i) {
      same = same && facts[i].steps == facts.front().steps;
      lengths += (i ? ", " : "") + std::to_string(facts[i].steps) + " (" + facts[i].name + ")";
    }
    if (!same)
      r.error(scenarios_mark, "scenarios",
              "expected scenarios of the same length, got " + lengths + " months; give steps: N to run them all N months");
    for (std::size_t i = 0; i < facts.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (facts[i].name == facts[j].name)
          r.error(scenarios->value.items[i].mark, "scenarios[" + std::to_string(i) + "]",
                  "expected scenarios with different names (the runs table tells them apart by name), got a second '" +
                      facts[i].name + "'");
    ex.seed = seed ? *seed : facts.front().seed;
    if (ex.seed > largest_seed - (ex.replications - 1))
      r.error(root.find("seed") ? value_mark(*root.find("seed")) : top, "seed",
              "expected a seed such that seed + replications - 1 is at most " + std::to_string(largest_seed) + ", got " +
                  std::to_string(ex.seed));
  }

  // --- Factors ------------------------------------------------------------------------------
  std::vector<ParsedFactor> factors;
  bool factors_ok = true;
  Mark factors_mark = top;
  if (const Entry* e = root.find("factors")) {
    factors_mark = value_mark(*e);
    const Node& list = e->value;
    if (list.type == Node::Type::sequence) {
      for (std::size_t i = 0; i < list.items.size(); ++i) {
        const std::string item_path = "factors[" + std::to_string(i) + "]";
        auto f = parse_factor(r, list.items[i], item_path);
        if (!f) {
          factors_ok = false;
          continue;
        }
        // Said once for each repeat, not once for every earlier factor of the same key.
        if (std::any_of(factors.begin(), factors.end(), [&](const ParsedFactor& earlier) { return earlier.factor.key == f->factor.key; })) {
          const Entry* key = list.items[i].find("key");
          r.error(key ? value_mark(*key) : list.items[i].mark, item_path + ".key",
                  "expected each scenario key in one factor only, got '" + f->factor.key + "' again");
          factors_ok = false;
        }
        factors.push_back(std::move(*f));
      }
    } else if (list.type != Node::Type::null && !list.reported) {
      r.error(value_mark(*e), "factors", "expected a list of factors, got " + config::describe(list));
      factors_ok = false;
    }
  }
  for (const auto& f : factors) ex.factors.push_back(f.factor);

  // --- Design -------------------------------------------------------------------------------
  const Entry* design = r.required(root, top, "", "design", "a design {type: full_factorial|list|latin_hypercube|sobol|morris, ...}");
  bool design_ok = design != nullptr;
  std::size_t points = 0;
  // Dimensions of a unit design: the scenario factor counts as one.
  const std::size_t dimensions = ex.factors.size() + (ex.scenario_factor ? 1 : 0);
  if (design) {
    const Node& d = design->value;
    std::optional<DesignType> type;
    if (d.type != Node::Type::map) {
      if (!d.reported)
        r.error(value_mark(*design), "design",
                "expected a design {type: full_factorial|list|latin_hypercube|sobol|morris, ...}, got " +
                    config::describe(d));
      design_ok = false;
    } else if (const Entry* t = r.required(d, value_mark(*design), "design", "type", "one of " + listing(design_names()))) {
      if (const auto name = r.choice(*t, "design.type", design_names()))
        for (const auto& [candidate, keys] : design_keys)
          if (*name == design_name(candidate)) type = candidate;
    }
    if (!type) {
      design_ok = false;
    } else {
      DesignSpec& spec = ex.design;
      spec.type = *type;
      const std::string what = std::string("a ") + design_name(*type) + " design";
      r.mapping(d, value_mark(*design), "design", design_keys.at(*type), what);
      const auto count = [&](const char* key, std::int64_t lo, std::int64_t hi, std::int64_t fallback,
                             const std::string& expected) -> std::optional<std::size_t> {
        const Entry* e = d.find(key);
        if (!e) {
          if (fallback >= 0) return static_cast<std::size_t>(fallback);
          r.error(value_mark(*design), std::string("design.") + key, "expected " + expected + " (required key), got nothing");
          return std::nullopt;
        }
        const auto v = r.integer(*e, std::string("design.") + key, lo, hi);
        if (!v) return std::nullopt;
        return static_cast<std::size_t>(*v);
      };
      if (const Entry* e = d.find("seed")) {
        KeySpec k;
        k.kind = Kind::unsigned_integer;
        k.uint_max = largest_seed;
        if (const auto v = r.convert(k, e->value, value_mark(*e), "design.seed")) spec.seed = std::get<std::uint64_t>(*v);
        else design_ok = false;
      }
      const bool needs_dimensions = *type == DesignType::latin_hypercube || *type == DesignType::sobol ||
                                    *type == DesignType::morris;
      if (needs_dimensions && factors_ok && dimensions == 0) {
        r.error(factors_mark, "factors", "expected at least one factor (or scenarios: a list) for " + what + ", got none");
        design_ok = false;
      }
      if (*type != DesignType::list)
        for (std::size_t i = 0; i < factors.size(); ++i)
          if (!factors[i].factor.has_range && factors[i].factor.values.empty()) {
            r.error(factors[i].mark, "factors[" + std::to_string(i) + "]",
                    "expected min and max, or values (only a list design may leave them to its points), got neither");
            design_ok = false;
          }
      switch (*type) {
        case DesignType::full_factorial: {
          bool any_range = false;
          for (const auto& f : ex.factors) any_range = any_range || f.has_range;
          const auto levels = count("levels", 2, 10000, any_range ? -1 : 2,
                                    "the number of evenly spaced levels of each range factor (at least 2)");
          if (!levels) {
            design_ok = false;
            break;
          }
          spec.levels = *levels;
          // Levels space out range factors only: given with none, they would silently do nothing.
          if (!any_range && factors_ok && d.find("levels")) {
            r.error(value_mark(*d.find("levels")), "design.levels",
                    "expected no levels when no factor has a range (min and max: levels space them out; these "
                    "factors list their values), got " + std::to_string(spec.levels));
            design_ok = false;
          }
          // An integer range has max - min + 1 values: more levels would round onto the same
          // values and run the same points twice.
          for (std::size_t i = 0; i < ex.factors.size(); ++i) {
            const Factor& f = ex.factors[i];
            if (f.has_range && f.integer && double(spec.levels) > f.max - f.min + 1) {
              r.error(value_mark(*d.find("levels")), "design.levels",
                      "expected at most " + f.text(f.max - f.min + 1) + " levels (the integers of " + f.key + " in [" +
                          f.text(f.min) + ", " + f.text(f.max) + "]; more would repeat design points), got " +
                          std::to_string(spec.levels));
              design_ok = false;
            }
          }
          std::vector<std::size_t> sizes;
          if (ex.scenario_factor) sizes.push_back(ex.scenarios.size());
          for (const auto& f : ex.factors) sizes.push_back(f.has_range ? spec.levels : f.values.size());
          points = full_factorial_size(sizes, max_design_points);
          // 0 is also what nothing to vary gives; that (or a bad scenario list) is said below.
          if (points == 0 && factors_ok && scenarios_ok && dimensions > 0) {
            r.error(value_mark(*design), "design", "expected at most " + std::to_string(max_design_points) +
                                                       " design points, got more (the product of every factor's levels)");
            design_ok = false;
          }
          if (factors_ok && scenarios_ok && dimensions == 0) {
            r.error(factors_mark, "factors",
                    "expected something to vary (factors, or scenarios: a list), got nothing: a single point is "
                    "sentra compare's or sentra run's work");
            design_ok = false;
          }
          break;
        }
        case DesignType::latin_hypercube: {
          const auto samples = count("samples", 2, static_cast<std::int64_t>(max_design_points), -1, "the number of points (at least 2)");
          if (!samples) design_ok = false;
          else points = spec.samples = *samples;
          break;
        }
        case DesignType::sobol: {
          const std::size_t most = SobolSequence::max_dimensions / 2;
          if (dimensions > most) {
            r.error(factors_mark, "factors",
                    "expected at most " + std::to_string(most) + " dimensions for a sobol design (the Sobol sequence has " +
                        std::to_string(SobolSequence::max_dimensions) + ", two per dimension), got " +
                        std::to_string(dimensions) +
                        (ex.scenario_factor ? " (" + std::to_string(dimensions - 1) + " factors and the list of scenarios)"
                                            : " factors"));
            design_ok = false;
          }
          const auto samples = count("samples", 2, 1 << 20, -1, "the base sample size N (N (k + 2) points; a power of two is best)");
          // Percentile intervals need resamples enough to have percentiles: a 95% interval from
          // fewer than 100 would rest on its 2 or 3 outermost values.
          const auto resamples = count("bootstrap", 100, 100000, 1000, "");
          if (!samples || !resamples) {
            design_ok = false;
          } else {
            spec.samples = *samples;
            spec.resamples = *resamples;
            points = spec.samples * (dimensions + 2);
            if (points > max_design_points) {
              r.error(value_mark(*d.find("samples")), "design.samples",
                      "expected at most " + std::to_string(max_design_points) + " design points, got " +
                          std::to_string(points) + " (N (k + 2))");
              design_ok = false;
            }
          }
          break;
        }
        case DesignType::morris: {
          const auto trajectories = count("trajectories", 2, 100000, -1, "the number of trajectories r (at least 2)");
          const auto levels = count("levels", 2, 1000, 4, "");
          if (levels && *levels % 2 != 0) {
            r.error(value_mark(*d.find("levels")), "design.levels",
                    "expected an even number of levels (so moves of p / (2 (p - 1)) stay on the grid), got " +
                        std::to_string(*levels));
            design_ok = false;
          }
          if (!trajectories || !levels) {
            design_ok = false;
          } else {
            spec.trajectories = *trajectories;
            spec.levels = *levels;
            points = spec.trajectories * (dimensions + 1);
            if (points > max_design_points) {
              r.error(value_mark(*d.find("trajectories")), "design.trajectories",
                      "expected at most " + std::to_string(max_design_points) + " design points, got " +
                          std::to_string(points) + " (r (k + 1))");
              design_ok = false;
            }
          }
          break;
        }
        case DesignType::list: {
          const Entry* list = r.required(d, value_mark(*design), "design", "points", "a list of points");
          if (!list) {
            design_ok = false;
            break;
          }
          const Node& items = list->value;
          if (items.type != Node::Type::sequence || items.items.empty()) {
            if (!items.reported)
              r.error(value_mark(*list), "design.points",
                      "expected a non-empty list of points {key: value, ...}, got " + described(items));
            design_ok = false;
            break;
          }
          if (!factors_ok || !scenarios_ok) {
            design_ok = false;
            break;
          }
          std::vector<std::string> allowed;
          if (ex.scenario_factor) allowed.push_back("scenario");
          for (const auto& f : ex.factors) allowed.push_back(f.key);
          for (std::size_t n = 0; n < items.items.size(); ++n) {
            const Node& p = items.items[n];
            const std::string ppath = "design.points[" + std::to_string(n) + "]";
            if (!r.mapping(p, p.mark, ppath, allowed, "a point {" + listing(allowed) + "}")) {
              design_ok = false;
              continue;
            }
            DesignSpec::Point point;
            point.values = std::vector<double>(ex.factors.size(), 0.0);
            if (ex.scenario_factor) {
              if (const Entry* e = r.required(p, p.mark, ppath, "scenario", "one of the files listed in scenarios")) {
                bool found = false;
                if (e->value.type == Node::Type::scalar)
                  for (std::size_t k = 0; k < ex.scenarios.size(); ++k)
                    if (e->value.text == ex.scenarios[k].written) {
                      point.scenario = k;
                      found = true;
                    }
                if (!found) {
                  std::vector<std::string> written;
                  for (const auto& s : ex.scenarios) written.push_back(s.written);
                  std::string message = "expected one of the files listed in scenarios, got " + config::describe(e->value);
                  if (e->value.type == Node::Type::scalar)
                    if (const auto guess = config::closest_match(e->value.text, written)) message += "; did you mean '" + *guess + "'?";
                  r.error(value_mark(*e), ppath + ".scenario", message);
                  design_ok = false;
                }
              } else {
                design_ok = false;
              }
            }
            for (std::size_t i = 0; i < ex.factors.size(); ++i) {
              const Factor& f = ex.factors[i];
              const Entry* e = r.required(p, p.mark, ppath, f.key, "a value for every factor");
              if (!e) {
                design_ok = false;
                continue;
              }
              const std::string vpath = ppath + "." + f.key;
              const auto v = r.level(*factors[i].key, e->value, value_mark(*e), vpath);
              if (!v) {
                design_ok = false;
                continue;
              }
              if (f.has_range && (*v < f.min || *v > f.max)) {
                r.error(value_mark(*e), vpath,
                        "expected a value in the factor's range [" + f.text(f.min) + ", " + f.text(f.max) + "], got " +
                            config::describe(e->value));
                design_ok = false;
              } else if (!f.has_range && !f.values.empty() &&
                         std::find(f.values.begin(), f.values.end(), *v) == f.values.end()) {
                r.error(value_mark(*e), vpath, "expected one of the factor's values, got " + config::describe(e->value));
                design_ok = false;
              }
              point.values[i] = *v;
            }
            spec.points.push_back(std::move(point));
          }
          points = spec.points.size();
          break;
        }
      }
    }
  }
  if (design_ok && points > 0 && points > max_runs / ex.replications)
    r.error(root.find("replications") ? value_mark(*root.find("replications")) : top, "replications",
            "expected at most " + std::to_string(max_runs) + " runs in all, got " + std::to_string(points) +
                " design points x " + std::to_string(ex.replications) + " replications");

  // --- Outcomes -----------------------------------------------------------------------------
  const std::vector<std::string>* series = scenarios_ok ? &facts.front().series : nullptr;
  if (const Entry* e = r.required(root, top, "", "outcomes", "a list of outcomes {name, series, reduce}")) {
    const Node& list = e->value;
    if (list.type != Node::Type::sequence || list.items.empty()) {
      if (!list.reported)
        r.error(value_mark(*e), "outcomes",
                "expected a non-empty list of outcomes {name, series, reduce}, got " + described(list));
    } else if (!scenarios_ok) {
      // Windows and series need the scenario: its own errors come first.
    } else {
      for (std::size_t i = 0; i < list.items.size(); ++i) {
        const std::string item_path = "outcomes[" + std::to_string(i) + "]";
        auto o = parse_outcome(r, list.items[i], item_path, series, ex.steps);
        if (!o) continue;
        for (const auto& earlier : ex.outcomes)
          if (earlier.name == o->name)
            r.error(list.items[i].find("name") ? value_mark(*list.items[i].find("name")) : list.items[i].mark,
                    item_path + ".name", "expected each outcome name once, got '" + o->name + "' again");
        ex.outcomes.push_back(std::move(*o));
      }
    }
  }

  if (!diags.empty()) fail(std::move(diags), path);
  return ex;
}

std::optional<config::Mark> experiment_kind_mark(const std::string& path) {
  std::vector<Diagnostic> ignored;
  const auto text = config::read_source(path, max_file_bytes, {path, 1, 1}, "", ignored);
  if (!text) return std::nullopt;
  const auto root = config::parse_yaml(path, *text, max_depth, ignored);
  if (!root || root->type != Node::Type::map) return std::nullopt;
  const Entry* kind = root->find("kind");
  if (kind && kind->value.type == Node::Type::scalar && kind->value.text == "experiment") return kind->value.mark;
  return std::nullopt;
}

bool is_experiment_file(const std::string& path) { return experiment_kind_mark(path).has_value(); }

}  // namespace sentra::experiments
