//===- IsolatedUnits.cpp - One worker process per TU, within a budget -----===//
//
// fork() rather than re-executing the binary: a worker starts in about a
// millisecond with the model and configs already loaded, where exec, the
// dynamic loader and re-reading the model cost ~70 ms per TU. The parent
// forks only from its one thread.
//
//===----------------------------------------------------------------------===//
#include "analyzer/frontend/IsolatedUnits.h"
#include "analyzer/support/OutputFile.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace kmodlint {

// Sanitizers map terabytes of shadow memory up front; a data-segment limit
// would stop them at once, so their builds have no memory budget.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
static constexpr bool MemoryBudgetWorks = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) ||     \
    __has_feature(thread_sanitizer)
static constexpr bool MemoryBudgetWorks = false;
#else
static constexpr bool MemoryBudgetWorks = true;
#endif
#else
static constexpr bool MemoryBudgetWorks = true;
#endif

//===-- The worker (the forked child) -------------------------------------===//

/// An allocation failed: the memory budget is spent. Nothing here may
/// allocate.
[[noreturn]] static void exitOutOfMemory() {
  static const char Message[] = "kmodlint worker: out of memory\n";
  ssize_t Ignored = ::write(STDERR_FILENO, Message, sizeof(Message) - 1);
  (void)Ignored;
  ::_exit(WorkerOutOfMemoryStatus);
}

/// RLIMIT_DATA: since Linux 4.7 it counts every private writable mapping,
/// so malloc and mmap fail past it (RLIMIT_AS would also count the
/// read-only mappings of every header clang opens).
static void limitMemory(unsigned MiB) {
  if (!MiB || !MemoryBudgetWorks)
    return;
  rlimit Limit;
  if (getrlimit(RLIMIT_DATA, &Limit) != 0)
    return;
  rlim_t Bytes = static_cast<rlim_t>(MiB) << 20;
  if (Limit.rlim_max != RLIM_INFINITY && Bytes > Limit.rlim_max)
    Bytes = Limit.rlim_max;
  Limit.rlim_cur = Bytes;
  setrlimit(RLIMIT_DATA, &Limit);
}

static void redirect(int Fd, const char *Path, int Flags) {
  int New = ::open(Path, Flags, 0600);
  if (New >= 0 && New != Fd) {
    ::dup2(New, Fd);
    ::close(New);
  }
}

/// The child's life (stdin stays: /dev/stdin redirected from a file is
/// that file): analyze, write the result as JSON, _exit (never
/// return into the parent's code or run its destructors and atexit hooks).
[[noreturn]] static void runWorker(const AnalysisUnit &Unit,
                                   const AnalysisOptions &Options,
                                   const UnitBudget &Budget,
                                   const std::string &ResultPath,
                                   const std::string &ErrorsPath) {
  redirect(STDOUT_FILENO, "/dev/null", O_WRONLY);
  redirect(STDERR_FILENO, ErrorsPath.c_str(), O_WRONLY | O_TRUNC);
  llvm::install_bad_alloc_error_handler(
      [](void *, const char *, bool) { exitOutOfMemory(); });
  std::set_new_handler(exitOutOfMemory);
  limitMemory(Budget.MiB);

  UnitResult Result = analyzeUnit(Unit, Options);
  std::error_code EC;
  llvm::raw_fd_ostream Out(ResultPath, EC);
  if (EC)
    ::_exit(2);
  Out << llvm::json::Value(toJSON(Result));
  if (llvm::Error E = flushStream(Out, ResultPath)) {
    llvm::errs() << "kmodlint worker: " << llvm::toString(std::move(E)) << "\n";
    ::_exit(2);
  }
  ::_exit(0);
}

//===-- The parent --------------------------------------------------------===//

