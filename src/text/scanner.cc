#include "text/scanner.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <string>

#include "common/utf8.h"

namespace dyad::text {
namespace {

bool In(std::span<const std::string_view> list, std::string_view w) { return std::find(list.begin(), list.end(), w) != list.end(); }

// Words that keep their final period. Lower case, without the period. ("no" and "nos" keep it
// only before a number: "No. 10", but "he said no.")
constexpr std::string_view kAbbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "brig", "adm",
    "gov", "sen", "rep", "st", "jr", "sr", "rev", "hon", "pres", "cmdr", "cpl", "pvt", "insp",
    "supt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos", "approx", "dept", "est", "fig",
    "mt", "ft", "govt", "min", "mln", "bln", "sq", "cf", "al", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "calif", "fla", "ariz", "colo", "conn", "tenn", "okla", "ont",
    "ave", "blvd", "bros", "vol"};

// Prefixes UD English keeps joined to a lower-case word after a hyphen ("e-mail", "co-founder",
// "non-profit", "re-elected"). Not "ex" and "mid": the actor and date stages read "ex-" and
// "mid-March" as separate tokens.
constexpr std::string_view kHyphenPrefixes[] = {
    "e", "co", "non", "re", "anti", "pro", "pre", "post", "counter", "multi", "semi", "sub",
    "mini", "neo", "socio", "psycho", "un", "intra", "inter", "micro", "mis", "de", "cross",
    "over", "ultra", "macro", "bi", "tri"};

// The last part of a host or file name ("enron.com", "Guaranty.doc"); lower case.
constexpr std::string_view kDottedSuffixes[] = {
    "com", "org", "net", "edu", "gov", "mil", "info", "biz", "uk", "ca", "de", "fr", "au", "mx",
    "ru", "cn", "jp", "eu", "doc", "docx", "xls", "xlsx", "pdf", "txt", "htm", "html", "php",
    "asp", "aspx", "ppt", "pptx", "jpg", "jpeg", "gif", "png", "zip", "exe", "csv", "xml", "mp3"};

// Words UD English splits although they have no apostrophe, with the length of the first part:
// "cannot" -> can not, "gonna" -> gon na, "dont" -> do nt.
struct Contraction {
  std::string_view word;
  size_t head;
};
constexpr Contraction kContractions[] = {
    {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"dont", 2}, {"doesnt", 4},
    {"didnt", 3}, {"isnt", 2}, {"arent", 3}, {"wasnt", 3}, {"werent", 4}, {"hasnt", 3},
    {"havent", 4}, {"hadnt", 3}, {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"cant", 2},
    {"wont", 2}, {"aint", 2}};

// Units UD English splits from a number before them: "5pm" -> 5 pm, "$3bn" -> $ 3 bn. (Not
// "2nd", "1990s", "4G".)
constexpr std::string_view kUnits[] = {
    "am", "pm", "k", "m", "b", "bn", "mm", "cm", "km", "ft", "kg", "lb", "lbs", "hz", "khz",
    "mhz", "ghz", "kb", "mb", "gb", "tb", "hrs", "mins", "mph", "kph", "kw", "mw"};

// Emoticons, kept whole when a space or the end follows.
constexpr std::string_view kEmoticons[] = {":)", ":(", ":D", ":P", ":p", ";)", ":-)", ":-(", ";-)", ":-D",
                              ":-P", "=)", "=(", ":o)", "^_^", "^^"};

// Characters whose repeats make one token ("--", "**", "==", "''").
constexpr std::string_view kRepeatable = "-*=_<>~#+^'`|/\\";

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char32_t c) { return utf8::IsLetter(c) || IsDigit(c); }
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x200B ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == 0xFEFF;
}
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == '`'; }
bool IsLowerAscii(char32_t c) { return c >= 'a' && c <= 'z'; }
bool IsEndPunct(char32_t c) { return c == '.' || c == '!' || c == '?'; }
bool IsEmailChar(char32_t c) {
  return (c < 0x80 && IsWordChar(c)) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Scanner over one span of text producing raw token boundaries.
class Scanner {
 public:
  Scanner(std::string_view text, Span span, std::vector<Token>* out)
      : text_(text.substr(0, span.end)),
        pos_(span.begin),
        begin_(span.begin),
        end_(span.end),
        out_(out),
        has_at_(text_.find('@', begin_) != std::string_view::npos) {}

  void Run() {
    while (pos_ < end_) {
      size_t len;
      char32_t c = Peek(pos_, &len);
      if (IsSpace(c)) {
        pos_ += len;
        continue;
      }
      size_t e = Whole(pos_, c);
      if (e > pos_) {
        Emit(pos_, e);
        pos_ = e;
      } else if (IsWordChar(c)) {
        Word();
      } else {
        Emit(pos_, pos_ + len);
        pos_ += len;
      }
    }
  }

 private:
  char32_t Peek(size_t i, size_t* len) const {
    if (i >= end_) {
      *len = 0;
      return 0;
    }
    return utf8::Decode(text_, i, len);
  }
  char32_t At(size_t i) const {
    size_t len;
    return Peek(i, &len);
  }
  // The character that ends just before byte i, or 0 at the start of the span.
  char32_t Before(size_t i) const {
    if (i <= begin_) return 0;
    size_t k = i - 1;
    while (k > begin_ && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) --k;
    return At(k);
  }
  bool StartsWith(size_t i, std::string_view s) const { return text_.compare(i, s.size(), s) == 0; }
  bool SpaceOrEnd(size_t i) const { return i >= end_ || IsSpace(At(i)); }

  // The end of a token that starts at i and is kept whole by a pattern (URL, e-mail address,
  // emoticon, punctuation run, '90s, #tag, +44), or i when none applies.
  size_t Whole(size_t i, char32_t c) const {
    bool word_before = IsWordChar(Before(i));
    if (!word_before && (c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f')) {
      if (size_t e = Url(i)) return e;
    }
    if (has_at_ && !word_before && c < 0x80 && IsWordChar(c)) {  // an address needs an '@'
      if (size_t e = Email(i)) return e;
    }
    if (!IsWordChar(c)) {
      for (std::string_view em : kEmoticons) {
        if (StartsWith(i, em) && SpaceOrEnd(i + em.size())) return i + em.size();
      }
      if (size_t e = PunctuationRun(i, c); e > i + 1) return e;
    }
    if (!word_before && (IsApostrophe(c) || c == '#' || c == '+')) return Prefixed(i, c);
    return i;
  }

  // "http://…", "https://…", "www.…" up to the next space, without trailing punctuation.
  size_t Url(size_t i) const {
    std::string lower = utf8::NormalizeLower(text_.substr(i, std::min<size_t>(8, end_ - i)));
    if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0 && lower.rfind("ftp://", 0) != 0 &&
        lower.rfind("www.", 0) != 0) {
      return 0;
    }
    size_t e = i, len;
    while (e < end_ && !IsSpace(Peek(e, &len))) e += len;
    while (e > i && std::string_view(".,;:!?\"')]>").find(text_[e - 1]) != std::string_view::npos) --e;
    return e;
  }

  // "name@host.com", "Rice@ENRON": ASCII letters, digits and ._%+- around one '@'.
  size_t Email(size_t i) const {
    size_t e = i;
    while (e < end_ && IsEmailChar(static_cast<unsigned char>(text_[e]))) ++e;
    if (e >= end_ || text_[e] != '@' || e == i) return 0;
    size_t d = e + 1, host = d;
    bool letter = false;
    while (d < end_ && IsEmailChar(static_cast<unsigned char>(text_[d]))) {
      letter = letter || utf8::IsLetter(static_cast<unsigned char>(text_[d]));
      ++d;
    }
    while (d > host && (text_[d - 1] == '.' || text_[d - 1] == '-')) --d;
    return letter && d > host ? d : 0;
  }

  // "...", "?!", "--", "**": a run of sentence-final marks, or of one repeatable character.
  size_t PunctuationRun(size_t i, char32_t c) const {
    size_t e = i + 1;
    if (IsEndPunct(c)) {
      while (e < end_ && IsEndPunct(static_cast<unsigned char>(text_[e]))) ++e;
    } else if (c < 0x80 && kRepeatable.find(static_cast<char>(c)) != std::string_view::npos) {
      while (e < end_ && text_[e] == static_cast<char>(c)) ++e;
    }
    return e;
  }

  // "'90s", "'72" (years), "#tag", "+44": a mark glued to what follows it.
  size_t Prefixed(size_t i, char32_t c) const {
    size_t len;
    Peek(i, &len);
    size_t e = i + len;
    if (IsApostrophe(c)) {
      // "the army 's chief": text tokenized before it reached us keeps the possessive apart.
      if ((At(e) == 's' || At(e) == 'S') && !IsWordChar(At(e + 1)) && i > 0 && IsSpace(Before(i))) {
        return e + 1;
      }
      if (!IsDigit(At(e)) || !IsDigit(At(e + 1)) || IsDigit(At(e + 2))) return i;
      e += 2;
      if (At(e) == 's') ++e;
      return IsWordChar(At(e)) ? i : e;
    }
    bool tag = c == '#';  // "#tag" (but "#" "1", as UD English writes numbers)
    if (!(tag ? utf8::IsLetter(At(e)) : IsDigit(At(e)))) return i;
    while (e < end_) {
      size_t l;
      char32_t n = Peek(e, &l);
      if (!(tag ? (IsWordChar(n) || n == '_') : IsDigit(n))) break;
      e += l;
    }
    return e;
  }

  // A run of letters and digits, with the joins of Joins(); then contractions, clitics and a
  // final period are split off or kept according to the rules.
  void Word() {
    size_t b = pos_, i = pos_;
    bool digits_only = true;
    size_t unit_at = 0;  // where letters follow a leading number ("5|pm"), or 0
    while (i < end_) {
      size_t len;
      char32_t c = Peek(i, &len);
      if (IsWordChar(c)) {
        if (digits_only && !IsDigit(c)) unit_at = i;
        if (!IsDigit(c)) digits_only = false;
        i += len;
        continue;
      }
      if (!Joins(b, i, c, len, digits_only)) break;
      i += len;
    }
    size_t word_end = i;
    size_t alen;
    // Decades: "1990's", "80's".
    if (digits_only && IsApostrophe(Peek(i, &alen)) && At(i + alen) == 's' && !IsWordChar(At(i + alen + 1))) {
      word_end = i + alen + 1;
    }
    // A hyphen that ends a lower-case word before a space: "pre- and post-war", "th- the".
    if (IsLowerAscii(At(b)) && At(word_end) == '-' && word_end + 1 < end_ && IsSpace(At(word_end + 1))) {
      ++word_end;
    }
    size_t split = IsUnit(unit_at, word_end) ? unit_at : SplitPoint(b, word_end);
    // A trailing period stays with abbreviations and dotted acronyms.
    size_t dlen;
    if (!digits_only && Peek(word_end, &dlen) == '.' && KeepsPeriod(b, word_end)) word_end += dlen;
    Emit(b, split ? split : word_end);
    if (split) Emit(split, word_end);
    pos_ = word_end;
    // Clitic after an apostrophe: 's 're 've 'll 'd 'm.
    if (IsApostrophe(Peek(pos_, &alen)) && IsCliticAt(pos_ + alen)) {
      size_t e = pos_ + alen;
      size_t l;
      while (e < end_ && utf8::IsLetter(Peek(e, &l))) e += l;
      Emit(pos_, e);
      pos_ = e;
    }
  }

  // Does the non-word character c at i (of `len` bytes) continue the word that began at b?
  bool Joins(size_t b, size_t i, char32_t c, size_t len, bool digits_only) const {
    char32_t n = At(i + len);
    if (digits_only && IsDigit(n)) {
      if (c == ',' || c == '.') return true;                                          // 1,000 3.5
      if (c == ':') return IsDigit(At(i + 2)) && !IsDigit(At(i + 3));                 // 5:30
      if (c == '/') return DigitGroups(b, '/') == 2;                                  // 9/11, 1/2
      if (c == '-') return IsPhoneNumber(b);                                          // 713-853-3989
    }
    if (c == '.' && utf8::IsLetter(n)) return IsSingleLetterRun(b, i) || IsDottedSuffixAt(i + 1);
    if (c == '&') return utf8::IsLetter(n) && utf8::IsLetter(Before(i));             // AT&T
    if (c == '_') return IsWordChar(n);                                               // file_name
    if (c == '-') return IsLowerAscii(n) && IsHyphenPrefix(b, i);                     // e-mail
    // Internal apostrophe: O'Neill, d'Ivoire; but not clitics ('s, 're ...).
    return IsApostrophe(c) && utf8::IsLetter(n) && !IsCliticAt(i + len);
  }

  // Digit groups separated by `sep` in the number that begins at b ("11/28/2000" has 3; "28/2000"
  // inside it has none), counting to the first other character.
  size_t DigitGroups(size_t b, char sep) const {
    if (Before(b) == static_cast<char32_t>(sep)) return 0;
    size_t groups = 1;
    for (size_t k = b; k < end_; ++k) {
      if (text_[k] == sep && k + 1 < end_ && IsDigit(At(k + 1))) {
        ++groups;
      } else if (!IsDigit(At(k))) {
        break;
      }
    }
    return groups;
  }

  // "713-853-3989", "1-800-991-9019", "646-8420"; not ranges ("3-4", "1969-1970") and not ISO
  // dates ("2021-08-11": the date stage reads those as five tokens).
  bool IsPhoneNumber(size_t b) const {
    std::vector<size_t> lengths(1, 0);
    size_t k = b;
    for (; k < end_; ++k) {
      if (IsDigit(At(k))) {
        ++lengths.back();
      } else if (text_[k] == '-' && IsDigit(At(k + 1))) {
        lengths.push_back(0);
      } else {
        break;
      }
    }
    if (IsWordChar(At(k))) return false;
    if (lengths.size() == 2) return lengths[0] == 3 && lengths[1] == 4;
    return lengths.size() >= 3 && lengths[0] != 4;
  }

  // Are [b, e) the letters of a unit after a number?
  bool IsUnit(size_t b, size_t e) const {
    if (b == 0 || e - b > 3) return false;
    for (size_t k = b; k < e; ++k) {
      if (!utf8::IsLetter(static_cast<unsigned char>(text_[k]))) return false;
    }
    return In(kUnits, utf8::NormalizeLower(text_.substr(b, e - b)));
  }

  // A prefix in lower case or capitalised ("non-", "Non-"; not the acronym in "UN-brokered").
  bool IsHyphenPrefix(size_t b, size_t i) const {
    if (i - b > 7) return false;
    std::string lower = utf8::NormalizeLower(text_.substr(b, i - b));
    if (i - b > 1 && text_[b + 1] != lower[1]) return false;
    return In(kHyphenPrefixes, lower);
  }

  // Does text at i continue a host or file name to a known suffix ("enron.com", "a.b.org",
  // "Guaranty.doc")? Parts are ASCII letters, digits and hyphens.
  bool IsDottedSuffixAt(size_t i) const {
    size_t part = i, e = i;
    while (true) {
      while (e < end_ && (std::isalnum(static_cast<unsigned char>(text_[e])) || text_[e] == '-')) ++e;
      if (e == part) return false;
      if (e + 1 < end_ && text_[e] == '.' && std::isalnum(static_cast<unsigned char>(text_[e + 1]))) {
        part = ++e;
        continue;
      }
      break;
    }
    if (IsWordChar(At(e)) || e - part > 5) return false;
    std::string_view s = text_.substr(part, e - part);
    std::string lower = utf8::NormalizeLower(s);
    bool one_case = s == lower || std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return one_case && In(kDottedSuffixes, lower);
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

  // Where the word [b, e) splits in two, or 0: before "n't" ("did|n't", "ca|n't"), or in a
  // contraction without an apostrophe ("can|not", "gon|na", "do|nt").
  size_t SplitPoint(size_t b, size_t e) const {
    if (e - b >= 4 && (text_[e - 1] | 32) == 't') {
      size_t a = e - 1, alen = 0;
      char32_t apos = Before(a);
      if (IsApostrophe(apos)) alen = apos < 0x80 ? 1 : 3;
      if (alen && a - alen > b + 1 && (text_[a - alen - 1] | 32) == 'n') return a - alen - 1;
    }
    if (e - b > 8 || e - b < 4) return 0;  // the contractions below have 4 to 8 letters
    std::string lower = utf8::NormalizeLower(text_.substr(b, e - b));
    for (const Contraction& c : kContractions) {
      if (lower == c.word) return b + c.head;
    }
    return 0;
  }

  bool KeepsPeriod(size_t b, size_t e) const {
    std::string lower = utf8::NormalizeLower(text_.substr(b, e - b));
    if (lower == "no" || lower == "nos") {
      size_t k = e + 1;
      while (k < end_ && IsSpace(At(k))) ++k;
      return IsDigit(At(k)) || At(k) == '#';
    }
    if (In(kAbbreviations, lower)) return true;
    // Dotted acronym "U.S" -> "U.S.", or a single capital initial "J."
    if (lower.find('.') != std::string::npos && IsSingleLetterRun(b, e)) return true;
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

  std::string_view text_;  // the text up to the end of the span
  size_t pos_, begin_, end_;
  std::vector<Token>* out_;
  bool has_at_;  // the span holds an '@': an e-mail address may start at a word
};

}  // namespace

void ScanTokens(std::string_view text, Span span, std::vector<Token>* out) {
  Scanner(text, span, out).Run();
}

}  // namespace dyad::text
