// Tests of LocateError: statement-relative places become script places.
#include "tools/shell/error_location.h"

#include "gtest/gtest.h"

namespace annals::shell {
namespace {

TEST(ErrorLocationTest, FirstLineAddsTheStatementsColumn) {
  EXPECT_EQ(LocateError("line 1, column 15: unknown name `Rusia`\n  FIND",
                        "stdin", 7, 3),
            "stdin:7:17: unknown name `Rusia`\n  FIND");
}

TEST(ErrorLocationTest, LaterLinesKeepTheirColumn) {
  EXPECT_EQ(LocateError("line 3, column 2: expected a time", "a.aq", 10, 5),
            "a.aq:12:2: expected a time");
}

TEST(ErrorLocationTest, ShiftTakesOffAnAddedPrefix) {
  EXPECT_EQ(LocateError("line 1, column 23: bad", "stdin", 4, 1, 8),
            "stdin:4:15: bad");
}

TEST(ErrorLocationTest, NoPlaceGetsTheStatementsLine) {
  EXPECT_EQ(LocateError("store is read-only", "x.aq", 5, 9),
            "x.aq:5: store is read-only");
}

}  // namespace
}  // namespace annals::shell
