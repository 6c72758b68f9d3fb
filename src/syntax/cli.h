// `dyad train` and `dyad parse`: thin front ends over train.h and model.h.
// Both take the arguments after "dyad", so argv[0] is the command name ("train" or "parse"),
// and return the process exit code.
#ifndef DYAD_SYNTAX_CLI_H_
#define DYAD_SYNTAX_CLI_H_

namespace dyad::syntax {

// dyad train --train FILE... --dev FILE... [--exclude FILE...] -o MODEL [--seed N]
//            [--tagger-epochs N] [--parser-epochs N] [--folds N] [--threads N] [--tagger-mb X] [--parser-mb X]
//            [--tagger-only]
int RunTrainCommand(int argc, char** argv);

// dyad parse [FILE|-] [--input text|conllu] [--model PATH] [--eval] [--speed]
//   text:   our splitter and tokenizer, one paragraph per line; prints CoNLL-U.
//   conllu: keeps ID and FORM (and multiword/comment lines), fills LEMMA, UPOS, XPOS, HEAD,
//           DEPREL; --eval prints UPOS/XPOS/UAS/LAS against the input's gold columns to stderr.
//   --speed: times tagging and parsing only (no output) and prints sentences/s to stderr.
// dyad parse --eval-tokens FILE.conllu [--show-errors N]
//   scores our tokenizer and sentence splitter on the file's raw text against its gold words
//   (syntax/token_eval.h) and prints the figures, and the N most frequent disagreements, to stdout.
int RunParseCommand(int argc, char** argv);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_CLI_H_
