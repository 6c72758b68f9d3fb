#include "ingest/dedup.h"

#include <algorithm>
#include <array>
#include <bit>

#include "ingest/clean.h"

namespace dyad::ingest {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// splitmix64 finaliser: spreads FNV's weak high bits over the whole word.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// 64-bit hashes of the lower-cased words of `text` (ASCII case folded; other bytes kept).
std::vector<uint64_t> WordHashes(std::string_view text) {
  std::vector<uint64_t> out;
  uint64_t h = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    if (IsWordByte(c)) {
      if (!in_word) h = 0xcbf29ce484222325ULL;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      h = (h ^ c) * 0x100000001b3ULL;
      in_word = true;
    } else if (in_word) {
      out.push_back(h);
      in_word = false;
    }
  }
  if (in_word) out.push_back(h);
  return out;
}

// kSpread[v] has byte k = bit k of v: adding kSpread[8 bits of a hash] to a word counts those 8
// bits at once, one byte lane each.
constexpr std::array<uint64_t, 256> MakeSpread() {
  std::array<uint64_t, 256> spread{};
  for (int v = 0; v < 256; ++v) {
    for (int k = 0; k < 8; ++k) {
      if ((v >> k) & 1) spread[v] |= uint64_t{1} << (8 * k);
    }
  }
  return spread;
}
constexpr std::array<uint64_t, 256> kSpread = MakeSpread();

// Charikar's SimHash: bit b of the fingerprint is set when more shingle hashes have bit b set than
// not (a +1/-1 vote per shingle). Only the set bits are counted, 8 at a time in byte lanes
// (flushed before a lane can pass 255): several times faster than a loop over the 64 bits.
uint64_t SimHashOfWords(const std::vector<uint64_t>& words) {
  if (words.empty()) return 0;
  size_t n = std::min<size_t>(3, words.size());
  size_t shingles = words.size() - n + 1;
  uint64_t ones[64] = {};
  uint64_t lanes[8] = {};  // byte k of lanes[j] counts bit 8 * j + k since the last flush
  auto flush = [&] {
    for (int j = 0; j < 8; ++j) {
      for (int k = 0; k < 8; ++k) ones[8 * j + k] += (lanes[j] >> (8 * k)) & 0xff;
      lanes[j] = 0;
    }
  };
  for (size_t i = 0; i < shingles; ++i) {
    uint64_t h = 0;
    for (size_t k = 0; k < n; ++k) h = Mix(h ^ words[i + k]) + k;
    h = Mix(h);
    for (int j = 0; j < 8; ++j) lanes[j] += kSpread[(h >> (8 * j)) & 0xff];
    if ((i + 1) % 255 == 0) flush();
  }
  flush();
  uint64_t fp = 0;
  for (int b = 0; b < 64; ++b) {
    if (2 * ones[b] > shingles) fp |= uint64_t{1} << b;
  }
  return fp;
}

}  // namespace

std::string DedupText(const Article& article) { return StoryText(article.text, SegmentArticle(article).segments); }

// SegmentArticle puts the first body segment's dateline in a segment of its own (is_dateline)
// and starts the body segment after it, so leaving out dateline segments leaves out the dateline.
std::string StoryText(std::string_view text, const std::vector<Segment>& segments) {
  std::string out;
  for (const Segment& s : segments) {
    if (s.is_title || s.is_dateline || s.span.end > text.size() || s.span.begin >= s.span.end) continue;
    if (!out.empty()) out.push_back('\n');
    out.append(text.substr(s.span.begin, s.span.end - s.span.begin));
  }
  return out;
}

size_t CountHashWords(std::string_view text) { return WordHashes(text).size(); }

uint64_t SimHash(std::string_view text) { return SimHashOfWords(WordHashes(text)); }

TextFingerprint Fingerprint(std::string_view text) {
  std::vector<uint64_t> words = WordHashes(text);
  return TextFingerprint{SimHashOfWords(words), words.size()};
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

DuplicateIndex::DuplicateIndex(DedupOptions options) : options_(options) {
  if (options_.max_distance > 3) options_.max_distance = 3;
  if (options_.max_entries < 2) options_.max_entries = 2;
}

std::string DuplicateIndex::Check(std::string_view id, const TextFingerprint& text) {
  if (text.words < options_.min_words) return "";
  uint64_t fp = text.simhash;
  std::string original;
  uint64_t best_seq = UINT64_MAX;
  for (int block = 0; block < 4; ++block) {
    auto it = buckets_[block].find(static_cast<uint16_t>(fp >> (16 * block)));
    if (it == buckets_[block].end()) continue;
    for (uint64_t seq : it->second) {
      if (seq < first_seq_ || seq >= best_seq) continue;  // forgotten, or not the earliest
      const Entry& e = entries_[seq - first_seq_];
      if (HammingDistance(e.fingerprint, fp) <= options_.max_distance) {
        best_seq = seq;
        original = e.original;
      }
    }
  }
  entries_.push_back(Entry{fp, original.empty() ? std::string(id) : original});
  Insert(first_seq_ + entries_.size() - 1);
  if (entries_.size() > options_.max_entries) Rebuild();
  return original;
}

void DuplicateIndex::Insert(uint64_t seq) {
  uint64_t fp = entries_[seq - first_seq_].fingerprint;
  for (int block = 0; block < 4; ++block) buckets_[block][static_cast<uint16_t>(fp >> (16 * block))].push_back(seq);
}

// Forgets the oldest half of the entries and rebuilds the buckets from the rest.
void DuplicateIndex::Rebuild() {
  size_t drop = entries_.size() / 2;
  entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(drop));
  first_seq_ += drop;
  for (auto& b : buckets_) b.clear();
  for (size_t i = 0; i < entries_.size(); ++i) Insert(first_seq_ + i);
}

}  // namespace dyad::ingest
