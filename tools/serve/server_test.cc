// Tests of the HTTP API end to end: a Server started in-process on port 0
// over a store of datasets/tiny, spoken to with httplib::Client: every
// endpoint, every error status, the token, read-only, CORS, NDJSON
// streaming, a `<script>` value returned as data, loads all or nothing, and
// concurrent requests from threads.
#include "tools/serve/server.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"
#include "tools/serve/statements.h"

namespace annals::serve {
namespace {

using Json = nlohmann::json;

constexpr char kToken[] = "s3cret-token";
constexpr char kTsv[] = "text/tab-separated-values";

struct Answer {
  int status = 0;
  Json body;
  std::string text;
  httplib::Headers headers;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(ServeOptions()); }

  // (Re)starts the server over the tiny store with `options` (port 0; the
  // token kToken unless options says otherwise).
  void Start(ServeOptions options, bool token = true) {
    server_.reset();
    db_.reset();
    options.port = 0;
    options.quiet = true;
    if (token && options.token.empty()) options.token = kToken;
    Options open;
    open.read_only = options.read_only;
    if (!std::filesystem::exists(store_)) {
      auto made = test::OpenDatabase(store_, {test::kTinyClaims});
      ASSERT_TRUE(made.ok()) << made.status();
    }
    auto db = test::OpenDatabase(store_, {}, open);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    options_ = options;
    auto server = Server::Start(db_.get(), options_, nullptr);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  void TearDown() override {
    server_.reset();
    db_.reset();
  }

  std::unique_ptr<httplib::Client> Client() {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    c->set_read_timeout(30, 0);
    c->set_tcp_nodelay(true);
    return c;
  }

  static Answer From(const httplib::Result& r) {
    Answer a;
    if (!r) {
      ADD_FAILURE() << "no response: " << httplib::to_string(r.error());
      return a;
    }
    a.status = r->status;
    a.text = r->body;
    a.headers = r->headers;
    a.body = Json::parse(r->body, nullptr, false);
    return a;
  }

  Answer Get(const std::string& path, const httplib::Headers& headers = {}) {
    return From(Client()->Get(path, headers));
  }

  Answer Post(const std::string& path, const std::string& body,
              const httplib::Headers& headers = {},
              const std::string& type = "application/json") {
    return From(Client()->Post(path, headers, body, type));
  }

  Answer Query(const Json& body, const httplib::Headers& headers = {},
               const std::string& query = "") {
    return Post("/api/query" + query, body.dump(), headers);
  }

  static httplib::Headers Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  test::TempDir dir_{"annals_serve"};
  std::string store_ = dir_.Join("store");
  ServeOptions options_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Server> server_;
};

// The texts of a result's cells in one column.
std::vector<std::string> Column(const Json& result, size_t column) {
  std::vector<std::string> out;
  for (const Json& row : result["rows"]) {
    const Json& cell = row[column];
    out.push_back(cell.is_object()   ? cell["text"].get<std::string>()
                  : cell.is_string() ? cell.get<std::string>()
                                     : cell.dump());
  }
  return out;
}

TEST_F(ServerTest, QueryAnswersColumnsRowsNoticesAndView) {
  Answer a = Query({{"statement",
                     "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x AT "
                     "2024-06-01"}});
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.Header("Content-Type"), "application/json");
  EXPECT_EQ(a.body["columns"], Json::array({"?x"}));
  EXPECT_EQ(a.body["view"], "valid at 2024-06-01, as currently recorded");
  EXPECT_TRUE(a.body["notices"].is_array());
  ASSERT_EQ(a.body["rows"].size(), 1u);
  const Json& q = a.body["rows"][0][0];
  EXPECT_EQ(q["type"], "quantity");
  EXPECT_EQ(q["text"], "48 bcm/yr");
  EXPECT_EQ(q["value"], 48.0);
  EXPECT_EQ(q["unit"], "bcm/yr");
}

TEST_F(ServerTest, ValuesAsJsonNumbersAndObjects) {
  Answer a = Query(
      {{"statement",
        "FIND ?c ?v from(?c) WHERE ?c: Russia agreements_signed_with_china ?v "
        "AT 2025-09-02"}});
  ASSERT_EQ(a.status, 200) << a.text;
  ASSERT_EQ(a.body["rows"].size(), 1u);
  const Json& row = a.body["rows"][0];
  EXPECT_EQ(row[0]["type"], "claim");
  EXPECT_EQ(row[0]["id"], 14);
  EXPECT_EQ(row[0]["text"], "#c14");
  EXPECT_TRUE(row[1].is_number_integer());
  EXPECT_EQ(row[1], 22);
  EXPECT_EQ(row[2]["type"], "time");
  EXPECT_EQ(row[2]["text"], "2025-09-02");
  EXPECT_EQ(row[2]["precision"], "day");
  EXPECT_EQ(row[2]["start"], 1756771200);  // 2025-09-02T00:00:00Z
  EXPECT_EQ(row[2]["end"], 1756771200 + 86400);

  // A decimal, a boolean, a string, an entity, a month.
  a = Query({{"statement",
              "FIND ?v WHERE Russia china_flow_share_of_prewar_europe_exports "
              "?v"}});
  EXPECT_EQ(a.body["rows"][0][0], 0.5);
  a = Query({{"statement",
              "FIND ?v WHERE \"Power of Siberia 2 memorandum\" legally_binding "
              "?v"}});
  EXPECT_EQ(a.body["rows"][0][0], true);
  a = Query({{"statement", "FIND ?v WHERE China relations_with_russia ?v"}});
  EXPECT_EQ(a.body["rows"][0][0], "highest level in history");
  a = Query(
      {{"statement", "FIND ?o from(?c) WHERE ?c: Russia exports_to_china ?o"}});
  EXPECT_EQ(a.body["rows"][0][0],
            Json({{"type", "entity"}, {"text", "deer antlers"}}));
  EXPECT_EQ(a.body["rows"][0][1]["precision"], "month");
  EXPECT_EQ(a.body["rows"][0][1]["text"], "2025-09");
}

TEST_F(ServerTest, ParamsOfEveryKind) {
  Answer a = Query({{"statement",
                     "FIND ?x WHERE $s gas_flow_to_china_bcm ?x "
                     "AT $t"},
                    {"params", {{"s", "Russia"}, {"t", "2024-06-01"}}}});
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(Column(a.body, 0), std::vector<std::string>{"48 bcm/yr"});
  a = Query({{"statement",
              "FIND ?s WHERE ?s agreements_signed_with_china $n "
              "AT 2025-09-02"},
             {"params", {{"n", 22}}}});
  EXPECT_EQ(Column(a.body, 0), std::vector<std::string>{"Russia"});
  a = Query({{"statement", "FIND ?x WHERE $s gas_flow_to_china_bcm ?x AT $t"},
             {"params",
              {{"s", {{"type", "entity"}, {"text", "Russia"}}},
               {"t", {{"type", "time"}, {"text", "2026"}}}}}});
  EXPECT_EQ(Column(a.body, 0), std::vector<std::string>{"56 bcm/yr"});
  // A default view in the body.
  a = Query({{"statement", "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x"},
             {"at", "2024-06-01"}});
  EXPECT_EQ(Column(a.body, 0), std::vector<std::string>{"48 bcm/yr"});
  EXPECT_EQ(a.body["view"], "valid at 2024-06-01, as currently recorded");
}

TEST_F(ServerTest, BadStatementIs400WithLineAndColumn) {
  Answer a = Query(
      {{"statement", "FIND ?who\nWHERE ?who signed ?what FILTER ?wat = x"}});
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(a.body["error"]["message"],
            "variable ?wat is not bound by any pattern; did you mean ?what?");
  EXPECT_EQ(a.body["error"]["line"], 2);
  EXPECT_EQ(a.body["error"]["column"], 32);
  EXPECT_TRUE(
      absl::StrContains(a.body["error"]["detail"].get<std::string>(), "^"));
  a = Query({{"statement", "FIND WHERE"}});
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(a.body["error"]["line"], 1);
  EXPECT_EQ(a.body["error"]["column"], 6);
  // A syntax error is a 400 even when it would be a write without a token.
  a = Query({{"statement", "ASSERT Gazprom"}});
  EXPECT_EQ(a.status, 400) << a.text;
}

TEST_F(ServerTest, BadBodiesAre400) {
  for (const std::string body :
       {"", "not json", "[1,2]", "{\"statement\": 3}", "{}",
        "{\"statement\": \"FIND ?x WHERE ?x ?p ?o\", \"params\": [1]}",
        "{\"statement\": \"FIND ?x WHERE ?x ?p ?o\", \"at\": \"soon\"}",
        "{\"statement\": \"FIND ?x WHERE $s ?p ?x\", \"params\": {\"s\": "
        "[1]}}"}) {
    Answer a = Post("/api/query", body);
    EXPECT_EQ(a.status, 400) << body << " -> " << a.text;
    EXPECT_TRUE(a.body["error"]["message"].is_string()) << body;
  }
  // A parameter without a value.
  Answer a = Query({{"statement", "FIND ?x WHERE $s ?p ?x"}});
  EXPECT_EQ(a.status, 400) << a.text;
  // Bad limits in the query string.
  a = Query({{"statement", "FIND ?x WHERE ?x ?p ?o"}}, {}, "?max_rows=lots");
  EXPECT_EQ(a.status, 400);
  EXPECT_TRUE(absl::StrContains(a.body["error"]["message"].get<std::string>(),
                                "max_rows"));
}

TEST_F(ServerTest, RowLimitIs422AndTimeLimitIs504) {
  Answer a =
      Query({{"statement", "FIND ?s ?p ?o WHERE ?s ?p ?o"}}, {}, "?max_rows=5");
  EXPECT_EQ(a.status, 422) << a.text;
  EXPECT_EQ(a.body["error"]["limit"], "max_rows");
  EXPECT_TRUE(absl::StrContains(a.body["error"]["message"].get<std::string>(),
                                "more than 5 rows"));
  // A request may not raise the server's ceiling.
  ServeOptions low;
  low.max_rows = 3;
  Start(low);
  a = Query({{"statement", "FIND ?s ?p ?o WHERE ?s ?p ?o"}}, {},
            "?max_rows=1000");
  EXPECT_EQ(a.status, 422) << a.text;

  // A join of every claim with every claim, thrice, cannot end within 1 ms.
  Start(ServeOptions());
  a = Query({{"statement",
              "FIND ?a ?b ?c WHERE ?a ?p ?x, ?b ?q ?y, ?c ?r ?z ORDER BY ?a"}},
            {}, "?timeout_ms=1");
  EXPECT_EQ(a.status, 504) << a.text.substr(0, 300);
  EXPECT_EQ(a.body["error"]["limit"], "timeout_ms");
}

TEST_F(ServerTest, BodyOverTheLimitIs413) {
  ServeOptions small;
  small.max_body_bytes = 1024;
  Start(small);
  Json body = {
      {"statement", "FIND ?x WHERE ?x ?p ?o -- " + std::string(2000, 'x')}};
  Answer a = Query(body);
  EXPECT_EQ(a.status, 413);
  EXPECT_EQ(a.Header("Content-Type"), "application/json");
  EXPECT_EQ(a.body["error"]["limit"], "max_body");
  a = Post("/api/load", std::string(4096, 'x'), Bearer(kToken),
           "text/tab-separated-values");
  EXPECT_EQ(a.status, 413);
}

TEST_F(ServerTest, WritesNeedTheToken) {
  const Json assert_ = {{"statement", "ASSERT Gazprom supplies Serbia"}};
  Answer a = Query(assert_);
  EXPECT_EQ(a.status, 401) << a.text;
  EXPECT_EQ(a.body["error"]["code"], "UNAUTHENTICATED");
  a = Query(assert_, Bearer("s3cret-tokem"));
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(a.body["error"]["message"], "wrong token");
  a = Query(assert_, {{"Authorization", "Basic czNjcmV0"}});
  EXPECT_EQ(a.status, 401);
  a = Query(assert_, Bearer(std::string(kToken) + "x"));
  EXPECT_EQ(a.status, 401);
  // Nothing was written.
  a = Query({{"statement", "FIND ?x WHERE Gazprom ?p ?x"}});
  EXPECT_EQ(a.text.find("Serbia"), std::string::npos);

  a = Query(assert_, Bearer(kToken));
  ASSERT_EQ(a.status, 200) << a.text;
  a = Query({{"statement", "FIND ?x WHERE Gazprom supplies ?x"}});
  EXPECT_EQ(Column(a.body, 0), std::vector<std::string>{"Serbia"});
  // RETRACT too; EXPLAIN of a write writes nothing and needs no token.
  a = Query({{"statement", "  -- a comment first\n retract #c1"}});
  EXPECT_EQ(a.status, 401);
  a = Query({{"statement", "EXPLAIN RETRACT #c1"}});
  EXPECT_EQ(a.status, 200) << a.text;
  a = Query({{"statement", "RETRACT #c1"}}, Bearer(kToken));
  EXPECT_EQ(a.status, 200) << a.text;
  // Retracting it again: a conflict, at its place.
  a = Query({{"statement", "RETRACT #c1"}}, Bearer(kToken));
  EXPECT_EQ(a.status, 409) << a.text;
  a = Query({{"statement", "RETRACT #c9999"}}, Bearer(kToken));
  EXPECT_EQ(a.status, 404) << a.text;
}

TEST_F(ServerTest, NoTokenOrReadOnlyRefusesWrites) {
  ServeOptions none;
  Start(none, /*token=*/false);
  Answer a =
      Query({{"statement", "ASSERT Gazprom supplies Serbia"}}, Bearer(kToken));
  EXPECT_EQ(a.status, 403) << a.text;
  EXPECT_EQ(
      Post("/api/load", "subject\tpredicate\tobject\na\tb\tc\n", Bearer(kToken))
          .status,
      403);
  EXPECT_EQ(Query({{"statement", "FIND ?x WHERE Gazprom signed ?x"}}).status,
            200);

  ServeOptions read_only;
  read_only.read_only = true;
  Start(read_only);
  a = Query({{"statement", "ASSERT Gazprom supplies Serbia"}}, Bearer(kToken));
  EXPECT_EQ(a.status, 403) << a.text;
  EXPECT_TRUE(absl::StrContains(a.body["error"]["message"].get<std::string>(),
                                "read-only"));
  EXPECT_EQ(
      Post("/api/load", "subject\tpredicate\tobject\na\tb\tc\n", Bearer(kToken))
          .status,
      403);
  EXPECT_EQ(Get("/api/stats").status, 200);
}

TEST_F(ServerTest, ScriptValueComesBackAsData) {
  const std::string evil = "<script>alert('x')</script>";
  Answer a = Query({{"statement", "ASSERT Mallory says $v"},
                    {"params", {{"v", {{"type", "string"}, {"text", evil}}}}}},
                   Bearer(kToken));
  ASSERT_EQ(a.status, 200) << a.text;
  a = Query({{"statement", "FIND ?v WHERE Mallory says ?v"}});
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.Header("Content-Type"), "application/json");
  EXPECT_EQ(a.body["rows"][0][0], evil);
  // An entity named so, through the URL: data in JSON, never HTML.
  a = Get("/api/entity/%3Cscript%3E");
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.Header("Content-Type"), "application/json");
  EXPECT_EQ(a.body["entity"]["text"], "<script>");
}

