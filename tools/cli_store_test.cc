// Tests of how `annals` opens stores (the real binary): only init, load and
// schema FILE create one and say so; every other command refuses a path
// that holds no store, suggesting a store beside it, and leaves a folder of
// the user's files byte-identical; a file is named as one. Also --version,
// the counts' wording, and the shared options --read-only, --max-rows and
// --timeout with their bad values; and a store another process writes.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using RunResult = test::CliResult;

std::string Describe(const RunResult& r) {
  return absl::StrCat("exit ", r.exit_code, "\nstdout:\n", r.out, "\nstderr:\n",
                      r.err);
}

class CliStoreTest : public ::testing::Test {
 protected:
  // Runs `annals args...` in root_ (relative paths are inside it).
  RunResult Run(const std::vector<std::string>& args,
                const std::string& input = "") {
    return test::RunCli(root_, args, input);
  }
  std::string Write(const std::string& name, const std::string& content) {
    return test::WriteFileIn(root_, name, content);
  }
  // sco.annals, with three claims of good.tsv.
  void MakeStore() {
    Write("good.tsv",
          "subject\tpredicate\tobject\tvalid_from\n"
          "Gazprom\tsigned\tmemo\t2025-09-02\n"
          "Gazprom\tsigned\tcontract\t2019\n"
          "Rosatom\tbuilds\tplant\t\n");
    RunResult r = Run({"load", "sco.annals", "good.tsv"});
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
  }

  test::TempDir dir_{"annals_cli_store"};
  std::string root_ = dir_.path();
};

// Every command that must not create a store, with what it needs besides
// the STORE.
std::vector<std::vector<std::string>> ReadingCommands(const std::string& s) {
  return {{"shell", s},
          {"query", s, "FIND ?x WHERE Gazprom signed ?x"},
          {"query", "--read-only", s, "FIND ?x WHERE Gazprom signed ?x"},
          {"find", s, "--subject=Gazprom"},
          {"export", s},
          {"stats", s},
          {"check", s},
          {"compact", s},
          {"upgrade", s},
          {"schema", s},
          {"schema", "--history", s}};
}

