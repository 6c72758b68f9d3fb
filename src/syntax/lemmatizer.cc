#include "syntax/lemmatizer.h"

#include "common/strings.h"
#include "wordnet_tables.inc"

namespace dyad::syntax {
namespace {

void LoadPairs(const char* data, std::unordered_map<std::string, std::string>* out) {
  for (std::string_view line : Split(data, '\n')) {
    size_t sp = line.find(' ');
    if (sp == std::string_view::npos) continue;
    out->emplace(std::string(line.substr(0, sp)), std::string(line.substr(sp + 1)));
  }
}

void LoadSet(const char* data, std::unordered_set<std::string>* out) {
  for (std::string_view line : Split(data, '\n')) {
    if (!line.empty()) out->emplace(line);
  }
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

const Lemmatizer& Lemmatizer::Get() {
  static const Lemmatizer* instance = new Lemmatizer();  // never destroyed: shared by threads
  return *instance;
}

Lemmatizer::Lemmatizer() {
  LoadPairs(kVerbExc, &verb_exc_);
  LoadPairs(kNounExc, &noun_exc_);
  LoadSet(kVerbIndex, &verbs_);
  LoadSet(kNounIndex, &nouns_);
  // Auxiliaries and modals that WordNet lists only partly.
  verb_exc_.emplace("is", "be");
  verb_exc_.emplace("are", "be");
  verb_exc_.emplace("was", "be");
  verb_exc_.emplace("were", "be");
  verb_exc_.emplace("has", "have");
  verb_exc_.emplace("had", "have");
  verb_exc_.emplace("does", "do");
  verb_exc_.emplace("did", "do");
}

bool Lemmatizer::IsIrregularPast(std::string_view lower) const {
  auto it = verb_exc_.find(std::string(lower));
  return it != verb_exc_.end() && !EndsWith(lower, "ing") && !EndsWith(lower, "s");
}

std::string Lemmatizer::Verb(std::string_view w) const {
  std::string s(w);
  if (auto it = verb_exc_.find(s); it != verb_exc_.end()) return it->second;
  auto known = [&](const std::string& c) { return verbs_.count(c) != 0; };
  auto try_stem = [&](std::string_view stem, bool doubled_ok) -> std::string {
    std::string base(stem);
    // "hoped" is hope, not hop (hop would double: hopped): a consonant-vowel-consonant stem
    // takes the e when that is a verb.
    size_t n = base.size();
    bool cvc = n >= 3 && !IsVowel(base[n - 1]) && IsVowel(base[n - 2]) && !IsVowel(base[n - 3]) &&
               base[n - 1] != 'w' && base[n - 1] != 'x' && base[n - 1] != 'y';
    if (cvc && known(base + "e")) return base + "e";
    if (known(base)) return base;
    if (known(base + "e")) return base + "e";
    if (doubled_ok && base.size() >= 3 && base[base.size() - 1] == base[base.size() - 2] &&
        !IsVowel(base.back())) {
      std::string undoubled = base.substr(0, base.size() - 1);
      if (known(undoubled)) return undoubled;
    }
    return "";
  };
  if (EndsWith(s, "ied") && s.size() > 4) {
    std::string c = s.substr(0, s.size() - 3) + "y";
    if (known(c)) return c;
  }
  if (EndsWith(s, "ies") && s.size() > 4) {
    std::string c = s.substr(0, s.size() - 3) + "y";
    if (known(c)) return c;
  }
  if (EndsWith(s, "ed") && s.size() > 3) {
    if (auto r = try_stem(std::string_view(s).substr(0, s.size() - 2), true); !r.empty()) return r;
  }
  if (EndsWith(s, "ing") && s.size() > 4) {
    if (auto r = try_stem(std::string_view(s).substr(0, s.size() - 3), true); !r.empty()) return r;
  }
  if (EndsWith(s, "es") && s.size() > 3) {
    std::string c = s.substr(0, s.size() - 2);
    if (known(c) && (EndsWith(c, "s") || EndsWith(c, "sh") || EndsWith(c, "ch") ||
                     EndsWith(c, "x") || EndsWith(c, "z") || EndsWith(c, "o"))) {
      return c;
    }
  }
  if (EndsWith(s, "s") && !EndsWith(s, "ss") && s.size() > 2) {
    std::string c = s.substr(0, s.size() - 1);
    if (known(c)) return c;
  }
  return known(s) ? s : "";
}

std::string Lemmatizer::OtherNoun(std::string_view w) const {
  if (!EndsWith(w, "s") && !EndsWith(w, "men")) {
    auto it = noun_exc_.find(std::string(w));
    return it == noun_exc_.end() || it->second == w ? std::string() : it->second;
  }
  std::string n = Noun(w);
  return n == w ? std::string() : n;
}

std::string Lemmatizer::Noun(std::string_view w) const {
  std::string s(w);
  if (auto it = noun_exc_.find(s); it != noun_exc_.end()) return it->second;
  auto known = [&](const std::string& c) { return nouns_.count(c) != 0; };
  if (EndsWith(s, "ies") && s.size() > 4) {
    std::string c = s.substr(0, s.size() - 3) + "y";
    if (known(c)) return c;
  }
  if (EndsWith(s, "es") && s.size() > 3) {
    std::string c = s.substr(0, s.size() - 2);
    if (known(c) && (EndsWith(c, "s") || EndsWith(c, "sh") || EndsWith(c, "ch") ||
                     EndsWith(c, "x") || EndsWith(c, "z"))) {
      return c;
    }
  }
  if (EndsWith(s, "s") && !EndsWith(s, "ss") && s.size() > 2) {
    std::string c = s.substr(0, s.size() - 1);
    if (known(c)) return c;
  }
  if (EndsWith(s, "men") && s.size() > 4) {
    std::string c = s.substr(0, s.size() - 3) + "man";
    if (known(c)) return c;
  }
  if (known(s)) return s;
  // An unknown plural ("airstrikes", "drones"): strip the s. Words in -ss, -us, -is are singular.
  if (s.size() > 3 && EndsWith(s, "s") && !EndsWith(s, "ss") && !EndsWith(s, "us") &&
      !EndsWith(s, "is")) {
    return s.substr(0, s.size() - 1);
  }
  return "";
}

}  // namespace dyad::syntax
