//===- EmbeddedFiles.h - Text files compiled into the binary ----*- C++ -*-===//
//
// The kernel API model and the bundled kernel headers travel inside the
// kmodlint binary, so an installed tool never looks for data files.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_EMBEDDEDFILES_H
#define KMODLINT_ANALYZER_EMBEDDEDFILES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace kmodlint {

struct EmbeddedFile {
  const char *Path; ///< relative to the source tree, e.g. "shims/include/linux/slab.h"
  const char *Contents;
};

llvm::ArrayRef<EmbeddedFile> embeddedFiles();

/// The contents of the embedded file \p Path; aborts if it is missing, since
/// that is a build error, not a user error.
llvm::StringRef embeddedFile(llvm::StringRef Path);

} // namespace kmodlint

#endif
