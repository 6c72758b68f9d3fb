// The JSON answers of the HTTP API, one function per endpoint: a read-only Database and a
// validated query (serve/query.h) in, a JSON document out. SQL is assembled only from constant
// fragments chosen by which filters are present; every value is a bound parameter.
//
//   EventsJson(db, {.actor = "AFG", .limit = 2})
//   -> {"events":[{"event_key":"...","date":"2021-08-07","code":"192","quad_class":4,
//        "source":{"code":"AFGREB","name":"Taliban",...},"place":{"name":"Zaranj","lat":30.96,...},
//        "article_id":"a1","sentence":"The insurgents took ..."}, ...],
//       "limit":2,"offset":0,"more":true}
//
// Not thread-safe per Database (SQLite connections are single-threaded here); the server gives
// each worker thread its own connection.
#ifndef DYAD_SERVE_API_H_
#define DYAD_SERVE_API_H_

#include <string>
#include <string_view>

#include "dyad/status.h"
#include "serve/query.h"
#include "store/sqlite_db.h"

namespace dyad::serve {

class EventIndex;

// Each answer comes from `index` when given (a snapshot of the store, see event_index.h; event
// rows are still read from `db` by rowid), else from SQL alone. Both give the same JSON.

// Events matching every filter, newest first (date, then storage order), one page.
Result<std::string> EventsJson(store::Database& db, const EventsQuery& q, const EventIndex* index = nullptr);
// Event counts per day (all of them, and by QuadClass 1..4) for the same filters; paging ignored.
Result<std::string> TimelineJson(store::Database& db, const EventsQuery& q, const EventIndex* index = nullptr);
Result<std::string> RelationsJson(store::Database& db, const store::RelationsQuery& q,
                                  const EventIndex* index = nullptr);
Result<std::string> TopJson(store::Database& db, const TopQuery& q, const EventIndex* index = nullptr);
Result<std::string> SearchJson(store::Database& db, const SearchQuery& q);
// The article's text and its event mentions with byte spans into that text (sentence, source,
// target, trigger, place; -1 when absent). NotFound when no article has this id.
Result<std::string> ArticleJson(store::Database& db, std::string_view id);
// Totals for the page header: events, articles, first and last event date, versions.
Result<std::string> MetaJson(store::Database& db, const EventIndex* index = nullptr);

// {"error":"message"}
std::string ErrorJson(std::string_view message);

}  // namespace dyad::serve

#endif  // DYAD_SERVE_API_H_
