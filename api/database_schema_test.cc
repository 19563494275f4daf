// Tests of schemas through the public API: setting, reading and versioning
// a store's schema (also across reopening), refusing schemas that do not
// parse, enforcement by Assert, the ASSERT statement and Load (all or
// nothing, and skip_bad with its reject file), a store without a schema
// accepting everything, and Check listing stored claims that break a schema
// set after them.

#include <filesystem>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "engine/rocks.h"
#include "engine/schema_store.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

using test::ReadFile;

std::string Msg(const absl::Status& s) { return std::string(s.message()); }

constexpr char kSchema[] =
    "type Company\n"
    "unit bcm/yr flow_rate\n"
    "unit bcm/day = 365 bcm/yr\n"
    "predicate founded : date one\n"
    "predicate gas_flow : quantity flow_rate one \"Pipeline gas\"\n"
    "predicate ceo_of : Company one\n";

class DatabaseSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void TearDown() override { db_.reset(); }
  // The rows `query` gives, or -1 (and a failure) when it fails.
  int RowCount(std::string_view query) {
    auto rows = db_->Query(query);
    if (!rows.ok()) {
      ADD_FAILURE() << query << ": " << rows.status();
      return -1;
    }
    int n = 0;
    while (rows->Next()) ++n;
    EXPECT_TRUE(rows->status().ok()) << query << ": " << rows->status();
    return n;
  }

  void Reopen() {
    db_.reset();
    Options o;
    o.sync_writes = false;
    o.block_cache_bytes = 8 << 20;
    auto db = Database::Open(root_ + "/db", o);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::make_unique<Database>(std::move(*db));
  }
  std::string Write(const std::string& name, const std::string& content) {
    return test::WriteFileIn(root_, name, content);
  }
  int64_t Claims() {
    auto stats = db_->Stats();
    EXPECT_TRUE(stats.ok()) << stats.status();
    return stats.ok() ? stats->claims : -1;
  }
  static ClaimInput Founded(Value object) {
    ClaimInput in;
    in.subject = Value::Entity("Gazprom");
    in.predicate = "founded";
    in.object = std::move(object);
    return in;
  }

  test::TempDir dir_{"annals_schema"};
  std::string root_ = dir_.path();
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseSchemaTest, NoSchemaAcceptsEverything) {
  auto current = db_->GetSchema();
  ASSERT_TRUE(current.ok()) << current.status();
  EXPECT_EQ(current->version, 0);
  EXPECT_EQ(current->text, "");
  auto history = db_->SchemaHistory();
  ASSERT_TRUE(history.ok());
  EXPECT_TRUE(history->empty());
  EXPECT_TRUE(db_->Assert(Founded(Value::Integer(1989))).ok());
  auto check = db_->Check();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->schema_violations.empty());
}

TEST_F(DatabaseSchemaTest, SetGetAndHistoryAcrossReopen) {
  auto v1 = db_->SetSchema(kSchema, "sco.schema");
  ASSERT_TRUE(v1.ok()) << v1.status();
  EXPECT_EQ(v1->version, 1);
  EXPECT_EQ(v1->text, kSchema);
  int64_t now = TimePoint::Now().seconds;
  EXPECT_LE(v1->recorded.seconds, now);
  EXPECT_GT(v1->recorded.seconds, now - 60);
  auto v2 = db_->SetSchema("predicate founded : integer\n");
  ASSERT_TRUE(v2.ok()) << v2.status();
  EXPECT_EQ(v2->version, 2);

  Reopen();
  auto current = db_->GetSchema();
  ASSERT_TRUE(current.ok()) << current.status();
  EXPECT_EQ(current->version, 2);
  EXPECT_EQ(current->text, "predicate founded : integer\n");
  auto history = db_->SchemaHistory();
  ASSERT_TRUE(history.ok()) << history.status();
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].version, 1);
  EXPECT_EQ((*history)[0].text, kSchema);
  EXPECT_EQ((*history)[0].recorded, v1->recorded);
  // The reopened store enforces version 2: integers, not dates.
  EXPECT_TRUE(db_->Assert(Founded(Value::Integer(1989))).ok());
  EXPECT_FALSE(
      db_->Assert(Founded(Value::Date(*TimePoint::Parse("1989")))).ok());

  // A snapshot taken before a change still reads the version it saw.
  Snapshot before = db_->GetSnapshot();
  ASSERT_TRUE(db_->SetSchema("").ok());
  auto old = db_->GetSchema(before);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->version, 2);
  auto none = db_->GetSchema();
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->version, 3);
  EXPECT_EQ(none->text, "");
  // An empty schema: anything goes again.
  EXPECT_TRUE(
      db_->Assert(Founded(Value::Date(*TimePoint::Parse("1989")))).ok());
}

