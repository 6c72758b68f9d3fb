// The HTTP API over a real SQLite store: an in-process server on an ephemeral 127.0.0.1 port,
// queried with httplib::Client. Checks answers, filters, paging, article spans, static files, and
// that malformed and hostile requests get 4xx while the server stays healthy.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "serve/query.h"
#include "serve/server.h"
#include "store/store_test_util.h"

namespace dyad::serve {
namespace {

using nlohmann::json;
using store::testing::Actor;
using store::testing::DocBuilder;
using store::testing::TempDir;

// "Kabul — " has a multi-byte dash, so byte spans and character offsets differ.
constexpr const char kText1[] = "Kabul \xe2\x80\x94 US envoy met Pakistani army chief in Kabul.";

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::string db = dir_->File("events.sqlite");
    {
      auto st = store::EventStore::Open(db);
      ASSERT_TRUE(st.ok()) << st.status().message();
      store::EventStore& s = **st;
      ASSERT_TRUE(s.Begin().ok());
      auto usa = Actor("USAGOV", "USA", "GOV", "US envoy", {10, 18});
      auto pak = Actor("PAKMIL", "PAK", "MIL", "Pakistani army chief", {23, 43});
      auto afg = Actor("AFGINS", "AFG", "INS", "Taliban", {0, 7});
      DocBuilder a("a1", "Agency A", kText1, "2021-08-11");
      int kabul = a.AddPlace("Kabul", "AFG", "Kabul", 34.53, 69.17, 1138958);
      a.AddEvent(usa, pak, "040", "2021-08-10", kabul, 19);
      DocBuilder b("a2", "Agency B", "Taliban fighters seized Zaranj. US officials criticised Pakistan.", "2021-08-07");
      int zaranj = b.AddPlace("Zaranj", "AFG", "Nimroz", 30.96, 61.86, 1120985);
      b.AddEvent(afg, store::testing::kNoTarget, "192", "2021-08-07", zaranj);
      b.AddEvent(Actor("USAGOV", "USA", "GOV", "US officials"), Actor("PAK", "PAK", "", "Pakistan"), "111",
                 "2021-09-02");
      DocBuilder c("a3", "Agency C", "French ministers met in Paris about Mali.", "2021-10-01");
      int paris = c.AddPlace("Paris", "FRA", "Ile-de-France", 48.85, 2.35, 2988507);
      c.AddEvent(Actor("FRAGOV", "FRA", "GOV", "French ministers"), Actor("MLI", "MLI", "", "Mali"), "036",
                 "2021-10-01", paris);
      for (const DocBuilder* d : {&a, &b, &c}) {
        auto r = s.Add(d->doc(), "hash-" + d->doc().article.id, store::testing::Context());
        ASSERT_TRUE(r.ok()) << r.status().message();
      }
      ASSERT_TRUE(s.Commit().ok());
    }
    std::filesystem::create_directories(dir_->File("web/sub"));
    std::ofstream(dir_->File("web/index.html")) << "<!doctype html><title>dyad</title>";
    std::ofstream(dir_->File("web/app.js")) << "console.log(1)";
    std::ofstream(dir_->File("web/sub/x.css")) << "body{}";
    std::ofstream(dir_->File("secret.txt")) << "outside the web directory";

    ServerOptions o;
    o.db_path = db;
    o.port = 0;
    o.threads = 8;
    o.web_dir = dir_->File("web");
    auto server = ApiServer::Create(o);
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = server->release();
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = new std::thread([] { server_->Listen(); });
  }

  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete dir_;
  }

  static httplib::Result Get(const std::string& path) {
    httplib::Client cli("127.0.0.1", server_->port());
    cli.set_read_timeout(10, 0);
    return cli.Get(path.c_str());
  }
  // Status and parsed body (null when the body is not JSON).
  static std::pair<int, json> GetJson(const std::string& path) {
    auto r = Get(path);
    if (!r) return {-1, nullptr};
    return {r->status, json::parse(r->body, nullptr, false)};
  }
  // Sends raw bytes and returns the status code of the answer (-1 when none).
  static int RawStatus(const std::string& request) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return -1;
    size_t sent = 0;
    while (sent < request.size()) {
      ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;  // the server may stop reading once it has refused
      sent += static_cast<size_t>(n);
    }
    char buf[512] = {};
    ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
    close(fd);
    int status = -1;
    if (n > 12) std::sscanf(buf, "HTTP/1.%*d %d", &status);
    return status;
  }
  static void ExpectHealthy() {
    auto [status, body] = GetJson("/api/meta");
    EXPECT_EQ(status, 200);
    EXPECT_EQ(body["events"], 4);
  }

  static TempDir* dir_;
  static ApiServer* server_;
  static std::thread* thread_;
};

