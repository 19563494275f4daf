// Index choice and the filtering index scan; see scan.h.
#include "engine/scan.h"

#include "absl/strings/str_cat.h"
#include "engine/key_codec.h"

namespace annals::engine {

IndexChoice ChooseIndex(const IdPattern& p) {
  if (p.s && p.o && !p.p) return {Family::kOsp, 2};
  if (p.s) return {Family::kSpo, p.p ? (p.o ? 3 : 2) : 1};
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
  IndexKey k{pattern.s.value_or(0), pattern.p.value_or(0),
             pattern.o.value_or(0), 0, 0};
  switch (choice_.family) {
    case Family::kPos:
      ids[0] = k.p, ids[1] = k.o, ids[2] = k.s;
      break;
    case Family::kOsp:
      ids[0] = k.o, ids[1] = k.s, ids[2] = k.p;
      break;
    default:
      ids[0] = k.s, ids[1] = k.p, ids[2] = k.o;
      break;
  }
  prefix_ = IndexPrefix(choice_.family, ids, choice_.bound_prefix);
  std::string upper = PrefixEnd(prefix_);
  // With all three ids bound, keys continue with valid_from: a claim that
  // cannot start before the window ends cannot overlap it.
  if (choice_.bound_prefix == 3 && view_.valid &&
      view_.valid->end != Window::kMax) {
    upper = prefix_;
    PutKeyTime(&upper, view_.valid->end);
  }
  it_ = store_->rocks().NewIterator(choice_.family, prefix_, upper,
                                    snapshot_.get());
}

bool ClaimScan::Next(ClaimRow* row) {
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
    IndexKey k;
    if (!DecodeIndexKey(choice_.family, it_->key(), &k) ||
        !DecodeIndexValue(it_->value(), k.from, row)) {
      status_ = absl::DataLossError(absl::StrCat(
          "store '", store_->dir(), "': unreadable entry in index ",
          FamilyName(choice_.family)));
      return false;
    }
    row->id = k.claim;
    row->s = k.s;
    row->p = k.p;
    row->o = k.o;
    row->batch = 0;
    row->row = 0;
    if (Visible(*row, view_)) return true;
  }
  status_ = it_->status();
  return false;
}

}  // namespace annals::engine
