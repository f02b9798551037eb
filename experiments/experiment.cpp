#include "experiments/experiment.hpp"

#include <cmath>
#include <filesystem>
#include <optional>
#include <sstream>

#include "engine/config/format.hpp"
#include "engine/config/yaml_tree.hpp"

namespace sentra::experiments {

namespace fs = std::filesystem;

const char* role_name(FactorRole role) { return role == FactorRole::lever ? "lever" : "uncertainty"; }

const char* design_name(DesignType type) {
  switch (type) {
    case DesignType::full_factorial: return "full_factorial";
    case DesignType::list: return "list";
    case DesignType::latin_hypercube: return "latin_hypercube";
    case DesignType::sobol: return "sobol";
    case DesignType::morris: return "morris";
  }
  return "?";
}

const std::vector<std::string>& design_names() {
  static const std::vector<std::string> names = {"full_factorial", "list", "latin_hypercube", "sobol", "morris"};
  return names;
}

double Factor::at(double u) const {
  if (!has_range) {
    const std::size_t n = values.size();
    const auto slot = static_cast<std::size_t>(std::floor(u * double(n)));
    return values[slot < n ? slot : n - 1];
  }
  const double v = min + u * (max - min);
  // Rounding can only land on min..max, both integers here, so the value stays in range.
  return integer ? std::round(v) : std::fmin(v, max);
}

double Factor::level(std::size_t i, std::size_t n) const {
  if (!has_range) return values[i];
  if (n < 2) return min;
  if (i + 1 == n) return max;  // exactly, whatever the rounding of the steps
  const double v = min + double(i) * (max - min) / double(n - 1);
  return integer ? std::round(v) : v;
}

std::string Factor::text(double value) const {
  if (integer) return std::to_string(std::llround(value));
  return config::format_double(value);
}

namespace {

std::string list_of_numbers(const std::vector<double>& values, const Factor& f) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + f.text(values[i]);
  return out + "]";
}

}  // namespace

std::vector<std::string> common_overrides(const Experiment& e) {
  std::vector<std::string> sets;
  if (e.steps_given) sets.push_back("steps=" + std::to_string(e.steps));
  sets.push_back("output.snapshot_every=" + std::to_string(e.snapshot_every));
  sets.push_back("output.network_every=" + std::to_string(e.network_every));
  return sets;
}

std::string resolved_yaml(const Experiment& e, const std::string& folder) {
  std::ostringstream y;
  const auto path_from_folder = [&](const ScenarioRef& s) {
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(fs::absolute(s.path), ec);
    const fs::path base = fs::weakly_canonical(fs::absolute(folder.empty() ? "." : folder), ec);
    const fs::path rel = target.lexically_relative(base);
    return config::quote_yaml(ec || rel.empty() ? s.path : rel.generic_string());
  };
  y << "# The experiment as `sentra sweep` ran it: every default filled in, scenario paths\n"
       "# relative to this file's folder. See docs/experiments.md.\n";
  y << "schema_version: 1\nkind: experiment\nname: " << config::quote_yaml(e.name) << "\n";
  if (!e.description.empty()) y << "description: " << config::quote_yaml(e.description) << "\n";
  if (e.scenario_factor) {
    y << "scenarios:\n";
    for (const auto& s : e.scenarios) y << "  - " << path_from_folder(s) << "\n";
  } else {
    y << "scenario: " << path_from_folder(e.scenarios.front()) << "\n";
  }
  y << "steps: " << e.steps << "\n";
  y << "seed: " << e.seed << "\n";
  y << "replications: " << e.replications << "\n";
  y << "output: {snapshot_every: " << e.snapshot_every << ", network_every: " << e.network_every << "}\n";
  y << (e.factors.empty() ? "factors: []\n" : "factors:\n");
  for (const auto& f : e.factors) {
    y << "  - {key: " << f.key << ", role: " << role_name(f.role);
    if (f.has_range) y << ", min: " << f.text(f.min) << ", max: " << f.text(f.max);
    else y << ", values: " << list_of_numbers(f.values, f);
    y << "}\n";
  }
  const DesignSpec& d = e.design;
  y << "design:\n  type: " << design_name(d.type) << "\n";
  switch (d.type) {
    case DesignType::full_factorial: y << "  levels: " << d.levels << "\n"; break;
    case DesignType::latin_hypercube: y << "  samples: " << d.samples << "\n  seed: " << d.seed << "\n"; break;
    case DesignType::sobol:
      y << "  samples: " << d.samples << "\n  bootstrap: " << d.resamples << "\n  seed: " << d.seed << "\n";
      break;
    case DesignType::morris:
      y << "  trajectories: " << d.trajectories << "\n  levels: " << d.levels << "\n  seed: " << d.seed << "\n";
      break;
    case DesignType::list:
      y << "  points:\n";
      for (const auto& p : d.points) {
        y << "    - {";
        bool first = true;
        if (e.scenario_factor) {
          y << "scenario: " << path_from_folder(e.scenarios[p.scenario]);
          first = false;
        }
        for (std::size_t f = 0; f < e.factors.size(); ++f) {
          y << (first ? "" : ", ") << e.factors[f].key << ": " << e.factors[f].text(p.values[f]);
          first = false;
        }
        y << "}\n";
      }
      break;
  }
  y << "outcomes:\n";
  for (const auto& o : e.outcomes) {
    y << "  - {name: " << o.name << ", series: " << o.series << ", reduce: " << reduce_name(o.reduce);
    if (o.reduce == Reduce::at) y << ", step: " << o.from;
    else if (o.reduce != Reduce::last) y << ", window: [" << o.from << ", " << o.to << "]";
    y << "}\n";
  }
  return y.str();
}

namespace {

// The tree as text, with every scenario path reduced to its file name: `scenario:` and
// `scenarios:` at the top and `scenario:` in a list design's points.
void canonical(const config::Node& n, bool scenario_path, std::string& out) {
  switch (n.type) {
    case config::Node::Type::null: out += "~"; return;
    case config::Node::Type::scalar:
      out += std::to_string(n.quoted) + (scenario_path ? fs::path(n.text).filename().string() : n.text) + "\n";
      return;
    case config::Node::Type::sequence:
      out += "[\n";
      for (const auto& item : n.items) canonical(item, scenario_path, out);
      out += "]\n";
      return;
    case config::Node::Type::map:
      out += "{\n";
      for (const auto& e : n.entries) {
        out += e.key + ":";
        canonical(e.value, e.key == "scenario" || e.key == "scenarios", out);
      }
      out += "}\n";
      return;
  }
}

std::optional<std::string> canonical_experiment(const std::string& text) {
  std::vector<config::Diagnostic> diags;
  const auto root = config::parse_yaml("experiment.yaml", text, 64, diags);
  if (!root || !diags.empty()) return std::nullopt;
  std::string out;
  canonical(*root, false, out);
  return out;
}

}  // namespace

bool same_experiment(const std::string& resolved_a, const std::string& resolved_b) {
  if (resolved_a == resolved_b) return true;
  const auto a = canonical_experiment(resolved_a), b = canonical_experiment(resolved_b);
  return a && b && *a == *b;
}

}  // namespace sentra::experiments
