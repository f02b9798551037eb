#include "engine/config/yaml_tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>

#include "engine/config/format.hpp"
#include "engine/config/text_guards.hpp"

namespace sentra::config {

const Entry* Node::find(std::string_view key) const {
  for (const Entry& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

Entry* Node::find(std::string_view key) {
  for (Entry& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

std::string describe(const Node& node) {
  switch (node.type) {
    case Node::Type::null: return "null";
    case Node::Type::map: return "a mapping";
    case Node::Type::sequence: return "a list";
    case Node::Type::scalar: break;
  }
  if (node.quoted) return cat({"the string \"", printable(node.text), "\""});
  return printable(node.text);
}

namespace {

std::string nesting_message(int max_depth) {
  return "expected nesting at most " + std::to_string(max_depth) + " levels deep, got deeper";
}

struct TooDeep {
  Mark mark;
};

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, int max_depth, std::vector<Diagnostic>& diags, const std::string& root_path)
      : file_(file), max_depth_(max_depth), diags_(diags), root_path_(root_path) {}

  std::optional<Node> root;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { add(leaf(Node::Type::null, mark)); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::string name = anchor >= 1 && anchor <= anchors_.size() ? anchors_[anchor - 1] : "?";
    report(diags_, to_mark(mark), child_path(),
                      "expected a plain value, got the alias *" + name +
                          " (anchors and aliases are not supported; use 'extends' to share settings)");
    Node placeholder = leaf(Node::Type::null, mark);
    placeholder.reported = true;
    add(std::move(placeholder));
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    anchors_.push_back(name);
    report(diags_, to_mark(mark), child_path(),
                      "expected a plain value, got the anchor &" + name +
                          " (anchors and aliases are not supported; use 'extends' to share settings)");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    Node n = leaf(Node::Type::scalar, mark);
    n.text = value;
    n.quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
    add(std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(Node::Type::sequence, mark);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(Node::Type::map, mark);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    std::string path;
    bool have_key = false;
    bool bad_key = false;
    std::string key;
    Mark key_mark;
    std::unordered_map<std::string, Mark> seen;  // keeps duplicate detection linear
  };

  Mark to_mark(const YAML::Mark& m) const { return {file_, m.line < 0 ? 1 : m.line + 1, m.column < 0 ? 1 : m.column + 1}; }

  Node leaf(Node::Type type, const YAML::Mark& mark) const {
    Node n;
    n.type = type;
    n.mark = to_mark(mark);
    return n;
  }

  static std::string join(const std::string& prefix, const std::string& key) {
    return prefix.empty() ? key : prefix + '.' + key;
  }

  // The path of the node about to be added.
  std::string child_path() const {
    if (stack_.empty()) return root_path_;
    const Frame& f = stack_.back();
    if (f.node.type == Node::Type::sequence) return f.path + '[' + std::to_string(f.node.items.size()) + ']';
    return f.have_key && !f.bad_key ? join(f.path, f.key) : f.path;
  }

  void open(Node::Type type, const YAML::Mark& mark) {
    if (static_cast<long long>(stack_.size()) >= max_depth_) throw TooDeep{to_mark(mark)};
    Frame f;
    f.path = child_path();
    f.node = leaf(type, mark);
    stack_.push_back(std::move(f));
  }

  void close() {
    Node n = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(n));
  }

  void add(Node n) {
    if (stack_.empty()) {
      root = std::move(n);
      return;
    }
    Frame& f = stack_.back();
    if (f.node.type == Node::Type::sequence) {
      f.node.items.push_back(std::move(n));
      return;
    }
    if (!f.have_key) {
      f.have_key = true;
      f.bad_key = n.type != Node::Type::scalar;
      if (f.bad_key) {
        report(diags_, n.mark, f.path, "expected a key name, got " + describe(n));
      } else {
        f.key = std::move(n.text);
        f.key_mark = n.mark;
      }
      return;
    }
    f.have_key = false;
    if (f.bad_key) return;
    const auto [first, inserted] = f.seen.emplace(f.key, f.key_mark);
    if (!inserted) {
      const Mark& m = first->second;
      report(diags_, f.key_mark, join(f.path, f.key),
                        "expected each key once, got a duplicate (first defined at line " + std::to_string(m.line) +
                            ", column " + std::to_string(m.column) + ")");
      return;
    }
    f.node.entries.push_back(Entry{std::move(f.key), f.key_mark, std::move(n)});
  }

  const std::string& file_;
  int max_depth_;
  std::vector<Diagnostic>& diags_;
  const std::string& root_path_;
  std::vector<Frame> stack_;
  std::vector<std::string> anchors_;  // yaml-cpp numbers anchors from 1 in order of appearance
};

// Only notices that another document starts; its content is irrelevant.
class DocumentCounter final : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> start;
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (!start) start = mark;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

Mark to_mark(const std::string& file, const YAML::Mark& m) {
  return {file, m.line < 0 ? 1 : m.line + 1, m.column < 0 ? 1 : m.column + 1};
}

}  // namespace

std::optional<Node> parse_yaml(const std::string& file, std::string_view text, int max_depth,
                               std::vector<Diagnostic>& diags, const std::string& path) {
  if (!check_text(file, text, diags)) return std::nullopt;
  if (!check_nesting(file, text, max_depth, diags)) return std::nullopt;

  std::istringstream in{std::string(text)};
  TreeBuilder builder(file, max_depth, diags, path);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      Node empty;
      empty.mark = {file, 1, 1};
      return empty;
    }
    DocumentCounter counter;
    if (parser.HandleNextDocument(counter) || counter.start) {
      report(diags, to_mark(file, counter.start.value_or(YAML::Mark())), "",
                       "expected a single YAML document, got a second one (a '---' line starts a new document)");
    }
  } catch (const TooDeep& e) {
    report(diags, e.mark, "", nesting_message(max_depth));
    return std::nullopt;
  } catch (const YAML::DeepRecursion& e) {
    report(diags, to_mark(file, e.mark), "", nesting_message(max_depth));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    report(diags, to_mark(file, e.mark), "", "expected valid YAML, got a syntax error: " + e.msg);
    // A syntax error in a later document still leaves a usable first one.
    if (!builder.root) return std::nullopt;
  }
  if (!builder.root) return std::nullopt;
  return std::move(builder.root);
}

}  // namespace sentra::config
