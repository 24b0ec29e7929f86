//===- LaterReleases.h - Releases a function makes after a call -*- C++ -*-===//
//
// A pointer given to a function kmodlint cannot see into is assumed kept by
// it. But when the caller itself releases that same pointer after the call
// on its straight-line path (not in a branch, not in the unwind code after a
// label), the callee only borrowed it: `buf = vzalloc(n); err =
// read_flash(hw, buf, n); if (err) return err; ... vfree(buf); return 0;`
// leaks buf on the early return, whatever read_flash() does. A release in a
// branch or under an error label proves nothing: `if (usb_submit_urb(urb))
// usb_free_urb(urb)` and `err: kfree(priv)` undo a hand-off that succeeds
// on the other paths.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ENGINE_LATERRELEASES_H
#define KMODLINT_ENGINE_LATERRELEASES_H

#include "analyzer/engine/AccessPath.h"
#include "clang/AST/ASTContext.h"
#include <optional>
#include <vector>

namespace kmodlint {

class ApiModel;

class LaterReleases {
public:
  LaterReleases(const clang::FunctionDecl &FD, const ApiModel &Model,
                clang::ASTContext &AST);

  /// Where the function releases \p Path on its straight-line path after
  /// \p Call, if it does.
  std::optional<clang::SourceLocation>
  releasedAfter(const clang::CallExpr *Call, const AccessPath &Path) const;

private:
  struct Release {
    AccessPath Path;
    clang::SourceLocation At;
  };
  /// Collects the releases in \p S; \p Conditional when \p S runs only on
  /// some paths (a branch, the code after a label).
  void collect(const clang::Stmt *S, bool Conditional);

  const ApiModel &Model;
  clang::ASTContext &AST;
  std::vector<Release> Releases; ///< the straight-line ones
};

} // namespace kmodlint

#endif
