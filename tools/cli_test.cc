// Tests of the `annals` command line, driving the real binary (ANNALS_CLI):
// help and usage errors, load/stats/check with their output and exit codes,
// bad files, --skip-bad and --dry-run, the writer lock across processes, and
// `check` on a store whose indexes were tampered with.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "annals/database.h"
#include "engine/rocks.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

using RunResult = test::CliResult;
using test::ReadFile;

class CliTest : public ::testing::Test {
 protected:
  // Runs `annals args...` in root_ with an empty standard input.
  RunResult Run(const std::vector<std::string>& args) {
    return test::RunCli(root_, args);
  }

  std::string Write(const std::string& name, const std::string& content) {
    return test::WriteFileIn(root_, name, content);
  }

  std::string GoodFile() {
    return Write("good.tsv",
                 "subject\tpredicate\tobject\tvalid_from\tvalid_to\n"
                 "Gazprom\tsigned\tmemo\t2025-09-02\t\n"
                 "Gazprom\tsigned\tcontract\t2019\t2030\n"
                 "Rosatom\tbuilds\tplant\t\t\n");
  }

  test::TempDir dir_{"annals_cli"};
  std::string root_ = dir_.path();
  std::string store_ = dir_.Join("store");
};

std::string Describe(const RunResult& r) {
  return absl::StrCat("exit ", r.exit_code, "\nstdout:\n", r.out, "\nstderr:\n",
                      r.err);
}

TEST_F(CliTest, Help) {
  RunResult r = Run({"--help"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "Usage: annals")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "load")) << Describe(r);
  EXPECT_TRUE(r.err.empty()) << Describe(r);
  for (const char* command : {"load", "stats", "check", "schema"}) {
    r = Run({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << Describe(r);
    EXPECT_TRUE(absl::StrContains(r.out, absl::StrCat("annals ", command)))
        << Describe(r);
  }
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  RunResult r = Run({"frobnicate", store_});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "unknown command 'frobnicate'"))
      << Describe(r);
  r = Run({});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "no command")) << Describe(r);
  r = Run({"load", store_});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  r = Run({"load", "--bogus", store_, GoodFile()});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "unknown option --bogus"))
      << Describe(r);
  r = Run({"load", "--format=xml", store_, GoodFile()});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  r = Run({"stats"});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  r = Run({"check", store_, "extra"});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  r = Run({"compact", "--fast", store_});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  // Compacting a store that does not exist fails; it does not create one.
  r = Run({"compact", store_});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  // None of these created a store.
  EXPECT_FALSE(std::filesystem::exists(store_));
}

TEST_F(CliTest, LoadStatsCheck) {
  RunResult r = Run({"load", store_, GoodFile()});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "Loaded 3 rows")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "3 claims added")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "0 rejected")) << Describe(r);

  r = Run({"stats", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "claims       3\n")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "load batches 1\n")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "valid time   2019 .. 2030"))
      << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "builds")) << Describe(r);
  bool signed_two = false;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (absl::StrContains(line, "signed") && absl::EndsWith(line, " 2")) {
      signed_two = true;
    }
  }
  EXPECT_TRUE(signed_two) << Describe(r);

  r = Run({"check", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "ok: 3 claims, 12 index entries"))
      << Describe(r);

  r = Run({"compact", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.out, "compacted " + store_ + " in "))
      << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, " bytes on disk, ")) << Describe(r);
  r = Run({"check", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);

  // Loading again adds nothing.
  r = Run({"load", store_, GoodFile()});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "0 claims added, 3 duplicates skipped"))
      << Describe(r);
  r = Run({"load", "--quiet", store_, GoodFile()});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(r.out.empty()) << Describe(r);
}

