// Claim records (Boost.Serialization) and compact index values; see
// claim_record.h and FORMAT.md.
#include "engine/claim_record.h"

#include <cstring>
#include <exception>

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/iostreams/device/array.hpp>
#include <boost/iostreams/device/back_inserter.hpp>
#include <boost/iostreams/stream_buffer.hpp>
#include <boost/serialization/split_member.hpp>
#include <boost/serialization/version.hpp>

namespace annals::engine {
namespace {

// A variable-length integer inside a Boost archive: records stay small
// (ids and days are mostly one to three bytes) while Boost keeps the framing
// and the class version.
struct Varint {
  uint64_t* v;
  template <class Archive>
  void save(Archive& ar, unsigned) const {
    std::string bytes;
    PutVarint(&bytes, *v);
    ar.save_binary(bytes.data(), bytes.size());
  }
  template <class Archive>
  void load(Archive& ar, unsigned) {
    uint64_t r = 0;
    for (int shift = 0; shift <= 63; shift += 7) {
      unsigned char byte;
      ar.load_binary(&byte, 1);
      r |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) {
        *v = r;
        return;
      }
    }
    throw std::runtime_error("varint too long");
  }
  BOOST_SERIALIZATION_SPLIT_MEMBER()
};

// The serialised shape of a claim record. Version 1: the fields below, in
// this order. A later version adds fields at the end, guarded by `version`.
struct RecordV {
  uint64_t id, s, p, o, from_seconds, to_seconds, recorded, retracted, source,
      by, batch, row;
  uint8_t from_precision, to_precision, recorded_precision;
  float confidence;

  template <class Archive>
  void serialize(Archive& ar, const unsigned /*version*/) {
    auto var = [&ar](uint64_t& field) {
      Varint v{&field};
      ar& v;
    };
    var(id), var(s), var(p), var(o);
    ar& from_precision;
    var(from_seconds);
    ar& to_precision;
    var(to_seconds);
    ar& recorded_precision;
    var(recorded), var(retracted), var(source), var(by);
    ar& confidence;
    var(batch), var(row);
  }
};

constexpr unsigned kArchiveFlags =
    boost::archive::no_header | boost::archive::no_codecvt;

}  // namespace
}  // namespace annals::engine

BOOST_CLASS_VERSION(annals::engine::RecordV, 1)
BOOST_CLASS_TRACKING(annals::engine::RecordV, boost::serialization::track_never)
BOOST_CLASS_IMPLEMENTATION(annals::engine::Varint,
                           boost::serialization::object_serializable)
BOOST_CLASS_TRACKING(annals::engine::Varint, boost::serialization::track_never)

