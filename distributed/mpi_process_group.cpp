#include "distributed/mpi_process_group.hpp"

#include <mpi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <exception>
#include <mutex>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "distributed/bytes.hpp"
#include "distributed/local_process_group.hpp"
#include "experiments/parallel_runs.hpp"

namespace sentra::distributed {
namespace {

// Messages. ready: a process is ready: its slots and how many runs it wants (int32 each).
// work: a run index for it (int64), or no_more_runs. result: header (run index, whether
// the result follows, how many more runs it wants, whether it is stopping), then the
// result's bytes. stop: stop every run at its next month boundary.
enum Tag : int { tag_ready = 1, tag_work = 2, tag_result = 3, tag_stop = 4 };
constexpr std::int64_t no_more_runs = -1;
// How long a main thread sleeps when no message came: short against any run, long enough
// that waiting costs no CPU the slots could use. A slot never waits for it: every process
// holds one run in reserve.
constexpr auto poll_interval = std::chrono::milliseconds(1);
// A process holds one run in reserve while its runs are shorter than this: the reserve
// hides the round trip to rank 0 (a millisecond or two) from short runs. Longer runs do not
// need it, and a run held in reserve behind a long one can leave another process idle at
// the end (measured: a fifth of an 8-run sweep of the 100,000-SME world).
constexpr double reserve_below_seconds = 1.0;

MPI_Comm comm = MPI_COMM_NULL;

void send(int to, int tag, const std::string& bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw std::runtime_error("a run's result (" + std::to_string(bytes.size()) +
                             " bytes) is larger than one MPI message holds (2 GiB)");
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, to, tag, comm);
}

struct Message {
  int from = 0;
  int tag = 0;
  std::string bytes;
};

// The next message from `source` (or MPI_ANY_SOURCE), if one is waiting. Matched probe and
// receive, so the message received is the one probed.
std::optional<Message> receive(int source) {
  int flag = 0;
  MPI_Message handle;
  MPI_Status status;
  MPI_Improbe(source, MPI_ANY_TAG, comm, &flag, &handle, &status);
  if (!flag) return std::nullopt;
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  Message m{status.MPI_SOURCE, status.MPI_TAG, std::string(static_cast<std::size_t>(count), '\0')};
  MPI_Mrecv(m.bytes.data(), count, MPI_BYTE, &handle, MPI_STATUS_IGNORE);
  return m;
}

}  // namespace

MpiProcessGroup::MpiProcessGroup(int& argc, char**& argv) {
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  // A communicator of our own, so no library sharing the job can match our messages.
  MPI_Comm_dup(MPI_COMM_WORLD, &comm);
  MPI_Comm_rank(comm, &rank_);
  MPI_Comm_size(comm, &size_);
  if (provided < MPI_THREAD_FUNNELED) abort("this MPI library cannot be used from a multi-threaded process", 1);
}

MpiProcessGroup::~MpiProcessGroup() {
  MPI_Comm_free(&comm);
  MPI_Finalize();
}

int MpiProcessGroup::settle(int code) {
  int agreed = code;
  MPI_Allreduce(&code, &agreed, 1, MPI_INT, MPI_MAX, comm);
  leader_code_ = code;
  MPI_Bcast(&leader_code_, 1, MPI_INT, 0, comm);
  settled_ = true;
  return agreed;
}

void MpiProcessGroup::leave_on_error(int code, const std::string& why) {
  if (!settled_) {
    settle(code);
    // Rank 0 prints its own errors; one only this process met (a file it cannot read, on a
    // node without the shared file system) would otherwise go unsaid.
    if (rank_ != 0 && leader_code_ == 0) std::fprintf(stderr, "sentra (MPI rank %d of %d): %s\n", rank_, size_, why.c_str());
    return;
  }
  if (size_ > 1) abort(why, code);
}

void MpiProcessGroup::abort(const std::string& what, int code) {
  std::fprintf(stderr, "sentra (MPI rank %d of %d): %s; aborting the job\n", rank_, size_, what.c_str());
  std::fflush(stderr);
  MPI_Abort(comm == MPI_COMM_NULL ? MPI_COMM_WORLD : comm, code);
  std::_Exit(code);  // MPI_Abort does not return; in case it does
}

