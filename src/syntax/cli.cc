#include "syntax/cli.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/model.h"
#include "syntax/token_eval.h"
#include "syntax/train.h"
#include "text/tokenizer.h"

namespace dyad::syntax {
namespace {

// Flags: "--name value..." collects values until the next flag; bare words are positional.
struct Args {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::vector<std::string>>> flags;
  const std::vector<std::string>* Find(std::string_view name) const {
    for (const auto& [k, v] : flags) {
      if (k == name) return &v;
    }
    return nullptr;
  }
  bool Has(std::string_view name) const { return Find(name) != nullptr; }
  std::string One(std::string_view name, std::string def = "") const {
    const auto* v = Find(name);
    return v && !v->empty() ? v->back() : def;
  }
};

// `multi` flags take every following bare word; `switches` take none; others take one.
Args ParseArgs(int argc, char** argv, const std::vector<std::string_view>& multi,
               const std::vector<std::string_view>& switches) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    if (s.size() > 1 && s[0] == '-' && s != "-") {
      a.flags.emplace_back(s, std::vector<std::string>{});
      bool many = std::find(multi.begin(), multi.end(), s) != multi.end();
      if (std::find(switches.begin(), switches.end(), s) != switches.end()) continue;
      while (i + 1 < argc && (argv[i + 1][0] != '-' || std::string_view(argv[i + 1]) == "-")) {
        a.flags.back().second.push_back(argv[++i]);
        if (!many) break;
      }
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

bool ReadInput(const std::string& path, std::string* out) {
  std::stringstream ss;
  if (path.empty() || path == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    ss << in.rdbuf();
  }
  *out = ss.str();
  return true;
}

// Tags and parses every sentence of `doc` and writes it as CoNLL-U (both UPOS and XPOS).
void AppendDocumentConllu(const Model& model, const Document& doc, std::string* out) {
  std::vector<WordInput> words;
  SentenceAnalysis a;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    words.clear();
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      words.push_back(WordInput{doc.TokenText(i), doc.tokens[i].lower});
    }
    model.Analyze(words, &a);
    out->append("# sent_id = ").append(std::to_string(si + 1)).append("\n# text = ");
    out->append(doc.Text(s.span)).push_back('\n');
    for (size_t k = 0; k < words.size(); ++k) {
      std::string_view xpos = model.xpos(a.tags[k]);
      out->append(std::to_string(k + 1)).append("\t").append(words[k].form).append("\t");
      out->append(LemmaFor(words[k].lower, xpos)).append("\t").append(model.upos(a.tags[k]));
      out->append("\t").append(xpos).append("\t_\t").append(std::to_string(a.heads[k] + 1)).append("\t");
      out->append(a.labels[k] < 0 ? std::string_view("_") : model.label(a.labels[k]));
      out->append("\t_\t_\n");
    }
    out->push_back('\n');
  }
}

// dyad parse --eval-tokens FILE: our tokenizer and splitter against the file's gold words.
int EvalTokens(const Args& a) {
  std::string path = a.One("--eval-tokens");
  auto gold = ReadConlluFile(path);
  if (!gold.ok()) {
    std::fprintf(stderr, "dyad parse: %s: %s\n", path.c_str(), gold.status().ToString().c_str());
    return 1;
  }
  TokenEvalResult r = EvaluateTokenizer(*gold, std::stoul(a.One("--show-errors", "0")));
  for (const std::string& s : r.skipped) std::fprintf(stderr, "%s: skipped %s\n", path.c_str(), s.c_str());
  std::printf("%s: %s", path.c_str(), r.ToString().c_str());
  return 0;
}

}  // namespace

