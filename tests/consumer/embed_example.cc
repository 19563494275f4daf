// Embedding Annals: open a store, assert claims, ask about two moments,
// retract, and look back at what was recorded before the retraction.
// Exits 1 if any answer is not the expected one (tools/check runs it).
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "annals/database.h"

namespace {

int wrong = 0;

template <typename T>
T Must(absl::StatusOr<T> v) {
  if (!v.ok()) {
    std::cerr << "error: " << v.status() << "\n";
    std::exit(1);
  }
  return *std::move(v);
}

// Prints the claims Russia has in `view`, and checks that their objects are
// exactly `expected` ("" for none).
void Show(const annals::Database& db, const std::string& label,
          const annals::TimeView& view, const std::string& expected) {
  annals::ClaimPattern about_russia;
  about_russia.subject = annals::Value::Entity("Russia");
  auto claims = Must(db.Find(about_russia, view));
  std::string objects;
  std::cout << label << ":\n";
  for (const annals::Claim& c : claims) {
    std::cout << "  #c" << c.id << " " << c.subject.ToString() << " "
              << c.predicate << " " << c.object.ToString() << " "
              << c.valid.ToString() << " (by " << c.by << ")\n";
    objects += (objects.empty() ? "" : ", ") + c.object.ToString();
  }
  if (claims.empty()) std::cout << "  (none)\n";
  if (objects != expected) {
    std::cout << "  WRONG: expected [" << expected << "]\n";
    ++wrong;
  }
}

}  // namespace

int main() {
  namespace fs = std::filesystem;
  using annals::TimePoint;
  std::string dir = (fs::temp_directory_path() / "annals-example-XXXXXX");
  if (mkdtemp(dir.data()) == nullptr) return 1;
  {
    annals::Database db = Must(annals::Database::Open(dir + "/sco.annals"));

    annals::ClaimInput flow;
    flow.subject = annals::Value::Entity("Russia");
    flow.predicate = "gas_flow_to_china_bcm";
    flow.source = "seed-article";
    flow.by = "Alexey Miller";
    // Transaction time: the day the source said it (default: now).
    flow.recorded = Must(TimePoint::Parse("2025-09-02"));
    flow.object = Must(annals::Value::Quantity("48", "bcm/yr"));
    flow.valid = {Must(TimePoint::Parse("2019-12-02")),
                  Must(TimePoint::Parse("2025-09-02"))};
    Must(db.Assert(flow));
    flow.object = Must(annals::Value::Quantity("56", "bcm/yr"));
    flow.valid = {Must(TimePoint::Parse("2025-09-02")), std::nullopt};
    annals::ClaimId now_56 = Must(db.Assert(flow));

    annals::TimeView mid_2024;
    mid_2024.valid = annals::Window::Of(Must(TimePoint::Parse("2024-06-01")));
    Show(db, "Russia on 2024-06-01", mid_2024, "48 bcm/yr");
    Show(db, "Russia now", annals::TimeView::Now(), "56 bcm/yr");

    // Retracting hides the claim from now on; nothing is deleted.
    if (absl::Status s = db.Retract(now_56); !s.ok()) {
      std::cerr << "error: " << s << "\n";
      return 1;
    }
    Show(db, "Russia now, after retracting #c" + std::to_string(now_56),
         annals::TimeView::Now(), "");
    annals::Claim gone = Must(db.Get(now_56));  // Get sees retracted claims
    if (!gone.retracted) return 1;
    annals::TimeView before = annals::TimeView::Now();
    before.as_of = gone.retracted->seconds - 1;
    Show(db, "Russia now, as of just before the retraction", before,
         "56 bcm/yr");
  }
  fs::remove_all(dir);
  std::cout << (wrong ? "some answers were WRONG\n"
                      : "all answers as expected\n");
  return wrong ? 1 : 0;
}
