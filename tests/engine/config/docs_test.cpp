#include <doctest/doctest.h>

#include "engine/config/docs.hpp"
#include "test_schema.hpp"

using namespace config_test;

namespace {
struct Tiny {
  double rate = 0.0;
  std::string mode;
  std::int64_t n = 0;
  std::vector<TimelineEvent> events;
};

Schema<Tiny> tiny() {
  Schema<Tiny> s;
  s.section("a", "Section \"A\".\nSecond line.");
  s.number("a.rate", [](Tiny& t) -> auto& { return t.rate; })
      .def(0.5)
      .range(0.0, 1.0)
      .unit("1/yr")
      .settable()
      .describe("Rate | with pipe");
  s.choice("mode", [](Tiny& t) -> auto& { return t.mode; }, {"x", "y"}).def("x");
  s.integer("a.n", [](Tiny& t) -> auto& { return t.n; }).required().describe("Count.");
  s.timeline("events", [](Tiny& t) -> auto& { return t.events; });
  return s;
}
}  // namespace

TEST_CASE("Docs.JSON Schema is draft-07, nested by section, in declaration order") {
  const std::string expected = R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://example.org/tiny.json",
  "title": "Scenario configuration",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "extends": {
      "type": "string",
      "description": "A scenario file to start from, relative to this one."
    },
    "a": {
      "type": "object",
      "description": "Section \"A\".\nSecond line.",
      "additionalProperties": false,
      "properties": {
        "rate": {
          "type": "number",
          "minimum": 0,
          "maximum": 1,
          "default": 0.5,
          "description": "Rate | with pipe",
          "x-unit": "1/yr",
          "x-settable": true
        },
        "n": {
          "type": "integer",
          "description": "Count."
        }
      }
    },
    "mode": {
      "type": "string",
      "enum": [
        "x",
        "y"
      ],
      "default": "x"
    },
    "events": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "at",
          "set",
          "value"
        ],
        "properties": {
          "at": {
            "type": "integer",
            "minimum": 0,
            "description": "Step at which the value changes."
          },
          "set": {
            "type": "string",
            "enum": [
              "a.rate"
            ],
            "description": "A settable key."
          },
          "value": {
            "type": "number",
            "description": "New value, checked against the key's type and range."
          },
          "region": {
            "type": "integer",
            "minimum": 0,
            "description": "Only this region; all regions when absent."
          }
        }
      },
      "default": []
    }
  },
  "if": {
    "not": {
      "required": [
        "extends"
      ]
    }
  },
  "then": {
    "required": [
      "a"
    ],
    "properties": {
      "a": {
        "required": [
          "n"
        ]
      }
    }
  }
}
)";
  CHECK(to_json_schema(tiny(), "https://example.org/tiny.json") == expected);
}

TEST_CASE("Docs.Markdown has a table per section and explains timeline, extends and --set") {
  const std::string md = to_markdown(tiny());
  CHECK(md.find("## Top-level keys\n\n| key | type | default | unit | range / choices | settable | description |\n"
                "|---|---|---|---|---|---|---|\n"
                "| `mode` | choice | `\"x\"` |  | 'x', 'y' |  |  |\n"
                "| `events` | timeline | `[]` |  |  |  |  |\n") != std::string::npos);
  CHECK(md.find("## `a`\n\nSection \"A\".\nSecond line.\n\n| key |") != std::string::npos);
  CHECK(md.find("| `a.rate` | number | `0.5` | 1/yr | [0, 1] | yes | Rate \\| with pipe |\n") != std::string::npos);
  CHECK(md.find("| `a.n` | integer | *required* |  |  |  | Count. |\n") != std::string::npos);
  CHECK(md.find("## Timeline events") != std::string::npos);
  CHECK(md.find("Settable keys: `a.rate`.") != std::string::npos);
  CHECK(md.find("## `extends` and `--set`") != std::string::npos);
}

TEST_CASE("Docs.output is deterministic and covers every declared key") {
  CHECK(to_markdown(make_schema()) == to_markdown(make_schema()));
  CHECK(to_json_schema(make_schema(), "x") == to_json_schema(make_schema(), "x"));
  const std::string md = to_markdown(schema());
  const std::string json = to_json_schema(schema(), "x");
  for (const KeySpec& k : schema().declarations().keys()) {
    CAPTURE(k.path);
    CHECK(md.find("| `" + k.path + "` |") != std::string::npos);
    const std::string leaf = k.path.substr(k.path.rfind('.') + 1);
    CHECK(json.find("\"" + leaf + "\": {") != std::string::npos);
  }
  CHECK(md.find("| `seed` | integer | `42` |  | >= 0 |  | Random seed. |") != std::string::npos);
  CHECK(json.find("\"seed\": {\n      \"type\": \"integer\",\n      \"minimum\": 0,\n      \"default\": 42,") !=
        std::string::npos);
}

TEST_CASE("Docs.JSON strings escape quotes, backslashes and control characters") {
  struct S {
    bool b = false;
  };
  Schema<S> s;
  s.boolean("b", [](S& x) -> auto& { return x.b; }).def(true).describe("q\"b\\s\tt\x01");
  CHECK(to_json_schema(s, "id").find(R"("description": "q\"b\\s\tt\u0001")") != std::string::npos);
}
