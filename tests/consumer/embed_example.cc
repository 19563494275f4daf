// Embedding Annals: open a store, give it a schema, record claims with their
// provenance, ask the query language about two moments and two beliefs, and
// read typed rows. docs/cpp-api.md shows this file whole; tools/check builds it
// against an installed Annals and runs it (exit 1 on a wrong answer).
#include <stdlib.h>

#include <filesystem>
#include <iostream>
#include <string>

#include "annals/database.h"

namespace {

template <typename T>
T Must(absl::StatusOr<T> v) {
  if (!v.ok()) {
    std::cerr << "error: " << v.status() << "\n";
    exit(1);
  }
  return *std::move(v);
}

// Runs `query` and prints its rows; returns the first cell of each, joined.
std::string Ask(annals::PreparedQuery& query) {
  annals::ResultSet rows = Must(query.Execute());
  std::cout << "-- " << rows.view() << "\n";
  std::string firsts;
  while (rows.Next()) {
    for (const annals::Cell& cell : rows.row())
      std::cout << cell.ToString() << "  ";
    std::cout << "\n";
    firsts += (firsts.empty() ? "" : ", ") + rows.row()[0].ToString();
  }
  if (!rows.status().ok()) std::cerr << "error: " << rows.status() << "\n";
  return firsts;
}

}  // namespace

int main() {
  std::string dir = std::filesystem::temp_directory_path() / "annals-XXXXXX";
  if (mkdtemp(dir.data()) == nullptr) return 1;
  annals::Database db = Must(annals::Database::Open(dir + "/sco.annals"));

  // One value at a time: a later flow closes the earlier one.
  Must(
      db.SetSchema("unit bcm/yr flow_rate\n"
                   "predicate gas_to_china : quantity flow_rate one\n",
                   "inline"));

  annals::ClaimInput flow;
  flow.subject = annals::Value::Entity("Russia");
  flow.predicate = "gas_to_china";
  flow.source = "seed-article";
  flow.by = "Alexey Miller";
  // Recorded (transaction time) when we learned it; the default is now.
  flow.recorded = Must(annals::TimePoint::Parse("2025-01-01"));
  flow.object = Must(annals::Value::Quantity("48", "bcm/yr"));
  Must(db.Assert(flow));  // valid since an unknown day, still holding
  flow.recorded = Must(annals::TimePoint::Parse("2025-09-03"));
  flow.object = Must(annals::Value::Quantity("56", "bcm/yr"));
  flow.valid.from = Must(annals::TimePoint::Parse("2025-09-02"));
  Must(db.Assert(flow));  // closes the 48 on 2025-09-02

  annals::PreparedQuery at = Must(db.Prepare(
      "FIND ?flow by(?c) WHERE ?c: Russia gas_to_china ?flow AT $day"));
  at.Bind("day",
          annals::Value::Date(Must(annals::TimePoint::Parse("2024-06-01"))));
  std::string before = Ask(at);
  at.Bind("day",
          annals::Value::Date(Must(annals::TimePoint::Parse("2026-01-01"))));
  std::string after = Ask(at);

  // What the store believed before the 56 was recorded: 48 for good.
  annals::PreparedQuery believed = Must(db.Prepare(
      "FIND ?flow WHERE Russia gas_to_china ?flow AT 2026 AS OF 2025-09-01"));
  std::string earlier = Ask(believed);

  std::filesystem::remove_all(dir);
  bool right =
      before == "48 bcm/yr" && after == "56 bcm/yr" && earlier == "48 bcm/yr";
  std::cout << (right ? "all answers as expected\n" : "a WRONG answer\n");
  return right ? 0 : 1;
}
