#include "output/run_writer.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "tests/output/h5_read.hpp"
#include "tests/output/synthetic.hpp"

namespace fs = std::filesystem;
using namespace sentra;
using namespace sentra::output;
using namespace sentra::output::testing;

namespace {

// A fresh directory per test case, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("sentra_output_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string slurp(const fs::path& p) {
  std::string text(static_cast<std::size_t>(fs::file_size(p)), '\0');
  std::ifstream(p, std::ios::binary).read(text.data(), static_cast<std::streamsize>(text.size()));
  return text;
}

void check_compressed_chunks(const Reader& r, const std::string& path,
                             const std::vector<hsize_t>& chunk) {
  CAPTURE(path);
  CHECK(r.chunk(path) == chunk);
  const auto filters = r.filters(path);
  REQUIRE(filters.size() == 2);
  CHECK(filters[0] == H5Z_FILTER_SHUFFLE);  // shuffle must run before deflate
  CHECK(filters[1] == H5Z_FILTER_DEFLATE);
  CHECK(r.max_dims(path).front() == H5S_UNLIMITED);
}

StepObservation one_step(std::int64_t step) {
  StepObservation obs;
  obs.step = step;
  obs.aggregates.add<double>("gdp", "million IDR/month", "output")
      .push_back(static_cast<double>(step));
  auto& jobs = obs.regions.add<std::int32_t>("jobs", "persons", "jobs");
  jobs = {1, 2, 3};
  return obs;
}

RunInfo three_regions() {
  RunInfo info;
  info.region_names = {"a", "b", "c"};
  return info;
}

}  // namespace

