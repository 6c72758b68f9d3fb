#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "serve/api.h"
#include "serve/event_index.h"
#include "serve/fifo_gate.h"
#include "serve/query.h"
#include "store/sqlite_db.h"

namespace dyad::serve {
namespace {

using store::Database;

constexpr const char kJson[] = "application/json; charset=utf-8";

// The content types of what esbuild writes and what the page loads.
std::string MimeOf(const std::filesystem::path& p) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".json", kJson},
      {".svg", "image/svg+xml"},             {".png", "image/png"},
      {".ico", "image/x-icon"},              {".map", kJson},
      {".txt", "text/plain; charset=utf-8"}};
  auto it = kTypes.find(p.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// This thread's read-only connection to server `id`'s database, opened on first use. Pool threads
// end with their server, and their connections with them.
Result<Database*> ThreadDatabase(uint64_t id, const std::string& path) {
  thread_local std::unordered_map<uint64_t, std::unique_ptr<Database>> connections;
  auto it = connections.find(id);
  if (it != connections.end()) return it->second.get();
  auto db = Database::Open(path, Database::kReadOnly);
  if (!db.ok()) return db.status();
  // mmap: pages are shared through the OS cache instead of copied into each connection's cache.
  DYAD_RETURN_IF_ERROR((*db)->Exec("PRAGMA query_only=1; PRAGMA mmap_size=1073741824; PRAGMA cache_size=-8192;"));
  Database* raw = db->get();
  connections.emplace(id, std::move(*db));
  return raw;
}

// CPU time of this thread: what an answer cost, whatever else the machine runs meanwhile.
int64_t ThreadCpuMicros() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return int64_t{t.tv_sec} * 1000000 + t.tv_nsec / 1000;
}

// Changes when another connection commits (read outside any transaction); -1 on error.
int64_t DataVersion(Database& db) {
  store::Statement st(db, "PRAGMA data_version");
  return st.Step() ? st.Int(0) : -1;
}

Params ParamsOf(const httplib::Request& req) {
  return Params(req.params.begin(), req.params.end());
}

void SendJson(httplib::Response& res, int status, std::string body) {
  res.status = status;
  // As set_content, which in cpp-httplib 0.11 copies the body (pages of events run to 300 KB).
  res.body = std::move(body);
  res.headers.erase("Content-Type");
  res.set_header("Content-Type", kJson);
}

void SendResult(httplib::Response& res, Result<std::string> r) {
  if (r.ok()) return SendJson(res, 200, std::move(*r));
  const Status& st = r.status();
  switch (st.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kParseError:
      return SendJson(res, 400, ErrorJson(st.message()));
    case StatusCode::kNotFound:
      return SendJson(res, 404, ErrorJson(st.message()));
    default:
      std::fprintf(stderr, "dyad serve: %s\n", st.message().c_str());
      return SendJson(res, 500, ErrorJson("internal error"));
  }
}

const char* ReasonOf(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "only GET and HEAD are served";
    case 413: return "request body too large";
    case 414: return "request line too long";
    default: return status >= 500 ? "internal error" : "request refused";
  }
}

}  // namespace

Result<std::map<std::string, WebFile>> LoadWebDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::map<std::string, WebFile> files;
  std::error_code ec;
  fs::path root = fs::weakly_canonical(dir, ec);
  if (ec || !fs::is_directory(root, ec)) return Status::NotFound("no web directory " + dir);
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    if (it->file_size(ec) > kMaxWebFileBytes) return Status::LimitExceeded("web file too large: " + it->path().string());
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return Status::IoError("cannot read " + it->path().string());
    std::string key = "/" + fs::relative(it->path(), root).generic_string();
    files[key] = WebFile{content.str(), MimeOf(it->path())};
  }
  if (ec) return Status::IoError("cannot list " + dir + ": " + ec.message());
  if (auto index = files.find("/index.html"); index != files.end()) files["/"] = index->second;
  return files;
}

ApiServer::ApiServer(ServerOptions options)
    : options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()),
      gate_(std::make_unique<FifoGate>(options_.parallel > 0 ? options_.parallel
                                                             : std::max(1u, std::thread::hardware_concurrency()))) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
}

