#include "geo/gazetteer_writer.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "geo/gazetteer_format.h"

namespace dyad::geo {
namespace {

// Deduplicated, length-prefixed strings.
class StringPool {
 public:
  uint32_t Add(std::string_view s) {
    if (s.size() > 0xFFFF) s = s.substr(0, 0xFFFF);
    auto it = offsets_.find(std::string(s));
    if (it != offsets_.end()) return it->second;
    uint32_t offset = static_cast<uint32_t>(bytes_.size());
    uint16_t len = static_cast<uint16_t>(s.size());
    bytes_.append(reinterpret_cast<const char*>(&len), 2);
    bytes_.append(s);
    offsets_.emplace(std::string(s), offset);
    return offset;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_map<std::string, uint32_t> offsets_;
};

void CopyFixed(std::string_view s, char* out, size_t n) {
  std::memset(out, 0, n);
  std::memcpy(out, s.data(), std::min(n, s.size()));
}

format::EntryRecord MakeRecord(const BuildPlace& p, StringPool* pool) {
  format::EntryRecord r;
  r.geonames_id = p.geonames_id;
  r.lat = static_cast<float>(p.lat);
  r.lon = static_cast<float>(p.lon);
  r.population = static_cast<uint32_t>(std::min<uint64_t>(p.population, UINT32_MAX));
  r.name = pool->Add(p.name);
  r.admin1_name = pool->Add(p.admin1_name);
  r.admin1_code = pool->Add(p.admin1_code);
  CopyFixed(p.iso3, r.iso3, sizeof(r.iso3));
  CopyFixed(p.feature, r.feature, sizeof(r.feature));
  return r;
}

uint32_t CountTokens(std::string_view key) {
  return static_cast<uint32_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

// key -> entry indices, each run sorted by population (largest first), then by index.
std::vector<std::pair<std::string, std::vector<uint32_t>>> IndexKeys(
    const std::vector<BuildPlace>& places) {
  std::unordered_map<std::string, std::vector<uint32_t>> index;
  for (uint32_t i = 0; i < places.size(); ++i) {
    std::vector<std::string> keys = places[i].keys;
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::string& k : keys) {
      if (!k.empty()) index[std::move(k)].push_back(i);
    }
  }
  std::vector<std::pair<std::string, std::vector<uint32_t>>> sorted(
      std::make_move_iterator(index.begin()), std::make_move_iterator(index.end()));
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [key, ids] : sorted) {
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      return places[a].population > places[b].population;
    });
  }
  return sorted;
}

template <typename T>
void AppendPod(const std::vector<T>& v, std::string* out) {
  out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

void Align8(std::string* out) {
  while (out->size() % 8 != 0) out->push_back('\0');
}

}  // namespace

Result<WriteResult> WriteGazetteer(const std::vector<BuildPlace>& places, uint32_t country_begin,
                                   const std::string& path) {
  StringPool pool;
  std::vector<format::EntryRecord> entries;
  entries.reserve(places.size());
  for (const BuildPlace& p : places) entries.push_back(MakeRecord(p, &pool));

  format::FileHeader h;
  std::memset(&h, 0, sizeof(h));
  std::vector<format::KeyRecord> keys;
  std::vector<uint32_t> postings;
  for (auto& [key, ids] : IndexKeys(places)) {
    keys.push_back({pool.Add(key), static_cast<uint32_t>(postings.size()),
                    static_cast<uint32_t>(ids.size())});
    postings.insert(postings.end(), ids.begin(), ids.end());
    h.max_name_tokens = std::max(h.max_name_tokens, CountTokens(key));
  }

  std::memcpy(h.magic, format::kMagic, sizeof(h.magic));
  h.version = format::kVersion;
  h.num_entries = static_cast<uint32_t>(entries.size());
  h.num_keys = static_cast<uint32_t>(keys.size());
  h.num_postings = static_cast<uint32_t>(postings.size());
  h.country_begin = country_begin;
  h.country_end = h.num_entries;

  std::string body(sizeof(h), '\0');
  h.entries_offset = body.size();
  AppendPod(entries, &body);
  Align8(&body);
  h.keys_offset = body.size();
  AppendPod(keys, &body);
  Align8(&body);
  h.postings_offset = body.size();
  AppendPod(postings, &body);
  Align8(&body);
  h.strings_offset = body.size();
  h.strings_size = pool.bytes().size();
  body += pool.bytes();
  h.file_size = body.size();
  std::memcpy(body.data(), &h, sizeof(h));

  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::IoError("cannot write " + tmp);
  bool ok = std::fwrite(body.data(), 1, body.size(), f) == body.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError("cannot write " + path);
  }
  return WriteResult{keys.size(), postings.size(), body.size()};
}

}  // namespace dyad::geo
