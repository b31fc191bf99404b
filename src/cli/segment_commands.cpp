// `textsense sentences` and `textsense tokens`: the segmenter as TSV.
#include <cstdio>
#include <string>

#include "cli/command.h"
#include "cli/input_text.h"
#include "cli/threads.h"
#include "cli/languages.h"
#include "core/segment/segmenter.h"

namespace textsense::cli {
namespace {

// 1-based character start (as SQL's substr) or 0-based byte start.
void append_span(std::string& line, const segment::Span& span, bool bytes) {
  line += std::to_string(bytes ? span.byte_begin : span.char_begin + 1);
  line += '\t';
  line += std::to_string(bytes ? span.byte_length : span.char_length);
}

}  // namespace

int run_sentences(const Options& options) {
  const runtime::LanguageRequest request = segmentation_request(options);
  const InputText input(options);
  PooledPipeline pipeline(options);
  runtime::LanguageOutcome outcome;
  runtime::segment_document(pipeline.get(), input, request, {}, outcome);
  const segment::Segmentation& seg = pipeline.get().segmentation();
  std::string out;
  if (options.header) out += "ordinal\tstart\tlength\tsentence\n";
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    const segment::Sentence& s = seg.sentences[i];
    out += std::to_string(i + 1);
    out += '\t';
    append_span(out, s.span, options.byte_offsets);
    out += '\t';
    write_tsv_field(out, s.span.text(input));
    out += '\n';
    flush_output(out, false);
  }
  flush_output(out, true);
  return kOk;
}

int run_tokens(const Options& options) {
  const runtime::LanguageRequest request = segmentation_request(options);
  const InputText input(options);
  PooledPipeline pipeline(options);
  runtime::LanguageOutcome outcome;
  runtime::segment_document(pipeline.get(), input, request, {}, outcome);
  const segment::Segmentation& seg = pipeline.get().segmentation();
  std::string out;
  if (options.header) out += "ordinal\tsentence\tkind\tstart\tlength\ttoken\n";
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const segment::Token& t = seg.tokens[i];
    out += std::to_string(i + 1);
    out += '\t';
    out += std::to_string(t.sentence + 1);
    out += '\t';
    out += segment::token_kind_name(t.kind);
    out += '\t';
    append_span(out, t.span, options.byte_offsets);
    out += '\t';
    write_tsv_field(out, t.span.text(input));
    out += '\n';
    flush_output(out, false);
  }
  flush_output(out, true);
  return kOk;
}

}  // namespace textsense::cli