TempDir* ServeApiTest::dir_ = nullptr;
ApiServer* ServeApiTest::server_ = nullptr;
std::thread* ServeApiTest::thread_ = nullptr;

TEST_F(ServeApiTest, EventsNewestFirstWithSentences) {
  auto [status, body] = GetJson("/api/events");
  ASSERT_EQ(status, 200);
  ASSERT_EQ(body["events"].size(), 4u);
  EXPECT_EQ(body["events"][0]["date"], "2021-10-01");
  EXPECT_EQ(body["events"][3]["date"], "2021-08-07");
  EXPECT_EQ(body["more"], false);
  const json& zaranj = body["events"][3];
  EXPECT_EQ(zaranj["code"], "192");
  EXPECT_EQ(zaranj["quad_class"], 4);
  EXPECT_EQ(zaranj["source"]["code"], "AFGINS");
  EXPECT_EQ(zaranj["place"]["name"], "Zaranj");
  EXPECT_NEAR(zaranj["place"]["lat"].get<double>(), 30.96, 1e-6);
  EXPECT_EQ(zaranj["article_id"], "a2");
  EXPECT_NE(zaranj["sentence"].get<std::string>().find("Zaranj"), std::string::npos);
}

TEST_F(ServeApiTest, EventFilters) {
  auto count = [](const std::string& query) {
    auto [status, body] = GetJson("/api/events?" + query);
    EXPECT_EQ(status, 200) << query << " " << body.dump();
    return status == 200 ? static_cast<int>(body["events"].size()) : -1;
  };
  EXPECT_EQ(count("actor=USA"), 2);
  EXPECT_EQ(count("actor=PAKMIL"), 1);
  EXPECT_EQ(count("actor=PAK"), 2);
  EXPECT_EQ(count("actor=ZZZ"), 0);
  EXPECT_EQ(count("country=AFG"), 2);  // the Taliban event, and the Kabul meeting's place
  EXPECT_EQ(count("country=FRA"), 1);
  EXPECT_EQ(count("code=192"), 1);
  EXPECT_EQ(count("root=04"), 1);
  EXPECT_EQ(count("from=2021-08-08&to=2021-09-30"), 2);
  EXPECT_EQ(count("from=2021-10-01"), 1);
  EXPECT_EQ(count("minlat=29&minlon=60&maxlat=36&maxlon=70"), 2);
  EXPECT_EQ(count("minlat=40&minlon=-10&maxlat=55&maxlon=10"), 1);
  EXPECT_EQ(count("text=Zaranj"), 2);  // both events of article a2
  EXPECT_EQ(count("text=Paris%20Mali"), 1);
  EXPECT_EQ(count("actor=USA&from=2021-09-01"), 1);
}

TEST_F(ServeApiTest, Paging) {
  auto [s1, p1] = GetJson("/api/events?limit=3");
  ASSERT_EQ(s1, 200);
  EXPECT_EQ(p1["events"].size(), 3u);
  EXPECT_EQ(p1["more"], true);
  auto [s2, p2] = GetJson("/api/events?limit=3&offset=3");
  ASSERT_EQ(s2, 200);
  ASSERT_EQ(p2["events"].size(), 1u);
  EXPECT_EQ(p2["more"], false);
  EXPECT_EQ(p2["events"][0]["date"], "2021-08-07");
  auto [s3, p3] = GetJson("/api/events?offset=100000");
  EXPECT_EQ(s3, 200);
  EXPECT_EQ(p3["events"].size(), 0u);
  EXPECT_EQ(GetJson("/api/events?limit=500").first, 200);
}

TEST_F(ServeApiTest, Timeline) {
  auto [status, body] = GetJson("/api/timeline?actor=USA");
  ASSERT_EQ(status, 200);
  ASSERT_EQ(body["days"].size(), 2u);
  EXPECT_EQ(body["days"][0]["date"], "2021-08-10");
  EXPECT_EQ(body["days"][0]["events"], 1);
}

