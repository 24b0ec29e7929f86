//===- LifecycleLeakCheck.h -------------------------------------*- C++ -*-===//
//
// What module_init keeps (in globals) must be released by module_exit; what
// probe keeps (in the driver data) must be released by remove; devm_
// resources excepted. Reported at the acquisition, naming the teardown
// that misses it. See docs/checks/leak.lifecycle.md.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_CHECKS_LIFECYCLELEAKCHECK_H
#define KMODLINT_CHECKS_LIFECYCLELEAKCHECK_H

#include "analyzer/engine/Summaries.h"
#include "checks/Check.h"
#include <map>

namespace kmodlint {

struct LifecyclePair;

class LifecycleLeakCheck : public Check {
public:
  llvm::StringRef id() const override;
  llvm::StringRef summary() const override;
  void onExit(const PathState &S, CheckContext &C) override;
  void onTranslationUnitEnd(CheckContext &C) override;

private:
  /// Something a setup function keeps and its teardown must release.
  struct Kept {
    const LifecyclePair *Pair = nullptr;
    ReleasedLocation Where;
    std::string What;  ///< "kmalloc memory acquired by kzalloc()"
    std::string Place; ///< "'gbuf'", "'priv->ring' in the driver data"
    clang::SourceLocation AcquireLoc;
    std::string FingerprintKey;
  };
  std::map<std::string, Kept> Expected;
};

} // namespace kmodlint

#endif
