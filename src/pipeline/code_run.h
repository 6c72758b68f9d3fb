// The `dyad code` run: reads inputs in order, codes articles on N threads, and writes event
// records and error records in input order, so `-j 8` gives the same bytes as `-j 1`.
// Memory stays bounded: articles are read and coded in batches.
#ifndef DYAD_PIPELINE_CODE_RUN_H_
#define DYAD_PIPELINE_CODE_RUN_H_

#include <cstdio>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "ingest/reader.h"
#include "pipeline/summary.h"

namespace dyad::pipeline {

struct CodeRunOptions {
  int threads = 1;           // worker threads (>= 1)
  size_t batch = 256;        // articles read ahead and coded together (bounds memory)
  bool strict = false;       // stop at the first error record
  bool tsv = false;          // TSV instead of JSON Lines
  bool progress = false;     // a progress line on stderr
};

// Returns the process exit code: 0, 1 (an input could not be opened or read), 2 (--strict stop).
int CodeInputs(const Coder& coder, const std::vector<std::string>& inputs, const ReaderOptions& reader,
               const CodeRunOptions& options, std::FILE* out, std::FILE* errors, Summary* summary);

}  // namespace dyad::pipeline

#endif  // DYAD_PIPELINE_CODE_RUN_H_
