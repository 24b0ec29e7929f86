//===- EngineCalls.cpp - What calls do to tracked objects -----------------===//
//
// Acquisitions and releases from the API model, summaries of same-TU
// helpers, and the conservative default for everything else: a callee given
// a pointer may keep it (the object escapes) or rewrite what it points to.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/PathEngine.h"
#include "analyzer/engine/StoredFamilies.h"
#include "analyzer/engine/Summaries.h"

#include "clang/AST/Attr.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FormatVariadic.h"

namespace kmodlint {

/// The name the user wrote for a call: in 6.10+ `kvzalloc(...)` is a macro
/// over kvmalloc(), kvmalloc_node(), kvmalloc_node_noprof() and finally
/// __kvmalloc_node_noprof(); the outermost macro the model knows is the
/// one in the source.
std::string PathEngine::spelledCallee(const clang::CallExpr *Call,
                                      const clang::ASTContext &AST,
                                      const ApiModel &Model) {
  std::string Name = Model.canonicalName(PathEngine::calleeName(Call)).str();
  for (llvm::StringRef Macro : macrosExpandedAt(Call->getBeginLoc(), AST))
    if (Model.findAcquire(Macro) || Model.findRelease(Macro))
      Name = Macro.str();
  return Name;
}

/// Every assignment to (or initialization of) \p Var in \p Body.
static void assignmentsTo(const clang::VarDecl *Var, const clang::Stmt *Body,
                          llvm::SmallVectorImpl<const clang::Expr *> &Out) {
  if (!Body)
    return;
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(Body);
      BO && BO->isAssignmentOp())
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(
            BO->getLHS()->IgnoreParenImpCasts());
        Ref && Ref->getDecl() == Var)
      Out.push_back(BO->getRHS());
  if (const auto *Decl = llvm::dyn_cast<clang::DeclStmt>(Body))
    for (const clang::Decl *D : Decl->decls())
      if (D == Var && Var->getInit())
        Out.push_back(Var->getInit());
  for (const clang::Stmt *Child : Body->children())
    assignmentsTo(Var, Child, Out);
}

std::optional<AccessPath>
PathEngine::addressAssignedOnce(const clang::Expr *Key) {
  const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Key->IgnoreParenImpCasts());
  const auto *Var = Ref ? llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl() || !Var->getType()->isPointerType() ||
      !Function)
    return std::nullopt;
  // acquire() runs once per path: walk the body once per variable.
  auto [It, New] = AddressAliases.try_emplace(Var);
  if (New)
    It->second = onlyAddressAssigned(Var);
  return It->second;
}

std::optional<AccessPath>
PathEngine::onlyAddressAssigned(const clang::VarDecl *Var) const {
  llvm::SmallVector<const clang::Expr *, 2> Assigned;
  assignmentsTo(Var, Function->getBody(), Assigned);
  if (Assigned.size() != 1)
    return std::nullopt;
  const auto *AddrOf =
      llvm::dyn_cast<clang::UnaryOperator>(Assigned[0]->IgnoreParenImpCasts());
  if (!AddrOf || AddrOf->getOpcode() != clang::UO_AddrOf)
    return std::nullopt;
  return AccessPath::of(AddrOf->getSubExpr());
}

/// Collects into \p Out the calls in \p S that are statements of their
/// own (or cast to void): nothing reads what they return.
static void collectDiscardedCalls(const clang::Stmt *S,
                                  llvm::DenseSet<const clang::CallExpr *> &Out) {
  if (!S)
    return;
  auto Statement = [&](const clang::Stmt *Child) {
    const auto *E = llvm::dyn_cast_or_null<clang::Expr>(Child);
    if (!E)
      return;
    E = E->IgnoreParenImpCasts();
    if (const auto *Cast = llvm::dyn_cast<clang::CStyleCastExpr>(E);
        Cast && Cast->getType()->isVoidType())
      E = Cast->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
      Out.insert(Call);
  };
  if (const auto *Block = llvm::dyn_cast<clang::CompoundStmt>(S))
    for (const clang::Stmt *Child : Block->body())
      Statement(Child);
  else if (const auto *Label = llvm::dyn_cast<clang::LabelStmt>(S))
    Statement(Label->getSubStmt());
  else if (const auto *If = llvm::dyn_cast<clang::IfStmt>(S)) {
    Statement(If->getThen());
    Statement(If->getElse());
  } else if (const auto *Case = llvm::dyn_cast<clang::SwitchCase>(S))
    Statement(Case->getSubStmt());
  else if (const auto *Loop = llvm::dyn_cast<clang::ForStmt>(S)) {
    Statement(Loop->getInc());
    Statement(Loop->getBody());
  }
  for (const clang::Stmt *Child : S->children())
    collectDiscardedCalls(Child, Out);
}

bool PathEngine::resultDiscarded(const clang::CallExpr *Call) {
  if (!Function)
    return false;
  if (!DiscardedCalls) {
    DiscardedCalls.emplace();
    collectDiscardedCalls(Function->getBody(), *DiscardedCalls);
  }
  return DiscardedCalls->count(Call);
}