TEST_F(ServerTest, NdjsonStreamsRowsThenAnEndLine) {
  Answer a = Query({{"statement", "HISTORY Russia"}},
                   {{"Accept", "application/x-ndjson"}});
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.Header("Content-Type"), "application/x-ndjson");
  EXPECT_EQ(a.Header("Transfer-Encoding"), "chunked");
  std::vector<std::string> lines =
      absl::StrSplit(a.text, '\n', absl::SkipEmpty());
  ASSERT_GE(lines.size(), 3u);
  Json head = Json::parse(lines.front());
  EXPECT_EQ(head["columns"][0], "claim");
  EXPECT_EQ(head["view"], "all valid time, as currently recorded");
  Json end = Json::parse(lines.back());
  EXPECT_EQ(end["end"]["rows"], static_cast<int>(lines.size()) - 2);
  // The same rows as the whole document.
  Answer whole = Query({{"statement", "HISTORY Russia"}});
  ASSERT_EQ(whole.body["rows"].size(), lines.size() - 2);
  for (size_t i = 1; i + 1 < lines.size(); ++i) {
    EXPECT_EQ(Json::parse(lines[i]), whole.body["rows"][i - 1]);
  }
  // A limit reached before the first row is still an error status...
  a = Query({{"statement", "FIND ?s ?p ?o WHERE ?s ?p ?o ORDER BY ?s"}},
            {{"Accept", "application/x-ndjson"}}, "?max_rows=2");
  EXPECT_EQ(a.status, 422) << a.text;
  // ... and one reached while rows stream ends the stream with an error line.
  a = Query({{"statement", "FIND ?s ?p ?o WHERE ?s ?p ?o"}},
            {{"Accept", "application/x-ndjson"}}, "?max_rows=2");
  ASSERT_EQ(a.status, 200);
  lines = absl::StrSplit(a.text, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 4u) << a.text;
  EXPECT_EQ(Json::parse(lines.back())["error"]["limit"], "max_rows");
}

