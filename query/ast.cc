// Names of the AST's enums (see ast.h).
#include "query/ast.h"

#include "absl/strings/match.h"
#include "common/absl_view.h"

namespace annals::query {
namespace {

struct FunctionInfo {
  Function function;
  std::string_view name;
};
constexpr FunctionInfo kFunctions[] = {
    {Function::kCount, "count"},
    {Function::kSum, "sum"},
    {Function::kMin, "min"},
    {Function::kMax, "max"},
    {Function::kAvg, "avg"},
    {Function::kFrom, "from"},
    {Function::kTo, "to"},
    {Function::kRecorded, "recorded"},
    {Function::kSource, "source"},
    {Function::kBy, "by"},
    {Function::kConfidence, "confidence"},
    {Function::kCertainty, "certainty"},
};

struct PeriodInfo {
  PeriodOp op;
  Keyword keyword;
};
constexpr PeriodInfo kPeriods[] = {
    {PeriodOp::kOverlaps, Keyword::kOverlaps},
    {PeriodOp::kContains, Keyword::kContains},
    {PeriodOp::kDuring, Keyword::kDuring},
    {PeriodOp::kPrecedes, Keyword::kPrecedes},
    {PeriodOp::kSucceeds, Keyword::kSucceeds},
    {PeriodOp::kMeets, Keyword::kMeets},
    {PeriodOp::kStarts, Keyword::kStarts},
    {PeriodOp::kFinishes, Keyword::kFinishes},
    {PeriodOp::kEquals, Keyword::kEquals},
};

}  // namespace

std::string_view FunctionName(Function function) {
  for (const FunctionInfo& f : kFunctions) {
    if (f.function == function) return f.name;
  }
  return "?";
}

std::optional<Function> FindFunction(std::string_view name) {
  for (const FunctionInfo& f : kFunctions) {
    if (absl::EqualsIgnoreCase(AbslView(name), AbslView(f.name)))
      return f.function;
  }
  return std::nullopt;
}

bool IsAggregate(Function function) {
  switch (function) {
    case Function::kCount:
    case Function::kSum:
    case Function::kMin:
    case Function::kMax:
    case Function::kAvg:
      return true;
    default:
      return false;
  }
}

std::vector<std::string_view> FunctionNames() {
  std::vector<std::string_view> names;
  for (const FunctionInfo& f : kFunctions) names.push_back(f.name);
  return names;
}

std::string_view CompareOpText(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "!=";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
  }
  return "?";
}

Keyword PeriodOpKeyword(PeriodOp op) {
  for (const PeriodInfo& p : kPeriods) {
    if (p.op == op) return p.keyword;
  }
  return Keyword::kNone;
}

std::optional<PeriodOp> PeriodOpOf(Keyword keyword) {
  for (const PeriodInfo& p : kPeriods) {
    if (p.keyword == keyword) return p.op;
  }
  return std::nullopt;
}

}  // namespace annals::query
