#include "store/sqlite_store.h"

#include <map>
#include <vector>

#include "common/hash.h"
#include "geo/gazetteer.h"
#include "lexicon/cameo_table.h"
#include "store/event_sink.h"

namespace dyad::store {
namespace {

// Empty strings (not NULL) for absent text, so comparisons and prefixes need no NULL cases;
// NULL for absent numbers (no place: no lat/lon).
constexpr const char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- rid: stable integer row id, the FTS rowid and what mentions point at.
CREATE TABLE IF NOT EXISTS articles(
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
  publisher TEXT NOT NULL, url TEXT NOT NULL, date TEXT NOT NULL, title TEXT NOT NULL,
  text TEXT NOT NULL, lexicon_version TEXT NOT NULL, num_mentions INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, text, content='articles', content_rowid='rid', tokenize='unicode61 remove_diacritics 2');
-- articles_fts is filled by EventStore::Commit, one statement per transaction (not by a trigger:
-- FTS5 flushes its pending terms at every statement, which made per-row indexing 3x slower).
-- One row per event mention; spans are byte offsets into articles.text, -1 when absent.
CREATE TABLE IF NOT EXISTS mentions(
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL, event_key TEXT NOT NULL,
  article_rid INTEGER NOT NULL REFERENCES articles(rid),
  sentence_index INTEGER NOT NULL, sentence_begin INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
  lead INTEGER NOT NULL,
  source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
  target_begin INTEGER NOT NULL, target_end INTEGER NOT NULL,
  trigger_begin INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
  place_begin INTEGER NOT NULL, place_end INTEGER NOT NULL,
  trigger TEXT NOT NULL, rule TEXT NOT NULL, modality TEXT NOT NULL,
  date TEXT NOT NULL, date_basis TEXT NOT NULL, date_precision TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS mentions_key ON mentions(event_key, article_rid);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_rid);
-- One row per event_key. first_mention: the earliest stored mention (story id, sentence, URL).
CREATE TABLE IF NOT EXISTS events(
  event_key TEXT PRIMARY KEY, code TEXT NOT NULL, root TEXT NOT NULL,
  quad_class INTEGER, goldstein REAL, plover TEXT NOT NULL,
  date TEXT NOT NULL, date_to TEXT NOT NULL,
  source_code TEXT NOT NULL, source_country TEXT NOT NULL, source_sector TEXT NOT NULL,
  source_name TEXT NOT NULL,
  target_code TEXT NOT NULL, target_country TEXT NOT NULL, target_sector TEXT NOT NULL,
  target_name TEXT NOT NULL,
  place_key TEXT NOT NULL, place_name TEXT NOT NULL, place_country TEXT NOT NULL,
  place_admin1 TEXT NOT NULL, place_admin1_code TEXT NOT NULL, place_precision TEXT NOT NULL,
  lat REAL, lon REAL, geonames_id INTEGER,
  is_root INTEGER NOT NULL DEFAULT 0, first_mention INTEGER,
  num_mentions INTEGER NOT NULL DEFAULT 0, num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code, date);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code, date);
CREATE INDEX IF NOT EXISTS events_code ON events(code);
CREATE INDEX IF NOT EXISTS events_latlon ON events(lat, lon);
CREATE TABLE IF NOT EXISTS actors(
  code TEXT PRIMARY KEY, country TEXT NOT NULL, sector TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places(
  place_key TEXT PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL, country TEXT NOT NULL,
  admin1 TEXT NOT NULL, admin1_code TEXT NOT NULL, lat REAL, lon REAL, precision TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cameo(
  code TEXT PRIMARY KEY, name TEXT NOT NULL, goldstein REAL, quad_class INTEGER, plover TEXT NOT NULL,
  plover_mode TEXT NOT NULL DEFAULT '', plover_context TEXT NOT NULL DEFAULT '');
)sql";

constexpr const char kFindArticle[] = "SELECT rid, content_hash FROM articles WHERE id = ?1";
constexpr const char kInsertArticle[] =
    "INSERT INTO articles(id, content_hash, publisher, url, date, title, text, lexicon_version, "
    "num_mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce((SELECT value FROM meta "
    "WHERE key = 'lexicon_version'), ''), ?8)";
constexpr const char kInsertEvent[] =
    "INSERT INTO events(event_key, code, root, quad_class, goldstein, plover, date, date_to, "
    "source_code, source_country, source_sector, source_name, target_code, target_country, "
    "target_sector, target_name, place_key, place_name, place_country, place_admin1, "
    "place_admin1_code, place_precision, lat, lon, geonames_id, added_at, num_mentions, num_articles, "
    "num_sources, is_root, first_mention) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, 1, 1, ?28, ?29) "
    "ON CONFLICT(event_key) DO NOTHING";
constexpr const char kInsertMention[] =
    "INSERT INTO mentions(id, event_key, article_rid, sentence_index, sentence_begin, sentence_end, "
    "lead, source_begin, source_end, target_begin, target_end, trigger_begin, trigger_end, "
    "place_begin, place_end, trigger, rule, modality, date, date_basis, date_precision) VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";
// Every count comes from `mentions`, so merging, re-ingesting and replacing cannot make it drift.
constexpr const char kRecompute[] =
    "UPDATE events SET "
    "num_mentions = (SELECT count(*) FROM mentions WHERE event_key = ?1), "
    "num_articles = (SELECT count(DISTINCT article_rid) FROM mentions WHERE event_key = ?1), "
    "num_sources = (SELECT count(DISTINCT a.publisher) FROM mentions m JOIN articles a "
    "ON a.rid = m.article_rid WHERE m.event_key = ?1), "
    "is_root = coalesce((SELECT max(lead) FROM mentions WHERE event_key = ?1), 0), "
    "first_mention = (SELECT min(rid) FROM mentions WHERE event_key = ?1) "
    "WHERE event_key = ?1";
constexpr const char kDeleteEmpty[] = "DELETE FROM events WHERE event_key = ?1 AND num_mentions = 0";
constexpr const char kInsertActor[] =
    "INSERT OR IGNORE INTO actors(code, country, sector, name) VALUES (?1, ?2, ?3, ?4)";
constexpr const char kInsertPlace[] =
    "INSERT OR IGNORE INTO places(place_key, geonames_id, name, country, admin1, admin1_code, lat, "
    "lon, precision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr const char kInsertCameo[] =
    "INSERT INTO cameo(code, name, goldstein, quad_class, plover, plover_mode, plover_context) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(code) DO UPDATE SET plover_mode = excluded.plover_mode, "
    "plover_context = excluded.plover_context";
constexpr const char kArticleKeys[] = "SELECT DISTINCT event_key FROM mentions WHERE article_rid = ?1";
constexpr const char kDeleteMentions[] = "DELETE FROM mentions WHERE article_rid = ?1";
constexpr const char kDeleteArticle[] = "DELETE FROM articles WHERE rid = ?1";
constexpr const char kIndexArticles[] =
    "INSERT INTO articles_fts(rowid, title, text) SELECT rid, title, text FROM articles WHERE rid >= ?1";
constexpr const char kUnindexArticle[] =
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) SELECT 'delete', rid, title, text "
    "FROM articles WHERE rid = ?1";

// Index of the first paragraph that is not the title: events found there are "root" events
// (GDELT's IsRootEvent: reported in the lead paragraph).
int LeadSegment(const Document& doc) {
  for (size_t i = 0; i < doc.segments.size(); ++i) {
    if (!doc.segments[i].is_title) return static_cast<int>(i);
  }
  return -1;
}

void BindSpan(Statement& st, int i, const Span& s, bool present) {
  st.Bind(i, present ? static_cast<int64_t>(s.begin) : int64_t{-1});
  st.Bind(i + 1, present ? static_cast<int64_t>(s.end) : int64_t{-1});
}

}  // namespace

