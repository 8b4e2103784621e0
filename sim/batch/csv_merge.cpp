#include "ripple/csv_merge.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <string_view>

#include "ripple/error.hpp"
#include "ripple/text_table.hpp"

namespace ripple {
namespace {

// Diagnostics beyond this many are summarised in one line: a wrong file list can produce a
// message per row otherwise.
constexpr std::size_t kMaxDiagnostics = 20;

// Concatenation by append (GCC 12 warns falsely on "literal" + std::string in Release).
template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::string text;
  (text.append(parts), ...);
  return text;
}

std::string num(std::uint64_t value) { return std::to_string(value); }

struct Row {
  std::uint64_t index = 0;
  std::size_t file = 0;
  std::size_t line = 0;   // 1-based
  std::string_view text;  // without its line end
};

// The line without "\n" or "\r\n".
std::string_view content(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view first_field(std::string_view line) { return line.substr(0, line.find(',')); }

// Fields of a CSV line, quotes respected ("a,b" is one field; "" inside quotes is a quote).
std::size_t field_count(std::string_view line) {
  std::size_t count = 1;
  bool quoted_field = false;
  for (const char c : line) {
    if (c == '"') {
      quoted_field = !quoted_field;  // "" toggles twice: still inside
    } else if (c == ',' && !quoted_field) {
      ++count;
    }
  }
  return count;
}

// The last field of a line (unquoted fields only: the campaign fingerprint is hex).
std::string_view last_field(std::string_view line) {
  const std::size_t comma = line.rfind(',');
  return comma == std::string_view::npos ? line : line.substr(comma + 1);
}

// Field k of a line (split at every comma: enough for numbers and headers of numbers).
std::string_view nth_field(std::string_view line, std::size_t k) {
  std::size_t begin = 0;
  for (std::size_t i = 0; i < k; ++i) {
    begin = line.find(',', begin);
    if (begin == std::string_view::npos) return {};
    ++begin;
  }
  return line.substr(begin, line.find(',', begin) - begin);
}

std::string quoted(std::string_view text) {
  std::string out = "'";
  out.append(text.substr(0, 60));
  if (text.size() > 60) out.append("...");
  out.append("'");
  return out;
}

std::string where(const std::vector<CsvShardText>& shards, const Row& row) {
  std::string text = shards[row.file].name;
  text.append(":").append(std::to_string(row.line));
  return text;
}

class Sink {
 public:
  void error(Mark mark, std::string message) {
    if (diagnostics_.size() < kMaxDiagnostics) {
      diagnostics_.push_back({std::move(mark), std::move(message)});
    } else {
      ++dropped_;
    }
  }
  void throw_if_any() const {
    if (diagnostics_.empty()) return;
    auto all = diagnostics_;
    if (dropped_ > 0) {
      std::string message = "... and ";
      message.append(std::to_string(dropped_)).append(" more problems");
      all.push_back({Mark{}, message});
    }
    throw InputError(all);
  }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::size_t dropped_ = 0;
};

}  // namespace

void merge_csv_texts(const std::vector<CsvShardText>& shards, std::ostream& out,
                     const CsvMergeOptions& options) {
  if (shards.empty()) throw InputError(Mark{}, "no files to merge");
  Sink sink;
  std::vector<Row> rows;
  std::string_view header;
  std::string_view header_end = "\n";
  std::size_t header_fields = 0;
  bool has_campaign = false;
  std::optional<Row> campaign_row;  // the first row with a fingerprint: the one all must have
  for (std::size_t f = 0; f < shards.size(); ++f) {
    const std::string_view text = shards[f].text;
    const std::string& name = shards[f].name;
    std::size_t line_number = 0;
    bool header_seen = false;
    for (std::size_t from = 0; from < text.size();) {
      std::size_t next = text.find('\n', from);
      next = next == std::string_view::npos ? text.size() : next + 1;
      const std::string_view line = content(text.substr(from, next - from));
      from = next;
      ++line_number;
      if (!header_seen) {
        header_seen = true;
        if (f == 0) {
          header = line;
          // The first file's line end ("\n" or "\r\n"); "\n" when it has a single line.
          const std::string_view end = text.substr(line.size(), next - line.size());
          if (!end.empty()) header_end = end;
          header_fields = field_count(line);
          has_campaign = last_field(line) == options.campaign_column && header_fields > 1;
          if (first_field(line) != options.index_column) {
            sink.error(Mark{name, 1, 1},
                       cat("the first column is ", quoted(first_field(line)), ", not '",
                           options.index_column, "': not a shard file of a campaign"));
          }
        } else if (line != header) {
          sink.error(Mark{name, 1, 1}, cat("header differs from ", shards[0].name,
                                           "'s (files of different campaigns or versions?): ",
                                           quoted(line), " vs ", quoted(header)));
        }
        continue;
      }
      if (line.empty()) continue;
      Row row{0, f, line_number, line};
      const Mark row_mark{name, static_cast<int>(line_number), 1};
      if (next == text.size() && text.back() != '\n') {
        sink.error(row_mark,
                   "the last row does not end with a newline: the file was cut off "
                   "(an interrupted or still running shard?)");
        continue;
      }
      if (const std::size_t fields = field_count(line); fields != header_fields) {
        sink.error(row_mark, cat("the row has ", num(fields), " fields, the header has ",
                                 num(header_fields), " (a cut or mixed file?)"));
        continue;
      }
      if (const auto column = non_finite_field(line)) {
        sink.error(row_mark,
                   cat("column ", num(*column + 1), " ", quoted(nth_field(header, *column)), " = ",
                       quoted(nth_field(line, *column)),
                       ": not a finite number (ripple never writes inf or nan)"));
        continue;
      }
      if (has_campaign) {
        const std::string_view fingerprint = last_field(line);
        const std::string_view campaign =
            campaign_row ? last_field(campaign_row->text) : fingerprint;
        if (!campaign_row) {
          campaign_row = row;
        } else if (fingerprint != campaign) {
          sink.error(row_mark,
                     cat(options.campaign_column, " ", quoted(fingerprint), " differs from ",
                         quoted(campaign), " at ", where(shards, *campaign_row),
                         ": rows of different campaigns (scenario, --set, --overlay, "
                         "--vary, seed or ripple version differ)"));
          continue;
        }
      }
      const std::string_view field = first_field(line);
      const char* end = field.data() + field.size();
      const auto [ptr, ec] = std::from_chars(field.data(), end, row.index);
      if (field.empty() || ec != std::errc{} || ptr != end) {
        sink.error(Mark{name, static_cast<int>(line_number), 1},
                   cat(options.index_column, " ", quoted(field), " is not a whole number"));
        continue;
      }
      rows.push_back(row);
    }
    if (!header_seen) sink.error(Mark{name, 0, 0}, "empty file: no header row");
  }
  sink.throw_if_any();

  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.index < b.index; });
  std::uint64_t expected = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    const Mark mark{shards[row.file].name, static_cast<int>(row.line), 1};
    if (r > 0 && row.index == rows[r - 1].index) {
      sink.error(mark, cat("index ", num(row.index), " appears twice: ", where(shards, rows[r - 1]),
                           " and ", where(shards, row)));
      continue;
    }
    if (row.index != expected) {
      std::string message = expected + 1 == row.index ? cat("index ", num(expected), " is missing")
                                                      : cat("indices ", num(expected), " to ",
                                                            num(row.index - 1), " are missing");
      if (r == 0) {
        message.append(" (the first row is ").append(std::to_string(row.index));
      } else {
        message.append(" (the rows jump from ")
            .append(std::to_string(rows[r - 1].index))
            .append(" in ")
            .append(where(shards, rows[r - 1]))
            .append(" to ")
            .append(std::to_string(row.index));
      }
      message.append(" in ").append(where(shards, row)).append("): a shard file is missing?");
      sink.error(mark, message);
    }
    if (options.expected_rows && row.index >= *options.expected_rows) {
      sink.error(mark, cat("index ", num(row.index), " is beyond the campaign's ",
                           num(*options.expected_rows), " rows (0 to ",
                           num(*options.expected_rows - 1), ")"));
    }
    expected = row.index + 1;
  }
  if (options.expected_rows && expected < *options.expected_rows) {
    std::string message =
        cat("indices ", num(expected), " to ", num(*options.expected_rows - 1),
            " are missing: the campaign has ", num(*options.expected_rows), " rows");
    if (rows.empty()) {
      message.append(" and the files have none");
    } else {
      message.append(", the last found is ")
          .append(std::to_string(rows.back().index))
          .append(" in ")
          .append(where(shards, rows.back()));
    }
    message.append(": a shard file is missing?");
    sink.error(Mark{}, message);
  }
  sink.throw_if_any();

  out << header << header_end;
  for (const Row& row : rows) out << row.text << header_end;
}

void merge_csv_files(const std::vector<std::string>& paths, std::ostream& out,
                     const CsvMergeOptions& options) {
  std::vector<CsvShardText> shards;
  shards.reserve(paths.size());
  for (const auto& path : paths) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw RuntimeError(cat("cannot read shard file '", path, "'"));
    shards.push_back({path, std::string(std::istreambuf_iterator<char>(file),
                                        std::istreambuf_iterator<char>())});
    if (file.bad()) throw RuntimeError(cat("cannot read shard file '", path, "'"));
  }
  merge_csv_texts(shards, out, options);
}

}  // namespace ripple
