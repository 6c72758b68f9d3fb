// The event coder with the shipped dictionaries and the trained parser: decisions that need the
// parse (tests/golden covers whole articles). Sentences written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.h"

namespace dyad {
namespace {

Document CodeText(const std::string& text, const std::string& date) {
  Document doc;
  doc.article.id = "t";
  doc.article.date = date;
  doc.article.text = text;
  EXPECT_TRUE(testing::SharedCoder().Code(&doc).ok());
  return doc;
}

std::vector<std::string> Dyads(const std::string& text, const std::string& date) {
  Document doc = CodeText(text, date);
  std::vector<std::string> out;
  for (const Event& e : doc.events) {
    out.push_back(e.source.code + " " + e.cameo.substr(0, 2) + " " + (e.has_target ? e.target.code : "-"));
  }
  return out;
}

// A country in a place phrase ("the crisis in Sudan") is the topic of talks, not a party to them:
// two leaders who discussed it consulted each other.
TEST(CoderParseTest, TopicCountryIsNotTheOtherParty) {
  std::vector<std::string> got =
      Dyads("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed on Monday discussed "
            "the worsening crisis in Sudan.",
            "2024-03-05");
  EXPECT_EQ(got, (std::vector<std::string>{"KENGOV 04 ETHGOV", "ETHGOV 04 KENGOV"}));
}

// A place that stands for its people (hospitals, villages) is the target of an attack, not where
// something happens ("in the east"), and the "they" it says something about when it speaks.
TEST(CoderParseTest, PlacesStandingForTheirPeople) {
  std::vector<std::string> got = Dyads("Soldiers in the east attacked hospitals.", "2024-03-05");
  EXPECT_EQ(got, (std::vector<std::string>{"MIL 19 HLH"}));
  got = Dyads(
      "Israeli troops surrounded the area on Friday. Hospitals in Gaza said they had appealed to "
      "the United Nations for fuel.",
      "2024-03-05");
  EXPECT_NE(std::find(got.begin(), got.end(), "PSEHLH 02 IGOUNO"), got.end());
  got = Dyads("Gunmen attacked a village in Plateau State, killing 12 people.", "2024-03-05");
  EXPECT_NE(std::find(got.begin(), got.end(), "NGAUAF 18 NGACVL"), got.end());
  got = Dyads("Kenyan officials met Somali officials in a village near the border.", "2024-03-05");
  EXPECT_FALSE(got.empty());
  for (const std::string& d : got) EXPECT_EQ(d.find("CVL"), std::string::npos) << d;
}

// ", police said": the speaker of a trailing attribution is not the object of the act reported.
TEST(CoderParseTest, TrailingSpeakerIsNoTarget) {
  EXPECT_EQ(Dyads("Kenyan troops attacked the camp, police said.", "2024-03-05"),
            (std::vector<std::string>{"KENMIL 19 -"}));
  EXPECT_EQ(Dyads("Kenya and Uganda agreed on a new trade deal, officials said.", "2024-03-05"),
            (std::vector<std::string>{"KEN 03 UGA", "UGA 03 KEN"}));
  // the object before the attribution stays the target
  EXPECT_EQ(Dyads("Kenyan police arrested the opposition leader, a government spokesman told "
                  "reporters.",
                  "2024-03-05"),
            (std::vector<std::string>{"KENCOP 17 OPP"}));
}

// "Thousands of protesters demonstrated": the actor after a quantity's "of" is the subject, when
// it is the whole phrase after "of" ("dozens of Parliament's staff" are not Parliament).
TEST(CoderParseTest, QuantityOfActorIsTheSubject) {
  EXPECT_EQ(
      Dyads("Thousands of Kenyan protesters demonstrated against the government.", "2024-03-05"),
      (std::vector<std::string>{"KENCVL 14 GOV"}));
  EXPECT_EQ(Dyads("One of Kenya's lawmakers criticized Uganda.", "2024-03-05"),
            (std::vector<std::string>{"KENLEG 11 UGA"}));
  std::vector<std::string> got =
      Dyads("Dozens of Parliament's staff criticized Uganda.", "2024-03-05");
  for (const std::string& d : got) EXPECT_NE(d.rfind("LEG", 0), 0u) << d;
}

// "his Ugandan counterpart Yoweri Museveni" is one actor, the named person; a lender that approves
// a loan for someone provides aid, a legislature that approves a loan from someone does not.
TEST(CoderParseTest, CounterpartsAndLoans) {
  EXPECT_EQ(Dyads("Kenyan President William Ruto hosted his Ugandan counterpart Yoweri Museveni in "
                  "Nairobi.",
                  "2024-03-05"),
            (std::vector<std::string>{"KENGOV 04 UGAGOV"}));
  // a counterpart holds the office of the one named before (an army chief's is military)
  EXPECT_EQ(Dyads("Pakistan's army chief met his Indian counterpart.", "2024-03-05"),
            (std::vector<std::string>{"PAKMIL 04 INDMIL"}));
  EXPECT_EQ(Dyads("The IMF approved a $500 million loan for Kenya.", "2024-03-05"),
            (std::vector<std::string>{"IGOIMF 07 KEN"}));
  EXPECT_TRUE(Dyads("Parliament approved a loan from China.", "2024-03-05").empty());
}

// Two parties that clash or fight with no object fight each other; clashing "over" an issue is a
// dispute (11); a plural noun the tagger reads as a verb ("deadly clashes") is no verb trigger.
TEST(CoderParseTest, MutualFights) {
  EXPECT_EQ(
      Dyads("The Sudanese army and the Rapid Support Forces clashed in Khartoum.", "2024-03-05"),
      (std::vector<std::string>{"SDNMIL 19 SDNREB", "SDNREB 19 SDNMIL"}));
  EXPECT_EQ(Dyads("Boris Johnson and Jeremy Corbyn clashed over the NHS.", "2019-11-20"),
            (std::vector<std::string>{"GBRGOV 11 GBROPP", "GBROPP 11 GBRGOV"}));
  for (const std::string& d : Dyads("France and Britain fought the war together.", "2024-03-05")) {
    EXPECT_TRUE(d != "FRA 19 GBR" && d != "GBR 19 FRA") << d;  // an object: not each other
  }
  // traded accusations, exchanged fire, swapped prisoners: each with the other, not the venue
  EXPECT_EQ(Dyads("India and Pakistan traded accusations at the United Nations.", "2024-03-05"),
            (std::vector<std::string>{"IND 11 PAK", "PAK 11 IND"}));
  EXPECT_EQ(Dyads("Indian and Pakistani troops exchanged fire along the border.", "2024-03-05"),
            (std::vector<std::string>{"INDMIL 19 PAKMIL", "PAKMIL 19 INDMIL"}));
  EXPECT_EQ(Dyads("Russia and Ukraine swapped prisoners on Friday.", "2024-03-05"),
            (std::vector<std::string>{"RUS 08 UKR", "UKR 08 RUS"}));
  // a promise to retaliate is a threat, not an intent to cooperate
  EXPECT_EQ(Dyads("North Korea vowed to retaliate against South Korea.", "2024-03-05"),
            (std::vector<std::string>{"PRK 13 KOR"}));
  Document doc =
      CodeText("The police fired tear gas to quell deadly clashes in the capital.", "2024-03-05");
  for (const Event& e : doc.events) EXPECT_NE(doc.Text(e.trigger), "clashes") << e.cameo;
}

// An attack on a named town is an attack on its country, there: "shelled Kharkiv", "a missile
// attack on Kyiv"; a town after another preposition is only where it happened.
TEST(CoderParseTest, AttackOnAPlace) {
  Document doc = CodeText("Russian forces shelled Kharkiv overnight.", "2024-03-05");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].target.code, "UKR");
  ASSERT_GE(doc.events[0].place, 0);
  EXPECT_EQ(doc.places[doc.events[0].place].name, "Kharkiv");
  EXPECT_EQ(Dyads("Russian forces launched a missile attack on Kyiv.", "2024-03-05"),
            (std::vector<std::string>{"RUSMIL 19 UKR"}));
  EXPECT_EQ(Dyads("Russian forces fought near Kharkiv.", "2024-03-05"),
            (std::vector<std::string>{"RUSMIL 19 -"}));
}