void PathEngine::acquire(PathState &S, const clang::CallExpr *Call,
                         const AcquireFunction &Fn, llvm::StringRef By) {
  if (Fn.ParentArg && *Fn.ParentArg < Call->getNumArgs() &&
      !Call->getArg(*Fn.ParentArg)->IgnoreParenCasts()->isNullPointerConstant(
          TU.AST, clang::Expr::NPC_ValueDependentIsNotNull))
    return; // the parent owns it
  const clang::SourceManager &SM = TU.AST.getSourceManager();
  // Allocations in one macro expansion (6.10+ alloc_hooks() calls the
  // allocator on two branches) are one site.
  clang::SourceLocation Site = SM.getExpansionLoc(Call->getBeginLoc());
  ObjectId Id = objectIdFor("site:" + std::to_string(Site.getRawEncoding()));
  // The same site again (a loop) while the previous object is still around:
  // that one keeps living under a new identity.
  if (S.Objects.count(Id))
    S.renameObject(Id, objectIdFor("moved:" + std::to_string(++Renamed)));
  TrackedObject Obj;
  Obj.Family = Fn.Family;
  Obj.Acquirer = &Fn;
  Obj.AcquiredBy = By.str();
  Obj.AcquireLoc = Site;
  Obj.NoteMark = S.Notes.size();
  if (Fn.KeyArg && *Fn.KeyArg < Call->getNumArgs()) {
    Obj.KeyPath = AccessPath::ofAddressOrValue(Call->getArg(*Fn.KeyArg));
    Obj.KeyAlias = addressAssignedOnce(Call->getArg(*Fn.KeyArg));
    Obj.KeyText = keyText(Call->getArg(*Fn.KeyArg));
  }
  if (Fn.ConsumesArg && *Fn.ConsumesArg < Call->getNumArgs())
    passToCallee(S, Call->getArg(*Fn.ConsumesArg), By);
  if (const AllocFamily *Managed = managedByEarlierKey(S, Obj))
    Obj.Family = Managed;
  if (Fn.Returns == AcquireResult::Pointer) {
    Obj.MaybeNull = Fn.Fails == FailureValue::Null;
    Obj.MaybeError = Fn.Fails == FailureValue::ErrPtr;
    S.Objects[Id] = Obj;
    S.ExprValues[Call] = Value::object(Id);
    return;
  }
  Obj.MaybeNull = false;
  // `register_reboot_notifier(&nb);` with its status ignored: the code
  // goes on as if it succeeded, so its error paths must undo it.
  Obj.Pending = !resultDiscarded(Call);
  S.Objects[Id] = Obj;
  IntFact Status;
  Status.OriginCall = By.str();
  Status.Guards = Id;
  S.ExprValues[Call] = Value::fromFact(Status);
}

std::string PathEngine::keyText(const clang::Expr *Key) const {
  clang::Expr::EvalResult Result;
  if (Key && !Key->isValueDependent() && Key->getType()->isIntegerType() &&
      Key->EvaluateAsInt(Result, TU.AST))
    return "const:" + std::to_string(Result.Val.getInt().getExtValue());
  return {};
}

/// `mgr->pci = pci; ... pci_disable_device(mgr->pci)` (often inside a
/// cleanup helper's summary): two names of one key, the same pointer.
static bool holdSameObject(const PathState &S, const std::optional<AccessPath> &A,
                           const std::optional<AccessPath> &B) {
  if (!A || !B)
    return false;
  Value First = S.lookup(*A), Second = S.lookup(*B);
  return First.isObject() && Second.isObject() && First.Object == Second.Object;
}

/// request_irq(dev->irq, ...) and free_irq(lynx->pci_device->irq, ...)
/// with lynx->pci_device == dev: the same field of the same object.
static bool sameFieldOfSameObject(const PathState &S,
                                  const std::optional<AccessPath> &A,
                                  const std::optional<AccessPath> &B) {
  if (!A || !B || A->Fields.empty() || B->Fields.empty() ||
      A->Fields.back()->getCanonicalDecl() != B->Fields.back()->getCanonicalDecl())
    return false;
  AccessPath BaseA = *A, BaseB = *B;
  BaseA.Fields.pop_back();
  BaseB.Fields.pop_back();
  return holdSameObject(S, BaseA, BaseB);
}

const AllocFamily *PathEngine::managedByEarlierKey(const PathState &S,
                                                  const TrackedObject &Obj) const {
  if (!Obj.Family || Obj.Family->ManagedAfter.empty() || !Obj.KeyPath)
    return nullptr;
  for (const auto &[Id, Held] : S.Objects)
    if (Held.Status == ObjectStatus::Held && Held.Acquirer &&
        Held.Acquirer->Name == Obj.Family->ManagedAfter && Held.Family &&
        Held.Family->Managed &&
        (Held.KeyPath == Obj.KeyPath || holdSameObject(S, Held.KeyPath, Obj.KeyPath)))
      return Held.Family;
  return nullptr;
}

TrackedObject *PathEngine::heldByKey(PathState &S, const ReleaseFunction &Fn,
                                     const std::optional<AccessPath> &Path,
                                     const std::string &KeyText, ObjectId &Id) {
  // The latest acquisition wins: ladders release in reverse order.
  TrackedObject *Found = nullptr;
  for (auto &[ObjId, Obj] : S.Objects) {
    if (Obj.Status != ObjectStatus::Held || !Obj.Family)
      continue;
    bool Releases = llvm::any_of(Obj.Family->Releases,
                                 [&](const ReleaseFunction &R) {
                                   return R.Name == Fn.Name;
                                 });
    if (!Releases)
      continue;
    bool Matches = Fn.FamilyWide ||
                   (Path && (Obj.KeyPath == Path || Obj.KeyAlias == Path)) ||
                   holdSameObject(S, Path, Obj.KeyPath) ||
                   sameFieldOfSameObject(S, Path, Obj.KeyPath) ||
                   (!KeyText.empty() && Obj.KeyText == KeyText);
    if (Matches && (!Found || Found->AcquireLoc < Obj.AcquireLoc)) {
      Found = &Obj;
      Id = ObjId;
    }
  }
  return Found;
}

void PathEngine::release(PathState &S, ReleaseRequest R) {
  const ReleaseFunction &Fn = *R.Fn;
  Value V;
  std::string Spelling;
  if (R.Arg) {
    V = evaluate(S, R.Arg);
    R.Path = AccessPath::ofAddressOrValue(R.Arg);
    Spelling = spell(R.Arg);
  } else if (R.Path) {
    V = S.lookup(*R.Path);
    Spelling = R.Path->str();
  }
  // kfree(NULL) does nothing; an error pointer (a pointer known Negative)
  // was never an object.
  bool PointerArg = R.Arg && R.Arg->getType()->isPointerType();
  if (!Fn.FamilyWide && (V.isNull() || (PointerArg && V.isInt() &&
                                        V.Int.Known == IntKnowledge::Negative)))
    return;
  if (Fn.ByKeyOnly)
    V = Value(); // the argument names the resource; it is not the resource
  // kobject_put(&entry->kobj) after kobject_init(&entry->kobj, ...): the
  // release callback owns entry now (see adopt()).
  if (!V.isObject())
    if (TrackedObject *Holder = S.object(embeddingObject(S, R))) {
      if (Holder->Status == ObjectStatus::Held && Holder->PassedTo.empty())
        Holder->PassedTo = Fn.Name + "() (its release callback)";
      return;
    }
  V = keyedObject(S, R, V);
  bool DrvdataArg = false;
  if (const auto *Getter = R.Arg ? llvm::dyn_cast<clang::CallExpr>(
                                       R.Arg->IgnoreParenCasts())
                                 : nullptr)
    DrvdataArg = TU.Model.isDrvdataGetter(calleeName(Getter));
  if (!V.isObject() && !R.Path && !Fn.FamilyWide && !DrvdataArg)
    return; // nothing we can name
  if (!V.isObject())
    V = firstMetAtRelease(S, R, DrvdataArg);
  if (TrackedObject *Obj = S.object(V))
    markReleased(S, R, *Obj, V.Object, std::move(Spelling));
}

