#pragma once
/// Output written so that it never looks complete when it is not (docs/guarantees.md,
/// "Interrupted and failed runs"):
/// - OutputFolder: a folder of files (a run, a Monte Carlo campaign, a merge) is written into a
///   hidden staging folder beside the target, `.<name>.ripple-new-<pid>`, and renamed into
///   place by commit(); until then the target keeps its earlier content (or does not exist).
///   An error, an exception or an interruption before commit() leaves the target untouched.
/// - AtomicFile: one file (a sweep, a merged CSV, a comparison) written to `<file>.ripple-new-
///   <pid>` beside it and renamed over it when complete.
/// ripple recognises its own earlier output by the folder's metadata file (run.json or
/// mc.json, with a `ripple_version`), whose `files` list names every file it wrote; pictures that
/// tools/ripple-plot drew there (*.png, *.svg) and staging leftovers (`.ripple-new-*`) count as
/// ripple's too. Anything else in the folder is someone else's: ripple refuses to write there
/// (RuntimeError, exit 1, naming the files) unless told to write beside them
/// (OutputFolderOptions::force), in which case those files are kept and only ripple's own are
/// replaced, file by file.

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace ripple {

/// How OutputFolder treats a target folder that holds files ripple did not write.
struct OutputFolderOptions {
  /// Write beside files that are not ripple's (they are kept; ripple's own earlier files are
  /// replaced or removed). Off: refuse such a folder.
  bool force = false;
  /// How the caller names the option that sets `force`, for the refusal's message (e.g.
  /// "--force"); empty: the message does not mention one.
  std::string force_label;
};

/// The entries of `dir` that are not ripple's own output of the kind whose metadata file is
/// `metadata` ("run.json" or "mc.json"), sorted by name: everything but that metadata file, the
/// files its `files` list names (every *.csv file when it has no list: an earlier ripple's
/// folder), *.png and *.svg pictures and `.ripple-new-*` leftovers. A
/// folder holding the other kind of metadata (mc.json where a run is written) counts it and its
/// files as not ripple's own of this kind. Empty when `dir` does not exist.
[[nodiscard]] std::vector<std::string> foreign_files(const std::filesystem::path& dir,
                                                     std::string_view metadata);

/// A folder of output files written into a staging folder and put in place by commit().
class OutputFolder {
 public:
  /// Checks the target and creates the staging folder (and the target's parent folders).
  /// `metadata` is the file that lists the folder's files (run.json, mc.json): commit() needs
  /// it staged. Throws RuntimeError (exit 1) when the target is not a folder, holds files that
  /// are not ripple's own (naming them, unless options.force), or when the staging folder
  /// cannot be created.
  OutputFolder(std::filesystem::path target, std::string metadata,
               const OutputFolderOptions& options = {});
  /// Removes the staging folder when commit() was not reached: the target stays as it was.
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  OutputFolder(OutputFolder&&) = delete;
  OutputFolder& operator=(OutputFolder&&) = delete;

  /// The folder the files are written into until commit().
  [[nodiscard]] const std::filesystem::path& staging() const { return staging_; }
  /// The folder the files end up in, as given.
  [[nodiscard]] const std::filesystem::path& target() const { return target_; }
  /// staging() / name: for files written as streams.
  [[nodiscard]] std::filesystem::path path(std::string_view name) const;
  /// Writes one file into the staging folder. A `.csv` text is checked first (no inf or nan:
  /// ModelError naming the file, line and column, check_finite_csv()). Throws RuntimeError when
  /// it cannot be written.
  void write(std::string_view name, std::string_view text) const;
  /// The names of the files staged so far, sorted: what the metadata's `files` list holds.
  [[nodiscard]] std::vector<std::string> staged_files() const;
  /// Puts the staged files in place, the metadata file last. A target that does not exist, is
  /// empty or holds only ripple's own earlier output is swapped whole (rename the old one
  /// aside, rename the staging folder in, remove the old one). With foreign files (force), or
  /// when the target is or contains the working directory, the files move in one by one: the
  /// old metadata file first (so that the folder does not look complete meanwhile), then the
  /// new files, then ripple's own earlier files that the new output does not have are removed,
  /// and the new metadata file comes last. Throws RuntimeError when a step fails.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path absolute_;  // target_ made absolute, without a trailing separator
  std::string metadata_;
  bool in_place_ = false;  // files move in one by one (see commit())
  bool committed_ = false;
  std::filesystem::path staging_;
};

/// One output file written whole or not at all: the stream writes `<path>.ripple-new-<pid>`,
/// commit() checks it and renames it over `path`. Without commit() (an error, an exception)
/// the temporary file is removed and `path` keeps its earlier content.
class AtomicFile {
 public:
  /// Opens the temporary file. Throws RuntimeError naming `path` when it cannot be created.
  explicit AtomicFile(std::filesystem::path path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  AtomicFile(AtomicFile&&) = delete;
  AtomicFile& operator=(AtomicFile&&) = delete;

  [[nodiscard]] std::ostream& stream() { return file_; }
  /// Flushes and closes the file and renames it over the path. Throws RuntimeError naming the
  /// path when a write failed or the rename fails.
  void commit();

 private:
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  std::ofstream file_;
  bool committed_ = false;
};

/// Writes `text` to `path` through an AtomicFile; a `.csv` path's text is checked for inf and
/// nan first (ModelError). Throws RuntimeError naming the path when it cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace ripple
