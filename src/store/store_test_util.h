// Helpers for the store tests: a temporary database directory and synthetic coded Documents, so
// the store is tested without running the coder.
#ifndef DYAD_STORE_STORE_TEST_UTIL_H_
#define DYAD_STORE_STORE_TEST_UTIL_H_

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "dyad/document.h"
#include "lexicon/cameo_table.h"
#include "store/sqlite_store.h"

namespace dyad::store::testing {

// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> n{0};
    path_ = std::filesystem::temp_directory_path() /
            ("dyad_store_test_" + std::to_string(getpid()) + "_" + std::to_string(n++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline const lexicon::CameoTable& Cameo() {
  static auto table = lexicon::CameoTable::Load(std::string(DYAD_SOURCE_DIR) + "/data/cameo/cameo_codes.tsv");
  return **table;
}

inline IngestContext Context() { return IngestContext{&Cameo(), nullptr, "20210811120000"}; }

inline EventActor Actor(const std::string& code, const std::string& country, const std::string& sector,
                        const std::string& name, Span span = {0, 4}) {
  EventActor a;
  a.code = code;
  a.country = country;
  a.sector = sector;
  a.name = name;
  a.span = span;
  return a;
}

// A one-paragraph article whose text is `text`; events are added with AddEvent.
class DocBuilder {
 public:
  DocBuilder(const std::string& id, const std::string& publisher, const std::string& text,
             const std::string& date = "2021-08-11") {
    doc_.article.id = id;
    doc_.article.date = date;
    doc_.article.title = "Title of " + id;
    doc_.article.text = text;
    doc_.article.publisher = publisher;
    doc_.article.url = "https://example.org/" + id;
    doc_.segments.push_back(Segment{{0, static_cast<uint32_t>(text.size())}, false});
    doc_.sentences.push_back(Sentence{{0, static_cast<uint32_t>(text.size())}, 0, 0, 0});
  }
  // An event on `date` (YYYY-MM-DD) from `src` to `tgt` (empty code: no target), optionally at a
  // place. `trigger_begin` distinguishes mentions of one event within an article.
  DocBuilder& AddEvent(const EventActor& src, const EventActor& tgt, const std::string& cameo,
                       const std::string& date, int place = -1, uint32_t trigger_begin = 5) {
    Event e;
    e.source = src;
    e.target = tgt;
    e.has_target = !tgt.code.empty();
    e.cameo = cameo;
    e.trigger = Span{trigger_begin, trigger_begin + 3};
    e.place = place;
    e.date.from = e.date.to = *Date::Parse(date);
    e.date_basis = "text";
    e.rule = "test";
    doc_.events.push_back(e);
    return *this;
  }
  // Adds a city place and returns its index.
  int AddPlace(const std::string& name, const std::string& country, const std::string& admin1, double lat,
               double lon, int64_t geonames_id) {
    PlaceMention p;
    p.span = Span{0, 4};
    p.name = name;
    p.country = country;
    p.admin1 = admin1;
    p.lat = lat;
    p.lon = lon;
    p.geonames_id = geonames_id;
    p.precision = "city";
    doc_.places.push_back(p);
    return static_cast<int>(doc_.places.size()) - 1;
  }
  const Document& doc() const { return doc_; }

 private:
  Document doc_;
};

inline const EventActor kNoTarget{};

}  // namespace dyad::store::testing

#endif  // DYAD_STORE_STORE_TEST_UTIL_H_