Value PathEngine::keyedObject(PathState &S, ReleaseRequest &R, Value V) {
  const ReleaseFunction &Fn = *R.Fn;
  // release_mem_region(pd->ioarea->start, n): the key is read from the
  // handle request_mem_region() returned, so the handle is what goes.
  const AllocFamily *Released = TU.Model.familyReleasedBy(Fn.Name);
  std::optional<AccessPath> Handle = keyHandle(Fn, R.Arg);
  if (Fn.FamilyWide || !V.isObject()) {
    // Resources named by a key (free_irq(irq, ...)), or by nothing at all.
    ObjectId KeyedId = 0;
    Value Held = Handle ? S.lookup(*Handle) : Value();
    const TrackedObject *HeldObj = S.object(Held);
    if (heldByKey(S, Fn, R.Path, R.Arg ? keyText(R.Arg) : std::string(),
                  KeyedId))
      V = Value::object(KeyedId);
    else if (HeldObj && HeldObj->Status == ObjectStatus::Held &&
             HeldObj->Family && HeldObj->Family == Released)
      V = Held;
    else if (V.isInt())
      V = Value(); // a pointer we know only as "not NULL" or "from foo()"
  }
  // First met here (a remove callback): a handle that every store in this
  // file fills with the released family is the object.
  if (!V.isObject() && Handle && !Fn.ByKeyOnly && TU.Stores)
    if (const StoredFamily *Stored = TU.Stores->lookup(*Handle);
        Stored && Stored->Family == Released) {
      R.Path = Handle;
      R.Arg = nullptr; // the key is not the object: never bind it
    }
  return V;
}

Value PathEngine::firstMetAtRelease(PathState &S, const ReleaseRequest &R,
                                    bool DrvdataArg) {
  const ReleaseFunction &Fn = *R.Fn;
  const std::optional<AccessPath> &Path = R.Path;
  TrackedObject Obj;
  Obj.FirstPath = Path;
  Obj.KeyPath = Path;
  Obj.MaybeNull = false;
  // It existed before this function: every assumption on the path counts.
  Obj.NoteMark = 0;
  if (Fn.FamilyWide || Fn.ByKeyOnly)
    Obj.Family = TU.Model.familyReleasedBy(Fn.Name);
  // kfree(i2c_get_clientdata(client)) releases the driver data itself.
  if (DrvdataArg && TU.Stores)
    if (const StoredFamily *Stored = TU.Stores->soleDrvdata()) {
      Obj.DrvdataRoot = Stored->DrvdataStruct;
      Obj.Family = Stored->Family;
      Obj.AcquiredBy = Stored->AcquiredBy;
    }
  if (TU.Stores && Path && !Fn.ByKeyOnly)
    if (const StoredFamily *Stored = TU.Stores->lookup(*Path)) {
      Obj.Family = Stored->Family;
      Obj.AcquiredBy = Stored->AcquiredBy;
      Obj.FamilyEvidenceLoc = Stored->StoreLoc;
      Obj.FamilyEvidence =
          Stored->ThroughDrvdata
              ? llvm::formatv("'{0}' is the driver data, stored here as "
                              "{1}() memory",
                              Path->str(), Stored->AcquiredBy)
                    .str()
              : llvm::formatv("every store into '{0}' in this file is {1}() "
                              "memory; one is here",
                              Path->str(), Stored->AcquiredBy)
                    .str();
    }
  std::string Key =
      Path ? "path:" + std::to_string(reinterpret_cast<uintptr_t>(Path->Root)) +
                 ":" + Path->str()
           : DrvdataArg ? "drvdata:" + Fn.Name : "family:" + Fn.Name;
  if (Fn.ByKeyOnly) // pci_release_regions(pdev), pci_disable_device(pdev)
    Key += ":" + (Obj.Family ? Obj.Family->Name : Fn.Name);
  ObjectId Id = objectIdFor(Key);
  S.Objects[Id] = Obj;
  // Bind pointers, not keys: free_irq(irq) leaves 'irq' an integer.
  if (Path && !Fn.FamilyWide && !Fn.ByKeyOnly &&
      (!R.Arg || R.Arg->getType()->isPointerType()))
    S.Bindings[*Path] = Value::object(Id);
  return Value::object(Id);
}

void PathEngine::markReleased(PathState &S, const ReleaseRequest &R,
                              TrackedObject &Obj, ObjectId Id,
                              std::string Spelling) {
  clang::SourceLocation Loc = R.Call ? R.Call->getBeginLoc() : R.At;
  ReleaseEvent Event;
  Event.Call = R.Call;
  Event.Loc = Loc;
  Event.Release = R.Fn;
  Event.Spelling = Spelling.empty() ? spellingOf(S, Id) : std::move(Spelling);
  Event.ViaHelper = R.ViaHelper;
  Event.HelperReleaseLoc = R.HelperLoc;
  Event.Object = &Obj;
  Listener.onRelease(Event, S);
  Obj.Status = ObjectStatus::Released;
  Obj.Pending = false;
  Obj.ReleasedBy = R.ViaHelper.empty() ? R.Fn->Name : R.ViaHelper;
  Obj.ReleaseFn = R.Fn->Name;
  Obj.ReleaseLoc = TU.AST.getSourceManager().getExpansionLoc(Loc);
}

bool PathEngine::releasedAfterCall(PathState &S, const clang::CallExpr *Call,
                                   const clang::Expr *Arg) {
  if (!Function || !Arg->getType()->isPointerType())
    return false;
  const clang::Expr *Stripped = stripValuePreservingWrappers(Arg);
  auto Path = AccessPath::of(Stripped);
  if (!Path || !S.object(evaluate(S, Stripped)))
    return false;
  if (!Later)
    Later = std::make_unique<LaterReleases>(*Function, TU.Model, TU.AST);
  auto At = Later->releasedAfter(Call, *Path);
  if (!At)
    return false;
  const clang::SourceManager &SM = TU.AST.getSourceManager();
  llvm::StringRef Callee = calleeName(Call);
  note(S, Call->getBeginLoc(),
       llvm::formatv("{0} only borrows '{1}': this function releases it "
                     "at line {2} on its main path, not only on errors",
                     Callee.empty() ? "the call" : (Callee + "()").str(),
                     Path->str(), SM.getExpansionLineNumber(*At)));
  return true;
}

