//===- CallbackLocks.cpp --------------------------------------------------===//
#include "analyzer/engine/CallbackLocks.h"
#include "analyzer/engine/AccessPath.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/FormatVariadic.h"

namespace kmodlint {

namespace {
/// The locks a body takes (spin_lock(&p->lock), guard(spinlock)(&l)) and
/// the same-TU functions it calls.
class LockCallVisitor : public clang::RecursiveASTVisitor<LockCallVisitor> {
public:
  explicit LockCallVisitor(const ApiModel &Model) : Model(Model) {}

  std::set<std::string> Locks;
  std::vector<const clang::FunctionDecl *> Callees;

  bool VisitCallExpr(clang::CallExpr *Call) {
    const clang::FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return true;
    llvm::StringRef Name = Callee->getName();
    std::optional<unsigned> LockArg;
    if (const AtomicEnter *Enter = Model.atomicEnter(Name))
      LockArg = Enter->LockArg;
    else if (auto Class = Model.cleanup().GuardConstructor.match(Name);
             Class && Model.atomicGuard(*Class))
      LockArg = 0;
    if (LockArg && *LockArg < Call->getNumArgs()) {
      if (auto Path = lockPath(Call->getArg(*LockArg)))
        if (auto Class = lockClass(*Path))
          Locks.insert(*Class);
      return true;
    }
    if (const clang::FunctionDecl *Def = Callee->getDefinition();
        Def && Def->hasBody())
      Callees.push_back(Def);
    return true;
  }

private:
  const ApiModel &Model;
};
} // namespace

void CallbackLocks::collect(const clang::FunctionDecl *FD, unsigned Depth,
                            std::set<std::string> &Out,
                            llvm::DenseSet<const clang::FunctionDecl *> &Visited) {
  constexpr unsigned MaxDepth = 3;
  if (!FD || !FD->hasBody() || !Visited.insert(FD).second)
    return;
  LockCallVisitor Visitor(Model);
  Visitor.TraverseStmt(FD->getBody());
  Out.insert(Visitor.Locks.begin(), Visitor.Locks.end());
  if (Depth < MaxDepth)
    for (const clang::FunctionDecl *Callee : Visitor.Callees)
      collect(Callee, Depth + 1, Out, Visited);
}

const std::set<std::string> &
CallbackLocks::takenBy(const clang::FunctionDecl *FD) {
  auto [It, New] = Taken.try_emplace(FD);
  if (New) {
    llvm::DenseSet<const clang::FunctionDecl *> Visited;
    collect(FD, 0, It->second, Visited);
  }
  return It->second;
}

std::map<std::string, std::string>
CallbackLocks::conflicts(const CallbackWait &Wait, llvm::StringRef Subject) {
  std::map<std::string, std::string> Why;
  for (const clang::FunctionDecl *Callback :
       Module.callbacksOn(Wait.RegisteredBy, Subject))
    for (const std::string &Lock : takenBy(Callback))
      Why.try_emplace(Lock, llvm::formatv("{0}, {1}(), takes it", Wait.What,
                                          Callback->getName()));
  for (const clang::FunctionDecl *Handler : Module.hardIrqHandlers())
    for (const std::string &Lock : takenBy(Handler))
      Why.try_emplace(Lock,
                      llvm::formatv("the IRQ handler {0}() takes it and can "
                                    "interrupt {1} on another CPU",
                                    Handler->getName(), Wait.What));
  return Why;
}

} // namespace kmodlint
