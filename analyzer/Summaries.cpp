//===- Summaries.cpp - What a same-TU function does to its arguments ------===//
#include "analyzer/Summaries.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include <map>
#include <set>

namespace kmodlint {

namespace {

class ReassignmentFinder
    : public clang::RecursiveASTVisitor<ReassignmentFinder> {
public:
  llvm::DenseSet<const clang::ParmVarDecl *> Found;

  void mark(const clang::Expr *E) {
    if (const auto *DRE =
            llvm::dyn_cast<clang::DeclRefExpr>(E->IgnoreParenCasts()))
      if (const auto *P = llvm::dyn_cast<clang::ParmVarDecl>(DRE->getDecl()))
        Found.insert(P);
  }
  bool VisitBinaryOperator(clang::BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      mark(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(clang::UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp() || UO->getOpcode() == clang::UO_AddrOf)
      mark(UO->getSubExpr());
    return true;
  }
};

using ReleaseKey = std::pair<AccessPath, std::string>;

/// Collects, over every path that returns, the parameter objects released
/// on all of them and the allocation families returned.
class SummaryBuilder : public EngineListener {
public:
  SummaryBuilder(const clang::FunctionDecl *FD) : Reassigned(reassignedParameters(FD)) {}

  void onRelease(const ReleaseEvent &Event, const PathState &) override {
    const TrackedObject &Obj = *Event.Object;
    if (!Obj.FirstPath || !Obj.FirstPath->isParameter() ||
        Reassigned.contains(Obj.FirstPath->parameter()))
      return;
    ReleaseKey Key{*Obj.FirstPath, Event.Release->Name};
    Releases.try_emplace(Key, std::make_pair(Event.Release,
                                             Event.ViaHelper.empty()
                                                 ? Event.Call->getBeginLoc()
                                                 : Event.HelperReleaseLoc));
  }

  void onExit(const PathState &S) override {
    // Releases seen on any path, kept when this path's object is released
    // too: the summary promises only what every returning path does.
    std::set<ReleaseKey> Normalized;
    for (const auto &[Key, Info] : Releases)
      for (const auto &[Id, Obj] : S.Objects)
        if (Obj.Status == ObjectStatus::Released && Obj.FirstPath &&
            *Obj.FirstPath == Key.first)
          Normalized.insert(Key);
    if (FirstExit) {
      AlwaysReleased = Normalized;
      FirstExit = false;
    } else {
      std::set<ReleaseKey> Both;
      for (const ReleaseKey &K : AlwaysReleased)
        if (Normalized.count(K))
          Both.insert(K);
      AlwaysReleased = std::move(Both);
    }

    const Value &R = S.Returned;
    if (R.isInt() && (R.Int.Known == IntKnowledge::Zero ||
                      R.Int.Known == IntKnowledge::Negative ||
                      R.Int.Known == IntKnowledge::NonZero))
      return; // NULL or an error value
    auto It = R.isObject() ? S.Objects.find(R.Object) : S.Objects.end();
    if (It == S.Objects.end() || It->second.Status != ObjectStatus::Held ||
        !It->second.Family || It->second.FirstPath) {
      ReturnsOther = true;
      return;
    }
    const TrackedObject &Obj = It->second;
    if (Returned && Returned->Family != Obj.Family)
      ReturnsOther = true;
    if (!Returned)
      Returned = Obj;
    if (Obj.MaybeError)
      Failure = FailureValue::ErrPtr;
  }

  FunctionSummary build() const {
    FunctionSummary Summary;
    for (const ReleaseKey &K : AlwaysReleased) {
      auto It = Releases.find(K);
      ParamRelease R;
      R.Param = K.first.parameter()->getFunctionScopeIndex();
      R.Fields = K.first.Fields;
      R.Release = It->second.first;
      R.Loc = It->second.second;
      Summary.Releases.push_back(R);
    }
    if (Returned && !ReturnsOther) {
      Summary.ReturnedFamily = Returned->Family;
      Summary.ReturnedAcquiredBy = Returned->AcquiredBy;
      Summary.ReturnedAcquireLoc = Returned->AcquireLoc;
      Summary.ReturnedFailure = Failure;
    }
    return Summary;
  }

private:
  llvm::DenseSet<const clang::ParmVarDecl *> Reassigned;
  std::map<ReleaseKey, std::pair<const ReleaseFunction *, clang::SourceLocation>>
      Releases;
  std::set<ReleaseKey> AlwaysReleased;
  bool FirstExit = true;
  std::optional<TrackedObject> Returned;
  bool ReturnsOther = false;
  FailureValue Failure = FailureValue::Null;
};

} // namespace

llvm::DenseSet<const clang::ParmVarDecl *>
reassignedParameters(const clang::FunctionDecl *FD) {
  ReassignmentFinder Finder;
  if (FD->hasBody())
    Finder.TraverseStmt(FD->getBody());
  return std::move(Finder.Found);
}

const FunctionSummary *Summaries::get(const clang::FunctionDecl *FD) {
  const clang::FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def) || !Def)
    return nullptr;
  if (auto It = Cache.find(Def); It != Cache.end())
    return It->second.get();
  if (!InProgress.insert(Def).second)
    return nullptr; // recursion: no summary inside its own cycle
  SummaryBuilder Builder(Def);
  PathEngine Engine(TU, Builder);
  bool Complete = Engine.run(Def);
  InProgress.erase(Def);
  auto Summary = std::make_unique<FunctionSummary>(Builder.build());
  if (!Complete)
    Summary->Releases.clear(); // a partial walk proves no "always"
  return (Cache[Def] = std::move(Summary)).get();
}

} // namespace kmodlint
