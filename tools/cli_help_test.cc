// `annals --help` and `annals COMMAND --help` for every command (exit 0,
// each option named, examples), "did you mean" for unknown commands and
// options (exit 2), and `annals export` end to end: --output, --format,
// --as-of, a QUERY, and a load of its output giving the same export.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"
#include "tools/cli/suggest.h"

namespace annals {
namespace {

using RunResult = test::CliResult;

class CliHelpTest : public testing::Test {
 protected:
  // Runs `annals ARGS` in root_, ARGS split as a shell would.
  RunResult Run(const std::string& args) {
    return test::RunCli(root_, test::ShellWords(args));
  }
  test::TempDir dir_{"annals_help"};
  std::string root_ = dir_.path();
};

TEST_F(CliHelpTest, MainHelpListsEveryCommandAndTheExitCodes) {
  for (const char* help : {"--help", "-h", "help"}) {
    RunResult r = Run(help);
    EXPECT_EQ(r.exit_code, 0) << help;
    for (const char* command :
         {"load", "find", "query", "shell", "stats", "check", "compact",
          "upgrade", "schema", "export"}) {
      EXPECT_TRUE(absl::StrContains(r.out, absl::StrCat("\n  ", command, " ")))
          << command;
      EXPECT_TRUE(absl::StrContains(r.out, absl::StrCat("annals ", command)))
          << "no example of " << command;
    }
    EXPECT_TRUE(absl::StrContains(r.out, "Exit codes:"));
    for (const char* code : {"0  success", "1  the operation failed",
                             "2  usage error", "3  `annals check` found"}) {
      EXPECT_TRUE(absl::StrContains(r.out, code)) << code;
    }
  }
}

struct CommandOptions {
  const char* command;
  std::vector<const char*> options;
};

TEST_F(CliHelpTest, EveryCommandHelpNamesItsOptionsWithExamples) {
  const std::vector<CommandOptions> commands = {
      {"load",
       {"--format", "--columns", "--dates", "--skip-bad", "--reject-file",
        "--dry-run", "--quiet", "--verbose"}},
      {"find",
       {"--subject", "--predicate", "--object", "--at", "--possibly",
        "--all-time", "--as-of", "--retracted"}},
      {"query", {"--format", "--file", "--param"}},
      {"shell", {"--keep-going", "< report.aq", ".schema", ".load"}},
      {"stats", {}},
      {"check", {}},
      {"compact", {}},
      {"upgrade", {}},
      {"schema", {"--history", "--version", "--as-of"}},
      {"export", {"--format", "--output", "--as-of", "QUERY"}},
  };
  for (const CommandOptions& c : commands) {
    SCOPED_TRACE(c.command);
    for (const char* help : {"--help", "-h"}) {
      RunResult r = Run(absl::StrCat(c.command, " ", help));
      EXPECT_EQ(r.exit_code, 0);
      EXPECT_TRUE(absl::StartsWith(r.out, "Usage: annals "));
      EXPECT_TRUE(absl::StrContains(r.out, "Example"));
      EXPECT_TRUE(
          absl::StrContains(r.out, absl::StrCat("  annals ", c.command)));
      for (const char* option : c.options) {
        EXPECT_TRUE(absl::StrContains(r.out, option)) << option;
      }
    }
  }
}

TEST_F(CliHelpTest, UnknownCommandSuggestsTheNearest) {
  RunResult r = Run("qeury store");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(
      r.err, "unknown command 'qeury'; did you mean `query`?"))
      << r.err;
  r = Run("exprot store");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "did you mean `export`?")) << r.err;
  r = Run("frobnicate store");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "unknown command 'frobnicate'"));
  EXPECT_FALSE(absl::StrContains(r.err, "did you mean")) << r.err;
  EXPECT_EQ(Run("").exit_code, 2);
}

