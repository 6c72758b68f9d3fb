#include "lexicon/actor_lexicon.h"

#include <algorithm>
#include <filesystem>

#include "common/utf8.h"
#include "text/tokenizer.h"

namespace dyad::lexicon {
namespace {

bool ParseKind(std::string_view s, ActorKind* k) {
  if (s == "country") *k = ActorKind::kCountry;
  else if (s == "metonym") *k = ActorKind::kMetonym;
  else if (s == "agent") *k = ActorKind::kAgent;
  else if (s == "honorific") *k = ActorKind::kHonorific;
  else if (s == "org") *k = ActorKind::kOrg;
  else if (s == "person") *k = ActorKind::kPerson;
  else return false;
  return true;
}

std::string Attr(const LexiconLine& l, const char* key) {
  auto it = l.attributes.find(key);
  if (it == l.attributes.end()) return "";
  std::string v(it->second);
  std::replace(v.begin(), v.end(), '_', ' ');
  return v;
}

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths, const char* ext) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::string> files;
      for (const auto& e : std::filesystem::directory_iterator(p, ec)) {
        if (e.path().extension() == ext) files.push_back(e.path().string());
      }
      std::sort(files.begin(), files.end());
      out.insert(out.end(), files.begin(), files.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace

std::string ActorLexicon::AddLine(const LexiconLine& l) {
  ActorEntry e;
  if (!ParseKind(l.fields[0], &e.kind)) return "unknown kind '" + std::string(l.fields[0]) + "'";
  e.code = std::string(l.fields[1]);
  e.file = std::string(l.file);
  e.line = l.line;
  e.country = Attr(l, "country");
  e.sector = Attr(l, "sector");
  e.role = Attr(l, "role");
  e.title = Attr(l, "title") == "1";
  e.plural = Attr(l, "plural") == "1";
  e.place = Attr(l, "place") == "1";
  e.needs_country = Attr(l, "needs_country") == "1";
  if (e.kind == ActorKind::kCountry) e.country = e.code;
  if (e.kind == ActorKind::kAgent) e.sector = e.code;
  for (const char* key : {"from", "to"}) {
    std::string v = Attr(l, key);
    if (v.empty()) continue;
    auto d = Date::Parse(v);
    if (!d) return std::string("bad date in ") + key + "=";
    (key[0] == 'f' ? e.from : e.to) = *d;
  }
  std::vector<std::string> names = SplitAlternatives(l.fields[2]);
  if (names.empty()) return "no names";
  std::string canonical = Attr(l, "name");
  e.name = canonical.empty() ? names[0] : std::move(canonical);
  uint32_t idx = static_cast<uint32_t>(entries_.size());
  entries_.push_back(std::move(e));
  auto add = [&](const std::vector<std::string>& list, NameRole role) {
    for (const std::string& n : list) {
      if (matcher_.Add(n, static_cast<uint32_t>(refs_.size()))) refs_.push_back(Ref{idx, role});
    }
  };
  // Each name is split into words once: for the matcher, and for a person's surname.
  std::vector<std::vector<std::string>> name_words;
  name_words.reserve(names.size());
  for (const std::string& n : names) {
    name_words.push_back(text::TokenizeWords(n));
    if (matcher_.AddWords(name_words.back(), static_cast<uint32_t>(refs_.size()))) {
      refs_.push_back(Ref{idx, NameRole::kName});
    }
  }
  auto list_attr = [&](const char* key) {
    auto it = l.attributes.find(key);
    if (it == l.attributes.end()) return std::vector<std::string>{};
    std::string v(it->second);
    std::replace(v.begin(), v.end(), '_', ' ');
    return SplitAlternatives(v);
  };
  if (entries_[idx].kind == ActorKind::kPerson) {
    auto add_surname = [&](const std::string& key) {
      auto& v = surnames_[key];
      if (std::find(v.begin(), v.end(), idx) == v.end()) v.push_back(idx);
    };
    // surname=Xi|Lopez_Obrador: the forms used alone, when a name's last word is not one.
    std::vector<std::string> explicit_surnames = list_attr("surname");
    for (const std::string& n : explicit_surnames) {
      std::vector<std::string> words = text::TokenizeWords(n);
      std::string joined;
      for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + utf8::NormalizeLower(w);
      if (!joined.empty()) entries_[idx].surnames.push_back(joined);
      if (words.size() == 1) add_surname(utf8::NormalizeLower(words[0]));
      else if (words.size() > 1 && matcher_.Add(n, static_cast<uint32_t>(refs_.size()))) {
        refs_.push_back(Ref{idx, NameRole::kName});  // "Lopez Obrador" is distinctive enough
      }
    }
    if (explicit_surnames.empty()) {
      for (const std::vector<std::string>& words : name_words) {
        if (words.size() >= 2) add_surname(utf8::NormalizeLower(words.back()));
      }
    }
  }
  add(list_attr("adj"), NameRole::kAdjective);
  add(list_attr("people"), NameRole::kPeople);
  add(list_attr("ethnic"), NameRole::kEthnic);
  add(list_attr("ethnic_people"), NameRole::kPeople);
  add(list_attr("capital"), NameRole::kCapital);
  return "";
}

void ActorLexicon::Finish() {
  matcher_.Finish();
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].kind == ActorKind::kCountry) countries_.emplace(entries_[i].code, i);
  }
}