void PathEngine::passToCallee(PathState &S, const clang::Expr *Arg,
                              llvm::StringRef Callee) {
  const clang::Expr *Stripped = stripValuePreservingWrappers(Arg);
  auto Mark = [&](const Value &V) {
    for (ObjectId Id : V.objects())
      if (TrackedObject *Obj = S.object(Value::object(Id));
          Obj && Obj->PassedTo.empty())
        Obj->PassedTo = Callee.str();
  };
  Mark(evaluateWithOrigins(S, Stripped));
  auto Path = AccessPath::ofAddressOrValue(Stripped);
  if (!Path)
    return;
  // Everything reachable through the argument goes along: f(&priv->list)
  // publishes priv, f(&ctx) publishes what ctx's fields hold.
  for (auto &[P, V] : S.Bindings)
    if (Path->isPrefixOf(P) || P.isPrefixOf(*Path))
      Mark(V);
}

Value PathEngine::evaluateWithOrigins(PathState &S, const clang::Expr *E) {
  Value V = evaluate(S, E);
  if (V.isObject() || V.isAddress() || !E)
    return V;
  llvm::SmallVector<ObjectId, 2> From;
  llvm::SmallVector<const clang::Stmt *, 16> Todo{E};
  while (!Todo.empty()) {
    const clang::Stmt *St = Todo.pop_back_val();
    if (!St || llvm::isa<clang::UnaryExprOrTypeTraitExpr>(St))
      continue; // sizeof(*p) reads nothing
    // Values computed *about* a pointer are not pointers into it:
    // strlen(p), p == NULL, !p. An integer-returning call given an integer
    // made from a pointer (__pa((unsigned long)p)) may still be an address.
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(St);
        Call && !Call->getType()->isPointerType()) {
      for (const clang::Expr *Arg : Call->arguments())
        if (!Arg->getType()->isPointerType())
          Todo.push_back(Arg);
      continue;
    }
    if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(St);
        BO && (BO->isComparisonOp() || BO->isLogicalOp()))
      continue;
    if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(St);
        UO && UO->getOpcode() == clang::UO_LNot)
      continue;
    if (const auto *Sub = llvm::dyn_cast<clang::Expr>(St)) {
      if (auto Path = AccessPath::of(Sub)) {
        if (auto Reached = S.lookup(*Path).objects(); !Reached.empty()) {
          From.append(Reached.begin(), Reached.end());
          continue;
        }
        // &obj->field: the base may be tracked even if the field is not.
      }
      if (auto It = S.ExprValues.find(Sub); It != S.ExprValues.end()) {
        if (It->second.isObject())
          From.push_back(It->second.Object);
        else if (It->second.isInt())
          From.append(It->second.Int.DerivedFrom.begin(),
                      It->second.Int.DerivedFrom.end());
      }
      // A value loaded through a pointer (smbus->devfn, buf[i], *p) is
      // what the memory held, not an address into the object.
      if (const auto *Load = llvm::dyn_cast<clang::ImplicitCastExpr>(Sub);
          Load && Load->getCastKind() == clang::CK_LValueToRValue &&
          !Load->getType()->isPointerType()) {
        const clang::Expr *Loaded = Load->getSubExpr()->IgnoreParens();
        if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(Loaded);
            (ME && ME->isArrow()) || llvm::isa<clang::ArraySubscriptExpr>(Loaded))
          continue;
        if (const auto *Deref = llvm::dyn_cast<clang::UnaryOperator>(Loaded);
            Deref && Deref->getOpcode() == clang::UO_Deref)
          continue;
      }
    }
    for (const clang::Stmt *Child : St->children())
      Todo.push_back(Child);
  }
  if (From.empty())
    return V;
  if (!V.isInt())
    V = Value::integer(IntKnowledge::Unknown);
  V.Int.DerivedFrom.assign(From.begin(), From.end());
  // &obj->member: remember which member, for container_of(..., member).
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E->IgnoreParenCasts());
      UO && UO->getOpcode() == clang::UO_AddrOf && From.size() == 1)
    if (const auto *ME =
            llvm::dyn_cast<clang::MemberExpr>(UO->getSubExpr()->IgnoreParens());
        ME && ME->isArrow())
      V.Int.MemberOf = llvm::dyn_cast<clang::FieldDecl>(ME->getMemberDecl());
  return V;
}

/// For a value &obj->member (evaluateWithOrigins()): obj, when \p Member is
/// that member (any member when null).
static std::optional<ObjectId> holderOfMember(const Value &V,
                                              const clang::FieldDecl *Member) {
  if (!V.isInt() || !V.Int.MemberOf || V.Int.DerivedFrom.size() != 1 ||
      (Member && V.Int.MemberOf->getCanonicalDecl() != Member->getCanonicalDecl()))
    return std::nullopt;
  return V.Int.DerivedFrom.front();
}

void PathEngine::adopt(PathState &S, const clang::Expr *Arg,
                       const AllocFamily *Family) {
  if (TrackedObject *Obj = S.object(evaluate(S, Arg))) {
    Obj->Family = Family;
    return;
  }
  // kobject_init_and_add(&entry->kobj, ...): the member is refcounted from
  // here, and its put hands the allocation that embeds it to the ktype's
  // release callback -- which may free it (qemu_fw_cfg) or only signal
  // (cpufreq's policy, kfree()d by the caller after the put). The family
  // stays: whether kfree() of it is wrong depends on that callback.
  Value Member = evaluateWithOrigins(S, Arg);
  std::optional<ObjectId> HolderId = holderOfMember(Member, nullptr);
  TrackedObject *Holder = HolderId ? S.object(Value::object(*HolderId)) : nullptr;
  if (!Holder || !Holder->acquiredHere() || Holder->Status != ObjectStatus::Held)
    return;
  Holder->AdoptedMember = Member.Int.MemberOf;
  Holder->AdoptedMemberFamily = Family;
}

