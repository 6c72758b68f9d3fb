#include "text/tokenizer.h"

#include <algorithm>
#include <array>

#include "common/utf8.h"
#include "text/scanner.h"

namespace dyad::text {
namespace {

bool IsClosingPunct(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 || c == 0x201D;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

void SetFlags(std::string_view text, Token* t) {
  std::string_view w = text.substr(t->span.begin, t->span.size());
  t->lower = utf8::NormalizeLower(w);
  int letters = 0, upper = 0;
  bool digit = false, first = true;
  size_t i = 0;
  while (i < w.size()) {
    size_t len;
    char32_t c = utf8::Decode(w, i, &len);
    i += len;
    if (utf8::IsLetter(c)) {
      ++letters;
      if (utf8::IsUpper(c)) {
        ++upper;
        if (first) t->flags |= kTokCapitalized;
      }
      first = false;
    } else if (IsDigit(c)) {
      digit = true;
      first = false;
    }
  }
  if (letters >= 2 && upper == letters) t->flags |= kTokAllCaps;
  if (digit) t->flags |= kTokDigit;
  if (letters == 0 && !digit) t->flags |= kTokPunct;
}

// ".", "!", "?", "…" and runs of them ("...", "?!").
bool IsSentenceEnd(const Token& t) {
  return t.lower == "…" || (!t.lower.empty() && t.lower.find_first_not_of(".!?") == std::string::npos);
}

bool IsEllipsis(const Token& t) {
  return t.lower == "…" || (t.lower.size() > 1 && t.lower.find_first_not_of('.') == std::string::npos);
}

// A straight quote with a space before it and none after opens a quotation: `said. "We`.
bool OpensQuote(const std::vector<Token>& toks, size_t i, size_t end) {
  const Token& q = toks[i];
  return (q.lower == "\"" || q.lower == "'") && i > 0 && toks[i - 1].span.end < q.span.begin &&
         i + 1 < end && toks[i + 1].span.begin == q.span.end;
}

bool IsTitleAbbrev(std::string_view lower) {
  static constexpr std::array<std::string_view, 22> kTitles = {
      "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "sgt.", "capt.", "maj.",
      "brig.", "adm.", "gov.", "sen.", "rep.", "st.", "rev.", "hon.", "pres.", "no.", "cmdr."};
  return std::find(kTitles.begin(), kTitles.end(), lower) != kTitles.end();
}

bool IsMonthAbbrev(std::string_view lower) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
      "dec."};
  return std::find(kMonths.begin(), kMonths.end(), lower) != kMonths.end();
}

// Does a sentence end after token i (looking at token i+1)? [begin, end) is the segment and
// `start` the first token of the current sentence.
bool BoundaryAfter(const std::vector<Token>& toks, size_t begin, size_t start, size_t i, size_t end) {
  const Token& t = toks[i];
  if (i + 1 >= end) return false;
  const Token& n = toks[i + 1];
  bool next_starts = (n.flags & (kTokCapitalized | kTokDigit)) != 0 || n.lower == "\"" ||
                     n.lower == "'" || n.lower == "(";
  if (IsSentenceEnd(t)) {
    // "1. The first point": the number of a list item.
    if (i == start + 1 && t.lower == "." && (toks[start].flags & kTokDigit) && toks[start].lower.size() <= 2 &&
        toks[start].span.end == t.span.begin) {
      return false;
    }
    if (OpensQuote(toks, i + 1, end)) return true;
    if (IsClosingPunct(static_cast<unsigned char>(n.lower[0])) && n.lower.size() == 1) return false;
    // An ellipsis before a lower-case word leaves words out of a sentence rather than ending it.
    return next_starts || ((n.flags & kTokPunct) == 0 && !IsEllipsis(t));
  }
  // Closing quote or bracket right after a sentence end: ". ”  Next"
  if (t.lower.size() <= 3 && (t.lower == "\"" || t.lower == "'" || t.lower == ")") && i > begin &&
      IsSentenceEnd(toks[i - 1]) && toks[i - 1].span.end == t.span.begin) {
    return next_starts;
  }
  // An abbreviation with a period may also end a sentence ("... the U.S. The talks ...").
  if (t.lower.size() > 1 && t.lower.back() == '.' && !IsTitleAbbrev(t.lower)) {
    if (IsMonthAbbrev(t.lower) && (n.flags & kTokDigit)) return false;
    static constexpr std::array<std::string_view, 16> kStarters = {
        "the", "he", "she", "it", "they", "we", "i", "but", "in", "on", "this", "that", "a",
        "an", "there", "its"};
    bool starter = std::find(kStarters.begin(), kStarters.end(), n.lower) != kStarters.end();
    return starter && (n.flags & kTokCapitalized);
  }
  return false;
}

void MarkQuotes(Document* doc, size_t begin, size_t end) {
  bool in_quote = false;
  for (size_t i = begin; i < end; ++i) {
    Token& t = doc->tokens[i];
    std::string_view raw = doc->TokenText(static_cast<uint32_t>(i));
    bool open = raw == "\xE2\x80\x9C" || (raw == "\"" && !in_quote);
    bool close = raw == "\xE2\x80\x9D" || (raw == "\"" && in_quote);
    if (open && !close) { in_quote = true; continue; }
    if (close) { in_quote = false; continue; }
    if (in_quote) t.flags |= kTokInQuote;
  }
}

}  // namespace

