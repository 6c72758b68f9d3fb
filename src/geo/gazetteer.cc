#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "common/utf8.h"
#include "geo/gazetteer_format.h"
#include "geo/latin.h"

namespace dyad::geo {
namespace {

bool IsSeparator(char32_t cp) {
  switch (cp) {
    case '-': case '\'': case '.': case '_': case ' ': case '\t': case '\n': case '\r':
    case 0xA0:                                                  // no-break space
    case 0x2BB: case 0x2BC: case 0x2018: case 0x2019: case 0x201B:  // okina, apostrophes
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return true;
    default:
      return false;
  }
}

std::string_view FixedField(const char* p, size_t n) {
  size_t len = 0;
  while (len < n && p[len] != '\0') ++len;
  return std::string_view(p, len);
}

}  // namespace

std::string Gazetteer::NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < name.size()) {
    size_t len;
    char32_t cp = utf8::Decode(name, i, &len);
    i += len;
    if (IsSeparator(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (IsCombiningMark(cp)) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (AppendLatinFolded(cp, &out)) continue;
    utf8::Append(utf8::ToLower(cp), &out);
  }
  // Transliterations differ in a final h after a vowel ("Hodeidah" / "Hodeida", "Fallujah" /
  // "Falluja"): every word of four letters or more drops it, in names and in text alike.
  std::string folded;
  folded.reserve(out.size());
  size_t start = 0;
  while (start <= out.size()) {
    size_t end = out.find(' ', start);
    if (end == std::string::npos) end = out.size();
    std::string_view word(out.data() + start, end - start);
    if (word.size() >= 4 && word.back() == 'h' && (word[word.size() - 2] == 'a' || word[word.size() - 2] == 'e')) {
      word.remove_suffix(1);
    }
    folded.append(word);
    if (end < out.size()) folded.push_back(' ');
    start = end + 1;
  }
  return folded;
}

Gazetteer::~Gazetteer() {
  if (base_ != nullptr) munmap(const_cast<char*>(base_), size_);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open gazetteer " + path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(format::FileHeader))) {
    close(fd);
    return Status::ParseError("gazetteer " + path + " is too small to be a gazetteer");
  }
  void* p = mmap(nullptr, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  close(fd);
  if (p == MAP_FAILED) return Status::IoError("cannot map gazetteer " + path);
  std::unique_ptr<Gazetteer> gaz(new Gazetteer());
  gaz->base_ = static_cast<const char*>(p);
  gaz->size_ = static_cast<uint64_t>(st.st_size);
  Status s = gaz->Validate();
  if (!s.ok()) return Status::ParseError("gazetteer " + path + ": " + s.message());
  return gaz;
}

// Checks the header against the file so that no later access can leave the mapping.
Status Gazetteer::Validate() {
  header_ = reinterpret_cast<const format::FileHeader*>(base_);
  const format::FileHeader& h = *header_;
  if (std::memcmp(h.magic, format::kMagic, sizeof(h.magic)) != 0) return Status::ParseError("bad magic");
  if (h.version != format::kVersion) return Status::ParseError("unsupported version");
  if (h.file_size != size_) return Status::ParseError("truncated or padded file");
  auto fits = [&](uint64_t off, uint64_t bytes) { return off <= size_ && bytes <= size_ - off; };
  if (!fits(h.entries_offset, uint64_t{h.num_entries} * sizeof(format::EntryRecord)) ||
      !fits(h.keys_offset, uint64_t{h.num_keys} * sizeof(format::KeyRecord)) ||
      !fits(h.postings_offset, uint64_t{h.num_postings} * sizeof(uint32_t)) ||
      !fits(h.strings_offset, h.strings_size) || h.country_begin > h.country_end ||
      h.country_end > h.num_entries) {
    return Status::ParseError("section out of bounds");
  }
  entries_ = reinterpret_cast<const format::EntryRecord*>(base_ + h.entries_offset);
  keys_ = reinterpret_cast<const format::KeyRecord*>(base_ + h.keys_offset);
  postings_ = reinterpret_cast<const uint32_t*>(base_ + h.postings_offset);
  strings_ = base_ + h.strings_offset;
  return Status::Ok();
}

// Strings are bounds-checked on access: a corrupt offset yields "" rather than a wild read.
std::string_view Gazetteer::Str(uint32_t offset) const {
  uint64_t limit = header_->strings_size;
  if (uint64_t{offset} + 2 > limit) return {};
  uint16_t len;
  std::memcpy(&len, strings_ + offset, 2);
  if (uint64_t{offset} + 2 + len > limit) return {};
  return std::string_view(strings_ + offset + 2, len);
}

const format::KeyRecord* Gazetteer::LowerBound(std::string_view key) const {
  const format::KeyRecord* end = keys_ + header_->num_keys;
  return std::lower_bound(keys_, end, key, [this](const format::KeyRecord& k, std::string_view v) {
    return Str(k.key) < v;
  });
}

const format::KeyRecord* Gazetteer::FindKey(std::string_view key) const {
  const format::KeyRecord* k = LowerBound(key);
  if (k == keys_ + header_->num_keys || Str(k->key) != key) return nullptr;
  return k;
}

std::span<const uint32_t> Gazetteer::LookupIndices(std::string_view key) const {
  const format::KeyRecord* k = FindKey(key);
  if (k == nullptr || uint64_t{k->postings_begin} + k->postings_count > header_->num_postings) return {};
  return std::span<const uint32_t>(postings_ + k->postings_begin, k->postings_count);
}

std::vector<GazPlace> Gazetteer::Lookup(std::string_view key) const {
  std::vector<GazPlace> out;
  for (uint32_t index : LookupIndices(key)) {
    if (index < header_->num_entries) out.push_back(Get(index));
  }
  return out;
}

bool Gazetteer::HasLongerKey(std::string_view prefix) const {
  std::string probe(prefix);
  probe.push_back(' ');
  const format::KeyRecord* k = LowerBound(probe);
  if (k == keys_ + header_->num_keys) return false;
  return Str(k->key).substr(0, probe.size()) == probe;
}

uint32_t Gazetteer::MaxNameTokens() const { return header_->max_name_tokens; }
uint32_t Gazetteer::size() const { return header_->num_entries; }
uint32_t Gazetteer::num_keys() const { return header_->num_keys; }

GazPlace Gazetteer::Get(uint32_t index) const {
  const format::EntryRecord& e = entries_[index];
  GazPlace p;
  p.index = index;
  p.geonames_id = e.geonames_id;
  p.name = Str(e.name);
  p.feature = FixedField(e.feature, sizeof(e.feature));
  p.country = FixedField(e.iso3, sizeof(e.iso3));
  p.admin1_code = Str(e.admin1_code);
  p.admin1_name = Str(e.admin1_name);
  p.lat = e.lat;
  p.lon = e.lon;
  p.population = e.population;
  return p;
}

std::optional<GazPlace> Gazetteer::Country(std::string_view iso3) const {
  const format::EntryRecord* begin = entries_ + header_->country_begin;
  const format::EntryRecord* end = entries_ + header_->country_end;
  auto it = std::lower_bound(begin, end, iso3, [](const format::EntryRecord& e, std::string_view v) {
    return FixedField(e.iso3, sizeof(e.iso3)) < v;
  });
  if (it == end || FixedField(it->iso3, sizeof(it->iso3)) != iso3) return std::nullopt;
  return Get(static_cast<uint32_t>(it - entries_));
}

std::optional<GazPlace> Gazetteer::Province(std::string_view iso3,
                                            std::string_view normalized_name) const {
  for (uint32_t index : LookupIndices(normalized_name)) {
    GazPlace p = Get(index);
    if (p.IsAdmin1() && p.country == iso3) return p;
  }
  return std::nullopt;
}

}  // namespace dyad::geo
