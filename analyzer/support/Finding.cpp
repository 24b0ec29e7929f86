//===- Finding.cpp - One reported problem ---------------------------------===//
#include "analyzer/support/Finding.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <tuple>

namespace kmodlint {

std::string Finding::fingerprint() const {
  // The file's name, not its directory: the same tree checked out elsewhere
  // (a CI runner) must produce the same fingerprints.
  std::string Key = Check + "|" + llvm::sys::path::filename(Where.File).str() +
                    "|" + Function + "|" + FingerprintKey;
  uint64_t Hash = llvm::xxh3_64bits(llvm::StringRef(Key));
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::format_hex_no_prefix(Hash, 16);
  return Text;
}

void sortAndUnique(std::vector<Finding> &Findings) {
  auto Key = [](const Finding &F) {
    return std::tie(F.Where, F.Check, F.Message);
  };
  llvm::stable_sort(Findings, [&](const Finding &A, const Finding &B) {
    return Key(A) < Key(B);
  });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [&](const Finding &A, const Finding &B) {
                               return Key(A) == Key(B);
                             }),
                 Findings.end());
}

} // namespace kmodlint
