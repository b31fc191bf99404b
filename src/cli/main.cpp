// textsense: command-line front end of the core, for scripts, evaluation
// and debugging. Usage: textsense <command> [options] [text...]

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <iterator>
#include <new>
#include <string>

#include "cli/command.h"
#include "cli/input_text.h"
#include "core/common/errors.h"
#include "core/common/version.h"

namespace textsense::cli {
namespace {

int run_version(const Options&) {
  std::printf("textsense %s\n", TEXTSENSE_VERSION);
  return kOk;
}

constexpr std::array<Command, 10> kCommands = {{
    {"sentences", "split text into sentences: ordinal, start, length, sentence", run_sentences},
    {"tokens", "split text into tokens: ordinal, sentence, kind, start, length, token", run_tokens},
    {"detect", "the language of each input line: lang, confidence, reliable", run_detect},
    {"tag", "part-of-speech tags: token, UPOS, XPOS; an empty line after each sentence", run_tag},
    {"train-tagger", "train the tagger model from CoNLL-U (--train, --dev, --out)",
     run_train_tagger},
    {"eval-tagger", "UPOS/XPOS accuracy of a model on CoNLL-U (--dev, --model)", run_eval_tagger},
    {"sentiment", "sentiment score in [-1, 1] of each input line (--detail: more columns)",
     run_sentiment},
    {"explain",
     "why the input scored as it did: a row per token with its valence,\n"
     "                contribution and the rules applied",
     run_explain},
    {"build-lexicon", "compile a sentiment pack (--lang, --data, --rules, --out)",
     run_build_lexicon},
    {"version", "print the version", run_version},
}};

constexpr std::array<std::string_view, 21> kValuedOptions = {"--lang",
                                                             "--model",
                                                             "--train",
                                                             "--dev",
                                                             "--out",
                                                             "--epochs",
                                                             "--seed",
                                                             "--vectors",
                                                             "--word-classes",
                                                             "--xpos",
                                                             "--split-dev",
                                                             "--raw",
                                                             "--vocabulary-min-count",
                                                             "--dictionary-min-count",
                                                             "--fold-min-count",
                                                             "--settled-min-count",
                                                             "--settled-min-share",
                                                             "--data",
                                                             "--rules",
                                                             "--params",
                                                             "--threads"};

void print_usage(std::FILE* to) {
  std::fprintf(to,
               "usage: textsense <command> [options] [text...]\n\n"
               "Reads UTF-8 text from the arguments (joined by spaces) or, if there are\n"
               "none, from standard input, and writes tab-separated values.\n\ncommands:\n");
  for (const Command& c : kCommands)
    std::fprintf(to, "  %-13.*s %.*s\n", static_cast<int>(c.name.size()), c.name.data(),
                 static_cast<int>(c.summary.size()), c.summary.data());
  std::fprintf(to,
               "\noptions:\n"
               "  --lang CODE   (tokens, sentences, sentiment, explain, tag) the language:\n"
               "                an ISO 639-1 code, or auto (default): the detected language\n"
               "                when it has the model, English when detection is unsure\n"
               "  --bytes       0-based byte offsets and byte lengths (default: 1-based\n"
               "                character positions, as SQL substr() counts them)\n"
               "  --no-header   omit the header line\n"
               "  --pretokenized  (tag) read one token per line, an empty line ending each\n"
               "                sentence; print UPOS<TAB>XPOS per token line\n"
               "  --model PATH  (tag, eval-tagger, sentiment, explain) the model file; default:\n"
               "                models/ of the source tree of this build, else the installed one\n"
               "  --detail      (sentiment) score, label, positive, negative, neutral,\n"
               "                sentences, tokens\n"
               "  --params k=v,...  (sentiment, explain) engine constants, for experiments\n"
               "  --threads N   threads that analyse text (default: the CPUs available):\n"
               "                sentiment and detect split the lines over them; tokens,\n"
               "                sentences, tag and explain split a document of 64 KB or\n"
               "                more at sentence boundaries; the output is the same for any N\n"
               "  --train PATH, --dev PATH, --out PATH, --epochs N, --seed N  (train-tagger)\n"
               "  --vectors PATH (train-tagger) word vectors to cluster into the model\n"
               "  --word-classes PATH (train-tagger) or a lexicon's word classes in their\n"
               "                 place: word TAB four class names a line (coarsest first)\n"
               "  --xpos yes|no  (train-tagger) keep the treebank's XPOS in the classes\n"
               "  --vocabulary-min-count N, --dictionary-min-count N  (train-tagger) how\n"
               "                 often a word must occur to keep its identity (default 2)\n"
               "                 and its tags (default 3)\n"
               "  --fold-min-count N  (train-tagger) words seen N times or more get\n"
               "                 precomputed rows (faster tagging, a larger file; default 3)\n"
               "  --settled-min-count N, --settled-min-share F  (train-tagger) a word seen\n"
               "                 N times or more (and at least --dictionary-min-count times)\n"
               "                 with one class in a share F of them is tagged without\n"
               "                 scoring (defaults 20 and 0.995; N 0: none)\n"
               "  --split-dev K  (train-tagger, eval-tagger) train on the dev files too but\n"
               "                 every K-th sentence, which is the held-out part\n"
               "                 (--train and --dev take comma-separated lists of files;\n"
               "                 --lang CODE: the model's language)\n"
               "  --raw yes      (eval-tagger) segment and tag each sentence's \"# text\" and\n"
               "                 score words and UPOS by span (F1), as the UD shared tasks do\n"
               "  --data DIR, --rules FILE, --out PATH  (build-lexicon; --lang CODE: the pack's\n"
               "                language, default en)\n"
               "  -h, --help    show this help\n\n"
               "exit status: 0 ok, 1 input rejected (e.g. invalid UTF-8), 2 usage error,\n"
               "3 internal error\n");
}

}  // namespace

void flush_output(std::string& buffer, bool force) {
  if (force || buffer.size() >= (1u << 16)) {
    std::fwrite(buffer.data(), 1, buffer.size(), stdout);
    buffer.clear();
  }
}

void write_tsv_field(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return kUsage;
  }
  const std::string_view name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") {
    print_usage(stdout);
    return kOk;
  }
  const Command* command = nullptr;
  for (const Command& c : kCommands)
    if (c.name == name) command = &c;
  if (command == nullptr) {
    std::fprintf(stderr, "textsense: unknown command '%s' (try 'textsense --help')\n", argv[1]);
    return kUsage;
  }
  Options options;
  bool options_done = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (options_done || arg.empty() || arg[0] != '-') {
      options.positional.emplace_back(arg);
    } else if (arg == "--") {
      options_done = true;
    } else if (arg == "--bytes") {
      options.byte_offsets = true;
    } else if (arg == "--no-header") {
      options.header = false;
    } else if (arg == "--detail") {
      options.detail = true;
    } else if (arg == "--pretokenized") {
      options.pretokenized = true;
    } else if (std::find(kValuedOptions.begin(), kValuedOptions.end(), arg) !=
               kValuedOptions.end()) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "textsense %s: option '%s' needs a value\n", argv[1], argv[i]);
        return kUsage;
      }
      options.values[std::string(arg.substr(2))] = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      print_usage(stdout);
      return kOk;
    } else {
      std::fprintf(stderr, "textsense %s: unknown option '%s' (try 'textsense --help')\n", argv[1],
                   argv[i]);
      return kUsage;
    }
  }
  handle_shortened_files();
  try {
    return command->run(options);
  } catch (const textsense::ModelError& e) {
    std::fprintf(stderr, "textsense %s: %s\n", argv[1], e.what());
    return kInternal;
  } catch (const std::invalid_argument& e) {  // a missing or malformed option value
    std::fprintf(stderr, "textsense %s: %s\n", argv[1], e.what());
    return kUsage;
  } catch (const textsense::Error& e) {
    std::fprintf(stderr, "textsense %s: %s\n", argv[1], e.what());
    return kBadInput;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "textsense %s: out of memory\n", argv[1]);
    return kInternal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "textsense %s: %s\n", argv[1], e.what());
    return kInternal;
  }
}

}  // namespace textsense::cli

int main(int argc, char** argv) { return textsense::cli::main(argc, argv); }
