#include "syntax/model.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "common/paths.h"
#include "common/utf8.h"
#include "syntax/lemmatizer.h"

namespace dyad::syntax {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'P', 'R', 'S', '1'};

void AppendU32(uint32_t v, std::string* out) { out->append(reinterpret_cast<const char*>(&v), 4); }

void AppendString(std::string_view s, std::string* out) {
  AppendU32(static_cast<uint32_t>(s.size()), out);
  out->append(s);
}

bool ReadU32(const char** p, const char* end, uint32_t* v) {
  if (end - *p < 4) return false;
  std::memcpy(v, *p, 4);
  *p += 4;
  return true;
}

bool ReadString(const char** p, const char* end, std::string* s) {
  uint32_t n;
  if (!ReadU32(p, end, &n) || static_cast<uint32_t>(end - *p) < n) return false;
  s->assign(*p, n);
  *p += n;
  return true;
}

void AppendStrings(const std::vector<std::string>& v, std::string* out) {
  AppendU32(static_cast<uint32_t>(v.size()), out);
  for (const std::string& s : v) AppendString(s, out);
}

bool ReadStrings(const char** p, const char* end, std::vector<std::string>* v) {
  uint32_t n;
  if (!ReadU32(p, end, &n) || n > 100000) return false;
  v->resize(n);
  for (std::string& s : *v) {
    if (!ReadString(p, end, &s)) return false;
  }
  return true;
}

// Scratch buffers for one thread's sentences.
struct Workspace {
  TagFeatures tag_features;
  std::vector<uint64_t> word_hashes;
  std::vector<int32_t> scores;
};

template <typename DictFn>
void TagWith(const FrozenWeights& w, int num_tags, const DictFn& dict,
             const std::vector<WordInput>& words, Workspace* ws, std::vector<int>* tags) {
  ws->tag_features.Prepare(words);
  tags->assign(words.size(), 0);
  uint64_t feats[TagFeatures::kMaxFeatures];
  ws->scores.resize(w.score_size());
  int prev1 = -1, prev2 = -1;
  for (int i = 0; i < static_cast<int>(words.size()); ++i) {
    if (int t = dict(words[i]); t >= 0) {
      (*tags)[i] = t;
      prev2 = prev1;
      prev1 = t;
      continue;
    }
    int nf = ws->tag_features.Extract(i, prev1, prev2, feats);
    std::fill(ws->scores.begin(), ws->scores.end(), 0);
    w.Score(feats, nf, ws->scores.data());
    int best = static_cast<int>(std::max_element(ws->scores.begin(), ws->scores.begin() + num_tags) -
                                ws->scores.begin());
    (*tags)[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
}

}  // namespace

Status Model::Save(const std::string& path) const {
  std::string out(kMagic, sizeof kMagic);
  AppendString(metadata_, &out);
  AppendStrings(upos_, &out);
  AppendStrings(xpos_, &out);
  AppendStrings(labels_, &out);
  AppendU32(static_cast<uint32_t>(transitions_.root_label), &out);
  AppendU32(static_cast<uint32_t>(transitions_.extra_root_label), &out);
  AppendU32(has_parser_ ? 1 : 0, &out);
  AppendU32(static_cast<uint32_t>(tag_dict_.size()), &out);
  for (const auto& [h, t] : tag_dict_) {
    out.append(reinterpret_cast<const char*>(&h), 8);
    AppendU32(t, &out);
  }
  tagger_.Write(&out);
  if (has_parser_) parser_.Write(&out);
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::IoError("cannot write " + path);
  bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
  ok = std::fclose(f) == 0 && ok;
  return ok ? Status::Ok() : Status::IoError("short write to " + path);
}

Result<std::shared_ptr<const Model>> Model::Load(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound("cannot open syntax model " + path);
  std::string data;
  char buf[1 << 16];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) data.append(buf, n);
  std::fclose(f);
  const char* p = data.data();
  const char* end = p + data.size();
  if (data.size() < sizeof kMagic || std::memcmp(p, kMagic, sizeof kMagic) != 0) {
    return Status::ParseError(path + ": not a dyad syntax model");
  }
  p += sizeof kMagic;
  auto m = std::make_shared<Model>();
  uint32_t root, extra, has_parser;
  if (!ReadString(&p, end, &m->metadata_) || !ReadStrings(&p, end, &m->upos_) ||
      !ReadStrings(&p, end, &m->xpos_) || !ReadStrings(&p, end, &m->labels_) ||
      !ReadU32(&p, end, &root) || !ReadU32(&p, end, &extra) || !ReadU32(&p, end, &has_parser)) {
    return Status::ParseError(path + ": truncated header");
  }
  if (m->upos_.size() != m->xpos_.size() || m->upos_.empty() || m->upos_.size() > 65535 ||
      m->labels_.size() > 120 || root >= std::max<size_t>(m->labels_.size(), 1) ||
      extra >= std::max<size_t>(m->labels_.size(), 1)) {
    return Status::ParseError(path + ": bad vocabularies");
  }
  m->transitions_ = TransitionSystem{static_cast<int>(m->labels_.size()), static_cast<int>(root),
                                     static_cast<int>(extra)};
  m->has_parser_ = has_parser != 0 && !m->labels_.empty();
  uint32_t dict_size;
  if (!ReadU32(&p, end, &dict_size) || static_cast<uint64_t>(end - p) < uint64_t{dict_size} * 12) {
    return Status::ParseError(path + ": truncated tag dictionary");
  }
  m->tag_dict_.resize(dict_size);
  for (auto& [h, t] : m->tag_dict_) {
    std::memcpy(&h, p, 8);
    p += 8;
    ReadU32(&p, end, &t);
    if (t >= m->upos_.size()) return Status::ParseError(path + ": bad tag dictionary");
  }
  if (!std::is_sorted(m->tag_dict_.begin(), m->tag_dict_.end())) return Status::ParseError(path + ": unsorted tag dictionary");
  if (Status st = m->tagger_.Read(&p, end); !st.ok()) return Status::ParseError(path + ": " + st.message());
  if (m->has_parser_) {
    if (Status st = m->parser_.Read(&p, end); !st.ok()) return Status::ParseError(path + ": " + st.message());
  }
  if (!m->tagger_.ClassesBelow(m->upos_.size()) ||
      (m->has_parser_ && !m->parser_.ClassesBelow(m->transitions_.num_classes()))) {
    return Status::ParseError(path + ": class ids out of range");
  }
  for (size_t t = 0; t < m->xpos_.size(); ++t) {
    if (m->xpos_[t] == "NNP" && (m->upos_[t] == "PROPN" || m->proper_tag_ < 0)) m->proper_tag_ = static_cast<int>(t);
  }
  return std::shared_ptr<const Model>(std::move(m));
}