TEST_F(ServerTest, EntityHasEveryClaimWithTimesProvenanceAndDisputes) {
  // Two sources disagree on a capacity: a dispute.
  Answer load = Post("/api/load",
                     "subject\tpredicate\tobject\tvalid_from\tsource\tby\n"
                     "Power of Siberia 2\tcapacity\t60 bcm/yr\t\tother-paper\t"
                     "Someone\n",
                     Bearer(kToken), kTsv);
  ASSERT_EQ(load.status, 200) << load.text;
  Answer a = Get("/api/entity/Power%20of%20Siberia%202");
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["entity"]["text"], "Power of Siberia 2");
  std::set<std::string> predicates;
  int disputed = 0;
  for (const Json& c : a.body["claims"]) {
    predicates.insert(c["predicate"].get<std::string>());
    EXPECT_EQ(c["subject"]["text"], "Power of Siberia 2");
    EXPECT_EQ(c["recorded"]["type"], "time");
    EXPECT_TRUE(c.contains("retracted"));
    EXPECT_TRUE(c["valid"].contains("from"));
    EXPECT_TRUE(c.contains("source"));
    EXPECT_TRUE(c.contains("by"));
    if (!c["disputed_by"].empty()) ++disputed;
  }
  EXPECT_TRUE(predicates.count("capacity"));
  EXPECT_TRUE(predicates.count("crosses"));
  EXPECT_EQ(disputed, 2) << a.text;
  EXPECT_GE(a.body["disputes"]["rows"].size(), 1u);
  // As an object: the memorandum concerns it.
  bool concerns = false;
  for (const Json& c : a.body["incoming"]) {
    concerns |= c["predicate"] == "concerns";
  }
  EXPECT_TRUE(concerns);

  // A retracted claim stays, with its retraction time.
  ASSERT_EQ(Query({{"statement", "RETRACT #c19"}}, Bearer(kToken)).status, 200);
  a = Get("/api/entity/Power%20of%20Siberia%202");
  bool seen = false;
  for (const Json& c : a.body["claims"]) {
    if (c["id"]["id"] == 19) {
      seen = true;
      EXPECT_EQ(c["retracted"]["type"], "time");
    }
  }
  EXPECT_TRUE(seen);
}

