#include "serve/api.h"

#include "common/json_writer.h"
#include "serve/event_index.h"
#include "store/analysis.h"

#include <deque>
#include <optional>
#include <vector>

namespace dyad::serve {
namespace {

using store::Database;
using store::Statement;

// The WHERE clause of an events query from constant fragments, and the binding of its values.
// Parameter numbers are fixed per filter, so absent filters leave gaps (SQLite allows them).
std::string EventsWhere(const EventsQuery& q) {
  std::string w = "1";
  // Range scans on the (source_code, date) and (target_code, date) indexes: ?2 = ?1 + 0xFF, a
  // byte that never occurs in UTF-8, so [?1, ?2) holds exactly the codes starting with ?1.
  if (!q.actor.empty()) {
    w += " AND ((e.source_code >= ?1 AND e.source_code < ?2) OR (e.target_code >= ?1 AND e.target_code < ?2))";
  }
  if (!q.country.empty()) w += " AND (e.source_country = ?3 OR e.target_country = ?3 OR e.place_country = ?3)";
  if (!q.code.empty()) w += " AND e.code = ?4";
  if (!q.root.empty()) w += " AND e.root = ?5";
  if (!q.from.empty()) w += " AND e.date >= ?6";
  if (!q.to.empty()) w += " AND e.date <= ?7";
  if (q.box) w += " AND e.lat BETWEEN ?8 AND ?9 AND e.lon BETWEEN ?10 AND ?11";
  if (!q.text.empty()) {
    w += " AND e.event_key IN (SELECT t.event_key FROM mentions t WHERE t.article_rid IN "
         "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?12))";
  }
  return w;
}

void BindEvents(Statement& st, const EventsQuery& q) {
  st.Bind(1, q.actor).Bind(2, q.actor + "\xff").Bind(3, q.country).Bind(4, q.code).Bind(5, q.root);
  st.Bind(6, q.from).Bind(7, q.to);
  if (q.box) st.Bind(8, q.box->min_lat).Bind(9, q.box->max_lat).Bind(10, q.box->min_lon).Bind(11, q.box->max_lon);
  if (!q.text.empty()) st.Bind(12, PlainTerms(q.text));
}

// A REAL or INTEGER column that may be NULL.
void NumberOrNull(JsonWriter& w, const Statement& st, int col, int decimals = 6) {
  if (st.IsNull(col)) {
    w.Null();
  } else {
    w.Double(st.Double(col), decimals);
  }
}

void Actor(JsonWriter& w, std::string_view key, const Statement& st, int col) {
  w.Key(key).BeginObject();
  w.Field("code", st.Text(col)).Field("name", st.Text(col + 1)).Field("country", st.Text(col + 2));
  w.EndObject();
}

constexpr const char kEventColumns[] =
    "e.event_key, e.date, e.code, e.root, e.quad_class, e.goldstein, e.plover, "
    "e.source_code, e.source_name, e.source_country, e.target_code, e.target_name, e.target_country, "
    "e.place_name, e.place_country, e.lat, e.lon, e.num_mentions, e.num_articles, e.num_sources, "
    "coalesce(c.name, ''), coalesce(a.id, ''), coalesce(m.sentence_index, -1), "
    // Spans are byte offsets: cut the article's bytes, not its characters.
    "coalesce(CAST(substr(CAST(a.text AS BLOB), m.sentence_begin + 1, m.sentence_end - m.sentence_begin) "
    "AS TEXT), '')";

void EventObject(JsonWriter& w, const Statement& st) {
  w.BeginObject();
  w.Field("event_key", st.Text(0)).Field("date", st.Text(1)).Field("code", st.Text(2));
  w.Field("code_name", st.Text(20)).Field("root", st.Text(3));
  w.Key("quad_class");
  if (st.IsNull(4)) {
    w.Null();
  } else {
    w.Int(st.Int(4));
  }
  w.Key("goldstein");
  NumberOrNull(w, st, 5, 2);
  w.Field("plover", st.Text(6));
  Actor(w, "source", st, 7);
  Actor(w, "target", st, 10);
  w.Key("place").BeginObject().Field("name", st.Text(13)).Field("country", st.Text(14)).Key("lat");
  NumberOrNull(w, st, 15, 4);
  w.Key("lon");
  NumberOrNull(w, st, 16, 4);
  w.EndObject();
  w.Field("num_mentions", st.Int(17)).Field("num_articles", st.Int(18)).Field("num_sources", st.Int(19));
  w.Field("article_id", st.Text(21)).Field("sentence_index", st.Int(22)).Field("sentence", st.Text(23));
  w.EndObject();
}

}  // namespace

std::string ErrorJson(std::string_view message) {
  std::string out;
  JsonWriter(&out).BeginObject().Field("error", message).EndObject();
  return out;
}

namespace {

// The rows of the query's text filter, or null without one.
Result<std::shared_ptr<const TextRows>> TextFilter(Database& db, const EventsQuery& q, const EventIndex& index) {
  if (q.text.empty()) return std::shared_ptr<const TextRows>();
  return index.MatchText(db, q.text);
}

// The page's events from the snapshot's memo of event JSON, rendering from SQL the ones not
// shown before.
Result<std::string> EventsFromIndex(Database& db, const EventsQuery& q, const EventIndex& index) {
  auto text = TextFilter(db, q, index);
  if (!text.ok()) return text.status();
  PageResult page = index.Page(q, text->get());
  std::vector<const std::string*> events(page.rows.size());
  std::deque<std::string> rendered;  // rows rendered here (stable addresses), until kept
  std::optional<Statement> st;
  size_t bytes = 64;
  for (size_t i = 0; i < page.rows.size(); ++i) {
    uint32_t row = page.rows[i];
    events[i] = index.EventJson(row);
    if (events[i] == nullptr) {
      if (!st) {
        st.emplace(db, std::string("SELECT ") + kEventColumns +
                           " FROM events e LEFT JOIN mentions m ON m.rid = e.first_mention "
                           "LEFT JOIN articles a ON a.rid = m.article_rid LEFT JOIN cameo c ON c.code = e.code "
                           "WHERE e.rowid = ?1");
      }
      st->Bind(1, index.rowid(row));
      JsonWriter one(&rendered.emplace_back());
      if (st->Step()) EventObject(one, *st);  // a row deleted since the snapshot stays ""
      if (!st->status().ok()) return st->status();
      st->Reset();
      events[i] = index.KeepEventJson(row, &rendered.back());
    }
    bytes += events[i]->size() + 1;
  }
  std::string out;
  out.reserve(bytes);
  JsonWriter w(&out);
  w.BeginObject().Key("events").BeginArray();
  for (const std::string* e : events) {
    if (!e->empty()) w.Raw(*e);
  }
  w.EndArray().Field("limit", q.limit).Field("offset", q.offset).Key("more").Bool(page.more).EndObject();
  return out;
}

}  // namespace

Result<std::string> EventsJson(Database& db, const EventsQuery& q, const EventIndex* index) {
  if (index) return EventsFromIndex(db, q, *index);
  // Page first (on the date index when it helps), then join the page's labels and sentences.
  std::string sql = std::string("SELECT ") + kEventColumns +
                    " FROM (SELECT * FROM events e WHERE " + EventsWhere(q) +
                    " ORDER BY e.date DESC, e.rowid DESC LIMIT ?13 OFFSET ?14) e "
                    "LEFT JOIN mentions m ON m.rid = e.first_mention "
                    "LEFT JOIN articles a ON a.rid = m.article_rid "
                    "LEFT JOIN cameo c ON c.code = e.code ORDER BY e.date DESC, e.rowid DESC";
  Statement st(db, sql);
  BindEvents(st, q);
  st.Bind(13, int64_t{q.limit + 1}).Bind(14, q.offset);  // one extra row tells whether more follow
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("events").BeginArray();
  int n = 0;
  bool more = false;
  while (st.Step()) {
    if (n == q.limit) {
      more = true;
      break;
    }
    EventObject(w, st);
    ++n;
  }
  if (!st.status().ok()) return st.status();
  w.EndArray().Field("limit", q.limit).Field("offset", q.offset).Key("more").Bool(more).EndObject();
  return out;
}

Result<std::string> TimelineJson(Database& db, const EventsQuery& q, const EventIndex* index) {
  if (index) {
    auto text = TextFilter(db, q, *index);
    if (!text.ok()) return text.status();
    std::string out;
    JsonWriter w(&out);
    w.BeginObject().Key("days").BeginArray();
    for (const DayCount& d : index->Timeline(q, text->get())) {
      w.BeginObject().Field("date", d.date).Field("events", d.events).Key("quad").BeginArray();
      for (int64_t c : d.quad) w.Int(c);
      w.EndArray().EndObject();
    }
    w.EndArray().EndObject();
    return out;
  }
  std::string sql = "SELECT e.date, count(*), total(e.quad_class = 1), total(e.quad_class = 2), "
                    "total(e.quad_class = 3), total(e.quad_class = 4) FROM events e WHERE e.date != '' AND " +
                    EventsWhere(q) + " GROUP BY e.date ORDER BY e.date";
  Statement st(db, sql);
  BindEvents(st, q);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("days").BeginArray();
  while (st.Step()) {
    w.BeginObject().Field("date", st.Text(0)).Field("events", st.Int(1)).Key("quad").BeginArray();
    for (int i = 0; i < 4; ++i) w.Int(static_cast<int64_t>(st.Double(2 + i)));
    w.EndArray().EndObject();
  }
  if (!st.status().ok()) return st.status();
  w.EndArray().EndObject();
  return out;
}

Result<std::string> RelationsJson(Database& db, const store::RelationsQuery& q, const EventIndex* index) {
  auto rows = index ? Result<std::vector<store::RelationsRow>>(index->Relations(q)) : store::Relations(db, q);
  if (!rows.ok()) return rows.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Field("a", q.a).Field("b", q.b).Key("directed").Bool(q.directed).Key("periods").BeginArray();
  for (const store::RelationsRow& r : *rows) {
    w.BeginObject().Field("period", r.period).Field("total", r.total).Field("events", r.events);
    w.Key("quad").BeginArray();
    for (int64_t c : r.quad) w.Int(c);
    w.EndArray().Key("goldstein_sum").Double(r.goldstein_sum, 2).Key("goldstein_mean");
    if (r.goldstein_mean) {
      w.Double(*r.goldstein_mean, 3);
    } else {
      w.Null();
    }
    w.Key("share").Double(r.share, 6).Key("quad_share").BeginArray();
    for (double s : r.quad_share) w.Double(s, 6);
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return out;
}

Result<std::string> TopJson(Database& db, const TopQuery& q, const EventIndex* index) {
  auto rows = index ? Result<std::vector<store::TopRow>>(index->Top(q.by, q.limit, q.from, q.to))
                    : store::Top(db, q.by, q.limit, q.from, q.to);
  if (!rows.ok()) return rows.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("rows").BeginArray();
  for (const store::TopRow& r : *rows) {
    w.BeginObject().Field("key", r.key).Field("label", r.label).Field("events", r.events);
    w.Field("mentions", r.mentions).EndObject();
  }
  w.EndArray().EndObject();
  return out;
}

Result<std::string> SearchJson(Database& db, const SearchQuery& q) {
  // Plain terms: user text is never parsed as FTS5 syntax (NEAR, column filters, prefixes).
  auto hits = store::Search(db, PlainTerms(q.q), q.limit);
  if (!hits.ok()) return hits.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("hits").BeginArray();
  for (const store::SearchHit& h : *hits) {
    w.BeginObject().Field("article_id", h.article_id).Field("date", h.date).Field("title", h.title);
    w.Field("publisher", h.publisher).Field("url", h.url).Field("snippet", h.snippet);
    w.Key("score").Double(h.score, 4).Key("events").BeginArray();
    for (const store::SearchEvent& e : h.events) {
      w.BeginObject().Field("event_key", e.event_key).Field("code", e.code).Field("source", e.source_code);
      w.Field("target", e.target_code).Field("date", e.date).Field("place", e.place);
      w.Field("sentence_index", e.sentence_index).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return out;
}

Result<std::string> ArticleJson(Database& db, std::string_view id) {
  Statement a(db, "SELECT rid, id, title, date, publisher, url, text FROM articles WHERE id = ?1");
  a.Bind(1, id);
  if (!a.Step()) {
    if (!a.status().ok()) return a.status();
    return Status::NotFound("no article with this id");
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Field("id", a.Text(1)).Field("title", a.Text(2)).Field("date", a.Text(3));
  w.Field("publisher", a.Text(4)).Field("url", a.Text(5)).Field("text", a.Text(6));
  Statement m(db,
              "SELECT m.id, m.event_key, m.sentence_index, m.sentence_begin, m.sentence_end, "
              "m.source_begin, m.source_end, m.target_begin, m.target_end, m.trigger_begin, "
              "m.trigger_end, m.place_begin, m.place_end, m.trigger, m.modality, e.code, "
              "coalesce(c.name, ''), e.quad_class, e.source_code, e.source_name, e.target_code, "
              "e.target_name, e.place_name, m.date FROM mentions m JOIN events e ON e.event_key = m.event_key "
              "LEFT JOIN cameo c ON c.code = e.code WHERE m.article_rid = ?1 ORDER BY m.rid");
  m.Bind(1, a.Int(0));
  w.Key("mentions").BeginArray();
  static constexpr const char* kSpans[] = {"sentence", "source", "target", "trigger", "place"};
  while (m.Step()) {
    w.BeginObject().Field("id", m.Text(0)).Field("event_key", m.Text(1)).Field("sentence_index", m.Int(2));
    w.Key("spans").BeginObject();
    for (int i = 0; i < 5; ++i) {
      w.Key(kSpans[i]).BeginArray().Int(m.Int(3 + 2 * i)).Int(m.Int(4 + 2 * i)).EndArray();
    }
    w.EndObject().Field("trigger", m.Text(13)).Field("modality", m.Text(14)).Field("code", m.Text(15));
    w.Field("code_name", m.Text(16)).Key("quad_class");
    if (m.IsNull(17)) {
      w.Null();
    } else {
      w.Int(m.Int(17));
    }
    w.Field("source_code", m.Text(18)).Field("source_name", m.Text(19)).Field("target_code", m.Text(20));
    w.Field("target_name", m.Text(21)).Field("place", m.Text(22)).Field("date", m.Text(23)).EndObject();
  }
  if (!m.status().ok()) return m.status();
  w.EndArray().EndObject();
  return out;
}

Result<std::string> MetaJson(Database& db, const EventIndex* index) {
  if (index) {
    Statement v(db, "SELECT key, value FROM meta ORDER BY key");
    std::string out;
    JsonWriter w(&out);
    w.BeginObject().Field("events", static_cast<int64_t>(index->size())).Field("articles", index->articles());
    w.Field("first_date", index->first_date()).Field("last_date", index->last_date()).Key("meta").BeginObject();
    while (v.Step()) w.Field(v.Text(0), v.Text(1));
    if (!v.status().ok()) return v.status();
    w.EndObject().EndObject();
    return out;
  }
  Statement e(db, "SELECT count(*), coalesce(min(nullif(date, '')), ''), coalesce(max(date), '') FROM events");
  Statement a(db, "SELECT count(*) FROM articles");
  Statement v(db, "SELECT key, value FROM meta ORDER BY key");
  if (!e.Step() || !a.Step()) return e.status().ok() ? a.status() : e.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Field("events", e.Int(0)).Field("articles", a.Int(0)).Field("first_date", e.Text(1));
  w.Field("last_date", e.Text(2)).Key("meta").BeginObject();
  while (v.Step()) w.Field(v.Text(0), v.Text(1));
  if (!v.status().ok()) return v.status();
  w.EndObject().EndObject();
  return out;
}

}  // namespace dyad::serve
