// HTML extraction, RSS/Atom feeds, WARC(.gz) reading and the ArticleReader on those formats.
// Every input here is synthetic, written for these tests.
#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/html_extract.h"
#include "ingest/page_date.h"
#include "ingest/page_reader.h"
#include "ingest/reader.h"
#include "ingest/warc.h"
#include "ingest/xml_scan.h"

namespace dyad::ingest {
namespace {

const char kPage[] = R"(<!DOCTYPE html>
<html><head>
<title>Taliban take Kunduz after days of fighting | Daily Ledger</title>
<meta property="article:published_time" content="2021-08-08T10:00:00+04:30">
<link rel="canonical" href="https://www.dailyledger.example/world/kunduz-falls">
<style>p { color: red }</style>
<script>var tracking = "<p>not text</p>";</script>
</head><body>
<header class="site-header"><a href="/">Daily Ledger</a> <a href="/world">World</a></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>Taliban take Kunduz after days of fighting</h1>
<div class="share-buttons"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>
<p>The Taliban took the northern city of Kunduz on Sunday after days of heavy fighting, officials said.</p>
<figure><img src="k.jpg"><figcaption>Fighters in Kunduz on Sunday. Photo: Staff</figcaption></figure>
<p>Government forces withdrew to the airport, a provincial council member told reporters by telephone.</p>
<p>Read more: <a href="/x">Ghani flies to Mazar-i-Sharif</a></p>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Talks stall in Doha as violence rises</a></li>
<li><a href="/b">Refugees cross into Tajikistan</a></li></ul></div>
<p>The United Nations said it was alarmed by the reports of civilian casualties.</p>
</article></main>
<aside><h3>Most read</h3><p>Celebrity wedding photos</p></aside>
<footer><p>Copyright 2021 Daily Ledger. All rights reserved.</p></footer>
</body></html>)";

TEST(HtmlExtract, KeepsArticleDropsFurniture) {
  HtmlPage page = ExtractHtmlArticle(kPage);
  EXPECT_EQ(page.error, "");
  EXPECT_EQ(page.title, "Taliban take Kunduz after days of fighting");
  EXPECT_EQ(page.date, "2021-08-08");
  EXPECT_EQ(page.url, "https://www.dailyledger.example/world/kunduz-falls");
  EXPECT_EQ(page.host, "dailyledger.example");
  EXPECT_EQ(page.text,
            "Taliban take Kunduz after days of fighting\n\n"
            "The Taliban took the northern city of Kunduz on Sunday after days of heavy fighting, officials said.\n\n"
            "Government forces withdrew to the airport, a provincial council member told reporters by telephone.\n\n"
            "The United Nations said it was alarmed by the reports of civilian casualties.");
}

TEST(HtmlExtract, DateSources) {
  struct Case {
    std::string head_or_body;
    std::string want;
  };
  std::vector<Case> cases = {
      {R"(<meta name="date" content="2021-08-09">)", "2021-08-09"},
      {R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2021-08-10T08:00:00Z"}]}</script>)",
       "2021-08-10"},
      {R"(<time datetime="2021-08-11T12:00">Aug 11</time>)", "2021-08-11"},
      {R"(<meta itemprop="datePublished" content="August 12, 2021">)", "2021-08-12"},
      {"", ""},
  };
  for (const Case& c : cases) {
    std::string html = "<html><head>" + c.head_or_body +
                       "</head><body><p>The minister met the envoy in the capital on Tuesday to discuss aid.</p></body></html>";
    EXPECT_EQ(ExtractHtmlArticle(html).date, c.want) << c.head_or_body;
  }
}

TEST(HtmlExtract, TitleFallbacksAndRelativeCanonical) {
  std::string html = R"(<html><head><title>Ceasefire agreed in talks - Wire Service</title>
<link rel="canonical" href="/news/ceasefire"></head><body><div><p>The two sides agreed a ceasefire on Monday after talks in Geneva, diplomats said.</p></div></body></html>)";
  HtmlPage page = ExtractHtmlArticle(html, "https://example.org/page?id=3");
  EXPECT_EQ(page.title, "Ceasefire agreed in talks");
  EXPECT_EQ(page.url, "https://example.org/news/ceasefire");
  EXPECT_EQ(page.host, "example.org");
}

