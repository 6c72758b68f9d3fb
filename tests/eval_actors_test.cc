// Actor resolution against the NGEC actor gold table (../shared/data/actors/ngec-actor-gold-dev.tsv,
// from another coder's tests): country accuracy over all rows, sector accuracy over the rows whose
// label is a CAMEO sector. Prints the figures; fails below floors set just under the measured
// values so that regressions show. Skips without ../shared unless DYAD_REQUIRE_SHARED=1.
// The gold strings are a measuring stick only: they are never added to the lexicon.
#include <cstdio>

#include "pipeline/actor_eval.h"
#include "test_support.h"

namespace dyad {
namespace {

TEST(ActorEvalTest, NgecActorGoldDev) {
  std::string path = testing::SharedDir() + "/data/actors/ngec-actor-gold-dev.tsv";
  DYAD_NEED_SHARED_FILE(path);
  auto s = pipeline::EvaluateActors(testing::SharedCoder(), path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  if (std::getenv("DYAD_EVAL_DETAILS")) {
    for (const std::string& d : s->details) std::printf("  %s\n", d.c_str());
  }
  std::printf("actors: %s", s->Format().c_str());
  EXPECT_GE(s->rows, 130);
  // Measured 2026-11-29 (session 5): country 94.2% (130/138), sector 86.3% (88/102); the issue's
  // targets are 90% and 85%. Floors sit just under the measured values (one row is 0.7% of
  // country, 1.0% of sector).
  EXPECT_GE(s->CountryAccuracy(), 93.5);
  EXPECT_GE(s->SectorAccuracy(), 85.0);
}

TEST(ActorEvalTest, ResolvesTheLongestMention) {
  auto m = pipeline::ResolveActorString(testing::SharedCoder(),
                                        "US Secretary of Defence Lloyd Austin", "2021-08-11");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->code, "USAGOV");
  EXPECT_EQ(pipeline::CountryKey(*m), "USA");
  EXPECT_FALSE(pipeline::ResolveActorString(testing::SharedCoder(), "on Tuesday", "").has_value());
}

}  // namespace
}  // namespace dyad