// A file as YAGO11k writes it: start/end columns, '#' for unknown digits.
TEST_F(CliTest, LoadWithColumnMappingAndUnknownDigits) {
  const std::string file =
      Write("yago.tsv",
            "subject\tpredicate\tobject\tstart\tend\n"
            "<Ann>\t<playsFor>\t<Club>\t1962-##-##\t1965-05-##\n"
            "<Ann>\t<wasBornIn>\t<Town>\t1940-03-02\t1940-03-02\n"
            "<Ann>\t<isMarriedTo>\t<Bob>\t1970-##-##\t####-##-##\n"
            "<Bob>\t<created>\t<Hall>\t19##-##-##\t####-##-##\n");
  RunResult r = Run({"load", "--help"});
  EXPECT_TRUE(absl::StrContains(r.out, "--columns=NAME:COLUMN")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "--dates=iso|unknown-digits"))
      << Describe(r);

  r = Run({"load", "--dates=yago", store_, file});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(
      r.err, "annals: --dates must be iso or unknown-digits\n"))
      << Describe(r);
  r = Run({"load", "--columns=start:valid_from,end", store_, file});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.err,
                               "annals: --columns wants NAME:COLUMN pairs "
                               "separated by commas, not 'end'\n"))
      << Describe(r);
  r = Run({"load", "--columns=start:valid_fro", store_, file});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.err,
            "annals: column mapping start:valid_fro: unknown column "
            "'valid_fro'; did you mean 'valid_from'?\n");
  r = Run({"load", "--columns=start:valid_from,end:valid_to", store_, file});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(
      r.err, absl::StrCat("annals: ", file,
                          ":2:25: valid_from: invalid time '1962-##-##'")))
      << Describe(r);
  EXPECT_TRUE(absl::EndsWith(r.err,
                             "; dates with # for unknown digits load with "
                             "--dates=unknown-digits\n"))
      << Describe(r);
  r = Run({"load", "--columns=start:valid_from,end:valid_to",
           "--dates=unknown-digits", "--skip-bad", store_, file});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "Loaded 4 rows")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "3 claims added")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "1 rejected")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      ReadFile(file + ".rejects"),
      absl::StrCat(file,
                   ":5:24: valid_from: invalid time '19##-##-##': "
                   "partly known year '19##'")))
      << ReadFile(file + ".rejects");

  r = Run({"find", "--subject=<Ann>", "--all-time", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "<playsFor>\t<Club>\t[1962, 1965-05)"))
      << Describe(r);
  EXPECT_TRUE(
      absl::StrContains(r.out, "<wasBornIn>\t<Town>\t[1940-03-02, 1940-03-02)"))
      << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "<isMarriedTo>\t<Bob>\t[1970, ...)"))
      << Describe(r);
}

TEST_F(CliTest, QueryWithParametersAndFormats) {
  ASSERT_EQ(Run({"load", store_, GoodFile()}).exit_code, 0);
  RunResult r =
      Run({"query", "--format=csv", "--param=s=Gazprom", "--param=t=2025-09-02",
           store_, "FIND ?o WHERE $s signed ?o AT $t ORDER BY ?o"});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "?o\ncontract\nmemo\n") << Describe(r);

  r = Run({"query", "--format=json", store_,
           "FIND ?o WHERE Gazprom signed ?o AT 2020 ORDER BY ?o"});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "[{\"?o\": \"contract\"}]\n") << Describe(r);

  // The table says which view the answer is.
  r = Run({"query", store_, "FIND ?o WHERE Rosatom builds ?o"});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.out, "-- valid now, as currently recorded\n"))
      << Describe(r);

  r = Run({"query", store_, "FIND ?o WHERE $s signed ?o"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "parameter $s has no value"))
      << Describe(r);

  r = Run({"query", "--param=oops", store_, "FIND ?o WHERE $s signed ?o"});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
}

