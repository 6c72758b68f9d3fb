#include "ingest/dedup_cli.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/hash.h"
#include "common/strings.h"
#include "dyad/date.h"
#include "ingest/line_reader.h"
#include "ingest/reader.h"

namespace dyad {
namespace {

using Json = nlohmann::ordered_json;

constexpr int64_t kNoDate = INT64_MIN;

struct Cluster {
  Json record;
  int64_t first = kNoDate, last = kNoDate;  // mention dates as days since 1970
  int64_t mentions = 0;
  std::unordered_set<uint64_t> articles, originals, sources;
};

std::string StringField(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

uint64_t Hash(std::string_view s) { return Hasher().Add(s).value(); }

std::string DayString(int64_t days) { return days == kNoDate ? "" : Date::FromDays(days).ToString(); }

}  // namespace

struct MentionMerger::State {
  MergeOptions options;
  std::vector<Cluster> clusters;                             // in order of first mention
  std::unordered_map<std::string, std::vector<size_t>> by_key;  // event_key -> clusters
};

MentionMerger::MentionMerger(MergeOptions options) : state_(std::make_unique<State>()) {
  state_->options = options;
}
MentionMerger::~MentionMerger() = default;

size_t MentionMerger::num_events() const { return state_->clusters.size(); }

bool MentionMerger::Add(std::string_view line, std::string* reason) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    *reason = "invalid JSON";
    return false;
  }
  if (!j.is_object()) {
    *reason = "not a JSON object";
    return false;
  }
  std::string key = StringField(j, "event_key");
  if (key.empty()) {
    *reason = "missing string field 'event_key'";
    return false;
  }
  std::string article = StringField(j, "article_id");
  std::string duplicate_of = StringField(j, "duplicate_of");
  std::string publisher = StringField(j, "publisher");
  std::string when = StringField(j, "published");
  if (when.empty()) when = StringField(j, "date");
  std::optional<Date> date = Date::Parse(when);
  int64_t day = date ? date->ToDays() : kNoDate;

  std::vector<size_t>& candidates = state_->by_key[key];
  Cluster* cluster = nullptr;
  int64_t window = state_->options.window_days;
  for (size_t index : candidates) {
    Cluster& c = state_->clusters[index];
    bool near = window <= 0 || day == kNoDate || c.first == kNoDate ||
                (day >= c.first - window && day <= c.last + window);
    if (near) {
      cluster = &c;
      break;
    }
  }
  if (cluster == nullptr) {
    candidates.push_back(state_->clusters.size());
    cluster = &state_->clusters.emplace_back();
    cluster->record = j;
    for (const char* field : {"id", "article_id", "url", "publisher", "sentence", "sentence_index", "trigger",
                              "rule", "duplicate_of", "published"}) {
      cluster->record.erase(field);
    }
    cluster->record["first_article_id"] = article;
    cluster->record["first_url"] = StringField(j, "url");
  }
  ++cluster->mentions;
  cluster->articles.insert(Hash(article));
  cluster->originals.insert(Hash(duplicate_of.empty() ? article : duplicate_of));
  cluster->sources.insert(Hash(publisher));
  if (day != kNoDate) {
    if (cluster->first == kNoDate || day < cluster->first) cluster->first = day;
    if (cluster->last == kNoDate || day > cluster->last) cluster->last = day;
  }
  return true;
}

void MentionMerger::Write(std::string* out) const {
  for (const Cluster& c : state_->clusters) {
    Json record = c.record;
    record["num_mentions"] = c.mentions;
    record["num_articles"] = c.articles.size();
    record["num_sources"] = c.sources.size();
    record["num_independent_articles"] = c.originals.size();
    record["first_mention_date"] = DayString(c.first);
    record["last_mention_date"] = DayString(c.last);
    out->append(record.dump(-1, ' ', false, Json::error_handler_t::replace));
    out->push_back('\n');
  }
}

int RunDedupCommand(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string out_path, errors_path;
  MergeOptions options;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    bool valued = a == "-o" || a == "--window" || a == "--errors";
    if (valued && i + 1 >= argc) {
      std::fprintf(stderr, "dyad: %s needs a value\n", a.c_str());
      return 1;
    }
    if (a == "-o") {
      out_path = argv[++i];
    } else if (a == "--errors") {
      errors_path = argv[++i];
    } else if (a == "--window") {
      std::string v = argv[++i];
      char* end = nullptr;
      long days = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || days < 0 || days > 100000) {
        std::fprintf(stderr, "dyad: --window needs a number of days\n");
        return 1;
      }
      options.window_days = static_cast<int>(days);
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "dyad: unknown option %s\nusage: dyad dedup [FILE...|-] [-o OUT] [--window DAYS] [--errors FILE]\n",
                   a.c_str());
      return 1;
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) inputs.push_back("-");
  std::FILE* errs = errors_path.empty() ? stderr : std::fopen(errors_path.c_str(), "wb");
  if (errs == nullptr) {
    std::fprintf(stderr, "dyad: cannot write %s\n", errors_path.c_str());
    return 1;
  }
  MentionMerger merger(options);
  int rc = 0;
  for (const std::string& path : inputs) {
    std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (in == nullptr) {
      std::fprintf(stderr, "dyad: cannot open '%s': %s\n", path.c_str(), std::strerror(errno));
      rc = 1;
      break;
    }
    std::string name = path == "-" ? "<stdin>" : path;
    ingest::LineReader lines(in, 8 << 20);
    ingest::RawLine line;
    while (lines.Next(&line)) {
      std::string reason;
      if (line.truncated) {
        reason = "line over the limit of 8388608 bytes";
      } else if (Trim(line.text).empty() || merger.Add(line.text, &reason)) {
        continue;
      }
      InputError e{name, line.number, line.offset, reason, "", false};
      std::fprintf(errs, "%s\n", FormatInputError(e).c_str());
    }
    bool failed = lines.failed();
    if (in != stdin) std::fclose(in);
    if (failed) {
      std::fprintf(stderr, "dyad: read error in '%s'\n", name.c_str());
      rc = 1;
      break;
    }
  }
  if (errs != stderr) std::fclose(errs);
  if (rc != 0) return rc;
  std::FILE* out = out_path.empty() ? stdout : std::fopen(out_path.c_str(), "wb");
  if (out == nullptr) {
    std::fprintf(stderr, "dyad: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::string buf;
  merger.Write(&buf);
  std::fwrite(buf.data(), 1, buf.size(), out);
  if (out != stdout) std::fclose(out);
  return 0;
}

}  // namespace dyad
