#include "store/analysis.h"

#include <cctype>

#include "store/country_codes.h"

namespace dyad::store {
namespace {

// SQL for the period of `events.date`. Chosen from a fixed set, never from user text.
const char* PeriodSql(Period p) {
  switch (p) {
    case Period::kDay: return "date";
    case Period::kWeek: return "date(date, 'weekday 0', '-6 days')";  // the ISO week's Monday
    case Period::kMonth: return "substr(date, 1, 7)";
  }
  return "date";
}

// The date window shared by every query: ?F and ?T, "" = open.
constexpr const char kDateWindow[] = "date != '' AND (?10 = '' OR date >= ?10) AND (?11 = '' OR date <= ?11)";

}  // namespace

std::string ActorCodeLabel(Statement& st, const std::string& code, Status* error) {
  st.Bind(1, code);
  std::string label = code;
  if (st.Step()) {
    if (!CountryName(st.Text(0)).empty())
      label = ActorLabel(st.Text(0), st.Text(1));
    else if (!st.Text(2).empty())
      label = std::string(st.Text(2));
  }
  if (error != nullptr && !st.status().ok()) *error = st.status();
  st.Reset();
  return label;
}

std::optional<Period> ParsePeriod(std::string_view name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  return std::nullopt;
}

std::optional<TopBy> ParseTopBy(std::string_view name) {
  if (name == "dyad") return TopBy::kDyad;
  if (name == "actor") return TopBy::kActor;
  if (name == "place") return TopBy::kPlace;
  if (name == "code") return TopBy::kCode;
  return std::nullopt;
}

Result<std::vector<RelationsRow>> Relations(Database& db, const RelationsQuery& q) {
  // d: the event is between A and B. ?1 = A, ?2 = B, ?3 = 1 when directed.
  std::string sql = std::string("SELECT p, count(*), total(d), total(d AND quad_class = 1), ") +
                    "total(d AND quad_class = 2), total(d AND quad_class = 3), "
                    "total(d AND quad_class = 4), total(CASE WHEN d THEN goldstein END), "
                    "avg(CASE WHEN d THEN goldstein END) FROM (SELECT " +
                    PeriodSql(q.by) +
                    " AS p, quad_class, goldstein, "
                    "(substr(source_code, 1, length(?1)) = ?1 AND substr(target_code, 1, length(?2)) = ?2) "
                    "OR (?3 = 0 AND substr(source_code, 1, length(?2)) = ?2 "
                    "AND substr(target_code, 1, length(?1)) = ?1) AS d FROM events WHERE " +
                    kDateWindow + ") GROUP BY p ORDER BY p";
  Statement st(db, sql);
  st.Bind(1, q.a).Bind(2, q.b).Bind(3, int64_t{q.directed}).Bind(10, q.from).Bind(11, q.to);
  std::vector<RelationsRow> rows;
  while (st.Step()) {
    RelationsRow r;
    r.period = std::string(st.Text(0));
    r.total = st.Int(1);
    r.events = static_cast<int64_t>(st.Double(2));
    for (int i = 0; i < 4; ++i) r.quad[i] = static_cast<int64_t>(st.Double(3 + i));
    r.goldstein_sum = st.Double(7);
    if (!st.IsNull(8)) r.goldstein_mean = st.Double(8);
    if (r.total > 0) {
      r.share = static_cast<double>(r.events) / r.total;
      for (int i = 0; i < 4; ++i) r.quad_share[i] = static_cast<double>(r.quad[i]) / r.total;
    }
    rows.push_back(std::move(r));
  }
  if (!st.status().ok()) return st.status();
  return rows;
}

Result<std::vector<TopRow>> Top(Database& db, TopBy by, int limit, const std::string& from,
                                const std::string& to) {
  std::string w = kDateWindow;
  std::string sql;
  switch (by) {
    case TopBy::kDyad:
      sql = "SELECT source_code || '>' || target_code, '', '', '', '', count(*), sum(num_mentions) FROM events WHERE target_code != '' AND " + w +
            " GROUP BY source_code, target_code ORDER BY 6 DESC, 7 DESC, 1 LIMIT ?1";
      break;
    case TopBy::kActor:
      sql = "SELECT code, '', '', '', '', count(*), sum(m) FROM (SELECT source_code AS code, "
            "num_mentions AS m FROM events WHERE " + w + " UNION ALL SELECT target_code, num_mentions "
            "FROM events WHERE target_code != '' AND " + w + ") GROUP BY code ORDER BY 6 DESC, 7 DESC, 1 "
            "LIMIT ?1";
      break;
    case TopBy::kPlace:
      sql = "SELECT place_key, place_name, place_country, '', '', count(*), sum(num_mentions) FROM events "
            "WHERE place_key != '' AND " + w + " GROUP BY place_key ORDER BY 6 DESC, 7 DESC, 1 LIMIT ?1";
      break;
    case TopBy::kCode:
      sql = "SELECT e.code, coalesce(c.name, ''), '', '', '', count(*), sum(e.num_mentions) FROM events e "
            "LEFT JOIN cameo c ON c.code = e.code WHERE " + w +
            " GROUP BY e.code ORDER BY 6 DESC, 7 DESC, 1 LIMIT ?1";
      break;
  }
  Statement st(db, sql);
  st.Bind(1, int64_t{limit}).Bind(10, from).Bind(11, to);
  std::vector<TopRow> rows;
  while (st.Step()) {
    TopRow r;
    r.key = std::string(st.Text(0));
    switch (by) {
      case TopBy::kPlace: {
        std::string_view country = CountryName(st.Text(2));
        r.label = std::string(st.Text(1)) + ", " + std::string(country.empty() ? st.Text(2) : country);
        break;
      }
      default:
        r.label = std::string(st.Text(1));
    }
    r.events = st.Int(5);
    r.mentions = st.Int(6);
    rows.push_back(std::move(r));
  }
  if (!st.status().ok()) return st.status();
  Statement labels(db, kActorLabelSql);
  for (TopRow& r : rows) {
    if (by == TopBy::kActor) r.label = ActorCodeLabel(labels, r.key);
    if (by == TopBy::kDyad) {
      size_t gt = r.key.find('>');
      r.label = ActorCodeLabel(labels, r.key.substr(0, gt)) + " > " +
                ActorCodeLabel(labels, r.key.substr(gt + 1));
    }
  }
  return rows;
}

// Plain-terms form of a query that is not valid FTS5: each word quoted ("U.S." -> "U" "S").
std::string PlainTerms(std::string_view text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + '"';
    word.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

namespace {

Result<std::vector<SearchHit>> RunSearch(Database& db, const std::string& query, int limit) {
  // Rank first, then snippets for the hits only: in one query SQLite would make a snippet for
  // every matching article before sorting (half the time of a common word's search).
  Statement ranked(db,
                   "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 "
                   "ORDER BY bm25(articles_fts), rowid LIMIT ?2");
  ranked.Bind(1, query).Bind(2, int64_t{limit});
  std::vector<int64_t> rids;
  while (ranked.Step()) rids.push_back(ranked.Int(0));
  if (!ranked.status().ok()) return ranked.status();
  Statement st(db,
               "SELECT a.id, a.date, a.title, a.publisher, a.url, "
               "snippet(articles_fts, 1, '[', ']', '...', 16), bm25(articles_fts) "
               "FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid "
               "WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?2");
  st.Bind(1, query);
  std::vector<SearchHit> hits;
  std::vector<int64_t> hit_rids;  // an article deleted between the two queries is left out
  for (int64_t rid : rids) {
    st.Bind(2, rid);
    if (!st.Step()) {
      if (!st.status().ok()) return st.status();
      continue;
    }
    hit_rids.push_back(rid);
    SearchHit h;
    h.article_id = std::string(st.Text(0));
    h.date = std::string(st.Text(1));
    h.title = std::string(st.Text(2));
    h.publisher = std::string(st.Text(3));
    h.url = std::string(st.Text(4));
    h.snippet = std::string(st.Text(5));
    h.score = st.Double(6);
    hits.push_back(std::move(h));
    st.Reset();
  }
  Statement ev(db,
               "SELECT e.event_key, e.code, e.source_code, e.target_code, e.date, e.place_name, "
               "m.sentence_index FROM mentions m JOIN events e ON e.event_key = m.event_key "
               "WHERE m.article_rid = ?1 ORDER BY m.rid");
  for (size_t i = 0; i < hits.size(); ++i) {
    ev.Bind(1, hit_rids[i]);
    while (ev.Step()) {
      hits[i].events.push_back(SearchEvent{std::string(ev.Text(0)), std::string(ev.Text(1)),
                                           std::string(ev.Text(2)), std::string(ev.Text(3)),
                                           std::string(ev.Text(4)), std::string(ev.Text(5)), ev.Int(6)});
    }
    if (!ev.status().ok()) return ev.status();
    ev.Reset();
  }
  return hits;
}

}  // namespace

Result<std::vector<SearchHit>> Search(Database& db, std::string_view text, int limit) {
  auto hits = RunSearch(db, std::string(text), limit);
  if (hits.ok()) return hits;
  std::string plain = PlainTerms(text);
  if (plain.empty()) return Status::InvalidArgument("search text has no words");
  return RunSearch(db, plain, limit);
}

}  // namespace dyad::store