std::string ContentHash(const Article& a) {
  return Hasher().Add(a.title).Add(a.text).Add(a.date).Add(a.publisher).Add(a.url).Hex();
}

std::string PlaceKeyOf(const PlaceMention& p) {
  return p.geonames_id != 0 ? std::to_string(p.geonames_id) : p.country + ":" + p.name;
}

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path) {
  auto db = Database::Open(path, Database::kReadWrite);
  if (!db.ok()) return db.status();
  std::unique_ptr<EventStore> store(new EventStore(std::move(*db)));
  // WAL: readers never block the writer. synchronous=NORMAL: a commit survives a killed process
  // (the WAL is in the OS cache); only a power cut may lose the last commits, never consistency.
  // A 64 MiB page cache: event keys are hashes, so their index pages are touched at random.
  DYAD_RETURN_IF_ERROR(store->db_->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"));
  DYAD_RETURN_IF_ERROR(store->db_->Exec("BEGIN IMMEDIATE"));
  Status st = store->db_->Exec(kSchema);
  if (st.ok()) {
    // Version 1 had no PLOVER mode and context in the cameo table; the next ingest fills them.
    Statement v(*store->db_, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (v.Step() && v.Text(0) == "1") {
      v.Reset();
      st = store->db_->Exec(
          "ALTER TABLE cameo ADD COLUMN plover_mode TEXT NOT NULL DEFAULT '';"
          "ALTER TABLE cameo ADD COLUMN plover_context TEXT NOT NULL DEFAULT '';"
          "UPDATE meta SET value = '2' WHERE key = 'schema_version';");
    }
  }
  if (st.ok()) {
    Statement v(*store->db_, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (v.Step() && v.Text(0) != std::to_string(kSchemaVersion)) {
      st = Status::InvalidArgument(path + " has schema version " + std::string(v.Text(0)) +
                                   "; this dyad reads version " + std::to_string(kSchemaVersion));
    }
  }
  if (st.ok()) {
    Statement put(*store->db_, "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?1)");
    st = put.Bind(1, std::to_string(kSchemaVersion)).Run();
  }
  if (!st.ok()) {
    store->db_->Exec("ROLLBACK");
    return st;
  }
  DYAD_RETURN_IF_ERROR(store->db_->Exec("COMMIT"));
  DYAD_RETURN_IF_ERROR(store->Prepare());
  return store;
}

Status EventStore::Prepare() {
  auto make = [this](std::unique_ptr<Statement>* st, const char* sql) {
    *st = std::make_unique<Statement>(*db_, sql);
    return (*st)->status();
  };
  DYAD_RETURN_IF_ERROR(make(&find_article_, kFindArticle));
  DYAD_RETURN_IF_ERROR(make(&insert_article_, kInsertArticle));
  DYAD_RETURN_IF_ERROR(make(&insert_event_, kInsertEvent));
  DYAD_RETURN_IF_ERROR(make(&insert_mention_, kInsertMention));
  DYAD_RETURN_IF_ERROR(make(&recompute_, kRecompute));
  DYAD_RETURN_IF_ERROR(make(&delete_empty_, kDeleteEmpty));
  DYAD_RETURN_IF_ERROR(make(&insert_actor_, kInsertActor));
  DYAD_RETURN_IF_ERROR(make(&insert_place_, kInsertPlace));
  DYAD_RETURN_IF_ERROR(make(&insert_cameo_, kInsertCameo));
  DYAD_RETURN_IF_ERROR(make(&article_keys_, kArticleKeys));
  DYAD_RETURN_IF_ERROR(make(&delete_mentions_, kDeleteMentions));
  DYAD_RETURN_IF_ERROR(make(&index_articles_, kIndexArticles));
  DYAD_RETURN_IF_ERROR(make(&unindex_article_, kUnindexArticle));
  return make(&delete_article_, kDeleteArticle);
}

Status EventStore::SetVersions(const std::string& dyad_version, const std::string& lexicon_version) {
  Statement put(*db_, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
  DYAD_RETURN_IF_ERROR(put.Bind(1, "dyad_version").Bind(2, dyad_version).Run());
  return put.Bind(1, "lexicon_version").Bind(2, lexicon_version).Run();
}

Status EventStore::Begin() { return db_->Exec("BEGIN IMMEDIATE"); }

Status EventStore::Commit() {
  if (fts_pending_from_ != 0) {
    DYAD_RETURN_IF_ERROR(index_articles_->Bind(1, fts_pending_from_).Run());
    fts_pending_from_ = 0;
  }
  return db_->Exec("COMMIT");
}

Status EventStore::Rollback() {
  fts_pending_from_ = 0;
  seen_actors_.clear();
  seen_places_.clear();
  seen_cameo_.clear();
  return db_->Exec("ROLLBACK");
}

Result<AddOutcome> EventStore::Add(const Document& doc, const std::string& content_hash,
                                   const IngestContext& ctx) {
  AddOutcome outcome = AddOutcome::kAdded;
  find_article_->Bind(1, doc.article.id);
  if (find_article_->Step()) {
    int64_t old_rid = find_article_->Int(0);
    bool same = find_article_->Text(1) == content_hash;
    find_article_->Reset();
    if (same) return AddOutcome::kUnchanged;
    DYAD_RETURN_IF_ERROR(RemoveArticle(old_rid));
    outcome = AddOutcome::kReplaced;
  } else {
    DYAD_RETURN_IF_ERROR(find_article_->status());
    find_article_->Reset();
  }
  const Article& a = doc.article;
  insert_article_->Bind(1, a.id).Bind(2, content_hash).Bind(3, a.publisher).Bind(4, a.url);
  insert_article_->Bind(5, a.date).Bind(6, a.title).Bind(7, a.text);
  insert_article_->Bind(8, static_cast<int64_t>(doc.events.size()));
  DYAD_RETURN_IF_ERROR(insert_article_->Run());
  int64_t rid = db_->LastInsertRowid();
  if (fts_pending_from_ == 0) fts_pending_from_ = rid;
  int lead = LeadSegment(doc);
  // Mentions first, grouped by key (ordered, so row order does not depend on hashing); then one
  // event row per key. A key new to the store gets its counts from this article alone; a key
  // already stored has them recomputed from all its mentions.
  std::map<std::string, KeyMentions> keys;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    std::string key = EventKey(doc.events[i], doc);
    bool is_lead = false;
    DYAD_RETURN_IF_ERROR(AddMention(doc, doc.events[i], key, rid, lead, &is_lead));
    auto [it, inserted] = keys.try_emplace(std::move(key));
    KeyMentions& k = it->second;
    if (inserted) {
      k.first_event = i;
      k.first_mention = db_->LastInsertRowid();
    }
    ++k.count;
    k.lead = k.lead || is_lead;
  }
  for (const auto& [key, k] : keys) {
    DYAD_RETURN_IF_ERROR(AddEvent(doc, doc.events[k.first_event], key, k, ctx));
    if (db_->Changes() == 0) DYAD_RETURN_IF_ERROR(RecomputeEvent(key));
  }
  return outcome;
}

Status EventStore::RemoveArticle(int64_t rid) {
  std::vector<std::string> keys;
  article_keys_->Bind(1, rid);
  while (article_keys_->Step()) keys.emplace_back(article_keys_->Text(0));
  DYAD_RETURN_IF_ERROR(article_keys_->status());
  article_keys_->Reset();
  DYAD_RETURN_IF_ERROR(delete_mentions_->Bind(1, rid).Run());
  // Only an article indexed by an earlier commit is in articles_fts.
  if (fts_pending_from_ == 0 || rid < fts_pending_from_) {
    DYAD_RETURN_IF_ERROR(unindex_article_->Bind(1, rid).Run());
  }
  DYAD_RETURN_IF_ERROR(delete_article_->Bind(1, rid).Run());
  for (const std::string& key : keys) {
    DYAD_RETURN_IF_ERROR(RecomputeEvent(key));
    DYAD_RETURN_IF_ERROR(delete_empty_->Bind(1, key).Run());
  }
  return Status::Ok();
}

Status EventStore::RecomputeEvent(const std::string& key) { return recompute_->Bind(1, key).Run(); }

Status EventStore::AddEvent(const Document& doc, const Event& e, const std::string& key, const KeyMentions& k,
                            const IngestContext& ctx) {
  const lexicon::CameoCode* code = ctx.cameo ? ctx.cameo->Find(e.cameo) : nullptr;
  const PlaceMention* p = e.place >= 0 ? &doc.places[e.place] : nullptr;
  std::string place_key = p ? PlaceKeyOf(*p) : "";
  std::string admin1_code = p ? Admin1Code(*p, ctx) : "";
  DYAD_RETURN_IF_ERROR(NoteActor(e.source));
  if (e.has_target) DYAD_RETURN_IF_ERROR(NoteActor(e.target));
  if (p) DYAD_RETURN_IF_ERROR(NotePlace(place_key, *p, admin1_code));
  DYAD_RETURN_IF_ERROR(NoteCameo(e.cameo, ctx));

  Statement& ev = *insert_event_;
  ev.Bind(1, key).Bind(2, e.cameo).Bind(3, e.cameo.substr(0, 2));
  if (code) ev.Bind(4, code->quad_class).Bind(5, code->goldstein); else ev.BindNull(4).BindNull(5);
  ev.Bind(6, code ? std::string_view(code->plover) : std::string_view());
  ev.Bind(7, e.date.from.ToString()).Bind(8, e.date.to.ToString());
  ev.Bind(9, e.source.code).Bind(10, e.source.country).Bind(11, e.source.sector).Bind(12, e.source.name);
  const EventActor none;
  const EventActor& t = e.has_target ? e.target : none;
  ev.Bind(13, t.code).Bind(14, t.country).Bind(15, t.sector).Bind(16, t.name);
  ev.Bind(17, place_key);
  if (p) {
    ev.Bind(18, p->name).Bind(19, p->country).Bind(20, p->admin1).Bind(21, admin1_code);
    ev.Bind(22, p->precision).Bind(23, p->lat).Bind(24, p->lon);
    if (p->geonames_id != 0) ev.Bind(25, p->geonames_id); else ev.BindNull(25);
  } else {
    for (int i = 18; i <= 22; ++i) ev.Bind(i, std::string_view());
    ev.BindNull(23).BindNull(24).BindNull(25);
  }
  ev.Bind(26, ctx.added_at).Bind(27, k.count).Bind(28, int64_t{k.lead}).Bind(29, k.first_mention);
  return ev.Run();
}

Status EventStore::AddMention(const Document& doc, const Event& e, const std::string& key, int64_t article_rid,
                              int lead_segment, bool* lead) {
  const PlaceMention* p = e.place >= 0 ? &doc.places[e.place] : nullptr;
  const Sentence& s = doc.sentences[e.sentence];
  *lead = lead_segment >= 0 && s.segment == static_cast<uint32_t>(lead_segment);
  Statement& m = *insert_mention_;
  m.Bind(1, EventId(doc, e)).Bind(2, key).Bind(3, article_rid).Bind(4, static_cast<int64_t>(e.sentence));
  BindSpan(m, 5, s.span, true);
  m.Bind(7, int64_t{*lead});
  BindSpan(m, 8, e.source.span, true);
  BindSpan(m, 10, e.target.span, e.has_target);
  BindSpan(m, 12, e.trigger, true);
  BindSpan(m, 14, p ? p->span : Span{}, p != nullptr);
  m.Bind(16, doc.Text(e.trigger)).Bind(17, e.rule).Bind(18, e.modality);
  m.Bind(19, e.date.from.ToString()).Bind(20, e.date_basis).Bind(21, DatePrecisionName(e.date.precision));
  return m.Run();
}

Status EventStore::NoteActor(const EventActor& a) {
  if (a.code.empty() || !seen_actors_.insert(a.code).second) return Status::Ok();
  return insert_actor_->Bind(1, a.code).Bind(2, a.country).Bind(3, a.sector).Bind(4, a.name).Run();
}

Status EventStore::NotePlace(const std::string& key, const PlaceMention& p, const std::string& admin1_code) {
  if (!seen_places_.insert(key).second) return Status::Ok();
  Statement& st = *insert_place_;
  st.Bind(1, key);
  if (p.geonames_id != 0) st.Bind(2, p.geonames_id); else st.BindNull(2);
  st.Bind(3, p.name).Bind(4, p.country).Bind(5, p.admin1).Bind(6, admin1_code);
  st.Bind(7, p.lat).Bind(8, p.lon).Bind(9, p.precision);
  return st.Run();
}

Status EventStore::NoteCameo(const std::string& code, const IngestContext& ctx) {
  if (!seen_cameo_.insert(code).second) return Status::Ok();
  // The code and its root, so labels exist for `dyad top --by code` at both levels.
  for (const std::string& c : {code, code.substr(0, 2)}) {
    const lexicon::CameoCode* row = ctx.cameo ? ctx.cameo->Find(c) : nullptr;
    if (!row) continue;
    insert_cameo_->Bind(1, row->code).Bind(2, row->name).Bind(3, row->goldstein);
    insert_cameo_->Bind(4, row->quad_class).Bind(5, row->plover).Bind(6, row->plover_mode);
    insert_cameo_->Bind(7, row->plover_context);
    DYAD_RETURN_IF_ERROR(insert_cameo_->Run());
  }
  return Status::Ok();
}

// GeoNames admin1 code of the place's province ("08" for Kabul province), found by name in the
// gazetteer; "" for countries or when unknown. For most countries GeoNames admin1 codes are the
// FIPS 10-4 subdivision codes GDELT uses (ADM1 = FIPS country + this code).
std::string EventStore::Admin1Code(const PlaceMention& p, const IngestContext& ctx) {
  if (!ctx.gazetteer || p.admin1.empty() || p.precision == "country") return "";
  std::string cache_key = p.country + "\t" + p.admin1;
  auto it = admin1_codes_.find(cache_key);
  if (it != admin1_codes_.end()) return it->second;
  std::string code;
  if (auto prov = ctx.gazetteer->Province(p.country, geo::Gazetteer::NormalizeName(p.admin1))) {
    code = std::string(prov->admin1_code);
  }
  admin1_codes_.emplace(cache_key, code);
  return code;
}

}  // namespace dyad::store
