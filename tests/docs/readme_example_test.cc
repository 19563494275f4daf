// docs/cpp-api.md shows the embedding example whole; tools/check compiles and
// runs tests/consumer/embed_example.cc. This test keeps the two the same text.
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ReadmeTest, EmbeddingExampleIsTheCompiledOne) {
  const std::string root = ANNALS_SOURCE_DIR;
  const std::string readme = Slurp(root + "/docs/cpp-api.md");
  const std::string example = Slurp(root + "/tests/consumer/embed_example.cc");
  ASSERT_FALSE(example.empty());
  const std::string marker =
      "<!-- tests/consumer/embed_example.cc -->\n```cpp\n";
  size_t begin = readme.find(marker);
  ASSERT_NE(begin, std::string::npos) << "docs/cpp-api.md lacks: " << marker;
  begin += marker.size();
  size_t end = readme.find("```\n", begin);
  ASSERT_NE(end, std::string::npos);
  EXPECT_EQ(readme.substr(begin, end - begin), example)
      << "docs/cpp-api.md's embedding example differs from "
         "tests/consumer/embed_example.cc: copy the file into docs/cpp-api.md";
}

}  // namespace
