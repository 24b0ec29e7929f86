//===- Analysis.cpp - Parse translation units and run the checks ----------===//
#include "analyzer/frontend/Analysis.h"
#include "analyzer/frontend/CompilerFlags.h"
#include "analyzer/support/EmbeddedFiles.h"
#include "analyzer/engine/AllocationUses.h"
#include "analyzer/engine/CallbackLocks.h"
#include "analyzer/engine/ModuleModel.h"
#include "analyzer/engine/StoredFamilies.h"
#include "analyzer/engine/Summaries.h"
#include "analyzer/workflow/Suppressions.h"
#include "checks/Check.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Stack.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/Path.h"
#include <chrono>
#include <mutex>

namespace kmodlint {

bool isCheckEnabled(llvm::StringRef Id, llvm::ArrayRef<std::string> Filters,
                    bool ByDefault) {
  bool Enabled = ByDefault;
  for (llvm::StringRef Filter : Filters) {
    bool Exclude = Filter.consume_front("-");
    auto Pattern = llvm::GlobPattern::create(Filter.trim());
    if (Pattern && Pattern->match(Id))
      Enabled = !Exclude;
  }
  return Enabled;
}

/// The value of a macro defined as one integer literal (393664, 0x400u),
/// or as another such macro (6.12: PAGE_SHIFT is CONFIG_PAGE_SHIFT).
static std::optional<uint64_t> macroNumber(clang::Preprocessor &PP,
                                           llvm::StringRef Name,
                                           unsigned Depth = 0) {
  const clang::MacroInfo *MI = PP.getMacroInfo(PP.getIdentifierInfo(Name));
  if (!MI || MI->getNumTokens() != 1)
    return std::nullopt;
  const clang::Token &Only = MI->tokens()[0];
  if (Only.is(clang::tok::identifier) && Depth < 4)
    return macroNumber(PP, Only.getIdentifierInfo()->getName(), Depth + 1);
  if (!Only.isLiteral())
    return std::nullopt;
  llvm::StringRef Text(MI->tokens()[0].getLiteralData(),
                       MI->tokens()[0].getLength());
  uint64_t Value = 0;
  if (Text.rtrim("uUlL").getAsInteger(0, Value))
    return std::nullopt;
  return Value;
}

/// The TU's kernel version: the model's version macro when the file
/// included its header, else that header's #define as the include path
/// finds it (Kbuild's -I include/generated/uapi). 0 when there is none.
static unsigned kernelVersionOf(clang::Preprocessor &PP,
                                const KernelVersionSource &Source) {
  if (Source.Macro.empty())
    return 0;
  if (auto Code = macroNumber(PP, Source.Macro); Code && *Code)
    return *Code;
  if (Source.Header.empty())
    return 0;
  clang::ConstSearchDirIterator CurDir = nullptr;
  clang::OptionalFileEntryRef Header = PP.getHeaderSearchInfo().LookupFile(
      Source.Header, clang::SourceLocation(), /*isAngled=*/true, nullptr,
      &CurDir, {}, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
  if (!Header)
    return 0;
  auto Buffer = PP.getFileManager().getBufferForFile(*Header);
  llvm::Regex Define("#define " + llvm::Regex::escape(Source.Macro) +
                     " ([0-9]+)");
  llvm::SmallVector<llvm::StringRef, 2> Match;
  unsigned Code = 0;
  if (Buffer && Define.match((*Buffer)->getBuffer(), &Match))
    Match[1].getAsInteger(10, Code);
  return Code;
}

/// The value of a gfp bit in this TU: an enumerator giving its position in
/// 6.10+, a literal macro before, else the model's default.
static uint64_t gfpBit(clang::ASTContext &AST, clang::Preprocessor &PP,
                       const GfpBit &Bit) {
  if (!Bit.Enumerator.empty())
    for (const clang::Decl *D : AST.getTranslationUnitDecl()->decls())
      if (const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(D))
        for (const clang::EnumConstantDecl *C : Enum->enumerators())
          if (C->getName() == Bit.Enumerator)
            return uint64_t(1) << C->getInitVal().getZExtValue();
  if (!Bit.Macro.empty())
    if (auto Value = macroNumber(PP, Bit.Macro))
      return *Value;
  return Bit.Default;
}

/// A constant the TU defines as a macro, else the model's default.
static unsigned kernelConstant(clang::Preprocessor &PP, const KernelConstant &C) {
  if (!C.Macro.empty())
    if (auto Value = macroNumber(PP, C.Macro); Value && *Value < 64)
      return unsigned(*Value);
  return unsigned(C.Default);
}

namespace {

class ModuleConsumer : public clang::ASTConsumer {
public:
  ModuleConsumer(clang::CompilerInstance &CI, const AnalysisOptions &Options,
                 UnitResult &Result)
      : CI(CI), Options(Options), Result(Result) {}

  void HandleTranslationUnit(clang::ASTContext &AST) override {
    if (CI.getDiagnostics().hasErrorOccurred())
      return; // reported as a parse failure
    const ApiModel &Model = Options.Model ? *Options.Model : ApiModel::builtin();
    TranslationUnitContext TU{AST, Model};
    readKernelFacts(TU);
    Result.KernelVersion = TU.KernelVersion;
    ModuleModel Module = ModuleModel::build(AST, Model);
    TU.Module = &Module;
    CallbackLocks Locks(Model, Module);
    TU.Locks = &Locks;
    Summaries FunctionSummaries(TU);
    StoredFamilies Stores;
    TU.FunctionSummaries = &FunctionSummaries;
    Stores.collect(AST, Model, &FunctionSummaries);
    TU.Stores = &Stores;

    std::vector<std::unique_ptr<Check>> All = createAllChecks();
    std::vector<Check *> Enabled;
    for (const auto &C : All)
      if (isCheckEnabled(C->id(), Options.CheckFilters, C->enabledByDefault()))
        Enabled.push_back(C.get());
    AllocationUses Allocations;
    if (llvm::any_of(Enabled, [](const Check *C) { return C->needsAllocationUses(); })) {
      Allocations.collect(AST, Model);
      TU.Allocations = &Allocations;
    }
    CheckContext Context(TU, Result.Findings);
    CheckDispatcher Dispatcher(Enabled, Context);

    const clang::SourceManager &SM = AST.getSourceManager();
    for (const clang::FunctionDecl *FD : mainFileDefinitions(AST)) {
      Context.Function = FD;
      PathEngine Engine(TU, Dispatcher);
      Engine.StartsInCallbackContext = true;
      bool Complete = Engine.run(FD);
      if (!Complete || Engine.droppedPaths())
        Result.Incomplete.push_back({FD->getNameAsString(),
                                     Context.point(FD->getLocation()),
                                     Engine.droppedPaths(), !Complete,
                                     Engine.tooLarge()});
    }
    Context.Function = nullptr;
    for (Check *C : Enabled)
      C->onTranslationUnitEnd(Context);
    for (Finding &F : Result.Findings)
      makePathsAbsolute(F);
    for (IncompleteFunction &I : Result.Incomplete)
      makeAbsolute(I.Where.File);
    sortAndUnique(Result.Findings);
    std::vector<SourcePoint> Used;
    Result.Suppressed = applySuppressions(Result.Findings, &Used);
    if (Options.ReportUnusedSuppressions)
      reportUnusedSuppressions(SM, Enabled, Used);
  }

private:
  /// What the TU's headers say about the kernel it is built for: its
  /// version and the gfp bits the checks test (the model says where).
  void readKernelFacts(TranslationUnitContext &TU) const {
    clang::Preprocessor &PP = CI.getPreprocessor();
    TU.KernelVersion =
        Options.KernelVersionOverride
            ? Options.KernelVersionOverride
            : kernelVersionOf(PP, TU.Model.kernelVersionSource());
    TU.GfpDirectReclaim = gfpBit(TU.AST, PP, TU.Model.gfp().DirectReclaim);
    TU.GfpNoFail = gfpBit(TU.AST, PP, TU.Model.gfp().NoFail);
    TU.GfpDmaZones = gfpBit(TU.AST, PP, TU.Model.gfp().Dma) |
                     gfpBit(TU.AST, PP, TU.Model.gfp().Dma32);
    TU.GfpFailureExpected = gfpBit(TU.AST, PP, TU.Model.gfp().RetryMayFail) |
                            gfpBit(TU.AST, PP, TU.Model.gfp().NoWarn) |
                            gfpBit(TU.AST, PP, TU.Model.gfp().NoRetry);
    const AllocationShapeModel &Shape = TU.Model.allocationShape();
    TU.PageShift = kernelConstant(PP, Shape.PageShift);
    TU.CostlyOrder = kernelConstant(PP, Shape.CostlyOrder);
  }

  /// Findings name files absolutely: baselines, --diff and SARIF compare
  /// them with paths from elsewhere, whatever the TU's working directory.
  void makeAbsolute(std::string &Path) const {
    if (Path.empty())
      return;
    llvm::vfs::FileSystem &FS = CI.getFileManager().getVirtualFileSystem();
    llvm::SmallString<256> P(Path);
    if (!llvm::sys::path::is_absolute(P) && FS.makeAbsolute(P))
      return;
    llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
    Path = std::string(P);
  }

  void makePathsAbsolute(Finding &F) const {
    auto Absolute = [&](std::string &Path) { makeAbsolute(Path); };
    Absolute(F.Where.File);
    for (PathNote &N : F.Notes)
      Absolute(N.Where.File);
    if (F.Fix)
      for (TextEdit &Edit : F.Fix->Edits)
        Absolute(Edit.File);
  }

  void reportUnusedSuppressions(const clang::SourceManager &SM,
                                llvm::ArrayRef<Check *> Enabled,
                                llvm::ArrayRef<SourcePoint> Used) {
    clang::OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    if (!Main)
      return;
    SourcePoint MainFile;
    MainFile.File = Main->getName().str();
    Finding Probe;
    Probe.Where = MainFile;
    makePathsAbsolute(Probe);
    auto NamesEnabled = [&](llvm::StringRef Glob) {
      auto Pattern = llvm::GlobPattern::create(Glob);
      return Pattern && llvm::any_of(Enabled, [&](const Check *C) {
               return Pattern->match(C->id());
             });
    };
    for (Finding &F : unusedSuppressions(Probe.Where.File, Used, NamesEnabled))
      Result.Findings.push_back(std::move(F));
  }

public:

private:
  clang::CompilerInstance &CI;
  const AnalysisOptions &Options;
  UnitResult &Result;
};

class ModuleAction : public clang::ASTFrontendAction {
public:
  ModuleAction(const AnalysisOptions &Options, UnitResult &Result)
      : Options(Options), Result(Result) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    return std::make_unique<ModuleConsumer>(CI, Options, Result);
  }

private:
  const AnalysisOptions &Options;
  UnitResult &Result;
};

} // namespace

/// What clang::tooling's FrontendActionFactory does, with the compiler's
/// "N errors generated." summary sent nowhere: kmodlint reports parse
/// failures itself, with the errors, once.
class QuietToolAction : public clang::tooling::ToolAction {
public:
  QuietToolAction(const AnalysisOptions &Options, UnitResult &Result)
      : Options(Options), Result(Result) {}

  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> Invocation,
                     clang::FileManager *Files,
                     std::shared_ptr<clang::PCHContainerOperations> PCH,
                     clang::DiagnosticConsumer *Diagnostics) override {
    clang::CompilerInstance Compiler(std::move(PCH));
    Compiler.setInvocation(std::move(Invocation));
    Compiler.setFileManager(Files);
    Compiler.setVerboseOutputStream(std::make_unique<llvm::raw_null_ostream>());
    ModuleAction Action(Options, Result);
    Compiler.createDiagnostics(Diagnostics, /*ShouldOwnClient=*/false);
    if (!Compiler.hasDiagnostics())
      return false;
    Compiler.createSourceManager(*Files);
    bool Success = Compiler.ExecuteAction(Action);
    Files->clearStatCache();
    return Success;
  }

private:
  const AnalysisOptions &Options;
  UnitResult &Result;
};

