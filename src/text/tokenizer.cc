#include "text/tokenizer.h"

#include <algorithm>
#include <array>

#include "common/utf8.h"

namespace dyad::text {
namespace {

// Words that keep their final period. Lower case, without the period.
bool IsAbbreviation(std::string_view lower) {
  static constexpr std::array<std::string_view, 60> kAbbrev = {
      "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "brig", "adm",
      "gov", "sen", "rep", "st", "jr", "sr", "rev", "hon", "pres", "cmdr", "cpl", "pvt", "insp",
      "supt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
      "dec", "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos", "approx", "dept", "est", "fig",
      "mt", "ft", "govt", "min", "mln", "bln", "sq", "cf", "al"};
  return std::find(kAbbrev.begin(), kAbbrev.end(), lower) != kAbbrev.end();
}

bool IsClosingPunct(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 || c == 0x201D;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char32_t c) { return utf8::IsLetter(c) || IsDigit(c); }
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x200B ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == 0xFEFF;
}
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// Scanner over one span of text producing raw token boundaries.
class Scanner {
 public:
  Scanner(std::string_view text, Span span, std::vector<Token>* out)
      : text_(text), pos_(span.begin), end_(span.end), out_(out) {}

  void Run() {
    while (pos_ < end_) {
      size_t len;
      char32_t c = Peek(pos_, &len);
      if (IsSpace(c)) { pos_ += len; continue; }
      if (IsWordChar(c)) { Word(); continue; }
      Emit(pos_, pos_ + len);
      pos_ += len;
    }
  }

 private:
  char32_t Peek(size_t i, size_t* len) const {
    if (i >= end_) { *len = 0; return 0; }
    return utf8::Decode(text_.substr(0, end_), i, len);
  }

  // A run of letters and digits, with internal '.', ',' (numbers), apostrophes (O'Neill) and
  // letter-dot sequences (U.S.). Clitics and a final period are split according to the rules.
  void Word() {
    size_t b = pos_, i = pos_;
    bool digits_only = true;
    while (i < end_) {
      size_t len;
      char32_t c = Peek(i, &len);
      if (IsWordChar(c)) {
        if (!IsDigit(c)) digits_only = false;
        i += len;
        continue;
      }
      size_t nlen;
      char32_t n = Peek(i + len, &nlen);
      // 1,000 and 3.5 stay whole.
      if ((c == ',' || c == '.') && digits_only && IsDigit(n) && i > b) { i += len; continue; }
      // Letter-dot-letter: U.S, U.N (the final dot is decided below).
      if (c == '.' && utf8::IsLetter(n) && IsSingleLetterRun(b, i)) { i += len; continue; }
      // Internal apostrophe: O'Neill, d'Ivoire; but not clitics ('s, 're ...).
      if (IsApostrophe(c) && utf8::IsLetter(n) && !IsCliticAt(i + len)) { i += len; continue; }
      break;
    }
    // n't clitic: "didn't" -> did n't.
    size_t word_end = i;
    size_t nt = FindNt(b, word_end);
    // A trailing period stays with abbreviations and dotted acronyms.
    size_t dlen;
    if (Peek(word_end, &dlen) == '.' && KeepsPeriod(b, word_end)) word_end += dlen;
    if (nt != 0) {
      Emit(b, nt);
      Emit(nt, word_end);
    } else {
      Emit(b, word_end);
    }
    pos_ = word_end;
    // Clitic after an apostrophe: 's 're 've 'll 'd 'm.
    size_t alen;
    if (IsApostrophe(Peek(pos_, &alen)) && IsCliticAt(pos_ + alen)) {
      size_t e = pos_ + alen;
      size_t l;
      while (e < end_ && utf8::IsLetter(Peek(e, &l))) e += l;
      Emit(pos_, e);
      pos_ = e;
    }
  }

