//===- CompilationInputs.cpp - What to analyze and with which flags -------===//
#include "analyzer/frontend/CompilationInputs.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace kmodlint {

llvm::StringRef describeInputMode(InputMode Mode) {
  switch (Mode) {
  case InputMode::CompileDatabase:
    return "compile_commands.json";
  case InputMode::ExplicitFlags:
    return "flags given after --";
  case InputMode::KbuildCheck:
    return "Kbuild CHECK= command line";
  case InputMode::BundledHeaders:
    return "bundled kernel API headers (no compile command)";
  }
  llvm_unreachable("unknown input mode");
}

static std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs))
    llvm::sys::fs::make_absolute(Base, Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

static bool isAnalyzableSource(llvm::StringRef File) {
  // Kbuild's modpost output (foo.mod.c) is generated boilerplate.
  return File.ends_with(".c") && !File.ends_with(".mod.c");
}

llvm::Expected<std::vector<AnalysisUnit>>
loadDatabaseUnits(llvm::StringRef BuildDir, llvm::ArrayRef<std::string> Files) {
  llvm::SmallString<256> DbPath(BuildDir);
  llvm::sys::path::append(DbPath, "compile_commands.json");
  // clang's reader is a YAML parser: a truncated file is read up to the
  // cut and trailing garbage is ignored, so the run would silently analyze
  // part of the build. Strict JSON first, and its error names the file.
  if (auto Text = llvm::MemoryBuffer::getFile(DbPath)) {
    llvm::Expected<llvm::json::Value> Parsed =
        llvm::json::parse((*Text)->getBuffer());
    if (!Parsed)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "%s is not valid JSON (%s); it was cut short or edited: regenerate "
          "it with 'bear -- make ...'",
          DbPath.c_str(), llvm::toString(Parsed.takeError()).c_str());
  }
  std::string Error;
  auto Db = clang::tooling::JSONCompilationDatabase::loadFromFile(
      DbPath, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Db)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "cannot read the compile database %s: %s (build the module once "
        "with 'bear -- make ...' to create it)",
        DbPath.c_str(), Error.c_str());

  std::vector<AnalysisUnit> Units;
  auto AddCommands = [&](const std::vector<clang::tooling::CompileCommand> &Cmds) {
    for (const auto &Cmd : Cmds) {
      // An entry without a file is kept: analyzing it fails with a
      // sentence, where skipping it would hide a broken database.
      if (!Cmd.Filename.empty() && !isAnalyzableSource(Cmd.Filename))
        continue;
      AnalysisUnit Unit;
      if (!Cmd.Filename.empty())
        Unit.File = absolutePath(Cmd.Filename, Cmd.Directory);
      Unit.Directory = Cmd.Directory;
      Unit.CommandLine = Cmd.CommandLine;
      Unit.Mode = InputMode::CompileDatabase;
      Units.push_back(std::move(Unit));
    }
  };
  if (Files.empty()) {
    AddCommands(Db->getAllCompileCommands());
  } else {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    for (const std::string &File : Files) {
      std::string Abs = absolutePath(File, Cwd);
      auto Cmds = Db->getCompileCommands(Abs);
      if (Cmds.empty())
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "%s has no entry in %s; rebuild the database or pass the "
            "compiler flags after --",
            File.c_str(), DbPath.c_str());
      AddCommands(Cmds);
    }
  }
  return Units;
}

AnalysisUnit explicitFlagsUnit(llvm::StringRef File,
                               llvm::ArrayRef<std::string> Flags) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  AnalysisUnit Unit;
  Unit.File = absolutePath(File, Cwd);
  Unit.Directory = std::string(Cwd);
  Unit.CommandLine.push_back("clang");
  Unit.CommandLine.insert(Unit.CommandLine.end(), Flags.begin(), Flags.end());
  Unit.CommandLine.push_back(Unit.File);
  Unit.Mode = InputMode::ExplicitFlags;
  return Unit;
}

llvm::Expected<AnalysisUnit> kbuildCheckUnit(llvm::ArrayRef<std::string> Argv) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  AnalysisUnit Unit;
  Unit.Directory = std::string(Cwd);
  Unit.Mode = InputMode::KbuildCheck;
  Unit.CommandLine.push_back("clang");
  for (const std::string &Arg : Argv) {
    if (Arg.size() > 2 && Arg[0] != '-' && llvm::StringRef(Arg).ends_with(".c"))
      Unit.File = absolutePath(Arg, Cwd);
    Unit.CommandLine.push_back(Arg);
  }
  if (Unit.File.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--kbuild expects Kbuild's checker command line ending in a .c file; "
        "use it as make C=1 CHECK=\"kmodlint --kbuild\"");
  return Unit;
}

AnalysisUnit bundledHeadersUnit(llvm::StringRef File) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  AnalysisUnit Unit;
  Unit.File = absolutePath(File, Cwd);
  Unit.Directory = std::string(Cwd);
  Unit.Mode = InputMode::BundledHeaders;
  Unit.CommandLine = {"clang",
                      "-std=gnu11",
                      "-nostdinc",
                      "-I" + BundledIncludeDir.str(),
                      "-D__KERNEL__",
                      "-DMODULE",
                      "-include",
                      "linux/kconfig.h",
                      Unit.File};
  return Unit;
}

} // namespace kmodlint
