// The store's commands for tools/dyad_main.cc. Each takes main's argc/argv unchanged (argv[1] is
// the command name, options start at argv[2]), prints to stdout/stderr and returns the exit code:
// 0 ok, 1 bad usage or an unreadable input or database, 2 stopped by --strict.
//
//   dyad ingest --db FILE [INPUT...|-] [-j N] [--batch-size N] [--summary] [code's input and coder flags]
//   dyad relations A B --db FILE [--by day|week|month] [--from D] [--to D] [--directed|--both]
//                      [--format table|csv|json]
//   dyad top --by dyad|actor|place|code --db FILE [--limit N] [--from D] [--to D] [--format ...]
//   dyad search "TEXT" --db FILE [--limit N] [--format table|csv|json]
//   dyad export --db FILE --format gdelt|icews|plover|csv [-o OUT]
#ifndef DYAD_STORE_STORE_CLI_H_
#define DYAD_STORE_STORE_CLI_H_

#include "dyad/coder.h"

namespace dyad::store {

// Codes INPUTs with `coder` (built by main from the coder flags) and stores them in the database.
int RunIngestCommand(const Coder& coder, int argc, char** argv);
int RunRelationsCommand(int argc, char** argv);
int RunTopCommand(int argc, char** argv);
int RunSearchCommand(int argc, char** argv);
int RunExportCommand(int argc, char** argv);

// The usage lines of these commands, for `dyad help`.
extern const char kStoreUsage[];

}  // namespace dyad::store

#endif  // DYAD_STORE_STORE_CLI_H_