TEST_F(ServeApiTest, BadParametersAre400WithJsonError) {
  const std::string bad[] = {
      "/api/events?from=2021-13-01",
      "/api/events?from=2021-02-30",
      "/api/events?to=yesterday",
      "/api/events?from=2021-09-01&to=2021-08-01",
      "/api/events?limit=0",
      "/api/events?limit=501",
      "/api/events?limit=-1",
      "/api/events?limit=99999999999999999999999999",
      "/api/events?limit=1e3",
      "/api/events?offset=-5",
      "/api/events?offset=100001",
      "/api/events?offset=18446744073709551617",
      "/api/events?minlat=1e309&minlon=0&maxlat=1&maxlon=1",
      "/api/events?minlat=nan&minlon=0&maxlat=1&maxlon=1",
      "/api/events?minlat=91&minlon=0&maxlat=92&maxlon=1",
      "/api/events?minlat=10&minlon=0&maxlat=1&maxlon=1",
      "/api/events?minlat=1",
      "/api/events?actor=USA%27%20OR%201%3D1%20--",
      "/api/events?actor=usa",
      "/api/events?country=AF",
      "/api/events?code=04%27%3B%20DROP%20TABLE%20events%3B",
      "/api/events?root=123",
      "/api/events?nosuch=1",
      "/api/events?actor=USA&actor=PAK",
      "/api/events?text=%21%21%21",
      "/api/events?text=" + std::string(300, 'a'),
      "/api/timeline?from=2021-00-10",
      "/api/relations?a=USA",
      "/api/relations?a=USA&b=PAK&by=year",
      "/api/relations?a=USA&b=PAK&directed=2",
      "/api/top?by=everything",
      "/api/top?by=dyad&limit=1000",
      "/api/search?q=",
      "/api/search",
      "/api/search?q=x&limit=101",
      "/api/meta?x=1",
  };
  for (const std::string& path : bad) {
    auto [status, body] = GetJson(path);
    EXPECT_EQ(status, 400) << path;
    EXPECT_TRUE(body.is_object() && body["error"].is_string()) << path << " " << body.dump();
  }
  ExpectHealthy();
}

TEST_F(ServeApiTest, SqlInTextIsOnlyText) {
  auto [status, body] = GetJson("/api/events?text=%27%3B%20DROP%20TABLE%20events%3B%20--");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body["events"].size(), 0u);
  auto [s2, b2] = GetJson("/api/search?q=%22%20OR%201%3D1%20NEAR(a%20b)%20*");
  EXPECT_EQ(s2, 200) << b2.dump();
  // Bytes that are not UTF-8 are words like any other; answers stay valid JSON.
  auto [s3, b3] = GetJson("/api/events?text=%ff%fe");
  EXPECT_EQ(s3, 200);
  EXPECT_TRUE(b3.is_object());
  EXPECT_EQ(GetJson("/api/search?q=%c3").first, 200);
  auto [s4, b4] = GetJson("/api/events?%ff=1");
  EXPECT_EQ(s4, 400);
  EXPECT_TRUE(b4.is_object()) << "error message must be valid JSON";
  EXPECT_EQ(GetJson("/api/events?actor=%00").first, 400);
  ExpectHealthy();
}

TEST_F(ServeApiTest, Relations) {
  auto [status, body] = GetJson("/api/relations?a=USA&b=PAK&by=month");
  ASSERT_EQ(status, 200);
  ASSERT_EQ(body["periods"].size(), 3u);  // every month with any event
  EXPECT_EQ(body["periods"][0]["period"], "2021-08");
  EXPECT_EQ(body["periods"][0]["events"], 1);
  EXPECT_EQ(body["periods"][0]["total"], 2);
  EXPECT_EQ(body["periods"][1]["events"], 1);
  EXPECT_EQ(body["periods"][2]["events"], 0);
  EXPECT_TRUE(body["periods"][2]["goldstein_mean"].is_null());
}

TEST_F(ServeApiTest, ArticleWithSpans) {
  auto [status, body] = GetJson("/api/article/a1");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["text"], kText1);
  ASSERT_EQ(body["mentions"].size(), 1u);
  const json& m = body["mentions"][0];
  std::string text = kText1;
  auto cut = [&](const char* name) {
    int b = m["spans"][name][0], e = m["spans"][name][1];
    return text.substr(b, e - b);
  };
  EXPECT_EQ(cut("source"), "US envoy");
  EXPECT_EQ(cut("target"), "Pakistani army chief");
  EXPECT_EQ(cut("trigger"), "met");
  EXPECT_EQ(m["code"], "040");
  EXPECT_EQ(m["place"], "Kabul");
  EXPECT_EQ(GetJson("/api/article/nope").first, 404);
  EXPECT_EQ(GetJson("/api/article/a1%00x").first, 400);
  EXPECT_EQ(GetJson("/api/article/" + std::string(300, 'x')).first, 400);
}

TEST_F(ServeApiTest, SearchAndTop) {
  auto [s1, search] = GetJson("/api/search?q=Zaranj");
  ASSERT_EQ(s1, 200);
  ASSERT_EQ(search["hits"].size(), 1u);
  EXPECT_EQ(search["hits"][0]["article_id"], "a2");
  EXPECT_EQ(search["hits"][0]["events"].size(), 2u);
  for (const char* by : {"dyad", "actor", "place", "code"}) {
    auto [status, top] = GetJson(std::string("/api/top?by=") + by);
    EXPECT_EQ(status, 200) << by;
    EXPECT_FALSE(top["rows"].empty()) << by;
  }
  auto [s2, actors] = GetJson("/api/top?by=actor&limit=1");
  EXPECT_EQ(actors["rows"][0]["key"], "USAGOV");
}