Value PathEngine::embeddingObject(PathState &S, const ReleaseRequest &R) {
  if (!R.Arg)
    return Value();
  Value Member = evaluateWithOrigins(S, R.Arg);
  std::optional<ObjectId> HolderId = holderOfMember(Member, nullptr);
  const TrackedObject *Obj = HolderId ? S.object(Value::object(*HolderId)) : nullptr;
  bool Adopted = Obj && Obj->AdoptedMember &&
                 holderOfMember(Member, Obj->AdoptedMember) &&
                 Obj->AdoptedMemberFamily == TU.Model.familyReleasedBy(R.Fn->Name);
  return Adopted ? Value::object(*HolderId) : Value();
}

bool PathEngine::releasesByKey(const ReleaseFunction &Fn) const {
  // release_mem_region(start, n) names the region by the key its acquirer
  // took (request_mem_region(start, ...)); kfree(p) takes the object.
  const AllocFamily *Family = TU.Model.familyReleasedBy(Fn.Name);
  return Family && llvm::any_of(Family->Acquirers, [&](const std::string &Name) {
           const AcquireFunction *Acquire = TU.Model.findAcquire(Name);
           return Acquire && Acquire->KeyArg;
         });
}

std::optional<AccessPath> PathEngine::keyHandle(const ReleaseFunction &Fn,
                                                const clang::Expr *Arg) const {
  const auto *Member = Arg ? llvm::dyn_cast<clang::MemberExpr>(
                                 Arg->IgnoreParenImpCasts())
                           : nullptr;
  if (!Member || !Member->isArrow() || !releasesByKey(Fn))
    return std::nullopt;
  return AccessPath::of(Member->getBase());
}

void PathEngine::releaseContainer(PathState &S, const clang::CallExpr *Call,
                                  const ReleasedLocation &R,
                                  const clang::Expr *Arg, llvm::StringRef Name) {
  const Summaries &Names = *TU.FunctionSummaries;
  const clang::FieldDecl *Member = Names.field(*R.ContainerMember);
  auto Fields = Names.fields(R.Fields);
  if (!Member || !Fields)
    return;
  // helper(&obj->member): the helper frees obj through container_of().
  std::optional<AccessPath> Path;
  if (auto Base = AccessPath::ofAddressOrValue(Arg)) {
    AccessPath Full = Base->withFields(*Fields);
    if (!Full.Fields.empty() && Full.Fields.back()->getCanonicalDecl() ==
                                    Member->getCanonicalDecl()) {
      Full.Fields.pop_back();
      Path = Full;
    }
  }
  // helper(p) with p = &obj->member earlier: find where obj is held.
  if (!Path && R.Fields.empty())
    if (auto Holder = holderOfMember(evaluateWithOrigins(S, Arg), Member))
      for (const auto &[P, Held] : S.Bindings)
        if (Held.isObject() && Held.Object == *Holder) {
          Path = P;
          break;
        }
  if (Path)
    release(S, ReleaseRequest::ofPath(Call, *R.Release, Path)
                   .insideHelper(Name, R.Loc));
}

Value PathEngine::containerValue(PathState &S, const clang::Expr *Inner,
                                 const clang::FieldDecl *Member) {
  Value V = evaluateWithOrigins(S, Inner);
  // container_of(&obj->member, T, member) is obj.
  if (auto Holder = holderOfMember(V, Member))
    return Value::object(*Holder);
  // In a helper given &obj->member: the caller's obj, as an object of its
  // own, so that releasing it is summarized as "releases the container of
  // parameter N" (hwmon_dev_release(&hwdev->dev) frees hwdev).
  const TrackedObject *Inside = S.object(V);
  if (!Inside || !Inside->IsParameter || Inside->ContainerMember ||
      !Inside->FirstPath || !Inside->FirstPath->parameter())
    return {};
  ObjectId Id = objectIdFor("container:" + Inside->FirstPath->str() + ":" +
                            Member->getNameAsString());
  if (!S.Objects.count(Id)) {
    TrackedObject Container;
    Container.IsParameter = true;
    Container.FirstPath = Inside->FirstPath;
    Container.ContainerMember = Member;
    S.Objects[Id] = Container;
  }
  return Value::object(Id);
}

void PathEngine::storeEscapes(PathState &S, const AccessPath &Target,
                              const Value &V, const clang::Stmt *At) {
  if (V.isInt()) {
    for (ObjectId Id : V.objects())
      storeEscapes(S, Target, Value::object(Id), At);
    return;
  }
  TrackedObject *Obj = S.object(V);
  if (!Obj || Obj->isStored())
    return;
  // A global or the caller's memory outlives this function. A field of an
  // object acquired here lives as long as that object, which the leak
  // checks follow through the bindings; a field of anything else (memory
  // reached through netdev_priv(), &adapter->ring...) may outlive us too.
  bool Outlives = Target.isGlobal() ||
                  (Target.isParameter() && !Target.Fields.empty());
  if (!Outlives && !Target.Fields.empty()) {
    AccessPath Owner = Target;
    Owner.Fields.pop_back();
    const TrackedObject *Container = S.object(S.lookup(Owner));
    Outlives = !Container || !Container->acquiredHere();
  }
  if (!Outlives)
    return;
  Obj->Stored = StoredWhere::Place;
  Obj->StoredIn = Target.str();
  Obj->StoredLoc = At->getBeginLoc();
}

void PathEngine::invalidateForUnknownCall(PathState &S,
                                          const clang::CallExpr *Call) {
  for (const clang::Expr *Arg : Call->arguments()) {
    const clang::Expr *Stripped = stripValuePreservingWrappers(Arg);
    auto Path = AccessPath::ofAddressOrValue(Stripped);
    if (!Path)
      continue;
    const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(Stripped);
    bool AddressTaken = UO && UO->getOpcode() == clang::UO_AddrOf;
    // f(&p) may rewrite p; f(p) may rewrite what p points to, not p itself.
    // Objects stay known; only the paths to them are forgotten.
    S.forget(*Path, /*IncludingItself=*/AddressTaken,
             /*KeepCallerObjects=*/true);
  }
  // The callee may also rewrite globals; a released global may have been
  // reallocated, so stop vouching for it.
  for (auto It = S.Bindings.begin(); It != S.Bindings.end();) {
    const TrackedObject *Obj = S.object(It->second);
    bool Drop = It->first.isGlobal() &&
                (!Obj || Obj->Status == ObjectStatus::Released);
    It = Drop ? S.Bindings.erase(It) : std::next(It);
  }
}