TEST_F(CliHelpTest, UnknownOptionSuggestsTheNearest) {
  struct Case {
    const char* args;
    const char* message;
  };
  for (const Case& c : std::vector<Case>{
           {"export --as_of=2020 s",
            "unknown option --as_of; did you mean --as-of?"},
           {"export --fromat=tsv s",
            "unknown option --fromat; did you mean --format?"},
           {"find --subjet=Russia s",
            "unknown option --subjet; did you mean --subject?"},
           {"load --skipbad s f.tsv",
            "unknown option --skipbad; did you mean --skip-bad?"},
           {"query --parm=x=1 s",
            "unknown option --parm; did you mean --param?"},
           {"schema --histroy s",
            "unknown option --histroy; did you mean --history?"},
           {"stats --verbose s", "unknown option --verbose"},
           {"check --fast s", "unknown option --fast"},
       }) {
    RunResult r = Run(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_TRUE(absl::StrContains(r.err, c.message)) << c.args << "\n" << r.err;
  }
}

TEST(CliSuggestTest, EditDistanceAndNearest) {
  EXPECT_EQ(cli::EditDistance("query", "query"), 0);
  EXPECT_EQ(cli::EditDistance("qeury", "query"), 1);  // a swap
  EXPECT_EQ(cli::EditDistance("as_of", "as-of"), 0);  // _ and - alike
  EXPECT_EQ(cli::EditDistance("", "abc"), 3);
  EXPECT_EQ(cli::EditDistance("kitten", "sitting"), 3);
  const std::vector<std::string> commands = {"load", "find", "query", "export"};
  EXPECT_EQ(cli::Nearest("lod", commands), "load");
  EXPECT_EQ(cli::Nearest("xyz", commands), "");
  EXPECT_EQ(cli::Nearest("q", commands), "");  // too short to guess
  EXPECT_TRUE(cli::FlagTakesValue("as-of", "  --as-of=TIME  ..."));
  EXPECT_FALSE(cli::FlagTakesValue("all-time", "  --all-time  --at=T"));
  EXPECT_FALSE(cli::FlagTakesValue("", "--=x"));
  EXPECT_EQ(cli::FlagsInHelp("  --a=X  --bb-c  --a\n see --d_e"),
            (std::vector<std::string>{"a", "bb-c", "d"}));
}

TEST_F(CliHelpTest, ExportWritesWhatLoadReadsBack) {
  const std::string tiny =
      absl::StrCat(ANNALS_SOURCE_DIR, "/datasets/tiny/claims.tsv");
  ASSERT_EQ(Run(absl::StrCat("load --quiet s '", tiny, "'")).exit_code, 0);

  RunResult to_stdout = Run("export s");
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  EXPECT_TRUE(absl::StartsWith(to_stdout.out, "subject\tpredicate\tobject\t"));
  EXPECT_TRUE(to_stdout.err.empty()) << to_stdout.err;

  RunResult to_file = Run("export --output=e.tsv s");
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_TRUE(absl::StrContains(to_file.err, "Exported 37 claims to e.tsv"))
      << to_file.err;
  EXPECT_EQ(test::ReadFile(root_ + "/e.tsv"), to_stdout.out);
  ASSERT_EQ(Run("load --quiet copy e.tsv").exit_code, 0);
  EXPECT_EQ(Run("export copy").out, to_stdout.out);

  ASSERT_EQ(Run("export --output=e.jsonl s").exit_code, 0);  // by extension
  EXPECT_TRUE(
      absl::StartsWith(test::ReadFile(root_ + "/e.jsonl"), "{\"subject\":"));
  ASSERT_EQ(Run("load --quiet copy2 e.jsonl").exit_code, 0);
  EXPECT_EQ(Run("export copy2").out, to_stdout.out);

  RunResult query =
      Run("export --format=jsonl s 'FIND ?c WHERE ?c: Russia "
          "gas_flow_to_china_bcm ?x AT 2024-06-01'");
  ASSERT_EQ(query.exit_code, 0) << query.err;
  EXPECT_EQ(query.out,
            "{\"subject\":\"Russia\",\"predicate\":\"gas_flow_to_china_bcm\","
            "\"object\":\"48 bcm/yr\",\"valid_from\":\"2019-12-02\","
            "\"valid_to\":\"2025-09-02\",\"recorded_at\":\"2025-09-02\","
            "\"source\":\"seed-article\",\"by\":\"Alexey Miller\"}\n");

  RunResult spaced = Run("export s --format jsonl --output e2.jsonl");
  ASSERT_EQ(spaced.exit_code, 0) << spaced.err;
  EXPECT_EQ(test::ReadFile(root_ + "/e2.jsonl"),
            test::ReadFile(root_ + "/e.jsonl"));
  RunResult find = Run("find --subject Russia --all-time s");
  EXPECT_EQ(find.exit_code, 0) << find.err;
  EXPECT_TRUE(absl::StrContains(find.out, "56 bcm/yr")) << find.out;

  RunResult before = Run("export --as-of=2025-09-01 s");
  EXPECT_EQ(before.exit_code, 0);
  EXPECT_LT(before.out.size(), to_stdout.out.size());
}

TEST_F(CliHelpTest, ExportWarnsOfWhatALoadWouldNotGiveBack) {
  ASSERT_EQ(Run("init s").exit_code, 0);
  ASSERT_EQ(Run("query s 'ASSERT Gazprom signed memo SOURCE \"a\"'").exit_code,
            0);
  // The same claim again (confidence does not count): nothing added.
  RunResult again =
      Run("query s 'ASSERT Gazprom signed memo SOURCE \"a\" CONFIDENCE 0.5'");
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(again.out, "already stored")) << again.out;
  ASSERT_EQ(Run("query s 'ASSERT #c1 confirmed_by China'").exit_code, 0);
  RunResult r = Run("export --output=e.tsv s");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(absl::StrContains(r.err, "equal an earlier one")) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "warning: 1 claim is about claims"))
      << r.err;
  EXPECT_TRUE(absl::StrContains(test::ReadFile(root_ + "/e.tsv"),
                                "\n#c1\tconfirmed_by\tChina\t"));
}

TEST_F(CliHelpTest, ExportUsageErrors) {
  for (const char* args : {"export", "export --format=xlsx s",
                           "export --format s", "export --as-of=someday s",
                           "export --as-of=2020 s 'FIND ?c WHERE "
                           "?c: a b ?o'",
                           "export s q extra"}) {
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_TRUE(absl::StrContains(r.err, "Usage: annals export")) << args;
  }
  RunResult missing = Run("export no-such-store");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(root_ + "/no-such-store"));
}

}  // namespace
}  // namespace annals
