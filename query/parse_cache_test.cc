// ParseCache: one parse per text, errors not kept, bounded, many threads.
#include "query/parse_cache.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace annals::query {
namespace {

TEST(ParseCacheTest, EqualTextIsParsedOnce) {
  ParseCache cache;
  auto a = cache.Prepare("FIND ?o WHERE Gazprom signed ?o");
  auto b = cache.Prepare("FIND ?o WHERE Gazprom signed ?o");
  auto c = cache.Prepare("FIND ?o WHERE Gazprom signed ?o AT 2025");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->get(), b->get());
  EXPECT_NE(a->get(), c->get());
  EXPECT_EQ((*c)->text, "FIND ?o WHERE Gazprom signed ?o AT 2025");
  EXPECT_EQ(cache.size(), 2u);
}

TEST(ParseCacheTest, ASyntaxErrorIsReportedEveryTimeAndNotKept) {
  ParseCache cache;
  for (int i = 0; i < 2; ++i) {
    auto r = cache.Prepare("FIND ?o WHERE");
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(absl::IsInvalidArgument(r.status()));
    EXPECT_NE(r.status().message().find("line 1"), std::string::npos)
        << r.status();
  }
  EXPECT_EQ(cache.size(), 0u);
}

TEST(ParseCacheTest, ItStaysWithinItsCapacity) {
  ParseCache cache;
  for (size_t i = 0; i < ParseCache::kCapacity + 10; ++i) {
    std::string text = absl::StrCat("FIND ?o WHERE E", i, " p ?o");
    auto r = cache.Prepare(text);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ((*r)->text, text);
    EXPECT_LE(cache.size(), ParseCache::kCapacity);
  }
}

TEST(ParseCacheTest, ManyThreadsGetTheStatementOfTheirText) {
  ParseCache cache;
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        std::string text = absl::StrCat("HISTORY E", (i + t) % 300, " p");
        auto r = cache.Prepare(text);
        if (!r.ok() || (*r)->text != text) ++wrong[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace annals::query