/// Keeps the compiler's errors for the parse-failure report and drops its
/// warnings: kmodlint's output is findings, and -w cannot silence driver
/// warnings about gcc options.
class CompilerErrorCollector : public clang::TextDiagnosticPrinter {
public:
  using TextDiagnosticPrinter::TextDiagnosticPrinter;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    if (Level >= clang::DiagnosticsEngine::Error)
      TextDiagnosticPrinter::HandleDiagnostic(Level, Info);
  }
};

/// The bundled headers, mounted at BundledIncludeDir.
static llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> bundledHeadersFS() {
  auto Mem = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const EmbeddedFile &F : embeddedFiles()) {
    llvm::StringRef Path(F.Path);
    if (!Path.consume_front("shims/include/"))
      continue;
    Mem->addFile(BundledIncludeDir.str() + "/" + Path.str(), 0,
                 llvm::MemoryBuffer::getMemBuffer(F.Contents, F.Path));
  }
  return Mem;
}

std::vector<std::string> clangArguments(const AnalysisUnit &Unit) {
  std::vector<std::string> Args = sanitizeCompilerFlags(Unit.CommandLine).Args;
  // An entry with "arguments": [] or an empty "command" still gets a
  // compiler name; analyzeUnit() reports it as unusable.
  if (Args.empty())
    Args.push_back("clang");
  else
    Args[0] = "clang";
  for (const auto &Adjust : {clang::tooling::getClangStripOutputAdjuster(),
                             clang::tooling::getClangStripDependencyFileAdjuster(),
                             clang::tooling::getClangSyntaxOnlyAdjuster()})
    Args = Adjust(Args, Unit.File);
  Args.insert(Args.begin() + 1, "-resource-dir=" KMODLINT_CLANG_RESOURCE_DIR);
  return Args;
}