// "demonstrate" without an object is a protest (141, obj=none); with one it is not.
TEST(CoderParseTest, IntransitiveDemonstrate) {
  EXPECT_EQ(Dyads("Thousands of Kenyans demonstrated in Nairobi on Sunday.", "2024-03-05"),
            (std::vector<std::string>{"KENCVL 14 -"}));
  EXPECT_TRUE(
      Dyads("North Korea demonstrated its resolve with a missile launch.", "2024-03-05").empty());
  EXPECT_TRUE(Dyads("Kenya demonstrated that the plan works.", "2024-03-05").empty());
}

// The topic of talks or an agreement ("talks on Somalia") is not the other party; the one on whom
// sanctions fall is.
TEST(CoderParseTest, TopicIsNoParty) {
  EXPECT_EQ(Dyads("Kenya and Ethiopia held talks on Somalia.", "2024-03-05"),
            (std::vector<std::string>{"KEN 04 ETH", "ETH 04 KEN"}));
  EXPECT_EQ(Dyads("Kenya and Ethiopia signed an agreement on Somalia.", "2024-03-05"),
            (std::vector<std::string>{"KEN 05 ETH", "ETH 05 KEN"}));
  std::vector<std::string> got =
      Dyads("Washington will agree to lift sanctions on North Korea.", "2024-03-05");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "USAGOV 03 PRK");
}