TEST_F(ServeApiTest, StaticFilesOnlyFromTheWebDirectory) {
  auto index = Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<title>dyad"), std::string::npos);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Get("/app.js")->status, 200);
  EXPECT_EQ(Get("/sub/x.css")->status, 200);
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/sub/../../secret.txt",
                           "/..%2fsecret.txt", "/etc/passwd", "//etc/passwd", "/sub/", "/nope.js"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_GE(r->status, 400) << path;
    EXPECT_LT(r->status, 500) << path;
    EXPECT_EQ(r->body.find("outside the web"), std::string::npos) << path;
  }
  // Raw request lines, not normalised by any client.
  EXPECT_EQ(RawStatus("GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404);
  EXPECT_EQ(RawStatus("GET /../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404);
  EXPECT_EQ(Get("/api/nosuch")->status, 404);
  ExpectHealthy();
}

TEST_F(ServeApiTest, OversizedAndHostileRequests) {
  std::string big(1 << 20, 'x');
  EXPECT_EQ(RawStatus("GET /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(big.size()) +
                      "\r\nConnection: close\r\n\r\n" + big),
            413);
  // A GET's body would otherwise be read as the next request on the connection.
  EXPECT_EQ(RawStatus("GET /api/meta HTTP/1.1\r\nHost: x\r\nContent-Length: 33\r\n\r\n"
                      "GET /api/article/a1 HTTP/1.1\r\n\r\n"),
            400);
  int post = RawStatus("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(big.size()) +
                       "\r\nConnection: close\r\n\r\n" + big);
  EXPECT_TRUE(post == 413 || post == 405) << post;
  EXPECT_EQ(RawStatus("DELETE /api/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 405);
  EXPECT_EQ(Get("/api/events?text=" + std::string(20000, 'a'))->status, 414);
  int garbage = RawStatus("\x01\x02 nonsense\r\n\r\n");
  EXPECT_TRUE(garbage == 400 || garbage == -1) << garbage;
  ExpectHealthy();
}

TEST_F(ServeApiTest, ConcurrentClients) {
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&ok, t] {
      httplib::Client cli("127.0.0.1", server_->port());
      cli.set_tcp_nodelay(true);
      for (int i = 0; i < 40; ++i) {
        std::string path = (i + t) % 2 ? "/api/events?actor=USA&limit=5" : "/api/relations?a=USA&b=PAK&by=day";
        auto r = cli.Get(path.c_str());
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(ok.load(), 320);
}

// The store written while served: answers follow within about a second (the index snapshot and
// the answer cache are replaced after a commit).
TEST(ServeRefreshTest, AnswersFollowCommits) {
  TempDir dir;
  std::string db = dir.File("live.sqlite");
  auto store = store::EventStore::Open(db);
  ASSERT_TRUE(store.ok());
  auto add = [&](const std::string& id, const std::string& date) {
    DocBuilder d(id, "Agency", "Taliban fighters seized Zaranj.", date);
    d.AddEvent(Actor("AFGINS", "AFG", "INS", "Taliban"), store::testing::kNoTarget, "192", date);
    ASSERT_TRUE((*store)->Begin().ok());
    ASSERT_TRUE((*store)->Add(d.doc(), "h-" + id, store::testing::Context()).ok());
    ASSERT_TRUE((*store)->Commit().ok());
  };
  add("first", "2021-08-07");
  ServerOptions o;
  o.db_path = db;
  o.port = 0;
  o.threads = 2;
  auto server = ApiServer::Create(o);
  ASSERT_TRUE(server.ok()) << server.status().message();
  ASSERT_TRUE((*server)->Bind().ok());
  std::thread listener([&] { (*server)->Listen(); });
  httplib::Client cli("127.0.0.1", (*server)->port());
  auto events = [&] {
    auto r = cli.Get("/api/events");
    return r && r->status == 200 ? json::parse(r->body)["events"].size() : size_t{0};
  };
  EXPECT_EQ(events(), 1u);  // also puts the answer in the cache
  add("second", "2021-08-08");
  size_t seen = 0;
  for (int i = 0; i < 50 && seen != 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    seen = events();
  }
  EXPECT_EQ(seen, 2u);
  (*server)->Stop();
  listener.join();
}

TEST(ServeQueryTest, DatesAndTerms) {
  EXPECT_TRUE(IsDate("2024-02-29"));
  EXPECT_FALSE(IsDate("2023-02-29"));
  EXPECT_FALSE(IsDate("2021-8-01"));
  EXPECT_FALSE(IsDate("0999-01-01"));
  EXPECT_EQ(PlainTerms("U.S. aid"), "\"U\" \"S\" \"aid\"");
  EXPECT_EQ(PlainTerms("\"; --"), "");
}

}  // namespace
}  // namespace dyad::serve
