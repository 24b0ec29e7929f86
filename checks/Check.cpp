//===- Check.cpp - What checks share: their context and the dispatcher ----===//
#include "checks/Check.h"

#include "clang/Lex/Lexer.h"
#include "llvm/Support/FormatVariadic.h"

namespace kmodlint {

Check::~Check() = default;

SourcePoint CheckContext::point(clang::SourceLocation Loc) const {
  return pointOf(TU.AST.getSourceManager(), Loc);
}

std::vector<PathNote>
CheckContext::objectHistory(const TrackedObject &Obj,
                            const PathState &State) const {
  std::vector<PathNote> Notes;
  if (Obj.AcquireLoc.isValid() && !Obj.FirstPath)
    // A registration or an enabling (a status-returning acquirer) is not
    // an allocation: "acquired by register_reboot_notifier()".
    Notes.push_back(
        {point(Obj.AcquireLoc),
         llvm::formatv("{0} by {1}()",
                       Obj.Acquirer && Obj.Acquirer->Returns != AcquireResult::Pointer
                           ? "acquired"
                           : "allocated",
                       Obj.AcquiredBy)});
  if (!Obj.FamilyEvidence.empty() && Obj.FamilyEvidenceLoc)
    Notes.push_back({*Obj.FamilyEvidenceLoc, Obj.FamilyEvidence});
  // The last few assumptions since the object appeared tell the path.
  constexpr size_t MaxAssumptions = 6;
  size_t Begin = std::min<size_t>(Obj.NoteMark, State.Notes.size());
  if (State.Notes.size() - Begin > MaxAssumptions)
    Begin = State.Notes.size() - MaxAssumptions;
  for (size_t I = Begin; I < State.Notes.size(); ++I)
    Notes.push_back({point(State.Notes[I].Loc), State.Notes[I].Message});
  return Notes;
}

std::vector<ReleasedLocation>
CheckContext::teardownReleases(const LifecyclePair &Pair) const {
  std::vector<ReleasedLocation> All;
  if (!TU.FunctionSummaries)
    return All;
  for (const clang::FunctionDecl *Teardown : Pair.Teardowns) {
    auto More = TU.FunctionSummaries->mayReleaseTransitively(Teardown);
    All.insert(All.end(), More.begin(), More.end());
  }
  return All;
}

std::string CheckContext::functionName() const {
  return Function ? Function->getNameAsString() : std::string();
}

llvm::StringRef CheckContext::tokenAt(clang::SourceLocation Loc) const {
  const clang::SourceManager &SM = TU.AST.getSourceManager();
  if (Loc.isInvalid() || Loc.isMacroID())
    return {};
  unsigned Length = clang::Lexer::MeasureTokenLength(Loc, SM, TU.AST.getLangOpts());
  bool Invalid = false;
  const char *Data = SM.getCharacterData(Loc, &Invalid);
  return Invalid ? llvm::StringRef() : llvm::StringRef(Data, Length);
}

std::optional<TextEdit> CheckContext::renameToken(clang::SourceLocation Loc,
                                                  llvm::StringRef Name) const {
  llvm::StringRef Old = tokenAt(Loc);
  if (Old.empty())
    return std::nullopt;
  const clang::SourceManager &SM = TU.AST.getSourceManager();
  return TextEdit{SM.getFilename(Loc).str(), SM.getFileOffset(Loc),
                  unsigned(Old.size()), Name.str()};
}

void CheckContext::report(Finding F) {
  if (F.Function.empty())
    F.Function = functionName();
  Sink.push_back(std::move(F));
}

void CheckDispatcher::onRelease(const ReleaseEvent &E, const PathState &S) {
  for (Check *C : Checks)
    C->onRelease(E, S, Context);
}

void CheckDispatcher::onUse(const UseEvent &E, const PathState &S) {
  for (Check *C : Checks)
    C->onUse(E, S, Context);
}

void CheckDispatcher::onLost(const LostEvent &E, const PathState &S) {
  for (Check *C : Checks)
    C->onLost(E, S, Context);
}

void CheckDispatcher::onSleep(const SleepEvent &E, const PathState &S) {
  for (Check *C : Checks)
    C->onSleep(E, S, Context);
}

void CheckDispatcher::onAllocation(const AllocationEvent &E,
                                   const PathState &S) {
  for (Check *C : Checks)
    C->onAllocation(E, S, Context);
}

void CheckDispatcher::onExit(const PathState &S) {
  for (Check *C : Checks)
    C->onExit(S, Context);
}

} // namespace kmodlint
