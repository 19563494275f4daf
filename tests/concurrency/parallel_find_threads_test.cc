// A FIND gathered on several threads (QueryOptions::threads), run by several
// threads of one Database at once while a writer writes claims of other
// subjects: every run gives the rows one thread gives, in the same order.
//
// Also built into concurrency_tests, which tools/check runs under
// ThreadSanitizer (see tsan.supp beside this file).
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/concurrency/shared_store_test.h"

namespace annals {
namespace {

class ParallelFindThreadsTest : public test::SharedStoreTest {
 protected:
  // The rows of `text`, each as its cells' text, in order.
  std::vector<std::string> Rows(const std::string& text, int threads) {
    QueryOptions options;
    options.threads = threads;
    std::vector<std::string> out;
    auto result = db_->Query(text, options);
    EXPECT_TRUE(result.ok()) << result.status();
    if (!result.ok()) return out;
    while (result->Next()) {
      std::string line;
      for (const Cell& cell : result->row()) {
        absl::StrAppend(&line, cell.ToString(), "\t");
      }
      out.push_back(line);
    }
    EXPECT_TRUE(result->status().ok()) << result->status();
    return out;
  }
};

TEST_F(ParallelFindThreadsTest, ParallelGatheringsAtOnceWhileWriting) {
  // A hub with 300 ties, each to someone with a few likes of 40 things.
  for (int i = 0; i < 300; ++i) {
    ClaimInput tie;
    tie.subject = Value::Entity("Hub");
    tie.predicate = "knows";
    tie.object = Value::Entity(absl::StrCat("P", i));
    ASSERT_TRUE(db_->Assert(tie).ok());
    for (int j = 0; j <= i % 3; ++j) {
      ClaimInput like;
      like.subject = Value::Entity(absl::StrCat("P", i));
      like.predicate = "likes";
      like.object = Value::Entity(absl::StrCat("T", (i * 3 + j * 7) % 40));
      ASSERT_TRUE(db_->Assert(like).ok());
    }
  }
  const std::string query =
      "FIND DISTINCT ?y ?x WHERE Hub knows ?x, ?x likes ?y ORDER BY ?y";
  const std::vector<std::string> expected = Rows(query, 1);
  ASSERT_GT(expected.size(), 300u);

  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 0; i < 2000 && !stop.load(); ++i) {
      ClaimInput in;
      in.subject = Value::Entity(absl::StrCat("Other", i));
      in.predicate = "likes";
      in.object = Value::Entity(absl::StrCat("T", i % 40));
      auto id = db_->Assert(in);
      EXPECT_TRUE(id.ok()) << id.status();
    }
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&, r] {
      for (int run = 0; run < 6; ++run) {
        EXPECT_EQ(Rows(query, 2 + r), expected) << "reader " << r;
      }
    });
  }
  for (std::thread& t : readers) t.join();
  stop = true;
  writer.join();
}

}  // namespace
}  // namespace annals
