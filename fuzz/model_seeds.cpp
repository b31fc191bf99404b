// Writes the seed corpus of fuzz/model_fuzz.cpp into a directory, from the
// current sources, so that the seeds keep the current format version:
// scripts/fuzz.sh runs it on the working corpus before each run, and its
// output is also what fuzz/corpus/model_fuzz holds.
//
//   textsense_fuzz_model_seeds DIR
//
// Each file is one option byte (see model_fuzz.cpp) followed by an image:
// small valid images of both kinds (built with the core's serialize()), an
// overlay of the shipped lexicon, a tagger trained by the project's own
// trainer on a few sentences, and 4 KiB heads of the shipped models.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "core/pos/model.h"
#include "core/sentiment/lexicon.h"
#include "fuzz_util.h"
#include "model_images.h"
#include "train/conllu.h"
#include "train/tagger_trainer.h"

namespace {

using namespace textsense;

// A few UD-style sentences, enough for the trainer to build a dictionary,
// a vocabulary and some dense rows.
constexpr const char* kTreebank =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tfood\tfood\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
    "3\twas\tbe\tAUX\tVBD\t_\t4\tcop\t_\t_\n"
    "4\tgreat\tgreat\tADJ\tJJ\t_\t0\troot\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "1\tTime\ttime\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n"
    "2\tflies\tfly\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "3\tlike\tlike\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "4\tan\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tarrow\tarrow\tNOUN\tNN\t_\t2\tobl\t_\t_\n"
    "6\t!\t!\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
    "3-4\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tnot\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_\n"
    "4\tlike\tlike\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "5\tit\tit\tPRON\tPRP\t_\t4\tobj\t_\t_\n"
    "6\t\xF0\x9F\x98\x8D\t\xF0\x9F\x98\x8D\tSYM\tNFP\t_\t4\tdiscourse\t_\t_\n"
    "\n"
    "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\truns\trun\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t42\t42\tNUM\tCD\t_\t5\tnummod\t_\t_\n"
    "5\tkm\tkm\tNOUN\tNNS\t_\t3\tobl\t_\t_\n"
    "6\twith\twith\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "7\tMary\tMary\tPROPN\tNNP\t_\t8\tnmod:poss\t_\t_\n"
    "8\thttps://x.org\thttps://x.org\tX\tADD\t_\t3\tobl\t_\t_\n"
    "\n";

int written = 0;

void write_seed(const std::string& dir, const std::string& name, std::uint8_t options,
                const std::string& image) {
  const std::string path = dir + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.put(static_cast<char>(options));
  out.write(image.data(), static_cast<std::streamsize>(image.size()));
  if (!out) {
    std::cerr << "cannot write " << path << "\n";
    std::exit(1);
  }
  ++written;
}

std::string file_head(const std::string& path, std::size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  std::string head(bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(bytes));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  fuzz::check_repair_matches_serialize();

  // Option bytes: bit 0 POS model, bit 1 repair the header, bit 2 overlay.
  const std::string lexicon = sentiment::serialize(fuzz::small_lexicon_contents());
  write_seed(dir, "lexicon_small", 0x00, lexicon);
  write_seed(dir, "lexicon_small_repair", 0x02, lexicon);
  write_seed(dir, "lexicon_overlay", 0x06,
             sentiment::serialize(fuzz::overlay_contents(fuzz::shipped_lexicon())));
  write_seed(dir, "lexicon_not_an_overlay", 0x06, lexicon);  // sources do not extend the base's

  const std::string pos_small = pos::serialize(fuzz::small_pos_contents());
  write_seed(dir, "pos_small", 0x01, pos_small);
  write_seed(dir, "pos_dense_repair", 0x03, pos::serialize(fuzz::dense_pos_contents()));

  train::TrainerOptions options;
  options.epochs = 3;
  options.dictionary_min_count = 1;
  options.vocabulary_min_count = 1;
  const auto treebank = train::parse_conllu(kTreebank);
  const train::TrainingResult trained = train::train_tagger(treebank, treebank, options);
  write_seed(dir, "pos_trained_repair", 0x03, pos::serialize(trained.model));

  // Heads of the real files: their headers and first tables, as a damaged
  // download would leave them.
  write_seed(dir, "lexicon_shipped_head", 0x02,
             file_head(fuzz::model_path("sentiment_en.model"), 4096));
  write_seed(dir, "pos_shipped_head", 0x03, file_head(fuzz::model_path("pos_en.model"), 4096));
  std::cout << "wrote " << written << " model seeds to " << dir << "\n";
  return 0;
}
