//===- SourcePoint.h - A place in the source as findings show it -*- C++ -*-===//
//
// File, line and column as plain data: what findings, notes and function
// summaries carry instead of clang::SourceLocation, so they outlive the AST
// they came from (and can be written to disk).
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_SUPPORT_SOURCEPOINT_H
#define KMODLINT_SUPPORT_SOURCEPOINT_H

#include <string>
#include <tuple>

namespace kmodlint {

struct SourcePoint {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;

  bool operator<(const SourcePoint &O) const {
    return std::tie(File, Line, Column) < std::tie(O.File, O.Line, O.Column);
  }
  bool operator==(const SourcePoint &O) const {
    return File == O.File && Line == O.Line && Column == O.Column;
  }
};

} // namespace kmodlint

#endif