Result<std::shared_ptr<const ActorLexicon>> ActorLexicon::Load(
    const std::vector<std::string>& paths, std::vector<Diagnostic>* diagnostics) {
  auto lex = std::make_shared<ActorLexicon>();
  std::vector<std::string> files = ExpandPaths(paths, ".actors");
  if (files.empty()) return Status::NotFound("no .actors files in the given paths");
  for (const std::string& f : files) {
    std::string version;
    DYAD_RETURN_IF_ERROR(ReadLexiconFile(
        f, 3, [&](const LexiconLine& l) { return lex->AddLine(l); }, &version, diagnostics));
    if (!version.empty()) {
      if (!lex->version_.empty()) lex->version_ += ",";
      lex->version_ += std::filesystem::path(f).filename().string() + "=" + version;
    }
  }
  lex->Finish();
  return std::shared_ptr<const ActorLexicon>(std::move(lex));
}

std::shared_ptr<const ActorLexicon> ActorLexicon::FromText(std::string_view text,
                                                           std::vector<Diagnostic>* diagnostics) {
  auto lex = std::make_shared<ActorLexicon>();
  ParseLexiconText(text, "<text>", 3, [&](const LexiconLine& l) { return lex->AddLine(l); },
                   &lex->version_, diagnostics);
  lex->Finish();
  return lex;
}

bool IsLeaderRole(std::string_view role) {
  // clang-format off
  static const char* const kRoles[] = {
      "President", "Prime Minister", "King", "Queen", "Emir", "Sultan", "Chancellor", "Premier",
      "Taoiseach", "Supreme Leader", "Head of State", "Transitional President", "Interim President",
      "Acting President", "Caretaker Prime Minister", "Chairman of the Council of Ministers"};
  // clang-format on
  for (const char* r : kRoles) {
    if (role == r) return true;
  }
  return false;
}

namespace {

// How prominent an office of this sector is, for a mention without a date: government first, a
// seat in a legislature last (most office-holders also sit in one).
int SectorRank(std::string_view s) {
  if (s == "GOV" || s == "IGO") return 0;
  if (s == "MIL" || s == "SPY" || s == "COP" || s == "JUD") return 1;
  if (s == "OPP" || s == "REB" || s == "SEP" || s == "INS" || s == "IMG") return 2;
  if (s == "PTY") return 3;
  if (s == "LEG") return 4;
  return 5;
}

// Of two offices of one person, the one an undated mention more likely means: a national
// leader's or an international organisation's (Guterres the UN's chief, not Portugal's prime
// minister; the later of the two), else the most prominent, else the latest.
bool PreferredOffice(const ActorEntry& a, const ActorEntry& b) {
  auto top = [](const ActorEntry& x) {
    return IsLeaderRole(x.role) || x.code.rfind("IGO", 0) == 0;
  };
  bool la = top(a), lb = top(b);
  if (la != lb) return la;
  int ra = la ? 0 : SectorRank(a.sector), rb = lb ? 0 : SectorRank(b.sector);
  if (ra != rb) return ra < rb;
  if (a.from.valid() != b.from.valid()) return a.from.valid();
  return a.from.valid() && b.from < a.from;
}

}  // namespace

