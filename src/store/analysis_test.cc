#include "store/analysis.h"

#include <gtest/gtest.h>

#include "store/store_test_util.h"

namespace dyad::store {
namespace {

using testing::Actor;
using testing::Context;
using testing::DocBuilder;
using testing::kNoTarget;
using testing::TempDir;

RelationsQuery Query(const std::string& a, const std::string& b, Period by, bool directed = false,
                     const std::string& from = "", const std::string& to = "") {
  RelationsQuery q;
  q.a = a;
  q.b = b;
  q.by = by;
  q.directed = directed;
  q.from = from;
  q.to = to;
  return q;
}

const EventActor kUsaGov = Actor("USAGOV", "USA", "GOV", "Antony Blinken");
const EventActor kUsaMil = Actor("USAMIL", "USA", "MIL", "Lloyd Austin");
const EventActor kUsa = Actor("USA", "USA", "", "United States");
const EventActor kPakGov = Actor("PAKGOV", "PAK", "GOV", "Imran Khan");
const EventActor kPakMil = Actor("PAKMIL", "PAK", "MIL", "Qamar Bajwa");
const EventActor kAfgIns = Actor("AFGINS", "AFG", "INS", "Taliban");
const EventActor kAfg = Actor("AFG", "AFG", "", "Afghanistan");

// August 2021 (weeks of Mon 2 Aug and Mon 9 Aug) and one event in September:
//   USAGOV 041 PAKMIL  08-03  (QuadClass 1, Goldstein 1.0)
//   USAMIL 190 PAKGOV  08-04  (4, -10.0)
//   PAKGOV 111 USA     08-10  (3, -2.0)   B -> A: only counted without --directed
//   AFGINS 192 AFG     08-10  (4, -9.2)   not US-Pakistan: only in the period totals
//   AFGINS 190 AFG     08-11
//   USAGOV 057 PAKGOV  09-01  (1, 8.0)
class AnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = EventStore::Open(dir_.File("a.sqlite"));
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Begin().ok());
    Add("d1", "Reuters", "Blinken and the US discussed aid with Pakistan's army.",
        [](DocBuilder& b) { b.AddEvent(kUsaGov, kPakMil, "041", "2021-08-03"); });
    Add("d2", "AP", "US forces attacked; Pakistan protested.", [](DocBuilder& b) {
      b.AddEvent(kUsaMil, kPakGov, "190", "2021-08-04").AddEvent(kPakGov, kUsa, "111", "2021-08-10", -1, 20);
    });
    Add("d3", "AP", "The Taliban took Zaranj and attacked Kunduz.", [](DocBuilder& b) {
      b.AddEvent(kAfgIns, kAfg, "192", "2021-08-10").AddEvent(kAfgIns, kAfg, "190", "2021-08-11", -1, 30);
    });
    Add("d4", "Dawn", "Washington and Islamabad signed an agreement.",
        [](DocBuilder& b) { b.AddEvent(kUsaGov, kPakGov, "057", "2021-09-01"); });
    ASSERT_TRUE(store_->Commit().ok());
  }

  template <typename F>
  void Add(const std::string& id, const std::string& pub, const std::string& text, F events) {
    DocBuilder b(id, pub, text);
    events(b);
    ASSERT_TRUE(store_->Add(b.doc(), ContentHash(b.doc().article), Context()).ok());
  }

  Database& db() { return store_->db(); }

  TempDir dir_;
  std::unique_ptr<EventStore> store_;
};

TEST_F(AnalysisTest, RelationsRollUpActorPrefixesPerMonth) {
  auto rows = Relations(db(), Query("USA", "PAK", Period::kMonth));
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  const RelationsRow& aug = (*rows)[0];
  EXPECT_EQ(aug.period, "2021-08");
  EXPECT_EQ(aug.total, 5);
  EXPECT_EQ(aug.events, 3);
  EXPECT_EQ(aug.quad, (std::array<int64_t, 4>{1, 0, 1, 1}));
  EXPECT_NEAR(aug.goldstein_sum, 1.0 - 10.0 - 2.0, 1e-9);
  ASSERT_TRUE(aug.goldstein_mean.has_value());
  EXPECT_NEAR(*aug.goldstein_mean, (1.0 - 10.0 - 2.0) / 3, 1e-9);
  EXPECT_NEAR(aug.share, 3.0 / 5, 1e-12);
  EXPECT_NEAR(aug.quad_share[0], 1.0 / 5, 1e-12);
  EXPECT_NEAR(aug.quad_share[1], 0.0, 1e-12);
  EXPECT_NEAR(aug.quad_share[3], 1.0 / 5, 1e-12);
  const RelationsRow& sep = (*rows)[1];
  EXPECT_EQ(sep.period, "2021-09");
  EXPECT_EQ(sep.events, 1);
  EXPECT_EQ(sep.total, 1);
  EXPECT_NEAR(sep.share, 1.0, 1e-12);
}