/// Why \p Unit's source cannot be read as a file, in one sentence (clang
/// would say "no such file", "no input files" and "expected exactly one
/// compiler job"); empty when it can.
static std::string unreadableSource(const AnalysisUnit &Unit) {
  if (Unit.File.empty())
    return "not analyzed: a compile database entry with directory " +
           Unit.Directory + " has an empty \"file\"";
  llvm::SmallString<256> Path(Unit.File);
  llvm::sys::fs::make_absolute(Unit.Directory, Path);
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return "not analyzed: " + EC.message();
  if (Status.type() == llvm::sys::fs::file_type::directory_file)
    return "not analyzed: it is a directory, not a source file";
  if (Status.type() != llvm::sys::fs::file_type::regular_file)
    return "not analyzed: it is not a regular file (a pipe or a device such "
           "as /dev/stdin); kmodlint reads source files, save it to one";
  return {};
}

UnitResult analyzeUnit(const AnalysisUnit &Unit, const AnalysisOptions &Options) {
  // Where this thread's stack starts, for clang::runWithSufficientStackSpace
  // (nested summaries move to a fresh stack when this one runs low).
  clang::noteBottomOfStack();
  auto Start = std::chrono::steady_clock::now();
  UnitResult Result;
  Result.File = Unit.File;
  Result.Mode = Unit.Mode;

  auto Blank = [](const std::string &A) {
    return llvm::StringRef(A).trim().empty();
  };
  if (std::string Why = unreadableSource(Unit); !Why.empty()) {
    Result.Failed = true;
    Result.FailureReason = std::move(Why);
    return Result;
  }
  if (llvm::all_of(Unit.CommandLine, Blank)) {
    Result.Failed = true;
    Result.FailureReason = "not analyzed: the compile database gives it an "
                           "empty command line; regenerate the database "
                           "(bear -- make ...)";
    return Result;
  }
  Result.DroppedFlags = sanitizeCompilerFlags(Unit.CommandLine).Dropped;
  std::vector<std::string> Args = clangArguments(Unit);

  // Each TU gets its own physical file system object: it keeps its own
  // working directory, so threads never race on the process's cwd.
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  if (Unit.Mode == InputMode::BundledHeaders)
    Overlay->pushOverlay(bundledHeadersFS());
  Overlay->setCurrentWorkingDirectory(Unit.Directory);
  auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(
      clang::FileSystemOptions(), Overlay);

  std::string ErrorText;
  llvm::raw_string_ostream ErrorStream(ErrorText);
  auto DiagOpts = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
  CompilerErrorCollector Printer(ErrorStream, DiagOpts.get());
  QuietToolAction Action(Options, Result);
  clang::tooling::ToolInvocation Invocation(
      Args, &Action, Files.get(),
      std::make_shared<clang::PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Printer);
  Invocation.setDiagnosticOptions(DiagOpts.get());
  bool Ok = Invocation.run();
  if (!Ok || Printer.getNumErrors() > 0) {
    Result.Failed = true;
    Result.FailureDetails = ErrorStream.str();
    Result.Findings.clear();
  }
  Result.Seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - Start)
                       .count();
  return Result;
}

