#include "syntax/token_eval.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "common/strings.h"
#include "text/tokenizer.h"

namespace dyad::syntax {
namespace {

// Bytes of the whitespace character at s[p] (ASCII or U+00A0, which UD's texts contain), or 0.
size_t BlankLen(std::string_view s, size_t p) {
  char c = s[p];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  return c == '\xC2' && p + 1 < s.size() && s[p + 1] == '\xA0' ? 2 : 0;
}

// Matches `form` against `text` from *pos, skipping whitespace on both sides; on success sets
// *span to the matched bytes and moves *pos past them.
bool MatchForm(std::string_view text, std::string_view form, size_t* pos, Span* span) {
  size_t p = *pos;
  bool started = false;
  for (size_t k = 0; k < form.size();) {
    if (size_t n = BlankLen(form, k)) {
      k += n;
      continue;
    }
    while (p < text.size() && BlankLen(text, p) > 0) p += BlankLen(text, p);
    if (p >= text.size() || text[p] != form[k]) return false;
    if (!started) span->begin = static_cast<uint32_t>(p), started = true;
    ++p, ++k;
  }
  if (!started) return false;
  span->end = static_cast<uint32_t>(p);
  *pos = p;
  return true;
}

// Splits the surface span of a multiword token among its words when their forms spell it out
// (ASCII case aside); otherwise the surface span stands for all of them, as one word.
void AppendWordSpans(std::string_view text, Span surface, const std::vector<std::string>& parts,
                     std::vector<Span>* out) {
  std::string joined;
  for (const std::string& p : parts) joined += p;
  if (AsciiLower(joined) != AsciiLower(text.substr(surface.begin, surface.size()))) {
    out->push_back(surface);
    return;
  }
  uint32_t b = surface.begin;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    out->push_back(Span{b, b + static_cast<uint32_t>(p.size())});
    b += static_cast<uint32_t>(p.size());
  }
}

std::string_view Comment(const ConlluSentence& s, std::string_view key) {
  for (std::string_view line : s.lines) {
    if (StartsWith(line, key)) return line.substr(key.size());
  }
  return {};
}

bool StartsParagraph(const ConlluSentence& s) {
  for (std::string_view line : s.lines) {
    if (StartsWith(line, "# newpar") || StartsWith(line, "# newdoc")) return true;
  }
  return false;
}

std::vector<Span> TokenSpans(const Document& doc) {
  std::vector<Span> out;
  out.reserve(doc.tokens.size());
  for (const Token& t : doc.tokens) out.push_back(t.span);
  return out;
}

std::string Bracketed(std::string_view text, const std::vector<Span>& spans, size_t b, size_t e) {
  std::string out;
  for (size_t k = b; k < e; ++k) {
    if (k > b) out += ' ';
    out.append("[").append(text.substr(spans[k].begin, spans[k].size())).append("]");
  }
  return out;
}

}  // namespace

std::string SpanCounts::ToString() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "gold %zu ours %zu correct %zu  P %.2f R %.2f F1 %.2f", gold, system,
                correct, Precision(), Recall(), F1());
  return buf;
}

SpanCounts CountMatchingSpans(const std::vector<Span>& gold, const std::vector<Span>& system) {
  SpanCounts c{gold.size(), system.size(), 0};
  size_t i = 0, j = 0;
  while (i < gold.size() && j < system.size()) {
    const Span &g = gold[i], &s = system[j];
    if (g == s) {
      ++c.correct, ++i, ++j;
    } else if (g.begin < s.begin || (g.begin == s.begin && g.end < s.end)) {
      ++i;
    } else {
      ++j;
    }
  }
  return c;
}

std::vector<std::string> Disagreements(std::string_view text, const std::vector<Span>& gold,
                                       const std::vector<Span>& system) {
  std::vector<std::string> out;
  size_t i = 0, j = 0;
  while (i < gold.size() || j < system.size()) {
    if (i < gold.size() && j < system.size() && gold[i] == system[j]) {
      ++i, ++j;
      continue;
    }
    // A region: the earliest unmatched span and everything that begins before the region ends.
    size_t i0 = i, j0 = j;
    uint32_t end = 0;
    bool first = true;
    while (true) {
      bool g = i < gold.size() && (first || gold[i].begin < end);
      bool s = j < system.size() && (first || system[j].begin < end);
      if (first && g && s) {
        if (gold[i].begin <= system[j].begin) {
          s = false;
        } else {
          g = false;
        }
      }
      if (!g && !s) break;
      if (g) end = std::max(end, gold[i++].end);
      if (s) end = std::max(end, system[j++].end);
      first = false;
    }
    out.push_back("gold " + Bracketed(text, gold, i0, i) + " | ours " + Bracketed(text, system, j0, j));
  }
  return out;
}

