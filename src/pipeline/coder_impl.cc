// The pipeline: ingest cleaning -> text -> syntax -> actors -> geo -> time -> events, over one
// Document. Everything loaded here (dictionaries, CAMEO table, gazetteer) is built once in Create
// and then only read, so one Coder serves all threads.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "actors/recognizer.h"
#include "common/utf8.h"
#include "dyad/coder.h"
#include "events/coder.h"
#include "events/topic_gate.h"
#include "geo/gazetteer.h"
#include "geo/resolver.h"
#include "ingest/clean.h"
#include "lexicon/actor_lexicon.h"
#include "lexicon/cameo_table.h"
#include "lexicon/event_lexicon.h"
#include "pipeline/explain.h"
#include "common/paths.h"
#include "store/event_sink.h"
#include "syntax/model.h"
#include "syntax/tagger.h"
#include "text/tokenizer.h"
#include "time/dates.h"

namespace dyad {
namespace {

// The day-precision date written in the article's dateline segment, or an unset Date.
Date DatelineDate(const Document& doc) {
  for (const DateMention& d : doc.dates) {
    if (d.range.precision != DatePrecision::kDay) continue;
    for (const Sentence& s : doc.sentences) {
      if (d.token_begin < s.token_begin || d.token_begin >= s.token_end) continue;
      if (s.segment < doc.segments.size() && doc.segments[s.segment].is_dateline) return d.range.from;
    }
  }
  return Date{};
}

class CoderImpl : public Coder {
 public:
  Status Init(const CoderConfig& config) {
    config_ = config;
    std::string data = config.data_dir.empty() ? paths::FindDataDir() : config.data_dir;
    if (data.empty()) return Status::NotFound("dyad's data directory (set DYAD_DATA)");
    std::vector<lexicon::Diagnostic> diags;
    std::vector<std::string> actor_paths;
    if (!config.replace_actors) actor_paths.push_back(data + "/lexicon/actors");
    actor_paths.insert(actor_paths.end(), config.actor_paths.begin(), config.actor_paths.end());
    auto actors = lexicon::ActorLexicon::Load(actor_paths, &diags);
    if (!actors.ok()) return actors.status();
    actors_ = *actors;
    std::vector<std::string> event_paths = {data + "/lexicon/events"};
    event_paths.insert(event_paths.end(), config.event_paths.begin(), config.event_paths.end());
    auto events = lexicon::EventLexicon::Load(event_paths, &diags);
    if (!events.ok()) return events.status();
    events_ = *events;
    auto cameo = lexicon::CameoTable::Load(data + "/cameo/cameo_codes.tsv");
    if (!cameo.ok()) return cameo.status();
    cameo_ = *cameo;
    if (config.topic_gate) {
      auto gate = events::TopicGate::Load(data + "/lexicon/topics.tsv", &diags);
      if (!gate.ok()) return gate.status();
      topic_gate_ = *gate;
    }
    for (const auto& d : diags) warnings_.push_back(d.ToString());
    std::string gaz = config.gazetteer_path.empty() ? paths::FindGazetteer() : config.gazetteer_path;
    if (!gaz.empty()) {
      auto g = geo::Gazetteer::Open(gaz);
      if (g.ok()) gazetteer_ = std::move(*g);
      else warnings_.push_back("gazetteer: " + g.status().ToString());
    }
    if (!gazetteer_) warnings_.push_back("no gazetteer (run 'make build'): places are not resolved");
    if (gazetteer_) places_ = std::make_unique<geo::PlaceResolver>(*gazetteer_);
    if (std::string p = syntax::FindModelPath(); !p.empty() && config.use_parser) {
      auto m = syntax::Model::Load(p);
      if (m.ok()) syntax_model_ = *m;
      else warnings_.push_back("syntax model: " + m.status().ToString());
    }
    recognizer_ = std::make_unique<actors::ActorRecognizer>(*actors_);
    coder_ = std::make_unique<events::EventCoder>(*events_, events::CoderOptions{config.include_modal});
    lexicon_version_ = actors_->version() + "," + events_->version();
    ctx_ = store::RecordContext{cameo_.get(), Version(), lexicon_version_};
    return Status::Ok();
  }

  Status Code(Document* doc) const override { return Run(doc, nullptr); }

  Explanation Explain(const Article& article) const override {
    Explanation ex;
    ex.doc.article = article;
    std::vector<events::TraceLine> trace;
    Status st = Run(&ex.doc, &trace);
    if (!st.ok()) ex.lines.push_back("error: " + st.ToString());
    pipeline::DescribeDocument(ex.doc, trace, places_.get(), &ex.lines);
    return ex;
  }

