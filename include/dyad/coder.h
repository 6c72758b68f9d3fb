// dyad's public entry point: a Coder runs the whole pipeline on one article.
//
//   auto coder = dyad::Coder::Create(dyad::CoderConfig{});
//   dyad::Document doc;
//   doc.article = {.id = "a1", .date = "2021-08-11", .text = "..."};
//   dyad::Status st = (*coder)->Code(&doc);   // doc.events now holds the coded events
//
// A Coder is immutable after Create and may be shared by any number of threads.
#ifndef DYAD_CODER_H_
#define DYAD_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

struct CoderConfig {
  std::string data_dir;        // holds lexicon/ and cameo/; "" = find it (DYAD_DATA, next to the binary, source tree)
  std::string gazetteer_path;  // "" = find it (DYAD_GAZETTEER, build/data/gazetteer.bin)
  std::vector<std::string> actor_paths;  // extra or replacement actor dictionaries
  bool replace_actors = false;           // use only actor_paths, not dyad's own actors
  std::vector<std::string> event_paths;  // extra event dictionaries, loaded after dyad's own
  bool include_modal = false;            // also emit negated and hypothetical events
  bool topic_gate = true;                // no events from sport, entertainment or tech news
  bool use_parser = true;                // the trained tagger and parser (models/), else rule tags
  size_t max_article_bytes = 1 << 20;
  uint32_t max_sentence_tokens = 200;
};

// What `dyad explain` shows for one text.
struct Explanation {
  Document doc;
  std::vector<std::string> lines;  // human-readable trace, stage by stage
};

class Coder {
 public:
  static Result<std::unique_ptr<Coder>> Create(const CoderConfig& config);
  virtual ~Coder() = default;

  // Cleans, splits, tags, finds actors, places and dates, and codes events into doc->events.
  // An article that cannot be coded (empty, too large, no valid text) returns an error Status
  // and leaves doc partly filled; the caller turns it into an error record.
  virtual Status Code(Document* doc) const = 0;
  virtual Explanation Explain(const Article& article) const = 0;
  // `dyad geo`: each candidate place name, its resolution and the runner-up candidates with scores.
  virtual std::vector<std::string> DescribePlaces(const Article& article) const = 0;
  // `dyad dates`: each date expression, what it resolved to, against which reference and why.
  virtual std::vector<std::string> DescribeDates(const Article& article) const = 0;

  // Fills the JSON Lines record of every event of `doc` into `out`, one line each.
  virtual void AppendJsonl(const Document& doc, std::string* out) const = 0;
  virtual void AppendTsv(const Document& doc, std::string* out) const = 0;
  static std::string TsvHeader();

  virtual const std::string& lexicon_version() const = 0;
  // Load-time diagnostics (malformed dictionary lines, a missing gazetteer), for the CLI to print.
  virtual const std::vector<std::string>& warnings() const = 0;
};

const char* Version();

}  // namespace dyad

#endif  // DYAD_CODER_H_
