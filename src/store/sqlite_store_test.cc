#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include <set>

#include "dyad/coder.h"
#include "store/event_sink.h"
#include "store/ingest_writer.h"
#include "store/store_test_util.h"

namespace dyad::store {
namespace {

using testing::Actor;
using testing::Context;
using testing::DocBuilder;
using testing::kNoTarget;
using testing::TempDir;

int64_t Count(Database& db, const std::string& sql) {
  Statement st(db, sql);
  EXPECT_TRUE(st.Step()) << st.status().ToString();
  return st.Int(0);
}

std::string Text(Database& db, const std::string& sql) {
  Statement st(db, sql);
  return st.Step() ? std::string(st.Text(0)) : "<none>";
}

AddOutcome AddOne(EventStore& store, const Document& doc) {
  EXPECT_TRUE(store.Begin().ok());
  auto r = store.Add(doc, ContentHash(doc.article), Context());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(store.Commit().ok());
  return r.ok() ? *r : AddOutcome::kUnchanged;
}

// The event USAGOV 041 PAKMIL on 2021-08-10, reported by `publisher` in article `id`.
Document CallReport(const std::string& id, const std::string& publisher, const std::string& text) {
  return DocBuilder(id, publisher, text)
      .AddEvent(Actor("USAGOV", "USA", "GOV", "Lloyd Austin"), Actor("PAKMIL", "PAK", "MIL", "Qamar Bajwa"),
                "041", "2021-08-10")
      .doc();
}

TEST(EventStoreTest, SchemaHasEveryTableAndTheVersions) {
  TempDir dir;
  auto store = EventStore::Open(dir.File("s.sqlite"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->SetVersions("9.9.9", "actors-1,events-2").ok());
  Database& db = (*store)->db();
  for (const char* table : {"meta", "articles", "articles_fts", "mentions", "events", "actors", "places", "cameo"}) {
    Statement st(db, "SELECT count(*) FROM sqlite_master WHERE name = ?1");
    st.Bind(1, table);
    ASSERT_TRUE(st.Step());
    EXPECT_EQ(st.Int(0), 1) << table;
  }
  EXPECT_EQ(Text(db, "SELECT value FROM meta WHERE key = 'schema_version'"), "2");
  EXPECT_EQ(Text(db, "SELECT value FROM meta WHERE key = 'dyad_version'"), "9.9.9");
  EXPECT_EQ(Text(db, "SELECT value FROM meta WHERE key = 'lexicon_version'"), "actors-1,events-2");
  EXPECT_EQ(Text(db, "PRAGMA journal_mode"), "wal");
  // Reopening an existing store keeps it.
  store->reset();
  auto again = EventStore::Open(dir.File("s.sqlite"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Text((*again)->db(), "SELECT value FROM meta WHERE key = 'dyad_version'"), "9.9.9");
}

TEST(EventStoreTest, ReingestingTheSameArticleAddsNothing) {
  TempDir dir;
  auto store = EventStore::Open(dir.File("s.sqlite"));
  ASSERT_TRUE(store.ok());
  Document doc = CallReport("a1", "Dawn", "Austin called Bajwa on Tuesday.");
  EXPECT_EQ(AddOne(**store, doc), AddOutcome::kAdded);
  EXPECT_EQ(AddOne(**store, doc), AddOutcome::kUnchanged);
  EXPECT_EQ(AddOne(**store, doc), AddOutcome::kUnchanged);
  Database& db = (*store)->db();
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM mentions"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM events"), 1);
  EXPECT_EQ(Count(db, "SELECT num_mentions FROM events"), 1);
}

TEST(EventStoreTest, MentionsWithOneKeyMergeIntoOneEvent) {
  TempDir dir;
  auto store = EventStore::Open(dir.File("s.sqlite"));
  ASSERT_TRUE(store.ok());
  Database& db = (*store)->db();
  AddOne(**store, CallReport("a1", "Dawn", "Austin called Bajwa on Tuesday."));
  AddOne(**store, CallReport("a2", "Reuters", "The Pentagon chief phoned Pakistan's army chief."));
  EXPECT_EQ(Count(db, "SELECT count(*) FROM events"), 1);
  EXPECT_EQ(Count(db, "SELECT num_mentions FROM events"), 2);
  EXPECT_EQ(Count(db, "SELECT num_articles FROM events"), 2);
  EXPECT_EQ(Count(db, "SELECT num_sources FROM events"), 2);

  // A third article from a publisher already counted, mentioning the event twice.
  Document twice = DocBuilder("a3", "Dawn", "Austin called Bajwa. The call lasted an hour.")
                       .AddEvent(Actor("USAGOV", "USA", "GOV", "Lloyd Austin"),
                                 Actor("PAKMIL", "PAK", "MIL", "Qamar Bajwa"), "041", "2021-08-10", -1, 7)
                       .AddEvent(Actor("USAGOV", "USA", "GOV", "Lloyd Austin"),
                                 Actor("PAKMIL", "PAK", "MIL", "Qamar Bajwa"), "041", "2021-08-10", -1, 25)
                       .doc();
  AddOne(**store, twice);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM events"), 1);
  EXPECT_EQ(Count(db, "SELECT num_mentions FROM events"), 4);
  EXPECT_EQ(Count(db, "SELECT num_articles FROM events"), 3);
  EXPECT_EQ(Count(db, "SELECT num_sources FROM events"), 2);
  // The first mention stays the story the event is cited from.
  EXPECT_EQ(Text(db, "SELECT a.id FROM events e JOIN mentions m ON m.rid = e.first_mention "
                     "JOIN articles a ON a.rid = m.article_rid"), "a1");
  // Another date is another event.
  AddOne(**store, DocBuilder("a4", "Dawn", "Austin called Bajwa again.")
                      .AddEvent(Actor("USAGOV", "USA", "GOV", "Lloyd Austin"),
                                Actor("PAKMIL", "PAK", "MIL", "Qamar Bajwa"), "041", "2021-08-12")
                      .doc());
  EXPECT_EQ(Count(db, "SELECT count(*) FROM events"), 2);
  EXPECT_EQ(Count(db, "SELECT quad_class FROM events WHERE date = '2021-08-12'"), 1);
  EXPECT_EQ(Text(db, "SELECT plover FROM events WHERE date = '2021-08-12'"), "CONSULT");
}

TEST(EventStoreTest, ChangedArticleReplacesItsMentions) {
  TempDir dir;
  auto store = EventStore::Open(dir.File("s.sqlite"));
  ASSERT_TRUE(store.ok());
  Database& db = (*store)->db();
  AddOne(**store, CallReport("a1", "Dawn", "Austin called Bajwa on Tuesday."));
  AddOne(**store, CallReport("a2", "Reuters", "Austin phoned Bajwa."));
  Document corrected = DocBuilder("a2", "Reuters", "Correction: the call did not take place.").doc();
  EXPECT_EQ(AddOne(**store, corrected), AddOutcome::kReplaced);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(Count(db, "SELECT num_mentions FROM events"), 1);
  EXPECT_EQ(Count(db, "SELECT num_sources FROM events"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'correction'"), 1);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'phoned'"), 0);
  Document retracted = DocBuilder("a1", "Dawn", "Retracted.").doc();
  EXPECT_EQ(AddOne(**store, retracted), AddOutcome::kReplaced);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM events"), 0);
}

TEST(EventStoreTest, StoresPlacesActorsAndSpans) {
  TempDir dir;
  auto store = EventStore::Open(dir.File("s.sqlite"));
  ASSERT_TRUE(store.ok());
  DocBuilder b("a1", "AP", "The Taliban took Zaranj on Friday.");
  int zaranj = b.AddPlace("Zaranj", "AFG", "Nimroz", 30.96, 61.86, 1120985);
  b.AddEvent(Actor("AFGINS", "AFG", "INS", "Taliban", {4, 11}), kNoTarget, "192", "2021-08-06", zaranj, 12);
  AddOne(**store, b.doc());
  Database& db = (*store)->db();
  EXPECT_EQ(Text(db, "SELECT place_name || '|' || place_country || '|' || geonames_id FROM events"),
            "Zaranj|AFG|1120985");
  EXPECT_EQ(Count(db, "SELECT count(*) FROM places WHERE place_key = '1120985'"), 1);
  EXPECT_EQ(Text(db, "SELECT name FROM actors WHERE code = 'AFGINS'"), "Taliban");
  EXPECT_EQ(Text(db, "SELECT target_code FROM events"), "");
  EXPECT_EQ(Count(db, "SELECT target_begin FROM mentions"), -1);
  EXPECT_EQ(Text(db, "SELECT trigger FROM mentions"), "too");  // trigger span [12, 15)
  EXPECT_EQ(Count(db, "SELECT is_root FROM events"), 1);
  EXPECT_EQ(Text(db, "SELECT name FROM cameo WHERE code = '19'"), "FIGHT");
}

TEST(IngestWriterTest, BatchesCommitAndCount) {
  TempDir dir;
  auto store = EventStore::Open(dir.File("s.sqlite"));
  ASSERT_TRUE(store.ok());
  IngestWriter w(store->get(), Context(), IngestWriterOptions{.batch_articles = 2});
  for (int i = 0; i < 5; ++i) {
    Document d = CallReport("a" + std::to_string(i), "P" + std::to_string(i % 2), "Austin called Bajwa.");
    ASSERT_TRUE(w.Push(std::move(d), ContentHash(CallReport("a" + std::to_string(i), "P" + std::to_string(i % 2),
                                                            "Austin called Bajwa.").article)));
  }
  ASSERT_TRUE(w.Push(CallReport("a0", "P0", "Austin called Bajwa."),
                     ContentHash(CallReport("a0", "P0", "Austin called Bajwa.").article)));
  ASSERT_TRUE(w.Finish().ok());
  EXPECT_EQ(w.counts().added, 5);
  EXPECT_EQ(w.counts().unchanged, 1);
  EXPECT_GE(w.counts().batches, 3);
  auto db = Database::Open(dir.File("s.sqlite"), Database::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(Count(**db, "SELECT num_mentions FROM events"), 5);
  EXPECT_EQ(Count(**db, "SELECT num_sources FROM events"), 2);
}

// The real pipeline into the store: every coded mention is stored, and event rows are the
// distinct event keys.
TEST(EventStoreTest, StoresWhatTheCoderFinds) {
  auto coder = Coder::Create(CoderConfig{});
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  Document doc;
  doc.article.id = "k1";
  doc.article.date = "2021-08-11";
  doc.article.title = "Taliban advance";
  doc.article.text =
      "The Taliban captured Kunduz on Sunday. US Secretary of Defence Lloyd Austin spoke by telephone "
      "with Pakistan's army chief Qamar Javed Bajwa on Tuesday.";
  doc.article.publisher = "AP";
  ASSERT_TRUE((*coder)->Code(&doc).ok());
  ASSERT_FALSE(doc.events.empty());
  TempDir dir;
  auto store = EventStore::Open(dir.File("s.sqlite"));
  ASSERT_TRUE(store.ok());
  AddOne(**store, doc);
  std::set<std::string> keys;
  for (const Event& e : doc.events) keys.insert(EventKey(e, doc));
  Database& db = (*store)->db();
  EXPECT_EQ(Count(db, "SELECT count(*) FROM mentions"), static_cast<int64_t>(doc.events.size()));
  EXPECT_EQ(Count(db, "SELECT count(*) FROM events"), static_cast<int64_t>(keys.size()));
  EXPECT_EQ(Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kunduz'"), 1);
}

}  // namespace
}  // namespace dyad::store
