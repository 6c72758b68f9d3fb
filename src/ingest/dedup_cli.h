// `dyad dedup`: event mentions -> events, like GDELT's mentions and events tables.
//
// `dyad code` writes one record per event mention, each with a deterministic `event_key` (date,
// source, target, CAMEO code, place). `dyad dedup` reads those JSON Lines and writes one record
// per event: mentions sharing an event_key are merged when their mention dates (the record's
// "published" field when present, else its "date") lie within `window_days` of the event's
// first..last mention span; a mention further away starts a new event with the same key.
// Each output record is the first mention's record without the mention-specific fields (id,
// article_id, url, publisher, sentence, sentence_index, trigger, rule), plus:
//   num_mentions     records merged
//   num_articles     distinct article_id values
//   num_sources      distinct publishers (an empty publisher counts as one source)
//   num_independent_articles  distinct articles after near-copies are folded into their original
//                    (a record's "duplicate_of", when the coder wrote one)
//   first_mention_date, last_mention_date, first_article_id, first_url
// Events come out in the order of their first mention; the output depends only on the input.
// Memory: one small record per event (not per mention).
#ifndef DYAD_INGEST_DEDUP_CLI_H_
#define DYAD_INGEST_DEDUP_CLI_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace dyad {

struct MergeOptions {
  int window_days = 7;  // 0: every mention of a key is one event
};

class MentionMerger {
 public:
  explicit MentionMerger(MergeOptions options = {});
  ~MentionMerger();
  MentionMerger(const MentionMerger&) = delete;
  MentionMerger& operator=(const MentionMerger&) = delete;

  // Adds one event record (a JSON object with a string "event_key"). False, with *reason, when
  // the line is not one.
  bool Add(std::string_view line, std::string* reason);
  // Appends the merged events as JSON Lines.
  void Write(std::string* out) const;
  size_t num_events() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// `dyad dedup [FILE...|-] [-o OUT] [--window DAYS] [--errors FILE]`. argv holds the arguments
// after "dedup" (argv[0] is the first of them). A bad line becomes an error record
// ({"error","file","line"}) on stderr or in --errors and the run goes on. Returns 0, or 1 for a
// bad option or an input that cannot be read.
int RunDedupCommand(int argc, char** argv);

}  // namespace dyad

#endif  // DYAD_INGEST_DEDUP_CLI_H_
