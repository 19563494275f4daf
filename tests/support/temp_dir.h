// The temporary directory of a test: made with mkdtemp under $TMPDIR (or
// /tmp), removed with everything in it when the object goes, or kept, with
// a note on stderr, when the test has failed and the caller asked for that.
// Also whole-file reads and writes, the way tests prepare inputs.
#ifndef ANNALS_TESTS_SUPPORT_TEMP_DIR_H_
#define ANNALS_TESTS_SUPPORT_TEMP_DIR_H_

#include <map>
#include <string>
#include <string_view>

namespace annals::test {

class TempDir {
 public:
  // Whether the destructor leaves the files for a look after a run.
  enum class Keep { kNever, kOnFailure, kAlways };
  // A new directory named `prefix` plus six random characters; aborts when
  // none can be made (a test cannot go on without it).
  explicit TempDir(std::string_view prefix = "annals",
                   Keep keep = Keep::kNever);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  void set_keep(Keep keep) { keep_ = keep; }
  // `path()/name`.
  std::string Join(std::string_view name) const;

 private:
  std::string path_;
  Keep keep_;
};

// The whole file, "" when it cannot be read.
std::string ReadFile(const std::string& path);
// Replaces the file's content; false when it cannot be written.
bool WriteFile(const std::string& path, std::string_view content);
// Writes `dir/name` and returns its path.
std::string WriteFileIn(const std::string& dir, std::string_view name,
                        std::string_view content);
// Everything under `dir`: each file's path relative to it with its bytes,
// each directory's with a trailing '/' and no bytes (to assert that a
// folder stayed byte-identical).
std::map<std::string, std::string> TreeContents(const std::string& dir);

}  // namespace annals::test

#endif  // ANNALS_TESTS_SUPPORT_TEMP_DIR_H_