EnsembleOutcome MpiProcessGroup::run(const Ensemble& e) {
  if (!settled_) throw std::logic_error("MpiProcessGroup::run before settle");
  if (size_ == 1) {
    EnsembleOutcome outcome = run_locally(e);
    outcome.processes = 1;
    return outcome;
  }
  // Any error here leaves the others waiting for messages that will never come.
  try {
    return rank_ == 0 ? lead(e) : work(e);
  } catch (const std::exception& error) {
    abort(error.what(), 1);
  } catch (...) {
    abort("unknown error", 1);
  }
}

EnsembleOutcome MpiProcessGroup::lead(const Ensemble& e) {
  std::atomic<std::size_t> next{0};      // the next run to hand out, here or to another process
  std::atomic<std::size_t> results{0};   // results that reached done()
  std::atomic<bool> halt{false};
  std::atomic<bool> slots_over{false};
  std::exception_ptr slot_error;
  const std::function<bool()> halted = [&] { return halt.load(); };

  // Rank 0's own share, on its slots; this thread serves the other processes.
  std::thread slots([&] {
    try {
      experiments::run_slots(
          e.concurrent,
          [&]() -> std::optional<std::size_t> {
            if (halt.load()) return std::nullopt;
            const std::size_t i = next.fetch_add(1);
            if (i >= e.runs) return std::nullopt;
            return i;
          },
          [&](std::size_t i) {
            e.run(i, halted);
            if (halt.load()) return;
            e.done(i);
            ++results;
          });
    } catch (...) {
      slot_error = std::current_exception();
    }
    slots_over = true;
  });

  std::vector<std::int64_t> owed(static_cast<std::size_t>(size_), 0);  // handed out, not yet reported
  int ready = 0, slots_in_all = e.concurrent;
  const auto stop_all = [&] {
    if (halt.exchange(true)) return;
    for (int w = 1; w < size_; ++w) send(w, tag_stop, std::string());
  };
  const auto hand_out = [&](int to) {
    std::int64_t run = no_more_runs;
    if (!halt.load()) {
      const std::size_t i = next.fetch_add(1);
      if (i < e.runs) {
        run = static_cast<std::int64_t>(i);
        ++owed[static_cast<std::size_t>(to)];
      }
    }
    ByteWriter w;
    w.put(run);
    send(to, tag_work, w.take());
  };
  for (;;) {
    bool received = false;
    while (auto m = receive(MPI_ANY_SOURCE)) {
      received = true;
      ByteReader in(m->bytes);
      if (m->tag == tag_ready) {
        ++ready;
        slots_in_all += in.get<std::int32_t>();
        const auto wanted = in.get<std::int32_t>();
        for (std::int32_t k = 0; k < wanted; ++k) hand_out(m->from);
      } else if (m->tag == tag_result) {
        const auto run = in.get<std::int64_t>();
        const bool has_result = in.get<std::uint8_t>() != 0;
        const auto wanted = in.get<std::uint8_t>();
        const bool stopping = in.get<std::uint8_t>() != 0;
        --owed[static_cast<std::size_t>(m->from)];
        if (stopping) stop_all();  // that process was told to stop (a signal): so is the job
        if (has_result && !halt.load()) {
          e.take_result(static_cast<std::size_t>(run), in.rest());
          e.done(static_cast<std::size_t>(run));
          ++results;
        }
        for (std::uint8_t k = 0; k < wanted; ++k) hand_out(m->from);
      } else {
        throw std::logic_error("rank 0 received a message of unknown kind " + std::to_string(m->tag));
      }
    }
    if (e.stop()) stop_all();
    const bool nothing_owed = std::accumulate(owed.begin(), owed.end(), std::int64_t{0}) == 0;
    if (ready == size_ - 1 && nothing_owed && slots_over.load()) break;
    if (!received) std::this_thread::sleep_for(poll_interval);
  }
  slots.join();
  if (slot_error) std::rethrow_exception(slot_error);
  EnsembleOutcome outcome;
  outcome.complete = !halt.load() && results.load() == e.runs;
  outcome.slots = slots_in_all;
  outcome.processes = size_;
  return outcome;
}