// As in the query language, an unknown name is an empty answer with a
// notice naming the nearest known one, not an error.
TEST_F(ServerTest, UnknownNamesAreEmptyAnswersWithANotice) {
  const std::string notice = "unknown name 'Rusia'; did you mean 'Russia'?";
  Answer a =
      Query({{"statement", "FIND ?x WHERE Rusia gas_flow_to_china_bcm ?x"}});
  EXPECT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["rows"].size(), 0u);
  EXPECT_EQ(a.body["notices"], Json::array({notice}));
  for (const std::string path : {"/api/history/Rusia", "/api/disputes/Rusia",
                                 "/api/path?from=Rusia&to=China"}) {
    a = Get(path);
    EXPECT_EQ(a.status, 200) << path << " " << a.text;
    EXPECT_EQ(a.body["rows"].size(), 0u) << path;
    EXPECT_EQ(a.body["notices"], Json::array({notice})) << path;
  }
  for (const std::string path :
       {"/api/entity/Rusia", "/api/neighbourhood/Rusia"}) {
    a = Get(path);
    EXPECT_EQ(a.status, 200) << path << " " << a.text;
    EXPECT_EQ(a.body["notices"], Json::array({notice})) << path;
  }
  EXPECT_EQ(Get("/api/entity/Rusia").body["claims"].size(), 0u);
  EXPECT_EQ(Get("/api/neighbourhood/Rusia").body["edges"].size(), 0u);
  a = Get("/api/history/Russia/gas_flow_to_china_bcn");
  EXPECT_EQ(a.status, 200);
  EXPECT_TRUE(absl::StrContains(a.body["notices"][0].get<std::string>(),
                                "did you mean 'gas_flow_to_china_bcm'"))
      << a.text;
}