namespace {

/// A temporary file, removed when the unit is done.
struct ScratchFile {
  llvm::SmallString<128> Path;
  ScratchFile() = default;
  ScratchFile(const ScratchFile &) = delete;
  ScratchFile &operator=(const ScratchFile &) = delete;
  ~ScratchFile() {
    if (!Path.empty())
      llvm::sys::fs::remove(Path);
  }
  std::error_code create(llvm::StringRef Prefix) {
    return llvm::sys::fs::createTemporaryFile(Prefix, "tmp", Path);
  }
};

struct RunningWorker {
  size_t Index = 0;
  pid_t Pid = 0;
  std::chrono::steady_clock::time_point Start;
  std::unique_ptr<ScratchFile> Result, Errors;
};

/// How a worker ended.
struct WorkerEnd {
  int Status = 0;  ///< exit status, when it exited
  int Signal = 0;  ///< the signal that ended it, if one did
  bool TimedOut = false;
  uint64_t PeakKiB = 0;
};

/// The start of what the worker printed on stderr: a crash's stack dump,
/// innermost frames first.
std::string headOf(llvm::StringRef Path, unsigned MaxLines = 40) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return {};
  llvm::StringRef Text = (*Buffer)->getBuffer();
  size_t End = 0;
  for (unsigned Line = 0; Line < MaxLines && End != llvm::StringRef::npos;
       ++Line)
    End = Text.find('\n', End ? End + 1 : 0);
  return Text.take_front(End).str();
}

class WorkerPool {
public:
  using DoneCallback = std::function<void(const UnitResult &)>;

  WorkerPool(const std::vector<AnalysisUnit> &Units,
             const std::vector<AnalysisOptions> &Options,
             llvm::ArrayRef<UnitBudget> Budgets, const DoneCallback &OnDone)
      : Units(Units), Options(Options), Budgets(Budgets), OnDone(OnDone),
        Results(Units.size()) {}