TEST_F(CliTest, BadFileExitsOneWithLocation) {
  ASSERT_EQ(Run({"load", store_, GoodFile()}).exit_code, 0);
  std::string bad = Write("bad.csv",
                          "subject,predicate,object,valid_from\n"
                          "New,p,X,2020\n"
                          "A,p,B,2020-13-01\n");
  RunResult r = Run({"load", store_, bad});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err, absl::StrCat(bad, ":3:7: valid_from: invalid time '2020-13-01'")))
      << Describe(r);
  // Nothing was loaded.
  r = Run({"stats", store_});
  EXPECT_TRUE(absl::StrContains(r.out, "claims       3\n")) << Describe(r);
  r = Run({"check", store_});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);

  // A missing file, and a missing store for stats.
  r = Run({"load", store_, root_ + "/missing.tsv"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "missing.tsv")) << Describe(r);
  r = Run({"stats", root_ + "/nowhere"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_FALSE(std::filesystem::exists(root_ + "/nowhere"));
}

TEST_F(CliTest, SkipBadAndDryRun) {
  std::string mixed = Write("mixed.tsv",
                            "subject\tpredicate\tobject\n"
                            "A\tp\tB\n"
                            "\tp\tC\n"
                            "A\tp\tD\n"
                            "A\t\tE\n");
  RunResult r = Run({"load", "--dry-run", store_, mixed});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, mixed + ":3:1: empty subject"))
      << Describe(r);

  std::string rejects = root_ + "/bad-rows.txt";
  r = Run({"load", "--skip-bad", "--dry-run",
           absl::StrCat("--reject-file=", rejects), store_, mixed});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "Checked 4 rows")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "2 claims added")) << Describe(r);
  // A dry run writes nothing, not even a new store.
  r = Run({"stats", store_});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "no Annals store at")) << Describe(r);

  r = Run({"load", "--skip-bad", absl::StrCat("--reject-file=", rejects),
           store_, mixed});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "2 claims added")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "2 rejected")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "rejected rows in " + rejects))
      << Describe(r);
  std::string text = ReadFile(rejects);
  EXPECT_TRUE(absl::StrContains(text, mixed + ":3:1: empty subject")) << text;
  EXPECT_TRUE(absl::StrContains(text, mixed + ":5:3: empty predicate")) << text;
  r = Run({"stats", store_});
  EXPECT_TRUE(absl::StrContains(r.out, "claims       2\n")) << Describe(r);
}

TEST_F(CliTest, WriterLockAcrossProcesses) {
  auto db = Database::Open(store_);
  ASSERT_TRUE(db.ok()) << db.status();
  ClaimInput in;
  in.subject = Value::Entity("A");
  in.predicate = "p";
  in.object = Value::Entity("B");
  ASSERT_TRUE(db->Assert(in).ok());
  // Another process cannot load while this one holds the store...
  RunResult r = Run({"load", store_, GoodFile()});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "another process")) << Describe(r);
  // ...but may read it.
  r = Run({"stats", store_});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "claims       1\n")) << Describe(r);
  r = Run({"check", store_});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
}

// Check finds an index that disagrees with the claim records.
class CliTamperTest : public CliTest,
                      public ::testing::WithParamInterface<bool> {};

TEST_P(CliTamperTest, CheckExitsThree) {
  const bool delete_spo = GetParam();
  ASSERT_EQ(Run({"load", store_, GoodFile()}).exit_code, 0);
  {
    annals::Options ro;
    ro.create_if_missing = false;
    auto rocks = engine::Rocks::Open(store_, ro);
    ASSERT_TRUE(rocks.ok()) << rocks.status();
    engine::RocksBatch batch;
    if (delete_spo) {
      auto it = (*rocks)->NewIterator(engine::Family::kSpo, "", "", nullptr);
      it->SeekToFirst();
      ASSERT_TRUE(it->Valid());
      batch.Delete(engine::Family::kSpo, std::string(it->key()));
    } else {
      batch.Put(engine::Family::kPos, "\xFF\xFF bogus key", "bogus value");
    }
    ASSERT_TRUE((*rocks)->Write(&batch).ok());
  }
  RunResult r = Run({"check", store_});
  EXPECT_EQ(r.exit_code, 3) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "INCONSISTENT")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, delete_spo ? "spo" : "pos"))
      << Describe(r);
}

