// Cleaning stage: see clean.h for the steps and a worked example.
#include "ingest/clean.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <utility>

#include "ingest/boilerplate.h"

namespace dyad {
namespace {

constexpr size_t kHeadlineScanLines = 12;   // repeated headlines are looked for this near the top
constexpr size_t kMinWrappedLineBytes = 40;  // shorter lines are subheads, never joined
constexpr size_t kNearDuplicateScan = 40;    // body segments tested as possible standfirsts
constexpr double kNearDuplicateShare = 0.9;   // of distinct words
constexpr double kNearDuplicatePairs = 0.6;   // of distinct word pairs: order, not chance overlap
constexpr size_t kMinPrefixWords = 5;
constexpr size_t kMinContainedWords = 5;
constexpr size_t kExplainBytes = 80;

struct Line {
  Span span;
  std::string key;               // NormalizeKey of the text
  uint32_t last_line_bytes = 0;  // length of the last physical line, after joins
  bool blank_before = false;
  bool is_title = false;
  bool dropped = false;
};

bool IsSpaceAt(std::string_view t, size_t i) {
  char c = t[i];
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// [b, e) without leading/trailing ASCII whitespace and no-break spaces (U+00A0).
Span TrimSpan(std::string_view t, size_t b, size_t e) {
  for (bool moved = true; moved && b < e;) {
    moved = IsSpaceAt(t, b) || t.substr(b, 2) == "\xc2\xa0";
    if (moved) b += IsSpaceAt(t, b) ? 1 : 2;
  }
  for (bool moved = true; moved && e > b;) {
    moved = IsSpaceAt(t, e - 1) || (e - b >= 2 && t.substr(e - 2, 2) == "\xc2\xa0");
    if (moved) e -= IsSpaceAt(t, e - 1) ? 1 : 2;
  }
  return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  bool blank = false;
  for (size_t start = 0; start <= text.size();) {
    size_t nl = std::min(text.find('\n', start), text.size());
    Span s = TrimSpan(text, start, nl);
    if (s.empty()) {
      blank = true;
    } else {
      Line line{s, ingest::NormalizeKey(text.substr(s.begin, s.size())), s.size(), blank};
      lines.push_back(std::move(line));
      blank = false;
    }
    start = nl + 1;
  }
  return lines;
}

// Ends a sentence: final . ! ? : or a closing quote.
bool EndsSentence(std::string_view s) {
  if (s.empty()) return true;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\'' ||
         s.ends_with("\xe2\x80\x9d") || s.ends_with("\xe2\x80\x99");
}

// Looks like the continuation of a hard-wrapped line: no blank line before, starts lower case.
bool ContinuesLine(std::string_view text, const Line& line) {
  char first = text[line.span.begin];
  return !line.blank_before && first >= 'a' && first <= 'z';
}

// Sorted distinct words and word pairs of a key, as views into the key (a key has single spaces,
// so "w1 w2" is a substring).
struct Shingles {
  std::vector<std::string_view> words;
  std::vector<std::string_view> pairs;
};

void SortUnique(std::vector<std::string_view>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

Shingles MakeShingles(std::string_view key) {
  Shingles s;
  size_t prev = std::string_view::npos;
  for (size_t b = 0; b < key.size();) {
    size_t e = std::min(key.find(' ', b), key.size());
    s.words.push_back(key.substr(b, e - b));
    if (prev != std::string_view::npos) s.pairs.push_back(key.substr(prev, e - prev));
    prev = b;
    b = e + 1;
  }
  SortUnique(&s.words);
  SortUnique(&s.pairs);
  return s;
}

// Share of `part` also found in sorted `whole`.
double Contained(const std::vector<std::string_view>& part, const std::vector<std::string_view>& whole) {
  if (part.empty()) return 0;
  size_t shared = 0;
  for (std::string_view w : part) shared += std::binary_search(whole.begin(), whole.end(), w);
  return static_cast<double>(shared) / static_cast<double>(part.size());
}

class Cleaner {
 public:
  explicit Cleaner(const Article& a) : text_(a.text), title_key_(ingest::NormalizeKey(a.title)) {}
  CleanResult Run();

 private:
  std::string_view Text(Span s) const { return text_.substr(s.begin, s.size()); }
  void Drop(Line* line, DropReason reason, const char* rule = "", Span same_as = {});
  std::vector<std::string> HeadlineKeys() const;
  void DropFurnitureAndRepeats();
  bool CanJoin(const Line& a, const Line& b) const;
  void JoinWrapped();
  bool IsNearDuplicate(size_t i, size_t j, const std::vector<Shingles>& shingles) const;
  void DropNearDuplicates();
  void BuildSegments();

  std::string_view text_;
  std::string title_key_;
  std::vector<Line> lines_;
  CleanResult result_;
};

void Cleaner::Drop(Line* line, DropReason reason, const char* rule, Span same_as) {
  line->dropped = true;
  result_.dropped.push_back({line->span, reason, rule, same_as});
}

std::vector<std::string> Cleaner::HeadlineKeys() const {
  std::vector<std::string> keys;
  if (!title_key_.empty()) keys.push_back(title_key_);
  size_t top = std::min(lines_.size(), kHeadlineScanLines);
  for (size_t i = 0; i < top; ++i) {
    const std::string& key = lines_[i].key;
    if (key.empty() || !ingest::LooksLikeHeadline(Text(lines_[i].span))) continue;
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    auto same = [&](const Line& l) { return l.key == key; };
    if (std::count_if(lines_.begin(), lines_.begin() + top, same) >= 2) keys.push_back(key);
  }
  if (keys.empty() && lines_.size() >= 2 && ingest::LooksLikeHeadline(Text(lines_[0].span)) &&
      !ContinuesLine(text_, lines_[1])) {
    keys.push_back(lines_[0].key);
  }
  return keys;
}

void Cleaner::DropFurnitureAndRepeats() {
  std::vector<std::string> headlines = HeadlineKeys();
  std::unordered_map<std::string_view, size_t> first_seen;  // key -> index of the kept line
  for (size_t i = 0; i < lines_.size(); ++i) {
    Line& line = lines_[i];
    if (line.key.empty()) {
      Drop(&line, DropReason::kNoText);
      continue;
    }
    ingest::LineClass c = ingest::ClassifyLine(Text(line.span));
    if (c.kind != ingest::LineKind::kContent) {
      bool link = c.kind == ingest::LineKind::kRelatedLink;
      Drop(&line, link ? DropReason::kRelatedLink : DropReason::kBoilerplate, c.rule);
      continue;
    }
    bool headline = std::find(headlines.begin(), headlines.end(), line.key) != headlines.end();
    auto [it, inserted] = first_seen.emplace(line.key, i);
    if (!inserted) {
      Drop(&line, headline ? DropReason::kTitleRepeat : DropReason::kDuplicate, "", lines_[it->second].span);
    } else {
      line.is_title = headline;
    }
  }
}

bool Cleaner::CanJoin(const Line& a, const Line& b) const {
  return !a.is_title && !b.is_title && !b.blank_before && a.last_line_bytes >= kMinWrappedLineBytes &&
         !EndsSentence(Text(a.span));
}

// Keeps only surviving lines, joining hard-wrapped ones. A dropped line between two lines
// prevents the join.
void Cleaner::JoinWrapped() {
  std::vector<Line> kept;
  bool adjacent = false;  // kept.back() is the line just before this one
  for (Line& line : lines_) {
    if (line.dropped) {
      adjacent = false;
      continue;
    }
    if (adjacent && CanJoin(kept.back(), line)) {
      Line& a = kept.back();
      a.span.end = line.span.end;
      a.key += " " + line.key;
      a.last_line_bytes = line.span.size();
    } else {
      kept.push_back(std::move(line));
    }
    adjacent = true;
  }
  lines_ = std::move(kept);
}

bool Cleaner::IsNearDuplicate(size_t i, size_t j, const std::vector<Shingles>& shingles) const {
  const std::string& a = lines_[i].key;
  const std::string& b = lines_[j].key;
  size_t words = shingles[i].words.size();
  if (words >= kMinPrefixWords && b.starts_with(a) && (b.size() == a.size() || b[a.size()] == ' ')) {
    return true;
  }
  return words >= kMinContainedWords && Contained(shingles[i].words, shingles[j].words) >= kNearDuplicateShare &&
         Contained(shingles[i].pairs, shingles[j].pairs) >= kNearDuplicatePairs;
}

void Cleaner::DropNearDuplicates() {
  std::vector<Shingles> shingles;
  for (const Line& line : lines_) shingles.push_back(MakeShingles(line.key));
  size_t scanned = 0;
  for (size_t i = 0; i < lines_.size() && scanned < kNearDuplicateScan; ++i) {
    if (lines_[i].is_title) continue;
    ++scanned;
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      if (lines_[j].is_title || lines_[j].span.size() <= lines_[i].span.size()) continue;
      if (IsNearDuplicate(i, j, shingles)) {
        Drop(&lines_[i], DropReason::kNearDuplicate, "", lines_[j].span);
        break;
      }
    }
  }
}

void Cleaner::BuildSegments() {
  bool first_body = true;
  for (const Line& line : lines_) {
    if (line.dropped) continue;
    Segment seg{line.span, line.is_title};
    if (!line.is_title && first_body) {
      first_body = false;
      result_.dateline = FindDateline(text_, line.span);
      if (result_.dateline.found()) {
        seg.span.begin = result_.dateline.whole.end;
        // The dateline is its own segment, so its place and date are read but never coded.
        Segment dl{result_.dateline.whole, false, true};
        result_.segments.push_back(dl);
      }
    }
    result_.segments.push_back(seg);
  }
}

CleanResult Cleaner::Run() {
  lines_ = SplitLines(text_);
  DropFurnitureAndRepeats();
  JoinWrapped();
  DropNearDuplicates();
  BuildSegments();
  std::sort(result_.dropped.begin(), result_.dropped.end(),
            [](const DroppedLine& a, const DroppedLine& b) { return a.span.begin < b.span.begin; });
  return std::move(result_);
}

}  // namespace

const char* DropReasonName(DropReason reason) {
  switch (reason) {
    case DropReason::kTitleRepeat: return "title-repeat";
    case DropReason::kDuplicate: return "duplicate";
    case DropReason::kNearDuplicate: return "near-duplicate";
    case DropReason::kRelatedLink: return "related-link";
    case DropReason::kBoilerplate: return "boilerplate";
    case DropReason::kNoText: return "no-text";
  }
  return "unknown";
}

CleanResult SegmentArticle(const Article& article) { return Cleaner(article).Run(); }

Status Clean(Document* doc, CleanResult* detail) {
  if (doc->article.text.size() >= std::numeric_limits<uint32_t>::max()) {
    return Status::InvalidArgument("article '" + doc->article.id + "' is too long for 32-bit spans");
  }
  CleanResult result = SegmentArticle(doc->article);
  doc->segments = result.segments;
  if (detail != nullptr) *detail = std::move(result);
  return Status::Ok();
}

std::string ExplainDrop(const DroppedLine& d, std::string_view text) {
  std::string out = "dropped " + std::to_string(d.span.begin) + "-" + std::to_string(d.span.end) + " " +
                    DropReasonName(d.reason);
  if (*d.rule != '\0') out += std::string(" (\"") + d.rule + "\")";
  if (!d.same_as.empty()) out += " of " + std::to_string(d.same_as.begin) + "-" + std::to_string(d.same_as.end);
  std::string_view shown = text.substr(d.span.begin, d.span.size());
  if (shown.size() > kExplainBytes) {
    size_t cut = kExplainBytes;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    shown = shown.substr(0, cut);
    return out + ": " + std::string(shown) + "...";
  }
  return out + ": " + std::string(shown);
}

}  // namespace dyad
