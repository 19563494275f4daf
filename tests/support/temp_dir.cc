// TempDir, ReadFile and WriteFile; see temp_dir.h.
#include "tests/support/temp_dir.h"

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"

namespace annals::test {

TempDir::TempDir(std::string_view prefix, Keep keep) : keep_(keep) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
  if (pattern.back() != '/') pattern += '/';
  pattern.append(prefix.data(), prefix.size());
  pattern += "_XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror(("mkdtemp " + pattern).c_str());
    std::abort();
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  if (keep_ == Keep::kAlways ||
      (keep_ == Keep::kOnFailure && ::testing::Test::HasFailure())) {
    std::fprintf(stderr, "files kept in %s\n", path_.c_str());
    return;
  }
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Join(std::string_view name) const {
  std::string out = path_;
  out += '/';
  out.append(name.data(), name.size());
  return out;
}

std::map<std::string, std::string> TreeContents(const std::string& dir) {
  std::map<std::string, std::string> tree;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string rel =
        std::filesystem::relative(e.path(), dir).generic_string();
    if (e.is_directory()) {
      tree[rel + "/"] = "";
    } else {
      tree[rel] = ReadFile(e.path().string());
    }
  }
  return tree;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool WriteFile(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return static_cast<bool>(out);
}

std::string WriteFileIn(const std::string& dir, std::string_view name,
                        std::string_view content) {
  std::string path = dir + "/";
  path.append(name.data(), name.size());
  WriteFile(path, content);
  return path;
}

}  // namespace annals::test