/// Whether \p Outer is, or embeds (in a member or an array of them, not
/// behind a pointer), the struct called \p Name.
static bool embedsRecord(const clang::RecordDecl *Outer, llvm::StringRef Name,
                         unsigned Depth = 4) {
  if (!Outer || recordName(Outer) == Name)
    return Outer != nullptr;
  if (Depth == 0 || !Outer->getDefinition())
    return false;
  for (const clang::FieldDecl *Field : Outer->getDefinition()->fields())
    if (const auto *Record =
            Field->getType()->getBaseElementTypeUnsafe()->getAsRecordDecl())
      if (embedsRecord(Record, Name, Depth - 1))
        return true;
  return false;
}

/// A helper that releases `bar->virt_addr` for bars it found inside its
/// argument (`for (i...) { bar = &accel->pci->bars[i]; if (bar->virt_addr)
/// pci_iounmap(...); }`, qat's adf_cleanup_accel()): the caller's objects
/// held in that field of that struct, when an argument embeds the struct.
static void heldInFieldOfEmbedded(PathState &S, const clang::CallExpr *Call,
                                  const ReleasedLocation &R,
                                  std::vector<TrackedObject *> &Objects) {
  if (R.Fields.empty() || R.Root.empty())
    return;
  // The argument points to such a struct, or into one (&dev->v4l2_dev).
  auto Reaches = [&](const clang::Expr *Arg) {
    clang::QualType Type = Arg->IgnoreParenImpCasts()->getType();
    if (Type->isPointerType() &&
        embedsRecord(Type->getPointeeType()->getAsRecordDecl(), R.Root))
      return true;
    auto Path = AccessPath::ofAddressOrValue(Arg);
    if (!Path || Path->Fields.empty())
      return false;
    clang::QualType Base = Path->Root->getType();
    return Base->isPointerType() &&
           embedsRecord(Base->getPointeeType()->getAsRecordDecl(), R.Root);
  };
  if (!llvm::any_of(Call->arguments(), Reaches))
    return;
  auto EndsInFields = [&](const AccessPath &Path) {
    return Path.Fields.size() >= R.Fields.size() &&
           llvm::equal(fieldNames(llvm::ArrayRef(Path.Fields)
                                      .take_back(R.Fields.size())),
                       R.Fields);
  };
  for (const auto &[Path, V] : S.Bindings)
    if (TrackedObject *Obj = S.object(V);
        Obj && Obj->acquiredHere() && EndsInFields(Path) &&
        (!R.Family || R.Family == Obj->Family))
      Objects.push_back(Obj);
  // Held by key there: v4l2_ctrl_handler_init(&dev->hdl, ...).
  for (auto &[Id, Obj] : S.Objects)
    if (Obj.KeyPath && Obj.acquiredHere() && EndsInFields(*Obj.KeyPath) &&
        R.Family && R.Family == Obj.Family)
      Objects.push_back(&Obj);
}

/// The function \p Body stores in \p Target's field \p Field
/// (`dev->v4l2_dev.release = hackrf_video_release;`), if it stores one.
static const clang::FunctionDecl *
storedFunction(const clang::Stmt *Body, const AccessPath &Target,
               llvm::StringRef Field) {
  if (!Body)
    return nullptr;
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(Body);
      BO && BO->getOpcode() == clang::BO_Assign)
    if (auto Path = AccessPath::of(BO->getLHS());
        Path && !Path->Fields.empty() &&
        Path->Fields.back()->getName() == Field &&
        Path->Fields.size() == Target.Fields.size() + 1 &&
        Target.isPrefixOf(*Path))
      if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(
              BO->getRHS()->IgnoreParenImpCasts()))
        if (const auto *Fn = llvm::dyn_cast<clang::FunctionDecl>(Ref->getDecl()))
          return Fn;
  for (const clang::Stmt *Child : Body->children())
    if (const clang::FunctionDecl *Fn = storedFunction(Child, Target, Field))
      return Fn;
  return nullptr;
}

void PathEngine::mayRunReleaseCallback(PathState &S, const clang::CallExpr *Call,
                                       const ReleaseCallbackCall &Put) {
  if (Put.Arg >= Call->getNumArgs() || !TU.FunctionSummaries || !Function)
    return;
  auto Target = AccessPath::ofAddressOrValue(Call->getArg(Put.Arg));
  if (!Target)
    return;
  const clang::FunctionDecl *Callback =
      storedFunction(Function->getBody(), *Target, Put.Field);
  const FunctionSummary *Summary =
      Callback ? TU.FunctionSummaries->get(Callback) : nullptr;
  if (!Summary)
    return;
  // The callback is given the put's argument: its parameter 0 is ours.
  std::string By = Callback->getName().str() + "() (the release callback " +
                   calleeName(Call).str() + "() runs on the last reference)";
  for (const auto *Locations : {&Summary->Releases, &Summary->MayReleases})
    for (const ReleasedLocation &R : *Locations)
      markMayBeReleased(S, Call, R, By);
}

void PathEngine::markMayBeReleased(PathState &S, const clang::CallExpr *Call,
                                   const ReleasedLocation &R,
                                   llvm::StringRef By) {
  for (TrackedObject *Obj : mayBeReleased(S, Call, R))
    if (Obj->Status == ObjectStatus::Held && Obj->PassedTo.empty())
      Obj->PassedTo = By.str();
}