TEST_F(ServerTest, NamesWithSpacesQuotesAndSlashesInTheUrl) {
  Answer load = Post("/api/load",
                     "subject\tpredicate\tobject\n"
                     "Say \"Hi\" O'Brien/Jr\tlikes\tPlain Name\n",
                     Bearer(kToken), kTsv);
  ASSERT_EQ(load.status, 200) << load.text;
  Answer a = Get("/api/entity/Say%20%22Hi%22%20O'Brien%2FJr");
  ASSERT_EQ(a.status, 200) << a.text;
  ASSERT_EQ(a.body["claims"].size(), 1u);
  EXPECT_EQ(a.body["claims"][0]["object"]["text"], "Plain Name");
  a = Get("/api/history/Say%20%22Hi%22%20O'Brien%2FJr/likes");
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["rows"].size(), 1u);
  a = Get("/api/entity/Plain%20Name");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.body["incoming"].size(), 1u);
}

TEST_F(ServerTest, HistoryDisputesPathStatsSchema) {
  Answer a = Get("/api/history/Russia/gas_flow_to_china_bcm");
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(Column(a.body, 1),
            (std::vector<std::string>{"48 bcm/yr", "56 bcm/yr"}));
  a = Get("/api/history/Russia");
  EXPECT_EQ(a.status, 200);
  EXPECT_GT(a.body["rows"].size(), 2u);
  a = Get("/api/history/Russia/gas_flow_to_china_bcm?as_of=2020-01-01");
  EXPECT_EQ(a.body["rows"].size(), 0u) << a.text;

  a = Get("/api/disputes/Russia");
  EXPECT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["columns"][0], "predicate");

  a = Get("/api/path?from=Vladimir%20Putin&to=China&in_order=1");
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(Column(a.body, 3),
            (std::vector<std::string>{"SCO summit 2025", "Tianjin", "China"}));
  a = Get("/api/path?from=Vladimir%20Putin&to=China&at=2025-09-01&max=3");
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["rows"].size(), 3u);
  EXPECT_EQ(a.body["view"], "valid at 2025-09-01, as currently recorded");
  a = Get("/api/path?from=Vladimir%20Putin&to=China&at=2025-09-01&max=2");
  EXPECT_EQ(a.body["rows"].size(), 0u);
  a =
      Get("/api/path?from=Vladimir%20Putin&to=China&via=attended,held_in,"
          "located_in&at=2025-09-01");
  EXPECT_EQ(a.body["rows"].size(), 3u) << a.text;
  EXPECT_EQ(Get("/api/path?from=Vladimir%20Putin").status, 400);
  EXPECT_EQ(Get("/api/path?from=a&to=b&max=zero").status, 400);
  EXPECT_EQ(Get("/api/path?from=Russia&to=China&at=someday").status, 400);

  a = Get("/api/stats");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.body["claims"], db_->Stats()->claims);
  EXPECT_EQ(a.body["claims_per_predicate"]["gas_flow_to_china_bcm"], 2);
  EXPECT_EQ(a.body["earliest"]["type"], "time");

  a = Get("/api/schema");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.body["version"], 0);
  ASSERT_TRUE(
      db_->SetSchema("predicate supply_term_years : integer one\n").ok());
  a = Get("/api/schema");
  EXPECT_EQ(a.body["version"], 1) << a.text;
  EXPECT_EQ(a.body["history"].size(), 1u);

  a = Get("/api");
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.body["writes"], true);
}

