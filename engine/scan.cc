// Index choice and the filtering index scan; see scan.h.
#include "engine/scan.h"

#include "absl/strings/str_cat.h"
#include "engine/key_codec.h"

namespace annals::engine {

IndexChoice ChooseIndex(const IdPattern& p) {
  if (p.s && p.o) return {Family::kOsp, p.p ? 3 : 2};
  if (p.s) return {Family::kSpo, p.p ? 2 : 1};
  if (p.p) return {Family::kPos, p.o ? 2 : 1};
  if (p.o) return {Family::kOsp, 1};
  return {Family::kSpo, 0};
}

ClaimScan::ClaimScan(Store* store, const IdPattern& pattern,
                     const TimeView& view, Snapshot snapshot)
    : store_(store),
      view_(view),
      choice_(ChooseIndex(pattern)),
      snapshot_(std::move(snapshot)) {
  uint64_t ids[3];
  IdsInOrder(choice_.family,
             {pattern.s.value_or(0), pattern.p.value_or(0),
              pattern.o.value_or(0), 0, 0},
             ids);
  prefix_ = IndexPrefix(choice_.family, ids, choice_.bound_prefix);
  std::string upper = PrefixEnd(prefix_);
  bool window_ends = view_.valid && view_.valid->end != Window::kMax;
  if (window_ends && choice_.bound_prefix == LeadingIds(choice_.family)) {
    // Keys continue with valid_from: a claim that cannot start before the
    // window ends cannot overlap it.
    upper = prefix_;
    PutKeyTime(&upper, view_.valid->end);
  } else if (window_ends && choice_.family == Family::kSpo &&
             choice_.bound_prefix == 1) {
    // Subject only: within each predicate keys go by valid_from, so the
    // scan can skip from the window's end to the next predicate.
    skip_after_ = view_.valid->end;
  }
  it_ = store_->rocks().NewIterator(choice_.family, prefix_, upper,
                                    snapshot_.get());
}

bool ClaimScan::Next(ClaimRow* row) {
  if (finished_) return false;
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
  while (it_->Valid()) {
    ++entries_read_;
    IndexKey k;
    if (!DecodeIndexKey(choice_.family, it_->key(), &k)) break;
    if (k.from >= skip_after_) {  // the rest of this predicate starts later
      // Step over a few (a Next is cheaper than a Seek), then jump.
      if (++past_window_ <= kStepsBeforeSeek) {
        it_->Next();
      } else {
        uint64_t ids[2] = {k.s, k.p};
        it_->Seek(PrefixEnd(IndexPrefix(Family::kSpo, ids, 2)));
        past_window_ = 0;
      }
      continue;
    }
    past_window_ = 0;
    if (!DecodeIndexValue(it_->value(), k.from, row)) break;
    row->id = k.claim;
    row->s = k.s;
    row->p = k.p;
    row->o = k.o;
    row->batch = 0;
    row->row = 0;
    if (Visible(*row, view_)) return true;
    it_->Next();
  }
  finished_ = true;
  if (it_->Valid()) {
    status_ = absl::DataLossError(absl::StrCat("store '", store_->dir(),
                                               "': unreadable entry in index ",
                                               FamilyName(choice_.family)));
  } else {
    status_ = it_->status();
  }
  return false;
}

}  // namespace annals::engine