TEST_F(DatabaseSchemaTest, ASchemaThatDoesNotParseIsNotStored) {
  ASSERT_TRUE(db_->SetSchema(kSchema).ok());
  auto bad = db_->SetSchema("type A\npredicate p : Nope\n", "bad.schema");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(bad.status()));
  EXPECT_EQ(Msg(bad.status()),
            "bad.schema:2:15: type `Nope` is not declared (a value type is "
            "entity, string, integer, decimal, boolean, date, quantity "
            "DIMENSION or a declared type)\n"
            "  predicate p : Nope\n"
            "                ^");
  auto current = db_->GetSchema();
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->version, 1);
  auto history = db_->SchemaHistory();
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 1u);
}

TEST_F(DatabaseSchemaTest, ReadOnlyStoreRefusesSetSchema) {
  db_.reset();
  Options o;
  o.read_only = true;
  auto ro = Database::Open(root_ + "/db", o);
  ASSERT_TRUE(ro.ok()) << ro.status();
  auto set = ro->SetSchema(kSchema);
  ASSERT_FALSE(set.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(set.status())) << set.status();
  EXPECT_TRUE(absl::StrContains(Msg(set.status()), "read-only"));
}

TEST_F(DatabaseSchemaTest, UnreadableStoredSchemaIsDataLoss) {
  ASSERT_TRUE(db_->SetSchema(kSchema).ok());
  db_.reset();
  {
    annals::Options ro;
    ro.create_if_missing = false;
    auto rocks = engine::Rocks::Open(root_ + "/db", ro);
    ASSERT_TRUE(rocks.ok()) << rocks.status();
    engine::RocksBatch batch;
    batch.Put(engine::Family::kMeta, engine::SchemaKey(2),
              engine::EncodeSchemaValue(0, "predicate p :"));
    ASSERT_TRUE((*rocks)->Write(&batch).ok());
  }
  auto db = Database::Open(root_ + "/db");
  ASSERT_FALSE(db.ok());
  EXPECT_TRUE(absl::IsDataLoss(db.status())) << db.status();
  EXPECT_TRUE(absl::StrContains(Msg(db.status()),
                                "unreadable schema: schema version 2:1:14: "
                                "expected a value type"))
      << db.status();
  {
    annals::Options ro;
    ro.create_if_missing = false;
    auto rocks = engine::Rocks::Open(root_ + "/db", ro);
    ASSERT_TRUE(rocks.ok()) << rocks.status();
    engine::RocksBatch batch;
    batch.Put(engine::Family::kMeta, engine::SchemaKey(2), "no tab");
    ASSERT_TRUE((*rocks)->Write(&batch).ok());
  }
  db = Database::Open(root_ + "/db");
  ASSERT_FALSE(db.ok());
  EXPECT_TRUE(absl::IsDataLoss(db.status())) << db.status();
  EXPECT_TRUE(
      absl::StrContains(Msg(db.status()), "unreadable schema entry in meta"))
      << db.status();
}

TEST_F(DatabaseSchemaTest, AssertRefusesWhatBreaksTheSchema) {
  ASSERT_TRUE(db_->SetSchema(kSchema).ok());
  auto r = db_->Assert(Founded(Value::Integer(1989)));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(r.status()));
  EXPECT_EQ(Msg(r.status()),
            "predicate `founded` expects a date, found the integer 1989");
  ClaimInput flow;
  flow.subject = Value::Entity("Russia");
  flow.predicate = "gas_flow";
  flow.object = *Value::Quantity("5", "percent");
  r = db_->Assert(flow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()),
            "predicate `gas_flow` expects a quantity in flow_rate, found the "
            "quantity 5 percent (unit `percent` is not declared)");
  flow.object = *Value::Quantity("0.1", "bcm/day");
  EXPECT_TRUE(db_->Assert(flow).ok());
  // Undeclared predicates are free.
  ClaimInput other = Founded(Value::Integer(3));
  other.predicate = "visits";
  EXPECT_TRUE(db_->Assert(other).ok());
  EXPECT_EQ(Claims(), 2);
}

