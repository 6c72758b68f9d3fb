// The compiled GeoNames gazetteer: every cities500 place, every admin1 province (feature "ADM1")
// and every ISO 3166 country (feature "PCLI"), indexed by normalised name.
//
// Built once by tools/gazetteer_build.cc (see gazetteer_builder.h), then opened with mmap: loading
// costs a few system calls, pages are read on demand and shared between processes. A Gazetteer is
// immutable after Open, so any number of threads may query it without locks.
//
// Example:
//   auto gaz = Gazetteer::Open("build/data/gazetteer.bin");
//   for (const GazPlace& p : (*gaz)->Lookup(Gazetteer::NormalizeName("Sar-e-Pul"))) ...
#ifndef DYAD_GEO_GAZETTEER_H_
#define DYAD_GEO_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::geo {

namespace format {
struct FileHeader;
struct EntryRecord;
struct KeyRecord;
}  // namespace format

// A lightweight view of one gazetteer entry. The string_views point into the mapped file and are
// valid as long as the Gazetteer that returned them.
struct GazPlace {
  uint32_t index = 0;        // entry index in the gazetteer (stable for one file)
  int64_t geonames_id = 0;   // 0 for ADM1 and PCLI entries
  std::string_view name;
  std::string_view feature;  // GeoNames feature code: "PPL", "PPLA", "PPLC", ..., "ADM1", "PCLI"
  std::string_view country;  // ISO alpha-3, "" when unknown
  std::string_view admin1_code;  // GeoNames admin1 code within the country ("19", "TX")
  std::string_view admin1_name;  // "Nimroz", "Texas"; "" when unknown
  double lat = 0, lon = 0;
  uint64_t population = 0;

  bool IsCountry() const { return feature == "PCLI"; }
  bool IsAdmin1() const { return feature == "ADM1"; }
  // PPLC, or PPLG: a seat of government that is not the capital (La Paz, The Hague).
  bool IsNationalCapital() const { return feature == "PPLC" || feature == "PPLG"; }
  bool IsAdminSeat() const { return feature.substr(0, 4) == "PPLA"; }
};

class Gazetteer {
 public:
  // Maps the file at `path`. Fails with kIoError when it cannot be read and kParseError when it is
  // not a gazetteer of this version or is truncated.
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The key form of a name: lower case, Latin diacritics stripped (ā -> a, ß -> ss), hyphens,
  // apostrophes, dots and underscores become spaces, runs of white space collapse to one space,
  // no leading or trailing space. Other punctuation is kept. "Sar-e-Pul" -> "sar e pul".
  static std::string NormalizeName(std::string_view name);

  // All entries whose name, ASCII name or an alternate name normalises to `key` (which must already
  // be normalised), largest population first. Empty when none.
  std::vector<GazPlace> Lookup(std::string_view key) const;
  std::span<const uint32_t> LookupIndices(std::string_view key) const;

  // True when some key is `prefix` followed by a space and more: extending a token sequence whose
  // key is `prefix` can still match. Used for longest match over tokens.
  bool HasLongerKey(std::string_view prefix) const;

  // The most space-separated tokens in any key.
  uint32_t MaxNameTokens() const;

  // The PCLI entry of a country, by ISO alpha-3 ("AFG").
  std::optional<GazPlace> Country(std::string_view iso3) const;
  // The ADM1 entry named `normalized_name` (a key: "nimroz", "sar e pol") in country `iso3`.
  std::optional<GazPlace> Province(std::string_view iso3, std::string_view normalized_name) const;

  GazPlace Get(uint32_t index) const;
  uint32_t size() const;
  uint32_t num_keys() const;
  uint64_t file_size() const { return size_; }

 private:
  Gazetteer() = default;
  Status Validate();
  std::string_view Str(uint32_t offset) const;
  const format::KeyRecord* FindKey(std::string_view key) const;
  const format::KeyRecord* LowerBound(std::string_view key) const;

  const char* base_ = nullptr;
  uint64_t size_ = 0;
  const format::FileHeader* header_ = nullptr;
  const format::EntryRecord* entries_ = nullptr;
  const format::KeyRecord* keys_ = nullptr;
  const uint32_t* postings_ = nullptr;
  const char* strings_ = nullptr;
};

}  // namespace dyad::geo

#endif  // DYAD_GEO_GAZETTEER_H_
