#include "syntax/tagger.h"

#include <string_view>
#include <unordered_map>

#include "syntax/lemmatizer.h"

namespace dyad::syntax {
namespace {

const std::unordered_map<std::string_view, std::string_view>& ClosedClass() {
  static const auto* m = new std::unordered_map<std::string_view, std::string_view>{
      {"the", "DT"}, {"a", "DT"}, {"an", "DT"}, {"this", "DT"}, {"that", "DT"}, {"these", "DT"},
      {"those", "DT"}, {"some", "DT"}, {"any", "DT"}, {"no", "DT"}, {"each", "DT"},
      {"every", "DT"}, {"all", "DT"}, {"both", "DT"}, {"another", "DT"},
      {"his", "PRP$"}, {"her", "PRP$"}, {"its", "PRP$"}, {"their", "PRP$"}, {"our", "PRP$"},
      {"my", "PRP$"}, {"your", "PRP$"}, {"'s", "POS"}, {"’s", "POS"},
      {"he", "PRP"}, {"she", "PRP"}, {"it", "PRP"}, {"they", "PRP"}, {"we", "PRP"},
      {"i", "PRP"}, {"you", "PRP"}, {"him", "PRP"}, {"them", "PRP"}, {"us", "PRP"},
      {"me", "PRP"}, {"who", "WP"}, {"whom", "WP"}, {"which", "WDT"}, {"what", "WP"},
      {"will", "MD"}, {"would", "MD"}, {"can", "MD"}, {"could", "MD"}, {"may", "MD"},
      {"might", "MD"}, {"shall", "MD"}, {"should", "MD"}, {"must", "MD"}, {"'ll", "MD"},
      {"to", "TO"}, {"and", "CC"}, {"or", "CC"}, {"but", "CC"}, {"nor", "CC"},
      {"not", "RB"}, {"n't", "RB"}, {"n’t", "RB"}, {"also", "RB"}, {"already", "RB"},
      {"never", "RB"}, {"still", "RB"}, {"jointly", "RB"}, {"closely", "RB"},
      {"of", "IN"}, {"in", "IN"}, {"on", "IN"}, {"at", "IN"}, {"by", "IN"}, {"for", "IN"},
      {"with", "IN"}, {"from", "IN"}, {"into", "IN"}, {"against", "IN"}, {"over", "IN"},
      {"after", "IN"}, {"before", "IN"}, {"during", "IN"}, {"amid", "IN"}, {"about", "IN"},
      {"between", "IN"}, {"across", "IN"}, {"near", "IN"}, {"since", "IN"}, {"under", "IN"},
      {"within", "IN"}, {"without", "IN"}, {"towards", "IN"}, {"toward", "IN"}, {"as", "IN"},
      {"if", "IN"}, {"while", "IN"}, {"because", "IN"}, {"than", "IN"}, {"like", "IN"},
      {"following", "VBG"}, {"upon", "IN"}, {"through", "IN"}, {"despite", "IN"},
      {"be", "VB"}, {"been", "VBN"}, {"being", "VBG"}, {"is", "VBZ"}, {"are", "VBP"},
      {"was", "VBD"}, {"were", "VBD"}, {"has", "VBZ"}, {"have", "VBP"}, {"had", "VBD"},
      {"do", "VBP"}, {"does", "VBZ"}, {"did", "VBD"}, {"there", "EX"},
  };
  return *m;
}

bool IsNounContext(std::string_view prev_tag) {
  return prev_tag == "DT" || prev_tag == "PRP$" || prev_tag == "POS" || prev_tag == "JJ" ||
         prev_tag == "CD" || prev_tag == "IN";
}

bool IsSubjectTag(std::string_view t) {
  return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" || t == "PRP" || t == "WP" ||
         t == "WDT" || t == "RB";
}

std::string_view TagWord(const Token& t, std::string_view prev, bool prev2_is_det, bool sent_start,
                         std::string* lemma) {
  const Lemmatizer& lem = Lemmatizer::Get();
  const std::string& w = t.lower;
  if (t.Is(kTokPunct)) { *lemma = w; return (w == ",") ? "," : (w == ".") ? "." : ":"; }
  if (t.Is(kTokDigit)) { *lemma = w; return "CD"; }
  if (auto it = ClosedClass().find(w); it != ClosedClass().end()) {
    std::string v = lem.Verb(w);
    *lemma = v.empty() ? w : v;
    if (w == "us" && t.Is(kTokAllCaps)) return "NNP";
    if (w == "that" && IsSubjectTag(prev)) return "IN";
    return it->second;
  }
  if (t.Is(kTokCapitalized) && !sent_start) { *lemma = w; return t.Is(kTokAllCaps) ? "NNP" : "NNP"; }
  std::string verb = lem.Verb(w);
  std::string noun = lem.Noun(w);
  bool after_to = prev == "TO" || prev == "MD";
  if (!verb.empty() && after_to) { *lemma = verb; return "VB"; }
  if (!verb.empty() && (w.size() > 3 && w.compare(w.size() - 3, 3, "ing") == 0)) {
    *lemma = verb;
    // "the bombing", "the Cali bombing": a gerund after a determiner (and a name) is a noun.
    bool noun_context = IsNounContext(prev) || (prev == "NNP" && prev2_is_det);
    return noun_context && !noun.empty() && noun == w ? "NN" : "VBG";
  }
  bool past = (w.size() > 2 && w.compare(w.size() - 2, 2, "ed") == 0) || lem.IsIrregularPast(w);
  if (!verb.empty() && past && !(noun == w && IsNounContext(prev))) { *lemma = verb; return "VBD"; }
  if (!verb.empty() && !noun.empty()) {
    // Ambiguous noun/verb ("attack", "attacks", "talks", "warns"): the previous tag decides.
    if (IsNounContext(prev) || sent_start || prev.empty()) { *lemma = noun; return w == noun ? "NN" : "NNS"; }
    // "a press release", "the peace talks": after determiner + noun, a noun-verb word is
    // the head of a compound noun, not a verb.
    if (prev == "NN" && prev2_is_det) { *lemma = noun; return w == noun ? "NN" : "NNS"; }
    if (IsSubjectTag(prev)) { *lemma = verb; return w == verb ? "VBP" : "VBZ"; }
    *lemma = noun;
    return w == noun ? "NN" : "NNS";
  }
  if (!verb.empty()) { *lemma = verb; return w == verb ? "VBP" : "VBZ"; }
  if (!noun.empty()) { *lemma = noun; return w == noun ? "NN" : "NNS"; }
  if (t.Is(kTokCapitalized)) { *lemma = w; return "NNP"; }
  *lemma = w;
  if (w.size() > 2 && (w.compare(w.size() - 2, 2, "ly") == 0)) return "RB";
  return "JJ";
}

}  // namespace

// "EU imports from Russia fell": a present-tense reading followed by another finite verb in the
// same clause, with no conjunction or relative word between, was a plural noun.
void RetagNounsBeforeVerbs(Document* doc, const Sentence& s) {
  const Lemmatizer& lem = Lemmatizer::Get();
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    Token& t = doc->tokens[i];
    if (t.tag != "VBZ" && t.tag != "VBP") continue;
    std::string noun = lem.Noun(t.lower);
    if (noun.empty() || ClosedClass().count(t.lower)) continue;
    for (uint32_t k = i + 1; k < s.token_end; ++k) {
      const Token& n = doc->tokens[k];
      if (n.lower == "," || n.lower == "and" || n.lower == "or" || n.lower == "that" ||
          n.lower == "which" || n.lower == "who" || n.lower == ";" || n.lower == "but" ||
          n.tag == "MD" || n.tag == "TO") {
        break;
      }
      if (n.tag == "VBD" || n.tag == "VBZ" || n.tag == "VBP") {
        t.tag = t.lower == noun ? "NN" : "NNS";
        t.lemma = noun;
        break;
      }
    }
  }
}

void TagAndLemmatize(Document* doc) {
  for (const Sentence& s : doc->sentences) {
    std::string_view prev, prev2;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      Token& t = doc->tokens[i];
      bool start = i == s.token_begin ||
                   (i > s.token_begin && (doc->tokens[i - 1].lower == "\"" ||
                                          doc->tokens[i - 1].lower == "'" ||
                                          doc->tokens[i - 1].lower == "("));
      bool det2 = prev2 == "DT" || prev2 == "PRP$" || prev2 == "JJ";
      t.tag = std::string(TagWord(t, prev, det2, start, &t.lemma));
      prev2 = prev;
      prev = t.tag;
    }
    RetagNounsBeforeVerbs(doc, s);
  }
}

}  // namespace dyad::syntax