  std::vector<UnitResult> run(unsigned Parallel) {
    size_t Next = 0;
    while (Next < Units.size() || !Running.empty()) {
      while (Running.size() < Parallel && Next < Units.size())
        start(Next++);
      if (!reapEnded())
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return std::move(Results);
  }

private:
  UnitResult failed(size_t Index, std::string Reason,
                    std::string Details = {}) const {
    UnitResult R;
    R.File = Units[Index].File;
    R.Mode = Units[Index].Mode;
    R.Failed = true;
    R.FailureReason = std::move(Reason);
    R.FailureDetails = std::move(Details);
    return R;
  }

  void finish(size_t Index, UnitResult R) {
    Results[Index] = std::move(R);
    if (OnDone)
      OnDone(Results[Index]);
  }

  void start(size_t Index) {
    RunningWorker W;
    W.Index = Index;
    W.Result = std::make_unique<ScratchFile>();
    W.Errors = std::make_unique<ScratchFile>();
    std::error_code EC;
    if ((EC = W.Result->create("kmodlint-result")) ||
        (EC = W.Errors->create("kmodlint-worker")))
      return finish(Index, failed(Index, "not analyzed: cannot create a "
                                         "temporary file for its worker: " +
                                             EC.message()));
    // What the parent buffered must not be written twice.
    llvm::outs().flush();
    llvm::errs().flush();
    pid_t Pid = ::fork();
    if (Pid == 0)
      runWorker(Units[Index], Options[Index], Budgets[Index],
                std::string(W.Result->Path), std::string(W.Errors->Path));
    if (Pid < 0)
      return finish(Index, failed(Index,
                                  std::string("not analyzed: cannot start "
                                              "its worker process: ") +
                                      std::strerror(errno)));
    W.Pid = Pid;
    W.Start = std::chrono::steady_clock::now();
    Running.push_back(std::move(W));
  }

  bool outOfTime(const RunningWorker &W) const {
    unsigned Limit = Budgets[W.Index].Seconds;
    return Limit && std::chrono::steady_clock::now() - W.Start >=
                        std::chrono::seconds(Limit);
  }

  /// Whether \p W has ended (killed when out of time), and how.
  std::optional<WorkerEnd> poll(const RunningWorker &W) const {
    WorkerEnd End;
    int Status = 0;
    rusage Usage{};
    pid_t Got = ::wait4(W.Pid, &Status, WNOHANG, &Usage);
    if (Got == 0 && outOfTime(W)) {
      ::kill(W.Pid, SIGKILL);
      Got = ::wait4(W.Pid, &Status, 0, &Usage);
      End.TimedOut = true;
    }
    if (Got == 0 || (Got < 0 && errno == EINTR))
      return std::nullopt;
    if (Got < 0) // no such child: nothing more will come of it
      End.Status = -1;
    else if (WIFSIGNALED(Status))
      End.Signal = WTERMSIG(Status);
    else if (WIFEXITED(Status))
      End.Status = WEXITSTATUS(Status);
    End.PeakKiB = static_cast<uint64_t>(Usage.ru_maxrss);
    return End;
  }

  bool reapEnded() {
    bool Any = false;
    for (size_t I = 0; I < Running.size();) {
      std::optional<WorkerEnd> End = poll(Running[I]);
      if (!End) {
        ++I;
        continue;
      }
      RunningWorker W = std::move(Running[I]);
      Running.erase(Running.begin() + I);
      UnitResult R = collect(W, *End);
      R.Seconds = std::chrono::duration<double>(
                      std::chrono::steady_clock::now() - W.Start)
                      .count();
      R.PeakMemoryKiB = End->PeakKiB;
      finish(W.Index, std::move(R));
      Any = true;
    }
    return Any;
  }

  UnitResult collect(const RunningWorker &W, const WorkerEnd &End) const {
    const UnitBudget &Budget = Budgets[W.Index];
    if (End.TimedOut)
      return failed(W.Index,
                    "not analyzed: budget exceeded (it took more than " +
                        std::to_string(Budget.Seconds) +
                        " s; raise --tu-timeout or tu_timeout in "
                        ".kmodlint.yaml)");
    if (!End.Signal && End.Status == WorkerOutOfMemoryStatus)
      return failed(W.Index,
                    "not analyzed: budget exceeded (it needed more than " +
                        std::to_string(Budget.MiB) +
                        " MiB; raise --tu-memory or tu_memory in "
                        ".kmodlint.yaml)");
    if (End.Signal)
      return failed(W.Index,
                    std::string("not analyzed: kmodlint crashed on it (") +
                        strsignal(End.Signal) +
                        "); please report it with the file and its command "
                        "(--dump-clang-commands)",
                    headOf(W.Errors->Path));
    if (End.Status != 0)
      return failed(W.Index,
                    "not analyzed: its worker process failed (exit status " +
                        std::to_string(End.Status) + ")",
                    headOf(W.Errors->Path));
    auto Buffer = llvm::MemoryBuffer::getFile(W.Result->Path);
    if (!Buffer)
      return failed(W.Index, "not analyzed: its worker's result is missing");
    auto R = llvm::json::parse<UnitResult>((*Buffer)->getBuffer(),
                                           "worker result");
    if (!R)
      return failed(W.Index, "not analyzed: its worker's result is "
                             "unreadable: " + llvm::toString(R.takeError()));
    return std::move(*R);
  }

  const std::vector<AnalysisUnit> &Units;
  const std::vector<AnalysisOptions> &Options;
  llvm::ArrayRef<UnitBudget> Budgets;
  const DoneCallback &OnDone;
  std::vector<UnitResult> Results;
  std::vector<RunningWorker> Running;
};

} // namespace

std::vector<UnitResult>
analyzeUnitsIsolated(const std::vector<AnalysisUnit> &Units,
                     const std::vector<AnalysisOptions> &Options,
                     llvm::ArrayRef<UnitBudget> Budgets, unsigned Parallel,
                     std::function<void(const UnitResult &)> OnDone) {
  assert(Options.size() == Units.size() && Budgets.size() == Units.size() &&
         "one AnalysisOptions and one UnitBudget per unit");
  WorkerPool Pool(Units, Options, Budgets, OnDone);
  return Pool.run(std::max(1u, Parallel));
}

} // namespace kmodlint