void ActorLexicon::MatchesAt(const Document& doc, uint32_t i, uint32_t end, const Date& date,
                             std::vector<ActorMatch>* out) const {
  thread_local std::vector<NameMatch> matches;
  matches.clear();
  matcher_.MatchesAt(doc, i, end, &matches);
  size_t first = out->size();
  for (const NameMatch& m : matches) {
    const Ref& r = refs_[m.payload];
    const ActorEntry& e = entries_[r.entry];
    if (!e.ValidOn(date)) continue;
    if (!date.valid() && e.kind == ActorKind::kPerson) {
      // One office per name as written (files may spell the canonical name differently): keep
      // the preferred one.
      bool seen = false;
      for (size_t k = first; k < out->size(); ++k) {
        ActorMatch& o = (*out)[k];
        if (o.length != m.length || o.entry->kind != ActorKind::kPerson) continue;
        if (PreferredOffice(e, *o.entry)) o = ActorMatch{m.length, &e, r.role};
        seen = true;
        break;
      }
      if (seen) continue;
    }
    out->push_back(ActorMatch{m.length, &e, r.role});
  }
  if (out->size() > first || !date.valid()) return;
  // A known name with no role on this date: the person's role period nearest to the date.
  const ActorEntry* nearest = nullptr;
  const NameMatch* nearest_match = nullptr;
  int64_t best = INT64_MAX;
  for (const NameMatch& m : matches) {
    const ActorEntry& e = entries_[refs_[m.payload].entry];
    if (e.kind != ActorKind::kPerson) continue;
    int64_t dist = e.DaysFrom(date);
    if (dist < best) { best = dist; nearest = &e; nearest_match = &m; }
  }
  if (nearest) out->push_back(ActorMatch{nearest_match->length, nearest, NameRole::kName});
}

void ActorLexicon::MarkKnownNames(Document* doc) const {
  thread_local std::vector<NameMatch> matches;
  static const std::string_view kFunctionWords[] = {"the", "of", "and", "for", "a", "an", "de", "al", "el",
                                                    "la", "le", "du", "des", "der", "von", "van", "bin", "ibn"};
  for (const Sentence& s : doc->sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end;) {
      matches.clear();
      matcher_.MatchesAt(*doc, i, s.token_end, &matches);
      uint32_t len = 0;
      for (const NameMatch& m : matches) {
        const Ref& r = refs_[m.payload];
        ActorKind k = entries_[r.entry].kind;
        bool name = k == ActorKind::kOrg || k == ActorKind::kPerson || k == ActorKind::kMetonym ||
                    (k == ActorKind::kCountry && (r.role == NameRole::kName || r.role == NameRole::kCapital));
        if (name && m.length > len) len = m.length;
      }
      if (len == 0) { ++i; continue; }
      for (uint32_t k = i; k < i + len; ++k) {
        Token& t = doc->tokens[k];
        if (!t.Is(kTokCapitalized) && !t.Is(kTokAllCaps)) continue;
        bool function_word = false;
        for (std::string_view w : kFunctionWords) function_word = function_word || t.lower == w;
        if (!function_word) t.flags |= kTokKnownName;
      }
      i += len;
    }
  }
}

void ActorLexicon::PersonsBySurname(std::string_view surname, const Date& date,
                                    std::vector<const ActorEntry*>* out) const {
  auto it = surnames_.find(std::string(surname));
  if (it == surnames_.end()) return;
  for (uint32_t i : it->second) {
    if (entries_[i].ValidOn(date)) out->push_back(&entries_[i]);
  }
}

const ActorEntry* ActorLexicon::Country(std::string_view iso3) const {
  auto it = countries_.find(std::string(iso3));
  return it == countries_.end() ? nullptr : &entries_[it->second];
}

}  // namespace dyad::lexicon