namespace annals::engine {

Interval ClaimRow::valid() const { return {FromEndpoint(from), FromEndpoint(to)}; }

void ClaimRow::set_valid(const Interval& v) {
  from = ToEndpoint(v.from);
  to = ToEndpoint(v.to);
}

Endpoint ToEndpoint(const std::optional<TimePoint>& t) {
  if (!t) return {};
  return {t->seconds, static_cast<uint8_t>(t->precision)};
}

std::optional<TimePoint> FromEndpoint(const Endpoint& e) {
  if (e.open()) return std::nullopt;
  return TimePoint{e.seconds, static_cast<Precision>(e.precision)};
}

std::string EncodeClaimRecord(const ClaimRow& row) {
  RecordV r{row.id,
            row.s,
            row.p,
            row.o,
            ZigZag(row.from.seconds),
            ZigZag(row.to.seconds),
            ZigZag(row.recorded),
            ZigZag(row.retracted),
            row.source,
            row.by,
            row.batch,
            ZigZag(row.row),
            row.from.precision,
            row.to.precision,
            row.recorded_precision,
            row.confidence};
  std::string out;
  {
    boost::iostreams::stream_buffer<
        boost::iostreams::back_insert_device<std::string>>
        buf(out);
    boost::archive::binary_oarchive ar(buf, kArchiveFlags);
    ar << r;
  }
  return out;
}

absl::Status DecodeClaimRecord(std::string_view bytes, ClaimRow* row) {
  RecordV r;
  try {
    boost::iostreams::stream_buffer<boost::iostreams::array_source> buf(
        bytes.data(), bytes.size());
    boost::archive::binary_iarchive ar(buf, kArchiveFlags);
    ar >> r;
  } catch (const std::exception& e) {
    return absl::DataLossError(
        std::string("unreadable claim record: ") + e.what());
  }
  if (r.from_precision > 4 || r.to_precision > 4 || r.recorded_precision < 1 ||
      r.recorded_precision > 4) {
    return absl::DataLossError("unreadable claim record: bad precision");
  }
  row->id = r.id;
  row->s = r.s;
  row->p = r.p;
  row->o = r.o;
  row->from = {UnZigZag(r.from_seconds), r.from_precision};
  row->to = {UnZigZag(r.to_seconds), r.to_precision};
  row->recorded = UnZigZag(r.recorded);
  row->recorded_precision = r.recorded_precision;
  row->retracted = UnZigZag(r.retracted);
  row->source = r.source;
  row->by = r.by;
  row->confidence = r.confidence;
  row->batch = r.batch;
  row->row = UnZigZag(r.row);
  return absl::OkStatus();
}

namespace {

enum IndexValueFlags : uint8_t {
  kHasTo = 1,
  kRetracted = 2,
  kHasSource = 4,
  kHasBy = 8,
  kHasConfidence = 16,
};

// Times of year, month and day precision are whole days: store days.
void PutScaledTime(std::string* out, int64_t seconds, uint8_t precision) {
  bool days = precision <= static_cast<uint8_t>(Precision::kDay);
  PutVarint(out, ZigZag(days ? seconds / 86400 : seconds));
}

bool GetScaledTime(std::string_view* in, uint8_t precision, int64_t* seconds) {
  uint64_t v;
  if (!GetVarint(in, &v)) return false;
  bool days = precision <= static_cast<uint8_t>(Precision::kDay);
  *seconds = UnZigZag(v) * (days ? 86400 : 1);
  return true;
}

}  // namespace

void EncodeIndexValue(const ClaimRow& row, std::string* out) {
  uint8_t flags = (row.to.open() ? 0 : kHasTo) |
                  (row.is_retracted() ? kRetracted : 0) |
                  (row.source ? kHasSource : 0) | (row.by ? kHasBy : 0) |
                  (row.confidence != 1.0f ? kHasConfidence : 0);
  out->push_back(static_cast<char>(flags));
  out->push_back(static_cast<char>(row.from.precision | row.to.precision << 3));
  out->push_back(static_cast<char>(row.recorded_precision));
  if (!row.to.open()) PutScaledTime(out, row.to.seconds, row.to.precision);
  PutScaledTime(out, row.recorded, row.recorded_precision);
  if (row.is_retracted()) PutVarint(out, ZigZag(row.retracted));
  if (row.source) PutVarint(out, row.source);
  if (row.by) PutVarint(out, row.by);
  if (row.confidence != 1.0f) {
    uint32_t bits;
    std::memcpy(&bits, &row.confidence, 4);
    PutVarint(out, bits);
  }
}

bool DecodeIndexValue(std::string_view in, ClaimRow* row) {
  if (in.size() < 3) return false;
  uint8_t flags = in[0];
  uint8_t precisions = in[1];
  row->from.precision = precisions & 7;
  row->to.precision = precisions >> 3;
  row->recorded_precision = in[2];
  in.remove_prefix(3);
  if (row->from.precision > 4 || row->to.precision > 4 ||
      ((flags & kHasTo) != 0) != (row->to.precision != 0)) {
    return false;
  }
  if (flags & kHasTo) {
    if (!GetScaledTime(&in, row->to.precision, &row->to.seconds)) return false;
  } else {
    row->to.seconds = 0;
  }
  if (!GetScaledTime(&in, row->recorded_precision, &row->recorded)) {
    return false;
  }
  uint64_t v = 0;
  row->retracted = kNotRetracted;
  if (flags & kRetracted) {
    if (!GetVarint(&in, &v)) return false;
    row->retracted = UnZigZag(v);
  }
  row->source = row->by = 0;
  if ((flags & kHasSource) && !GetVarint(&in, &row->source)) return false;
  if ((flags & kHasBy) && !GetVarint(&in, &row->by)) return false;
  row->confidence = 1.0f;
  if (flags & kHasConfidence) {
    if (!GetVarint(&in, &v) || v > UINT32_MAX) return false;
    uint32_t bits = static_cast<uint32_t>(v);
    std::memcpy(&row->confidence, &bits, 4);
  }
  return in.empty();
}

bool Visible(const ClaimRow& row, const TimeView& view) {
  if (view.as_of) {
    if (row.recorded > *view.as_of) return false;
    if (!view.include_retracted && row.retracted <= *view.as_of) return false;
  } else if (!view.include_retracted && row.is_retracted()) {
    return false;
  }
  if (!view.valid) return true;
  Interval valid = row.valid();
  return view.certain ? valid.CertainlyOverlaps(*view.valid)
                      : valid.PossiblyOverlaps(*view.valid);
}

}  // namespace annals::engine
