// The PETRARCH verb importer: a small synthetic dictionary written for this test (invented verbs
// and patterns in PETRARCH's format), and the real Phoenix CAMEO.2.0.txt from ../shared when
// present.
#include "lexicon/petrarch_verbs.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "dyad/coder.h"
#include "lexicon/event_lexicon.h"
#include "lexicon/petrarch_import.h"

namespace dyad::lexicon {
namespace {

// Invented synsets, two verb blocks and a transformation. One pattern per conversion rule or
// skip reason; the comment after each says what it tests.
const char kVerbs[] =
    "# synthetic verb dictionary\n"
    "&GADGET\n"
    "+WIDGET\n"
    "+SPROCKET_\n"
    "+FLUX_CAPACITOR\n"          // several words: its head, capacitor
    "+ZX-9\n"                    // no one-word head: dropped
    "&VESSEL_\n"
    "+BARGE\n"
    "+GONDOLA\n"
    "\n"
    "####### VERB PATTERNS #######\n"
    "\n"
    "---  PARLEY   [040]  ---\n"
    "PARLEY\n"
    "CONFABULATE [041]  # own code for the bare verb\n"
    "HUDDLE {HUDDLES HUDDLED HUDDLING}\n"
    "+HUNKERED_DOWN {}\n"        // multi-word, inflected: lemma hunker + particle down
    "RE-CONVENE\n"               // not one token: unusable
    "- * CHATS (WITH +)                  [043]   # target in a prepositional phrase\n"
    "- * {FRIENDLY BANTER}               [042:043]  # noun phrase, active code\n"
    "- * &GADGET                         [061]   # synset\n"
    "- * (ABOARD &VESSEL)                [046]\n"
    "- * BY/VIA TELEGRAPH                [041]   # alternatives\n"
    "- $ * WALRUS_TUSKS                  [044]   # source before the verb is the default\n"
    "- * +                               [---]   # null code\n"
    "- * (AT COURT)                      [:173]  # passive-only code\n"
    "- WALRUS * CHOWDER                  [044]   # words before the verb\n"
    "- + * TEAPOT                        [044]   # target before the verb\n"
    "- * (TOWARD $)                      [044]   # source after the verb\n"
    "- * ^ CABBAGES                      [044]   # skip marker\n"
    "- * % KINGS                         [044]   # compound marker\n"
    "- * + (AND +)                       [044]   # two targets\n"
    "- * &NOSUCHSET                      [044]   # undefined synset\n"
    "- * TREATY                          [999]   # code not in the CAMEO table\n"
    "- * CHATS (WITH +)                  [045]   # redefines the first pattern\n"
    "\n"
    "---  GRUMBLE  [---]  ---\n"
    "GRUMBLE\n"
    "- * (ABOUT +)                       [111]\n"
    "\n"
    "######## TRANSFORMATIONS ##########\n"
    "~ a (a b GRUMBLE) SAY = a b 111\n";

const char kCameo[] =
    "code\tname\tgoldstein\tquad_class\tplover\n"
    "040\tConsult\t1\t1\tCONSULT\n"
    "041\tDiscuss by telephone\t1\t1\tCONSULT\n"
    "042\tMake a visit\t1.9\t1\tCONSULT\n"
    "043\tHost a visit\t2.8\t1\tCONSULT\n"
    "044\tMeet at a third location\t2.5\t1\tCONSULT\n"
    "045\tMediate\t5\t1\tCONSULT\n"
    "046\tEngage in negotiation\t7\t1\tCONSULT\n"
    "061\tCooperate economically\t6.4\t2\tCOOPERATE\n"
    "111\tCriticize or denounce\t-2\t3\tDISAPPROVE\n"
    "173\tArrest, detain\t-5\t4\tCOERCE\n";

std::string Convert(VerbImportStats* st) {
  auto cameo = CameoTable::FromText(kCameo);
  EXPECT_TRUE(cameo.ok());
  return ConvertPetrarchVerbs({{"test.verbs.txt", kVerbs}}, cameo->get(), st);
}

bool Has(const std::string& out, const std::string& line) {
  return out.find("\n" + line + "\tsource=petrarch-import\tnote=test.verbs.txt:") != std::string::npos;
}

TEST(PetrarchVerbsTest, ConvertsPatternsPerVerbLemma) {
  VerbImportStats st;
  std::string out = Convert(&st);
  EXPECT_EQ(out.rfind("@version petrarch-import\n#", 0), 0u) << out;
  // One line per usable verb of the block: parley, confabulate, huddle, hunker down.
  for (const char* v : {"parley", "confabulate", "huddle", "hunker down"}) {
    std::string verb = v;
    EXPECT_TRUE(Has(out, "045\t" + verb + " chats with $T")) << verb << "\n" << out;
    EXPECT_TRUE(Has(out, "042\t" + verb + " friendly banter")) << verb;
    EXPECT_TRUE(Has(out, "061\t" + verb + " (widget|sprocket|capacitor)")) << verb;
    EXPECT_TRUE(Has(out, "046\t" + verb + " aboard (barge|gondola)")) << verb;
    EXPECT_TRUE(Has(out, "041\t" + verb + " (by|via) telegraph")) << verb;
    EXPECT_TRUE(Has(out, "044\t" + verb + " walrus tusks")) << verb;
  }
  EXPECT_TRUE(Has(out, "111\tgrumble about $T"));
  // Bare verbs: the block's code, a verb's own code; none for the null block code.
  EXPECT_TRUE(Has(out, "040\tparley"));
  EXPECT_TRUE(Has(out, "041\tconfabulate"));
  EXPECT_TRUE(Has(out, "040\thuddle"));
  EXPECT_TRUE(Has(out, "040\thunker down"));
  EXPECT_FALSE(Has(out, "040\tgrumble"));
  EXPECT_EQ(st.bare_verb_lines, 4);
  // The redefined pattern keeps only the last code.
  EXPECT_EQ(out.find("043\tparley chats with $T"), std::string::npos);
  EXPECT_EQ(st.overridden_lines, 4);
  EXPECT_EQ(out.find("re-convene"), std::string::npos);
  EXPECT_EQ(out.find("zx"), std::string::npos);
  EXPECT_EQ(st.synset_members_dropped, 1);
  EXPECT_EQ(st.blocks, 2);
  EXPECT_EQ(st.verbs, 6);
  EXPECT_EQ(st.verbs_unusable, 1);
  EXPECT_EQ(st.transformations, 1);
  EXPECT_EQ(st.lines_written, 4 * 6 + 1 + 4);
}

TEST(PetrarchVerbsTest, SkipsWhatDyadCannotExpress) {
  VerbImportStats st;
  Convert(&st);
  EXPECT_EQ(st.patterns, 18);
  EXPECT_EQ(st.converted, 8);
  EXPECT_EQ(st.skipped, 10);
  std::map<std::string, int> want = {
      {"null code [---] (blocks coding)", 1}, {"passive-only code ([:CODE])", 1},
      {"words before the verb", 1},           {"target + before the verb", 1},
      {"source $ after the verb", 1},         {"^ skip marker", 1},
      {"% compound marker", 1},               {"more than one target +", 1},
      {"undefined synset", 1},                {"code not in the CAMEO table", 1}};
  EXPECT_EQ(st.skip_reasons, want);
  std::string report = st.Format();
  EXPECT_NE(report.find("verb patterns: converted 8, skipped 10 (reasons: "), std::string::npos) << report;
}

TEST(PetrarchVerbsTest, WithoutTableAcceptsAnyNumericCode) {
  VerbImportStats st;
  std::string out = ConvertPetrarchVerbs({{"test.verbs.txt", kVerbs}}, nullptr, &st);
  EXPECT_TRUE(Has(out, "999\tparley treaty"));
  EXPECT_EQ(st.skip_reasons.count("code not in the CAMEO table"), 0u);
}

TEST(PetrarchVerbsTest, Sniffing) {
  EXPECT_TRUE(LooksLikePetrarchVerbs(kVerbs));
  EXPECT_FALSE(LooksLikePetrarchVerbs("FREEDONIA_ [FRD]\n+FREEDONIAN_\n"));
  EXPECT_FALSE(LooksLikePetrarchVerbs("--- not a block\n"));
}

// The directory import writes imported_verbs.events, which loads into dyad's event lexicon
// without a diagnostic and codes through CoderConfig::event_paths.
TEST(PetrarchVerbsTest, ImportedFileLoadsAndCodes) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("dyad_petrarch_verbs_" + std::to_string(::getpid()));
  fs::create_directories(dir / "in");
  std::ofstream(dir / "in" / "Test.verbs.txt") << kVerbs;
  std::ofstream(dir / "in" / "notes.txt") << "not a dictionary\n";
  auto cameo = CameoTable::FromText(kCameo);
  VerbImportStats st;
  ASSERT_TRUE(ImportPetrarchVerbs((dir / "in").string(), (dir / "out").string(), cameo->get(), &st).ok());
  EXPECT_EQ(st.inputs.size(), 1u);
  EXPECT_EQ(fs::path(st.output).filename(), "imported_verbs.events");
  // The actor importer leaves the verb file to this importer instead of listing it as ignored.
  ImportStats actors;
  EXPECT_FALSE(ImportPetrarchActors((dir / "in").string(), (dir / "out").string(), &actors).ok());
  EXPECT_EQ(actors.ignored_files, std::vector<std::string>{"notes.txt"});
  std::vector<Diagnostic> diags;
  auto lex = EventLexicon::Load({(dir / "out").string()}, &diags);
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE(diags.empty()) << diags[0].ToString();
  EXPECT_EQ((*lex)->entries().size(), static_cast<size_t>(st.lines_written));
  ASSERT_NE((*lex)->ByTrigger("hunker"), nullptr);