// "An attack by X", "airstrikes by X": the agent after "by" does the act, unless a verb of judgment
// or report is about it ("condemned the ambush by JNIM" tells of an act already reported); an
// actor inside a prepositional phrase ("on a village") is not the subject of the next verb.
TEST(CoderParseTest, ByAgentsAndPrepositionalPhrases) {
  std::vector<std::string> got = Dyads(
      "An attack by Boko Haram fighters on a village in Borno killed 10 people.", "2024-03-05");
  ASSERT_FALSE(got.empty());
  for (const std::string& d : got) EXPECT_EQ(d.rfind("NGAREB ", 0), 0u) << d;
  got = Dyads("The UN condemned the ambush by JNIM and called on the Malian authorities to act.",
              "2024-03-05");
  for (const std::string& d : got) EXPECT_EQ(d.find(" 19 "), std::string::npos) << d;
  // "up to 100": a number's modifier, not a preposition
  EXPECT_EQ(Dyads("Up to 100 Kenyan protesters demonstrated in Nairobi.", "2024-03-05"),
            (std::vector<std::string>{"KENCVL 14 -"}));
}

// A reported obligation: "must" or "have to" is a demand (10), "should" an appeal (02), by the
// speaker to the one obliged.
TEST(CoderParseTest, MustDemandsShouldAppeals) {
  EXPECT_EQ(Dyads("Kenya's foreign minister said Uganda must withdraw its troops from the island.",
                  "2024-03-05"),
            (std::vector<std::string>{"KENGOV 10 UGA"}));
  EXPECT_EQ(
      Dyads("Kenya's foreign minister said Uganda should withdraw its troops from the island.",
            "2024-03-05"),
      (std::vector<std::string>{"KENGOV 02 UGA"}));
}

