#include "time/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace dyad::time {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

DateContext Ctx(const char* publication, const char* dateline = nullptr) {
  DateContext ctx;
  ctx.publication = D(publication);
  if (dateline != nullptr) ctx.dateline = D(dateline);
  return ctx;
}

struct Resolved {
  Document doc;
  DateTimeline timeline;
};

Resolved ResolveText(const std::string& text, const DateContext& ctx) {
  Resolved r{text::MakeDocument(text), {}};
  r.timeline = DateResolver().Resolve(ctx, &r.doc);
  return r;
}

struct ExprCase {
  const char* text;
  const char* publication;
  const char* expr;  // expected text of the only mention, "" = no mention
  const char* from;
  const char* to;  // "" = same as from
  const char* rule;
};

void Check(const ExprCase& c) {
  Resolved r = ResolveText(c.text, Ctx(c.publication));
  if (*c.expr == '\0') {
    EXPECT_TRUE(r.doc.dates.empty()) << c.text << " -> " << r.doc.Text(r.doc.dates[0].span);
    return;
  }
  ASSERT_EQ(r.doc.dates.size(), 1u) << c.text;
  const DateMention& m = r.doc.dates[0];
  EXPECT_EQ(r.doc.Text(m.span), c.expr) << c.text;
  EXPECT_EQ(m.range.from.ToString(), c.from) << c.text;
  EXPECT_EQ(m.range.to.ToString(), *c.to ? c.to : c.from) << c.text;
  EXPECT_EQ(m.rule, c.rule) << c.text;
}

// Publication 2021-08-11 is a Wednesday.
TEST(DateResolverTest, Weekdays) {
  const ExprCase cases[] = {
      {"The ministers met on Tuesday in Doha.", "2021-08-11", "on Tuesday", "2021-08-10", "",
       "weekday"},
      {"The talks resumed Wednesday.", "2021-08-11", "Wednesday", "2021-08-11", "", "weekday"},
      {"Rebels shelled the base on Thursday.", "2021-08-11", "on Thursday", "2021-08-05", "",
       "weekday"},
      {"Rebels attacked the base last Tuesday.", "2021-08-11", "last Tuesday", "2021-08-10", "",
       "weekday"},
      {"Crowds gathered on Sunday night.", "2021-08-11", "on Sunday night", "2021-08-08", "",
       "weekday"},
      {"The envoy will visit Kabul on Friday.", "2021-08-11", "on Friday", "2021-08-13", "",
       "weekday"},
      {"The vote is due to take place on Monday.", "2021-08-11", "on Monday", "2021-08-16", "",
       "weekday"},
      {"The president is to travel to Doha on Thursday.", "2021-08-11", "on Thursday", "2021-08-12",
       "", "weekday"},
      {"The summit is scheduled for Thursday.", "2021-08-11", "Thursday", "2021-08-12", "",
       "weekday"},
      {"Officials plan to meet next Tuesday.", "2021-08-11", "next Tuesday", "2021-08-17", "",
       "weekday"},
      {"On Friday, the minister will fly to Kabul.", "2021-08-11", "On Friday", "2021-08-13", "",
       "weekday"},
      {"The ministry said on Monday it will reopen the border.", "2021-08-11", "on Monday",
       "2021-08-09", "", "weekday"},
      {"Shoppers crowded the malls on Black Friday.", "2021-08-11", "", "", "", ""},
      {"The ceasefire began on Friday, Aug. 6, at dawn.", "2021-08-11", "on Friday, Aug. 6",
       "2021-08-06", "", "month-day"},
      {"The ceasefire began on Monday 2 August.", "2021-08-11", "on Monday 2 August", "2021-08-02",
       "", "month-day"},
  };
  for (const auto& c : cases) Check(c);
}

