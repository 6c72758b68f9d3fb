#include "ingest/clean.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "ingest/dateline.h"

namespace dyad {
namespace {

struct CleanCase {
  const char* name;
  std::string title;
  std::string text;
  std::vector<std::string> kept;     // segment texts; "T|" marks a title segment
  std::vector<std::string> dropped;  // "reason|text"
};

void PrintTo(const CleanCase& c, std::ostream* os) { *os << c.name; }

std::string Cut(const std::string& text, Span s) { return text.substr(s.begin, s.size()); }

const std::vector<CleanCase>& CleanCases() {
  static const std::vector<CleanCase> kCases = {
      {"repeated_headline", "Ministers meet over \"border\" dispute",
       "Ministers meet over ‘border’ dispute\n\nMINISTERS MEET OVER BORDER DISPUTE\n"
       "Ministers meet over border dispute\n\nThe foreign ministers met in Doha on Monday.\n",
       {"T|Ministers meet over ‘border’ dispute", "The foreign ministers met in Doha on Monday."},
       {"title-repeat|MINISTERS MEET OVER BORDER DISPUTE", "title-repeat|Ministers meet over border dispute"}},
      {"repeated_headline_without_title", "",
       "Floods hit coastal towns\nFloods hit coastal towns\n\nHeavy rain flooded three towns, officials said.\n",
       {"T|Floods hit coastal towns", "Heavy rain flooded three towns, officials said."},
       {"title-repeat|Floods hit coastal towns"}},
      {"first_line_headline_without_title", "", "Envoy urges restraint\n\nThe envoy urged both sides to stop.",
       {"T|Envoy urges restraint", "The envoy urged both sides to stop."}, {}},
      {"first_line_sentence_is_body", "", "The envoy urged restraint on Friday.\nHe left for Geneva.",
       {"The envoy urged restraint on Friday.", "He left for Geneva."}, {}},
      {"related_links", "Army chief visits Kabul",
       "Army chief visits Kabul\n\nThe army chief arrived in Kabul on Tuesday.\n\nRead Army chief meets envoy in Doha\n\n"
       "READ MORE: Border crossing reopens\n\nAlso read: Trade talks stall\n\nRelated: Five things to know\n\n"
       "See also the timeline of the talks\n\nHe met the president later.\n\nReady troops were deployed.",
       {"T|Army chief visits Kabul", "The army chief arrived in Kabul on Tuesday.", "He met the president later.",
        "Ready troops were deployed."},
       {"related-link|Read Army chief meets envoy in Doha", "related-link|READ MORE: Border crossing reopens",
        "related-link|Also read: Trade talks stall", "related-link|Related: Five things to know",
        "related-link|See also the timeline of the talks"}},
      {"boilerplate", "",
       "Protesters gathered outside parliament on Friday.\nFollow us on Twitter for live updates\n"
       "Click here to get our app\nSubscribe to our daily briefing\nPhoto: Staff photographer\n"
       "(Photo credit: News Agency)\nAdvertisement\nShare this article\n\xC2\xA9 2021 Example Media Ltd\n"
       "By Jane Doe\nCopyright 2021 Example Media. All rights reserved.\nPolice dispersed the crowd.",
       {"Protesters gathered outside parliament on Friday.", "Police dispersed the crowd."},
       {"boilerplate|Follow us on Twitter for live updates", "boilerplate|Click here to get our app",
        "boilerplate|Subscribe to our daily briefing", "boilerplate|Photo: Staff photographer",
        "boilerplate|(Photo credit: News Agency)", "boilerplate|Advertisement", "boilerplate|Share this article",
        "boilerplate|\xC2\xA9 2021 Example Media Ltd", "boilerplate|By Jane Doe",
        "boilerplate|Copyright 2021 Example Media. All rights reserved."}},
      {"duplicate_anywhere", "",
       "Rebels shelled the airport.\n\nThe UN condemned the attack.\n\nRebels shelled the airport.\n\n* * *\n",
       {"Rebels shelled the airport.", "The UN condemned the attack."},
       {"duplicate|Rebels shelled the airport.", "no-text|* * *"}},
      {"standfirst", "Border to reopen",
       "Border to reopen\nBoth sides agreed to reopen the border crossing for trade next week\n\n"
       "The announcement came after two days of talks.\n\n"
       "Officials said both sides agreed on Monday to reopen the border crossing for trade and travel next week.\n",
       {"T|Border to reopen", "The announcement came after two days of talks.",
        "Officials said both sides agreed on Monday to reopen the border crossing for trade and travel next week."},
       {"near-duplicate|Both sides agreed to reopen the border crossing for trade next week"}},
      {"reordered_words_kept", "",
       "Kabul airport remained closed on Monday.\n\n"
       "On Monday, officials said the airport in Kabul, which remained closed, would reopen soon.",
       {"Kabul airport remained closed on Monday.",
        "On Monday, officials said the airport in Kabul, which remained closed, would reopen soon."},
       {}},
      {"dateline", "Talks resume in Doha",
       "Talks resume in Doha\n\nDOHA, Aug 12 (Reuters) - Negotiators resumed talks on Thursday.\n",
       {"T|Talks resume in Doha", "D|DOHA, Aug 12 (Reuters) - ", "Negotiators resumed talks on Thursday."}, {}},
      {"overview_example_in_clean_h", "Taliban take Kunduz",
       "Taliban take Kunduz\nTaliban take Kunduz\n\nKUNDUZ (Reuters) - The Taliban took the city.\n\n"
       "Read more: Ghani flies to Mazar",
       {"T|Taliban take Kunduz", "D|KUNDUZ (Reuters) - ", "The Taliban took the city."},
       {"title-repeat|Taliban take Kunduz", "related-link|Read more: Ghani flies to Mazar"}},
      {"hard_wrapped_paragraph", "",
       "The two delegations met for three hours at the\r\nforeign ministry and agreed to meet again next\r\n"
       "month, a spokesman said.\r\n\r\nNo date was set.\r\n",
       {"The two delegations met for three hours at the\r\nforeign ministry and agreed to meet again next\r\n"
        "month, a spokesman said.",
        "No date was set."},
       {}},
      {"short_subhead_not_joined", "Other title",
       "The first paragraph of the story is long enough to matter.\n\nBorder reopening\n"
       "The crossing will reopen on Friday, officials said.",
       {"The first paragraph of the story is long enough to matter.", "Border reopening",
        "The crossing will reopen on Friday, officials said."},
       {}},
  };
  return kCases;
}

class CleanTest : public ::testing::TestWithParam<CleanCase> {};

TEST_P(CleanTest, SegmentsAndDrops) {
  const CleanCase& c = GetParam();
  Article article;
  article.title = c.title;
  article.text = c.text;
  CleanResult result = SegmentArticle(article);
  std::vector<std::string> kept, dropped;
  for (const Segment& s : result.segments) {
    ASSERT_LE(s.span.end, c.text.size());
    kept.push_back((s.is_title ? "T|" : s.is_dateline ? "D|" : "") + Cut(c.text, s.span));
  }
  for (const DroppedLine& d : result.dropped) dropped.push_back(DropReasonName(d.reason) + ("|" + Cut(c.text, d.span)));
  EXPECT_EQ(kept, c.kept);
  EXPECT_EQ(dropped, c.dropped);
}

INSTANTIATE_TEST_SUITE_P(Cases, CleanTest, ::testing::ValuesIn(CleanCases()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Clean, DatelineRecordedAndSegmentStartsAfterIt) {
  Document doc;
  doc.article.title = "Talks resume";
  doc.article.text = "Talks resume\n\nDOHA, Aug 12 (Reuters) - Negotiators met.\n\nThey will meet again.";
  CleanResult detail;
  ASSERT_TRUE(Clean(&doc, &detail).ok());
  ASSERT_EQ(doc.segments.size(), 4u);  // title, dateline, two paragraphs
  EXPECT_TRUE(doc.segments[1].is_dateline);
  EXPECT_EQ(doc.Text(doc.segments[2].span), "Negotiators met.");
  ASSERT_TRUE(detail.dateline.found());
  EXPECT_EQ(doc.Text(detail.dateline.place), "DOHA");
  EXPECT_EQ(doc.Text(detail.dateline.date), "Aug 12");
  EXPECT_EQ(doc.Text(detail.dateline.source), "Reuters");
  EXPECT_EQ(doc.Text(detail.dateline.whole), "DOHA, Aug 12 (Reuters) - ");
}

TEST(Clean, ExplainDrop) {
  Article article;
  article.text = "Troops withdrew from the town.\n\nRead Troops withdraw from border town\n";
  CleanResult result = SegmentArticle(article);
  ASSERT_EQ(result.dropped.size(), 1u);
  EXPECT_EQ(ExplainDrop(result.dropped[0], article.text),
            "dropped 32-69 related-link (\"read\"): Read Troops withdraw from border town");
}

struct DatelineCase {
  std::string text;
  std::string whole, place, date, source;  // whole "" = no dateline
};

TEST(Dateline, Table) {
  const std::vector<DatelineCase> cases = {
      {"ISLAMABAD, Aug 10 (Reuters) - Pakistan said.", "ISLAMABAD, Aug 10 (Reuters) - ", "ISLAMABAD", "Aug 10", "Reuters"},
      {"KABUL (AP) — Fighters entered.", "KABUL (AP) — ", "KABUL", "", "AP"},
      {"WASHINGTON, Aug. 10 — The Pentagon said.", "WASHINGTON, Aug. 10 — ", "WASHINGTON", "Aug. 10", ""},
      {"KANDAHAR, Afghanistan (AP) -- Shops shut.", "KANDAHAR, Afghanistan (AP) -- ", "KANDAHAR, Afghanistan", "", "AP"},
      {"NEW DELHI: India said on Tuesday.", "NEW DELHI: ", "NEW DELHI", "", ""},
      {"Peshawar, 10 August (APP) - Police said.", "Peshawar, 10 August (APP) - ", "Peshawar", "10 August", "APP"},
      {"ST. PETERSBURG, Russia, Sept 9, 2021 (Reuters) – Ships docked.",
       "ST. PETERSBURG, Russia, Sept 9, 2021 (Reuters) – ", "ST. PETERSBURG, Russia", "Sept 9, 2021", "Reuters"},
      {"US troops left on Monday.", "", "", "", ""},
      {"UN: talks failed.", "", "", "", ""},
      {"Taliban fighters - armed with rifles - advanced.", "", "", "", ""},
      {"FILE - In this photo, troops march.", "", "", "", ""},
      {"KABUL-based groups said so.", "", "", "", ""},
      {"KABUL —", "", "", "", ""},
  };
  for (const DatelineCase& c : cases) {
    Dateline d = FindDateline(c.text, Span{0, static_cast<uint32_t>(c.text.size())});
    EXPECT_EQ(Cut(c.text, d.whole), c.whole) << c.text;
    EXPECT_EQ(Cut(c.text, d.place), c.place) << c.text;
    EXPECT_EQ(Cut(c.text, d.date), c.date) << c.text;
    EXPECT_EQ(Cut(c.text, d.source), c.source) << c.text;
  }
}

// A dateline inside a segment that starts later in the text gets absolute spans.
TEST(Dateline, SpansAreAbsolute) {
  std::string text = "Headline\n\nKABUL (AP) — Fighters entered.";
  Dateline d = FindDateline(text, Span{10, static_cast<uint32_t>(text.size())});
  EXPECT_EQ(Cut(text, d.place), "KABUL");
  EXPECT_EQ(d.whole.begin, 10u);
}

}  // namespace
}  // namespace dyad
