// The TABARI/PETRARCH importer: a small synthetic dictionary written for this test (fictional
// names), and the real Phoenix dictionaries from ../shared when present.
#include "lexicon/petrarch_import.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "dyad/coder.h"
#include "lexicon/actor_lexicon.h"

namespace dyad::lexicon {
namespace {

// Fictional entries in TABARI actor format: a country with synonyms, a person whose role changes
// with dated codes and an undated default, a null code, a region code dyad cannot represent, an
// international organisation, a bracketed acronym and a malformed date.
const char kActors[] =
    "# synthetic test dictionary\n"
    "FREEDONIA_  [FRD]\n"
    "+FREEDONIAN_\n"
    "+REPUBLIC_OF_FREEDONIA_\n"
    "\n"
    "RUFUS_T._FIREFLY_  # CountryInfo.txt\n"
    "+RUFUS_FIREFLY_\n"
    "\t[FRDGOV 330101-351231]\n"
    "\t[FRDELI]\n"
    "FREEDONIAN_ARMY_ [FRDMIL]\n"
    "GHOST_ENTRY_ [---]\n"
    "SYLVANIAN_BRIGADES_ [MEAREB] # a region code\n"
    "LEAGUE_OF_SMALL_STATES_ [IGOLSS]\n"
    "PEOPLES_LIBERATION_FRONT_(PLF)_ [FRDREB >20100101]\n"
    "BAD_DATE_ENTRY_ [FRDGOV 2004017-20061201]\n"
    "US_ [USA]\n";

const char kAgents[] =
    "!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
    "# comment\n"
    "FARMER [~AGR]\n"
    "POLICE {} [~COP]\n"
    "CHIEF_OF_STAFF [~MIL]\n"
    "CHAMBER_OF_TRADE {CHAMBERS_OF_TRADE} [~BUS]\n"
    "DAIRY!PERSON! [~AGR]\n"
    "PRIEST [~REL]\n"
    "MINISTER [~GOVAGR]\n";

std::set<std::string> Iso() { return {"FRD", "USA"}; }

TEST(PetrarchImportTest, ConvertsActorEntries) {
  std::string out;
  ImportFileStats st;
  ConvertPetrarchActors(kActors, "test.actors.txt", Iso(), &out, &st);
  EXPECT_EQ(st.entries, 9);
  EXPECT_EQ(st.converted, 6);
  EXPECT_EQ(st.skipped, 3);  // ghost (null code), region code, bad date
  EXPECT_EQ(st.skip_reasons["code: country not in ISO 3166-1"], 1);
  EXPECT_EQ(st.skip_reasons["code with a malformed date restriction"], 1);
  EXPECT_NE(out.find("country\tFRD\tFreedonia|Freedonian|Republic of Freedonia\t"), std::string::npos) << out;
  // The dated code, then the default in the two gaps around it.
  EXPECT_NE(out.find("person\tFRDGOV\tRufus T. Firefly|Rufus Firefly\tcountry=FRD\tsector=GOV\tfrom=1933-01-01\tto=1935-12-31"),
            std::string::npos) << out;
  EXPECT_NE(out.find("person\tFRDELI\tRufus T. Firefly|Rufus Firefly\tcountry=FRD\tsector=ELI\tto=1932-12-31"),
            std::string::npos) << out;
  EXPECT_NE(out.find("sector=ELI\tfrom=1936-01-01"), std::string::npos) << out;
  EXPECT_NE(out.find("org\tFRDMIL\tFreedonian Army\tcountry=FRD\tsector=MIL\tname=Freedonian_Army"), std::string::npos);
  EXPECT_NE(out.find("org\tIGOLSS\tLeague of Small States\tcountry=\tsector=IGO"), std::string::npos);
  EXPECT_NE(out.find("PLF|Peoples Liberation Front\tcountry=FRD\tsector=REB\tname=PLF\tfrom=2010-01-01"), std::string::npos) << out;
  EXPECT_NE(out.find("country\tUSA\tUS\t"), std::string::npos);  // a common word stays in capitals
  EXPECT_EQ(out.find("Ghost"), std::string::npos);
}

TEST(PetrarchImportTest, ConvertsAgents) {
  std::string out;
  ImportFileStats st;
  ConvertPetrarchAgents(kAgents, "test.agents.txt", &out, &st);
  EXPECT_EQ(st.entries, 7);
  EXPECT_EQ(st.converted, 7);
  EXPECT_NE(out.find("agent\tREL\tpriest"), std::string::npos) << out;  // CAMEO's religious role
  EXPECT_NE(out.find("agent\tAGR\tfarmer\ttitle=1\t"), std::string::npos) << out;
  EXPECT_NE(out.find("agent\tAGR\tfarmers\tplural=1\t"), std::string::npos) << out;
  EXPECT_NE(out.find("agent\tCOP\tpolice\tsource="), std::string::npos) << out;  // {}: no plural
  EXPECT_NE(out.find("agent\tMIL\tchiefs of staff\tplural=1"), std::string::npos) << out;
  EXPECT_NE(out.find("agent\tBUS\tchambers of trade\tplural=1"), std::string::npos) << out;
  EXPECT_NE(out.find("agent\tAGR\tdairyman|dairywoman\ttitle=1"), std::string::npos) << out;
  EXPECT_NE(out.find("agent\tAGR\tdairymen|dairywomen\tplural=1"), std::string::npos) << out;
  EXPECT_NE(out.find("agent\tGOV\tminister\ttitle=1"), std::string::npos) << out;
}

TEST(PetrarchImportTest, ImportedFilesLoadAndResolve) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("dyad_petrarch_test_" + std::to_string(::getpid()));
  fs::create_directories(dir / "in");
  std::ofstream(dir / "in" / "Test.actors.txt") << kActors;
  std::ofstream(dir / "in" / "Test.agents.txt") << kAgents;
  std::ofstream(dir / "in" / "CAMEO.verbs.txt") << "not actors\n";
  ImportStats stats;
  ASSERT_TRUE(ImportPetrarchActors((dir / "in").string(), (dir / "out").string(), &stats).ok());
  EXPECT_EQ(stats.files.size(), 2u);
  EXPECT_EQ(stats.ignored_files.size(), 1u);
  std::vector<Diagnostic> diags;
  auto lex = ActorLexicon::Load({(dir / "out").string()}, &diags);
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE(diags.empty()) << diags[0].ToString();
  // FRD is no ISO 3166-1 code, so with the system's code list only the USA entry and agents load.
  EXPECT_NE((*lex)->Country("USA"), nullptr);
  EXPECT_EQ((*lex)->Country("FRD"), nullptr);
  EXPECT_GT((*lex)->entries().size(), 8u);
  fs::remove_all(dir);
}

std::string PhoenixDir() {
  return std::string(DYAD_SOURCE_DIR) + "/../shared/data/dictionaries/phoenix";
}

bool RequireShared() {
  const char* v = std::getenv("DYAD_REQUIRE_SHARED");
  return v != nullptr && std::string(v) == "1";
}

// The real Phoenix dictionaries: counts are plausible, the output loads without a diagnostic, and
// coding with them alone (--only-actors) resolves a country and a dated office-holder.
TEST(PetrarchImportTest, PhoenixDictionaries) {
  namespace fs = std::filesystem;
  if (!fs::exists(PhoenixDir() + "/Phoenix.Countries.actors.txt")) {
    if (RequireShared()) FAIL() << "missing shared data: " << PhoenixDir();
    std::printf("skipped: %s not found (no ../shared)\n", PhoenixDir().c_str());
    GTEST_SKIP() << "no ../shared";
  }
  fs::path out = fs::temp_directory_path() / ("dyad_phoenix_test_" + std::to_string(::getpid()));
  ImportStats stats;
  ASSERT_TRUE(ImportPetrarchActors(PhoenixDir(), out.string(), &stats).ok());
  std::printf("%s", stats.Format().c_str());
  EXPECT_EQ(stats.files.size(), 4u);
  EXPECT_GT(stats.Converted(), 15000);
  EXPECT_LT(stats.Skipped(), stats.Converted() / 5);
  std::vector<Diagnostic> diags;
  auto lex = ActorLexicon::Load({out.string()}, &diags);
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE(diags.empty()) << diags.size() << " diagnostics, first: " << diags[0].ToString();
  CoderConfig cfg;
  cfg.actor_paths = {out.string()};
  cfg.replace_actors = true;
  auto coder = Coder::Create(cfg);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  Document doc;
  doc.article.id = "t";
  doc.article.date = "2010-06-01";
  doc.article.text = "Afghan President Hamid Karzai met Nigerian officials in Kabul.";
  ASSERT_TRUE((*coder)->Code(&doc).ok());
  std::string codes;
  for (const ActorMention& m : doc.actors) codes += m.code + " ";
  EXPECT_NE(codes.find("AFGGOV"), std::string::npos) << codes;
  EXPECT_NE(codes.find("NGA"), std::string::npos) << codes;
  fs::remove_all(out);
}

}  // namespace
}  // namespace dyad::lexicon
