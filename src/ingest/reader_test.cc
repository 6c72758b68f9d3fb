#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/line_reader.h"
#include "ingest/warc.h"  // GzipMember

namespace dyad {
namespace {

// A fresh directory per test process, so parallel test runs do not share files.
const std::string& TestDir() {
  static const std::string dir = [] {
    std::string pattern = ::testing::TempDir() + "/dyad_ingest_XXXXXX";
    char* made = mkdtemp(pattern.data());
    EXPECT_NE(made, nullptr);
    return pattern;
  }();
  return dir;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = TestDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

struct ReadAll {
  std::vector<Article> articles;
  std::vector<InputError> errors;
};

ReadAll Read(const std::string& path, ReaderOptions options = {}) {
  ReadAll out;
  auto reader = ArticleReader::Open(path, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return out;
  ReadItem item;
  while ((*reader)->Next(&item)) {
    if (item.article) out.articles.push_back(*item.article);
    out.errors.insert(out.errors.end(), item.errors.begin(), item.errors.end());
  }
  EXPECT_TRUE((*reader)->status().ok());
  return out;
}

struct ExpectedError {
  std::string reason_part;
  int64_t line;
  int64_t offset;  // -2: not checked
  bool warning = false;
};

struct JsonlCase {
  const char* name;
  std::string input;
  std::vector<std::string> ids;  // articles read, in order
  std::vector<ExpectedError> errors;
  size_t max_text_bytes = 1 << 20;
  size_t max_line_bytes = 8 << 20;
};

void PrintTo(const JsonlCase& c, std::ostream* os) { *os << c.name; }

const std::vector<JsonlCase>& JsonlCases() {
  static const std::vector<JsonlCase> kCases = {
      {"valid", "{\"id\":\"a1\",\"text\":\"Kabul fell.\"}\n{\"id\":\"a2\",\"text\":\"Talks resumed.\"}\n",
       {"a1", "a2"}, {}},
      {"invalid_json", "{\"id\":\"a1\",\"text\":\"ok\"}\n{\"id\": \"a2\", \"text\": \"cut\n", {"a1"},
       {{"invalid JSON", 2, 24}}},
      {"invalid_utf8", "{\"id\":\"a1\",\"text\":\"ok\"}\n{\"id\":\"a2\",\"text\":\"Caf\xC3(\"}\n", {"a1"},
       {{"invalid UTF-8", 2, 24 + 22}}},
      {"not_object", "[1, 2]\n\"text\"\n", {}, {{"not a JSON object", 1, 0}, {"not a JSON object", 2, 7}}},
      {"text_not_string", "{\"id\":\"a1\",\"text\":42}\n", {}, {{"field 'text' must be a string", 1, 0}}},
      {"id_wrong_type", "{\"id\":true,\"text\":\"Troops moved.\"}\n", {}, {{"field 'id'", 1, 0}}},
      {"title_wrong_type_is_warning", "{\"id\":\"a1\",\"title\":7,\"text\":\"Troops moved.\"}\n", {"a1"},
       {{"field 'title' must be a string", 1, 0, true}}},
      {"empty_text", "{\"id\":\"a1\",\"text\":\"  \\n \"}\n{\"id\":\"a2\"}\n", {},
       {{"empty text", 1, 0}, {"missing field 'text'", 2, -2}}},
      {"over_limit_text", "{\"id\":\"a1\",\"text\":\"0123456789abcdefXYZ\"}\n{\"id\":\"a2\",\"text\":\"short\"}\n",
       {"a2"}, {{"over the limit of 16", 1, 0}}, 16},
      {"missing_id_generated", "{\"text\":\"Aid arrived.\"}\n\n{\"id\":null,\"text\":\"More aid.\"}\n",
       {"news:1", "news:3"}, {}},
      {"numeric_id", "{\"id\":12345678901,\"text\":\"Aid arrived.\"}\n", {"12345678901"}, {}},
      {"crlf", "{\"id\":\"a1\",\"text\":\"One.\"}\r\n\r\n{\"id\":\"a2\",\"text\":\"Two.\"}\r\n{bad\r\n", {"a1", "a2"},
       {{"invalid JSON", 4, 56}}},
      {"no_trailing_newline", "{\"id\":\"a1\",\"text\":\"One.\"}\n{\"id\":\"a2\",\"text\":\"Two.\"}", {"a1", "a2"}, {}},
      {"blank_lines", "\n   \n{\"id\":\"a1\",\"text\":\"One.\"}\n\t\n\n", {"a1"}, {}},
      {"line_cap", "{\"id\":\"a1\",\"text\":\"" + std::string(200, 'x') + "\"}\n{\"id\":\"a2\",\"text\":\"Two.\"}\n",
       {"a2"}, {{"over the limit of 64", 1, 0}}, 1 << 20, 64},
      {"invalid_date_kept", "{\"id\":\"a1\",\"date\":\"2021-13-45\",\"text\":\"One.\"}\n", {"a1"},
       {{"invalid date '2021-13-45'", 1, 0, true}}},
  };
  return kCases;
}

class JsonlTest : public ::testing::TestWithParam<JsonlCase> {};

TEST_P(JsonlTest, ReadsArticlesAndErrors) {
  const JsonlCase& c = GetParam();
  ReaderOptions options;
  options.max_text_bytes = c.max_text_bytes;
  options.max_line_bytes = c.max_line_bytes;
  std::string path = WriteTemp("news.jsonl", c.input);
  ReadAll got = Read(path, options);
  std::vector<std::string> ids;
  for (const Article& a : got.articles) ids.push_back(a.id);
  EXPECT_EQ(ids, c.ids);
  ASSERT_EQ(got.errors.size(), c.errors.size());
  for (size_t i = 0; i < c.errors.size(); ++i) {
    const InputError& e = got.errors[i];
    EXPECT_NE(e.reason.find(c.errors[i].reason_part), std::string::npos) << e.reason;
    EXPECT_EQ(e.line, c.errors[i].line);
    if (c.errors[i].offset != -2) {
      EXPECT_EQ(e.offset, c.errors[i].offset);
    }
    EXPECT_EQ(e.warning, c.errors[i].warning);
    EXPECT_EQ(e.file, path);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, JsonlTest, ::testing::ValuesIn(JsonlCases()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(JsonlFields, AllFieldsAndNormalisedDate) {
  std::string line =
      "{\"id\":\"x\",\"date\":\"2021-08-10T09:30:00Z\",\"title\":\"T\",\"text\":\"Body.\\r\\nMore.\","
      "\"source\":{\"name\":\"Wire\"},\"url\":\"https://example.org/a\"}\n"
      "{\"id\":\"y\",\"text\":\"B.\",\"source\":\"Daily\",\"publisher\":\"Herald\"}\n";
  ReadAll got = Read(WriteTemp("fields.ndjson", line));
  ASSERT_EQ(got.articles.size(), 2u);
  const Article& a = got.articles[0];
  EXPECT_EQ(a.date, "2021-08-10");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.text, "Body.\r\nMore.");  // text exactly as given, after JSON unescaping
  EXPECT_EQ(a.publisher, "Wire");
  EXPECT_EQ(a.url, "https://example.org/a");
  EXPECT_EQ(got.articles[1].publisher, "Herald");
  EXPECT_TRUE(got.errors.empty());
}

TEST(TxtReader, WholeFileIsOneArticle) {
  std::string text = "\n  Rebels seize border town  \n\nKABUL (AP) — Rebels seized a town.\n";
  ReaderOptions options;
  options.date = "2021-08-11";
  ReadAll got = Read(WriteTemp("story-1.txt", text), options);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].id, "story-1");
  EXPECT_EQ(got.articles[0].title, "Rebels seize border town");
  EXPECT_EQ(got.articles[0].text, text);
  EXPECT_EQ(got.articles[0].date, "2021-08-11");
  EXPECT_TRUE(got.errors.empty());
}

TEST(TxtReader, ErrorsAreRecords) {
  ReadAll bad = Read(WriteTemp("bad.txt", "Headline\nCaf\xE9 talks\n"));
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].reason, "invalid UTF-8");
  EXPECT_EQ(bad.errors[0].offset, 12);
  EXPECT_EQ(bad.errors[0].article_id, "bad");
  EXPECT_TRUE(bad.articles.empty());

  ReaderOptions small;
  small.max_text_bytes = 10;
  ReadAll big = Read(WriteTemp("big.txt", std::string(100, 'a')), small);
  ASSERT_EQ(big.errors.size(), 1u);
  EXPECT_NE(big.errors[0].reason.find("over the limit"), std::string::npos);

  ReadAll untitled = Read(WriteTemp("untitled.txt", "Troops crossed the river on Monday.\nThey met no resistance.\n"));
  ASSERT_EQ(untitled.articles.size(), 1u);
  EXPECT_EQ(untitled.articles[0].title, "");  // a sentence, not a headline

  ReadAll empty = Read(WriteTemp("empty.txt", " \n\n"));
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_EQ(empty.errors[0].reason, "empty text");
}

TEST(ArticleReaderOpen, StatusErrors) {
  EXPECT_EQ(ArticleReader::Open(TestDir() + "/nope.jsonl", {}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ArticleReader::Open(WriteTemp("x.csv", "a"), {}).status().code(), StatusCode::kInvalidArgument);
  ReaderOptions bad_date;
  bad_date.date = "10/08/2021";
  EXPECT_EQ(ArticleReader::Open(WriteTemp("d.txt", "a"), bad_date).status().code(), StatusCode::kInvalidArgument);
}

TEST(InputFormat, ByExtensionOrRequest) {
  struct Case { const char* path; InputFormat requested; InputFormat want; };
  for (const Case& c : std::vector<Case>{{"a.jsonl", InputFormat::kAuto, InputFormat::kJsonl},
                                         {"dir.v2/A.JSON", InputFormat::kAuto, InputFormat::kJsonl},
                                         {"a.ndjson", InputFormat::kAuto, InputFormat::kJsonl},
                                         {"a.txt", InputFormat::kAuto, InputFormat::kTxt},
                                         {"-", InputFormat::kAuto, InputFormat::kJsonl},
                                         {"-", InputFormat::kTxt, InputFormat::kTxt},
                                         {"a.dat", InputFormat::kJsonl, InputFormat::kJsonl}}) {
    auto got = ResolveInputFormat(c.path, c.requested);
    ASSERT_TRUE(got.ok()) << c.path;
    EXPECT_EQ(*got, c.want) << c.path;
  }
  EXPECT_EQ(*ResolveInputFormat("a.jsonl.gz", InputFormat::kAuto), InputFormat::kJsonl);
  EXPECT_EQ(*ResolveInputFormat("A.NDJSON.GZ", InputFormat::kAuto), InputFormat::kJsonl);
  EXPECT_FALSE(ResolveInputFormat("a.gz", InputFormat::kAuto).ok());
  EXPECT_EQ(ParseInputFormat("txt"), InputFormat::kTxt);
  EXPECT_EQ(ParseInputFormat("xml"), std::nullopt);
}

// gzip-compressed JSONL: inflated as it is read, members concatenated; ids from the name without
// ".jsonl.gz"; corrupt or truncated data ends the file with an error record after the lines before.
TEST(JsonlGzip, CompressedMembersAndTruncation) {
  std::string a = R"({"id":"a","date":"2021-08-10","text":"The envoy arrived in Kabul."})"
                  "\n";
  std::string b = R"({"text":"Talks began on Tuesday."})"
                  "\n";
  ReadAll r = Read(WriteTemp("news.jsonl.gz", ingest::GzipMember(a) + ingest::GzipMember(b)));
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "a");
  EXPECT_EQ(r.articles[0].text, "The envoy arrived in Kabul.");
  EXPECT_EQ(r.articles[1].id, "news:2");
  EXPECT_TRUE(r.errors.empty());
  // Zero padding after the last member is allowed, as gzip(1) allows it.
  ReadAll padded =
      Read(WriteTemp("padded.jsonl.gz", ingest::GzipMember(a) + std::string(100, '\0')));
  EXPECT_EQ(padded.articles.size(), 1u);
  EXPECT_TRUE(padded.errors.empty());
  // A plain file that happens to start with the two magic bytes is read as it is.
  ReadAll plain = Read(WriteTemp("magic.jsonl", "\x1f\x8bxyz\n" + a + b));
  EXPECT_EQ(plain.articles.size(), 2u);
  ASSERT_EQ(plain.errors.size(), 1u);
  EXPECT_EQ(plain.errors[0].line, 1);
  // Any JSONL stream that starts with the gzip magic bytes is inflated, whatever its name.
  EXPECT_EQ(Read(WriteTemp("plain-name.jsonl", ingest::GzipMember(a))).articles.size(), 1u);

  std::string many;
  for (int i = 0; i < 200; ++i) {
    many += R"({"id":")" + std::to_string(i) + R"(","text":"Line number )" +
            std::to_string(i * 7919) +
            R"(."})"
            "\n";
  }
  std::string gz = ingest::GzipMember(many);
  ReadAll cut = Read(WriteTemp("cut.jsonl.gz", gz.substr(0, gz.size() / 2)));
  EXPECT_GT(cut.articles.size(), 10u);
  EXPECT_LT(cut.articles.size(), 200u);
  ASSERT_FALSE(cut.errors.empty());
  EXPECT_NE(cut.errors.back().reason.find("gzip"), std::string::npos) << cut.errors.back().reason;
  EXPECT_GT(cut.errors.back().offset, 0);
  std::string bad = gz;
  bad[bad.size() / 2] ^= 0x55;  // flipped bits inside the compressed data
  ReadAll flipped = Read(WriteTemp("bad.jsonl.gz", bad));
  ASSERT_FALSE(flipped.errors.empty());
  EXPECT_LT(flipped.articles.size(), 200u);
}

