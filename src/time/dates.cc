// The narrative loop of the time stage; see dates.h for the overview and a worked example.
#include "time/dates.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <string>
#include <utility>

#include "time/clause.h"
#include "time/date_patterns.h"
#include "time/date_words.h"

namespace dyad::time {
namespace {

// The expression starting at token i. A day offset follows the last day date `local` of the same
// sentence when there is one ("on Monday, and two days later ...").
std::optional<Match> MatchAt(const SentenceView& view, uint32_t i, const Anchors& anchors,
                             Date local) {
  if (std::optional<Match> m = MatchCalendar(view, i, anchors)) return m;
  std::optional<Match> m = MatchRelative(view, i, anchors);
  if (!m || m->rule != "relative-day" || m->anchor != AnchorUse::kReference || !local.valid()) {
    return m;
  }
  Anchors chained = anchors;
  chained.reference = local;
  m = MatchRelative(view, i, chained);
  if (m) m->chained_from = local;
  return m;
}

// All expressions of one sentence, left to right, without overlaps. A preposition "on" right
// before an expression joins it ("on Tuesday", "On Aug 1").
std::vector<Match> ScanSentence(const SentenceView& view, const Anchors& anchors) {
  std::vector<Match> out;
  uint32_t i = view.begin(), last_end = view.begin();
  Date local;
  while (i < view.end()) {
    std::optional<Match> m = MatchAt(view, i, anchors, local);
    if (!m) {
      ++i;
      continue;
    }
    assert(m->begin >= i && m->end > m->begin && m->end <= view.end());
    if (m->begin > last_end && view.Lower(m->begin - 1) == "on") --m->begin;
    if (m->range.precision == DatePrecision::kDay && !m->future) local = m->range.from;
    last_end = i = m->end;
    out.push_back(std::move(*m));
  }
  return out;
}

DateMention ToMention(const Document& doc, const Match& m) {
  DateMention d;
  d.span = Span{doc.tokens[m.begin].span.begin, doc.tokens[m.end - 1].span.end};
  d.token_begin = m.begin;
  d.token_end = m.end;
  d.range = m.range;
  d.rule = m.rule;
  return d;
}

// Why `m` does not move a reference dated `ref`, or "" when it does.
std::string KeepReason(const SentenceView& view, const Match& m, Date ref, Date publication) {
  if (m.range.precision != DatePrecision::kDay) return "kept the reference: not a single day";
  if (IsQuoted(view, m.begin, m.end)) return "kept the reference: inside a quotation";
  if (IsPastPerfectClause(view, m.begin, m.end)) {
    return "kept the reference: past-perfect background clause";
  }
  Date d = m.range.from;
  if (m.future || (publication.valid() && d > publication)) {
    return "kept the reference: after the publication date";
  }
  if (ref.valid() && d.ToDays() < ref.ToDays() - kFlashbackDays) {
    return "kept the reference: flashback, more than " + std::to_string(kFlashbackDays) +
           " days before " + ref.ToString();
  }
  return "";
}

std::string ReferenceWhy(const Document& doc, const SentenceReference& ref) {
  switch (ref.basis) {
    case DateBasis::kPublication:
      return "publication date";
    case DateBasis::kDateline:
      return "dateline date";
    case DateBasis::kNarrative:
      break;
  }
  const DateMention& d = doc.dates[ref.mention];
  return "narrative reference set by \"" + std::string(doc.Text(d.span)) + "\"";
}

std::string AnchorWhy(const Document& doc, const Match& m, const SentenceReference& ref,
                      const DateContext& ctx) {
  switch (m.anchor) {
    case AnchorUse::kNone:
      return "explicit date";
    case AnchorUse::kReference:
      if (m.chained_from.valid()) return "an earlier date in the same sentence";
      return (m.rule == "month-day" || m.rule == "month" ? "year from the " : "") +
             ReferenceWhy(doc, ref);
    case AnchorUse::kSpeech:
      break;
  }
  std::string base = ctx.dateline.valid() ? "dateline date" : "publication date";
  return m.future ? base + ", future tense: next such day" : base;
}

// The per-document walk: the reference in force, and what each sentence saw.
class Narrative {
 public:
  Narrative(const DateContext& ctx, Document* doc, std::vector<DateExplanation>* explain)
      : ctx_(ctx), doc_(doc), explain_(explain) {
    speech_ = ctx.dateline.valid() ? ctx.dateline : ctx.publication;
    current_.date = speech_;
    current_.basis = ctx.dateline.valid() ? DateBasis::kDateline : DateBasis::kPublication;
    timeline_.start = current_;
  }