TEST(DateResolverTest, DeicticAndPeriods) {
  const ExprCase cases[] = {
      {"Police said today that the road was closed.", "2021-08-11", "today", "2021-08-11", "",
       "today"},
      {"The army withdrew yesterday.", "2021-08-11", "yesterday", "2021-08-10", "", "yesterday"},
      {"Talks open tomorrow.", "2021-08-11", "tomorrow", "2021-08-12", "", "tomorrow"},
      {"Fighting eased over the weekend.", "2021-08-11", "over the weekend", "2021-08-07",
       "2021-08-08", "weekend"},
      {"Clashes erupted at the weekend.", "2021-08-11", "at the weekend", "2021-08-07",
       "2021-08-08", "weekend"},
      {"Two soldiers died last weekend.", "2021-08-11", "last weekend", "2021-08-07", "2021-08-08",
       "weekend"},
      {"The party will meet this weekend.", "2021-08-11", "this weekend", "2021-08-14",
       "2021-08-15", "weekend"},
      {"Talks collapsed last week.", "2021-08-11", "last week", "2021-08-02", "2021-08-08",
       "last-week"},
      {"Talks resumed this week.", "2021-08-11", "this week", "2021-08-09", "2021-08-15",
       "this-week"},
      {"The minister told ABC's This Week that talks failed.", "2021-08-11", "", "", "", ""},
      {"This week the talks failed.", "2021-08-11", "This week", "2021-08-09", "2021-08-15",
       "this-week"},
      {"The rebels seized the dam earlier this month.", "2021-08-11", "earlier this month",
       "2021-08-01", "2021-08-10", "earlier-this-month"},
      {"Prices rose last month.", "2021-08-11", "last month", "2021-07-01", "2021-07-31",
       "last-month"},
      {"Prices rose this month.", "2021-08-11", "this month", "2021-08-01", "2021-08-31",
       "this-month"},
      {"The treaty lapsed last year.", "2021-08-11", "last year", "2020-01-01", "2020-12-31",
       "last-year"},
      {"The treaty lapsed this year.", "2021-08-11", "this year", "2021-01-01", "2021-12-31",
       "this-year"},
      {"Elections were held in 2019 amid protests.", "2021-08-11", "2019", "2019-01-01",
       "2019-12-31", "year"},
      {"Fighting has continued since January.", "2021-08-11", "January", "2021-01-01", "2021-01-31",
       "month"},
  };
  for (const auto& c : cases) Check(c);
}

TEST(DateResolverTest, CalendarDates) {
  const ExprCase cases[] = {
      {"On Aug 1, the minister spoke.", "2021-08-11", "On Aug 1", "2021-08-01", "", "month-day"},
      {"The deal was signed Aug. 1 in Doha.", "2021-08-11", "Aug. 1", "2021-08-01", "",
       "month-day"},
      {"It ended on August 3rd.", "2021-08-11", "on August 3rd", "2021-08-03", "", "month-day"},
      {"It began on 1 August.", "2021-08-11", "on 1 August", "2021-08-01", "", "month-day"},
      {"They met on the 5th of May.", "2021-08-11", "on the 5th of May", "2021-05-05", "",
       "month-day"},
      {"They met on May 5 in Doha.", "2021-08-11", "on May 5", "2021-05-05", "", "month-day"},
      {"The pact of August 1, 2020 expired.", "2021-08-11", "August 1, 2020", "2020-08-01", "",
       "full-date"},
      {"It was signed 10 August 2021 in Doha.", "2021-08-11", "10 August 2021", "2021-08-10", "",
       "full-date"},
      {"The order dated 2021-08-10 was leaked.", "2021-08-11", "2021-08-10", "2021-08-10", "",
       "full-date"},
      {"The order dated 25/07/2021 was leaked.", "2021-08-11", "25/07/2021", "2021-07-25", "",
       "full-date"},
      {"The order dated 10/08/2021 was leaked.", "2021-08-11", "", "", "", ""},
      {"Troops withdrew by August 31.", "2021-08-11", "August 31", "2021-08-31", "", "month-day"},
      {"The protests began in March 2020.", "2021-08-11", "March 2020", "2020-03-01", "2020-03-31",
       "month"},
      {"The protests began in March.", "2021-08-11", "March", "2021-03-01", "2021-03-31", "month"},
      {"Voters go to the polls in May.", "2021-08-11", "May", "2021-05-01", "2021-05-31", "month"},
  };
  for (const auto& c : cases) Check(c);
}

TEST(DateResolverTest, RelativeDays) {
  const ExprCase cases[] = {
      {"A day earlier, gunmen stormed a checkpoint.", "2021-08-11", "A day earlier", "2021-08-10",
       "", "relative-day"},
      {"Two days later the town fell.", "2021-08-11", "Two days later", "2021-08-13", "",
       "relative-day"},
      {"The envoy had arrived the day before.", "2021-08-11", "the day before", "2021-08-10", "",
       "relative-day"},
      {"The previous day, police fired tear gas.", "2021-08-11", "The previous day", "2021-08-10",
       "", "relative-day"},
      {"The next day, police fired tear gas.", "2021-08-11", "The next day", "2021-08-12", "",
       "relative-day"},
      {"Earlier in the day, a bomb exploded.", "2021-08-11", "Earlier in the day", "2021-08-11", "",
       "relative-day"},
      {"Hours earlier, a bomb exploded.", "2021-08-11", "Hours earlier", "2021-08-11", "",
       "relative-day"},
      {"Three days ago the bridge collapsed.", "2021-08-11", "Three days ago", "2021-08-08", "",
       "relative-day"},
      {"The rebels seized six towns within days.", "2021-08-11", "", "", "", ""},
      {"The day before the vote, police raided offices.", "2021-08-11", "", "", "", ""},
  };
  for (const auto& c : cases) Check(c);
}