UnitFailure UnitResult::failure(llvm::StringRef Path) const {
  if (FailureReason.empty())
    return {Path.str(), "could not be parsed", FailureDetails, true};
  return {Path.str(), FailureReason, FailureDetails, false};
}

llvm::json::Value toJSON(const IncompleteFunction &I) {
  return llvm::json::Object{{"function", I.Function},
                            {"where", I.Where},
                            {"dropped_paths", I.DroppedPaths},
                            {"out_of_budget", I.OutOfBudget},
                            {"too_large", I.TooLarge}};
}

bool fromJSON(const llvm::json::Value &V, IncompleteFunction &I,
              llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("function", I.Function) && O.map("where", I.Where) &&
         mapUnsigned(O, "dropped_paths", I.DroppedPaths) &&
         O.map("out_of_budget", I.OutOfBudget) &&
         O.map("too_large", I.TooLarge);
}

llvm::json::Value toJSON(const UnitResult &R) {
  return llvm::json::Object{{"file", R.File},
                            {"mode", static_cast<int>(R.Mode)},
                            {"failed", R.Failed},
                            {"failure_reason", R.FailureReason},
                            {"failure_details", R.FailureDetails},
                            {"kernel_version", R.KernelVersion},
                            {"dropped_flags", R.DroppedFlags},
                            {"findings", R.Findings},
                            {"incomplete", R.Incomplete},
                            {"suppressed", R.Suppressed},
                            {"seconds", R.Seconds}};
}

