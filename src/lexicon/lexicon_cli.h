// `dyad lexicon import`: the command-line front end of the dictionary importers.
#ifndef DYAD_LEXICON_LEXICON_CLI_H_
#define DYAD_LEXICON_LEXICON_CLI_H_

namespace dyad::lexicon {

// `dyad lexicon import --from petrarch DIR -o OUTDIR`. `argv` is the whole command line
// (argv[1] == "lexicon", argv[2] == "import"); options are read from argv[3] on. Prints the
// conversion report (counts converted and skipped, with reasons) to stdout and returns the exit
// code: 0 on success, 1 on an error, 2 on a usage error.
int RunLexiconImport(int argc, char** argv);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_LEXICON_CLI_H_
