#include "ripple/csv_merge.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "ripple/error.hpp"

namespace ripple {
namespace {

std::string merged(const std::vector<CsvShardText>& shards, const CsvMergeOptions& options = {}) {
  std::ostringstream out;
  merge_csv_texts(shards, out, options);
  return out.str();
}

// The message of the InputError a merge throws; empty when it does not throw.
std::string merge_error(const std::vector<CsvShardText>& shards,
                        const CsvMergeOptions& options = {}) {
  try {
    (void)merged(shards, options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST_SUITE("batch") {
  TEST_CASE("interleaved shards merge into the rows in index order under one header") {
    const std::vector<CsvShardText> shards = {
        {"s1.csv", "index,x\n0,a\n3,d\n"},
        {"s2.csv", "index,x\n1,b\n4,e\n"},
        {"s3.csv", "index,x\n2,c\n"},
    };
    CHECK(merged(shards) == "index,x\n0,a\n1,b\n2,c\n3,d\n4,e\n");
  }

  TEST_CASE("rows are copied byte for byte, quotes and all") {
    const std::vector<CsvShardText> shards = {
        {"b.csv", "index,v,y\n1,\"{a: [1, 2]}\",2.500\n"},
        {"a.csv", "index,v,y\n0,\"x \"\"q\"\"\",1.000\n"},
    };
    CHECK(merged(shards) == "index,v,y\n0,\"x \"\"q\"\"\",1.000\n1,\"{a: [1, 2]}\",2.500\n");
  }

  TEST_CASE("an empty shard (header only) is fine") {
    const std::vector<CsvShardText> shards = {
        {"s1.csv", "index,x\n0,a\n1,b\n"},
        {"s2.csv", "index,x"},
    };
    CHECK(merged(shards) == "index,x\n0,a\n1,b\n");
  }

  TEST_CASE("a last row without its newline is a cut file, named with its line") {
    const std::vector<CsvShardText> shards = {
        {"s1.csv", "index,x\n0,a\n1,b"},
    };
    CHECK(merge_error(shards) ==
          "s1.csv:3:1: error: the last row does not end with a newline: the file was cut off "
          "(an interrupted or still running shard?)");
  }

  TEST_CASE("a row with fewer or more fields than the header is refused, quotes respected") {
    const std::vector<CsvShardText> shards = {
        {"s1.csv", "index,v,y\n0,\"a,b\",1\n1,2\n2,x,y,z\n"},
    };
    CHECK(merge_error(shards) ==
          "s1.csv:3:1: error: the row has 2 fields, the header has 3 (a cut or mixed file?)\n"
          "s1.csv:4:1: error: the row has 4 fields, the header has 3 (a cut or mixed file?)");
  }

  TEST_CASE("rows of another campaign are refused, naming both files and lines") {
    const std::vector<CsvShardText> shards = {
        {"a.csv", "index,x,campaign\n0,a,f00d\n"},
        {"b.csv", "index,x,campaign\n1,b,beef\n"},
    };
    CHECK(merge_error(shards) ==
          "b.csv:2:1: error: campaign 'beef' differs from 'f00d' at a.csv:2: rows of different "
          "campaigns (scenario, --set, --overlay, --vary, seed or ripple version differ)");
    const std::vector<CsvShardText> same = {
        {"a.csv", "index,x,campaign\n0,a,f00d\n"},
        {"b.csv", "index,x,campaign\n1,b,f00d\n"},
    };
    CHECK(merged(same) == "index,x,campaign\n0,a,f00d\n1,b,f00d\n");
  }

  TEST_CASE("a shard row with inf or nan is refused, naming the file, line and column") {
    const std::vector<CsvShardText> shards = {
        {"s1.csv", "index,jobs\n0,1.000\n"},
        {"s2.csv", "index,jobs\n1,nan\n"},
    };
    CHECK(merge_error(shards) ==
          "s2.csv:2:1: error: column 2 'jobs' = 'nan': not a finite number (ripple never writes "
          "inf or nan)");
  }

  TEST_CASE("CRLF files keep their line ends") {
    const std::vector<CsvShardText> shards = {{"w.csv", "index,x\r\n1,b\r\n0,a\r\n"}};
    CHECK(merged(shards) == "index,x\r\n0,a\r\n1,b\r\n");
  }

  TEST_CASE("a header that differs names the file and the first file") {
    const std::string message = merge_error({
        {"s1.csv", "index,x\n0,a\n"},
        {"s2.csv", "index,y\n1,b\n"},
    });
    CHECK(message ==
          "s2.csv:1:1: error: header differs from s1.csv's (files of different campaigns or "
          "versions?): 'index,y' vs 'index,x'");
  }

  TEST_CASE("a first column other than index is refused") {
    CHECK(merge_error({{"p.csv", "project,x\n0,a\n"}}) ==
          "p.csv:1:1: error: the first column is 'project', not 'index': not a shard file of a "
          "campaign");
  }

  TEST_CASE("a duplicate index names the index and both files") {
    const std::string message = merge_error({
        {"s1.csv", "index,x\n0,a\n2,c\n"},
        {"s2.csv", "index,x\n1,b\n2,c\n"},
    });
    CHECK(message == "s2.csv:3:1: error: index 2 appears twice: s1.csv:3 and s2.csv:3");
  }

  TEST_CASE("a gap names the missing indices and the files around them") {
    const std::string message = merge_error({
        {"s1.csv", "index,x\n0,a\n4,e\n"},
        {"s2.csv", "index,x\n1,b\n"},
    });
    CHECK(message ==
          "s1.csv:3:1: error: indices 2 to 3 are missing (the rows jump from 1 in s2.csv:2 to 4 "
          "in s1.csv:3): a shard file is missing?");
  }

  TEST_CASE("a missing first index is a gap") {
    CHECK(merge_error({{"s2.csv", "index,x\n1,b\n"}}) ==
          "s2.csv:2:1: error: index 0 is missing (the first row is 1 in s2.csv:2): a shard file "
          "is missing?");
  }

  TEST_CASE("with the campaign size, missing last indices are found") {
    CsvMergeOptions options;
    options.expected_rows = 4;
    CHECK(merge_error({{"s1.csv", "index,x\n0,a\n1,b\n"}}, options) ==
          "<input>: error: indices 2 to 3 are missing: the campaign has 4 rows, the last found "
          "is 1 in s1.csv:3: a shard file is missing?");
    options.expected_rows = 1;
    CHECK(merge_error({{"s1.csv", "index,x\n0,a\n1,b\n"}}, options) ==
          "s1.csv:3:1: error: index 1 is beyond the campaign's 1 rows (0 to 0)");
  }

  TEST_CASE("a row whose index is not a whole number names its file and line") {
    CHECK(merge_error({{"s.csv", "index,x\n0,a\nx1,b\n"}}) ==
          "s.csv:3:1: error: index 'x1' is not a whole number");
  }

  TEST_CASE("no files or an empty file is an input error") {
    CHECK(merge_error({}) == "<input>: error: no files to merge");
    CHECK(merge_error({{"e.csv", ""}}) == "e.csv: error: empty file: no header row");
  }

  TEST_CASE("an unreadable file is a runtime error naming it") {
    std::ostringstream out;
    CHECK_THROWS_WITH_AS(merge_csv_files({"/nonexistent/shard-1.csv"}, out),
                         "cannot read shard file '/nonexistent/shard-1.csv'", RuntimeError);
  }
}

}  // namespace
}  // namespace ripple