// Scratch buffers are per thread, so the Model stays immutable and calls allocate nothing.
void Model::Tag(const std::vector<WordInput>& words, std::vector<int>* tags) const {
  thread_local Workspace ws;
  TagWith(
      tagger_, num_tags(), [this](const WordInput& w) { return FixedTag(w); }, words, &ws, tags);
}

int Model::DictTag(std::string_view form) const {
  if (tag_dict_.empty()) return -1;
  uint64_t h = HashBytes(form);
  auto it = std::lower_bound(tag_dict_.begin(), tag_dict_.end(), std::pair<uint64_t, uint32_t>{h, 0});
  return it != tag_dict_.end() && it->first == h ? static_cast<int>(it->second) : -1;
}

void Model::Analyze(const std::vector<WordInput>& words, SentenceAnalysis* out) const {
  thread_local Workspace ws;
  TagWith(
      tagger_, num_tags(), [this](const WordInput& w) { return FixedTag(w); }, words, &ws,
      &out->tags);
  int n = static_cast<int>(words.size());
  if (!has_parser_) {
    out->heads.assign(n, -1);
    out->labels.assign(n, -1);
    return;
  }
  ws.word_hashes.resize(n);
  for (int i = 0; i < n; ++i) ws.word_hashes[i] = ws.tag_features.lower(i);
  Parse(parser_, transitions_, ws.word_hashes.data(), out->tags.data(), n, &out->heads, &out->labels);
}

std::string FindModelPath() {
  std::error_code ec;
  if (const char* env = std::getenv("DYAD_MODEL"); env && *env) return env;
  std::filesystem::path bin = paths::BinaryDir();
  for (const auto& p : {bin / "models" / "en.dyadparse", bin / ".." / "models" / "en.dyadparse",
                        std::filesystem::path(DYAD_SOURCE_DIR) / "models" / "en.dyadparse"}) {
    if (std::filesystem::exists(p, ec)) return p.string();
  }
  return "";
}

std::string LemmaFor(std::string_view lower, std::string_view xpos) {
  static const std::pair<std::string_view, std::string_view> kClitics[] = {
      {"n't", "not"}, {"'ll", "will"}, {"'re", "be"}, {"'m", "be"}, {"'ve", "have"},
      {"wo", "will"}, {"ca", "can"}, {"'d", "would"}};
  for (auto [w, l] : kClitics) {
    if (lower == w) return std::string(l);
  }
  if (lower == "'s" && xpos == "VBZ") return "be";
  const Lemmatizer& lem = Lemmatizer::Get();
  if (!xpos.empty() && xpos[0] == 'V') {
    std::string v = lem.Verb(lower);
    if (!v.empty()) return v;
  } else if (xpos == "NNS" || xpos == "NNPS") {
    std::string n = lem.Noun(lower);
    if (!n.empty()) return n;
  }
  return std::string(lower);
}

void TagAndParse(const Model& model, Document* doc) {
  SentenceAnalysis a;
  std::vector<WordInput> words;
  for (const Sentence& s : doc->sentences) {
    words.clear();
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      words.push_back(WordInput{doc->TokenText(i), doc->tokens[i].lower, doc->tokens[i].Is(kTokKnownName)});
    }
    model.Analyze(words, &a);
    for (uint32_t k = 0; k < words.size(); ++k) {
      Token& t = doc->tokens[s.token_begin + k];
      std::string_view xpos = model.xpos(a.tags[k]);
      t.tag.assign(xpos);
      t.lemma = LemmaFor(t.lower, xpos);
      t.head = a.heads[k] < 0 ? -1 : static_cast<int32_t>(s.token_begin) + a.heads[k];
      if (a.labels[k] >= 0) t.deprel.assign(model.label(a.labels[k]));
      else t.deprel.clear();
    }
  }
}

}  // namespace dyad::syntax
