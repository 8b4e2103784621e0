#include "ripple/output_folder.hpp"

#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "ripple/error.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kNewTag = ".ripple-new-";
constexpr std::string_view kOldTag = ".ripple-old-";
constexpr std::size_t kNamesShown = 10;

// Staging names carry the process id, so that two processes never share one.
std::string tag(std::string_view kind) {
  std::string text(kind);
  return text.append(std::to_string(::getpid()));
}

bool is_picture(std::string_view name) { return name.ends_with(".png") || name.ends_with(".svg"); }

// A staging folder or file of an interrupted ripple: `.ripple-new-<pid>` inside an output
// folder (files moved in one by one), or `<file>.ripple-new-<pid>`.
bool is_leftover(std::string_view name) {
  return name.find(kNewTag) != std::string_view::npos ||
         name.find(kOldTag) != std::string_view::npos;
}

// What a metadata file says about the folder: none when it is missing or not ripple's (a JSON
// object with `ripple_version`); its `files` list, or none for a list when it has none
// (written by ripple before the list).
struct Listing {
  std::optional<std::vector<std::string>> files;
};

std::optional<Listing> read_listing(const fs::path& metadata) {
  std::ifstream in(metadata, std::ios::binary);
  if (!in) return std::nullopt;
  try {
    const auto j = nlohmann::json::parse(in);
    if (!j.is_object() || !j.contains("ripple_version")) return std::nullopt;
    Listing listing;
    if (j.contains("files") && j["files"].is_array()) {
      listing.files.emplace();
      for (const auto& file : j["files"]) {
        if (file.is_string()) listing.files->push_back(file.get<std::string>());
      }
    }
    return listing;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::optional<std::vector<std::string>> listed_files(const fs::path& metadata) {
  const std::optional<Listing> listing = read_listing(metadata);
  return listing ? listing->files : std::nullopt;
}

std::vector<std::string> entries(const fs::path& dir, bool files_only) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (files_only && !it->is_regular_file(ec)) continue;
    std::string name = it->path().filename().string();
    if (!files_only && it->is_directory(ec)) name.push_back('/');
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string refusal(const fs::path& target, const std::vector<std::string>& foreign,
                    const std::string& force_label) {
  std::string text = "cannot write into ";
  text.append(target.string()).append(": it holds files that are not ripple's own output: ");
  for (std::size_t k = 0; k < foreign.size() && k < kNamesShown; ++k) {
    text.append(k > 0 ? ", " : "").append(foreign[k]);
  }
  if (foreign.size() > kNamesShown) {
    text.append(" and ").append(std::to_string(foreign.size() - kNamesShown)).append(" more");
  }
  text.append(
      " (write into a new or empty folder, or one holding ripple's earlier output of "
      "the same kind");
  if (!force_label.empty()) {
    text.append("; ").append(force_label).append(" writes beside these files and keeps them");
  }
  return text.append(")");
}

// Renames a file over another; across file systems, copies it beside the target first.
void move_file(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (!ec) return;
  if (ec != std::errc::cross_device_link) {
    throw RuntimeError("cannot move " + from.string() + " to " + to.string() + ": " + ec.message());
  }
  fs::path copy = to;
  copy += tag(kNewTag);
  fs::copy_file(from, copy, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::rename(copy, to, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(copy, ignored);
    throw RuntimeError("cannot write " + to.string() + ": " + ec.message());
  }
}

}  // namespace

std::vector<std::string> foreign_files(const fs::path& dir, std::string_view metadata) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return {};
  std::set<std::string, std::less<>> own;
  const std::optional<Listing> listing = read_listing(dir / std::string(metadata));
  if (listing) {
    own.insert(std::string(metadata));
    if (listing->files) own.insert(listing->files->begin(), listing->files->end());
  }
  std::vector<std::string> foreign;
  for (const std::string& name : entries(dir, false)) {
    if (own.contains(name) || is_leftover(name)) continue;
    if (listing && is_picture(name)) continue;  // drawn by tools/ripple-plot
    // An earlier ripple's folder, from before the metadata listed its files: its CSV files.
    if (listing && !listing->files && name.ends_with(".csv")) continue;
    foreign.push_back(name);
  }
  return foreign;
}

OutputFolder::OutputFolder(fs::path target, std::string metadata,
                           const OutputFolderOptions& options)
    : target_(std::move(target)), metadata_(std::move(metadata)) {
  std::error_code ec;
  absolute_ = fs::absolute(target_, ec).lexically_normal();
  if (ec) throw RuntimeError("cannot write into " + target_.string() + ": " + ec.message());
  if (!absolute_.has_filename()) absolute_ = absolute_.parent_path();
  const fs::file_status link = fs::symlink_status(absolute_, ec);
  if (fs::exists(link)) {
    if (!fs::is_directory(absolute_, ec)) {
      throw RuntimeError("cannot write into " + target_.string() + ": it is a file, not a folder");
    }
    const std::vector<std::string> foreign = foreign_files(absolute_, metadata_);
    if (!foreign.empty() && !options.force) {
      throw RuntimeError(refusal(target_, foreign, options.force_label));
    }
    // Files stay beside ripple's: they move in one by one. So do they into a symbolic link
    // (kept as it is) and into the working directory or a folder holding it (a renamed working
    // directory would confuse the shell that ran ripple).
    const fs::path cwd = fs::current_path(ec);
    const fs::path inside = ec ? fs::path("..") : cwd.lexically_relative(absolute_);
    in_place_ =
        !foreign.empty() || fs::is_symlink(link) || (!inside.empty() && *inside.begin() != "..");
  } else {
    fs::create_directories(absolute_.parent_path(), ec);
    if (ec) {
      throw RuntimeError("cannot create output directory " + absolute_.parent_path().string() +
                         ": " + ec.message());
    }
  }
  staging_ = in_place_
                 ? absolute_ / tag(kNewTag)
                 : absolute_.parent_path() / ("." + absolute_.filename().string() + tag(kNewTag));
  fs::remove_all(staging_, ec);  // left by an earlier process with the same id
  fs::create_directory(staging_, ec);
  if (ec) {
    throw RuntimeError("cannot create output directory " + staging_.string() + ": " + ec.message());
  }
}

OutputFolder::~OutputFolder() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

fs::path OutputFolder::path(std::string_view name) const { return staging_ / std::string(name); }

void OutputFolder::write(std::string_view name, std::string_view text) const {
  if (name.ends_with(".csv")) check_finite_csv(text, name);
  std::ofstream file(path(name), std::ios::binary);
  file.write(text.data(), static_cast<std::streamsize>(text.size()));
  file.flush();
  if (!file) throw RuntimeError("cannot write " + (target_ / std::string(name)).string());
}

std::vector<std::string> OutputFolder::staged_files() const { return entries(staging_, true); }

void OutputFolder::commit() {
  std::error_code ec;
  if (!fs::is_regular_file(path(metadata_), ec)) {
    throw RuntimeError("internal error: " + metadata_ + " was not written before the commit of " +
                       target_.string());
  }
  const std::string failed = "cannot put the new files in place in " + target_.string() + ": ";
  if (!in_place_) {
    if (!fs::exists(fs::symlink_status(absolute_, ec))) {
      fs::rename(staging_, absolute_, ec);
      if (ec) throw RuntimeError(failed + ec.message());
      committed_ = true;
      return;
    }
    const fs::path old =
        absolute_.parent_path() / ("." + absolute_.filename().string() + tag(kOldTag));
    fs::remove_all(old, ec);
    fs::rename(absolute_, old, ec);
    if (!ec) {
      fs::rename(staging_, absolute_, ec);
      if (ec) {
        std::error_code ignored;
        fs::rename(old, absolute_, ignored);  // the earlier output back in place
        throw RuntimeError(failed + ec.message());
      }
      committed_ = true;
      fs::remove_all(old, ec);
      return;
    }
    // The folder cannot be renamed (a mount point, say): its files are replaced one by one.
  }
  const std::optional<std::vector<std::string>> earlier = listed_files(absolute_ / metadata_);
  fs::remove(absolute_ / metadata_, ec);  // from here the folder does not look complete
  const std::vector<std::string> staged = staged_files();
  for (const std::string& name : staged) {
    if (name != metadata_) move_file(staging_ / name, absolute_ / name);
  }
  if (earlier) {
    for (const std::string& name : *earlier) {
      if (name.find('/') == std::string::npos && name != ".." && name != "." &&
          !std::binary_search(staged.begin(), staged.end(), name)) {
        fs::remove(absolute_ / name, ec);
      }
    }
  }
  move_file(staging_ / metadata_, absolute_ / metadata_);
  committed_ = true;
  fs::remove_all(staging_, ec);
}

AtomicFile::AtomicFile(fs::path path) : path_(std::move(path)) {
  std::error_code ec;
  // A device or a pipe (/dev/stdout, /dev/null) is written as it is: it cannot be replaced.
  if (fs::exists(path_, ec) && !fs::is_regular_file(path_, ec)) {
    temporary_ = path_;
  } else {
    temporary_ = path_;
    temporary_ += tag(kNewTag);
  }
  file_.open(temporary_, std::ios::binary);
  if (!file_) throw RuntimeError("cannot write " + path_.string());
}

AtomicFile::~AtomicFile() {
  if (committed_ || temporary_ == path_) return;
  file_.close();
  std::error_code ignored;
  fs::remove(temporary_, ignored);
}

void AtomicFile::commit() {
  file_.flush();
  const bool written = file_.good();
  file_.close();
  if (!written || file_.fail()) throw RuntimeError("cannot write " + path_.string());
  if (temporary_ != path_) {
    std::error_code ec;
    fs::rename(temporary_, path_, ec);
    if (ec) throw RuntimeError("cannot write " + path_.string() + ": " + ec.message());
  }
  committed_ = true;
}

void write_file_atomically(const fs::path& path, std::string_view text) {
  if (path.extension() == ".csv") check_finite_csv(text, path.string());
  AtomicFile file(path);
  file.stream().write(text.data(), static_cast<std::streamsize>(text.size()));
  file.commit();
}

}  // namespace ripple