  CoderConfig cfg;
  cfg.event_paths = {(dir / "out").string()};
  auto coder = Coder::Create(cfg);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  EXPECT_NE((*coder)->lexicon_version().find("imported_verbs.events=petrarch-import"), std::string::npos);
  Document doc;
  doc.article.id = "t";
  doc.article.date = "2020-03-01";
  doc.article.text = "Pakistan confabulated with India on Monday.";
  ASSERT_TRUE((*coder)->Code(&doc).ok());
  std::string codes;
  for (const Event& e : doc.events) codes += e.cameo + " ";
  EXPECT_NE(codes.find("041"), std::string::npos) << codes;
  fs::remove_all(dir);
}

std::string SharedFile(const char* rel) { return std::string(DYAD_SOURCE_DIR) + "/../shared/" + rel; }

bool RequireShared() {
  const char* v = std::getenv("DYAD_REQUIRE_SHARED");
  return v != nullptr && std::string(v) == "1";
}

// The real Phoenix verb dictionary: plausible counts; every line parses as a dyad pattern and
// carries a code of dyad's CAMEO table; the file loads without a diagnostic.
TEST(PetrarchVerbsTest, PhoenixCameoVerbs) {
  namespace fs = std::filesystem;
  std::string path = SharedFile("data/dictionaries/phoenix/CAMEO.2.0.txt");
  if (!fs::exists(path)) {
    if (RequireShared()) FAIL() << "missing shared data: " << path;
    std::printf("skipped: %s not found (no ../shared)\n", path.c_str());
    GTEST_SKIP() << "no ../shared";
  }
  auto cameo = CameoTable::Load(std::string(DYAD_SOURCE_DIR) + "/data/cameo/cameo_codes.tsv");
  ASSERT_TRUE(cameo.ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  ASSERT_TRUE(LooksLikePetrarchVerbs(text));
  VerbImportStats st;
  std::string out = ConvertPetrarchVerbs({{"CAMEO.2.0.txt", text}}, cameo->get(), &st);
  std::printf("%s", st.Format().c_str());
  EXPECT_GT(st.blocks, 300);
  EXPECT_GT(st.patterns, 4000);
  EXPECT_EQ(st.converted + st.skipped, st.patterns);
  EXPECT_GT(st.converted, st.patterns / 2);
  EXPECT_GT(st.lines_written, 10000);
  EXPECT_GT(st.bare_verb_lines, 300);

  int lines = 0;
  std::istringstream ls(out);
  for (std::string line; std::getline(ls, line);) {
    if (line.empty() || line[0] == '#' || line[0] == '@') continue;
    ++lines;
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    ASSERT_NE(t2, std::string::npos) << line;
    std::string code = line.substr(0, t1);
    EXPECT_NE((*cameo)->Find(code), nullptr) << line;
    EventEntry e;
    EXPECT_EQ(ParsePattern(line.substr(t1 + 1, t2 - t1 - 1), &e), "") << line;
    EXPECT_FALSE(e.noun) << line;
  }
  EXPECT_EQ(lines, st.lines_written);
  std::vector<Diagnostic> diags;
  auto lex = EventLexicon::FromText(out, &diags);
  EXPECT_TRUE(diags.empty()) << diags.size() << " diagnostics, first: " << diags[0].ToString();
  EXPECT_EQ(lex->entries().size(), static_cast<size_t>(lines));
}

}  // namespace
}  // namespace dyad::lexicon
