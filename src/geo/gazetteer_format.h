// The on-disk layout of the compiled gazetteer (build/data/gazetteer.bin), shared by the builder
// (gazetteer_builder.cc) and the reader (gazetteer.cc). The file is mapped read-only and used in
// place, so every record is fixed-size, 4-byte aligned and little-endian (the build host's order;
// the file is a build artefact, never shipped between machines).
//
//   FileHeader
//   EntryRecord[num_entries]   places: cities500 rows, then ADM1 entries, then PCLI entries
//                              (PCLI sorted by ISO3, the range [country_begin, country_end))
//   KeyRecord[num_keys]        normalised name keys, sorted bytewise by key text
//   uint32_t[num_postings]     entry indices; each key's run is sorted by population, largest first
//   string pool                each string is a uint16_t byte length followed by its bytes
#ifndef DYAD_GEO_GAZETTEER_FORMAT_H_
#define DYAD_GEO_GAZETTEER_FORMAT_H_

#include <cstdint>

namespace dyad::geo::format {

inline constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'G', 'A', 'Z', '1'};
inline constexpr uint32_t kVersion = 1;

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t num_entries;
  uint32_t num_keys;
  uint32_t num_postings;
  uint32_t max_name_tokens;  // most space-separated tokens in any key
  uint32_t country_begin;    // entry index range of the PCLI entries, sorted by iso3
  uint32_t country_end;
  uint32_t reserved;
  uint64_t entries_offset;   // byte offsets from the start of the file
  uint64_t keys_offset;
  uint64_t postings_offset;
  uint64_t strings_offset;
  uint64_t strings_size;
  uint64_t file_size;        // total bytes, to detect truncation
};

struct EntryRecord {
  uint32_t geonames_id;  // 0 for ADM1 and PCLI entries (not GeoNames rows)
  float lat;             // degrees
  float lon;             // degrees
  uint32_t population;   // ADM1/PCLI: sum over their places
  uint32_t name;         // string pool offsets
  uint32_t admin1_name;
  uint32_t admin1_code;
  char iso3[3];          // ISO 3166-1 alpha-3; NUL-filled when unknown
  char feature[5];       // GeoNames feature code, NUL-padded ("PPLC", "PPLA2", "ADM1", "PCLI")
};
static_assert(sizeof(EntryRecord) == 36);

struct KeyRecord {
  uint32_t key;             // string pool offset of the normalised key
  uint32_t postings_begin;  // index into the postings array
  uint32_t postings_count;
};
static_assert(sizeof(KeyRecord) == 12);

static_assert(sizeof(FileHeader) % 8 == 0);

}  // namespace dyad::geo::format

#endif  // DYAD_GEO_GAZETTEER_FORMAT_H_