TEST_F(DatabaseSchemaTest, AssertStatementPointsAtTheObject) {
  ASSERT_TRUE(db_->SetSchema(kSchema).ok());
  auto r = db_->Query("ASSERT Gazprom founded 1989 FROM 2025");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(r.status()));
  EXPECT_EQ(Msg(r.status()),
            "line 1, column 24: predicate `founded` expects a date, found "
            "the integer 1989\n"
            "  ASSERT Gazprom founded 1989 FROM 2025\n"
            "                         ^");
  EXPECT_EQ(Claims(), 0);
  // EXPLAIN of a refused ASSERT is refused the same way.
  r = db_->Query("EXPLAIN ASSERT Gazprom founded 1989");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()),
            "line 1, column 32: predicate `founded` expects a date, found "
            "the integer 1989\n"
            "  EXPLAIN ASSERT Gazprom founded 1989\n"
            "                                 ^");
  EXPECT_TRUE(db_->Query("ASSERT Miller ceo_of Gazprom").ok());
  EXPECT_EQ(Claims(), 1);
}

TEST_F(DatabaseSchemaTest, LoadWithAViolationOnItsLastLineChangesNothing) {
  ASSERT_TRUE(db_->SetSchema(kSchema).ok());
  std::string path = Write("facts.tsv",
                           "subject\tpredicate\tobject\tobject_type\n"
                           "Gazprom\tfounded\t1989\tdate\n"
                           "Russia\tgas_flow\t38 bcm/yr\t\n"
                           "Miller\tceo_of\tGazprom\t\n"
                           "Rosneft\tfounded\t1993\t\n");
  auto r = db_->Load({path});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(r.status()));
  EXPECT_EQ(Msg(r.status()),
            absl::StrCat(path,
                         ":5:17: predicate `founded` expects a date, found "
                         "the integer 1993"));
  EXPECT_EQ(Claims(), 0);
  auto stats = db_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->terms, 0);
  EXPECT_EQ(stats->batches, 0);

  LoadOptions skip;
  skip.skip_bad = true;
  skip.reject_file = root_ + "/facts.rejects";
  r = db_->Load({path}, skip);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->claims_added, 3);
  EXPECT_EQ(r->rejected, 1);
  std::string rejects = ReadFile(skip.reject_file);
  EXPECT_TRUE(absl::StrContains(
      rejects, absl::StrCat(path,
                            ":5:17: predicate `founded` expects a date, "
                            "found the integer 1993")))
      << rejects;
  EXPECT_TRUE(absl::StrContains(rejects, "Rosneft")) << rejects;
}

TEST_F(DatabaseSchemaTest, LoadChecksJsonLinesAndClaimObjects) {
  ASSERT_TRUE(db_->SetSchema(kSchema).ok());
  std::string path =
      Write("facts.jsonl",
            "{\"subject\": \"Gazprom\", \"predicate\": \"ceo_of\", "
            "\"object\": \"#c1\"}\n");
  ASSERT_TRUE(
      db_->Assert(Founded(Value::Date(*TimePoint::Parse("1989")))).ok());
  auto r = db_->Load({path});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::StrContains(
      Msg(r.status()),
      "predicate `ceo_of` expects an entity of type Company, found the "
      "claim #c1"))
      << r.status();
  EXPECT_TRUE(absl::StartsWith(Msg(r.status()), path + ":1:")) << r.status();
}

