// `dyad serve`: the HTTP API (serve/api.h) and the bundled web page over one SQLite store.
//
//   GET /api/events?actor=&country=&code=&root=&from=&to=&minlat=&minlon=&maxlat=&maxlon=&text=&limit=&offset=
//   GET /api/timeline?(the same filters)      event counts per day
//   GET /api/relations?a=USA&b=PAK&by=month[&from=&to=&directed=1]
//   GET /api/article/ID                       text + mentions with byte spans
//   GET /api/search?q=TEXT[&limit=]
//   GET /api/top?by=dyad|actor|place|code[&limit=&from=&to=]
//   GET /api/meta                             totals and versions
//   GET /, /app.js, ...                       the files of the web directory, loaded at start
//
// Threads: cpp-httplib serves each connection on one thread of a fixed pool (`threads`,
// kDefaultThreads when 0); a keep-alive connection holds its thread until it closes, idles for
// kKeepAliveSeconds or has made kKeepAliveRequests requests; further connections wait in the
// queue (and up to kListenBacklog in the kernel's, before accept). Each pool thread opens its own
// read-only SQLite connection on first use (SQLite connections are used from one thread only); the
// store may be written meanwhile (WAL). Answers are computed behind a FifoGate (fifo_gate.h):
// `parallel` at a time (one per CPU when 0), in arrival order, so that 64 busy connections do not
// share 2 cores 64 ways and stretch every long answer.
//
// Index: filters and counts run on an in-memory snapshot of the events (serve/event_index.h),
// loaded at start; a background thread checks the store every kIndexCheckMillis (SQLite's
// data_version) and loads a new snapshot after a commit, so answers trail a running ingest by
// about a second. Requests hold the snapshot they started with.
//
// Cache: successful answers that cost at least kCacheMinCpuMicros of CPU time are kept by request
// target ("/api/search?q=aid") for the current snapshot, up to kCacheBytes, least recently used out
// first (answer_cache.h); a new snapshot starts an empty cache. Cheap answers are not kept, nor
// event pages (a concatenation of the snapshot's memo of event JSON): analysts' filters rarely
// repeat, and such answers would only push out the costly ones (search, long relations series).
//
// Limits: request line 8 KiB (cpp-httplib, 414 beyond), bodies kMaxBodyBytes (413 beyond; the API
// takes no bodies), only GET and HEAD (405 otherwise), page size and parameters per serve/query.h
// (400 with {"error": ...}).
#ifndef DYAD_SERVE_SERVER_H_
#define DYAD_SERVE_SERVER_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "dyad/status.h"
#include "serve/answer_cache.h"

namespace httplib {
class Server;
}

namespace dyad::store {
class Database;
}

namespace dyad::serve {

class EventIndex;
class FifoGate;

inline constexpr int kDefaultThreads = 64;
inline constexpr int kIndexCheckMillis = 1000;
inline constexpr int kMaxThreads = 1024;
inline constexpr size_t kMaxBodyBytes = 8 * 1024;
inline constexpr int kKeepAliveSeconds = 5;
inline constexpr int kKeepAliveRequests = 1000;
inline constexpr int kListenBacklog = 1024;  // connections waiting for accept (capped by somaxconn)
inline constexpr size_t kMaxWebFileBytes = 32 << 20;
inline constexpr size_t kCacheBytes = 64 << 20;       // answers kept per snapshot
inline constexpr size_t kCacheEntryBytes = 1 << 20;   // larger answers are not kept
inline constexpr int64_t kCacheMinCpuMicros = 500;    // nor answers that cost less CPU time

struct ServerOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;      // 0: any free port (see ApiServer::port)
  int threads = 0;      // 0: kDefaultThreads
  int parallel = 0;     // answers computed at once; 0: one per CPU (std::thread::hardware_concurrency)
  std::string web_dir;  // "" or missing: the API only, and / answers 404
};

// A static file held in memory: served by exact path, so no request can reach outside the web
// directory.
struct WebFile {
  std::string content;
  std::string mime;
};

class ApiServer {
 public:
  // Checks that the database opens read-only and has an events table; loads the web directory.
  static Result<std::unique_ptr<ApiServer>> Create(const ServerOptions& options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds host:port (a free port when options.port is 0). After this, port() is the bound port
  // and connections queue until Listen.
  Status Bind();
  int port() const { return port_; }
  // Serves until Stop (from another thread or a signal handler's thread). Returns false if the
  // accept loop failed.
  bool Listen();
  void Stop();
  size_t web_files() const { return web_.size(); }
  size_t parallel() const;  // answers computed at once

 private:
  explicit ApiServer(ServerOptions options);
  void Route();
  std::shared_ptr<const EventIndex> Index() const;
  // Reloads the snapshot whenever `db`'s data_version moves from `seen`, until destruction.
  void RefreshLoop(store::Database& db, int64_t seen);

  ServerOptions options_;
  int port_ = 0;
  int listen_socket_ = -1;  // the listening socket, once bound
  uint64_t id_;  // keys this server's per-thread connections
  std::map<std::string, WebFile> web_;
  std::unique_ptr<httplib::Server> http_;
  std::unique_ptr<FifoGate> gate_;  // admits answer computations (not cache hits), `parallel` at a time

  mutable std::mutex index_mu_;
  std::shared_ptr<const EventIndex> index_;  // guarded by index_mu_

  AnswerCache cache_{kCacheBytes, kCacheEntryBytes};
  std::condition_variable stop_cv_;
  bool stopping_ = false;                    // guarded by index_mu_
  std::thread refresher_;
};

// Every file under `dir` (recursively, regular files only), keyed by "/relative/path"; "/" maps to
// index.html when present.
Result<std::map<std::string, WebFile>> LoadWebDir(const std::string& dir);

}  // namespace dyad::serve

#endif  // DYAD_SERVE_SERVER_H_
