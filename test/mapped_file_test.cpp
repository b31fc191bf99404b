#include "core/model/mapped_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

using textsense::model::MappedFile;
using textsense::model::write_file_replacing;

std::string fresh_directory() {
  std::string dir = (std::filesystem::temp_directory_path() / "textsense_mapped_XXXXXX").string();
  if (::mkdtemp(dir.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
  return dir;
}

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A server backend keeps a model mapped for its whole life; rebuilding the
// model (build-lexicon, train-tagger) must not change the bytes it reads.
TEST(MappedFile, ReplacingAFileLeavesAnOpenMappingOnTheOldBytes) {
  const std::string dir = fresh_directory();
  const std::string path = dir + "/model.bin";
  const std::string old_bytes(10000, 'a');
  write_file_replacing(path, old_bytes);
  const MappedFile mapped(path);
  ASSERT_EQ(mapped.bytes(), old_bytes);

  // Same size and shorter: rewriting in place would show the new bytes
  // through the mapping, or make reads past the new end fault.
  write_file_replacing(path, std::string(10000, 'b'));
  EXPECT_EQ(mapped.bytes(), old_bytes);
  write_file_replacing(path, "short");
  EXPECT_EQ(mapped.bytes(), old_bytes);

  EXPECT_EQ(read_whole(path), "short");
  EXPECT_EQ(MappedFile(path).bytes(), "short");
  // Nothing but the file itself is left in the directory.
  int entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    (void)entry;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
  std::filesystem::remove_all(dir);
}

TEST(MappedFile, ReplacingInAMissingDirectoryFailsNamingThePath) {
  const std::string dir = fresh_directory();
  const std::string path = dir + "/no/such/dir/model.bin";
  try {
    write_file_replacing(path, "x");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(dir + "/no/such/dir/model.bin"), std::string::npos)
        << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