EnsembleOutcome MpiProcessGroup::work(const Ensemble& e) {
  std::mutex mutex;
  std::condition_variable slots_wake, main_wake;
  std::deque<std::size_t> queue;     // handed to us, not started
  std::deque<std::size_t> finished;  // run here, not yet reported
  bool no_more = false;              // rank 0 has no more runs for us
  bool slots_over = false;
  std::atomic<bool> halt{false};
  std::atomic<bool> short_runs{false};  // the last run took less than reserve_below_seconds
  std::exception_ptr slot_error;
  const std::function<bool()> halted = [&] { return halt.load(); };

  std::thread slots([&] {
    try {
      experiments::run_slots(
          e.concurrent,
          [&]() -> std::optional<std::size_t> {
            std::unique_lock lock(mutex);
            slots_wake.wait(lock, [&] { return !queue.empty() || no_more || halt.load(); });
            if (halt.load() || queue.empty()) return std::nullopt;
            const std::size_t i = queue.front();
            queue.pop_front();
            return i;
          },
          [&](std::size_t i) {
            const auto started = std::chrono::steady_clock::now();
            e.run(i, halted);
            short_runs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() <
                         reserve_below_seconds;
            {
              const std::lock_guard lock(mutex);
              finished.push_back(i);
            }
            main_wake.notify_one();
          });
    } catch (...) {
      slot_error = std::current_exception();
    }
    {
      const std::lock_guard lock(mutex);
      slots_over = true;
    }
    main_wake.notify_one();
  });

  const auto stop_here = [&] {
    {
      const std::lock_guard lock(mutex);
      halt = true;
    }
    slots_wake.notify_all();
  };
  // Runs asked for: one per slot to start with; then, with every result, as many as keep
  // one per slot (plus one in reserve while runs are short) handed to us or on their way.
  std::int64_t awaiting = e.concurrent;  // replies rank 0 owes us
  std::int64_t holding = 0;              // runs handed to us and not yet reported
  {
    ByteWriter w;
    w.put(static_cast<std::int32_t>(e.concurrent));
    w.put(static_cast<std::int32_t>(awaiting));
    send(0, tag_ready, w.take());
  }
  // Every run handed to us is reported exactly once, with its result unless we are stopping
  // (then rank 0 keeps nothing anyway), so rank 0 knows when no process owes it anything.
  const auto report = [&](std::size_t i, bool with_result) {
    const bool stopping = halt.load();
    --holding;
    const std::int64_t target = e.concurrent + (short_runs.load() ? 1 : 0);
    const auto wanted = static_cast<std::uint8_t>(
        no_more || stopping ? 0 : std::clamp<std::int64_t>(target - holding - awaiting, 0, 2));
    ByteWriter w;
    w.put(static_cast<std::int64_t>(i));
    w.put(static_cast<std::uint8_t>(with_result && !stopping));
    w.put(wanted);
    w.put(static_cast<std::uint8_t>(stopping));
    std::string message = w.take();
    if (with_result && !stopping) message += e.result_bytes(i);
    send(0, tag_result, message);
    awaiting += wanted;
  };
  for (;;) {
    while (auto m = receive(0)) {
      if (m->tag == tag_stop) {
        stop_here();
      } else if (m->tag == tag_work) {
        --awaiting;
        const auto run = ByteReader(m->bytes).get<std::int64_t>();
        if (run != no_more_runs) ++holding;
        if (run == no_more_runs) {
          {
            const std::lock_guard lock(mutex);
            no_more = true;
          }
          slots_wake.notify_all();
        } else if (halt.load()) {
          report(static_cast<std::size_t>(run), false);
        } else {
          {
            const std::lock_guard lock(mutex);
            queue.push_back(static_cast<std::size_t>(run));
          }
          slots_wake.notify_one();
        }
      } else {
        throw std::logic_error("received a message of unknown kind " + std::to_string(m->tag));
      }
    }
    if (!halt.load() && e.stop()) stop_here();

    std::deque<std::size_t> ran, unstarted;
    bool over = false;
    {
      const std::lock_guard lock(mutex);
      ran.swap(finished);
      if (halt.load()) unstarted.swap(queue);
      over = slots_over;
    }
    for (const std::size_t i : ran) report(i, true);
    for (const std::size_t i : unstarted) report(i, false);
    if (over && awaiting == 0) break;
    if (ran.empty() && unstarted.empty()) {
      std::unique_lock lock(mutex);
      main_wake.wait_for(lock, poll_interval, [&] { return !finished.empty() || slots_over; });
    }
  }
  slots.join();
  if (slot_error) std::rethrow_exception(slot_error);
  EnsembleOutcome outcome;
  outcome.complete = !halt.load();
  outcome.slots = e.concurrent;
  outcome.processes = size_;
  return outcome;
}

}  // namespace sentra::distributed