TEST(DateResolverTest, MonthWordsThatAreAlsoWords) {
  const ExprCase cases[] = {
      {"The rebels may attack the capital.", "2021-08-11", "", "", "", ""},
      {"May said the deal was dead.", "2021-08-11", "", "", "", ""},
      {"Thousands march on the capital.", "2021-08-11", "", "", "", ""},
      {"The March on Washington was peaceful.", "2021-08-11", "", "", "", ""},
      {"May 5 was the deadline.", "2021-08-11", "May 5", "2021-05-05", "", "month-day"},
      {"The talks stalled until March.", "2021-08-11", "March", "2021-03-01", "2021-03-31",
       "month"},
      {"Elections were set for 5 May.", "2021-08-11", "5 May", "2021-05-05", "", "month-day"},
  };
  for (const auto& c : cases) Check(c);
}

TEST(DateResolverTest, YearRolloverAndInvalidDates) {
  const ExprCase cases[] = {
      {"Gunmen attacked a bus on Dec 28.", "2021-01-03", "on Dec 28", "2020-12-28", "",
       "month-day"},
      {"The court sits again on Jan 2.", "2021-12-30", "on Jan 2", "2022-01-02", "", "month-day"},
      {"They met on Tuesday.", "2021-01-01", "on Tuesday", "2020-12-29", "", "weekday"},
      {"The deadline is Feb 30.", "2021-08-11", "", "", "", ""},
      {"The order dated 2021-02-30 was leaked.", "2021-08-11", "", "", "", ""},
      {"The pact of Feb 29, 2021 lapsed.", "2021-08-11", "", "", "", ""},
      {"The pact of Feb 29, 2020 lapsed.", "2021-08-11", "Feb 29, 2020", "2020-02-29", "",
       "full-date"},
  };
  for (const auto& c : cases) Check(c);
}

// Expressions cut off at a sentence or document end must not read past the tokens.
TEST(DateResolverTest, BoundsSafety) {
  const char* texts[] = {"on Tuesday",     "Aug",
                         "Aug.",           "on the 5th of",
                         "a day",          "the day before",
                         "2021-08",        "10/08",
                         "over the",       "last",
                         "earlier in the", "Hours",
                         "Talks end.",     "It was Aug. 1",
                         "earlier this",   "",
                         "the next",       "two days"};
  for (const char* t : texts) {
    Resolved r = ResolveText(t, Ctx("2021-08-11"));
    for (const DateMention& m : r.doc.dates) {
      EXPECT_LE(m.token_end, r.doc.tokens.size()) << t;
      EXPECT_LE(m.span.end, r.doc.article.text.size()) << t;
    }
  }
  Resolved r = ResolveText("Talks ended on Tuesday", Ctx("2021-08-11"));
  ASSERT_EQ(r.doc.dates.size(), 1u);
  EXPECT_EQ(r.doc.dates[0].range.from, D("2021-08-10"));
  // The sentence splitter cuts "... on Tuesday. Aug" into two sentences; nothing spans them.
  r = ResolveText("They met on Tuesday. Aug", Ctx("2021-08-11"));
  EXPECT_EQ(r.doc.dates.size(), 1u);
  // No publication date: only dates with a year resolve.
  Document doc = text::MakeDocument("On Tuesday and on Aug 1 and on 2021-08-10 they met.");
  DateResolver().Resolve(DateContext{}, &doc);
  ASSERT_EQ(doc.dates.size(), 1u);
  EXPECT_EQ(doc.dates[0].rule, "full-date");
}

// Each sentence's reference date and basis, as "YYYY-MM-DD/basis".
std::vector<std::string> References(const Resolved& r) {
  std::vector<std::string> out;
  for (const SentenceReference& ref : r.timeline.sentence_reference) {
    out.push_back(ref.date.ToString() + "/" + DateBasisName(ref.basis));
  }
  return out;
}

std::vector<std::string> MentionDates(const Resolved& r) {
  std::vector<std::string> out;
  for (const DateMention& m : r.doc.dates) {
    std::string s = std::string(r.doc.Text(m.span)) + "=" + m.range.from.ToString();
    if (m.range.to != m.range.from) s += ".." + m.range.to.ToString();
    out.push_back(s);
  }
  return out;
}

