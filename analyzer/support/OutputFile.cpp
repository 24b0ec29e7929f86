//===- OutputFile.cpp - Files written whole or not at all -----------------===//
#include "analyzer/support/OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <sys/stat.h>
#include <unistd.h>

namespace kmodlint {

static llvm::Error cannotWrite(llvm::StringRef Path, std::error_code EC) {
  return llvm::createStringError(EC, "cannot write %s: %s", Path.str().c_str(),
                                 EC.message().c_str());
}

/// What the output path names once symlinks are followed: the rename must
/// replace the link's target, not the link.
static std::string resolved(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return std::string(Real);
  return Path.str();
}

static llvm::Error writeInPlace(llvm::StringRef Path,
                                llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC, llvm::sys::fs::OF_Append);
  if (EC)
    return cannotWrite(Path, EC);
  Write(Out);
  return flushStream(Out, Path);
}

/// The new file gets the old one's mode and owner, as an editor's save does.
static void copyModeAndOwner(int FD, llvm::StringRef Original) {
  struct stat St;
  if (::stat(Original.str().c_str(), &St) != 0)
    return;
  ::fchmod(FD, St.st_mode & 07777);
  if (::geteuid() == 0) {
    int Ignored = ::fchown(FD, St.st_uid, St.st_gid);
    (void)Ignored;
  }
}

llvm::Error writeOutputFile(llvm::StringRef Requested,
                            llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  std::string Path = resolved(Requested);
  llvm::sys::fs::file_status Status;
  bool Exists = !llvm::sys::fs::status(Path, Status);
  if (Exists && Status.type() != llvm::sys::fs::file_type::regular_file)
    return writeInPlace(Path, Write);

  auto Temp = llvm::sys::fs::TempFile::create(
      Path + ".kmodlint-%%%%%%",
      llvm::sys::fs::all_read | llvm::sys::fs::all_write);
  if (!Temp)
    return cannotWrite(Requested, llvm::errorToErrorCode(Temp.takeError()));
  std::error_code EC;
  {
    llvm::raw_fd_ostream Out(Temp->FD, /*shouldClose=*/false);
    Write(Out);
    Out.flush();
    if (Out.has_error()) {
      EC = Out.error();
      Out.clear_error();
    }
  }
  if (!EC && ::fsync(Temp->FD) != 0)
    EC = std::error_code(errno, std::generic_category());
  if (EC) {
    llvm::consumeError(Temp->discard());
    return cannotWrite(Requested, EC);
  }
  if (Exists)
    copyModeAndOwner(Temp->FD, Path);
  if (llvm::Error E = Temp->keep(Path))
    return cannotWrite(Requested, llvm::errorToErrorCode(std::move(E)));
  return llvm::Error::success();
}

llvm::Error checkOutputWritable(llvm::StringRef Requested) {
  std::string Path = resolved(Requested);
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status)) {
    if (Status.type() == llvm::sys::fs::file_type::directory_file)
      return llvm::createStringError(
          std::make_error_code(std::errc::is_a_directory),
          "cannot write %s: it is a directory", Requested.str().c_str());
    if (Status.type() != llvm::sys::fs::file_type::regular_file) {
      if (std::error_code EC =
              llvm::sys::fs::access(Path, llvm::sys::fs::AccessMode::Write))
        return cannotWrite(Requested, EC);
      return llvm::Error::success();
    }
  }
  llvm::SmallString<256> Directory(llvm::sys::path::parent_path(Path));
  if (Directory.empty())
    Directory = ".";
  if (!llvm::sys::fs::is_directory(Directory))
    return cannotWrite(Requested,
                       std::make_error_code(std::errc::no_such_file_or_directory));
  if (std::error_code EC =
          llvm::sys::fs::access(Directory, llvm::sys::fs::AccessMode::Write))
    return cannotWrite(Requested, EC);
  return llvm::Error::success();
}

bool isReadOnlyFile(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status) ||
      Status.type() != llvm::sys::fs::file_type::regular_file)
    return false;
  return (Status.permissions() & (llvm::sys::fs::owner_write |
                                  llvm::sys::fs::group_write |
                                  llvm::sys::fs::others_write)) == 0;
}

llvm::Error flushStream(llvm::raw_fd_ostream &OS, llvm::StringRef What) {
  OS.flush();
  if (!OS.has_error())
    return llvm::Error::success();
  std::error_code EC = OS.error();
  OS.clear_error();
  return llvm::createStringError(EC, "cannot write %s: %s", What.str().c_str(),
                                 EC.message().c_str());
}

} // namespace kmodlint
