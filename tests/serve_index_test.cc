// Differential test: the API's answers from the in-memory EventIndex equal its answers from SQL
// alone (store::Relations, store::Top and api.cc's queries), byte for byte, on a random store and
// random queries.
#include <gtest/gtest.h>

#include <random>

#include "serve/api.h"
#include "serve/event_index.h"
#include "store/store_test_util.h"

namespace dyad::serve {
namespace {

using store::testing::Actor;
using store::testing::DocBuilder;

TEST(ServeIndexTest, SameAnswersAsSql) {
  store::testing::TempDir dir;
  std::string path = dir.File("random.sqlite");
  std::mt19937 rng(7);
  auto pick = [&rng](const auto& v) { return v[rng() % v.size()]; };
  const std::vector<std::vector<std::string>> actors = {
      {"USAGOV", "USA", "GOV"}, {"USAMIL", "USA", "MIL"}, {"USA", "USA", ""},   {"PAKMIL", "PAK", "MIL"},
      {"PAK", "PAK", ""},       {"AFGINS", "AFG", "INS"}, {"RUSGOV", "RUS", "GOV"}, {"IGOUNO", "", "IGO"},
      {"UKRMIL", "UKR", "MIL"}, {"CHN", "CHN", ""}};
  const std::vector<std::string> codes = {"010", "040", "042", "036", "111", "112", "130", "173", "190", "192", "193"};
  struct Place {
    const char* name;
    const char* country;
    double lat, lon;
    int64_t id;
  };
  const std::vector<Place> places = {{"Kabul", "AFG", 34.53, 69.17, 1138958}, {"Zaranj", "AFG", 30.96, 61.86, 1120985},
                                     {"Kyiv", "UKR", 50.45, 30.52, 703448},   {"Islamabad", "PAK", 33.72, 73.04, 1176615},
                                     {"Moscow", "RUS", 55.75, 37.62, 524901}};
  {
    auto st = store::EventStore::Open(path);
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE((*st)->Begin().ok());
    for (int a = 0; a < 60; ++a) {
      std::string id = "r" + std::to_string(a);
      DocBuilder d(id, "P" + std::to_string(a % 4), "Words of article " + id + (a % 3 ? " Kabul talks" : " Kyiv strike"));
      int n = 1 + static_cast<int>(rng() % 5);
      for (int e = 0; e < n; ++e) {
        auto s = pick(actors), t = pick(actors);
        int place = -1;
        if (rng() % 3) {
          const Place& p = pick(places);
          place = d.AddPlace(p.name, p.country, "", p.lat, p.lon, p.id);
        }
        char date[16];
        std::snprintf(date, sizeof date, "2021-%02d-%02d", 1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
        d.AddEvent(Actor(s[0], s[1], s[2], s[0]), rng() % 5 ? Actor(t[0], t[1], t[2], t[0]) : store::testing::kNoTarget,
                   pick(codes), date, place, static_cast<uint32_t>(e * 4));
      }
      ASSERT_TRUE((*st)->Add(d.doc(), "h" + id, store::testing::Context()).ok());
    }
    ASSERT_TRUE((*st)->Commit().ok());
  }
  auto db = store::Database::Open(path, store::Database::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto index = EventIndex::Load(**db);
  ASSERT_TRUE(index.ok());
  const EventIndex* ix = index->get();
  EXPECT_GT(ix->size(), 100u);
  // With room for a few events' JSON only: the others are rendered for each page.
  auto small = EventIndex::Load(**db, 4000);
  ASSERT_TRUE(small.ok());

  const std::vector<std::string> prefixes = {"", "", "U", "USA", "USAGOV", "PAK", "AFG", "IGO", "ZZZ", "RUSGOV"};
  auto date = [&rng] {
    char buf[16];
    std::snprintf(buf, sizeof buf, "2021-%02d-%02d", 1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
    return std::string(buf);
  };
  for (int i = 0; i < 300; ++i) {
    EventsQuery q;
    q.actor = pick(prefixes);
    if (rng() % 4 == 0) q.country = pick(std::vector<std::string>{"AFG", "USA", "UKR", "XXX"});
    if (rng() % 5 == 0) q.code = pick(codes);
    if (rng() % 5 == 0) q.root = pick(codes).substr(0, 2);
    if (rng() % 2) {
      q.from = date();
      q.to = date();
      if (q.from > q.to) std::swap(q.from, q.to);
    }
    if (rng() % 4 == 0) q.box = BoundingBox{30, 60, 40, 75};
    if (rng() % 8 == 0) q.text = pick(std::vector<std::string>{"Kabul", "strike", "r7", "nothing"});
    q.limit = 1 + static_cast<int>(rng() % 30);
    q.offset = rng() % 3 ? 0 : rng() % 40;
    SCOPED_TRACE("query " + std::to_string(i) + " actor=" + q.actor + " country=" + q.country + " code=" + q.code +
                 " from=" + q.from + " to=" + q.to + " text=" + q.text);
    std::string sql = *EventsJson(**db, q);
    EXPECT_EQ(*EventsJson(**db, q, ix), sql);
    EXPECT_EQ(*EventsJson(**db, q, small->get()), sql);
    EXPECT_EQ(*TimelineJson(**db, q, ix), *TimelineJson(**db, q));

    store::RelationsQuery r;
    r.a = pick(prefixes);
    r.b = pick(prefixes);
    if (r.a.empty()) r.a = "USA";
    if (r.b.empty()) r.b = "PAK";
    r.by = static_cast<store::Period>(rng() % 3);
    r.directed = rng() % 2;
    r.from = q.from;
    r.to = q.to;
    EXPECT_EQ(*RelationsJson(**db, r, ix), *RelationsJson(**db, r));

    TopQuery t;
    t.by = static_cast<store::TopBy>(rng() % 4);
    t.limit = 1 + static_cast<int>(rng() % 20);
    t.from = q.from;
    t.to = q.to;
    EXPECT_EQ(*TopJson(**db, t, ix), *TopJson(**db, t));
  }
  EXPECT_EQ(*MetaJson(**db, ix), *MetaJson(**db));
}

}  // namespace
}  // namespace dyad::serve
