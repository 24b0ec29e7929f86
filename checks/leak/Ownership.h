//===- Ownership.h - Who still owns an object when a function returns -*- C++ -*-===//
//
// Shared by the leak checks: how a function's return reads (success, an
// errno, the status of a call it returns), which objects are kept (stored
// where they outlive the function, handed to a callee, returned), and how
// to name an object in a message.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_OWNERSHIP_H
#define KMODLINT_CHECKS_OWNERSHIP_H

#include "analyzer/support/Finding.h"
#include "analyzer/engine/PathState.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseSet.h"

namespace kmodlint {

struct ExitKind {
  enum KindT {
    Success,    ///< returns 0, a pointer, or nothing
    Error,      ///< returns a negative errno, ERR_PTR() or NULL
    CallStatus, ///< returns what a call returned (`return misc_register(..)`)
    Unknown,
  } Kind = Unknown;
  std::string ValueText;  ///< "-ENOMEM", "ret"
  std::string FailingCall; ///< for CallStatus
  ObjectId Guard = 0;      ///< the object that call's status reports
};

ExitKind classifyExit(const PathState &S, const clang::FunctionDecl *FD,
                      const clang::ASTContext &AST);

/// Objects that outlive the function on this path. With \p CountStores,
/// objects stored in globals, the caller's memory or the driver data (or
/// reachable from such objects) are kept; without it, only objects handed
/// to a callee or returned are (what a failing setup function may keep).
llvm::DenseSet<ObjectId> keptObjects(const PathState &S, bool CountStores);

/// Whether a leak check cares about \p Obj at all: acquired here, still
/// held, not managed by devres.
bool isOwnedHere(const TrackedObject &Obj);

/// "kmalloc memory acquired by kzalloc() ('p')".
std::string describeObject(const PathState &S, ObjectId Id,
                           const TrackedObject &Obj);

class CheckContext;
struct LifecyclePair;

/// The setup pair (module_init, probe) the current function is the setup
/// function of, or null.
const LifecyclePair *currentSetupPair(const CheckContext &C);

/// The objects a leak check reports at this exit: owned here, not kept,
/// not the subject of the status the function returns.
std::vector<std::pair<ObjectId, const TrackedObject *>>
leakedAtExit(const PathState &S, const ExitKind &Exit, bool CountStores);

/// "<what> is not released when f() returns <value>", at the return, with
/// the object's history as notes.
Finding exitLeakFinding(llvm::StringRef Check, const PathState &S,
                        ObjectId Id, const TrackedObject &Obj,
                        const ExitKind &Exit, CheckContext &C);

} // namespace kmodlint

#endif
