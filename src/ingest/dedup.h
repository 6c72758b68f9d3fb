// Near-duplicate articles: SimHash fingerprints and a bucketed index over them.
//
// A wire story republished by many outlets is one report, not many. Each article's text gets a
// 64-bit SimHash (Charikar 2002) over its word 3-shingles (lower-cased words of letters and
// digits); two texts whose fingerprints differ in at most 3 bits are near-copies (Manku et al.,
// "Detecting near-duplicates for web crawling", 2007: 64 bits, k = 3). The index splits the 64
// bits into 4 blocks of 16: two fingerprints within distance 3 agree exactly on at least one
// block (pigeonhole), so a lookup only compares against the articles sharing a block value.
//
// Example: "The Taliban took Kunduz on Sunday, officials said. ..." published as article "a1",
// then the same story with another dateline, headline and trailer as "b7": Mark() sets b7's
// duplicate_of to "a1". Texts under `min_words` words are never marked (short notices look alike).
//
// Only the lookups depend on the order of the articles. Cleaning and hashing (DedupText,
// Fingerprint) are pure, so they can run on any thread or machine, and the fingerprints then be
// fed to one index in input order (python/dyad/dask.py does so across a cluster).
#ifndef DYAD_INGEST_DEDUP_H_
#define DYAD_INGEST_DEDUP_H_

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/document.h"

namespace dyad::ingest {

// SimHash of `text` over word 3-shingles (word 1- and 2-grams when it has fewer words). Pure.
uint64_t SimHash(std::string_view text);
// The number of words SimHash sees in `text`.
size_t CountHashWords(std::string_view text);
int HammingDistance(uint64_t a, uint64_t b);

// All DuplicateIndex needs of a text: Fingerprint(text) == {SimHash(text), CountHashWords(text)},
// computed in one pass over the words. Pure.
struct TextFingerprint {
  uint64_t simhash = 0;
  size_t words = 0;
};
TextFingerprint Fingerprint(std::string_view text);

// The text that identifies an article's story: its body segments after cleaning (clean.h), so the
// headline, the wire dateline, bylines, "Read more" links and trailers ("Reporting by ...",
// copyright lines), which differ between outlets carrying the same story, do not count.
std::string DedupText(const Article& article);
// The same from segments already cleaned: `segments` must be SegmentArticle's for the article
// whose text is `text` (or a coded Document's, which Clean set from it). Segments are joined
// with '\n', leaving out the title and dateline ones.
std::string StoryText(std::string_view text, const std::vector<Segment>& segments);

struct DedupOptions {
  int max_distance = 3;        // at most 3 (the index's pigeonhole bound)
  size_t min_words = 25;       // shorter texts are neither marked nor indexed
  size_t max_entries = 4000000;  // beyond this the oldest half is forgotten (bounded memory)
};

// Not thread-safe: feed articles from one thread, in input order, so marks are deterministic.
class DuplicateIndex {
 public:
  explicit DuplicateIndex(DedupOptions options = {});

  // The id of the original an earlier indexed article with a near-identical text stands for
  // (the earliest in a chain of copies), or "" when there is none. Adds `id` to the index either
  // way, so later copies of a copy still find the original.
  std::string Check(std::string_view id, std::string_view text) { return Check(id, Fingerprint(text)); }
  // The same for a text whose Fingerprint was computed beforehand (elsewhere, in any order).
  std::string Check(std::string_view id, const TextFingerprint& text);
  // Sets article->duplicate_of from Check(article->id, DedupText(*article)).
  void Mark(Article* article) { article->duplicate_of = Check(article->id, DedupText(*article)); }

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint64_t fingerprint;
    std::string original;  // the id this entry's text stands for (itself, or its original)
  };
  void Insert(uint64_t seq);
  void Rebuild();

  DedupOptions options_;
  std::deque<Entry> entries_;  // entries_[i] has sequence number first_seq_ + i
  uint64_t first_seq_ = 0;
  std::array<std::unordered_map<uint16_t, std::vector<uint64_t>>, 4> buckets_;
};

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_DEDUP_H_