TEST_CASE("the synthetic run reads back exactly with the HDF5 C API") {
  TempDir dir;
  const fs::path file = dir.path / "run.h5";
  write_synthetic_run(file);
  REQUIRE(fs::exists(file));
  CHECK_FALSE(fs::exists(dir.path / "run.h5.partial"));
  const Reader r(file.string());

  SUBCASE("root attributes") {
    CHECK(r.attr_string("/", "format") == "sentra-output");
    CHECK(r.attr_string("/", "format_version") == "2.0");
    CHECK(r.attr_string("/", "program_version") == "0.1.0-test");
    CHECK(r.attr_string("/", "git_commit") == "abc1234");
    CHECK(r.attr_string("/", "scenario_name") == "synthetic");
    CHECK(r.attr<std::uint64_t>("/", "seed") == 18446744073709551557ULL);
    CHECK(r.attr<std::int32_t>("/", "threads") == 2);
    CHECK(r.attr_string("/", "created_utc") == "2024-01-02T03:04:05Z");
    CHECK(r.attr_string("/", "currency_unit") == "million IDR");
    CHECK(r.attr_string("/", "step_unit") == "month");
    CHECK(r.attr_string("/", "yaml-cpp_version") == "0.7.0");
    unsigned major = 0, minor = 0, release = 0;
    H5get_libversion(&major, &minor, &release);
    CHECK(r.attr_string("/", "hdf5_version") ==
          std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release));
  }

  SUBCASE("provenance is stored as text datasets") {
    CHECK(r.read_strings("/provenance/scenario_yaml") ==
          std::vector<std::string>{synthetic_scenario_yaml()});
    CHECK(synthetic_scenario_yaml().size() > 65536);
    CHECK(r.read_strings("/provenance/resolved_yaml") ==
          std::vector<std::string>{"name: synthetic\nseed: 42\n"});
    CHECK(r.read_strings("/provenance/command_line") ==
          std::vector<std::string>{"sentra run synthetic.yaml --seed 42"});
  }

  SUBCASE("aggregates: one table, a row per step") {
    CHECK(r.field_names("/aggregates") ==
          std::vector<std::string>{"step", "gdp", "employment", "mean_markup", "recession"});
    CHECK(r.dims("/aggregates") == std::vector<hsize_t>{150});
    const auto steps = r.read_field<std::int64_t>("/aggregates", "step");
    REQUIRE(steps.size() == 150);
    const auto gdp = r.read_field<double>("/aggregates", "gdp");
    const auto employment = r.read_field<std::int64_t>("/aggregates", "employment");
    const auto markup = r.read_field<float>("/aggregates", "mean_markup");
    const auto recession = r.read_field<std::uint8_t>("/aggregates", "recession");
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const auto step = static_cast<std::int64_t>(i) + 1;
      REQUIRE(steps[i] == step);
      REQUIRE(gdp[i] == 1000.0 + 0.5 * static_cast<double>(step));
      REQUIRE(employment[i] == 100 * step);
      REQUIRE(markup[i] == static_cast<float>(step) / 256.0f);
      REQUIRE(recession[i] == step % 2);
    }
    CHECK(r.stored_type("/aggregates").first == H5T_COMPOUND);
    CHECK(r.field_type("/aggregates", "step") == std::pair{H5T_INTEGER, std::size_t{8}});
    CHECK(r.field_type("/aggregates", "gdp") == std::pair{H5T_FLOAT, std::size_t{8}});
    CHECK(r.field_type("/aggregates", "mean_markup") == std::pair{H5T_FLOAT, std::size_t{4}});
    CHECK(r.field_type("/aggregates", "employment") == std::pair{H5T_INTEGER, std::size_t{8}});
    CHECK(r.field_type("/aggregates", "recession") == std::pair{H5T_INTEGER, std::size_t{1}});
    // One entry per field, in field order.
    CHECK(r.attr_strings("/aggregates", "units") ==
          std::vector<std::string>{"step", "million IDR/month", "persons", "fraction", "1"});
    CHECK(r.attr_strings("/aggregates", "description") ==
          std::vector<std::string>{"simulation step the values on this row belong to", "gross output",
                                   "total employment", "mean markup", "1 in a recession step"});
    check_compressed_chunks(r, "/aggregates", {64});
  }

  SUBCASE("regions: one table, a row per step and region") {
    CHECK(r.field_names("/regions") ==
          std::vector<std::string>{"step", "region", "output", "firms", "vacancies"});
    CHECK(r.dims("/regions") == std::vector<hsize_t>{450});
    CHECK(r.attr_strings("/regions", "region_names") ==
          std::vector<std::string>{"Jakarta", "Bandung", "Surabaya"});
    const auto steps = r.read_field<std::int64_t>("/regions", "step");
    const auto region = r.read_field<std::int32_t>("/regions", "region");
    const auto output = r.read_field<double>("/regions", "output");  // step-major, region-minor
    const auto firms = r.read_field<std::int32_t>("/regions", "firms");
    const auto vacancies = r.read_field<std::uint32_t>("/regions", "vacancies");
    for (std::size_t i = 0; i < 150; ++i)
      for (std::size_t reg = 0; reg < 3; ++reg) {
        const double step = static_cast<double>(i + 1);
        REQUIRE(steps[i * 3 + reg] == static_cast<std::int64_t>(i + 1));
        REQUIRE(region[i * 3 + reg] == static_cast<std::int32_t>(reg));
        REQUIRE(output[i * 3 + reg] == 10.0 * step + static_cast<double>(reg) + 0.25);
        REQUIRE(firms[i * 3 + reg] == static_cast<std::int32_t>(i + 1 + 100 * reg));
        REQUIRE(vacancies[i * 3 + reg] == static_cast<std::uint32_t>(7 * reg + i + 1));
      }
    check_compressed_chunks(r, "/regions", {64 * 3});  // 64 steps of every region
    CHECK(r.field_type("/regions", "region") == std::pair{H5T_INTEGER, std::size_t{4}});
    CHECK(r.field_type("/regions", "vacancies") == std::pair{H5T_INTEGER, std::size_t{4}});
    CHECK(r.attr_strings("/regions", "units").at(4) == "jobs");
  }

  SUBCASE("agent snapshots: one table, the rows of every snapshot in step order") {
    const std::string g = "/agents/sme";
    CHECK(r.field_names(g) == std::vector<std::string>{"step", "id", "region", "employment", "wage", "active"});
    const auto step = r.read_field<std::int64_t>(g, "step");
    const auto id = r.read_field<std::int64_t>(g, "id");
    const auto region = r.read_field<std::int32_t>(g, "region");
    const auto employment = r.read_field<double>(g, "employment");
    const auto wage = r.read_field<float>(g, "wage");
    const auto active = r.read_field<std::uint8_t>(g, "active");
    REQUIRE(id.size() == 71234);
    REQUIRE(wage.size() == 71234);
    std::size_t row = 0;
    for (int k = 0; k < 2; ++k)
      for (std::size_t i = 0; i < snapshot_rows[k]; ++i, ++row) {
        const auto n = static_cast<std::int64_t>(i);
        REQUIRE(step[row] == snapshot_steps[k]);
        REQUIRE(id[row] == 1000000 * k + n);
        REQUIRE(region[row] == n % 3);
        REQUIRE(employment[row] ==
                1.5 * static_cast<double>(n) + static_cast<double>(snapshot_steps[k]));
        REQUIRE(wage[row] == static_cast<float>(n % 1000) + 0.5f);
        REQUIRE(active[row] == (n + 1) % 2);
      }
    // 65,536 rows (chunk_elements) would be 2.1 MB of 33-byte rows: capped at about 1 MiB.
    check_compressed_chunks(r, g, {16384});
    CHECK(r.attr_strings(g, "units").at(4) == "million IDR/month");
    CHECK(r.attr_strings(g, "units").at(0) == "step");
  }

  SUBCASE("network edges") {
    const std::string g = "/network/sales";
    CHECK(r.field_names(g) == std::vector<std::string>{"step", "src", "dst", "weight"});
    const auto step = r.read_field<std::int64_t>(g, "step");
    const auto src = r.read_field<std::int64_t>(g, "src");
    const auto dst = r.read_field<std::int64_t>(g, "dst");
    const auto weight = r.read_field<double>(g, "weight");
    REQUIRE(src.size() == 520);
    std::size_t row = 0;
    for (int k = 0; k < 2; ++k)
      for (std::size_t j = 0; j < edge_rows[k]; ++j, ++row) {
        const auto n = static_cast<std::int64_t>(j);
        REQUIRE(step[row] == snapshot_steps[k]);
        REQUIRE(src[row] == n);
        REQUIRE(dst[row] == (7 * n + 1) % 1000);
        REQUIRE(weight[row] ==
                0.25 * static_cast<double>(n) + static_cast<double>(snapshot_steps[k]));
      }
    // 500 rows in the first snapshot: the smallest chunk, not 65,536 rows of fill values.
    check_compressed_chunks(r, g, {1024});
  }

  SUBCASE("events from two calls") {
    CHECK(r.field_names("/events") == std::vector<std::string>{"step", "key", "region", "value"});
    CHECK(r.read_field<std::int64_t>("/events", "step") == std::vector<std::int64_t>{10, 75, 120});
    CHECK(r.read_field_strings("/events", "key") ==
          std::vector<std::string>{"minimum_wage", "credit_shock", "minimum_wage"});
    CHECK(r.read_field<std::int64_t>("/events", "region") == std::vector<std::int64_t>{1, -1, 2});
    CHECK(r.read_field<double>("/events", "value") == std::vector<double>{0.05, -0.2, 0.1});
    CHECK(r.attr_strings("/events", "units") == std::vector<std::string>{"step", "", "1", ""});
  }

  SUBCASE("few HDF5 objects: one dataset per table") {
    H5G_info_t info{};
    REQUIRE(H5Gget_info(r.file(), &info) >= 0);
    CHECK(info.nlinks == 6);  // provenance, aggregates, regions, agents, network, events
  }
}

