// dyad command line: parse flags, call the library, print. See `dyad help`.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "common/json_writer.h"
#include "dyad/coder.h"
#include "ingest/dedup_cli.h"
#include "ingest/reader.h"
#include "pipeline/eval_geo.h"
#include "pipeline/eval_plover.h"
#include "pipeline/eval_quiet.h"
#include "lexicon/lexicon_cli.h"
#include "pipeline/actor_eval.h"
#include "pipeline/code_run.h"
#include "pipeline/lexicon_gaps.h"
#include "pipeline/summary.h"
#include "serve/serve_cli.h"
#include "store/store_cli.h"
#include "syntax/cli.h"

namespace {

const char kUsage[] =
    "usage: dyad <command> [options]\n"
    "  code [FILE...|-] [-o OUT] [-j N] [--format jsonl|tsv] [--date YYYY-MM-DD] [--quiet]\n"
    "       [--input-format jsonl|txt|dir|html|rss|warc] [--errors FILE] [--strict] [--include-modal]\n"
    "       [--summary] [--max-article-bytes N] [--max-sentence-tokens N] [--no-topic-gate]\n"
    "       [--actors PATH]... [--only-actors] [--events PATH]...   code articles into events (JSON Lines)\n"
    "  dedup [FILE...|-] [-o OUT] [--window DAYS] [--errors FILE]   merge event mentions into events\n"
    "  explain \"TEXT\"|- [--date D]     show tokens, actors, places, dates, candidate events\n"
    "  actor \"TEXT\" [--date D] | actor --batch FILE [--date D]   resolve actor names\n"
    "  geo \"TEXT\"|- [--date D]         places found, their resolution and runner-up candidates\n"
    "  dates \"TEXT\"|- --date D         date expressions, what they resolved to and why\n"
    "  eval plover FILE [--details]     score against PLOVER gold sentences\n"
    "  eval quiet FILE [--categories a,b] [--details]   events per 1,000 sentences in quiet news\n"
    "  eval geo FILE [--details]        place resolution on tests/geo/geo_eval.tsv\n"
    "  eval actors FILE [--details]     actor strings with expected country and sector\n"
    "  lexicon import --from petrarch DIR -o OUTDIR   convert PETRARCH/TABARI actor dictionaries\n"
    "  lexicon gaps CORPUS... [--min-count N] [--top N] [-o OUT.tsv]   unresolved people and organisations\n"
    "  train --train F... --dev F... [--exclude F...] -o MODEL [--seed N]   train tagger and parser\n"
    "  parse [FILE|-] [--input text|conllu] [--model P] [--eval] [--speed]   CoNLL-U tags and parse\n"
    "  parse --eval-tokens FILE.conllu [--show-errors N]   tokenizer and splitter against UD gold\n"
    "  version                          print dyad and lexicon versions\n";

struct Flags {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> values;
  std::map<std::string, bool> switches;
  std::string error;
  std::string Get(const std::string& k, const std::string& def = "") const {
    auto it = values.find(k);
    return it == values.end() || it->second.empty() ? def : it->second.back();
  }
  bool On(const std::string& k) const { return switches.count(k) != 0; }
};

Flags ParseFlags(int argc, char** argv, int start) {
  static const char* kValued[] = {"-o", "--format", "--date", "--input-format", "--errors",
                                  "--max-article-bytes", "--max-sentence-tokens", "--actors",
                                  "--batch", "--data", "--gazetteer", "--categories", "-j", "--from", "--min-count", "--top", "--events"};
  Flags f;
  for (int i = start; i < argc; ++i) {
    std::string a = argv[i];
    bool valued = false;
    for (const char* v : kValued) valued = valued || a == v;
    if (valued) {
      if (i + 1 >= argc) { f.error = a + " needs a value"; return f; }
      f.values[a].push_back(argv[++i]);
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      f.switches[a] = true;
    } else {
      f.positional.push_back(a);
    }
  }
  return f;
}

dyad::Result<std::unique_ptr<dyad::Coder>> MakeCoder(const Flags& f) {
  dyad::CoderConfig cfg;
  cfg.data_dir = f.Get("--data");
  cfg.gazetteer_path = f.Get("--gazetteer");
  cfg.include_modal = f.On("--include-modal");
  cfg.topic_gate = !f.On("--no-topic-gate");
  cfg.use_parser = !f.On("--rule-tagger");
  if (auto it = f.values.find("--actors"); it != f.values.end()) cfg.actor_paths = it->second;
  if (auto it = f.values.find("--events"); it != f.values.end()) cfg.event_paths = it->second;
  cfg.replace_actors = f.On("--only-actors");
  if (!f.Get("--max-article-bytes").empty()) cfg.max_article_bytes = std::stoull(f.Get("--max-article-bytes"));
  if (!f.Get("--max-sentence-tokens").empty()) cfg.max_sentence_tokens = std::stoul(f.Get("--max-sentence-tokens"));
  auto coder = dyad::Coder::Create(cfg);
  if (coder.ok()) {
    for (const std::string& w : (*coder)->warnings()) std::fprintf(stderr, "dyad: warning: %s\n", w.c_str());
  }
  return coder;
}

int Fail(const std::string& msg) {
  std::fprintf(stderr, "dyad: %s\n", msg.c_str());
  return 1;
}

int CmdCode(const Flags& f) {
  std::string format = f.Get("--format", "jsonl");
  if (format != "jsonl" && format != "tsv") return Fail("--format must be jsonl or tsv");
  dyad::ReaderOptions ropts;
  ropts.date = f.Get("--date");
  if (!f.Get("--input-format").empty()) {
    auto fmt = dyad::ParseInputFormat(f.Get("--input-format"));
    if (!fmt) return Fail("--input-format must be jsonl, txt, dir, html, rss or warc");
    ropts.format = *fmt;
  }
  if (!f.Get("--max-article-bytes").empty()) ropts.max_text_bytes = std::stoull(f.Get("--max-article-bytes"));
  dyad::pipeline::CodeRunOptions opts;
  opts.tsv = format == "tsv";
  opts.strict = f.On("--strict");
  unsigned hw = std::thread::hardware_concurrency();
  opts.threads = f.Get("-j").empty() ? static_cast<int>(hw == 0 ? 1 : hw) : std::stoi(f.Get("-j"));
  if (opts.threads < 1) return Fail("-j must be at least 1");
  opts.progress = isatty(fileno(stderr)) && !f.On("--quiet");
  auto coder = MakeCoder(f);
  if (!coder.ok()) return Fail(coder.status().ToString());
  std::FILE* out = stdout;
  if (!f.Get("-o").empty()) {
    out = std::fopen(f.Get("-o").c_str(), "wb");
    if (!out) return Fail("cannot write " + f.Get("-o"));
  }
  std::FILE* errs = stderr;
  if (!f.Get("--errors").empty()) {
    errs = std::fopen(f.Get("--errors").c_str(), "wb");
    if (!errs) return Fail("cannot write " + f.Get("--errors"));
  }
  std::vector<std::string> inputs = f.positional;
  if (inputs.empty()) inputs.push_back("-");
  dyad::pipeline::Summary summary;
  int rc = dyad::pipeline::CodeInputs(**coder, inputs, ropts, opts, out, errs, &summary);
  if (out != stdout) std::fclose(out);
  if (errs != stderr) std::fclose(errs);
  if (f.On("--summary")) std::fputs(summary.Format().c_str(), stderr);
  return rc;
}

std::string TextArg(const Flags& f) {
  if (f.positional.empty() || f.positional[0] == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  return f.positional[0];
}

int CmdExplain(const Flags& f) {
  auto coder = MakeCoder(f);
  if (!coder.ok()) return Fail(coder.status().ToString());
  dyad::Article a;
  a.id = "explain";
  a.date = f.Get("--date");
  a.text = TextArg(f);
  for (const std::string& line : (*coder)->Explain(a).lines) std::printf("%s\n", line.c_str());
  return 0;
}

void PrintActors(const dyad::Coder& coder, const std::string& text, const std::string& date) {
  dyad::Article a;
  a.id = "actor";
  a.date = date;
  a.text = text;
  dyad::Explanation ex = coder.Explain(a);
  std::string out;
  dyad::JsonWriter w(&out);
  w.BeginArray();
  for (const dyad::ActorMention& m : ex.doc.actors) {
    w.BeginObject().Field("text", ex.doc.Text(m.span)).Field("code", m.code).Field("country", m.country)
        .Field("sector", m.sector).Field("name", m.name).Field("rule", m.rule).EndObject();
  }
  w.EndArray();
  std::printf("%s\n", out.c_str());
}

// `dyad geo` and `dyad dates`: describe one text.
int CmdDescribe(const Flags& f, bool places) {
  auto coder = MakeCoder(f);
  if (!coder.ok()) return Fail(coder.status().ToString());
  dyad::Article a;
  a.id = places ? "geo" : "dates";
  a.date = f.Get("--date");
  a.text = TextArg(f);
  auto lines = places ? (*coder)->DescribePlaces(a) : (*coder)->DescribeDates(a);
  for (const std::string& line : lines) std::printf("%s\n", line.c_str());
  if (lines.empty()) std::printf("%s\n", places ? "no place names found" : "no dates found");
  if (!places && a.date.empty()) {
    std::printf("(no --date given: relative dates such as \"on Tuesday\" or \"a day earlier\" need one)\n");
  }
  return 0;
}

int CmdEval(const Flags& f) {
  if (f.positional.size() != 2 ||
      (f.positional[0] != "plover" && f.positional[0] != "quiet" && f.positional[0] != "geo" &&
       f.positional[0] != "actors")) {
    return Fail("usage: dyad eval plover|quiet|geo|actors FILE");
  }
  auto coder = MakeCoder(f);
  if (!coder.ok()) return Fail(coder.status().ToString());
  if (f.positional[0] == "actors") return dyad::pipeline::RunEvalActors(**coder, f.positional[1], f.On("--details"));
  if (f.positional[0] == "geo") {
    auto scores = dyad::pipeline::EvaluateGeo(**coder, f.positional[1]);
    if (!scores.ok()) return Fail(scores.status().ToString());
    if (f.On("--details")) for (const std::string& d : scores->details) std::printf("%s\n", d.c_str());
    std::fputs(scores->Format().c_str(), stdout);
    return 0;
  }
  if (f.positional[0] == "quiet") {
    std::set<std::string> cats;
    std::string list = f.Get("--categories");
    for (size_t b = 0; b < list.size();) {
      size_t e = list.find(',', b);
      if (e == std::string::npos) e = list.size();
      if (e > b) cats.insert(list.substr(b, e - b));
      b = e + 1;
    }
    auto scores = dyad::pipeline::EvaluateQuiet(**coder, f.positional[1], cats);
    if (!scores.ok()) return Fail(scores.status().ToString());
    if (f.On("--details")) for (const std::string& d : scores->listing) std::printf("%s\n", d.c_str());
    std::fputs(scores->Format().c_str(), stdout);
    return 0;
  }
  auto scores = dyad::pipeline::EvaluatePlover(**coder, f.positional[1]);
  if (!scores.ok()) return Fail(scores.status().ToString());
  if (f.On("--details")) for (const std::string& d : scores->details) std::printf("%s\n", d.c_str());
  std::fputs(scores->Format().c_str(), stdout);
  return 0;
}

int CmdActor(const Flags& f) {
  auto coder = MakeCoder(f);
  if (!coder.ok()) return Fail(coder.status().ToString());
  if (!f.Get("--batch").empty()) {
    std::ifstream in(f.Get("--batch"));
    if (!in) return Fail("cannot read " + f.Get("--batch"));
    std::string line;
    while (std::getline(in, line)) PrintActors(**coder, line, f.Get("--date"));
    return 0;
  }
  PrintActors(**coder, TextArg(f), f.Get("--date"));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    std::fputs(dyad::store::kStoreUsage, argc < 2 ? stderr : stdout);
    std::fputs(dyad::serve::kServeUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 1 : 0;
  }
  std::string cmd = argv[1];
  if (cmd == "dedup") return dyad::RunDedupCommand(argc - 2, argv + 2);
  if (cmd == "serve") return dyad::serve::RunServeCommand(argc, argv);
  if (cmd == "train") return dyad::syntax::RunTrainCommand(argc - 1, argv + 1);
  if (cmd == "parse") return dyad::syntax::RunParseCommand(argc - 1, argv + 1);
  Flags f = ParseFlags(argc, argv, 2);
  if (!f.error.empty()) return Fail(f.error);
  if (cmd == "code") return CmdCode(f);
  if (cmd == "explain") return CmdExplain(f);
  if (cmd == "actor") return CmdActor(f);
  if (cmd == "eval") return CmdEval(f);
  if (cmd == "ingest") {
    auto coder = MakeCoder(f);
    if (!coder.ok()) return Fail(coder.status().ToString());
    return dyad::store::RunIngestCommand(**coder, argc, argv);
  }
  if (cmd == "relations") return dyad::store::RunRelationsCommand(argc, argv);
  if (cmd == "top") return dyad::store::RunTopCommand(argc, argv);
  if (cmd == "search") return dyad::store::RunSearchCommand(argc, argv);
  if (cmd == "export") return dyad::store::RunExportCommand(argc, argv);
  if (cmd == "geo") return CmdDescribe(f, true);
  if (cmd == "lexicon" && argc > 2 && std::string(argv[2]) == "import") return dyad::lexicon::RunLexiconImport(argc, argv);
  if (cmd == "lexicon" && argc > 2 && std::string(argv[2]) == "gaps") {
    auto coder = MakeCoder(f);
    if (!coder.ok()) return Fail(coder.status().ToString());
    return dyad::pipeline::RunLexiconGaps(**coder, argc, argv);
  }
  if (cmd == "dates") return CmdDescribe(f, false);
  if (cmd == "version") {
    auto coder = MakeCoder(f);
    std::printf("dyad %s\n", dyad::Version());
    if (coder.ok()) std::printf("lexicon %s\n", (*coder)->lexicon_version().c_str());
    return 0;
  }
  std::fputs(kUsage, stderr);
  return 1;
}