// Cases a review found: a crowd inside an inserted phrase is not the subject; "after" as a
// preposition does not end a pattern; allies fighting together do not fight each other; "this
// threatens" is a verb; "demonstrated to demand" and "demonstrated today" are protests; "the
// Lebanese side of the border" is a place; "agreed on Monday" is no "agree on".
TEST(CoderParseTest, ReviewedCases) {
  EXPECT_EQ(
      Dyads("The Kenyan government, facing tens of thousands of protesters, arrested opposition "
            "leaders.",
            "2024-03-05"),
      (std::vector<std::string>{"KENGOV 17 OPP"}));
  EXPECT_EQ(Dyads("Israel and Hamas agreed after weeks of talks to a ceasefire.", "2024-03-05"),
            (std::vector<std::string>{"ISR 03 PSEREB", "PSEREB 03 ISR"}));
  for (const std::string& d :
       Dyads("US and British troops fought together in Afghanistan.", "2024-03-05")) {
    EXPECT_TRUE(d != "USAMIL 19 GBRMIL" && d != "GBRMIL 19 USAMIL") << d;
  }
  EXPECT_EQ(Dyads("Moscow says this threatens Russia's security.", "2024-03-05"),
            (std::vector<std::string>{"RUSGOV 13 -"}));
  EXPECT_EQ(Dyads("Thousands of Kenyans demonstrated to demand lower taxes.", "2024-03-05"),
            (std::vector<std::string>{"KENCVL 14 -"}));
  EXPECT_EQ(Dyads("Kenyan teachers demonstrated today in Nairobi.", "2024-03-05"),
            (std::vector<std::string>{"KENEDU 14 -"}));
  for (const std::string& d :
       Dyads("Hezbollah fired rockets from the Lebanese side of the border at Israel.",
             "2024-03-05")) {
    EXPECT_EQ(d.find("LBNGOV"), std::string::npos) << d;
  }
  EXPECT_TRUE(
      Dyads("EU ministers agreed on Monday that sanctions would stay.", "2024-03-05").empty());
}

// Only a crowd riots (145): armed men who attack an office keep the attack.
TEST(CoderParseTest, OnlyCrowdsRiot) {
  EXPECT_EQ(Dyads("Kenyan protesters attacked a police station in Nairobi.", "2024-03-05"),
            (std::vector<std::string>{"KENCVL 14 KENCOP"}));
  std::vector<std::string> got = Dyads(
      "Masked men armed with rifles attacked the newspaper's office in Nairobi.", "2024-03-05");
  for (const std::string& d : got) EXPECT_EQ(d.find(" 14 "), std::string::npos) << d;
}

// A pattern's role word may be the title before a person's name: "summoned Uganda's ambassador
// John Mugisha" is summoning an ambassador (114).
TEST(CoderParseTest, TitleBeforeANameIsTheRole) {
  EXPECT_EQ(Dyads("Kenya's foreign ministry summoned Uganda's ambassador John Mugisha on Monday.",
                  "2024-03-05"),
            (std::vector<std::string>{"KENGOV 11 UGAGOV"}));
}

// Allowing international involvement (086): receiving observers (0862), reopening a border or
// airspace (086), allowing the delivery of aid (0863); and the other side of it, sending monitors.
TEST(CoderParseTest, AllowingInvolvement) {
  Document doc = CodeText(
      "The Kenyan president received a mission of observers from the African Union.", "2024-03-05");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].cameo, "0862");
  EXPECT_EQ(Dyads("Poland reopened its airspace to Ukrainian flights.", "2024-03-05"),
            (std::vector<std::string>{"POL 08 UKR"}));
  // sending inspectors or monitors, opening a hearing into something: investigating (090)
  EXPECT_EQ(Dyads("The United Nations sent monitors to Yemen.", "2024-03-05"),
            (std::vector<std::string>{"IGOUNO 09 YEM"}));
}

// Easing a ban on rallies eases political freedoms (0811); freezing assets is a sanction (163).
TEST(CoderParseTest, BansAndAssetFreezes) {
  Document doc =
      CodeText("The Kenyan government lifted the ban on opposition rallies.", "2024-03-05");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].cameo, "0811");
  doc = CodeText("The United States will freeze the assets of Russian oligarchs.", "2024-03-05");
  ASSERT_FALSE(doc.events.empty());
  EXPECT_EQ(doc.events[0].cameo, "163");
}