TEST_F(CliStoreTest, InitCreatesAnEmptyStoreOnlyWhereThereIsNone) {
  RunResult r = Run({"init", "sco.annals"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "created new store 'sco.annals'\n");
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(Database::Exists(root_ + "/sco.annals"));
  r = Run({"stats", "sco.annals"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "claims       0\n")) << Describe(r);

  r = Run({"init", "sco.annals"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.err, "annals: store 'sco.annals' exists already\n");
  // An empty directory is fine; a directory of files and a file are not.
  fs::create_directory(root_ + "/empty");
  r = Run({"init", "empty"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  fs::create_directory(root_ + "/mine");
  Write("mine/notes.txt", "mine\n");
  const auto before = test::TreeContents(root_ + "/mine");
  r = Run({"init", "mine"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.err,
            "annals: 'mine' is a directory of other files, not an Annals "
            "store; a new store needs a new or empty directory\n");
  EXPECT_EQ(test::TreeContents(root_ + "/mine"), before);
  Write("x.tsv", "a\n");
  r = Run({"init", "x.tsv"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.err, "annals: 'x.tsv' is a file, not an Annals store\n");
  // Usage errors.
  EXPECT_EQ(Run({"init"}).exit_code, 2);
  EXPECT_EQ(Run({"init", "a", "b"}).exit_code, 2);
  r = Run({"init", "--force", "a"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(root_ + "/a"));
}

TEST_F(CliStoreTest, AMistypedStoreIsRefusedWithTheNearestStoreBesideIt) {
  MakeStore();
  // As near, but not a store: never suggested.
  fs::create_directory(root_ + "/sco.analss");
  Write("sco.annalz", "a file\n");
  for (const auto& args : ReadingCommands("sco.anals")) {
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 1) << args[0] << "\n" << Describe(r);
    EXPECT_EQ(r.err,
              "annals: no Annals store at 'sco.anals'; did you mean "
              "'sco.annals'?\n")
        << args[0];
    EXPECT_FALSE(fs::exists(root_ + "/sco.anals")) << args[0];
  }
  // In a folder: the suggestion keeps it; far from any store, none.
  fs::create_directory(root_ + "/data");
  ASSERT_EQ(Run({"init", "data/events.annals"}).exit_code, 0);
  RunResult r = Run({"stats", "data/event.annals"});
  EXPECT_EQ(r.err,
            "annals: no Annals store at 'data/event.annals'; did you mean "
            "'data/events.annals'?\n");
  r = Run({"stats", root_ + "/data/event.annals"});
  EXPECT_EQ(r.err, absl::StrCat("annals: no Annals store at '", root_,
                                "/data/event.annals'; did you mean '", root_,
                                "/data/events.annals'?\n"));
  r = Run({"query", "wikidata.annals", "FIND ?x WHERE a b ?x"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "annals: no Annals store at 'wikidata.annals'\n");
  EXPECT_FALSE(fs::exists(root_ + "/wikidata.annals"));
  r = Run({"stats", "nowhere/sco.annals"});
  EXPECT_EQ(r.err, "annals: no Annals store at 'nowhere/sco.annals'\n");
  EXPECT_FALSE(fs::exists(root_ + "/nowhere"));
}

TEST_F(CliStoreTest, AFolderOfTheUsersFilesStaysByteIdentical) {
  const std::string folder = root_ + "/papers";
  fs::create_directories(folder + "/2025");
  Write("papers/notes.txt", "draft\n");
  Write("papers/2025/claims.tsv", "subject\tpredicate\tobject\nA\tp\tB\n");
  Write("schema.txt", "predicate p: entity\n");
  Write("more.tsv", "subject\tpredicate\tobject\nC\tp\tD\n");
  const auto before = test::TreeContents(folder);
  std::vector<std::vector<std::string>> commands = ReadingCommands("papers");
  commands.push_back({"load", "papers", "more.tsv"});
  commands.push_back({"schema", "papers", "schema.txt"});
  commands.push_back({"init", "papers"});
  commands.push_back({"shell", "--read-only", "papers"});
  for (const auto& args : commands) {
    RunResult r = Run(args, "ASSERT A p B;\n");
    EXPECT_EQ(r.exit_code, 1) << args[0] << "\n" << Describe(r);
    const bool creates =
        args[0] == "load" || args[0] == "init" ||
        (args[0] == "schema" && args.size() == 3 && args[1] == "papers");
    EXPECT_EQ(r.err,
              creates ? "annals: 'papers' is a directory of other files, not "
                        "an Annals store; a new store needs a new or empty "
                        "directory\n"
                      : "annals: no Annals store at 'papers'\n")
        << absl::StrJoin(args, " ");
    EXPECT_EQ(test::TreeContents(folder), before) << absl::StrJoin(args, " ");
  }
}

TEST_F(CliStoreTest, AFileGivenAsTheStoreIsNamedAsAFile) {
  Write("claims.tsv", "subject\tpredicate\tobject\nA\tp\tB\n");
  std::vector<std::vector<std::string>> commands =
      ReadingCommands("claims.tsv");
  commands.push_back({"load", "claims.tsv", "claims.tsv"});
  commands.push_back({"init", "claims.tsv"});
  for (const auto& args : commands) {
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 1) << args[0] << "\n" << Describe(r);
    EXPECT_EQ(r.err, "annals: 'claims.tsv' is a file, not an Annals store\n")
        << absl::StrJoin(args, " ");
  }
  EXPECT_EQ(test::ReadFile(root_ + "/claims.tsv"),
            "subject\tpredicate\tobject\nA\tp\tB\n");
}

TEST_F(CliStoreTest, LoadAndSchemaSayWhenTheyCreateAStore) {
  Write("one.tsv", "subject\tpredicate\tobject\nA\tp\tB\n");
  RunResult r = Run({"load", "new.annals", "one.tsv"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, "annals: created new store 'new.annals'\n");
  // One of each, in the singular.
  EXPECT_TRUE(absl::StartsWith(r.out, "Loaded 1 row in ")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out,
                                "): 1 claim added, 0 duplicates skipped, 0 "
                                "rejected, 3 new terms\n"))
      << Describe(r);
  r = Run({"load", "new.annals", "one.tsv"});
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(absl::StrContains(r.out, "0 claims added, 1 duplicate skipped"))
      << Describe(r);
  r = Run({"load", "--quiet", "quiet.annals", "one.tsv"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out + r.err, "");
  EXPECT_TRUE(Database::Exists(root_ + "/quiet.annals"));

  // A load that fails, or a dry run, leaves no store behind.
  Write("bad.tsv", "subject\tpredicate\tobject\nA\t\tB\n");
  r = Run({"load", "failed.annals", "bad.tsv"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_FALSE(absl::StrContains(r.err, "created")) << Describe(r);
  EXPECT_FALSE(fs::exists(root_ + "/failed.annals"));
  fs::create_directory(root_ + "/empty");
  r = Run({"load", "empty", "bad.tsv"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(fs::is_empty(root_ + "/empty"));
  r = Run({"load", "--dry-run", "dry.annals", "one.tsv"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.out, "Checked 1 row in ")) << Describe(r);
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(fs::exists(root_ + "/dry.annals"));

  Write("bad.schema", "predicate p: nonsense nonsense\n");
  r = Run({"schema", "untyped.annals", "bad.schema"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_FALSE(fs::exists(root_ + "/untyped.annals"));
  Write("s.schema", "predicate p: entity\n");
  r = Run({"schema", "typed.annals", "s.schema"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, "annals: created new store 'typed.annals'\n");
  EXPECT_TRUE(absl::StartsWith(r.out, "schema version 1 recorded at "));
  r = Run({"schema", "typed.annals", "s.schema"});
  EXPECT_EQ(r.err, "");
}

TEST_F(CliStoreTest, Version) {
  const std::string expected = absl::StrCat("annals ", ANNALS_VERSION, "\n");
  for (const char* flag : {"--version", "version"}) {
    RunResult r = Run({flag});
    EXPECT_EQ(r.exit_code, 0) << Describe(r);
    EXPECT_EQ(r.out, expected);
    EXPECT_EQ(r.err, "");
  }
  // One number, of the form x.y.z.
  EXPECT_EQ(std::count(expected.begin(), expected.end(), '.'), 2) << expected;
  RunResult r = Run({"version", "extra"});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_TRUE(absl::StrContains(Run({"--help"}).out, "version")) << r.out;
}

TEST_F(CliStoreTest, LimitOptionsAndTheirBadValues) {
  MakeStore();
  const std::string two = "FIND ?x WHERE Gazprom signed ?x";
  RunResult r = Run({"query", "--max-rows=1", "sco.annals", two});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "more than 1 rows (--max-rows)"))
      << Describe(r);
  r = Run({"query", "--max-rows", "2", "sco.annals", two});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "(2 rows)")) << Describe(r);
  r = Run({"query", "--max-rows=0", "--timeout=0", "sco.annals", two});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  for (const char* timeout :
       {"--timeout=30s", "--timeout=1500", "--timeout=2m", "--timeout=250ms"}) {
    r = Run({"query", timeout, "sco.annals", two});
    EXPECT_EQ(r.exit_code, 0) << timeout << Describe(r);
  }
  // A statement that runs too long: every triple of 131 claims.
  r = Run({"load", "--quiet", "big.annals",
           std::string(ANNALS_SOURCE_DIR) + "/datasets/sco2025/claims.tsv"});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  r = Run({"query", "--timeout=1", "--max-rows=0", "big.annals",
           "FIND ?a ?b ?c WHERE ?a ?p ?x, ?b ?q ?y, ?c ?r ?z"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err, "query ran longer than its time limit (1 ms; --timeout)"))
      << Describe(r);
  // A script takes them too.
  r = Run({"query", "--max-rows=1", "sco.annals"}, two + ";\n" + two + ";\n");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "(--max-rows)")) << Describe(r);

  struct Bad {
    std::string flag, message;
  };
  const std::vector<Bad> bad = {
      {"--max-rows=abc",
       "--max-rows: a row limit is a number of rows (5000), 0 for none; not "
       "'abc'"},
      {"--max-rows=-1",
       "--max-rows: a row limit is a number of rows (5000), 0 for none; not "
       "'-1'"},
      {"--max-rows=",
       "--max-rows: a row limit is a number of rows (5000), 0 "
       "for none; not ''"},
      {"--timeout=abc",
       "--timeout: a timeout is milliseconds (1500) or a duration (30s, "
       "500ms, 2m), 0 for none; not 'abc'"},
      {"--timeout=-5",
       "--timeout: a timeout is milliseconds (1500) or a duration (30s, "
       "500ms, 2m), 0 for none; not '-5'"},
      {"--timeout=10x",
       "--timeout: a timeout is milliseconds (1500) or a duration (30s, "
       "500ms, 2m), 0 for none; not '10x'"},
      {"--read-only=yes", "--read-only takes no value"},
  };
  for (const Bad& b : bad) {
    for (const char* command : {"query", "shell"}) {
      std::vector<std::string> args = {command, b.flag, "sco.annals"};
      if (std::string(command) == "query") args.push_back(two);
      r = Run(args);
      EXPECT_EQ(r.exit_code, 2) << b.flag << Describe(r);
      EXPECT_TRUE(absl::StartsWith(r.err, "annals: " + b.message + "\n\n"))
          << b.flag << Describe(r);
    }
  }
  // Unknown options suggest these.
  r = Run({"query", "--maxrows=5", "sco.annals", two});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "did you mean --max-rows?")) << r.err;
  r = Run({"shell", "--read_only", "sco.annals"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "did you mean --read-only?")) << r.err;
}

TEST_F(CliStoreTest, ReadOnlyRefusesWritesAndTakesNoLock) {
  MakeStore();
  RunResult r = Run(
      {"query", "--read-only", "sco.annals", "ASSERT Gazprom signed \"deal\""});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "is open read-only; writes refused"))
      << Describe(r);
  r = Run(
      {"shell", "--read-only", "sco.annals"},
      "FIND ?x WHERE Rosatom builds ?x;\nASSERT Gazprom signed \"deal\";\n");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "plant\n(1 row)")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "is open read-only; writes refused"))
      << Describe(r);
  r = Run({"export", "--read-only", "sco.annals"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "Rosatom\tbuilds\tplant")) << r.out;
  // Nothing was written: the claims are as loaded.
  r = Run({"query", "sco.annals", "FIND ?x WHERE Gazprom signed ?x"});
  EXPECT_TRUE(absl::StrContains(r.out, "(2 rows)")) << Describe(r);
}

// A store another process holds for writing: query opens it read-only, says
// so, and sees the holder's writes.
TEST_F(CliStoreTest, AStoreHeldByAWriterIsReadAndSaysSo) {
  MakeStore();
  const std::string store = root_ + "/sco.annals";
  auto writer = Database::Open(store);
  ASSERT_TRUE(writer.ok()) << writer.status();
  ASSERT_TRUE(writer->Query("ASSERT Gazprom signed \"deal\"").ok());
  RunResult r = Run({"query", store, "FIND ?x WHERE Gazprom signed ?x"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, absl::StrCat("annals: store '", store,
                                "' is open for writing by another process; "
                                "opened read-only: reads see its writes as "
                                "they are committed, writes are refused\n"));
  EXPECT_TRUE(absl::StrContains(r.out, "(3 rows)")) << Describe(r);
  // --read-only: no notice, as nothing was refused.
  r = Run({"query", "--read-only", store, "FIND ?x WHERE Gazprom signed ?x"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, "");
  // Writers are still refused with the lock's message.
  r = Run({"compact", store});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err, absl::StrCat("annals: store '", store,
                          "' is open for writing by another process; close "
                          "it there or open this one read-only")))
      << Describe(r);
}

}  // namespace
}  // namespace annals