  std::vector<std::string> DescribePlaces(const Article& article) const override {
    Explanation ex = Explain(article);
    std::vector<std::string> out;
    if (!places_) return {"no gazetteer loaded (run 'make build')"};
    char buf[256];
    for (const geo::PlaceExplanation& p : places_->Explain(ex.doc)) {
      out.push_back("\"" + std::string(ex.doc.Text(p.span)) + "\" [" + std::to_string(p.span.begin) + "," +
                    std::to_string(p.span.end) + ") " + (p.accepted ? "PLACE" : "not a place") +
                    "  evidence: " + (p.evidence_why.empty() ? "none" : p.evidence_why));
      for (size_t k = 0; k < p.choices.size() && k < 5; ++k) {
        const geo::PlaceChoice& c = p.choices[k];
        std::snprintf(buf, sizeof buf, "    %s %s, %s, %s (%.4f, %.4f) geonames %lld  score %.2f  [%s]",
                      k == 0 ? "->" : "  ", std::string(c.place.name).c_str(),
                      std::string(c.place.admin1_name).c_str(), std::string(c.place.country).c_str(),
                      c.place.lat, c.place.lon, static_cast<long long>(c.place.geonames_id), c.score,
                      c.why.c_str());
        out.push_back(buf);
      }
    }
    return out;
  }

  std::vector<std::string> DescribeDates(const Article& article) const override {
    Explanation ex = Explain(article);
    Date date = Date::Parse(article.date).value_or(Date{});
    std::vector<std::string> out;
    for (const time::DateExplanation& e : dates_.Explain(time::DateContext{date, Date{}}, &ex.doc)) {
      out.push_back(time::FormatExplanation(e));
    }
    return out;
  }

  void AppendJsonl(const Document& doc, std::string* out) const override {
    for (const Event& e : doc.events) store::AppendEventJson(doc, e, ctx_, out);
  }
  void AppendTsv(const Document& doc, std::string* out) const override {
    for (const Event& e : doc.events) store::AppendEventTsv(doc, e, ctx_, out);
  }
  const std::string& lexicon_version() const override { return lexicon_version_; }
  const std::vector<std::string>& warnings() const override { return warnings_; }

 private:
  Status Run(Document* doc, std::vector<events::TraceLine>* trace) const {
    const Article& a = doc->article;
    if (a.text.size() > config_.max_article_bytes) {
      return Status::LimitExceeded("article text is " + std::to_string(a.text.size()) +
                                   " bytes, over the limit of " + std::to_string(config_.max_article_bytes));
    }
    if (size_t bad = utf8::FirstInvalid(a.text); bad != a.text.size()) {
      return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(bad) + " of the text");
    }
    DYAD_RETURN_IF_ERROR(Clean(doc));
    text::Tokenize(doc, text::TokenizerOptions{config_.max_sentence_tokens});
    actors_->MarkKnownNames(doc);
    if (syntax_model_) syntax::TagAndParse(*syntax_model_, doc);
    else syntax::TagAndLemmatize(doc);
    Date date = Date::Parse(a.date).value_or(Date{});
    // Dates first: a sentence about an earlier year resolves its people as of then.
    time::DateTimeline timeline = dates_.Resolve(time::DateContext{date, Date{}}, doc);
    // "KABUL, Aug 10 (Reuters) -": the dateline's date anchors the narrative.
    if (Date dl = DatelineDate(*doc); dl.valid())
      timeline = dates_.Resolve(time::DateContext{date, dl}, doc);
    recognizer_->Recognize(date, doc);
    if (places_) places_->Resolve(doc);
    actors::InferArticleCountry(doc, gazetteer_
                                         ? actors::PlaceCountryFn([this](std::string_view name) {
                                             return geo::DominantPlaceCountry(*gazetteer_, name);
                                           })
                                         : actors::PlaceCountryFn());
    std::vector<events::SentenceTime> times =
        events::SentenceTimes(timeline, doc->sentences.size());
    events::CountryPlaceFn country_place = [this](const std::string& iso3) -> std::optional<PlaceMention> {
      return gazetteer_ ? geo::CountryPlace(*gazetteer_, iso3) : std::nullopt;
    };
    if (topic_gate_) {
      events::TopicScore topic = topic_gate_->Score(*doc);
      if (trace) trace->push_back(events::TraceLine{0, Span{}, "topic gate", topic.Describe()});
      if (topic.gated) {
        doc->events.clear();
        return Status::Ok();
      }
    }
    coder_->Code(times, country_place, doc, trace);
    return Status::Ok();
  }

  CoderConfig config_;
  std::shared_ptr<const lexicon::ActorLexicon> actors_;
  std::shared_ptr<const lexicon::EventLexicon> events_;
  std::shared_ptr<const lexicon::CameoTable> cameo_;
  std::shared_ptr<const events::TopicGate> topic_gate_;
  std::shared_ptr<const syntax::Model> syntax_model_;  // trained tagger + parser, or null
  std::unique_ptr<geo::Gazetteer> gazetteer_;
  std::unique_ptr<geo::PlaceResolver> places_;
  std::unique_ptr<actors::ActorRecognizer> recognizer_;
  std::unique_ptr<events::EventCoder> coder_;
  time::DateResolver dates_;
  std::string lexicon_version_;
  std::vector<std::string> warnings_;
  store::RecordContext ctx_;
};

}  // namespace

Result<std::unique_ptr<Coder>> Coder::Create(const CoderConfig& config) {
  auto impl = std::make_unique<CoderImpl>();
  DYAD_RETURN_IF_ERROR(impl->Init(config));
  return std::unique_ptr<Coder>(std::move(impl));
}

std::string Coder::TsvHeader() { return store::EventTsvHeader(); }

const char* Version() { return DYAD_VERSION; }

}  // namespace dyad