  // True when [b, i) is like "U" or "U.S" (single letters separated by dots).
  bool IsSingleLetterRun(size_t b, size_t i) const {
    size_t k = b;
    while (k < i) {
      size_t len;
      char32_t c = Peek(k, &len);
      if (!utf8::IsLetter(c)) return false;
      k += len;
      if (k == i) return true;
      if (text_[k] != '.') return false;
      ++k;
    }
    return true;
  }

  bool IsCliticAt(size_t i) const {
    std::string rest;
    size_t k = i, len;
    while (k < end_ && rest.size() < 3) {
      char32_t c = Peek(k, &len);
      if (!utf8::IsLetter(c)) break;
      rest.push_back(static_cast<char>(utf8::ToLower(c) & 0x7F));
      k += len;
    }
    size_t l2;
    if (k < end_ && utf8::IsLetter(Peek(k, &l2))) return false;  // longer word: O'Neill
    return rest == "s" || rest == "re" || rest == "ve" || rest == "ll" || rest == "d" || rest == "m";
  }

  // Start of "n't" inside [b, e), or 0.
  size_t FindNt(size_t b, size_t e) const {
    if (e - b < 4) return 0;
    std::string_view w = text_.substr(b, e - b);
    std::string lw = utf8::NormalizeLower(w);
    if (lw.size() >= 4 && lw.compare(lw.size() - 3, 3, "n't") == 0) {
      // Find the byte offset of 'n' in the original: the apostrophe may be 1 or 3 bytes.
      size_t k = e;
      size_t back = (static_cast<unsigned char>(text_[e - 2]) == 0x99) ? 5 : 3;  // ’ is E2 80 99
      k -= back;
      return k > b ? k : 0;
    }
    return 0;
  }

  bool KeepsPeriod(size_t b, size_t e) const {
    std::string lower = utf8::NormalizeLower(text_.substr(b, e - b));
    if (IsAbbreviation(lower)) return true;
    // Dotted acronym "U.S" -> "U.S.", or a single capital initial "J."
    if (lower.find('.') != std::string::npos) return true;
    size_t len;
    char32_t c = Peek(b, &len);
    return e - b == len && utf8::IsUpper(c);
  }

  void Emit(size_t b, size_t e) {
    if (e <= b) return;
    Token t;
    t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    out_->push_back(std::move(t));
  }

  std::string_view text_;
  size_t pos_, end_;
  std::vector<Token>* out_;
};

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

bool IsSentenceEnd(const Token& t) {
  return t.lower == "." || t.lower == "!" || t.lower == "?" || t.lower == "..." || t.lower == "…";
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

// Does a sentence end after token i (looking at token i+1)?
bool BoundaryAfter(const std::vector<Token>& toks, size_t i, size_t end) {
  const Token& t = toks[i];
  if (i + 1 >= end) return false;
  const Token& n = toks[i + 1];
  bool next_starts = (n.flags & (kTokCapitalized | kTokDigit)) != 0 || n.lower == "\"" ||
                     n.lower == "'" || n.lower == "(";
  if (IsSentenceEnd(t)) {
    if (IsClosingPunct(static_cast<unsigned char>(n.lower[0])) && n.lower.size() == 1) return false;
    return next_starts || (n.flags & kTokPunct) == 0;
  }
  // Closing quote or bracket right after a sentence end: ". ”  Next"
  if (t.lower.size() <= 3 && (t.lower == "\"" || t.lower == "'" || t.lower == ")") && i > 0 &&
      IsSentenceEnd(toks[i - 1])) {
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
  Scanner(doc->article.text, span, &doc->tokens).Run();
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
      bool cut = BoundaryAfter(doc->tokens, i, end) || i + 1 == end ||
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
  Document doc;
  doc.article.text = std::string(text);
  TokenizeSpan(&doc, Span{0, static_cast<uint32_t>(text.size())});
  std::vector<std::string> out;
  out.reserve(doc.tokens.size());
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) out.emplace_back(doc.TokenText(i));
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
