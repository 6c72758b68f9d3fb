// Word classes the place resolver reads around a candidate name. All words are lower case, as in
// Token::lower. Pure functions over static tables; thread-safe.
#ifndef DYAD_GEO_PLACE_CUES_H_
#define DYAD_GEO_PLACE_CUES_H_

#include <string_view>

namespace dyad::geo {

// What a head noun says about the place it names.
enum class HeadKind { kNone, kProvince, kCity, kCapital, kOther };

// Prepositions that introduce a location: "in", "near", "outside", ...
bool IsLocativePreposition(std::string_view w);
// Nouns that name a kind of place: "province" (kProvince), "city" (kCity), "capital" (kCapital),
// "district", "village", "outskirts" (kOther)...; kNone otherwise. Plurals count.
HeadKind PlaceHeadKind(std::string_view w);
// Words that may stand between a cue and a name: articles, compass adjectives ("southern",
// "northwestern"), "provincial", "restive", ...
bool IsPlaceModifier(std::string_view w);
// Words that never start a place name on their own: function words, pronouns, months, weekdays,
// compass words, titles. Compared with the whole lower-cased token.
bool IsNonPlaceWord(std::string_view w);
// Titles and honorifics that precede a person's name: "mr", "president", "gen", ...
bool IsPersonTitle(std::string_view w);
// Reporting and other verbs whose subject is usually a person: "said", "told", ...
bool IsSpeechVerb(std::string_view w);
// Coordinators that join list members: "and", "or", "&".
bool IsListJoiner(std::string_view w);
// Month and weekday names (which may follow a place: "in Kabul Tuesday").
bool IsCalendarWord(std::string_view w);

}  // namespace dyad::geo

#endif  // DYAD_GEO_PLACE_CUES_H_
