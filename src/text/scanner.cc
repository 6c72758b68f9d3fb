#include "text/scanner.h"

#include <algorithm>
#include <array>
#include <string>

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

}  // namespace

void ScanTokens(std::string_view text, Span span, std::vector<Token>* out) {
  Scanner(text, span, out).Run();
}

}  // namespace dyad::text
