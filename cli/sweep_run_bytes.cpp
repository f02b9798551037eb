#include "cli/sweep_run_bytes.hpp"

#include <cstdint>
#include <stdexcept>

#include "distributed/bytes.hpp"

namespace sentra::cli {

std::string sweep_run_bytes(const SweepRunResult& r) {
  distributed::ByteWriter out;
  out.put(static_cast<std::uint8_t>(r.status));
  out.put(r.error);
  out.put(static_cast<std::uint8_t>(r.resumed ? 1 : 0));
  out.put(r.steps);
  out.put<std::uint64_t>(r.series.size());
  for (const auto& s : r.series) out.put(s);
  out.put(r.times);
  return out.take();
}

SweepRunResult sweep_run_from_bytes(std::string_view bytes) {
  distributed::ByteReader in(bytes);
  SweepRunResult r;
  r.status = static_cast<SweepRunResult::Status>(in.get<std::uint8_t>());
  r.error = in.get_string();
  r.resumed = in.get<std::uint8_t>() != 0;
  r.steps = in.get_vector<std::int64_t>();
  r.series.resize(in.get<std::uint64_t>());
  for (auto& s : r.series) s = in.get_vector<double>();
  r.times = in.get<SweepRunTimes>();
  if (!in.at_end()) throw std::runtime_error("a sweep run's result is longer than expected");
  return r;
}

}  // namespace sentra::cli