// "the Chinese side": a country's side is its government; a pattern does not reach across "as"
// into another clause ("agreed to cut tariffs as talks ..." is no agreement to talk).
TEST(CoderParseTest, CountrySideAndClauseBounds) {
  EXPECT_EQ(Dyads("The Chinese side proposed talks with Japan.", "2024-03-05"),
            (std::vector<std::string>{"CHNGOV 03 JPN"}));
  Document doc = CodeText("Kenya agreed to cut tariffs on goods as talks on the border continued.",
                          "2024-03-05");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].cameo, "030");  // not 036, "agree to talk"
}

// A medium named right after "on" is where something was said, not its target.
TEST(CoderParseTest, MediumAfterOnIsNoTarget) {
  std::vector<std::string> got =
      Dyads("Kenyan President William Ruto offered condolences on CNN.", "2024-03-05");
  EXPECT_EQ(got, (std::vector<std::string>{"KENGOV 01 -"}));
}

// "The two leaders", "the two sides": the parties named before, as a compound that acts both ways.
TEST(CoderParseTest, TheTwoSides) {
  std::vector<std::string> got = Dyads(
      "Kenyan President William Ruto spoke with Ethiopian Prime Minister Abiy Ahmed on Monday. "
      "The two leaders agreed to meet again in Addis Ababa.",
      "2024-03-05");
  EXPECT_NE(std::find(got.begin(), got.end(), "KENGOV 03 ETHGOV"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "ETHGOV 03 KENGOV"), got.end());
  // With one party named there are no two sides to read.
  std::vector<std::string> none =
      Dyads("Kenyan officials said trade had fallen. The two sides agreed to reopen the border.",
            "2024-03-05");
  EXPECT_TRUE(none.empty()) << none.size();
}

// A speaker who calls another party a threat criticises it (111); not when the threat is denied.
TEST(CoderParseTest, ReportedCriticism) {
  EXPECT_EQ(Dyads("Iran's nuclear programme is a threat to the region, the Saudi foreign minister said on Monday.",
                  "2024-03-05"),
            (std::vector<std::string>{"SAUGOV 11 IRN"}));
  EXPECT_EQ(Dyads("The Saudi foreign minister said on Monday that Iran no longer posed a threat.", "2024-03-05"),
            (std::vector<std::string>{}));
}

