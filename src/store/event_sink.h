// Output records for coded events: one JSON object per event mention (the `dyad code` JSONL
// format documented in README.md) or one TSV row. Deterministic: the same input gives the same
// bytes, so outputs can be diffed and merged.
#ifndef DYAD_STORE_EVENT_SINK_H_
#define DYAD_STORE_EVENT_SINK_H_

#include <string>
#include <string_view>

#include "dyad/document.h"
#include "dyad/status.h"
#include "lexicon/cameo_table.h"

namespace dyad::store {

struct RecordContext {
  const lexicon::CameoTable* cameo = nullptr;
  std::string dyad_version;
  std::string lexicon_version;
};

// Hash of article id, trigger span, code, source and target: one event mention.
std::string EventId(const Document& doc, const Event& e);
// Hash of date, source, target, code and place: the real-world event, shared by its mentions.
std::string EventKey(const Event& e, const Document& doc);

void AppendEventJson(const Document& doc, const Event& e, const RecordContext& ctx, std::string* out);
// `records`: the JSON lines AppendEventJson wrote for one article while its duplicate_of was
// empty. Returns them as AppendEventJson writes them with duplicate_of set (the field follows
// "published"), so that a run can mark near-copies after coding them (python/dyad/dask.py).
// InvalidArgument for a line that is not such a record.
Result<std::string> WithDuplicateOf(std::string_view records, std::string_view duplicate_of);
void AppendEventTsv(const Document& doc, const Event& e, const RecordContext& ctx, std::string* out);
std::string EventTsvHeader();

}  // namespace dyad::store

#endif  // DYAD_STORE_EVENT_SINK_H_
