//===- Summaries.cpp - What a same-TU function does to its arguments ------===//
#include "analyzer/engine/Summaries.h"
#include "analyzer/engine/StoredFamilies.h"

#include "clang/Basic/Stack.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <map>
#include <set>

namespace kmodlint {

std::string recordName(const clang::RecordDecl *Record) {
  return clang::QualType(Record->getTypeForDecl(), 0).getAsString();
}

FieldName fieldName(const clang::FieldDecl *Field) {
  FieldName Name;
  Name.Record = recordName(Field->getParent());
  Name.Field = Field->getIdentifier()
                   ? Field->getName().str()
                   : "#" + std::to_string(Field->getFieldIndex());
  return Name;
}

llvm::SmallVector<FieldName, 2>
fieldNames(llvm::ArrayRef<const clang::FieldDecl *> Fields) {
  llvm::SmallVector<FieldName, 2> Names;
  for (const clang::FieldDecl *F : Fields)
    Names.push_back(fieldName(F));
  return Names;
}

std::string ReleasedLocation::key() const {
  std::string Key = std::to_string(Kind) + ":" + std::to_string(Param) + ":" +
                    Root + ":" + (Family ? Family->Name : std::string());
  for (const FieldName &F : Fields)
    Key += "." + F.Field;
  if (ContainerMember)
    Key += ":container-of:" + ContainerMember->Field;
  return Key;
}

std::string CallerHoldExit::key() const {
  std::string Key = std::to_string(Kind) + ":" + std::to_string(Param) + ":" +
                    Root + ":" + Class;
  for (const FieldName &F : Fields)
    Key += "." + F.Field;
  return Key;
}

llvm::SmallVector<FieldName, 2>
Summaries::nameFields(llvm::ArrayRef<const clang::FieldDecl *> Fields) {
  llvm::SmallVector<FieldName, 2> Names = fieldNames(Fields);
  for (size_t I = 0; I < Fields.size(); ++I)
    FieldsByName.try_emplace(Names[I].str(), Fields[I]);
  return Names;
}

std::string Summaries::nameGlobal(const clang::VarDecl *Global) {
  std::string Name = Global->getName().str();
  GlobalsByName.try_emplace(Name, Global);
  return Name;
}

const clang::FieldDecl *Summaries::field(const FieldName &Name) const {
  auto It = FieldsByName.find(Name.str());
  return It == FieldsByName.end() ? nullptr : It->second;
}

std::optional<llvm::SmallVector<const clang::FieldDecl *, 2>>
Summaries::fields(llvm::ArrayRef<FieldName> Names) const {
  llvm::SmallVector<const clang::FieldDecl *, 2> Decls;
  for (const FieldName &N : Names) {
    const clang::FieldDecl *F = field(N);
    if (!F)
      return std::nullopt;
    Decls.push_back(F);
  }
  return Decls;
}

std::optional<AccessPath>
Summaries::globalPath(const ReleasedLocation &R) const {
  auto It = GlobalsByName.find(R.Root);
  auto Fields = fields(R.Fields);
  if (It == GlobalsByName.end() || !Fields)
    return std::nullopt;
  AccessPath P;
  P.Root = It->second;
  P.Fields = *Fields;
  return P;
}

namespace {

class ReassignmentFinder
    : public clang::RecursiveASTVisitor<ReassignmentFinder> {
public:
  explicit ReassignmentFinder(const ApiModel &Model) : Model(Model) {}
  const ApiModel &Model;
  /// Parameters and locals written after their declaration.
  llvm::DenseSet<const clang::VarDecl *> Found;
  bool WritesThroughParameters = false;

  void mark(const clang::Expr *E) {
    if (const auto *DRE =
            llvm::dyn_cast<clang::DeclRefExpr>(E->IgnoreParenCasts()))
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(DRE->getDecl());
          V && V->hasLocalStorage())
        Found.insert(V);
  }
  bool VisitBinaryOperator(clang::BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    mark(BO->getLHS());
    if (auto Path = AccessPath::of(BO->getLHS());
        Path && Path->isParameter() && !Path->Fields.empty())
      WritesThroughParameters = true;
    return true;
  }
  bool VisitUnaryOperator(clang::UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp() || UO->getOpcode() == clang::UO_AddrOf)
      mark(UO->getSubExpr());
    return true;
  }
  bool VisitCallExpr(clang::CallExpr *Call) {
    // A callee given a parameter may write through it, unless the model
    // knows it (kfree(p->buf) does not rewrite p).
    llvm::StringRef Name = PathEngine::calleeName(Call);
    if (Model.findAcquire(Name) || Model.findRelease(Name) ||
        Model.isBorrowingCall(Name) || Model.conditionKind(Name) ||
        Model.isDrvdataGetter(Name))
      return true;
    for (const clang::Expr *Arg : Call->arguments())
      if (auto Path = AccessPath::ofAddressOrValue(Arg);
          Path && Path->isParameter())
        WritesThroughParameters = true;
    return true;
  }
};