TEST_CASE("snapshot tables are chunked by their first snapshot, within bounds") {
  CHECK(RunWriter::snapshot_chunk_rows(0, 65536) == 1024);
  CHECK(RunWriter::snapshot_chunk_rows(500, 65536) == 1024);
  CHECK(RunWriter::snapshot_chunk_rows(2000, 65536) == 2048);
  CHECK(RunWriter::snapshot_chunk_rows(2048, 65536) == 2048);
  CHECK(RunWriter::snapshot_chunk_rows(70000, 65536) == 65536);
  CHECK(RunWriter::snapshot_chunk_rows(3000, 1000) == 1000);  // WriterOptions::chunk_elements caps it
}

TEST_CASE("the file is written as .partial and renamed by commit") {
  TempDir dir;
  const fs::path target = dir.path / "x.h5";
  RunWriter writer(target, three_regions());
  CHECK(writer.partial_path() == dir.path / "x.h5.partial");
  CHECK(fs::exists(dir.path / "x.h5.partial"));
  CHECK_FALSE(fs::exists(target));
  writer.write_step(one_step(1));
  writer.commit();
  CHECK(fs::exists(target));
  CHECK_FALSE(fs::exists(dir.path / "x.h5.partial"));
  CHECK_THROWS_AS(writer.write_step(one_step(2)), std::logic_error);
  CHECK_THROWS_AS(writer.commit(), std::logic_error);
}