void TokenizeSpan(Document* doc, Span span) {
  size_t first = doc->tokens.size();
  ScanTokens(doc->article.text, span, &doc->tokens);
  for (size_t i = first; i < doc->tokens.size(); ++i) SetFlags(doc->article.text, &doc->tokens[i]);
}

void Tokenize(Document* doc, const TokenizerOptions& options) {
  doc->tokens.clear();
  doc->sentences.clear();
  for (uint32_t s = 0; s < doc->segments.size(); ++s) {
    const Segment& seg = doc->segments[s];
    if (seg.is_title) continue;
    uint32_t begin = static_cast<uint32_t>(doc->tokens.size());
    TokenizeSpan(doc, seg.span);
    uint32_t end = static_cast<uint32_t>(doc->tokens.size());
    MarkQuotes(doc, begin, end);
    uint32_t start = begin;
    for (uint32_t i = begin; i < end; ++i) {
      bool cut = BoundaryAfter(doc->tokens, begin, start, i, end) || i + 1 == end ||
                 i + 1 - start >= options.max_sentence_tokens;
      if (!cut) continue;
      Sentence sent;
      sent.token_begin = start;
      sent.token_end = i + 1;
      sent.segment = s;
      sent.span = Span{doc->tokens[start].span.begin, doc->tokens[i].span.end};
      doc->tokens[start].flags |= kTokSentStart;
      doc->sentences.push_back(sent);
      start = i + 1;
    }
  }
}

std::vector<std::string> TokenizeWords(std::string_view text) {
  // The token boundaries only (no flags, no lower case), in a buffer kept per thread: dictionaries
  // tokenize every name they load.
  thread_local std::vector<Token> tokens;
  tokens.clear();
  ScanTokens(text, Span{0, static_cast<uint32_t>(text.size())}, &tokens);
  std::vector<std::string> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens)
    out.emplace_back(text.substr(t.span.begin, t.span.end - t.span.begin));
  return out;
}

Document MakeDocument(std::string_view text, std::string_view date) {
  Document doc;
  doc.article.text = std::string(text);
  doc.article.date = std::string(date);
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    size_t b = pos, e = nl;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    if (e > b) doc.segments.push_back(Segment{Span{uint32_t(b), uint32_t(e)}, false});
    pos = nl + 1;
  }
  Tokenize(&doc);
  return doc;
}

}  // namespace dyad::text