std::vector<TrackedObject *>
PathEngine::mayBeReleased(PathState &S, const clang::CallExpr *Call,
                          const ReleasedLocation &R) {
  std::vector<TrackedObject *> Objects;
  const Summaries &Names = *TU.FunctionSummaries;
  switch (R.Kind) {
  case ReleasedLocation::Parameter: {
    if (R.Param >= Call->getNumArgs() || R.ContainerMember)
      break;
    auto Base = AccessPath::ofAddressOrValue(Call->getArg(R.Param));
    auto Fields = Names.fields(R.Fields);
    if (!Base || !Fields)
      break;
    Value Held = S.lookup(Base->withFields(*Fields));
    if (TrackedObject *Obj = S.object(Held))
      Objects.push_back(Obj);
    // setup_instance(card) disabling card->pdev on its own error ladder:
    // what the caller holds by that key (pci_enable_device(pdev) after
    // card->pdev = pdev), of the family the helper releases.
    if (Held.isObject() && R.Family)
      for (auto &[Id, Obj] : S.Objects)
        if (Obj.Family == R.Family && Obj.KeyPath)
          if (Value Key = S.lookup(*Obj.KeyPath);
              Key.isObject() && Key.Object == Held.Object)
            Objects.push_back(&Obj);
    break;
  }
  case ReleasedLocation::Global: {
    // mwave_exit() called on an init error path: if (registered)
    // misc_deregister(&mwave_misc_dev). The global holds the object, or
    // names a registration by its key.
    std::optional<AccessPath> Path = Names.globalPath(R);
    if (!Path)
      break;
    if (TrackedObject *Obj = S.object(S.lookup(*Path)))
      Objects.push_back(Obj);
    for (auto &[Id, Obj] : S.Objects)
      if (Obj.KeyPath == Path || Obj.KeyAlias == Path)
        Objects.push_back(&Obj);
    break;
  }
  case ReleasedLocation::FamilyWide:
    // unregister_chrdev() on some path of the helper: any of the family.
    for (auto &[Id, Obj] : S.Objects)
      if (Obj.Family && Obj.Family == R.Family)
        Objects.push_back(&Obj);
    break;
  case ReleasedLocation::Drvdata:
    heldInFieldOfEmbedded(S, Call, R, Objects);
    break;
  }
  return Objects;
}

bool PathEngine::applySummary(PathState &S, const clang::CallExpr *Call) {
  const clang::FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !TU.FunctionSummaries)
    return false;
  const FunctionSummary *Summary = TU.FunctionSummaries->get(Callee);
  if (!Summary)
    return false;
  std::string Name = calleeName(Call).str();
  for (unsigned Param : Summary->PassesParams)
    if (Param < Call->getNumArgs() &&
        !releasedAfterCall(S, Call, Call->getArg(Param)))
      passToCallee(S, Call->getArg(Param), Name);
  for (unsigned Param : Summary->StoresParams)
    if (Param < Call->getNumArgs()) {
      // list_add(&p->node, head): p now lives in someone else's list.
      auto Ids = evaluateWithOrigins(S, Call->getArg(Param)).objects();
      if (auto Path = AccessPath::ofAddressOrValue(Call->getArg(Param)))
        for (const auto &[P, V] : S.Bindings)
          if ((Path->isPrefixOf(P) || P.isPrefixOf(*Path)) && V.isObject())
            Ids.push_back(V.Object);
      S.markStored(Ids, Name + "()'s structures", Call->getBeginLoc());
    }
  // Releases first: a summary names what it releases by the values its
  // parameters' fields held on entry (mgr_free(mgr) releasing mgr->pci),
  // which its own writes through the parameters then overwrite.
  for (const ReleasedLocation &R : Summary->Releases) {
    switch (R.Kind) {
    case ReleasedLocation::Parameter: {
      if (R.Param >= Call->getNumArgs())
        break;
      const clang::Expr *Arg = Call->getArg(R.Param);
      if (R.ContainerMember) {
        releaseContainer(S, Call, R, Arg, Name);
        break;
      }
      if (R.Fields.empty()) {
        release(S, ReleaseRequest::ofArgument(Call, *R.Release, Arg)
                       .insideHelper(Name, R.Loc));
        break;
      }
      auto Base = AccessPath::ofAddressOrValue(Arg);
      if (auto Fields = TU.FunctionSummaries->fields(R.Fields); Base && Fields)
        release(S, ReleaseRequest::ofPath(Call, *R.Release,
                                          Base->withFields(*Fields))
                       .insideHelper(Name, R.Loc));
      break;
    }
    case ReleasedLocation::Global:
      if (auto Path = TU.FunctionSummaries->globalPath(R))
        release(S, ReleaseRequest::ofPath(Call, *R.Release, Path)
                       .insideHelper(Name, R.Loc));
      break;
    case ReleasedLocation::FamilyWide:
      release(S, ReleaseRequest::ofPath(Call, *R.Release, std::nullopt)
                     .insideHelper(Name, R.Loc));
      break;
    case ReleasedLocation::Drvdata:
      break; // only lifecycle pairing reads these
    }
  }
  if (Summary->WritesThroughParameters)
    invalidateForUnknownCall(S, Call);
  leaveHoldsAsCallee(S, Call, *Summary);
  // What the helper releases on some paths only (if (p->buf) kfree(...),
  // often correlated with the caller's own tests): ownership is no longer
  // clear, so no leak is claimed for it, and no double free either.
  for (const ReleasedLocation &R : Summary->MayReleases)
    markMayBeReleased(S, Call, R, Name + "() (which may release it)");
  if (Summary->ReturnsParameter &&
      *Summary->ReturnsParameter < Call->getNumArgs()) {
    // __must_check_fn(p), ERR_CAST(p): the call is its argument.
    S.ExprValues[Call] =
        evaluateWithOrigins(S, Call->getArg(*Summary->ReturnsParameter));
  } else if (Summary->ReturnedFamily) {
    const AcquireFunction *Underlying =
        TU.Model.findAcquire(Summary->ReturnedAcquiredBy);
    AcquireFunction Fn;
    if (Underlying)
      Fn = *Underlying;
    Fn.Family = Summary->ReturnedFamily;
    Fn.Returns = AcquireResult::Pointer;
    Fn.Fails = Summary->ReturnedFailure;
    Fn.KeyArg.reset();
    Fn.ConsumesArg.reset();
    acquire(S, Call, Fn, Name);
    if (TrackedObject *Obj = S.object(S.ExprValues[Call])) {
      Obj->Acquirer = Underlying;
      Obj->FamilyEvidence = llvm::formatv("{0}() allocates it with {1}() here",
                                          Name, Summary->ReturnedAcquiredBy);
      Obj->FamilyEvidenceLoc = Summary->ReturnedAcquireLoc;
    }
  } else if (Summary->ReturnsConstant) {
    S.ExprValues[Call] = Value::constant(*Summary->ReturnsConstant, Name);
  } else if (!Call->getType()->isVoidType()) {
    S.ExprValues[Call] = Value::integer(IntKnowledge::Unknown, Name);
  }
  return true;
}

