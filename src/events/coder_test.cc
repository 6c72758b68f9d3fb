#include "events/coder.h"
#include "events/frames.h"

#include <gtest/gtest.h>

#include "actors/recognizer.h"
#include "syntax/tagger.h"
#include "text/tokenizer.h"

namespace dyad::events {
namespace {

const char kActors[] =
    "country\tKEN\tKenya\tadj=Kenyan\n"
    "country\tSOM\tSomalia\tadj=Somali\n"
    "country\tETH\tEthiopia\tadj=Ethiopian\n"
    "agent\tMIL\tmilitary|troops|soldiers\tplural=1\n"
    "agent\tGOV\tminister\ttitle=1\n"
    "agent\tGOV\tspokesman\n"
    "org\tSOMINS\tal-Shabaab\tcountry=SOM\tsector=INS\tplural=1\n";

const char kEvents[] =
    "040\tdiscuss\n"
    "041\tdiscuss by (phone|telephone)\n"
    "130\twarn $T\n"
    "182\tambush\n"
    "192\tcapture\tobj=place\n"
    "192\ttake\tobj=place\n"
    "195\tN:airstrike\n"
    "190\tattack\n"
    "060\twork (closely|together)\n";

// Codes `text` and returns "SRC CODE TGT [@PLACE]" lines. `places` names tokens to mark as
// city places (the gazetteer is not needed to test the coder's mechanisms).
std::vector<std::string> Code(const std::string& text, const std::vector<std::string>& places = {},
                              bool include_modal = false) {
  static std::vector<lexicon::Diagnostic> diags;
  static auto actors = lexicon::ActorLexicon::FromText(kActors, &diags);
  static auto events = lexicon::EventLexicon::FromText(kEvents, &diags);
  Document doc = text::MakeDocument(text);
  syntax::TagAndLemmatize(&doc);
  actors::ActorRecognizer(*actors).Recognize(Date{}, &doc);
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    for (const std::string& p : places) {
      if (doc.TokenText(i) != p) continue;
      PlaceMention pm;
      pm.span = doc.tokens[i].span;
      pm.token_begin = i;
      pm.token_end = i + 1;
      pm.name = p;
      pm.country = "SOM";
      pm.precision = "city";
      doc.places.push_back(pm);
    }
  }
  EventCoder(*events, CoderOptions{include_modal}).Code({}, nullptr, &doc);
  std::vector<std::string> out;
  for (const Event& e : doc.events) {
    std::string line = e.source.code + " " + e.cameo + " " + (e.has_target ? e.target.code : "-");
    if (e.place >= 0) line += " @" + doc.places[e.place].name;
    out.push_back(line);
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(EventCoderTest, SubjectVerbObject) {
  EXPECT_EQ(Code("Al-Shabaab attacked Kenyan troops."), Lines({"SOMINS 190 KENMIL"}));
  EXPECT_EQ(Code("The Kenyan minister warned Somalia."), Lines({"KENGOV 130 SOM"}));
}

TEST(EventCoderTest, PassiveVoice) {
  EXPECT_EQ(Code("Kenyan soldiers were ambushed by al-Shabaab."), Lines({"SOMINS 182 KENMIL"}));
}

TEST(EventCoderTest, CompoundSubjectOfConsultIsReciprocal) {
  EXPECT_EQ(Code("Kenya and Ethiopia discussed the drought."), Lines({"KEN 040 ETH", "ETH 040 KEN"}));
  EXPECT_EQ(Code("Kenya and Ethiopia discussed the war by phone."), Lines({"KEN 041 ETH", "ETH 041 KEN"}));
}

TEST(EventCoderTest, CompoundTargetExpands) {
  EXPECT_EQ(Code("Al-Shabaab attacked Kenya and Ethiopia."), Lines({"SOMINS 190 KEN", "SOMINS 190 ETH"}));
}

TEST(EventCoderTest, CaptureOfAListOfTownsGivesOneEventPerTown) {
  EXPECT_EQ(Code("Al-Shabaab took two towns - Baidoa and Jowhar.", {"Baidoa", "Jowhar"}),
            Lines({"SOMINS 192 SOM @Baidoa", "SOMINS 192 SOM @Jowhar"}));
  // "take" without a place object is not a capture.
  EXPECT_EQ(Code("Al-Shabaab took the money."), Lines());
}

TEST(EventCoderTest, NounEventTakesItsModifierAsSource) {
  EXPECT_EQ(Code("The Kenyan spokesman condemned Ethiopian airstrikes on al-Shabaab."),
            Lines({"ETH 195 SOMINS"}));
}

TEST(EventCoderTest, NegationAndHypotheticalAreDropped) {
  EXPECT_EQ(Code("Al-Shabaab did not attack Kenya."), Lines());
  EXPECT_EQ(Code("Al-Shabaab could attack Kenya."), Lines());
  EXPECT_EQ(Code("Al-Shabaab did not attack Kenya.", {}, true), Lines({"SOMINS 190 KEN"}));
}

TEST(EventCoderTest, ReportedObligationBecomesTheSpeakersAppeal) {
  EXPECT_EQ(Code("The Kenyan minister said Kenya and Ethiopia needed to work closely."),
            Lines({"KENGOV 021 ETH"}));
}

TEST(EventCoderTest, InfinitiveComplementIsNotAsserted) {
  EXPECT_EQ(Code("Al-Shabaab warned Kenya to attack Ethiopia."), Lines({"SOMINS 130 KEN"}));
}

}  // namespace
}  // namespace dyad::events

namespace dyad::events {
namespace {

// With a parse, an actor the word-order rules cannot reach is found through nsubj / obj.
TEST(DependentActorTest, FollowsTheParse) {
  static std::vector<lexicon::Diagnostic> diags;
  static auto actors = lexicon::ActorLexicon::FromText("country\tKEN\tKenya\n", &diags);
  Document doc = text::MakeDocument("Kenya condemned it.");
  syntax::TagAndLemmatize(&doc);
  actors::ActorRecognizer(*actors).Recognize(Date{}, &doc);
  MentionIndex idx = MentionIndex::Build(doc);
  EXPECT_EQ(DependentActor(doc, idx, 1, {"nsubj"}), -1);  // no parse yet
  doc.tokens[0].head = 1;
  doc.tokens[0].deprel = "nsubj";
  EXPECT_EQ(DependentActor(doc, idx, 1, {"nsubj"}), 0);
  EXPECT_EQ(DependentActor(doc, idx, 1, {"obj"}), -1);
}

// The place the parse attaches to the trigger: an oblique with a locative case for any act; the
// object, or a modifier of the object, only for material acts.
TEST(AttachedPlaceTest, FollowsTheParse) {
  Document doc = text::MakeDocument("Rebels attacked the port of Izmail in Odesa.");
  syntax::TagAndLemmatize(&doc);
  // Rebels(0) attacked(1) the(2) port(3) of(4) Izmail(5) in(6) Odesa(7) .(8)
  auto place = [&](uint32_t b, const char* precision) {
    PlaceMention p;
    p.token_begin = b;
    p.token_end = b + 1;
    p.precision = precision;
    doc.places.push_back(p);
  };
  place(5, "city");
  place(7, "city");
  MentionIndex idx = MentionIndex::Build(doc);
  Clause clause{0, 9};
  EXPECT_EQ(AttachedPlace(doc, idx, clause, 1, true), -1);  // no parse yet
  const int32_t heads[] = {1, -1, 3, 1, 5, 3, 7, 1, 1};
  const char* rels[] = {"nsubj", "root", "det", "obj", "case", "nmod", "case", "obl", "punct"};
  for (uint32_t k = 0; k < 9; ++k) {
    doc.tokens[k].head = heads[k];
    doc.tokens[k].deprel = rels[k];
  }
  EXPECT_EQ(AttachedPlace(doc, idx, clause, 1, true), 0);   // Izmail: of the object, first in text
  EXPECT_EQ(AttachedPlace(doc, idx, clause, 1, false), 1);  // a verbal act: only "in Odesa"
  doc.tokens[7].deprel = "nmod";                          // "in Odesa" no longer on the verb
  EXPECT_EQ(AttachedPlace(doc, idx, clause, 1, false), -1);
}

}  // namespace
}  // namespace dyad::events