/// Collects, over every path that returns, what is released on all of them
/// and on any of them, the families returned and the parameters kept.
class SummaryBuilder : public EngineListener {
public:
  SummaryBuilder(const clang::FunctionDecl *FD, const ApiModel &Model,
                 const clang::SourceManager &SM, Summaries &Names)
      : SM(SM), Names(Names), Function(FD),
        ReturnsPointer(FD->getReturnType()->isPointerType()) {
    ReassignmentFinder Finder(Model);
    if (FD->hasBody())
      Finder.TraverseStmt(FD->getBody());
    Reassigned = std::move(Finder.Found);
    WritesThroughParameters = Finder.WritesThroughParameters;
  }

  /// `struct pci_dev *pdev = solo_dev->pdev;`, never written again: what
  /// the local reaches is what that parameter's field reaches
  /// (free_solo_dev()'s pci_disable_device(pdev)).
  AccessPath throughInitializer(const AccessPath &P) const {
    const auto *Var = llvm::dyn_cast<clang::VarDecl>(P.Root);
    if (!Var || llvm::isa<clang::ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
        !Var->getInit() || Reassigned.contains(Var))
      return P;
    auto Init = AccessPath::of(Var->getInit()->IgnoreParenImpCasts());
    if (!Init || !Init->parameter() || Reassigned.contains(Init->parameter()))
      return P;
    Init->Fields.append(P.Fields.begin(), P.Fields.end());
    return *Init;
  }

  /// Where \p Obj lives as the caller or a teardown sees it: through a
  /// parameter or a global (which callers can apply), and for lifecycle
  /// pairing also as a field of a struct type (priv->buf of any
  /// struct foo_priv, however the teardown reached it).
  std::vector<ReleasedLocation> locate(const TrackedObject &Obj) const {
    std::vector<ReleasedLocation> Found;
    ReleasedLocation L;
    if (!Obj.DrvdataRoot.empty()) {
      L.Kind = ReleasedLocation::Drvdata;
      L.Root = Obj.DrvdataRoot;
      Found.push_back(L);
      return Found;
    }
    if (!Obj.FirstPath) {
      if (!Obj.acquiredHere() && Obj.Family) {
        L.Kind = ReleasedLocation::FamilyWide;
        L.Family = Obj.Family;
        Found.push_back(L);
      }
      return Found;
    }
    const AccessPath &Named = *Obj.FirstPath;
    const AccessPath P = throughInitializer(Named);
    L.Fields = Names.nameFields(P.Fields);
    // pci_release_regions(mgr->pci) and pci_disable_device(mgr->pci): one
    // key, two resources, told apart by family.
    if (Obj.Family && llvm::any_of(Obj.Family->Releases,
                                   [](const ReleaseFunction &R) {
                                     return R.ByKeyOnly;
                                   }))
      L.Family = Obj.Family;
    if (Obj.ContainerMember) // only ever of a parameter
      L.ContainerMember = Names.nameFields({Obj.ContainerMember}).front();
    if (const clang::ParmVarDecl *Param = P.parameter()) {
      // The entry value itself is the caller's argument even where the
      // parameter is reassigned later (`while (pl) { next = pl->next;
      // free(pl); pl = next; }`).
      bool EntryValue = Obj.IsParameter && P.Fields.empty();
      if (!Reassigned.contains(Param) || EntryValue) {
        L.Kind = ReleasedLocation::Parameter;
        L.Param = Param->getFunctionScopeIndex();
        Found.push_back(L);
      }
    } else if (P.isGlobal()) {
      L.Kind = ReleasedLocation::Global;
      L.Root = Names.nameGlobal(llvm::cast<clang::VarDecl>(P.Root));
      Found.push_back(L);
    }
    // Lifecycle pairing by the type released: the struct the pointer
    // points to, or for container_of(param, T, m) T itself
    // (kref_put(&d->kref, d_delete)). The name the function used says it
    // (`state = fe->demodulator_priv; kfree(state)` frees a struct
    // stv090x_state).
    ReleasedLocation ByType;
    ByType.Kind = ReleasedLocation::Drvdata;
    ByType.Family = L.Family;
    if (!Obj.ContainerMember && !Named.isGlobal()) {
      if (const clang::RecordDecl *Record =
              StoredFamilies::drvdataKey(Named.Root->getType())) {
        ByType.Root = recordName(Record);
        ByType.Fields = Names.nameFields(Named.Fields);
      }
    } else if (Obj.ContainerMember && Named.Fields.empty()) {
      ByType.Root = recordName(Obj.ContainerMember->getParent());
    }
    if (!ByType.Root.empty())
      Found.push_back(ByType);
    return Found;
  }