ApiServer::~ApiServer() {
  Stop();
  {
    std::lock_guard<std::mutex> lock(index_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (refresher_.joinable()) refresher_.join();
}

size_t ApiServer::parallel() const { return gate_->slots(); }

std::shared_ptr<const EventIndex> ApiServer::Index() const {
  std::lock_guard<std::mutex> lock(index_mu_);
  return index_;
}

void ApiServer::RefreshLoop(Database& db, int64_t seen) {
  std::unique_lock<std::mutex> lock(index_mu_);
  while (!stopping_) {
    stop_cv_.wait_for(lock, std::chrono::milliseconds(kIndexCheckMillis));
    if (stopping_) break;
    lock.unlock();
    int64_t now = DataVersion(db);
    if (now != seen) {
      auto fresh = EventIndex::Load(db);
      if (fresh.ok()) {
        seen = now;
        std::lock_guard<std::mutex> swap(index_mu_);
        index_ = std::move(*fresh);
      } else {
        std::fprintf(stderr, "dyad serve: index refresh: %s\n", fresh.status().message().c_str());
      }
    }
    lock.lock();
  }
}

Result<std::unique_ptr<ApiServer>> ApiServer::Create(const ServerOptions& options) {
  if (options.threads < 0 || options.threads > kMaxThreads) {
    return Status::InvalidArgument("--threads must be from 1 to " + std::to_string(kMaxThreads));
  }
  if (options.parallel < 0 || options.parallel > kMaxThreads) {
    return Status::InvalidArgument("--parallel must be from 1 to " + std::to_string(kMaxThreads));
  }
  if (!std::filesystem::exists(options.db_path)) return Status::NotFound("no database " + options.db_path);
  auto db = Database::Open(options.db_path, Database::kReadOnly);
  if (!db.ok()) return db.status();
  {
    store::Statement probe(**db, "SELECT count(*) FROM events");
    if (!probe.Step()) return Status::InvalidArgument(options.db_path + " is not a dyad store: " + probe.status().message());
  }  // finalized here: the connection moves to the refresh thread below
  std::unique_ptr<ApiServer> server(new ApiServer(options));
  // The version first, then the snapshot: a commit in between only causes one needless reload.
  int64_t version = DataVersion(**db);
  auto index = EventIndex::Load(**db);
  if (!index.ok()) return index.status();
  server->index_ = std::move(*index);
  server->refresher_ = std::thread([s = server.get(), db = std::shared_ptr<Database>(std::move(*db)), version] {
    s->RefreshLoop(*db, version);
  });
  if (!options.web_dir.empty()) {
    auto web = LoadWebDir(options.web_dir);
    if (!web.ok()) return web.status();
    server->web_ = std::move(*web);
  }
  server->Route();
  return server;
}

void ApiServer::Route() {
  httplib::Server& s = *http_;
  int threads = options_.threads > 0 ? options_.threads : kDefaultThreads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server on a busy
  // port starts silently and takes half the connections.
  s.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = sock;  // for Bind's wider backlog
  });
  s.set_payload_max_length(kMaxBodyBytes);
  s.set_keep_alive_timeout(kKeepAliveSeconds);
  s.set_keep_alive_max_count(kKeepAliveRequests);
  s.set_read_timeout(5, 0);
  s.set_write_timeout(5, 0);
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                         {"Content-Security-Policy",
                          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"},
                         {"Referrer-Policy", "no-referrer"}});

  s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      SendJson(res, 405, ErrorJson(ReasonOf(405)));
      res.set_header("Allow", "GET, HEAD");
      return httplib::Server::HandlerResponse::Handled;
    }
    // httplib leaves a GET's body unread, where it would be parsed as the next request on the
    // connection: refuse it and close.
    std::string length = req.get_header_value("Content-Length");
    if ((!length.empty() && length != "0") || req.has_header("Transfer-Encoding")) {
      uint64_t n = 0;
      auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), n);
      bool large = length.empty() || ec != std::errc() || end != length.data() + length.size() || n > kMaxBodyBytes;
      SendJson(res, large ? 413 : 400, ErrorJson(large ? ReasonOf(413) : "GET takes no body"));
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) SendJson(res, res.status, ErrorJson(ReasonOf(res.status)));
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "dyad serve: %s\n", what.c_str());
    SendJson(res, 500, ErrorJson("internal error"));
  });

  // Every API handler: parse and validate, then answer on this thread's connection.
  auto api = [this](auto parse, auto answer, bool cache = true) {
    return [this, parse, answer, cache](const httplib::Request& req, httplib::Response& res) {
      auto query = parse(req);
      if (!query.ok()) return SendJson(res, 400, ErrorJson(query.status().message()));
      std::shared_ptr<const EventIndex> index = Index();
      if (auto hit = cache ? cache_.Find(index, req.target) : nullptr) return SendJson(res, 200, *hit);
      auto db = ThreadDatabase(id_, options_.db_path);
      if (!db.ok()) return SendResult(res, db.status());
      // Computed behind the gate (fifo_gate.h): about one answer per core at a time, in order.
      int64_t cpu_micros = 0;
      auto answer_json = [&] {
        FifoGate::Pass pass(*gate_);
        int64_t start = ThreadCpuMicros();
        auto json = answer(**db, *query, index.get());
        cpu_micros = ThreadCpuMicros() - start;
        return json;
      }();
      if (answer_json.ok() && cache && cpu_micros >= kCacheMinCpuMicros) cache_.Keep(index, req.target, *answer_json);
      SendResult(res, std::move(answer_json));
    };
  };
  auto params = [](auto parser) { return [parser](const httplib::Request& req) { return parser(ParamsOf(req)); }; };
  s.Get("/api/events", api(params(ParseEventsQuery), EventsJson, /*cache=*/false));
  s.Get("/api/timeline", api(params(ParseEventsQuery), TimelineJson));
  s.Get("/api/relations", api(params(ParseRelationsQuery), RelationsJson));
  s.Get("/api/top", api(params(ParseTopQuery), TopJson));
  s.Get("/api/search", api(params(ParseSearchQuery),
                           [](Database& db, const SearchQuery& q, const EventIndex*) { return SearchJson(db, q); }));
  s.Get("/api/meta", api([](const httplib::Request& req) -> Result<bool> {
          if (!req.params.empty()) return Status::InvalidArgument("meta takes no parameters");
          return true;
        },
        [](Database& db, bool, const EventIndex* index) { return MetaJson(db, index); }));
  s.Get("/api/article/(.+)", api([](const httplib::Request& req) -> Result<std::string> {
          if (!req.params.empty()) return Status::InvalidArgument("article takes no parameters");
          std::string id = req.matches[1];
          DYAD_RETURN_IF_ERROR(ValidateArticleId(id));
          return id;
        },
        [](Database& db, const std::string& id, const EventIndex*) { return ArticleJson(db, id); }));
  s.Get("/api/.*", [](const httplib::Request&, httplib::Response& res) {
    SendJson(res, 404, ErrorJson("no such endpoint"));
  });
  // Static files: exact paths of files loaded at start, nothing read from disk per request.
  s.Get("/.*", [this](const httplib::Request& req, httplib::Response& res) {
    auto it = web_.find(req.path);
    if (it == web_.end()) return SendJson(res, 404, ErrorJson("not found"));
    res.set_content(it->second.content, it->second.mime.c_str());
    res.set_header("Cache-Control", "no-cache");
  });
}

Status ApiServer::Bind() {
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
    if (port_ <= 0) return Status::IoError("cannot bind " + options_.host);
  } else {
    if (!http_->bind_to_port(options_.host, options_.port)) {
      return Status::IoError("cannot bind " + options_.host + ":" + std::to_string(options_.port));
    }
    port_ = options_.port;
  }
  // cpp-httplib 0.11 listens with a backlog of 5: when 64 clients connect at once, the kernel
  // drops the SYNs beyond it and those clients retry after 1 s, then 3 s. Listening again on the
  // same socket (Linux keeps it bound and open) widens the queue.
  if (listen_socket_ >= 0 && ::listen(listen_socket_, kListenBacklog) != 0) {
    return Status::IoError("cannot listen on " + options_.host + ":" + std::to_string(port_));
  }
  return Status::Ok();
}

bool ApiServer::Listen() { return http_->listen_after_bind(); }

void ApiServer::Stop() {
  if (http_) http_->stop();
}

}  // namespace dyad::serve
