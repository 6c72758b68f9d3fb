#include "syntax/train.h"

#include <algorithm>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <unordered_set>

#include "common/utf8.h"
#include "syntax/perceptron.h"

namespace dyad::syntax {

namespace {

// splitmix64: a small generator whose output is the same on every platform and library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() { return Mix64(state_ += 0x9e3779b97f4a7c15ULL); }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  template <typename T>
  void Shuffle(std::vector<T>* v) {
    for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[Next() % i]);
  }

 private:
  uint64_t state_;
};

struct Example {
  std::vector<std::string> forms, lowers;
  std::vector<WordInput> words;  // views into forms/lowers; built once the vector is final
  std::vector<int> tags, heads, labels;
  std::vector<int> auto_tags;    // jackknifed (training) or predicted (dev) tags
  std::vector<uint64_t> hashes;  // lower-case word hashes, for the parser
};

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

std::string SentenceKey(const ConlluSentence& s) {
  std::string key;
  for (const ConlluWord& w : s.words) {
    if (!key.empty()) key.push_back(' ');
    key += w.form;
  }
  return key;
}

std::string EvalScores::ToString() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "words %zu  UPOS %.2f  XPOS %.2f  UAS %.2f  LAS %.2f", words, Pct(upos),
                Pct(xpos), Pct(uas), Pct(las));
  return buf;
}

EvalScores Evaluate(const Model& model, const std::vector<ConlluSentence>& gold,
                    std::vector<ConlluSentence>* predicted) {
  EvalScores sc;
  std::vector<std::string> lowers;
  std::vector<WordInput> words;
  SentenceAnalysis a;
  for (const ConlluSentence& s : gold) {
    lowers.clear();
    for (const ConlluWord& w : s.words) lowers.push_back(utf8::NormalizeLower(w.form));
    words.clear();
    for (size_t i = 0; i < s.words.size(); ++i) words.push_back(WordInput{s.words[i].form, lowers[i]});
    model.Analyze(words, &a);
    ConlluSentence* out = nullptr;
    if (predicted) {
      predicted->push_back(s);
      out = &predicted->back();
    }
    for (size_t i = 0; i < s.words.size(); ++i) {
      const ConlluWord& g = s.words[i];
      std::string_view upos = model.upos(a.tags[i]), xpos = model.xpos(a.tags[i]);
      std::string_view label = model.has_parser() ? model.label(a.labels[i]) : std::string_view();
      ++sc.words;
      sc.upos += upos == g.upos;
      sc.xpos += xpos == g.xpos;
      bool head_ok = a.heads[i] == g.head;
      sc.uas += head_ok;
      sc.las += head_ok && label == g.deprel;
      if (out) {
        ConlluWord& w = out->words[i];
        w.upos = std::string(upos);
        w.xpos = std::string(xpos);
        w.lemma = LemmaFor(lowers[i], xpos);
        w.head = a.heads[i];
        w.deprel = std::string(label);
      }
    }
  }
  return sc;
}

// Builds a Model step by step; a friend of Model.
class Trainer {
 public:
  explicit Trainer(const TrainOptions& o) : opt_(o) {}
  Status Run();

 private:
  Status LoadData();
  Example MakeExample(const ConlluSentence& s, bool train) const;
  // Trains a tagger on `train` for `epochs`; when `dev` is non-empty keeps the best epoch on
  // it and sets *best_epoch.
  FrozenWeights TrainTagger(const std::vector<const Example*>& train, int epochs,
                            const std::vector<const Example*>& dev, uint64_t seed, int* best_epoch,
                            bool verbose) const;
  double TagAccuracy(const FrozenWeights& w, const std::vector<const Example*>& dev) const;
  void Jackknife(int epochs);
  void BuildTagDictionary();
  FrozenWeights TrainParser();
  EvalScores ParseDev(const FrozenWeights& parser) const;
  void Log(const char* fmt, ...) const __attribute__((format(printf, 2, 3)));

