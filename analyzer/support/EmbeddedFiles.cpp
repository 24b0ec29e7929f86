//===- EmbeddedFiles.cpp - Text files compiled into the binary ------------===//
#include "analyzer/support/EmbeddedFiles.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

namespace kmodlint {

static const EmbeddedFile Files[] = {
#include "EmbeddedFiles.inc"
};

llvm::ArrayRef<EmbeddedFile> embeddedFiles() { return Files; }

llvm::StringRef embeddedFile(llvm::StringRef Path) {
  for (const EmbeddedFile &F : Files)
    if (Path == F.Path)
      return F.Contents;
  llvm::report_fatal_error(llvm::Twine("kmodlint was built without ") + Path);
}

} // namespace kmodlint