TEST_CASE("an uncommitted writer removes its .partial and leaves an existing target alone") {
  TempDir dir;
  const fs::path target = dir.path / "x.h5";
  { std::ofstream(target) << "previous run"; }
  {
    RunWriter writer(target, three_regions());
    for (std::int64_t s = 1; s <= 100; ++s) writer.write_step(one_step(s));
    CHECK(slurp(target) == "previous run");  // untouched while writing
  }  // destroyed without commit, as when the run throws
  CHECK(slurp(target) == "previous run");
  CHECK_FALSE(fs::exists(dir.path / "x.h5.partial"));
}

TEST_CASE("commit replaces an existing target") {
  TempDir dir;
  const fs::path target = dir.path / "x.h5";
  { std::ofstream(target) << "previous run"; }
  {
    RunWriter writer(target, three_regions());
    writer.write_step(one_step(1));
    writer.commit();
  }
  CHECK(Reader(target.string()).read_field<double>("/aggregates", "gdp") == std::vector<double>{1.0});
}

TEST_CASE("a stale .partial from a crashed run is replaced") {
  TempDir dir;
  { std::ofstream(dir.path / "x.h5.partial") << "garbage"; }
  RunWriter writer(dir.path / "x.h5", three_regions());
  writer.write_step(one_step(1));
  writer.commit();
  CHECK(Reader((dir.path / "x.h5").string()).read_field<std::int64_t>("/aggregates", "step") ==
        std::vector<std::int64_t>{1});
}

TEST_CASE("a file that cannot be created is a runtime_error naming it") {
  TempDir dir;
  const fs::path target = dir.path / "missing" / "x.h5";
  try {
    RunWriter writer(target, three_regions());
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find((dir.path / "missing" / "x.h5.partial").string()) !=
          std::string::npos);
  }
}

TEST_CASE("an HDF5 failure is a runtime_error naming the file, not a printed error stack") {
  TempDir dir;
  fs::create_directories(dir.path / "x.h5.partial");  // H5Fcreate cannot replace a directory
  CHECK_THROWS_WITH_AS(RunWriter(dir.path / "x.h5", three_regions()),
                       doctest::Contains("x.h5.partial"), std::runtime_error);
  CHECK(fs::is_directory(dir.path / "x.h5.partial"));  // not ours: left alone
}

TEST_CASE("the column set must stay the same; a rejected step changes nothing") {
  TempDir dir;
  const fs::path target = dir.path / "x.h5";
  RunWriter writer(target, three_regions());
  writer.write_step(one_step(1));

  SUBCASE("new aggregate column") {
    auto obs = one_step(2);
    obs.aggregates.add<double>("extra", "1", "not in step 1").push_back(0.0);
    CHECK_THROWS_AS(writer.write_step(obs), std::logic_error);
  }
  SUBCASE("missing aggregate column") {
    auto obs = one_step(2);
    obs.aggregates.columns.clear();
    CHECK_THROWS_AS(writer.write_step(obs), std::logic_error);
  }
  SUBCASE("changed type") {
    auto obs = one_step(2);
    obs.aggregates.columns[0].data = std::vector<float>{2.0f};
    CHECK_THROWS_AS(writer.write_step(obs), std::logic_error);
  }
  SUBCASE("wrong number of regions") {
    auto obs = one_step(2);
    std::get<std::vector<std::int32_t>>(obs.regions.columns[0].data).push_back(4);
    CHECK_THROWS_AS(writer.write_step(obs), std::logic_error);
  }
  SUBCASE("step does not increase") {
    CHECK_THROWS_AS(writer.write_step(one_step(1)), std::logic_error);
  }
  SUBCASE("reserved or duplicate column name") {
    auto obs = one_step(2);
    obs.aggregates.add<double>("gdp", "1", "again").push_back(0.0);
    CHECK_THROWS_AS(writer.write_step(obs), std::logic_error);
    auto reserved = one_step(2);
    reserved.regions.add<std::int32_t>("region", "1", "clashes") = {0, 1, 2};
    CHECK_THROWS_AS(writer.write_step(reserved), std::logic_error);
  }
  SUBCASE("agent table changes its columns; a bad later table leaves the earlier ones") {
    auto obs = one_step(2);
    obs.agents.push_back({"sme", {}});
    obs.agents.back().table.add<std::int64_t>("id", "1", "id") = {7, 8};
    writer.write_step(obs);
    auto bad = one_step(3);
    bad.agents.push_back({"sme", {}});
    bad.agents.back().table.add<std::int32_t>("id", "1", "id") = {7};
    CHECK_THROWS_AS(writer.write_step(bad), std::logic_error);
    auto ragged = one_step(3);
    ragged.network.push_back({"sales", {}});
    ragged.network.back().table.add<std::int64_t>("src", "1", "") = {1, 2};
    ragged.network.back().table.add<std::int64_t>("dst", "1", "") = {1};
    CHECK_THROWS_AS(writer.write_step(ragged), std::logic_error);
  }
  // After any rejected step the writer still works and holds only the accepted steps.
  writer.write_step(one_step(5));
  writer.commit();
  const Reader r(target.string());
  const auto steps = r.read_field<std::int64_t>("/aggregates", "step");
  CHECK(steps.back() == 5);
  CHECK(r.read_field<double>("/aggregates", "gdp").size() == steps.size());
  CHECK(r.read_field<std::int32_t>("/regions", "jobs").size() == 3 * steps.size());
  CHECK_FALSE(r.exists("/network/sales"));
}

