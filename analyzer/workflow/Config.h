//===- Config.h - .kmodlint.yaml: checks, severity, excludes, model -*- C++ -*-===//
//
// A project or subsystem says how kmodlint runs on its files in a
// .kmodlint.yaml, found by walking up from each analyzed file; the nearest
// one wins whole (no merging, like .clang-format without BasedOnStyle), and
// --config FILE overrides the search:
//
//   checks: ['*', '-atomic.*']        # globs, later entries win
//   severity: {'leak.*': error}       # warning (default) or error
//   exclude: ['drivers/staging/*']    # globs relative to this file's folder
//   model:                            # the schema of analyzer/model/kernel-api.yaml
//     families: {...}
//     may_sleep: {mydrv_wait: "waits for the firmware"}
//   model_files: [kmodlint-model.yaml]
//   tu_timeout: 60                    # per-TU budget: seconds, MiB (0: none)
//   tu_memory: 2048
//
// Every key is checked: a typo is an error with file:line:col, not a
// silently ignored setting.
//
//===----------------------------------------------------------------------===//
#ifndef KMODLINT_ANALYZER_CONFIG_H
#define KMODLINT_ANALYZER_CONFIG_H

#include "analyzer/support/Finding.h"
#include "analyzer/model/ApiModel.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kmodlint {

inline constexpr llvm::StringLiteral ConfigFileName = ".kmodlint.yaml";

struct Config {
  /// The file it came from; empty for the built-in defaults.
  std::string File;
  /// What relative exclude globs and model_files are relative to.
  std::string Directory;
  std::vector<std::string> Checks;
  std::vector<std::pair<std::string, Severity>> Severities;
  std::vector<std::string> Excludes;
  std::vector<std::string> ModelFiles;
  /// The per-TU budget this config sets; unset: the command line's or the
  /// default.
  std::optional<unsigned> TuTimeoutSeconds, TuMemoryMiB;
  /// The `model:` extension as written, for --dump-config.
  std::string ModelYaml;
  /// The built-in model plus the extensions; null when there are none.
  std::unique_ptr<ApiModel> ExtendedModel;

  const ApiModel &model() const {
    return ExtendedModel ? *ExtendedModel : ApiModel::builtin();
  }
  /// Whether \p Path (absolute, or relative to Directory) is excluded.
  bool excludes(llvm::StringRef Path) const;
  /// The severity of findings of \p Check: the last matching entry wins;
  /// \p Default (the check's own) when none matches.
  Severity severityOf(llvm::StringRef Check, Severity Default) const;
};

/// Parses \p Text as the config file \p FileName, whose relative paths are
/// relative to \p Directory.
llvm::Expected<std::unique_ptr<Config>>
parseConfig(llvm::StringRef Text, llvm::StringRef FileName,
            llvm::StringRef Directory);

llvm::Expected<std::unique_ptr<Config>> loadConfigFile(llvm::StringRef Path);

/// Finds and caches the config of each analyzed file.
class ConfigLocator {
public:
  /// \p Override: a --config file used for every file instead of searching.
  explicit ConfigLocator(std::string Override = {}) : Override(std::move(Override)) {}

  /// The config that applies to \p File (absolute path).
  llvm::Expected<const Config *> configFor(llvm::StringRef File);

private:
  llvm::Expected<const Config *> load(llvm::StringRef ConfigPath);

  std::string Override;
  Config Defaults;
  llvm::StringMap<std::unique_ptr<Config>> ByConfigFile;
  llvm::StringMap<const Config *> ByDirectory;
};

/// The effective config as YAML, with where it came from as a comment:
/// \p CommandLineChecks (--checks) appended to the checks, and relative
/// excludes and model files made absolute, so that the output works as a
/// --config from any directory.
void writeConfig(llvm::raw_ostream &OS, const Config &C,
                 llvm::ArrayRef<std::string> CommandLineChecks = {});

} // namespace kmodlint

#endif
