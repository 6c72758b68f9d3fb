// The SQLite event store: coded Documents in, tables an analyst can query out.
//
// Tables (see kSchema in sqlite_store.cc for every column):
//   meta      key/value: schema_version, dyad_version, lexicon_version (of the last ingest)
//   articles  one row per article: id, content_hash, publisher, url, date, title, text; FTS5 index
//             articles_fts over title and text
//   mentions  one row per event mention (a `dyad code` record): event id, event_key, article,
//             sentence index, byte spans (sentence, source, target, trigger, place), trigger, rule
//   events    one row per event_key (the real-world event): code, root, quad_class, goldstein,
//             plover, date, source/target code, country, sector, name, place fields, is_root,
//             num_mentions, num_articles (distinct articles), num_sources (distinct publishers)
//   actors, places, cameo   the actor codes, places and CAMEO codes seen, for labels and exports
//
// Example: two articles from different publishers both report "USAGOV 041 PAKMIL on 2021-08-10";
// the two mentions share one event_key, so `events` holds one row with num_mentions 2,
// num_articles 2, num_sources 2.
//
// Idempotent: an article whose id and content hash are already stored adds nothing; an article
// whose id is stored with another hash replaces the old version (its mentions are removed and the
// counts of the events they belonged to recomputed). Counts are always recomputed from `mentions`,
// so they cannot drift. Writes happen inside caller-controlled transactions (Begin/Commit); the
// database uses WAL with synchronous=NORMAL, so a killed process loses at most the open
// transaction and never leaves a half-written article.
//
// Not thread-safe: one EventStore per thread (readers open their own Database).
#ifndef DYAD_STORE_SQLITE_STORE_H_
#define DYAD_STORE_SQLITE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "dyad/document.h"
#include "dyad/status.h"
#include "store/sqlite_db.h"

namespace dyad::lexicon {
class CameoTable;
}
namespace dyad::geo {
class Gazetteer;
}

namespace dyad::store {

inline constexpr int kSchemaVersion = 2;

// What the store needs besides the Document.
struct IngestContext {
  const lexicon::CameoTable* cameo = nullptr;    // quad_class, goldstein, plover, code names
  const geo::Gazetteer* gazetteer = nullptr;     // admin1 codes of places; may be null
  std::string added_at;                          // UTC "YYYYMMDDHHMMSS" stamped on new events
};

enum class AddOutcome { kAdded, kUnchanged, kReplaced };

// Hash of everything in an article that coding reads (title, text, date, publisher, url).
std::string ContentHash(const Article& a);

class EventStore {
 public:
  // Opens or creates the database at `path` and brings its schema up to date.
  static Result<std::unique_ptr<EventStore>> Open(const std::string& path);

  // Records the versions that coded what follows (meta.dyad_version, meta.lexicon_version).
  Status SetVersions(const std::string& dyad_version, const std::string& lexicon_version);

  // Every Add happens between Begin and Commit; Commit also indexes the transaction's articles
  // for full-text search.
  Status Begin();
  Status Commit();
  Status Rollback();

  // Stores `doc` (already coded) unless its id and `content_hash` are already stored.
  Result<AddOutcome> Add(const Document& doc, const std::string& content_hash, const IngestContext& ctx);

  Database& db() { return *db_; }

 private:
  explicit EventStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Status Prepare();
  Status RemoveArticle(int64_t rid);
  Status RecomputeEvent(const std::string& key);
  // The mentions of one event key within one article.
  struct KeyMentions {
    size_t first_event = 0;     // index into doc.events
    int64_t first_mention = 0;  // mentions.rid
    int64_t count = 0;
    bool lead = false;
  };
  Status AddMention(const Document& doc, const Event& e, const std::string& key, int64_t article_rid,
                    int lead_segment, bool* lead);
  Status AddEvent(const Document& doc, const Event& e, const std::string& key, const KeyMentions& k,
                  const IngestContext& ctx);
  Status NoteActor(const EventActor& a);
  Status NotePlace(const std::string& key, const PlaceMention& p, const std::string& admin1_code);
  Status NoteCameo(const std::string& code, const IngestContext& ctx);
  std::string Admin1Code(const PlaceMention& p, const IngestContext& ctx);

  std::unique_ptr<Database> db_;
  std::unique_ptr<Statement> find_article_, insert_article_, insert_event_, insert_mention_,
      recompute_, delete_empty_, insert_actor_, insert_place_, insert_cameo_, article_keys_,
      delete_mentions_, delete_article_, index_articles_, unindex_article_;
  // Lowest articles.rid added in the open transaction and not yet in articles_fts; 0 = none.
  int64_t fts_pending_from_ = 0;
  // Codes and places already written in this process; cleared on rollback.
  std::unordered_set<std::string> seen_actors_, seen_places_, seen_cameo_;
  std::unordered_map<std::string, std::string> admin1_codes_;
};

// The JSON-free key of a place, as in event keys: the GeoNames id, else "ISO3:name".
std::string PlaceKeyOf(const PlaceMention& p);

}  // namespace dyad::store

#endif  // DYAD_STORE_SQLITE_STORE_H_
