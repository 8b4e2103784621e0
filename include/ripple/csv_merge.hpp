#pragma once
/// Joining the CSV files of a sharded campaign (shard.hpp) back into the file an unsharded run
/// writes. Every file starts with the same header row whose first column is `index`; each data
/// row starts with its 0-based index. The merge copies the rows verbatim (bytes untouched) in
/// index order, so that the merge of any N shards is byte-identical to the unsharded file.
/// It refuses what would make the result differ: a header that differs, a row without a
/// valid index, an index twice (naming both files) and a gap (naming the files around it); and
/// what shows a broken or foreign shard: a file whose last row does not end in a newline (cut
/// off), a row whose field count is not the header's, and rows of another campaign (the
/// `campaign` column, when the header ends with one, differs).

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace ripple {

/// One shard file's content, with the name used in messages (usually its path).
struct CsvShardText {
  std::string name;
  std::string text;
};

/// What a merge checks beyond headers, duplicates and gaps.
struct CsvMergeOptions {
  /// The campaign's size P: when set, the indices must be exactly 0 .. P-1 (this catches a
  /// missing shard that held only the last indices). Unset: 0 .. the largest index found.
  std::optional<std::uint64_t> expected_rows;
  /// Name of the first column; every header must start with it.
  std::string index_column = "index";
  /// When the header's last column has this name, it holds the campaign fingerprint (e.g.
  /// Sweep::fingerprint()) and every row must carry the same one.
  std::string campaign_column = "campaign";
};

/// Merges shard files given as text and writes the header and the rows in index order to
/// `out`; "\r\n" line ends are kept as they are. Nothing is written unless every check passes.
/// Throws InputError (exit 3): no files; a file without a header; a last row without a final
/// newline; a row with more or fewer fields than the header; a campaign fingerprint that is not
/// the first row's (naming both files and lines); a header that is not the
/// first file's (naming both files); a first column not `index`; a row whose first field is not
/// a whole number (file and line); an index in two files or twice in one (naming the index and
/// the files); a gap or a count that is not expected_rows (naming the index and the files
/// around it). Rows are held in memory: about the size of the files.
void merge_csv_texts(const std::vector<CsvShardText>& shards, std::ostream& out,
                     const CsvMergeOptions& options = {});

/// Reads each file (bytes) and merges them as merge_csv_texts(). Throws RuntimeError when a file
/// cannot be read (naming it) and what merge_csv_texts() throws.
void merge_csv_files(const std::vector<std::string>& paths, std::ostream& out,
                     const CsvMergeOptions& options = {});

}  // namespace ripple