TEST_F(ServerTest, NeighbourhoodAtATime) {
  Answer a = Get("/api/neighbourhood/Vladimir%20Putin?at=2025-09-01");
  ASSERT_EQ(a.status, 200) << a.text;
  std::set<std::string> nodes;
  for (const Json& n : a.body["nodes"]) nodes.insert(n["text"]);
  EXPECT_TRUE(nodes.count("SCO summit 2025")) << a.text;
  EXPECT_TRUE(nodes.count("Russia"));
  EXPECT_EQ(a.body["at"]["text"], "2025-09-01");
  // Not at the summit any more on 2025-09-03; still president.
  a = Get("/api/neighbourhood/Vladimir%20Putin?at=2025-09-03");
  nodes.clear();
  for (const Json& n : a.body["nodes"]) nodes.insert(n["text"]);
  EXPECT_FALSE(nodes.count("SCO summit 2025"));
  EXPECT_TRUE(nodes.count("Russia"));
  // Values are the centre's attributes, not nodes.
  a = Get("/api/neighbourhood/Russia?at=2024-06-01");
  bool flow = false;
  for (const Json& c : a.body["attributes"]) {
    flow |= c["object"]["text"] == "48 bcm/yr";
  }
  EXPECT_TRUE(flow) << a.text;
}