  void onRelease(const ReleaseEvent &Event, const PathState &) override {
    for (ReleasedLocation L : locate(*Event.Object)) {
      auto [It, New] = Seen.try_emplace(L.key(), L);
      if (!New)
        continue; // the first release seen is the one a note shows
      It->second.Release = Event.Release;
      It->second.Loc = Event.ViaHelper.empty() ? pointIfValid(SM, Event.Loc)
                                               : Event.HelperReleaseLoc;
    }
  }

  void onSleep(const SleepEvent &Event, const PathState &S) override {
    if (!S.Atomic.empty())
      return; // sleeping under its own lock is reported where it happens
    if (S.LeftCallerAtomic)
      return; // it dropped the caller's lock first: not the caller's context
    // Lazy initialization (`if (!dev->absinfo) dev->absinfo = kcalloc(...,
    // GFP_KERNEL)`, input_alloc_absinfo()): it sleeps only while a field
    // of the caller's object is still unset, which callers in atomic
    // context have almost always set before. Not claimed for them.
    if (S.AssumedParameterFieldNull)
      return;
    // It tested its context and took the branch for callers outside atomic
    // context: callers inside one take the other.
    if (S.AssumedOutsideAtomic)
      return;
    SleepWitness W;
    W.Reason = Event.Reason;
    W.UnlessInInterrupt = Event.UnlessInInterrupt;
    W.WaitConflicts = Event.WaitConflicts;
    W.OnlyIfParams = parameterConditions(S);
    W.Chain.push_back({Event.Callee, pointOf(SM, Event.Call->getBeginLoc())});
    W.Chain.insert(W.Chain.end(), Event.Chain.begin(), Event.Chain.end());
    constexpr size_t MaxChain = 6;
    if (W.Chain.size() > MaxChain)
      W.Chain.resize(MaxChain);
    if (Event.IfParameterBlocks) {
      SleepsIfParam.try_emplace(*Event.IfParameterBlocks, std::move(W));
      return;
    }
    // One witness stands for every sleeping path: its parameter
    // conditions must hold on all of them, or it claims none.
    std::map<unsigned, IntKnowledge> Common = W.OnlyIfParams;
    if (Sleeps) {
      Common.clear();
      for (const auto &[Param, Known] : Sleeps->OnlyIfParams)
        if (auto It = W.OnlyIfParams.find(Param); It != W.OnlyIfParams.end())
          Common[Param] = IntKnowledge(unsigned(Known) | unsigned(It->second));
    }
    if (!Sleeps || (Sleeps->UnlessInInterrupt && !W.UnlessInInterrupt) ||
        (Sleeps->WaitConflicts && !W.WaitConflicts))
      Sleeps = std::move(W); // prefer a witness that sleeps in any context
    Sleeps->OnlyIfParams = std::move(Common);
  }

  /// \p Lock (an unlock's argument, none for rcu_read_unlock()) as its
  /// callers name it.
  CallerHoldExit nameHoldExit(const std::optional<AccessPath> &Lock) {
    CallerHoldExit Exit;
    if (!Lock)
      return Exit;
    const clang::ParmVarDecl *Param = Lock->parameter();
    if (Param && !Reassigned.contains(Param)) {
      Exit.Kind = CallerHoldExit::Parameter;
      Exit.Param = Param->getFunctionScopeIndex();
    } else if (Lock->isGlobal()) {
      Exit.Kind = CallerHoldExit::Global;
      Exit.Root = Names.nameGlobal(llvm::cast<clang::VarDecl>(Lock->Root));
    } else {
      Exit.Kind = CallerHoldExit::Elsewhere;
      Exit.Class = lockClass(*Lock).value_or("");
      return Exit;
    }
    Exit.Fields = Names.nameFields(Lock->Fields);
    return Exit;
  }