TEST(HtmlExtract, WholePageInsideFormIsKept) {
  // ASP.NET-style pages wrap everything in a <form>: it must not count as furniture.
  std::string html = "<html><body><form id=aspnetForm><div class='sidebar'><p>Weather: sunny</p></div>";
  for (int i = 0; i < 5; ++i) {
    html += "<p>Paragraph " + std::to_string(i) + " of the report on the flooding in the eastern provinces of the country.</p>";
  }
  html += "</form></body></html>";
  HtmlPage page = ExtractHtmlArticle(html);
  EXPECT_NE(page.text.find("Paragraph 4 of the report"), std::string::npos);
  EXPECT_EQ(page.text.find("Weather"), std::string::npos);
}

TEST(HtmlExtract, NoBodyIsAnError) {
  EXPECT_EQ(ExtractHtmlArticle("<html><head><title>Only a title</title></head></html>").error,
            "no article text in the HTML page");
  EXPECT_FALSE(ExtractHtmlArticle("").error.empty());
  EXPECT_EQ(ExtractHtmlArticle(std::string("\x89PNG\0\x01\x02\xff\xfe<p>x</p>", 15)).error, "binary data, not an HTML page");
}

TEST(HtmlExtract, Latin1IsTranscoded) {
  std::string html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 owners in Bogot\xe1 "
                     "protested against the new tax on Monday, police said.</p></body></html>";
  HtmlPage page = ExtractHtmlArticle(html);
  EXPECT_NE(page.text.find("Caf\xc3\xa9 owners in Bogot\xc3\xa1"), std::string::npos) << page.text;
}

TEST(HtmlExtract, UnsupportedCharsetIsAnError) {
  std::string error;
  EXPECT_EQ(ToUtf8("\x82\xa0\x82\xa2", "shift_jis", &error), "");
  EXPECT_EQ(error, "unsupported charset 'shift_jis'");
}

// gumbo slows down badly on deep or misnested markup; PrepareHtml caps the nesting it sees. The
// check is structural (how many start tags survive), not a timing: speed belongs in benchmarks.
TEST(HtmlExtract, DeepNestingIsCappedBeforeParsing) {
  for (const char* unit : {"<div>", "<b><i><u><s>x</p>", "<dl><dd>", "<a><div>", "<em><div></em>"}) {
    std::string html = "<html><body><p>Start of the article about the election results in the north.</p>";
    for (int i = 0; i < 50000; ++i) html += unit;
    html += "end";
    std::string prepared = PrepareHtml(html);
    size_t opens = 0;
    for (size_t p = prepared.find('<'); p != std::string::npos; p = prepared.find('<', p + 1)) {
      if (p + 1 < prepared.size() && prepared[p + 1] != '/') ++opens;
    }
    // Plain nesting ("<div>" 50,000 deep) keeps at most the depth cap of start tags; the
    // misnested units must still extract (they once took minutes in gumbo).
    if (std::string(unit) == "<div>") {
      EXPECT_LT(opens, kMaxHtmlDepth + 16);
    }
    HtmlPage page = ExtractHtmlArticle(html);
    EXPECT_NE(page.text.find("Start of the article"), std::string::npos) << unit;
  }
}

TEST(HtmlExtract, PrepareHtmlDropsScriptsAndFlattens) {
  EXPECT_EQ(PrepareHtml("<p>a<!-- c --><script>x<y</script><style>s</style>b</p>"), "<p>ab</p>");
  std::string ld = "<script type=\"application/ld+json\">{\"a\":1}</script>";
  EXPECT_EQ(PrepareHtml(ld), ld);
  std::string deep;
  for (int i = 0; i < 10; ++i) deep += "<div>";
  deep += "x";
  EXPECT_EQ(PrepareHtml(deep, 3), "<div><div><div>x");
}

TEST(HtmlExtract, FragmentToText) {
  EXPECT_EQ(HtmlFragmentToText("<p>First &amp; second.</p><p>Third<br>line.</p><div class=\"share\">Share</div>"),
            "First & second.\n\nThird\n\nline.");
  EXPECT_EQ(HtmlFragmentToText("Plain text.\n\nSecond  paragraph."), "Plain text.\n\nSecond paragraph.");
  EXPECT_EQ(HtmlFragmentToText("Fish &amp; chips"), "Fish & chips");
}

