// Index choice and the filtering index scan; see scan.h.
#include "engine/scan.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "absl/strings/str_cat.h"
#include "engine/index_entries.h"
#include "engine/indexed_subjects.h"
#include "engine/key_codec.h"
#include "engine/time_classes.h"

namespace annals::engine {

IndexChoice ChooseIndex(const IdPattern& p, const TimeView& view) {
  if (p.s) {
    if (!p.p && !p.o && view.valid) {
      return {Family::kTime, 1, TimePosition::kSubject};
    }
    return {Family::kSpo, p.p ? 2 : 1};
  }
  if (p.o && ObjectIndexed(*p.o)) {
    return {Family::kTime, 1, TimePosition::kObject};
  }
  if (p.p) return {Family::kTime, 1, TimePosition::kPredicate};
  return {Family::kSpo, 0};
}

std::string IndexChoice::ToString() const {
  if (family == Family::kTime) {
    switch (time_position) {
      case TimePosition::kSubject:
        return "time by subject";
      case TimePosition::kPredicate:
        return "time by predicate";
      case TimePosition::kObject:
        break;
    }
    return "time by object";
  }
  return absl::StrCat(FamilyName(family), " prefix ", bound_prefix);
}

namespace {

// `choice` as it can run with the positions of `pattern` that are bound.
IndexChoice Runnable(IndexChoice choice, const IdPattern& pattern,
                     const TimeView& view) {
  if (choice.family == Family::kTime) {
    bool runs = false;
    switch (choice.time_position) {
      case TimePosition::kSubject:  // small subjects are not in it
        runs = pattern.s.has_value() && view.valid;
        break;
      case TimePosition::kPredicate:
        runs = pattern.p.has_value();
        break;
      case TimePosition::kObject:  // numbers, booleans, dates are not in it
        runs = pattern.o.has_value() && ObjectIndexed(*pattern.o);
        break;
    }
    return runs ? choice : ChooseIndex(pattern, view);
  }
  // Which positions are bound, in the family's key order.
  IndexKey present;
  present.s = pattern.s.has_value();
  present.p = pattern.p.has_value();
  present.o = pattern.o.has_value();
  uint64_t in_order[3];
  IdsInOrder(choice.family, present, in_order);
  int bound = 0;
  while (bound < choice.bound_prefix && in_order[bound] != 0) ++bound;
  choice.bound_prefix = bound;
  return choice;
}

}  // namespace

ClaimScan::ClaimScan(Store* store, const IdPattern& pattern,
                     const TimeView& view,
                     std::shared_ptr<const Snapshot> snapshot,
                     std::optional<IndexChoice> choice, Interrupt* interrupt)
    : store_(store),
      pattern_(pattern),
      view_(view),
      choice_(choice ? Runnable(*choice, pattern, view)
                     : ChooseIndex(pattern, view)),
      snapshot_(std::move(snapshot)),
      interrupt_(interrupt) {
  if (choice_.family == Family::kTime) {
    switch (choice_.time_position) {
      case TimePosition::kSubject:
        time_term_ = *pattern.s;
        prefix_ = IndexPrefix(Family::kSpo, &time_term_, 1);
        return;  // ProbeIsWhole decides
      case TimePosition::kPredicate:
        time_term_ = *pattern.p;
        break;
      case TimePosition::kObject:
        time_term_ = *pattern.o;
        break;
    }
    OpenTimeIndex();
    return;
  }
  uint64_t ids[3];
  IdsInOrder(choice_.family,
             {pattern.s.value_or(0), pattern.p.value_or(0),
              pattern.o.value_or(0), 0, 0},
             ids);
  prefix_ = IndexPrefix(choice_.family, ids, choice_.bound_prefix);
  std::string upper = PrefixEnd(prefix_);
  if (view_.valid && view_.valid->end != Window::kMax &&
      choice_.bound_prefix == LeadingIds(choice_.family)) {
    // Keys continue with valid_from: a claim that cannot start before the
    // window ends cannot overlap it.
    upper = prefix_;
    PutKeyTime(&upper, view_.valid->end);
  }
  it_ = store_->rocks().NewIterator(choice_.family, prefix_, upper,
                                    snapshot_.get());
}

void ClaimScan::OpenTimeIndex() {
  prefix_ = TimePrefix(choice_.time_position, time_term_);
  if (view_.valid) {
    ranges_ = ClassRanges(choice_.time_position, time_term_, *view_.valid);
    if (open_first_) RotateOpenClassFirst();
  } else {
    ranges_ = {{prefix_, PrefixEnd(prefix_)}};
  }
  it_ = store_->rocks().NewIterator(Family::kTime, prefix_, PrefixEnd(prefix_),
                                    snapshot_.get());
  started_ = false;
}

void ClaimScan::ReadOpenClaimsFirst() {
  if (open_first_) return;
  open_first_ = true;
  if (!started_ && !ranges_.empty()) RotateOpenClassFirst();
}

void ClaimScan::RotateOpenClassFirst() {
  // ClassRanges ends with the open class; the others follow it in key order.
  if (ranges_.size() < 2) return;
  std::rotate(ranges_.begin(), ranges_.end() - 1, ranges_.end());
  rewind_at_ = 1;
}

bool ClaimScan::Next(ClaimRecord* row) {
  if (finished_) return false;
  if (choice_.family != Family::kTime) return NextInPrefix(row);
  if (!probe_done_) {
    probe_done_ = true;
    small_ = choice_.time_position == TimePosition::kSubject && ProbeIsWhole();
    if (finished_) return false;
  }
  if (!small_) return NextInRanges(row);
  if (small_next_ == small_rows_.size()) return Finish(true);
  *row = small_rows_[small_next_++];
  return true;
}

bool ClaimScan::ProbeIsWhole() {
  auto read = [&](int up_to) {
    for (int n = 0; n < up_to && it_->Valid(); ++n, it_->Next()) {
      ++entries_read_;
      if (Interrupted()) return false;
      ClaimRecord row;
      if (!DecodeEntry(&row)) return Finish(false);
      if (Visible(row, view_) && MatchesPattern(row)) {
        small_rows_.push_back(row);
      }
    }
    return true;
  };
  const std::string spo_prefix = prefix_;
  auto open_spo = [&] {
    it_ = store_->rocks().NewIterator(Family::kSpo, spo_prefix,
                                      PrefixEnd(spo_prefix), snapshot_.get());
    it_->Seek(spo_prefix);
  };
  // A subject known to be in time by subject skips the probe.
  IndexedSubjects& known = store_->indexed_subjects();
  const bool hinted = known.Contains(time_term_);
  if (!hinted) {
    open_spo();
    if (!read(kProbeEntries)) return true;  // finished
    if (!it_->Valid()) {
      if (!it_->status().ok()) Finish(true);  // keeps the error
      return true;
    }
  }
  // More claims than the probe reads: time by subject holds them all when
  // there are more than kSmallSubjectClaims. The seek to the first class
  // range says so when it finds an entry; only when it finds none does a
  // second seek look for entries before that range.
  std::unique_ptr<RocksIterator> spo = std::move(it_);
  OpenTimeIndex();
  if (!ranges_.empty()) it_->Seek(ranges_.front().first);
  positioned_ = !ranges_.empty();
  if (!it_->Valid() && it_->status().ok()) {
    it_->Seek(prefix_);
    positioned_ = false;
  }
  if (it_->Valid()) {
    if (!hinted) known.Add(time_term_);
    small_rows_.clear();
    return false;
  }
  if (!it_->status().ok()) return Finish(true), true;
  // Not in time by subject as of this snapshot: the rest of spo holds at
  // most kSmallSubjectClaims claims.
  if (spo == nullptr) {
    open_spo();
  } else {
    it_ = std::move(spo);
  }
  if (!read(std::numeric_limits<int>::max())) return true;
  if (!it_->status().ok()) Finish(true);  // keeps the error
  return true;
}

bool ClaimScan::DecodeEntry(ClaimRecord* row) {
  int64_t row_distance;
  if (!DecodeSpoEntry(it_->key(), it_->value(), row, &row_distance)) {
    return false;
  }
  row->batch = 0;
  row->row = 0;
  return true;
}

bool ClaimScan::NextInPrefix(ClaimRecord* row) {
  if (!started_) {
    started_ = true;
    if (prefix_.empty()) {
      it_->SeekToFirst();
    } else {
      it_->Seek(prefix_);
    }
  } else {
    it_->Next();
  }
  for (; it_->Valid(); it_->Next()) {
    ++entries_read_;
    if (Interrupted()) return false;
    if (!DecodeEntry(row)) return Finish(false);
    if (Visible(*row, view_) && MatchesPattern(*row)) return true;
  }
  return Finish(true);
}

bool ClaimScan::NextInRanges(ClaimRecord* row) {
  if (started_) it_->Next();
  while (range_ < ranges_.size()) {
    const auto& [begin, end] = ranges_[range_];
    // A seek only when the iterator is before the range (after a seek that
    // found nothing in one range it may already stand in a later one), or
    // at the range to seek back to after the open class read first.
    if (!started_ || range_ == rewind_at_ ||
        (it_->Valid() && it_->key() < begin)) {
      if (started_ || !positioned_) it_->Seek(begin);
      started_ = true;
      if (range_ == rewind_at_) rewind_at_ = SIZE_MAX;
    }
    if (!it_->Valid()) {
      if (rewind_at_ != SIZE_MAX && it_->status().ok()) {
        range_ = rewind_at_;  // past the open class: the others remain
        continue;
      }
      break;
    }
    if (it_->key() >= end) {
      ++range_;
      continue;
    }
    ++entries_read_;
    if (Interrupted()) return false;
    ClassKey k;
    if (!DecodeClassKey(it_->key(), &k) ||
        !DecodeClassEntry(k, it_->value(), row)) {
      return Finish(false);
    }
    if (Visible(*row, view_) && MatchesPattern(*row)) return true;
    it_->Next();
  }
  return Finish(true);
}

bool ClaimScan::MatchesPattern(const ClaimRecord& row) const {
  return (!pattern_.s || *pattern_.s == row.s) &&
         (!pattern_.p || *pattern_.p == row.p) &&
         (!pattern_.o || *pattern_.o == row.o);
}

bool ClaimScan::Interrupted() {
  if (interrupt_ == nullptr) return false;
  absl::Status s = interrupt_->Tick();
  if (s.ok()) return false;
  finished_ = true;
  status_ = std::move(s);
  return true;
}

bool ClaimScan::Finish(bool readable) {
  finished_ = true;
  if (!readable) {
    status_ = absl::DataLossError(absl::StrCat("store '", store_->dir(),
                                               "': unreadable entry in index ",
                                               FamilyName(choice_.family)));
  } else {
    status_ = it_->status();
  }
  return false;
}

}  // namespace annals::engine