  /// The caller's holds every returning path so far has ended.
  void noteHoldExits(const PathState &S) {
    std::map<std::string, CallerHoldExit> Here;
    for (const std::optional<AccessPath> &Lock : S.CallerHoldsLeft) {
      CallerHoldExit Exit = nameHoldExit(Lock);
      Here.try_emplace(Exit.key(), std::move(Exit));
    }
    if (FirstExit) {
      HoldExits = std::move(Here);
      return;
    }
    for (auto It = HoldExits.begin(); It != HoldExits.end();)
      It = Here.count(It->first) ? std::next(It) : HoldExits.erase(It);
  }

  /// Whether every returning path so far returned the same integer.
  void noteReturnedConstant(const Value &R) {
    if (!R.isInt() || !R.Int.Constant)
      ReturnsVarying = true;
    else if (!ReturnedConstant)
      ReturnedConstant = R.Int.Constant;
    else if (*ReturnedConstant != *R.Int.Constant)
      ReturnsVarying = true;
  }

  void onExit(const PathState &S) override {
    noteHoldExits(S);
    noteReturnedConstant(S.Returned);
    std::set<std::string> Here;
    for (const auto &[Id, Obj] : S.Objects) {
      if (Obj.Status == ObjectStatus::Released)
        for (const ReleasedLocation &L : locate(Obj))
          Here.insert(L.key());
      if (Obj.IsParameter && Obj.escaped() && Obj.FirstPath)
        if (const clang::ParmVarDecl *P = Obj.FirstPath->parameter())
          (!Obj.isStored() ? Passed : Stored)
              .insert(P->getFunctionScopeIndex());
    }
    if (FirstExit) {
      AlwaysReleased = Here;
      FirstExit = false;
    } else {
      std::set<std::string> Both;
      for (const std::string &K : AlwaysReleased)
        if (Here.count(K))
          Both.insert(K);
      AlwaysReleased = std::move(Both);
    }

    const Value &R = S.Returned;
    if (R.isInt() && (isSubset(R.Int.Known, IntKnowledge::NonPositive) ||
                      R.Int.Known == IntKnowledge::NonZero)) {
      // `return ERR_PTR(-ENOMEM);` after kzalloc() failed: the helper's
      // callers test IS_ERR(), not NULL.
      if (R.Int.Known != IntKnowledge::Zero && ReturnsPointer)
        ReturnsErrorPointer = true;
      return; // NULL or an error value
    }
    auto It = R.isObject() ? S.Objects.find(R.Object) : S.Objects.end();
    if (It != S.Objects.end() && It->second.IsParameter &&
        It->second.FirstPath && It->second.FirstPath->parameter()) {
      unsigned Index = It->second.FirstPath->parameter()->getFunctionScopeIndex();
      if (ReturnedParam && *ReturnedParam != Index)
        ReturnsOther = true;
      ReturnedParam = Index;
      return;
    }
    // Only a fresh allocation makes the helper an allocator: one already
    // linked into a list or table (list_add(), xa_alloc()) is not the
    // caller's to free.
    if (It == S.Objects.end() || It->second.Status != ObjectStatus::Held ||
        !It->second.Family || !It->second.acquiredHere() ||
        It->second.isStored()) {
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
    for (const auto &[Key, L] : Seen) {
      Summary.MayReleases.push_back(L);
      if (AlwaysReleased.count(Key) && L.Kind != ReleasedLocation::Drvdata)
        Summary.Releases.push_back(L);
    }
    Summary.StoresParams.assign(Stored.begin(), Stored.end());
    Summary.PassesParams.assign(Passed.begin(), Passed.end());
    Summary.WritesThroughParameters = WritesThroughParameters;
    Summary.Sleeps = Sleeps;
    Summary.SleepsIfParameterBlocks = SleepsIfParam;
    if (ReturnedParam && !Returned && !ReturnsOther)
      Summary.ReturnsParameter = ReturnedParam;
    if (ReturnedConstant && !ReturnsVarying)
      Summary.ReturnsConstant = ReturnedConstant;
    for (const auto &[Key, Exit] : HoldExits)
      Summary.LeavesCallerHolds.push_back(Exit);
    if (Returned && !ReturnsOther && !ReturnedParam) {
      Summary.ReturnedFamily = Returned->Family;
      Summary.ReturnedAcquiredBy = Returned->AcquiredBy;
      Summary.ReturnedAcquireLoc = pointOf(SM, Returned->AcquireLoc);
      Summary.ReturnedFailure =
          ReturnsErrorPointer ? FailureValue::ErrPtr : Failure;
    }
    return Summary;
  }

private:
  const clang::SourceManager &SM;
  Summaries &Names;
  llvm::DenseSet<const clang::VarDecl *> Reassigned;
  bool WritesThroughParameters = true;
  std::map<std::string, ReleasedLocation> Seen;
  std::set<std::string> AlwaysReleased;
  std::set<unsigned> Stored, Passed;
  bool FirstExit = true;
  std::map<std::string, CallerHoldExit> HoldExits;
  std::optional<int64_t> ReturnedConstant;
  bool ReturnsVarying = false;
  std::optional<TrackedObject> Returned;
  std::optional<unsigned> ReturnedParam;
  bool ReturnsOther = false;
  FailureValue Failure = FailureValue::Null;
  bool ReturnsPointer = false;
  bool ReturnsErrorPointer = false;
  const clang::FunctionDecl *Function;

  /// What the path knows about the function's own integer parameters
  /// (never reassigned in its body, so the binding is the caller's value).
  std::map<unsigned, IntKnowledge> parameterConditions(const PathState &S) const {
    std::map<unsigned, IntKnowledge> Known;
    for (const clang::ParmVarDecl *Param : Function->parameters()) {
      if (!Param->getType()->isIntegralOrEnumerationType() ||
          Reassigned.contains(Param))
        continue;
      AccessPath P;
      P.Root = Param;
      Value V = S.lookup(P);
      if (V.isInt() && V.Int.Known != IntKnowledge::Unknown)
        Known[Param->getFunctionScopeIndex()] = V.Int.Known;
    }
    return Known;
  }
  std::optional<SleepWitness> Sleeps;
  std::map<unsigned, SleepWitness> SleepsIfParam;
};

/// Functions a body calls or hands on as callbacks (kref_put(&d->kref,
/// foo_delete) releases in foo_delete).
class CalleeCollector : public clang::RecursiveASTVisitor<CalleeCollector> {
public:
  std::vector<const clang::FunctionDecl *> Callees;
  bool VisitDeclRefExpr(clang::DeclRefExpr *Ref) {
    if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(Ref->getDecl()))
      if (const clang::FunctionDecl *Def = FD->getDefinition())
        Callees.push_back(Def);
    return true;
  }
};

} // namespace