TEST(PageDate, Formats) {
  struct Case {
    const char* in;
    const char* want;
  };
  for (const Case& c : std::vector<Case>{{"2021-08-10", "2021-08-10"},
                                         {"2021-08-10T23:30:00-05:00", "2021-08-10"},
                                         {"Tue, 10 Aug 2021 09:30:00 GMT", "2021-08-10"},
                                         {"10 Aug 21 09:30 +0000", "2021-08-10"},
                                         {"Aug. 10, 2021", "2021-08-10"},
                                         {"August 10 2021", "2021-08-10"},
                                         {"20210810", "2021-08-10"},
                                         {"2021-02-30", ""},
                                         {"yesterday", ""},
                                         {"Tue,", ""},
                                         {"", ""}}) {
    EXPECT_EQ(NormalizePageDate(c.in), c.want) << c.in;
  }
}

TEST(XmlScan, ForgivingTree) {
  XmlDocument doc = ScanXml("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><a x='1 &amp; 2'>"
                            "t &lt; &e; &#65;<![CDATA[<b>raw</b>]]><c/><d>unclosed</a><e>after");
  ASSERT_GE(doc.elements.size(), 4u);
  EXPECT_EQ(doc.elements[0].name, "a");
  EXPECT_EQ(doc.elements[0].Attr("x"), "1 & 2");
  EXPECT_EQ(doc.elements[0].text, "t < &e; A<b>raw</b>");
  EXPECT_EQ(doc.elements[1].name, "c");
  EXPECT_EQ(doc.elements[2].name, "d");
  EXPECT_EQ(doc.elements[2].text, "unclosed");
  EXPECT_EQ(doc.elements[3].name, "e");
  EXPECT_EQ(doc.elements[3].parent, -1);
}

SourceContext Context(std::string file = "test.rss") {
  SourceContext c;
  c.file = file;
  c.stem = "test";
  c.date = "2021-01-01";
  return c;
}

TEST(Feed, Rss2Items) {
  std::string rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Wire Desk</title><link>https://wire.example/</link>
<item><title>Talks resume in Doha</title><link>https://wire.example/doha</link><guid>wire-1</guid>
<pubDate>Tue, 10 Aug 2021 09:30:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Negotiators met in Doha on Tuesday.</p><p>Read more: other news</p><p>The talks will continue.</p>]]></content:encoded></item>
<item><title>Floods &amp; landslides</title><link>https://other.example/floods</link>
<dc:date>2021-08-11T06:00:00Z</dc:date><description>&lt;p&gt;Floods hit the north &amp;amp; the east.&lt;/p&gt;</description></item>
<item><title>Only a title</title><pubDate>sometime</pubDate></item>
</channel></rss>)";
  std::vector<ReadItem> items = ReadFeed(rss, Context());
  ASSERT_EQ(items.size(), 3u);
  ASSERT_TRUE(items[0].article);
  EXPECT_EQ(items[0].article->id, "wire-1");
  EXPECT_EQ(items[0].article->title, "Talks resume in Doha");
  EXPECT_EQ(items[0].article->date, "2021-08-10");
  EXPECT_EQ(items[0].article->url, "https://wire.example/doha");
  EXPECT_EQ(items[0].article->publisher, "wire.example");
  EXPECT_EQ(items[0].article->text, "Negotiators met in Doha on Tuesday.\n\nThe talks will continue.");
  ASSERT_TRUE(items[1].article);
  EXPECT_EQ(items[1].article->id, "https://other.example/floods");
  EXPECT_EQ(items[1].article->title, "Floods & landslides");
  EXPECT_EQ(items[1].article->date, "2021-08-11");
  EXPECT_EQ(items[1].article->text, "Floods hit the north & the east.");
  EXPECT_FALSE(items[2].article);
  ASSERT_EQ(items[2].errors.size(), 2u);
  EXPECT_TRUE(items[2].errors[0].warning);  // invalid date
  EXPECT_EQ(items[2].errors[1].reason, "feed item has no text");
  EXPECT_EQ(items[2].errors[1].file, "test.rss");
  EXPECT_EQ(items[2].errors[1].offset, static_cast<int64_t>(rss.find("<item><title>Only")));
}

