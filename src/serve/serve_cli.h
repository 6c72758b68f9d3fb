// `dyad serve`, for tools/dyad_main.cc: takes main's argc/argv unchanged (argv[1] is "serve"),
// serves until SIGINT or SIGTERM, returns the exit code (0 after a signal, 1 on bad usage, a
// missing database or a port that cannot be bound).
//
//   dyad serve --db FILE [--port 8080] [--host 127.0.0.1] [--threads N] [--web DIR]
#ifndef DYAD_SERVE_SERVE_CLI_H_
#define DYAD_SERVE_SERVE_CLI_H_

namespace dyad::serve {

int RunServeCommand(int argc, char** argv);

// The usage line of the command, for `dyad help`.
extern const char kServeUsage[];

}  // namespace dyad::serve

#endif  // DYAD_SERVE_SERVE_CLI_H_