TEST(NarrativeTest, ReferenceMovesButNotOnFlashback) {
  Resolved r = ResolveText(
      "Envoys from the two states on Tuesday discussed the border dispute.\n"
      "The talks focused on trade.\n"
      "On Aug 1, the foreign minister said both sides wanted calm.\n"
      "A day earlier, militia fighters seized a village near the river.\n"
      "The fighters took two more villages over the weekend.\n"
      "A militia commander threatened the envoys on Sunday.",
      Ctx("2021-08-11"));
  EXPECT_EQ(MentionDates(r),
            (std::vector<std::string>{
                "on Tuesday=2021-08-10", "On Aug 1=2021-08-01", "A day earlier=2021-08-09",
                "over the weekend=2021-08-07..2021-08-08", "on Sunday=2021-08-08"}));
  EXPECT_EQ(References(r),
            (std::vector<std::string>{"2021-08-11/publication", "2021-08-10/narrative",
                                      "2021-08-10/narrative", "2021-08-10/narrative",
                                      "2021-08-09/narrative", "2021-08-09/narrative"}));
  EXPECT_EQ(r.timeline.ReferenceFor(1).mention, 0);
  EXPECT_EQ(r.timeline.ReferenceFor(99).basis, DateBasis::kPublication);
  EXPECT_EQ(r.timeline.RangeFor(2).from, D("2021-08-10"));
}

TEST(NarrativeTest, QuotesAndPastPerfectDoNotMoveTheReference) {
  struct Case {
    const char* second;  // the sentence after "Envoys met on Tuesday."
    const char* third_reference;
  };
  const Case cases[] = {
      {"\"The convoy was attacked on Monday,\" the minister said.", "2021-08-10/narrative"},
      {"The convoy was attacked on Monday, the minister said.", "2021-08-09/narrative"},
      {"The minister had said on Monday that talks would fail.", "2021-08-10/narrative"},
      {"On Monday, the minister had warned of an attack.", "2021-08-10/narrative"},
      {"On Monday, the minister said rebels had attacked a convoy.", "2021-08-09/narrative"},
      {"The envoy will return on Friday.", "2021-08-10/narrative"},
      {"The envoy met rebels earlier this month.", "2021-08-10/narrative"},
  };
  for (const Case& c : cases) {
    Resolved r = ResolveText(std::string("Envoys met on Tuesday.\n") + c.second + "\nTalks end.",
                             Ctx("2021-08-11"));
    // Not References(r)[2]: the text stage splits a line-initial quote mark into its own sentence.
    ASSERT_GE(r.timeline.sentence_reference.size(), 3u) << c.second;
    EXPECT_EQ(References(r).back(), c.third_reference) << c.second;
  }
}

TEST(NarrativeTest, RelativeExpressionsUseTheReferenceInForce) {
  Resolved r = ResolveText(
      "Rebels entered the city on Aug 9.\nThe next day, the governor fled.\n"
      "Two days later the army returned.\nOfficials spoke yesterday.",
      Ctx("2021-08-14"));
  EXPECT_EQ(MentionDates(r),
            (std::vector<std::string>{"on Aug 9=2021-08-09", "The next day=2021-08-10",
                                      "Two days later=2021-08-12", "yesterday=2021-08-13"}));
}

TEST(NarrativeTest, DayOffsetFollowsAnEarlierDateOfItsSentence) {
  Resolved r = ResolveText("Rebels took the town on Monday and two days later seized the airport.",
                           Ctx("2021-08-14"));
  EXPECT_EQ(MentionDates(r),
            (std::vector<std::string>{"on Monday=2021-08-09", "two days later=2021-08-11"}));
}

TEST(NarrativeTest, DatelineStartsTheReference) {
  Resolved r = ResolveText("Troops withdrew yesterday.\nThey left on Friday.",
                           Ctx("2021-08-11", "2021-08-09"));
  EXPECT_EQ(MentionDates(r),
            (std::vector<std::string>{"yesterday=2021-08-08", "on Friday=2021-08-06"}));
  EXPECT_EQ(References(r)[0], "2021-08-09/dateline");
  EXPECT_EQ(References(r)[1], "2021-08-08/narrative");
}

TEST(ExplainTest, SaysWhatEachExpressionWasResolvedAgainst) {
  Document doc = text::MakeDocument(
      "Envoys met on Tuesday.\nOn Aug 1, the minister spoke.\nA day earlier, rebels left.");
  std::vector<DateExplanation> ex = DateResolver().Explain(Ctx("2021-08-11"), &doc);
  ASSERT_EQ(ex.size(), 3u);
  EXPECT_EQ(FormatExplanation(ex[0]),
            "\"on Tuesday\" -> 2021-08-10 [weekday, day] against 2021-08-11 (publication date); "
            "became the reference for the following sentences");
  EXPECT_FALSE(ex[1].moved_reference);
  EXPECT_EQ(ex[1].effect, "kept the reference: flashback, more than 7 days before 2021-08-10");
  EXPECT_EQ(ex[2].anchor, D("2021-08-10"));
  EXPECT_EQ(ex[2].anchor_why, "narrative reference set by \"on Tuesday\"");
  EXPECT_EQ(ex[2].sentence, 2u);
  EXPECT_EQ(doc.dates.size(), 3u);
}

}  // namespace
}  // namespace dyad::time
