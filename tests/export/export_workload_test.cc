// The export round trip on 100,000 generated facts of ../shared/bench
// (WORKLOAD.md): load -> export -> load into a fresh store -> export gives
// the same bytes and the same claims, in each format. Skips where
// ../shared/bench/gen_facts.py or python3 is absent.
#include <cstdlib>
#include <filesystem>
#include <string>

#include "annals/database.h"
#include "gtest/gtest.h"
#include "tools/export/export_test_util.h"
#include "tools/export/export_writer.h"

namespace annals::exporter {
namespace {

namespace fs = std::filesystem;
using test_util::ClaimsOf;
using test_util::ExportText;
using test_util::TempDir;
using test_util::WriteFile;

constexpr int kFacts = 100000;

TEST(ExportWorkload, HundredThousandFactsRoundTrip) {
  const fs::path gen =
      fs::path(ANNALS_SOURCE_DIR) / ".." / "shared" / "bench" / "gen_facts.py";
  if (!fs::exists(gen) || std::system("python3 -c '' 2>/dev/null") != 0) {
    GTEST_SKIP() << "needs python3 and " << gen;
  }
  TempDir dir;
  const std::string facts = dir.Join("facts.tsv");
  const std::string command = "python3 '" + gen.string() + "' " +
                              std::to_string(kFacts) + " > '" + facts + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  auto db = Database::Open(dir.Join("original"));
  ASSERT_TRUE(db.ok()) << db.status();
  auto loaded = db->Load({facts});
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_GT(loaded->claims_added, kFacts / 2);
  const std::vector<std::string> claims = ClaimsOf(*db);
  ASSERT_EQ(static_cast<int64_t>(claims.size()), loaded->claims_added);

  for (ExportFormat format :
       {ExportFormat::kTsv, ExportFormat::kCsv, ExportFormat::kJsonl}) {
    const std::string ext(ExportExtension(format));
    SCOPED_TRACE(ext);
    const std::string first = ExportText(*db, format);
    WriteFile(dir.Join("export" + ext), first);
    auto copy = Database::Open(dir.Join("copy" + ext));
    ASSERT_TRUE(copy.ok()) << copy.status();
    auto reloaded = copy->Load({dir.Join("export" + ext)});
    ASSERT_TRUE(reloaded.ok()) << reloaded.status();
    EXPECT_EQ(reloaded->claims_added, loaded->claims_added);
    EXPECT_EQ(reloaded->duplicates, 0);
    EXPECT_TRUE(ExportText(*copy, format) == first) << "exports differ";
    EXPECT_TRUE(ClaimsOf(*copy) == claims) << "claims differ";
  }
}

}  // namespace
}  // namespace annals::exporter
