#include "serve/serve_cli.h"

#include <pthread.h>
#include <signal.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <thread>

#include "serve/server.h"

namespace dyad::serve {

const char kServeUsage[] =
    "  serve --db FILE [--port 8080|0] [--host 127.0.0.1] [--threads N] [--parallel N] [--web DIR]\n"
    "                                   HTTP API and web page over a store (docs/SERVE.md)\n";

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "dyad serve: %s\n", msg.c_str());
  return 1;
}

bool ParseInt(const std::string& s, int lo, int hi, int* out) {
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size() || n < lo || n > hi) return false;
  *out = n;
  return true;
}

// The bundled page: build/web beside the binary (make build puts it there), else the source
// tree's build/web.
std::string DefaultWebDir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && fs::is_regular_file(exe.parent_path() / "web" / "index.html", ec)) {
    return (exe.parent_path() / "web").string();
  }
  fs::path src = fs::path(DYAD_SOURCE_DIR) / "build" / "web";
  if (fs::is_regular_file(src / "index.html", ec)) return src.string();
  return "";
}

}  // namespace

int RunServeCommand(int argc, char** argv) {
  std::map<std::string, std::string> v;
  for (int i = 2; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag != "--db" && flag != "--port" && flag != "--host" && flag != "--threads" && flag != "--parallel" &&
        flag != "--web") {
      return Fail("unknown option " + flag + "\nusage:\n" + kServeUsage);
    }
    if (i + 1 >= argc) return Fail(flag + " needs a value");
    v[flag] = argv[++i];
  }
  ServerOptions o;
  o.db_path = v["--db"];
  if (o.db_path.empty()) return Fail("--db FILE is required");
  if (v.count("--host")) o.host = v["--host"];
  if (v.count("--port") && !ParseInt(v["--port"], 0, 65535, &o.port)) {
    return Fail("--port must be from 0 (any free port) to 65535");
  }
  if (v.count("--threads") && !ParseInt(v["--threads"], 1, kMaxThreads, &o.threads)) {
    return Fail("--threads must be from 1 to " + std::to_string(kMaxThreads));
  }
  if (v.count("--parallel") && !ParseInt(v["--parallel"], 1, kMaxThreads, &o.parallel)) {
    return Fail("--parallel must be from 1 to " + std::to_string(kMaxThreads));
  }
  o.web_dir = v.count("--web") ? v["--web"] : DefaultWebDir();

  // Signals go to one waiting thread, which stops the server (httplib's stop is not
  // async-signal-safe). Blocked before any thread starts, so every thread (the snapshot refresher,
  // the pool) inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = ApiServer::Create(o);
  if (!server.ok()) return Fail(server.status().message());
  if (Status st = (*server)->Bind(); !st.ok()) return Fail(st.message());
  ApiServer* s = server->get();
  std::thread waiter([&stop_signals, s] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    s->Stop();
  });

  int threads = o.threads > 0 ? o.threads : kDefaultThreads;
  std::fprintf(stderr, "dyad serve: http://%s:%d/ (%s, %d threads, %zu answers at once, %zu web files%s)\n",
               o.host.c_str(), s->port(), o.db_path.c_str(), threads, s->parallel(), s->web_files(),
               o.web_dir.empty() ? "; no web directory: run make build" : "");
  bool ok = s->Listen();
  if (!ok) {
    // The accept loop failed: wake the waiter ourselves.
    pthread_kill(waiter.native_handle(), SIGTERM);
  }
  waiter.join();
  return ok ? 0 : 1;
}

}  // namespace dyad::serve