const FunctionSummary *Summaries::get(const clang::FunctionDecl *FD) {
  const clang::FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def) || !Def)
    return nullptr;
  if (auto It = Cache.find(Def); It != Cache.end())
    return It->second.get();
  if (!InProgress.insert(Def).second)
    return nullptr; // recursion: no summary inside its own cycle
  SummaryBuilder Builder(Def, TU.Model, TU.AST.getSourceManager(), *this);
  PathEngine Engine(TU, Builder);
  Engine.ForSummary = true;
  bool Complete = false;
  // Summaries nest (get -> run -> get for each callee): generated code
  // with thousands of helpers each calling the next would overflow the
  // stack, so continue on a fresh one when this one runs low, as clang's
  // Sema does for deep template instantiation.
  clang::runWithSufficientStackSpace([] {},
                                     [&] { Complete = Engine.run(Def); });
  InProgress.erase(Def);
  auto Summary = std::make_unique<FunctionSummary>(Builder.build());
  Summary->Function = Def->getNameAsString();
  if (!Complete) { // a partial walk proves no "always"
    Summary->Releases.clear();
    Summary->ReturnsConstant.reset();
    Summary->LeavesCallerHolds.clear();
  }
  return (Cache[Def] = std::move(Summary)).get();
}

std::vector<ReleasedLocation>
Summaries::mayReleaseTransitively(const clang::FunctionDecl *FD) {
  constexpr unsigned MaxDepth = 3, MaxFunctions = 64;
  std::vector<ReleasedLocation> All;
  llvm::DenseSet<const clang::FunctionDecl *> Visited;
  std::vector<std::pair<const clang::FunctionDecl *, unsigned>> Todo{{FD, 0}};
  while (!Todo.empty() && Visited.size() < MaxFunctions) {
    auto [F, Depth] = Todo.back();
    Todo.pop_back();
    if (!F || !Visited.insert(F).second)
      continue;
    if (const FunctionSummary *S = get(F))
      All.insert(All.end(), S->MayReleases.begin(), S->MayReleases.end());
    if (Depth >= MaxDepth || !F->hasBody())
      continue;
    CalleeCollector Callees;
    Callees.TraverseStmt(F->getBody());
    for (const clang::FunctionDecl *Callee : Callees.Callees)
      Todo.push_back({Callee, Depth + 1});
  }
  return All;
}

} // namespace kmodlint