  TrainOptions opt_;
  std::vector<Example> train_, dev_;
  std::map<std::string, int> tag_ids_, label_ids_;
  Model model_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

void Trainer::Log(const char* fmt, ...) const {
  std::fprintf(stderr, "[%6.1fs] ", Seconds(start_));
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
  std::fputc('\n', stderr);
}

Example Trainer::MakeExample(const ConlluSentence& s, bool) const {
  Example e;
  for (const ConlluWord& w : s.words) {
    e.forms.push_back(w.form);
    e.lowers.push_back(utf8::NormalizeLower(w.form));
    auto t = tag_ids_.find(w.upos + "\t" + w.xpos);
    e.tags.push_back(t == tag_ids_.end() ? -1 : t->second);
    auto l = label_ids_.find(w.deprel);
    e.labels.push_back(l == label_ids_.end() ? -1 : l->second);
    e.heads.push_back(w.head);
  }
  return e;
}

Status Trainer::LoadData() {
  std::unordered_set<std::string> excluded;
  for (const std::string& path : opt_.exclude_files) {
    auto r = ReadConlluFile(path);
    if (!r.ok()) return r.status();
    for (const ConlluSentence& s : *r) excluded.insert(SentenceKey(s));
  }
  std::vector<ConlluSentence> train, dev;
  size_t dropped = 0;
  for (const std::string& path : opt_.train_files) {
    auto r = ReadConlluFile(path);
    if (!r.ok()) return r.status();
    for (ConlluSentence& s : *r) {
      if (excluded.count(SentenceKey(s))) { ++dropped; continue; }
      train.push_back(std::move(s));
    }
  }
  for (const std::string& path : opt_.dev_files) {
    auto r = ReadConlluFile(path);
    if (!r.ok()) return r.status();
    for (ConlluSentence& s : *r) dev.push_back(std::move(s));
  }
  if (train.empty()) return Status::InvalidArgument("no training sentences");
  std::set<std::pair<std::string, std::string>> tags;
  std::set<std::string> labels;
  for (const ConlluSentence& s : train) {
    for (const ConlluWord& w : s.words) {
      tags.emplace(w.upos, w.xpos);
      labels.insert(w.deprel);
    }
  }
  for (const auto& [u, x] : tags) {
    tag_ids_[u + "\t" + x] = static_cast<int>(model_.upos_.size());
    model_.upos_.push_back(u);
    model_.xpos_.push_back(x);
  }
  for (const std::string& l : labels) {
    label_ids_[l] = static_cast<int>(model_.labels_.size());
    model_.labels_.push_back(l);
  }
  if (!label_ids_.count("root")) return Status::InvalidArgument("training data has no 'root' relation");
  if (labels.size() > 120) return Status::InvalidArgument("more than 120 dependency relations");
  int extra = label_ids_.count("parataxis") ? label_ids_["parataxis"] : label_ids_["root"];
  model_.transitions_ = TransitionSystem{static_cast<int>(labels.size()), label_ids_["root"], extra};
  for (const ConlluSentence& s : train) train_.push_back(MakeExample(s, true));
  for (const ConlluSentence& s : dev) dev_.push_back(MakeExample(s, false));
  for (auto* set : {&train_, &dev_}) {
    for (Example& e : *set) {
      for (size_t i = 0; i < e.forms.size(); ++i) e.words.push_back(WordInput{e.forms[i], e.lowers[i]});
    }
  }
  Log("training sentences %zu (dropped %zu that occur in the excluded files), dev %zu, tags %zu, "
      "relations %zu", train_.size(), dropped, dev_.size(), tags.size(), labels.size());
  return Status::Ok();
}

double Trainer::TagAccuracy(const FrozenWeights& w, const std::vector<const Example*>& dev) const {
  Model m;
  m.upos_ = model_.upos_;
  m.xpos_ = model_.xpos_;
  m.tag_dict_ = model_.tag_dict_;
  m.tagger_ = w;
  size_t correct = 0, total = 0;
  std::vector<int> tags;
  for (const Example* e : dev) {
    m.Tag(e->words, &tags);
    for (size_t i = 0; i < tags.size(); ++i) correct += tags[i] == e->tags[i];
    total += tags.size();
  }
  return total ? 100.0 * static_cast<double>(correct) / static_cast<double>(total) : 0;
}

FrozenWeights Trainer::TrainTagger(const std::vector<const Example*>& train, int epochs,
                                   const std::vector<const Example*>& dev, uint64_t seed, int* best_epoch,
                                   bool verbose) const {
  int num_tags = static_cast<int>(model_.upos_.size());
  PerceptronTrainer p(num_tags);
  TagFeatures tf;
  uint64_t feats[TagFeatures::kMaxFeatures];
  std::vector<float> scores(num_tags);
  std::vector<const Example*> order = train;
  Rng rng(seed);
  FrozenWeights best;
  double best_acc = -1;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    rng.Shuffle(&order);
    size_t errors = 0, total = 0;
    for (const Example* e : order) {
      tf.Prepare(e->words);
      int prev1 = -1, prev2 = -1;
      for (int i = 0; i < static_cast<int>(e->words.size()); ++i) {
        int nf = tf.Extract(i, prev1, prev2, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        p.Score(feats, nf, scores.data());
        int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        int gold = e->tags[i];
        if (guess != gold) {
          p.Update(feats, nf, gold, 1.0f);
          p.Update(feats, nf, guess, -1.0f);
          ++errors;
        }
        ++total;
        p.Tick();
        prev2 = prev1;
        prev1 = guess;
      }
    }
    if (dev.empty()) continue;
    FrozenWeights w = p.Freeze(static_cast<size_t>(opt_.tagger_mb * 1e6));
    double acc = TagAccuracy(w, dev);
    if (verbose) {
      Log("tagger epoch %d: train errors %.2f%%, dev UPOS+XPOS %.2f%%, %zu features, %.1f MB", epoch,
          100.0 * static_cast<double>(errors) / static_cast<double>(total), acc, w.num_features(),
          static_cast<double>(w.bytes()) / 1e6);
    }
    if (acc > best_acc) {
      best_acc = acc;
      best = std::move(w);
      *best_epoch = epoch;
    }
  }
  if (dev.empty()) return p.Freeze(static_cast<size_t>(opt_.tagger_mb * 1e6));
  return best;
}

void Trainer::Jackknife(int epochs) {
  int k = std::max(2, opt_.folds);
  std::vector<std::vector<int>> fold_tags(train_.size());
  auto run_fold = [&](int fold) {
    std::vector<const Example*> in, none;
    for (size_t i = 0; i < train_.size(); ++i) {
      if (static_cast<int>(i % k) != fold) in.push_back(&train_[i]);
    }
    int unused = 0;
    FrozenWeights w = TrainTagger(in, epochs, none, opt_.seed + 1000 + fold, &unused, false);
    Model m;
    m.upos_ = model_.upos_;
    m.xpos_ = model_.xpos_;
  m.tag_dict_ = model_.tag_dict_;
    m.tagger_ = std::move(w);
    for (size_t i = fold; i < train_.size(); i += k) m.Tag(train_[i].words, &fold_tags[i]);
  };
  for (int first = 0; first < k; first += opt_.threads) {
    std::vector<std::thread> threads;
    for (int f = first; f < std::min(k, first + opt_.threads); ++f) threads.emplace_back(run_fold, f);
    for (std::thread& t : threads) t.join();
  }
  size_t correct = 0, total = 0;
  for (size_t i = 0; i < train_.size(); ++i) {
    train_[i].auto_tags = std::move(fold_tags[i]);
    for (size_t j = 0; j < train_[i].tags.size(); ++j) correct += train_[i].auto_tags[j] == train_[i].tags[j];
    total += train_[i].tags.size();
  }
  Log("jackknifed training tags (%d folds): %.2f%% correct", k,
      100.0 * static_cast<double>(correct) / static_cast<double>(total));
}

// Honnibal's tag dictionary: words seen at least 20 times with one tag at least 97% of the time.
void Trainer::BuildTagDictionary() {
  std::map<uint64_t, std::map<int, int>> counts;
  for (const Example& e : train_) {
    for (size_t i = 0; i < e.forms.size(); ++i) ++counts[HashBytes(e.forms[i])][e.tags[i]];
  }
  model_.tag_dict_.clear();
  for (const auto& [h, tags] : counts) {
    int total = 0, best = -1, best_count = 0;
    for (auto [t, c] : tags) {
      total += c;
      if (c > best_count) { best = t; best_count = c; }
    }
    if (total >= 20 && best_count >= 0.97 * total) model_.tag_dict_.emplace_back(h, static_cast<uint32_t>(best));
  }
  Log("tag dictionary: %zu words", model_.tag_dict_.size());
}

EvalScores Trainer::ParseDev(const FrozenWeights& parser) const {
  EvalScores sc;
  std::vector<int> heads, labels;
  for (const Example& e : dev_) {
    Parse(parser, model_.transitions_, e.hashes.data(), e.auto_tags.data(), static_cast<int>(e.words.size()),
          &heads, &labels);
    for (size_t i = 0; i < heads.size(); ++i) {
      ++sc.words;
      sc.upos += e.auto_tags[i] == e.tags[i];
      sc.uas += heads[i] == e.heads[i];
      sc.las += heads[i] == e.heads[i] && labels[i] == e.labels[i];
    }
  }
  sc.xpos = sc.upos;
  return sc;
}

FrozenWeights Trainer::TrainParser() {
  const TransitionSystem& ts = model_.transitions_;
  int nc = ts.num_classes();
  PerceptronTrainer p(nc);
  uint64_t feats[ParserFeatures::kMaxFeatures];
  std::vector<float> scores(nc);
  std::vector<int> cost(nc);
  std::vector<const Example*> order;
  for (const Example& e : train_) order.push_back(&e);
  Rng rng(opt_.seed + 7);
  FrozenWeights best;
  double best_las = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= opt_.parser_epochs; ++epoch) {
    auto t0 = std::chrono::steady_clock::now();
    rng.Shuffle(&order);
    size_t errors = 0, steps = 0;
    for (const Example* e : order) {
      int n = static_cast<int>(e->words.size());
      ParseState state(n);
      ParserFeatures pf(e->hashes.data(), e->auto_tags.data(), n);
      while (!state.Terminal()) {
        int nf = pf.Extract(state, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        p.Score(feats, nf, scores.data());
        int unlabelled[4];
        state.Costs(e->heads, unlabelled);
        int s0 = state.StackAt(0), b = state.b();
        auto gold_head = [&](int i) { return e->heads[i] < 0 ? n : e->heads[i]; };
        int pred = -1, gold = -1, min_cost = 1 << 30;
        for (int c = 0; c < nc; ++c) {
          if (!state.Valid(c, ts)) { cost[c] = -1; continue; }
          int kind = c < 2 ? c : c < 2 + ts.num_labels ? 2 : 3;
          int k = unlabelled[kind];
          int l = kind >= 2 ? (c - 2) % ts.num_labels : -1;
          if (kind == 2 && gold_head(s0) == b && l != e->labels[s0]) ++k;
          if (kind == 3 && gold_head(b) == s0 && l != e->labels[b]) ++k;
          cost[c] = k;
          min_cost = std::min(min_cost, k);
          if (pred < 0 || scores[c] > scores[pred]) pred = c;
        }
        for (int c = 0; c < nc; ++c) {
          if (cost[c] == min_cost && (gold < 0 || scores[c] > scores[gold])) gold = c;
        }
        if (cost[pred] > min_cost) {
          p.Update(feats, nf, gold, 1.0f);
          p.Update(feats, nf, pred, -1.0f);
          ++errors;
        }
        p.Tick();
        ++steps;
        bool explore = epoch > 1 && rng.Uniform() < 0.9;
        state.Apply(explore ? pred : gold, ts);
      }
    }
    FrozenWeights w = p.Freeze(static_cast<size_t>(opt_.parser_mb * 1e6));
    EvalScores dev = ParseDev(w);
    Log("parser epoch %d: %.1fs, train errors %.2f%%, dev UAS %.2f LAS %.2f (tags %.2f), %zu features, %.1f MB",
        epoch, Seconds(t0), 100.0 * static_cast<double>(errors) / static_cast<double>(steps), dev.Pct(dev.uas),
        dev.Pct(dev.las), dev.Pct(dev.upos), w.num_features(), static_cast<double>(w.bytes()) / 1e6);
    if (dev.Pct(dev.las) > best_las) {
      best_las = dev.Pct(dev.las);
      best = std::move(w);
      best_epoch = epoch;
    }
  }
  Log("parser: keeping epoch %d (dev LAS %.2f)", best_epoch, best_las);
  char buf[96];
  std::snprintf(buf, sizeof buf, "parser_epoch=%d of %d\n", best_epoch, opt_.parser_epochs);
  model_.metadata_ += buf;
  return best;
}

Status Trainer::Run() {
  DYAD_RETURN_IF_ERROR(LoadData());
  std::vector<const Example*> train, dev;
  for (const Example& e : train_) train.push_back(&e);
  for (const Example& e : dev_) dev.push_back(&e);
  auto base = [](const std::string& p) { return p.substr(p.find_last_of('/') + 1); };
  std::string& meta = model_.metadata_;
  for (const auto& [key, files] : {std::pair{"train", &opt_.train_files}, std::pair{"dev", &opt_.dev_files},
                                   std::pair{"exclude", &opt_.exclude_files}}) {
    meta += key;
    meta += "=";
    for (size_t i = 0; i < files->size(); ++i) meta += (i ? "," : "") + base((*files)[i]);
    meta += "\n";
  }
  meta += "seed=" + std::to_string(opt_.seed) + "\nfolds=" + std::to_string(opt_.folds) + "\n";
  BuildTagDictionary();
  int best_epoch = opt_.tagger_epochs;
  model_.tagger_ = TrainTagger(train, opt_.tagger_epochs, dev, opt_.seed, &best_epoch, true);
  Log("tagger: keeping epoch %d", best_epoch);
  meta += "tagger_epoch=" + std::to_string(best_epoch) + " of " + std::to_string(opt_.tagger_epochs) + "\n";
  if (!opt_.tagger_only) {
    Jackknife(best_epoch);
    for (Example& e : dev_) model_.Tag(e.words, &e.auto_tags);
    for (auto* set : {&train_, &dev_}) {
      for (Example& e : *set) {
        TagFeatures tf;
        tf.Prepare(e.words);
        for (int i = 0; i < static_cast<int>(e.words.size()); ++i) e.hashes.push_back(tf.lower(i));
      }
    }
    model_.parser_ = TrainParser();
    model_.has_parser_ = true;
  }
  if (!dev_.empty()) {
    std::vector<ConlluSentence> gold;
    for (const std::string& path : opt_.dev_files) {
      auto r = ReadConlluFile(path);
      if (!r.ok()) return r.status();
      EvalScores sc = Evaluate(model_, *r);
      Log("dev %s: %s", base(path).c_str(), sc.ToString().c_str());
      meta += "dev " + base(path) + ": " + sc.ToString() + "\n";
    }
  }
  DYAD_RETURN_IF_ERROR(model_.Save(opt_.output));
  Log("wrote %s (%.1f MB)", opt_.output.c_str(), static_cast<double>(model_.bytes()) / 1e6);
  return Status::Ok();
}

Status TrainModel(const TrainOptions& options) {
  Trainer t(options);
  return t.Run();
}

}  // namespace dyad::syntax