  DateTimeline Run() && {
    doc_->dates.clear();
    for (uint32_t s = 0; s < doc_->sentences.size(); ++s) Walk(s);
    return std::move(timeline_);
  }

 private:
  // Records sentence `s`'s reference, then its expressions (which may move the reference).
  void Walk(uint32_t s) {
    const Sentence& sent = doc_->sentences[s];
    timeline_.sentence_reference.push_back(current_);
    SentenceReference at_start = current_;
    SentenceView view(*doc_, sent.token_begin,
                      std::min<uint32_t>(sent.token_end, doc_->tokens.size()));
    Anchors anchors{at_start.date, speech_, ctx_.publication};
    for (const Match& m : ScanSentence(view, anchors)) Record(view, s, m, at_start);
  }

  void Record(const SentenceView& view, uint32_t s, const Match& m,
              const SentenceReference& at_start) {
    uint32_t index = static_cast<uint32_t>(doc_->dates.size());
    doc_->dates.push_back(ToMention(*doc_, m));
    std::string keep = KeepReason(view, m, at_start.date, ctx_.publication);
    if (keep.empty())
      current_ =
          SentenceReference{m.range.from, DateBasis::kNarrative, static_cast<int32_t>(index)};
    if (explain_ == nullptr) return;
    DateExplanation e;
    e.mention = index;
    e.sentence = s;
    e.text = std::string(doc_->Text(doc_->dates[index].span));
    e.range = m.range;
    e.rule = m.rule;
    e.anchor = m.anchor == AnchorUse::kNone     ? Date{}
               : m.anchor == AnchorUse::kSpeech ? speech_
               : m.chained_from.valid()         ? m.chained_from
                                                : at_start.date;
    e.anchor_why = AnchorWhy(*doc_, m, at_start, ctx_);
    e.moved_reference = keep.empty();
    e.effect = keep.empty() ? "became the reference for the following sentences" : keep;
    explain_->push_back(std::move(e));
  }

  const DateContext& ctx_;
  Document* doc_;
  std::vector<DateExplanation>* explain_;
  Date speech_;
  SentenceReference current_;
  DateTimeline timeline_;
};

}  // namespace

const char* DateBasisName(DateBasis basis) {
  switch (basis) {
    case DateBasis::kPublication:
      return "publication";
    case DateBasis::kDateline:
      return "dateline";
    case DateBasis::kNarrative:
      return "narrative";
  }
  return "publication";
}

const SentenceReference& DateTimeline::ReferenceFor(uint32_t sentence) const {
  return sentence < sentence_reference.size() ? sentence_reference[sentence] : start;
}

DateRange DateTimeline::RangeFor(uint32_t sentence) const {
  Date d = ReferenceFor(sentence).date;
  return d.valid() ? DayRange(d) : DateRange{};
}

std::string FormatExplanation(const DateExplanation& e) {
  std::string out = "\"" + e.text + "\" -> " + e.range.from.ToString();
  if (e.range.to != e.range.from) out += ".." + e.range.to.ToString();
  out += " [" + e.rule + ", " + DatePrecisionName(e.range.precision) + "]";
  out += e.anchor.valid() ? " against " + e.anchor.ToString() + " (" + e.anchor_why + ")"
                          : " (" + e.anchor_why + ")";
  return out + "; " + e.effect;
}

DateTimeline DateResolver::Resolve(const DateContext& ctx, Document* doc) const {
  return Run(ctx, doc, nullptr);
}

std::vector<DateExplanation> DateResolver::Explain(const DateContext& ctx, Document* doc) const {
  std::vector<DateExplanation> out;
  Run(ctx, doc, &out);
  return out;
}

DateTimeline DateResolver::Run(const DateContext& ctx, Document* doc,
                               std::vector<DateExplanation>* explain) const {
  return Narrative(ctx, doc, explain).Run();
}

}  // namespace dyad::time