TEST_F(ServerTest, LoadIsAllOrNothingWithLineAndColumn) {
  const int64_t before = db_->Stats()->claims;
  Answer a = Post("/api/load",
                  "subject\tpredicate\tobject\tvalid_from\n"
                  "A\tlinks\tB\t2020\n"
                  "C\tlinks\tD\tnot-a-date\n",
                  Bearer(kToken), kTsv);
  EXPECT_EQ(a.status, 400) << a.text;
  EXPECT_EQ(a.body["error"]["line"], 3);
  EXPECT_EQ(a.body["error"]["column"], 11);
  EXPECT_EQ(a.text.find("serve-load"), std::string::npos) << a.text;
  EXPECT_EQ(db_->Stats()->claims, before);

  a = Post("/api/load", "subject,predicate,object\nA,links,B\nC,links,D\n",
           Bearer(kToken), "text/csv");
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["claims_added"], 2);
  EXPECT_EQ(a.body["new_entities"], Json::array({"A", "B", "C", "D"}));
  EXPECT_EQ(a.body["new_predicates"], Json::array({"links"}));
  EXPECT_EQ(a.body["first_claim"]["type"], "claim");
  a = Post("/api/load?format=jsonl",
           "{\"subject\": \"E\", \"predicate\": \"links\", \"object\": "
           "\"F\"}\n",
           Bearer(kToken), "text/plain");
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["claims_added"], 1);
  // Loading again adds nothing; a dry run writes nothing.
  a = Post("/api/load", "subject,predicate,object\nA,links,B\n", Bearer(kToken),
           "text/csv");
  EXPECT_EQ(a.body["duplicates"], 1);
  a = Post("/api/load?dry_run=1", "subject\tpredicate\tobject\nX\ty\tZ\n",
           Bearer(kToken), kTsv);
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(db_->Stats()->claims, before + 3);
  // Strict: a predicate nobody used is a bad row.
  a = Post("/api/load?strict=1", "subject\tpredicate\tobject\nX\tlnks\tZ\n",
           Bearer(kToken), kTsv);
  EXPECT_EQ(a.status, 400) << a.text;
  EXPECT_EQ(a.body["error"]["line"], 2);
  EXPECT_EQ(Post("/api/load?format=xml", "x", Bearer(kToken)).status, 400);
  EXPECT_EQ(Post("/api/load", "", Bearer(kToken)).status, 400);
  EXPECT_EQ(Post("/api/load", "a\tb\n", {}).status, 401);
  // The temporary files are gone from the store's directory.
  for (const auto& entry : std::filesystem::directory_iterator(store_)) {
    EXPECT_FALSE(
        absl::StrContains(entry.path().filename().string(), "serve-load"))
        << entry.path();
  }
}

TEST_F(ServerTest, UnknownEndpointsAndMethods) {
  Answer a = Get("/api/nothing");
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(a.Header("Content-Type"), "application/json");
  EXPECT_TRUE(a.body["error"]["message"].is_string());
  a = Get("/api/query");
  EXPECT_EQ(a.status, 405);
  EXPECT_EQ(a.Header("Allow"), "POST");
  EXPECT_EQ(Get("/api/entity/").status, 404);
  EXPECT_EQ(Get("/api/history/a/b/c").status, 400);
}

TEST_F(ServerTest, CorsOnlyWhenAsked) {
  Answer a = Get("/api/stats", {{"Origin", "http://example.com"}});
  EXPECT_EQ(a.Header("Access-Control-Allow-Origin"), "");
  httplib::Client c("127.0.0.1", server_->port());
  auto pre = c.Options("/api/query");
  ASSERT_TRUE(pre);
  EXPECT_EQ(pre->get_header_value("Access-Control-Allow-Origin"), "");

  ServeOptions cors;
  cors.cors_origin = "http://localhost:3000";
  Start(cors);
  a = Get("/api/stats", {{"Origin", "http://localhost:3000"}});
  EXPECT_EQ(a.Header("Access-Control-Allow-Origin"), "http://localhost:3000");
  a = Query({{"statement", "FIND WHERE"}});
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(a.Header("Access-Control-Allow-Origin"), "http://localhost:3000");
  httplib::Client c2("127.0.0.1", server_->port());
  pre = c2.Options("/api/query");
  ASSERT_TRUE(pre);
  EXPECT_EQ(pre->status, 204);
  EXPECT_TRUE(absl::StrContains(
      pre->get_header_value("Access-Control-Allow-Headers"), "Authorization"));
}