Result<std::vector<Span>> GoldWordSpans(const ConlluSentence& s) {
  std::vector<Span> out;
  size_t pos = 0;
  int mwt_last = 0;              // last word ID of the open multiword token, 0 if none
  Span mwt_span;
  std::vector<std::string> parts;
  for (std::string_view line : s.lines) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() < 2) return Status::ParseError("short word line: " + std::string(line));
    std::string_view id = f[0], form = f[1];
    if (id.find('.') != std::string_view::npos) continue;  // empty node: no text
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      if (!MatchForm(s.text, form, &pos, &mwt_span)) {
        return Status::ParseError("token '" + std::string(form) + "' does not match the text");
      }
      mwt_last = std::stoi(std::string(id.substr(dash + 1)));
      parts.clear();
      continue;
    }
    if (mwt_last > 0) {
      parts.emplace_back(form);
      if (std::stoi(std::string(id)) >= mwt_last) {
        AppendWordSpans(s.text, mwt_span, parts, &out);
        mwt_last = 0;
      }
      continue;
    }
    Span span;
    if (!MatchForm(s.text, form, &pos, &span)) {
      return Status::ParseError("word '" + std::string(form) + "' does not match the text");
    }
    out.push_back(span);
  }
  return out;
}

std::string TokenEvalResult::ToString() const {
  std::string out = "sentences " + std::to_string(sentences) + " (skipped " +
                    std::to_string(skipped.size()) + ")\n";
  out += "words, each sentence alone:      " + words_by_sentence.ToString() + "\n";
  out += "words, whole documents:          " + words_in_documents.ToString() + "\n";
  out += "sentences, whole documents:      " + sentence_spans.ToString() + "\n";
  for (const auto& [what, n] : top_disagreements) out += std::to_string(n) + "\t" + what + "\n";
  return out;
}

TokenEvalResult EvaluateTokenizer(const std::vector<ConlluSentence>& gold, size_t top_errors) {
  TokenEvalResult r;
  std::unordered_map<std::string, size_t> disagreements;
  std::string doc_text;
  std::vector<Span> doc_words, doc_sentences;
  for (const ConlluSentence& s : gold) {
    ++r.sentences;
    auto words = GoldWordSpans(s);
    if (!words.ok()) {
      r.skipped.push_back(std::string(Comment(s, "# sent_id = ")) + ": " + words.status().ToString());
      continue;
    }
    Document alone = text::MakeDocument(s.text);
    std::vector<Span> ours = TokenSpans(alone);
    r.words_by_sentence.Add(CountMatchingSpans(*words, ours));
    if (top_errors > 0) {
      for (std::string& d : Disagreements(s.text, *words, ours)) ++disagreements[std::move(d)];
    }
    if (words->empty()) continue;
    if (!doc_text.empty()) doc_text += StartsParagraph(s) ? '\n' : ' ';
    auto offset = static_cast<uint32_t>(doc_text.size());
    doc_text += s.text;
    for (Span w : *words) doc_words.push_back(Span{w.begin + offset, w.end + offset});
    doc_sentences.push_back(Span{words->front().begin + offset, words->back().end + offset});
  }
  Document doc = text::MakeDocument(doc_text);
  r.words_in_documents = CountMatchingSpans(doc_words, TokenSpans(doc));
  std::vector<Span> our_sentences;
  for (const Sentence& s : doc.sentences) {
    our_sentences.push_back(Span{doc.tokens[s.token_begin].span.begin, doc.tokens[s.token_end - 1].span.end});
  }
  r.sentence_spans = CountMatchingSpans(doc_sentences, our_sentences);
  r.top_disagreements.assign(disagreements.begin(), disagreements.end());
  std::sort(r.top_disagreements.begin(), r.top_disagreements.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (r.top_disagreements.size() > top_errors) r.top_disagreements.resize(top_errors);
  return r;
}

}  // namespace dyad::syntax