TEST_F(AnalysisTest, RelationsDirectedKeepsOnlyAToB) {
  auto rows = Relations(db(), Query("USA", "PAK", Period::kMonth, true));
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].events, 2);
  EXPECT_EQ((*rows)[0].quad[2], 0);
  // A more specific prefix: only USAMIL.
  auto mil = Relations(db(), Query("USAMIL", "PAK", Period::kMonth));
  ASSERT_TRUE(mil.ok());
  EXPECT_EQ((*mil)[0].events, 1);
  EXPECT_EQ((*mil)[1].events, 0);
  EXPECT_FALSE((*mil)[1].goldstein_mean.has_value());
}

TEST_F(AnalysisTest, RelationsByWeekAndDayWithinDates) {
  auto weeks = Relations(db(), Query("USA", "PAK", Period::kWeek, false, "", "2021-08-31"));
  ASSERT_TRUE(weeks.ok());
  ASSERT_EQ(weeks->size(), 2u);
  EXPECT_EQ((*weeks)[0].period, "2021-08-02");  // Monday of 3 and 4 August
  EXPECT_EQ((*weeks)[0].events, 2);
  EXPECT_EQ((*weeks)[1].period, "2021-08-09");
  EXPECT_EQ((*weeks)[1].events, 1);
  EXPECT_EQ((*weeks)[1].total, 3);
  auto days = Relations(db(), Query("USA", "PAK", Period::kDay, false, "2021-08-10", "2021-08-10"));
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 1u);
  EXPECT_EQ((*days)[0].events, 1);
  EXPECT_EQ((*days)[0].total, 2);
}

TEST_F(AnalysisTest, RelationsTreatPrefixesAsData) {
  auto rows = Relations(db(), Query("USA' OR 1=1 --", "%", Period::kMonth));
  ASSERT_TRUE(rows.ok());
  for (const RelationsRow& r : *rows) EXPECT_EQ(r.events, 0);
}

TEST_F(AnalysisTest, TopCountsDyadsActorsPlacesAndCodes) {
  auto actors = Top(db(), TopBy::kActor, 3, "", "");
  ASSERT_TRUE(actors.ok());
  ASSERT_EQ(actors->size(), 3u);
  EXPECT_EQ((*actors)[0].key, "PAKGOV");  // 3 events: two as target, one as source
  EXPECT_EQ((*actors)[0].events, 3);
  EXPECT_EQ((*actors)[0].label, "Pakistan Government");
  auto dyads = Top(db(), TopBy::kDyad, 10, "", "");
  ASSERT_TRUE(dyads.ok());
  EXPECT_EQ((*dyads)[0].key, "AFGINS>AFG");
  EXPECT_EQ((*dyads)[0].events, 2);
  auto codes = Top(db(), TopBy::kCode, 10, "2021-08-01", "2021-08-31");
  ASSERT_TRUE(codes.ok());
  EXPECT_EQ((*codes)[0].key, "190");
  EXPECT_EQ((*codes)[0].events, 2);
  EXPECT_FALSE((*codes)[0].label.empty());
  auto places = Top(db(), TopBy::kPlace, 10, "", "");
  ASSERT_TRUE(places.ok());
  EXPECT_TRUE(places->empty());
}

TEST_F(AnalysisTest, SearchFindsArticlesWithTheirEvents) {
  auto hits = Search(db(), "Zaranj", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article_id, "d3");
  EXPECT_NE((*hits)[0].snippet.find("[Zaranj]"), std::string::npos);
  ASSERT_EQ((*hits)[0].events.size(), 2u);
  EXPECT_EQ((*hits)[0].events[0].code, "192");
  // Not valid FTS5 syntax: searched as plain words instead of failing.
  auto plain = Search(db(), "Pakistan's \"army", 10);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_FALSE(plain->empty());
  auto none = Search(db(), "Reykjavik", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace dyad::store
