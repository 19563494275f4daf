// An object field that is empty or blank loads when the row gives its
// object_type (`""` with object_type string is the empty string), in TSV and
// JSON Lines alike; without object_type it is still the bad row "empty
// object".
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "load/reader_test_util.h"

namespace annals {
namespace {

using load::test_util::WriteTempFile;

std::vector<std::string> Objects(const std::string& store,
                                 const std::string& file) {
  std::vector<std::string> objects;
  auto db = Database::Open(WriteTempFile(store + ".unused", "") + ".store");
  EXPECT_TRUE(db.ok()) << db.status();
  if (!db.ok()) return objects;
  auto loaded = db->Load({file});
  EXPECT_TRUE(loaded.ok()) << loaded.status();
  auto claims = db->Find(ClaimPattern(), TimeView::AllTime());
  EXPECT_TRUE(claims.ok());
  if (!claims.ok()) return objects;
  for (const Claim& c : *claims) {
    objects.push_back(std::string(ValueKindName(c.object.kind())) + ":[" +
                      c.object.text() + "]");
  }
  std::sort(objects.begin(), objects.end());
  return objects;
}

const std::vector<std::string> kExpected = {"entity:[ ]", "string:[   ]",
                                            "string:[]"};

TEST(BlankObject, LoadsWithItsTypeFromTsv) {
  const std::string file =
      WriteTempFile("blank.tsv",
                    "subject\tpredicate\tobject\tobject_type\n"
                    "a\tnote\t\tstring\n"
                    "a\tnote\t   \tstring\n"
                    "a\tnamed\t \tentity\n");
  EXPECT_EQ(Objects("blank_tsv", file), kExpected);
}

TEST(BlankObject, LoadsWithItsTypeFromJsonLines) {
  const std::string file = WriteTempFile(
      "blank.jsonl",
      "{\"subject\":\"a\",\"predicate\":\"note\",\"object\":\"\","
      "\"object_type\":\"string\"}\n"
      "{\"subject\":\"a\",\"predicate\":\"note\",\"object\":\"   \","
      "\"object_type\":\"string\"}\n"
      "{\"subject\":\"a\",\"predicate\":\"named\",\"object\":\" \","
      "\"object_type\":\"entity\"}\n");
  EXPECT_EQ(Objects("blank_jsonl", file), kExpected);
}

TEST(BlankObject, WithoutATypeOrAsAnEmptyEntityIsABadRow) {
  for (const char* content :
       {"subject\tpredicate\tobject\tobject_type\na\tnote\t\t\n",
        "subject\tpredicate\tobject\na\tnote\t  \n",
        "subject\tpredicate\tobject\tobject_type\na\tnote\t\tentity\n",
        "subject\tpredicate\tobject\tobject_type\na\tnote\t\tinteger\n"}) {
    const std::string file = WriteTempFile("bad_blank.tsv", content);
    auto db = Database::Open(WriteTempFile("bad_blank.unused", "") + ".store");
    ASSERT_TRUE(db.ok());
    auto loaded = db->Load({file});
    EXPECT_FALSE(loaded.ok()) << content;
    EXPECT_TRUE(
        absl::StrContains(loaded.status().message(), "bad_blank.tsv:2:"))
        << loaded.status();
  }
}

}  // namespace
}  // namespace annals