int RunTrainCommand(int argc, char** argv) {
  Args a = ParseArgs(argc, argv, {"--train", "--dev", "--exclude"}, {"--tagger-only"});
  TrainOptions o;
  if (const auto* v = a.Find("--train")) o.train_files = *v;
  if (const auto* v = a.Find("--dev")) o.dev_files = *v;
  if (const auto* v = a.Find("--exclude")) o.exclude_files = *v;
  o.output = a.One("-o", a.One("--output"));
  if (o.train_files.empty() || o.output.empty()) {
    std::fprintf(stderr, "usage: dyad train --train FILE... --dev FILE... [--exclude FILE...] -o MODEL\n"
                         "       [--seed N] [--tagger-epochs N] [--parser-epochs N] [--folds N]\n"
                         "       [--threads N] [--tagger-mb X] [--parser-mb X] [--tagger-only]\n");
    return 2;
  }
  o.seed = std::stoull(a.One("--seed", "1"));
  o.tagger_epochs = std::stoi(a.One("--tagger-epochs", std::to_string(o.tagger_epochs)));
  o.parser_epochs = std::stoi(a.One("--parser-epochs", std::to_string(o.parser_epochs)));
  o.folds = std::stoi(a.One("--folds", std::to_string(o.folds)));
  o.threads = std::max(1, std::stoi(a.One("--threads", std::to_string(o.threads))));
  o.tagger_mb = std::stod(a.One("--tagger-mb", std::to_string(o.tagger_mb)));
  o.parser_mb = std::stod(a.One("--parser-mb", std::to_string(o.parser_mb)));
  o.tagger_only = a.Has("--tagger-only");
  Status st = TrainModel(o);
  if (!st.ok()) {
    std::fprintf(stderr, "dyad train: %s\n", st.ToString().c_str());
    return 1;
  }
  return 0;
}

int RunParseCommand(int argc, char** argv) {
  Args a = ParseArgs(argc, argv, {}, {"--eval", "--speed"});
  if (a.Has("--eval-tokens")) return EvalTokens(a);
  std::string model_path = a.One("--model", FindModelPath());
  if (model_path.empty()) {
    std::fprintf(stderr, "dyad parse: no model (models/en.dyadparse or --model PATH)\n");
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto model = Model::Load(model_path);
  if (!model.ok()) {
    std::fprintf(stderr, "dyad parse: %s\n", model.status().ToString().c_str());
    return 1;
  }
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::string input;
  std::string path = a.positional.empty() ? "-" : a.positional[0];
  if (!ReadInput(path, &input)) {
    std::fprintf(stderr, "dyad parse: cannot read %s\n", path.c_str());
    return 1;
  }
  std::string out;
  if (a.One("--input", "text") == "conllu") {
    auto gold = ParseConllu(input);
    if (!gold.ok()) {
      std::fprintf(stderr, "dyad parse: %s: %s\n", path.c_str(), gold.status().ToString().c_str());
      return 1;
    }
    std::vector<ConlluSentence> predicted;
    EvalScores sc = Evaluate(**model, *gold, &predicted);
    for (const ConlluSentence& s : predicted) AppendConllu(s, &out);
    if (a.Has("--eval")) std::fprintf(stderr, "%s: %s\n", path.c_str(), sc.ToString().c_str());
  } else {
    Document doc = text::MakeDocument(input);
    auto t1 = std::chrono::steady_clock::now();
    std::clock_t c1 = std::clock();
    TagAndParse(**model, &doc);
    double cpu = static_cast<double>(std::clock() - c1) / CLOCKS_PER_SEC;
    double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    if (a.Has("--speed")) {
      double n = static_cast<double>(doc.sentences.size());
      std::fprintf(stderr, "model load %.1f ms; %zu sentences, %.1f tokens/sentence; tag+parse %.3f s "
                           "(CPU %.3f s): %.0f sentences/s (by CPU time %.0f), %.0f tokens/s\n", load_ms,
                   doc.sentences.size(), static_cast<double>(doc.tokens.size()) / n, sec, cpu, n / sec,
                   n / cpu, static_cast<double>(doc.tokens.size()) / sec);
      return 0;
    }
    AppendDocumentConllu(**model, doc, &out);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace dyad::syntax
