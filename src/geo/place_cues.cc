#include "geo/place_cues.h"

#include <algorithm>
#include <initializer_list>

namespace dyad::geo {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

std::string_view StripPeriod(std::string_view w) {
  return (!w.empty() && w.back() == '.') ? w.substr(0, w.size() - 1) : w;
}

}  // namespace

bool IsLocativePreposition(std::string_view w) {
  return In(w, {"in", "at", "near", "from", "to", "into", "outside", "across", "towards", "toward",
                "inside", "around", "throughout", "through", "via", "between", "within", "onto",
                "nearby", "beyond", "above", "below", "beneath", "off", "along", "behind", "past",
                "reach", "reached", "entered", "visited", "visit", "visiting",
                "arrived", "fled"});
}

HeadKind PlaceHeadKind(std::string_view w) {
  if (In(w, {"province", "provinces", "region", "regions", "state", "states", "governorate",
             "governorates", "prefecture", "oblast", "county", "counties", "department",
             "territory", "emirate", "canton"})) {
    return HeadKind::kProvince;
  }
  if (In(w, {"city", "cities", "town", "towns", "township", "port", "municipality"})) {
    return HeadKind::kCity;
  }
  if (In(w, {"capital", "capitals", "seat"})) return HeadKind::kCapital;
  if (In(w, {"district", "districts", "village", "villages", "area", "areas", "outskirts",
             "suburb", "suburbs", "neighbourhood", "neighborhood", "valley", "border", "streets",
             "centre", "center", "heart", "parts", "part", "hub", "governor", "residents",
             "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
             "mayor", "people"})) {
    return HeadKind::kOther;
  }
  return HeadKind::kNone;
}

bool IsPlaceModifier(std::string_view w) {
  return In(w, {"the", "a", "an", "northern", "southern", "eastern", "western", "central",
                "northeastern", "northwestern", "southeastern", "southwestern", "north", "south",
                "east", "west", "northeast", "northwest", "southeast", "southwest", "provincial",
                "restive", "volatile", "remote", "neighbouring", "neighboring", "nearby",
                "strategic", "key", "embattled", "besieged", "coastal", "mountainous", "border",
                "main", "largest", "second", "rural", "southernmost", "northernmost", "far",
                "upper", "lower", "oil", "port", "eastern-most", "western-most"});
}

bool IsCalendarWord(std::string_view w) {
  w = StripPeriod(w);
  return In(w, {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
                "wednesday", "thursday", "friday", "saturday", "sunday"});
}

bool IsPersonTitle(std::string_view w) {
  w = StripPeriod(w);
  return In(w, {"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "president", "minister",
                "gen", "general", "col", "colonel", "lt", "capt", "captain", "maj", "major",
                "sgt", "adm", "admiral", "gov", "sen", "senator", "rep", "prof", "professor",
                "judge", "justice", "king", "queen", "prince", "princess", "sheikh", "mullah",
                "imam", "pope", "chancellor", "premier", "secretary", "ambassador", "spokesman",
                "spokeswoman", "commander", "chief", "st", "saint", "mister", "father", "rev"});
}

bool IsSpeechVerb(std::string_view w) {
  return In(w, {"said", "says", "say", "told", "tells", "added", "stated", "noted", "argued",
                "wrote", "asked", "replied", "insisted", "explained", "claimed", "announced",
                "warned", "urged", "denied", "admitted", "confirmed", "tweeted", "who", "whose",
                "himself", "herself"});
}

bool IsListJoiner(std::string_view w) { return In(w, {"and", "or", "&"}); }

bool IsNonPlaceWord(std::string_view w) {
  if (IsCalendarWord(w) || IsPersonTitle(w)) return true;
  return In(w, {"the", "a", "an", "this", "that", "these", "those", "but", "and", "or", "nor",
                "so", "yet", "if", "when", "while", "as", "after", "before", "since", "because",
                "although", "though", "he", "she", "it", "they", "we", "i", "you", "his", "her",
                "its", "their", "our", "my", "your", "there", "here", "in", "on", "at", "of",
                "for", "with", "by", "from", "to", "into", "about", "also", "however", "meanwhile",
                "then", "now", "today", "yesterday", "tomorrow", "last", "next", "some", "many",
                "most", "all", "no", "not", "one", "two", "three", "other", "another", "such",
                "what", "which", "who", "where", "why", "how", "north", "south", "east", "west",
                "northern", "southern", "eastern", "western", "central", "upper", "lower",
                "new", "old", "great", "greater", "little", "big", "mount", "lake", "river",
                "according", "under", "over", "more", "police", "officials", "government",
                "army", "military", "security", "forces", "troops", "people", "said", "says",
                "reuters", "ap", "afp", "update", "breaking", "editing", "reporting", "writing",
                "victory", "liberty", "independence", "union", "national", "republic", "state",
                "city", "province", "capital", "district", "region", "county", "town"});
}

}  // namespace dyad::geo
