//===- FuzzSupport.h - What the libFuzzer targets share ---------*- C++ -*-===//
//
// Readers that take a path get the input through a file in a scratch
// directory of the fuzzing process, rewritten for each input.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_FUZZ_FUZZSUPPORT_H
#define KMODLINT_FUZZ_FUZZSUPPORT_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <cstdlib>
#include <string>

namespace kmodlint::fuzz {

/// This process's scratch directory, made on first use.
inline const std::string &scratchDirectory() {
  static const std::string Dir = [] {
    llvm::SmallString<128> Path;
    if (llvm::sys::fs::createUniqueDirectory("kmodlint-fuzz", Path))
      std::abort();
    return std::string(Path);
  }();
  return Dir;
}

/// Writes the input to scratchDirectory()/Name and returns the path.
inline std::string writeInput(llvm::StringRef Name, const uint8_t *Data,
                              size_t Size) {
  llvm::SmallString<256> Path(scratchDirectory());
  llvm::sys::path::append(Path, Name);
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC);
  if (EC)
    std::abort();
  Out.write(reinterpret_cast<const char *>(Data), Size);
  return std::string(Path);
}

inline llvm::StringRef asText(const uint8_t *Data, size_t Size) {
  return llvm::StringRef(reinterpret_cast<const char *>(Data), Size);
}

} // namespace kmodlint::fuzz

#endif