TEST_F(DatabaseSchemaTest,
       SchemaSetOnABreakingStoreIsSetAndCheckListsViolations) {
  ASSERT_TRUE(db_->Assert(Founded(Value::Integer(1989))).ok());
  ClaimInput ok = Founded(Value::Date(*TimePoint::Parse("1993")));
  ok.subject = Value::Entity("Rosneft");
  ASSERT_TRUE(db_->Assert(ok).ok());
  ClaimInput flow;
  flow.subject = Value::Entity("Russia");
  flow.predicate = "gas_flow";
  flow.object = Value::Integer(38);
  auto flow_id = db_->Assert(flow);
  ASSERT_TRUE(flow_id.ok());
  ClaimInput retracted = Founded(Value::String("long ago"));
  auto retracted_id = db_->Assert(retracted);
  ASSERT_TRUE(retracted_id.ok());
  ASSERT_TRUE(db_->Retract(*retracted_id).ok());

  ASSERT_TRUE(db_->SetSchema(kSchema).ok());
  std::vector<std::string> expected = {
      "#c1 Gazprom founded 1989: predicate `founded` expects a date, found "
      "the integer 1989",
      "#c3 Russia gas_flow 38: predicate `gas_flow` expects a quantity in "
      "flow_rate, found the integer 38"};
  auto violations = db_->SchemaViolations();
  ASSERT_TRUE(violations.ok()) << violations.status();
  EXPECT_EQ(*violations, expected);
  auto check = db_->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok());  // the indexes agree
  EXPECT_EQ(check->schema_violations, expected);
  // Retracting a violating claim clears it.
  ASSERT_TRUE(db_->Retract(*flow_id).ok());
  violations = db_->SchemaViolations();
  ASSERT_TRUE(violations.ok());
  EXPECT_EQ(violations->size(), 1u);
}

TEST_F(DatabaseSchemaTest, AliasesNameTheirEntityEverywhere) {
  ASSERT_TRUE(db_->SetSchema("alias \"PoS-2\" = \"Power of Siberia 2\"\n"
                             "alias PoS2 = \"Power of Siberia 2\"\n"
                             "alias Miller = \"Alexey Miller\"\n")
                  .ok());
  ClaimInput in;
  in.subject = Value::Entity("PoS-2");
  in.predicate = "status";
  in.object = Value::Entity("binding");
  in.by = "Miller";
  auto id = db_->Assert(in);
  ASSERT_TRUE(id.ok()) << id.status();
  auto stored = db_->Get(*id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->subject, Value::Entity("Power of Siberia 2"));
  EXPECT_EQ(stored->by, "Alexey Miller");

  // Find through the API, by the alias or the name.
  for (const char* name : {"PoS-2", "Power of Siberia 2"}) {
    ClaimPattern p;
    p.subject = Value::Entity(name);
    auto found = db_->Find(p, TimeView::AllTime());
    ASSERT_TRUE(found.ok()) << found.status();
    EXPECT_EQ(found->size(), 1u) << name;
  }

  // ASSERT and load with aliases in the object position.
  ASSERT_TRUE(db_->Query("ASSERT Gazprom builds \"PoS-2\"").ok());
  std::string path = Write("facts.tsv",
                           "subject\tpredicate\tobject\tby\n"
                           "PoS-2\tcrosses\tMongolia\tMiller\n"
                           "CNPC\tpartner_of\tPoS-2\t\n");
  auto loaded = db_->Load({path});
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->claims_added, 2);

  // Queries: a pattern, a FILTER, HISTORY and PATH name the entity by alias.
  EXPECT_EQ(RowCount("FIND ?s ?p WHERE ?s ?p \"PoS-2\""), 2);
  EXPECT_EQ(RowCount("FIND ?x WHERE ?x crosses Mongolia FILTER ?x = PoS2"), 1);
  EXPECT_EQ(RowCount("HISTORY \"PoS-2\""), 2);  // status and crosses
  EXPECT_EQ(RowCount("PATH Gazprom TO Mongolia"), 2);
  // `by` is not a position: Alexey Miller is the subject of nothing.
  EXPECT_EQ(RowCount("FIND ?x WHERE Miller ?p ?x"), 0);
}

TEST_F(DatabaseSchemaTest, CheckListsClaimsStoredUnderANameThatBecameAnAlias) {
  ClaimInput in;
  in.subject = Value::Entity("PoS-2");
  in.predicate = "status";
  in.object = Value::Entity("binding");
  ASSERT_TRUE(db_->Assert(in).ok());
  in.subject = Value::Entity("CNPC");
  in.predicate = "partner_of";
  in.object = Value::Entity("PoS-2");
  ASSERT_TRUE(db_->Assert(in).ok());
  ASSERT_TRUE(
      db_->SetSchema("alias \"PoS-2\" = \"Power of Siberia 2\"\n").ok());
  auto violations = db_->SchemaViolations();
  ASSERT_TRUE(violations.ok()) << violations.status();
  std::vector<std::string> expected = {
      "#c1: its subject `PoS-2` is an alias of `Power of Siberia 2`; retract "
      "it and assert it with `Power of Siberia 2`",
      "#c2: its object `PoS-2` is an alias of `Power of Siberia 2`; retract "
      "it and assert it with `Power of Siberia 2`"};
  EXPECT_EQ(*violations, expected);
}