bool fromJSON(const llvm::json::Value &V, UnitResult &R, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  int Mode = 0;
  if (!O || !O.map("file", R.File) || !O.map("mode", Mode) ||
      !O.map("failed", R.Failed) || !O.map("failure_reason", R.FailureReason) ||
      !O.map("failure_details", R.FailureDetails) ||
      !mapUnsigned(O, "kernel_version", R.KernelVersion) ||
      !O.map("dropped_flags", R.DroppedFlags) ||
      !O.map("findings", R.Findings) || !O.map("incomplete", R.Incomplete) ||
      !mapUnsigned(O, "suppressed", R.Suppressed) || !O.map("seconds", R.Seconds))
    return false;
  if (Mode < 0 || Mode > static_cast<int>(InputMode::BundledHeaders)) {
    Path.field("mode").report("unknown input mode");
    return false;
  }
  R.Mode = static_cast<InputMode>(Mode);
  return true;
}

std::vector<UnitResult>
analyzeUnits(const std::vector<AnalysisUnit> &Units,
             const std::vector<AnalysisOptions> &Options, unsigned Jobs,
             std::function<void(const UnitResult &)> OnDone) {
  assert(Options.size() == Units.size() && "one AnalysisOptions per unit");
  std::vector<UnitResult> Results(Units.size());
  std::mutex DoneLock;
  auto Analyze = [&](size_t I) {
    Results[I] = analyzeUnit(Units[I], Options[I]);
    if (OnDone) {
      std::lock_guard<std::mutex> Guard(DoneLock);
      OnDone(Results[I]);
    }
  };
  if (Units.size() <= 1 || Jobs == 1) {
    for (size_t I = 0; I < Units.size(); ++I)
      Analyze(I);
    return Results;
  }
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (size_t I = 0; I < Units.size(); ++I)
    Pool.async([&, I] { Analyze(I); });
  Pool.wait();
  return Results;
}

} // namespace kmodlint
