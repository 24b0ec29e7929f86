//===- OutputFile.h - Files written whole or not at all ---------*- C++ -*-===//
//
// Every file kmodlint writes (-o, --export-fixes, --write-baseline, --fix)
// goes to a temporary file beside it that is renamed over it once complete:
// a crash, a full disk or a kill mid-write leaves the old file, never half
// of the new one. llvm::writeToOutput does the rename but neither checks
// the stream for write errors nor keeps the file's mode and owner, and it
// would rename over /dev/full; hence this.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_SUPPORT_OUTPUTFILE_H
#define KMODLINT_SUPPORT_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace kmodlint {

/// Writes \p Path with \p Write. A regular file (or a new one) is replaced
/// atomically and keeps its mode and owner; a device or pipe (/dev/null,
/// /dev/stdout) is written in place. The error names the file.
llvm::Error writeOutputFile(llvm::StringRef Path,
                            llvm::function_ref<void(llvm::raw_ostream &)> Write);

/// Before a run: whether \p Path could be written (its directory exists and
/// is writable, or it is a writable device), so a typo costs no analysis.
llvm::Error checkOutputWritable(llvm::StringRef Path);

/// Whether \p Path is a regular file nobody may write (mode without any
/// write bit): --fix refuses it even as root, who could.
bool isReadOnlyFile(llvm::StringRef Path);

/// Flushes \p OS (stdout, stderr) and turns a write error into an Error
/// naming \p What, clearing it so that LLVM does not abort at exit.
llvm::Error flushStream(llvm::raw_fd_ostream &OS, llvm::StringRef What);

} // namespace kmodlint

#endif