// docs/schemas.md's example: the tiny dataset follows
// datasets/tiny/tiny.schema, and the schema's aliases name its pipeline.
TEST_F(DatabaseSchemaTest, TinyDatasetFollowsItsSchema) {
  std::string dir = std::string(ANNALS_SOURCE_DIR) + "/datasets/tiny/";
  auto loaded = db_->Load({dir + "claims.tsv"});
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  auto set = db_->SetSchema(ReadFile(dir + "tiny.schema"), "tiny.schema");
  ASSERT_TRUE(set.ok()) << set.status();
  auto check = db_->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok());
  EXPECT_TRUE(check->schema_violations.empty())
      << check->schema_violations.front();
  // Loading it again under the schema refuses nothing.
  loaded = db_->Load({dir + "claims.tsv"});
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->duplicates, loaded->rows);
  ClaimPattern p;
  p.subject = Value::Entity("PoS-2");
  p.predicate = "capacity";
  auto found = db_->Find(p, TimeView::AllTime());
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().object.ToString(), "50 bcm/yr");
}

TEST_F(DatabaseSchemaTest, ASchemaChangeDuringALoadAbortsIt) {
  std::string rows = "subject\tpredicate\tobject\n";
  for (int i = 0; i < 100000; ++i) {
    absl::StrAppend(&rows, "e", i, "\tfounded\t", 1900 + i % 100, "\n");
  }
  std::string path = Write("many.tsv", rows);
  LoadOptions options;
  bool changed = false;
  // Called while the rows are read, before the commit: the rows were
  // checked against no schema, which is no longer the store's.
  options.progress = [&](const LoadProgress&) {
    if (!changed) changed = db_->SetSchema("predicate founded : date\n").ok();
  };
  auto r = db_->Load({path}, options);
  ASSERT_TRUE(changed);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::IsAborted(r.status())) << r.status();
  EXPECT_EQ(Msg(r.status()),
            "the schema changed (version 0 to 1) while the files were read; "
            "nothing was loaded: run the load again");
  EXPECT_EQ(Claims(), 0);
}

constexpr char kTypes[] =
    "type Organisation\ntype Company : Organisation\ntype Country\n"
    "predicate ceo_of : Company one\n";

TEST_F(DatabaseSchemaTest, EntityTypesComeFromTypeClaims) {
  ASSERT_TRUE(db_->SetSchema(kTypes).ok());
  ASSERT_TRUE(db_->Query("ASSERT Gazprom type Company").ok());
  ASSERT_TRUE(db_->Query("ASSERT Russia type Country").ok());
  auto r = db_->Query("ASSERT Gazprom type Compnay");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()),
            "line 1, column 21: predicate `type` expects a declared type, "
            "found the entity Compnay\n"
            "  ASSERT Gazprom type Compnay\n"
            "                      ^");
  r = db_->Query("ASSERT Miller ceo_of Russia");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()),
            "line 1, column 22: predicate `ceo_of` expects an entity of type "
            "Company, found the entity Russia (of type Country)\n"
            "  ASSERT Miller ceo_of Russia\n"
            "                       ^");
  EXPECT_TRUE(db_->Query("ASSERT Miller ceo_of Gazprom").ok());
  // An entity without a type is not checked.
  EXPECT_TRUE(db_->Query("ASSERT Sechin ceo_of Rosneft").ok());
  // A retracted type no longer counts.
  ClaimPattern russia_type;
  russia_type.subject = Value::Entity("Russia");
  russia_type.predicate = "type";
  auto found = db_->Find(russia_type, TimeView::AllTime());
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  ASSERT_TRUE(db_->Retract(found->front().id).ok());
  ClaimInput in;
  in.subject = Value::Entity("Miller");
  in.predicate = "ceo_of";
  in.object = Value::Entity("Russia");
  EXPECT_TRUE(db_->Assert(in).ok());
}