TEST_CASE("small chunks and no compression: whole-chunk flushing keeps every value") {
  TempDir dir;
  const fs::path target = dir.path / "small.h5";
  WriterOptions options;
  options.chunk_steps = 4;
  options.chunk_elements = 10;
  options.deflate_level = 0;
  RunWriter writer(target, three_regions(), options);
  std::int64_t expected_rows = 0;
  for (std::int64_t s = 1; s <= 23; ++s) {
    auto obs = one_step(s);
    if (s % 3 == 0) {
      obs.agents.push_back({"sme", {}});
      auto& id = obs.agents.back().table.add<std::int64_t>("id", "1", "id");
      for (std::int64_t i = 0; i < s; ++i) id.push_back(100 * s + i);
      expected_rows += s;
    }
    writer.write_step(obs);
  }
  writer.commit();
  const Reader r(target.string());
  CHECK(r.filters("/aggregates").empty());
  CHECK(r.chunk("/aggregates") == std::vector<hsize_t>{4});
  CHECK(r.chunk("/regions") == std::vector<hsize_t>{12});
  CHECK(r.chunk("/agents/sme") == std::vector<hsize_t>{10});
  const auto gdp = r.read_field<double>("/aggregates", "gdp");
  REQUIRE(gdp.size() == 23);
  for (std::size_t i = 0; i < gdp.size(); ++i) CHECK(gdp[i] == static_cast<double>(i + 1));
  const auto steps = r.read_field<std::int64_t>("/agents/sme", "step");
  const auto id = r.read_field<std::int64_t>("/agents/sme", "id");
  REQUIRE(id.size() == static_cast<std::size_t>(expected_rows));
  std::size_t row = 0;
  for (std::int64_t s = 3; s <= 23; s += 3)
    for (std::int64_t i = 0; i < s; ++i, ++row) {
      REQUIRE(steps[row] == s);
      REQUIRE(id[row] == 100 * s + i);
    }
  CHECK(row == id.size());
}

TEST_CASE("a run without steps or events still has the whole layout") {
  TempDir dir;
  const fs::path target = dir.path / "empty.h5";
  RunWriter(target, three_regions()).commit();
  const Reader r(target.string());
  for (const char* path : {"/aggregates", "/regions", "/events"}) CHECK(r.dims(path) == std::vector<hsize_t>{0});
  CHECK(r.field_names("/aggregates") == std::vector<std::string>{"step"});
  CHECK(r.field_names("/regions") == std::vector<std::string>{"step", "region"});
  CHECK(r.attr_strings("/regions", "region_names") == std::vector<std::string>{"a", "b", "c"});
  CHECK(H5Lexists(r.file(), "/agents", H5P_DEFAULT) > 0);
  CHECK(H5Lexists(r.file(), "/network", H5P_DEFAULT) > 0);
}