TEST(Feed, AtomEntries) {
  std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title type="html">Envoy &lt;b&gt;arrives&lt;/b&gt;</title>
<link rel="self" href="https://atom.example/self/1"/><link rel="alternate" href="https://atom.example/envoy"/>
<id>tag:atom.example,2021:1</id><updated>2021-08-12T10:00:00Z</updated><published>2021-08-11T10:00:00+02:00</published>
<summary>Summary only.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The envoy arrived in Kabul.</p><p>He met officials.</p></div></content>
</entry>
<entry><title>No content</title><id>tag:2</id><updated>2021-08-13T00:00:00Z</updated><summary type="text">Markets fell sharply in early trading on Friday.</summary></entry>
</feed>)";
  std::vector<ReadItem> items = ReadFeed(atom, Context("test.atom"));
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].article);
  EXPECT_EQ(items[0].article->title, "Envoy arrives");
  EXPECT_EQ(items[0].article->url, "https://atom.example/envoy");
  EXPECT_EQ(items[0].article->id, "tag:atom.example,2021:1");
  EXPECT_EQ(items[0].article->date, "2021-08-11");
  EXPECT_EQ(items[0].article->text, "The envoy arrived in Kabul.\n\nHe met officials.");
  ASSERT_TRUE(items[1].article);
  EXPECT_EQ(items[1].article->date, "2021-08-13");  // updated, when there is no published
  EXPECT_EQ(items[1].article->publisher, "Atom Desk");
}

TEST(Feed, NotAFeed) {
  std::vector<ReadItem> items = ReadFeed("just some words", Context());
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].errors.size(), 1u);
  EXPECT_EQ(items[0].errors[0].reason, "not an RSS or Atom feed");
}

// ------------------------------------------------------------------------------------------------
// WARC

std::string HtmlFor(const std::string& sentence) {
  return "<html><head><title>" + sentence.substr(0, 20) + "</title></head><body><article><p>" + sentence +
         "</p></article></body></html>";
}

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block,
                       const std::string& content_type = "application/http; msgtype=response",
                       long length_delta = 0) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2021-08-10T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + uri.substr(uri.size() - 1) +
         "0000000-0000-0000-0000-000000000000>\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(static_cast<long>(block.size()) + length_delta) + "\r\n\r\n" + block +
         "\r\n\r\n";
}

std::string HttpResponse(const std::string& html, const std::string& status = "200 OK") {
  return "HTTP/1.1 " + status + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: " +
         std::to_string(html.size()) + "\r\n\r\n" + html;
}

std::string Gzip(const std::string& data) { return GzipMember(data); }

struct WarcFixture {
  std::vector<std::string> records;
  WarcFixture() {
    records.push_back("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\nContent-Length: 14\r\n\r\n"
                      "software: x\r\n\r\n\r\n");
    records.push_back(WarcRecord("request", "https://a.example/1", "GET /1 HTTP/1.1\r\n\r\n", "application/http; msgtype=request"));
    records.push_back(WarcRecord("response", "https://a.example/1", HttpResponse(HtmlFor("The army shelled the border town of Zaranj on Monday."))));
    records.push_back(WarcRecord("response", "https://b.example/2", HttpResponse("", "301 Moved Permanently")));
    records.push_back(WarcRecord("response", "https://c.example/3", HttpResponse(HtmlFor("Protesters marched to parliament in the capital on Tuesday."))));
    records.push_back(WarcRecord("response", "https://d.example/4", HttpResponse(HtmlFor("The two leaders spoke by telephone about the crisis."))));
  }
  std::string Plain() const {
    std::string s;
    for (const auto& r : records) s += r;
    return s;
  }
  std::string Gz() const {
    std::string s;
    for (const auto& r : records) s += Gzip(r);
    return s;
  }
};

std::vector<std::string> Ids(const std::vector<ReadItem>& items) {
  std::vector<std::string> ids;
  for (const auto& i : items) {
    if (i.article) ids.push_back(i.article->id);
  }
  return ids;
}

std::vector<InputError> Errors(const std::vector<ReadItem>& items) {
  std::vector<InputError> out;
  for (const auto& i : items) out.insert(out.end(), i.errors.begin(), i.errors.end());
  return out;
}