// The place the parse attaches to the act is the event's place.
TEST(CoderParseTest, PlaceAttachedToTheTrigger) {
  Document doc =
      CodeText("Al-Shabaab fighters attacked a police station in Garissa on Sunday.", "2024-03-05");
  ASSERT_EQ(doc.events.size(), 1u);
  ASSERT_GE(doc.events[0].place, 0);
  EXPECT_EQ(doc.places[doc.events[0].place].name, "Garissa");
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

struct Coded {
  std::vector<std::string> actors;  // "text=CODE"
  std::vector<std::string> places;  // "text=COUNTRY"
};

Coded Mentions(const std::string& text, const std::string& date = "2024-03-05") {
  Document doc = CodeText(text, date);
  Coded out;
  for (const ActorMention& m : doc.actors) out.actors.push_back(std::string(doc.Text(m.span)) + "=" + m.code);
  for (const PlaceMention& p : doc.places) out.places.push_back(std::string(doc.Text(p.span)) + "=" + p.country);
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// A capital is its government as the object of a verb of saying or judging, and the city as the
// object of a verb of territory.
TEST(ActorParseTest, CapitalByVerb) {
  Coded a = Mentions("Pakistan criticized Kabul on Monday.");
  EXPECT_TRUE(Has(a.actors, "Kabul=AFGGOV"));
  Coded b = Mentions("The rebels captured Kabul on Monday.");
  EXPECT_FALSE(Has(b.actors, "Kabul=AFGGOV"));
  EXPECT_TRUE(Has(b.places, "Kabul=AFG"));
}

// "Rome, Georgia": the state qualifies the town; neither is an actor.
TEST(ActorParseTest, CountryNameQualifyingAPlace) {
  Coded c = Mentions("A carpet maker in Rome, Georgia, announced 400 layoffs.");
  EXPECT_FALSE(Has(c.actors, "Georgia=GEO"));
  EXPECT_TRUE(Has(c.places, "Rome=USA"));
}

// The person after an organisation's title is found, with the title in the span; "Gaza City" is a
// place, not a country actor.
TEST(ActorParseTest, ChunksAndPlaceNames) {
  Coded d = Mentions("UN human rights chief Volker Türk said on Wednesday that talks had stalled.");
  EXPECT_TRUE(
      Has(d.actors, "UN human rights chief Volker Türk=IGOUNO"));  // the person, with the title
  Coded k = Mentions("Kremlin spokesman Dmitry Peskov said the talks had stalled.");
  EXPECT_TRUE(Has(k.actors, "Kremlin spokesman Dmitry Peskov=RUSGOV"));
  Coded e = Mentions("Hospitals in Gaza City said they had no fuel.");
  EXPECT_FALSE(Has(e.actors, "Gaza=PSE"));
}

// A capital named alone (a headline, an actor lookup) is its government.
TEST(ActorParseTest, CapitalAloneIsItsGovernment) {
  EXPECT_TRUE(Has(Mentions("Nairobi").actors, "Nairobi=KENGOV"));
  EXPECT_TRUE(Has(Mentions("ANKARA.").actors, "ANKARA=TURGOV"));
}

// A place name just before a role gives it a country when one reading of the name clearly
// dominates the gazetteer; an ambiguous name gives none.
TEST(ActorParseTest, PlaceNameInsideAnInstitutionsName) {
  EXPECT_TRUE(Has(Mentions("The Bombay High Court ruled on Friday.").actors, "High Court=INDJUD"));
  EXPECT_TRUE(Has(Mentions("Lyon prosecutors opened an inquiry.").actors, "prosecutors=FRAJUD"));
}

// "pro-Russian" names what a group supports, not its country; a people's name may stand between a
// country and its role; a force's vessels stand for the force; government forces are military.
TEST(ActorParseTest, ModifiersOfRoles) {
  EXPECT_TRUE(Has(Mentions("Pro-Russian separatists in Donetsk shelled the town.").actors,
                  "separatists=UKRSEP"));
  EXPECT_TRUE(Has(Mentions("Iraqi Kurdish forces entered the town.").actors,
                  "Iraqi Kurdish forces=IRQMIL"));
  EXPECT_TRUE(Has(Mentions("A Chinese coast guard vessel fired water cannon.").actors,
                  "Chinese coast guard=CHNMIL"));
  EXPECT_TRUE(Has(Mentions("Somali government forces retook the town.").actors,
                  "Somali government forces=SOMMIL"));
  // Protesters with a political cause against the government are the opposition; others civilians.
  EXPECT_TRUE(Has(Mentions("Anti-government protesters in Bangkok marched.").actors,
                  "Anti-government protesters=THAOPP"));
  EXPECT_TRUE(Has(Mentions("Protesters in Bangkok marched.").actors, "Protesters=THACVL"));
}

// The Taliban are an armed group until they took Kabul (2021-08-15), the de facto government after.
TEST(ActorParseTest, TalibanByDate) {
  EXPECT_TRUE(Has(Mentions("The Taliban seized the town.", "2021-08-11").actors, "Taliban=AFGREB"));
  EXPECT_TRUE(
      Has(Mentions("The Taliban closed the schools.", "2022-03-01").actors, "Taliban=AFGGOV"));
}

// Clergy and religious leaders are CAMEO's REL; a religious title stands before a name.
TEST(ActorParseTest, ReligiousLeaders) {
  EXPECT_TRUE(Has(Mentions("Muslim leaders in France condemned the attack.").actors,
                  "Muslim leaders=FRAREL"));
  EXPECT_TRUE(
      Has(Mentions("Imam Yusuf Kamara condemned the attack.").actors, "Imam Yusuf Kamara=REL"));
}

// A leader's government: "the Biden administration" is the US government, "Biden" alone the man.
TEST(ActorParseTest, LeadersGovernment) {
  Coded a =
      Mentions("The Biden administration imposed sanctions. Biden spoke later.", "2023-08-01");
  EXPECT_TRUE(Has(a.actors, "Biden administration=USAGOV"));
  EXPECT_TRUE(Has(a.actors, "Biden=USAGOV"));
}

// An organisation no dictionary knows takes the country of a place inside its name.
TEST(ActorParseTest, UnknownOrganisationWithAPlaceInItsName) {
  EXPECT_TRUE(Has(Mentions("The Kisumu Traders Association condemned the tax.").actors,
                  "Kisumu Traders Association=KEN"));
  Coded none = Mentions("The Traders Welfare Association condemned the tax.");
  EXPECT_TRUE(none.actors.empty());
}

// Branches of an international organisation, a role owned by a role, and a body named with a
// country's adjective.
TEST(ActorParseTest, BranchesOwnersAndNamedBodies) {
  EXPECT_TRUE(Has(Mentions("NATO troops left the base.").actors, "NATO troops=IGONATMIL"));
  EXPECT_TRUE(
      Has(Mentions("The soldiers 's families protested.").actors, "soldiers 's families=CVL"));
  EXPECT_TRUE(Has(Mentions("The soldiers' families protested.").actors, "soldiers' families=CVL"));
  EXPECT_TRUE(Has(Mentions("The president of the Ugandan Law Society spoke.").actors,
                  "president of the Ugandan Law Society=UGAGOV"));
}

// A legislature's named committee is one legislative actor, with its subject after "on".
TEST(ActorParseTest, LegislativeCommittees) {
  // (committee names no dictionary lists: agencies.actors names the main US ones)
  EXPECT_TRUE(Has(Mentions("The Senate Natural Resources Committee approved the bill.").actors,
                  "Senate Natural Resources Committee=LEG"));
  EXPECT_TRUE(Has(Mentions("The House Small Business Committee subpoenaed the documents.").actors,
                  "House Small Business Committee=LEG"));
  EXPECT_TRUE(Has(Mentions("The House Committee on Indian Affairs met on Tuesday.").actors,
                  "House Committee on Indian Affairs=LEG"));
  // A committee named by its subject before its chair's title, and the chair.
  EXPECT_TRUE(Has(Mentions("House Ways and Means Chairman Tom Kessler proposed a tax cut.").actors,
                  "House Ways and Means Chairman Tom Kessler=LEG"));
  // A lower-case committee takes no subject, and a subject stops at a day.
  EXPECT_TRUE(Has(Mentions("The parliamentary committee on Iran met Russian officials.").actors,
                  "Iran=IRN"));
  EXPECT_TRUE(Has(Mentions("The House Committee on Tuesday approved the bill.").actors,
                  "House Committee=LEG"));
  // Not a committee: a capitalised name after "Senate" stays unknown.
  EXPECT_TRUE(Mentions("The Senate Office Building was closed.").actors.empty());
}

// A former state (ISO 3166-3) is its own actor, not its largest successor or a trade union.
TEST(ActorParseTest, FormerStates) {
  EXPECT_TRUE(Has(Mentions("Soviet troops withdrew from Afghanistan in 1989.").actors,
                  "Soviet troops=SUNMIL"));
  EXPECT_TRUE(Has(Mentions("The Soviet Union protested.").actors, "Soviet Union=SUN"));
  EXPECT_TRUE(
      Has(Mentions("East German border guards fired.").actors, "East German border guards=DDRCOP"));
}

// The opposition's front bench ("shadow home secretary") is the opposition, not the government.
TEST(ActorParseTest, ShadowMinisters) {
  EXPECT_TRUE(Has(Mentions("The shadow home secretary criticised the plan.").actors,
                  "shadow home secretary=OPP"));
  EXPECT_TRUE(Has(Mentions("The home secretary defended the plan.").actors, "home secretary=GOV"));
}

// Who leads a force gives its country; a verb is no role noun; participles stand between a
// country and its role.
TEST(ActorParseTest, LedForcesVerbsAndParticiples) {
  EXPECT_TRUE(Has(Mentions("Vietnamese-led forces shelled the camps.").actors,
                  "Vietnamese-led forces=VNMMIL"));
  EXPECT_TRUE(Has(Mentions("The Tripoli-based government protested.").actors,
                  "Tripoli-based government=LBYGOV"));

  // A country's adjective before another country's institution: that country's own.
  EXPECT_TRUE(Has(Mentions("The Pakistani Justice Department protested.").actors,
                  "Pakistani Justice Department=PAKGOV"));
  Coded verb = Mentions("The president threatened to institute a curfew.");
  for (const auto& a : verb.actors) EXPECT_NE(a.rfind("institute", 0), 0u) << a;
  EXPECT_TRUE(Has(Mentions("Algeria's leading human rights activist was arrested.").actors,
                  "Algeria's leading human rights activist=DZANGO"));
}

// A month is a surname where it does not name a date.
TEST(ActorParseTest, MonthAsSurname) {
  EXPECT_TRUE(
      Has(Mentions("Critics attacked May's Brexit plan.", "2018-06-01").actors, "May=GBRGOV"));
  EXPECT_TRUE(Mentions("The letter was dated May 22.", "2018-06-01").actors.empty());
}

// A people that lives mostly in one country gives that country, not its state's roles.
TEST(ActorParseTest, PeoplesOfACountry) {
  EXPECT_TRUE(Has(Mentions("Igbo elders demanded a referendum.").actors, "Igbo elders=NGACVL"));
  EXPECT_TRUE(Has(Mentions("Igbo leaders demanded a referendum.").actors, "Igbo leaders=NGACVL"));
  EXPECT_TRUE(
      Has(Mentions("Baloch separatists attacked a convoy.").actors, "Baloch separatists=PAKSEP"));
  EXPECT_TRUE(Has(Mentions("Rohingya refugees fled.").actors, "Rohingya refugees=MMRREF"));
}

// A sentence about an earlier year resolves a former office-holder as of then.
TEST(ActorParseTest, FormerOfficeHoldersInEarlierYears) {
  EXPECT_TRUE(
      Has(Mentions("Barack Obama spoke on Monday.", "2019-06-01").actors, "Barack Obama=USAELI"));
  EXPECT_TRUE(Has(Mentions("In 2012, Barack Obama warned Assad.", "2019-06-01").actors,
                  "Barack Obama=USAGOV"));
  EXPECT_TRUE(Has(
      Mentions("Barack Obama spoke on Monday. In 2012, Obama warned Assad.", "2019-06-01").actors,
      "Obama=USAGOV"));
  // The earlier office stays with its sentence; a title names the holder of that year.
  EXPECT_TRUE(Has(Mentions("In 2012, Barack Obama warned Assad. Obama criticized Trump on Tuesday.",
                           "2019-06-01")
                      .actors,
                  "Obama=USAELI"));
  EXPECT_TRUE(Has(Mentions("In 1990, President Bush warned Saddam Hussein.", "2020-06-01").actors,
                  "President Bush=USAGOV"));
  // "then-" gives the title's office at the time; a leader's title never names a namesake who
  // holds another office ("President Bush" in 2021 is no Representative Bush).
  EXPECT_TRUE(Has(Mentions("Then-Senator Barack Obama opposed the war.", "2019-06-01").actors,
                  "Senator Barack Obama=USALEG"));
  EXPECT_TRUE(Has(Mentions("President Bush spoke on Monday.", "2021-06-01").actors,
                  "President Bush=USAELI"));
}

}  // namespace
}  // namespace dyad
