#include <doctest/doctest.h>

#include "test_schema.hpp"

using namespace config_test;

TEST_CASE("Timeline.events keep file order and take region -1 when absent") {
  const Loaded<Params> l = load_text(schema(), "s.yaml",
                                     head +
                                         "timeline:\n"
                                         "  - {at: 12, set: policy.levy_rate, value: 0.01, region: 2}\n"
                                         "  - at: 3\n"
                                         "    set: sme.markup\n"
                                         "    value: 1\n"
                                         "  - {at: 0, set: policy.max_regions, value: 8}\n");
  REQUIRE(l.value.timeline.size() == 3);
  const auto& t = l.value.timeline;
  CHECK(t[0].at == 12);
  CHECK(t[0].key == "policy.levy_rate");
  CHECK(t[0].value == 0.01);
  CHECK(t[0].region == 2);
  CHECK(t[0].mark == Mark{"s.yaml", 4, 5});
  CHECK(t[1].at == 3);
  CHECK(t[1].key == "sme.markup");
  CHECK(t[1].value == 1.0);
  CHECK(t[1].region == -1);
  CHECK(t[2].value == 8.0);
  CHECK(l.mark_of("timeline[1].value") == Mark{"s.yaml", 7, 12});
}

TEST_CASE("Timeline.validates each event field against the settable key") {
  const std::string text = head +
                           "timeline:\n"
                           "  - {at: -1, set: policy.levy_rate, value: 0.01}\n"
                           "  - {at: 1, set: policy.levy, value: 0.01}\n"
                           "  - {at: 1, set: sme.smes, value: 5}\n"
                           "  - {at: 1, set: sme.markup, value: 7}\n"
                           "  - {at: 1, set: sme.markup}\n"
                           "  - {at: 1, set: sme.markup, vaule: 1}\n"
                           "  - 5\n"
                           "  - {at: 1.5, set: policy.max_regions, value: 2.5}\n"
                           "  - {at: 1, set: sme.markup, value: 1, region: -2}\n";
  CHECK(problems(text) ==
        std::vector<std::string>{
            "bad.yaml:4:10: timeline[0].at: expected an integer >= 0, got -1",
            "bad.yaml:5:18: timeline[1].set: expected a settable key, got policy.levy; did you mean 'policy.levy_rate'?",
            "bad.yaml:6:18: timeline[2].set: expected a settable key, got sme.smes, which is not settable",
            "bad.yaml:7:37: timeline[3].value: expected a number in [0, 5], got 7",
            "bad.yaml:8:5: timeline[4]: expected an event with 'at', 'set' and 'value', got no 'value'",
            "bad.yaml:9:5: timeline[5]: expected an event with 'at', 'set' and 'value', got no 'value'",
            "bad.yaml:9:30: timeline[5].vaule: unknown event field; did you mean 'value'?",
            "bad.yaml:10:5: timeline[6]: expected an event {at, set, value, region}, got 5",
            "bad.yaml:11:10: timeline[7].at: expected an integer, got 1.5",
            "bad.yaml:11:47: timeline[7].value: expected an integer, got 2.5",
            "bad.yaml:12:48: timeline[8].region: expected an integer >= 0, got -2",
        });
}

TEST_CASE("Timeline.must be a list") {
  CHECK(problems(head + "timeline: 5\n") ==
        one("bad.yaml:3:11: timeline: expected a list of events {at, set, value, region}, got 5"));
  CHECK(load_text(schema(), "s.yaml", head + "timeline:\n").value.timeline.empty());
}