TEST(Warc, PlainMultiRecord) {
  WarcFixture f;
  std::vector<ReadItem> items = ReadWarcBuffer(f.Plain(), Context("x.warc"));
  EXPECT_EQ(Ids(items), (std::vector<std::string>{"10000000-0000-0000-0000-000000000000",
                                                  "30000000-0000-0000-0000-000000000000",
                                                  "40000000-0000-0000-0000-000000000000"}));
  EXPECT_TRUE(Errors(items).empty());
  ASSERT_TRUE(items[0].article);
  EXPECT_EQ(items[0].article->url, "https://a.example/1");
  EXPECT_EQ(items[0].article->date, "2021-08-10");  // WARC-Date: the page has none
  EXPECT_EQ(items[0].article->publisher, "a.example");
  EXPECT_EQ(items[0].article->text, "The army shelled the border town of Zaranj on Monday.");
}

TEST(Warc, GzipMultiMember) {
  WarcFixture f;
  std::vector<ReadItem> items = ReadWarcBuffer(f.Gz(), Context("x.warc.gz"));
  EXPECT_EQ(Ids(items).size(), 3u);
  EXPECT_TRUE(Errors(items).empty());
  // One gzip stream for the whole file reads the same.
  EXPECT_EQ(Ids(ReadWarcBuffer(Gzip(f.Plain()), Context())).size(), 3u);
}

TEST(Warc, WrongContentLengthInTheMiddle) {
  for (long delta : {-7L, 9L, 5000L}) {
    WarcFixture f;
    f.records[4] = WarcRecord("response", "https://c.example/3",
                              HttpResponse(HtmlFor("Protesters marched to parliament in the capital on Tuesday.")),
                              "application/http; msgtype=response", delta);
    std::string plain = f.Plain();
    std::vector<ReadItem> items = ReadWarcBuffer(plain, Context("x.warc"));
    std::vector<std::string> ids = Ids(items);
    EXPECT_EQ(ids.front(), "10000000-0000-0000-0000-000000000000") << delta;
    EXPECT_EQ(ids.back(), "40000000-0000-0000-0000-000000000000") << delta;
    std::vector<InputError> errors = Errors(items);
    ASSERT_EQ(errors.size(), 1u) << delta;
    size_t bad_offset = f.records[0].size() + f.records[1].size() + f.records[2].size() + f.records[3].size();
    EXPECT_EQ(errors[0].offset, static_cast<int64_t>(bad_offset)) << delta;
    EXPECT_EQ(errors[0].file, "x.warc");
  }
}

TEST(Warc, CorruptGzipMemberInTheMiddle) {
  WarcFixture f;
  std::string members[6];
  std::string all;
  size_t bad_offset = 0;
  for (int i = 0; i < 6; ++i) {
    members[i] = Gzip(f.records[i]);
    if (i == 4) {
      bad_offset = all.size();
      for (size_t k = 20; k < 40 && k < members[i].size(); ++k) members[i][k] ^= 0x5a;  // damage the deflate data
    }
    all += members[i];
  }
  std::vector<ReadItem> items = ReadWarcBuffer(all, Context("x.warc.gz"));
  EXPECT_EQ(Ids(items), (std::vector<std::string>{"10000000-0000-0000-0000-000000000000",
                                                  "40000000-0000-0000-0000-000000000000"}));
  std::vector<InputError> errors = Errors(items);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].offset, static_cast<int64_t>(bad_offset));
  EXPECT_NE(errors[0].reason.find("gzip"), std::string::npos);
}

TEST(Warc, TruncatedGzipAndGarbage) {
  WarcFixture f;
  std::string gz = f.Gz();
  std::vector<ReadItem> truncated = ReadWarcBuffer(gz.substr(0, gz.size() - 30), Context());
  EXPECT_EQ(Ids(truncated).size(), 2u);
  EXPECT_EQ(Errors(truncated).size(), 1u);

  std::string garbage = f.records[2] + "\x01\x02 binary garbage \xff\xfe\r\n" + f.records[4];
  std::vector<ReadItem> items = ReadWarcBuffer(garbage, Context());
  EXPECT_EQ(Ids(items).size(), 2u);
  ASSERT_EQ(Errors(items).size(), 1u);
  EXPECT_EQ(Errors(items)[0].offset, static_cast<int64_t>(f.records[2].size()));

  std::string cut = f.Plain();
  std::vector<ReadItem> tail = ReadWarcBuffer(cut.substr(0, cut.size() - 50), Context());
  EXPECT_EQ(Ids(tail).size(), 2u);
  EXPECT_EQ(Errors(tail).size(), 1u);
}