INSTANTIATE_TEST_SUITE_P(Cli, CliTamperTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "MissingSpoEntry"
                                             : "BogusPosEntry";
                         });

TEST_F(CliTest, SchemaSetShowHistoryAndCheck) {
  ASSERT_EQ(Run({"load", store_, GoodFile()}).exit_code, 0);
  RunResult r = Run({"schema", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "# no schema\n") << Describe(r);

  std::string v1 =
      Write("v1.schema", "type Thing\npredicate builds : integer\n");
  r = Run({"schema", store_, v1});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.out, "schema version 1 recorded at "))
      << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.out,
      "1 stored claim breaks it (`annals check` lists them):\n"
      "  #c3 Rosatom builds plant: predicate `builds` expects an integer, "
      "found the entity plant\n"))
      << Describe(r);

  r = Run({"check", store_});
  EXPECT_EQ(r.exit_code, 3) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "ok: 3 claims")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.out, "1 claim breaks the schema:\n  #c3 Rosatom builds plant: "))
      << Describe(r);

  // Loads and ASSERT now refuse what breaks it.
  std::string bad = Write("bad.tsv",
                          "subject\tpredicate\tobject\n"
                          "Rosatom\tbuilds\t3\n"
                          "Rosatom\tbuilds\treactor\n");
  r = Run({"load", store_, bad});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.err, absl::StrCat("annals: ", bad,
                                ":3:16: predicate `builds` expects an "
                                "integer, found the entity reactor\n"))
      << Describe(r);
  r = Run({"query", store_, "ASSERT Rosatom builds reactor"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "expects an integer")) << Describe(r);

  std::string v2 = Write("v2.schema", "# nothing declared\n");
  ASSERT_EQ(Run({"schema", store_, v2}).exit_code, 0);
  r = Run({"schema", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.out, "# schema version 2, recorded "))
      << Describe(r);
  EXPECT_TRUE(absl::EndsWith(r.out, "\n# nothing declared\n")) << Describe(r);
  r = Run({"schema", "--version=1", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.out, "# schema version 1, recorded "))
      << Describe(r);
  EXPECT_TRUE(
      absl::EndsWith(r.out, "\ntype Thing\npredicate builds : integer\n"))
      << Describe(r);
  r = Run({"schema", "--history", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "# schema version 1, recorded "))
      << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "# schema version 2, recorded "))
      << Describe(r);
  r = Run({"check", store_});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  // As of a time: the version in force then.
  r = Run({"schema", "--as-of=2000", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "# no schema\n") << Describe(r);
  r = Run({"schema", "--as-of=9999", store_});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.out, "# schema version 2, recorded "))
      << Describe(r);
  r = Run({"schema", "--as-of=yesterday", store_});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);

  // Errors: a schema that does not parse, a missing file, usage.
  std::string broken = Write("broken.schema", "predicate p string\n");
  r = Run({"schema", store_, broken});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.err, absl::StrCat("annals: ", broken,
                                ":1:13: expected `:` and the value type, "
                                "found `string`\n"
                                "  predicate p string\n"
                                "              ^\n"))
      << Describe(r);
  r = Run({"schema", store_, root_ + "/missing.schema"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "cannot open")) << Describe(r);
  r = Run({"schema", "--version=3", store_});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(
      absl::StrContains(r.err, "store has no schema version 3 (latest: 2)"))
      << Describe(r);
  r = Run({"schema", "--version=x", store_});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "--version takes a version number"))
      << Describe(r);
  r = Run({"schema", "--history", store_, v1});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err, "--history, --version and --as-of print; they take no FILE"))
      << Describe(r);
  r = Run({"schema", "--bogus", store_});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "unknown option --bogus"))
      << Describe(r);
  r = Run({"schema"});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(
      absl::StrContains(r.err, "schema takes a STORE and at most one FILE"))
      << Describe(r);
}

}  // namespace
}  // namespace annals