TEST(InputErrorFormat, OneJsonLine) {
  InputError e{"in.jsonl", 3, 120, "invalid \"JSON\"", "", false};
  EXPECT_EQ(FormatInputError(e), R"({"error":"invalid \"JSON\"","file":"in.jsonl","line":3,"offset":120})");
  InputError w{"in.jsonl", 4, -1, "invalid date", "a9", true};
  EXPECT_EQ(FormatInputError(w), R"({"error":"invalid date","file":"in.jsonl","line":4,"id":"a9","warning":true})");
}

// Chunk boundaries anywhere in a line must not matter.
TEST(LineReader, SmallChunksAndCap) {
  std::string data = "ab\r\ncdefgh\n\nlast";
  for (size_t chunk = 1; chunk <= 5; ++chunk) {
    std::FILE* f = fmemopen(data.data(), data.size(), "rb");
    ingest::LineReader reader(f, 4, chunk);
    ingest::RawLine line;
    std::vector<std::string> got;
    while (reader.Next(&line)) {
      got.push_back(line.truncated ? "<cut " + std::to_string(line.length) + ">" : line.text);
      got.back() += "@" + std::to_string(line.number) + ":" + std::to_string(line.offset);
    }
    std::fclose(f);
    EXPECT_EQ(got, (std::vector<std::string>{"ab@1:0", "<cut 6>@2:4", "@3:11", "last@4:12"})) << chunk;
  }
}

}  // namespace
}  // namespace dyad