TEST_F(ServerTest, ConcurrentRequestsFromThreads) {
  constexpr int kThreads = 8, kEach = 40;
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      for (int i = 0; i < kEach; ++i) {
        if (t == 0 && i % 4 == 0) {
          // One writer among the readers.
          Json body = {{"statement", absl::StrCat("ASSERT W", i, " x Y")}};
          auto r = c.Post("/api/query",
                          {{"Authorization", std::string("Bearer ") + kToken}},
                          body.dump(), "application/json");
          if (!r || r->status != 200) ++failures[t];
          continue;
        }
        Json body = {{"statement",
                      "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x AT $t"},
                     {"params", {{"t", i % 2 ? "2024-06-01" : "2026-01-01"}}}};
        auto r = c.Post("/api/query", body.dump(), "application/json");
        if (!r || r->status != 200) {
          ++failures[t];
          continue;
        }
        Json j = Json::parse(r->body, nullptr, false);
        const std::string want = i % 2 ? "48 bcm/yr" : "56 bcm/yr";
        if (j.is_discarded() || j["rows"].size() != 1 ||
            j["rows"][0][0]["text"] != want) {
          ++failures[t];
        }
        auto e = c.Get("/api/entity/Russia");
        if (!e || e->status != 200) ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << t;
  Answer a = Query({{"statement", "FIND ?s WHERE ?s x Y"}});
  EXPECT_EQ(a.body["rows"].size(), static_cast<size_t>(kEach / 4));
}

TEST_F(ServerTest, DisputesOfAHugeSubjectAreRefusedNotRun) {
  std::string rows = "subject\tpredicate\tobject\tsource\n";
  for (int i = 0; i <= kMaxDisputeClaims; ++i) {
    absl::StrAppend(&rows, "Big\tsize\t", i, "\tsrc", i, "\n");
  }
  ASSERT_EQ(Post("/api/load", rows, Bearer(kToken), kTsv).status, 200);
  Answer a = Get("/api/disputes/Big");
  EXPECT_EQ(a.status, 422) << a.text;
  EXPECT_EQ(a.body["error"]["limit"], "max_dispute_claims");
  a = Get("/api/disputes/Big/size");
  EXPECT_EQ(a.status, 422) << a.text;
  // The entity page still answers, with every claim and a notice.
  a = Get("/api/entity/Big");
  ASSERT_EQ(a.status, 200) << a.text.substr(0, 300);
  EXPECT_EQ(a.body["claims"].size(),
            static_cast<size_t>(kMaxDisputeClaims + 1));
  ASSERT_EQ(a.body["notices"].size(), 1u);
  EXPECT_TRUE(absl::StrContains(a.body["notices"][0].get<std::string>(),
                                "disputes not marked"));
  EXPECT_TRUE(a.body["disputes"].is_null());
}

TEST_F(ServerTest, StopCancelsARunningStatement) {
  std::string rows = "subject\tpredicate\tobject\n";
  for (int i = 0; i < 2000; ++i) absl::StrAppend(&rows, "N", i, "\tp\tM\n");
  ASSERT_EQ(Post("/api/load", rows, Bearer(kToken), kTsv).status, 200);
  ServeOptions unbounded;
  unbounded.timeout_ms = 0;
  Start(unbounded);
  // 8e9 combinations: it would run for hours.
  int status = 0;
  std::thread slow([&] {
    auto r = Client()->Post(
        "/api/query",
        R"({"statement": "FIND count(*) WHERE ?a p ?x, ?b p ?y, ?c p ?z"})",
        "application/json");
    status = r ? r->status : -1;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto start = std::chrono::steady_clock::now();
  server_->Stop();
  const auto took = std::chrono::steady_clock::now() - start;
  slow.join();
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_TRUE(status == 503 || status == -1) << status;
}

TEST_F(ServerTest, BindingATakenPortFails) {
  ServeOptions same;
  same.port = server_->port();
  auto second = Server::Start(db_.get(), same, nullptr);
  EXPECT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace annals::serve