TEST_F(DatabaseSchemaTest, LoadCountsItsOwnTypeClaims) {
  ASSERT_TRUE(db_->SetSchema(kTypes).ok());
  ASSERT_TRUE(db_->Query("ASSERT China type Country").ok());
  std::string path = Write("facts.tsv",
                           "subject\tpredicate\tobject\n"
                           "Sechin\tceo_of\tRosneft\n"
                           "Xi\tceo_of\tChina\n"
                           "Rosneft\ttype\tCompany\n"
                           "Lukoil\ttype\tCountry\n"
                           "Alekperov\tceo_of\tLukoil\n");
  auto r = db_->Load({path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()),
            absl::StrCat(path,
                         ":3:11: predicate `ceo_of` expects an entity of type "
                         "Company, found the entity China (of type Country)"));
  EXPECT_EQ(Claims(), 1);

  LoadOptions skip;
  skip.skip_bad = true;
  skip.reject_file = root_ + "/facts.rejects";
  r = db_->Load({path}, skip);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->claims_added, 3);
  EXPECT_EQ(r->rejected, 2);
  std::string rejects = ReadFile(skip.reject_file);
  size_t china = rejects.find(path + ":3:11: predicate `ceo_of`");
  size_t lukoil = rejects.find(
      path +
      ":6:18: predicate `ceo_of` expects an entity of type Company, "
      "found the entity Lukoil (of type Country)");
  EXPECT_NE(china, std::string::npos) << rejects;
  EXPECT_NE(lukoil, std::string::npos) << rejects;
  EXPECT_LT(china, lukoil) << rejects;
  EXPECT_TRUE(absl::StrContains(rejects, "object=Lukoil")) << rejects;
}

TEST_F(DatabaseSchemaTest, CheckListsEntitiesOfTheWrongType) {
  ASSERT_TRUE(db_->Query("ASSERT Russia type Country").ok());
  ASSERT_TRUE(db_->Query("ASSERT Gazprom type Company").ok());
  ASSERT_TRUE(db_->Query("ASSERT Putin ceo_of Russia").ok());
  ASSERT_TRUE(db_->Query("ASSERT Miller ceo_of Gazprom").ok());
  ASSERT_TRUE(db_->SetSchema(kTypes).ok());
  auto violations = db_->SchemaViolations();
  ASSERT_TRUE(violations.ok()) << violations.status();
  EXPECT_EQ(*violations,
            std::vector<std::string>{
                "#c3 Putin ceo_of Russia: predicate `ceo_of` expects an entity "
                "of type Company, found the entity Russia (of type Country)"});
}

// Reads on a snapshot use the schema as of that snapshot: an alias changed
// after it is not seen by them, but is by the next statement.
TEST_F(DatabaseSchemaTest, ReadsUseTheSchemaOfTheirSnapshot) {
  for (const char* s : {"Alpha", "Beta"}) {
    ClaimInput in;
    in.subject = Value::Entity(s);
    in.predicate = "owns";
    in.object = Value::Entity(absl::StrCat(s, "Co"));
    ASSERT_TRUE(db_->Assert(in).ok());
  }
  ASSERT_TRUE(db_->SetSchema("alias A = Alpha\n").ok());
  Snapshot before = db_->GetSnapshot();
  auto open = db_->Query("FIND ?o WHERE A owns ?o");  // streams, not read yet
  ASSERT_TRUE(open.ok()) << open.status();
  ASSERT_TRUE(db_->SetSchema("alias A = Beta\n").ok());

  ClaimPattern a;
  a.subject = Value::Entity("A");
  auto old = db_->Find(a, TimeView(), before);
  ASSERT_TRUE(old.ok()) << old.status();
  ASSERT_EQ(old->size(), 1u);
  EXPECT_EQ((*old)[0].object, Value::Entity("AlphaCo"));
  ASSERT_TRUE(open->Next());
  EXPECT_EQ(open->row()[0].ToString(), "AlphaCo");
  EXPECT_FALSE(open->Next());

  auto now = db_->Find(a, TimeView());
  ASSERT_TRUE(now.ok()) << now.status();
  ASSERT_EQ(now->size(), 1u);
  EXPECT_EQ((*now)[0].object, Value::Entity("BetaCo"));
  auto next = db_->Query("FIND ?o WHERE A owns ?o");
  ASSERT_TRUE(next.ok()) << next.status();
  ASSERT_TRUE(next->Next());
  EXPECT_EQ(next->row()[0].ToString(), "BetaCo");
}

}  // namespace
}  // namespace annals