void PathEngine::transferCleanup(PathState &S, const clang::VarDecl *Var) {
  const auto *Cleanup = Var->getAttr<clang::CleanupAttr>();
  const clang::FunctionDecl *Fn = Cleanup ? Cleanup->getFunctionDecl() : nullptr;
  if (!Fn || !Fn->getIdentifier())
    return;
  // A scope guard ends: class_spinlock_destructor() unlocks.
  if (std::optional<llvm::StringRef> Class =
          TU.Model.cleanup().GuardDestructor.match(Fn->getName())) {
    if (TU.Model.atomicGuard(*Class) && !S.Atomic.empty()) {
      auto Match = std::find_if(S.Atomic.rbegin(), S.Atomic.rend(),
                                [&](const AtomicHold &H) {
                                  return H.GuardClass == *Class;
                                });
      if (Match != S.Atomic.rend())
        S.Atomic.erase(std::next(Match).base());
    }
    return;
  }
  if (!Var->getType()->isPointerType())
    return;
  AccessPath P;
  P.Root = Var;
  // DEFINE_FREE(kfree, void *, ...) defines __free_kfree(): the variable
  // is released with kfree() when its scope ends (6.x include/linux/cleanup.h).
  if (std::optional<llvm::StringRef> Name =
          TU.Model.cleanup().FreeFunction.match(Fn->getName()))
    if (const ReleaseFunction *Rel = TU.Model.findRelease(*Name)) {
      ReleaseRequest Cleanup = ReleaseRequest::ofPath(nullptr, *Rel, P);
      Cleanup.At = Var->getLocation();
      release(S, Cleanup);
      return;
    }
  // A cleanup we do not know: it owns the object now.
  if (TrackedObject *Obj = S.object(S.lookup(P)); Obj && Obj->PassedTo.empty())
    Obj->PassedTo = Fn->getNameAsString();
}

void PathEngine::transferCall(PathState &S, const clang::CallExpr *Call) {
  llvm::StringRef Name = calleeName(Call);
  if (Name.empty()) {
    if (!Call->getDirectCallee()) {
      // Through a function pointer: anything may happen to the arguments.
      for (const clang::Expr *Arg : Call->arguments())
        passToCallee(S, Arg, "a function pointer");
      invalidateForUnknownCall(S, Call);
    }
    return;
  }
  if (Call->getBuiltinCallee() == clang::Builtin::BI__builtin_expect)
    return;
  if (const clang::FunctionDecl *FD = Call->getDirectCallee();
      FD && FD->isNoReturn()) {
    S.NoReturn = true; // BUG(), panic(): this path ends here
    return;
  }
  const ApiModel &Model = TU.Model;
  if (transferAtomic(S, Call, Name))
    return;
  reportSleep(S, Call, Name);
  if (const AcquireFunction *Acq = Model.findAcquire(Name)) {
    acquire(S, Call, *Acq, spelledCallee(Call, TU.AST, Model));
    return;
  }
  if (const ReleaseFunction *Rel = Model.findRelease(Name)) {
    if (Rel->FamilyWide)
      release(S, ReleaseRequest::ofPath(Call, *Rel, std::nullopt));
    else if (Rel->Arg < Call->getNumArgs())
      release(S, ReleaseRequest::ofArgument(Call, *Rel, Call->getArg(Rel->Arg)));
    return;
  }
  if (const ReleaseCallbackCall *Put = Model.releaseCallbackCall(Name))
    mayRunReleaseCallback(S, Call, *Put);
  if (auto Kind = Model.conditionKind(Name)) {
    if (*Kind == ConditionKind::ErrorValue)
      S.ExprValues[Call] = Value::integer(IntKnowledge::Negative);
    // status = PTR_ERR_OR_ZERO(dev): testing status settles whether dev
    // is an object or an error pointer.
    if (*Kind == ConditionKind::ErrorStatus && Call->getNumArgs() == 1) {
      Value Status = Value::integer(IntKnowledge::NonPositive, Name.str());
      if (Value Pointer = evaluate(S, Call->getArg(0)); Pointer.isObject())
        Status.Int.Guards = Pointer.Object;
      S.ExprValues[Call] = Status;
    }
    return;
  }
  if (auto Arg = Model.drvdataSetterArg(Name)) {
    if (*Arg < Call->getNumArgs()) {
      const clang::Expr *Stored = Call->getArg(*Arg);
      Value V = evaluate(S, Stored);
      if (TrackedObject *Obj = S.object(V)) {
        Obj->StoredAsDrvdata = true;
        if (!Obj->isStored()) {
          Obj->Stored = StoredWhere::DriverData;
          Obj->StoredLoc = Call->getBeginLoc();
        }
        S.Drvdata = V.Object;
        S.DrvdataKey = StoredFamilies::drvdataKey(
            Stored->IgnoreParenCasts()->getType());
      } else if (auto Path = AccessPath::of(Stored)) {
        // hba = (struct st_hba *)host->hostdata: private data inside an
        // object the subsystem allocated, known only by its name.
        S.DrvdataName = *Path;
        S.DrvdataKey = StoredFamilies::drvdataKey(
            Stored->IgnoreParenCasts()->getType());
      }
    }
    return;
  }
  // Declared by the user's model: trusted over the callee's summary.
  if (auto Arg = Model.ownershipTransferArg(Name)) {
    if (*Arg < Call->getNumArgs())
      passToCallee(S, Call->getArg(*Arg), Name);
    return;
  }
  if (Model.isBorrowingCall(Name) || Model.isDrvdataGetter(Name))
    return;
  // xa_alloc(&tracker, &id, entry, ...): entry lives in the xarray now.
  if (auto Arg = Model.containerStoreArg(Name)) {
    if (*Arg < Call->getNumArgs())
      S.markStored(evaluateWithOrigins(S, Call->getArg(*Arg)).objects(),
                   Name.str() + "()'s structures", Call->getBeginLoc());
    return;
  }
  // device_initialize(dev): from here on the object is refcounted, and
  // put_device() (its release callback) frees it.
  if (auto Adopter = Model.findAdopter(Name)) {
    if (Adopter->second < Call->getNumArgs())
      adopt(S, Call->getArg(Adopter->second), Adopter->first);
    return;
  }
  if (applySummary(S, Call))
    return;
  for (const clang::Expr *Arg : Call->arguments())
    if (!releasedAfterCall(S, Call, Arg))
      passToCallee(S, Arg, Name);
  invalidateForUnknownCall(S, Call);
  // Remember whose result this is, for "assuming foo() fails" notes.
  if (!Call->getType()->isVoidType())
    S.ExprValues[Call] = Value::integer(IntKnowledge::Unknown, Name.str());
}

} // namespace kmodlint
