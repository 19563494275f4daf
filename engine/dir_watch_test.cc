// DirectoryWatch: every kind of change a writer makes in a store's directory
// is seen by the next look and only by it; a directory it cannot watch, or
// one that went away, always answers "maybe".
#include "engine/dir_watch.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals::engine {
namespace {

TEST(DirectoryWatchTest, EachChangeIsSeenOnceByTheNextLook) {
  test::TempDir temp;
  const std::string dir = temp.Join("store");
  std::filesystem::create_directory(dir);
  const std::string log = test::WriteFileIn(dir, "000004.log", "first");
  DirectoryWatch watch(dir);
  ASSERT_TRUE(watch.watching());
  EXPECT_FALSE(watch.MaybeChanged());

  // An append to an open file, as the writer's log gets each commit.
  int fd = ::open(log.c_str(), O_WRONLY | O_APPEND);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::write(fd, "x", 1), 1);
  EXPECT_TRUE(watch.MaybeChanged());
  EXPECT_FALSE(watch.MaybeChanged());
  ASSERT_EQ(::write(fd, "y", 1), 1);
  ::close(fd);
  EXPECT_TRUE(watch.MaybeChanged());
  EXPECT_FALSE(watch.MaybeChanged());

  // A file made, renamed over another (CURRENT), removed.
  test::WriteFileIn(dir, "CURRENT.tmp", "MANIFEST-000005\n");
  EXPECT_TRUE(watch.MaybeChanged());
  std::filesystem::rename(dir + "/CURRENT.tmp", dir + "/CURRENT");
  EXPECT_TRUE(watch.MaybeChanged());
  std::filesystem::remove(log);
  EXPECT_TRUE(watch.MaybeChanged());
  EXPECT_FALSE(watch.MaybeChanged());

  // Reading is not a change.
  EXPECT_EQ(test::ReadFile(dir + "/CURRENT"), "MANIFEST-000005\n");
  EXPECT_FALSE(watch.MaybeChanged());
}

TEST(DirectoryWatchTest, ManyEventsAreTakenByOneLook) {
  test::TempDir temp;
  DirectoryWatch watch(temp.path());
  for (int i = 0; i < 2000; ++i) {
    test::WriteFileIn(temp.path(), "f" + std::to_string(i), "x");
  }
  EXPECT_TRUE(watch.MaybeChanged());
  EXPECT_FALSE(watch.MaybeChanged());
}

TEST(DirectoryWatchTest, AMissingDirectoryAlwaysAnswersMaybe) {
  test::TempDir temp;
  DirectoryWatch watch(temp.Join("missing"));
  EXPECT_FALSE(watch.watching());
  EXPECT_TRUE(watch.MaybeChanged());
  EXPECT_TRUE(watch.MaybeChanged());
}

TEST(DirectoryWatchTest, ADirectoryThatGoesAwayAlwaysAnswersMaybe) {
  test::TempDir temp;
  const std::string dir = temp.Join("store");
  std::filesystem::create_directory(dir);
  DirectoryWatch watch(dir);
  ASSERT_TRUE(watch.watching());
  std::filesystem::remove(dir);
  EXPECT_TRUE(watch.MaybeChanged());
  EXPECT_FALSE(watch.watching());
  // Made again under the same name: the watch cannot know, so it says so.
  std::filesystem::create_directory(dir);
  EXPECT_TRUE(watch.MaybeChanged());
}

// A forked child shares the parent's event queue: its watch answers
// "maybe" (it could take events the parent needs), the parent's goes on.
TEST(DirectoryWatchTest,
     AForkedChildAlwaysAnswersMaybeAndLeavesTheParentsEvents) {
  test::TempDir temp;
  DirectoryWatch watch(temp.path());
  ASSERT_TRUE(watch.watching());
  test::WriteFileIn(temp.path(), "before", "x");
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // No change since the fork, and still "maybe"; the parent's event stays.
    ::_exit(watch.MaybeChanged() && !watch.watching() ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(watch.MaybeChanged());
  EXPECT_FALSE(watch.MaybeChanged());
  EXPECT_TRUE(watch.watching());
}

}  // namespace
}  // namespace annals::engine