TEST(Warc, OversizedRecordIsSkipped) {
  WarcFixture f;
  WarcOptions options;
  options.max_record_bytes = 200;
  std::vector<ReadItem> items = ReadWarcBuffer(f.Plain(), Context(), options);
  EXPECT_TRUE(Ids(items).empty());
  EXPECT_EQ(Errors(items).size(), 3u);  // the three HTML responses are over 200 bytes
}

// ------------------------------------------------------------------------------------------------
// Through ArticleReader.

std::string TempDir() {
  static const std::string dir = [] {
    std::string pattern = ::testing::TempDir() + "/dyad_web_XXXXXX";
    EXPECT_NE(mkdtemp(pattern.data()), nullptr);
    return pattern;
  }();
  return dir;
}

std::string Write(const std::string& name, const std::string& content) {
  std::string path = TempDir() + "/" + name;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::vector<ReadItem> ReadPath(const std::string& path, ReaderOptions options = {}) {
  std::vector<ReadItem> out;
  auto reader = ArticleReader::Open(path, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return out;
  ReadItem item;
  while ((*reader)->Next(&item)) out.push_back(item);
  EXPECT_TRUE((*reader)->status().ok());
  return out;
}

TEST(Reader, FormatsByExtension) {
  EXPECT_EQ(*ResolveInputFormat("a/page.HTML", InputFormat::kAuto), InputFormat::kHtml);
  EXPECT_EQ(*ResolveInputFormat("feed.atom", InputFormat::kAuto), InputFormat::kRss);
  EXPECT_EQ(*ResolveInputFormat("feed.xml", InputFormat::kAuto), InputFormat::kRss);
  EXPECT_EQ(*ResolveInputFormat("CC-NEWS-1.warc.gz", InputFormat::kAuto), InputFormat::kWarc);
  EXPECT_EQ(*ResolveInputFormat("x.bin", InputFormat::kWarc), InputFormat::kWarc);
  EXPECT_EQ(*ParseInputFormat("atom"), InputFormat::kRss);
  EXPECT_EQ(*ParseInputFormat("dir"), InputFormat::kTxtDir);
  EXPECT_FALSE(ResolveInputFormat("x.pdf", InputFormat::kAuto).ok());
}

TEST(Reader, HtmlFeedWarcAndDirectory) {
  std::vector<ReadItem> html = ReadPath(Write("page.html", kPage));
  ASSERT_EQ(html.size(), 1u);
  ASSERT_TRUE(html[0].article);
  EXPECT_EQ(html[0].article->id, "page");
  EXPECT_EQ(html[0].article->date, "2021-08-08");

  std::vector<ReadItem> empty = ReadPath(Write("empty.html", "<html><body><nav>Home</nav></body></html>"));
  ASSERT_EQ(empty.size(), 1u);
  ASSERT_EQ(empty[0].errors.size(), 1u);
  EXPECT_EQ(empty[0].errors[0].file, TempDir() + "/empty.html");

  WarcFixture f;
  EXPECT_EQ(Ids(ReadPath(Write("crawl.warc.gz", f.Gz()))).size(), 3u);

  Write("dir/b.txt", "Second file\n\nThe army withdrew.");
  Write("dir/a.txt", "First file\n\nThe talks resumed.");
  Write("dir/c.txt", "");
  Write("dir/notes.md", "ignored");
  std::vector<ReadItem> dir = ReadPath(TempDir() + "/dir");
  ASSERT_EQ(dir.size(), 3u);
  EXPECT_EQ(dir[0].article->id, "a");
  EXPECT_EQ(dir[1].article->id, "b");
  EXPECT_FALSE(dir[2].article);
  EXPECT_EQ(dir[2].errors[0].reason, "empty text");
  EXPECT_EQ(dir[2].errors[0].file, TempDir() + "/dir/c.txt");
}

TEST(Reader, OversizedPageIsAnError) {
  ReaderOptions options;
  options.max_page_bytes = 100;
  std::vector<ReadItem> items = ReadPath(Write("big.html", kPage), options);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].errors.size(), 1u);
  EXPECT_NE(items[0].errors[0].reason.find("over the limit"), std::string::npos);
}

}  // namespace
}  // namespace dyad::ingest
