// Claim records (Boost.Serialization) and compact index values; see
// claim_record.h and FORMAT.md.
#include "engine/claim_record.h"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/split_member.hpp>
#include <boost/serialization/tracking.hpp>
#include <cmath>
#include <cstring>
#include <exception>
#include <memory>
#include <streambuf>

namespace annals::engine {
namespace {

// Times are stored in days when their precision is a day or coarser (they
// are whole days then), and relative to valid_from when it is set: a
// one-day event ends at 1, a claim recorded the day it starts at 0.
int64_t Unit(uint8_t precision) {
  return precision <= static_cast<uint8_t>(Precision::kDay) ? 86400 : 1;
}
int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
uint64_t ScaledTime(int64_t seconds, uint8_t precision, const Endpoint& from) {
  int64_t unit = Unit(precision);
  int64_t base = from.open() ? 0 : FloorDiv(from.seconds, unit);
  return ZigZag(FloorDiv(seconds, unit) - base);
}
bool UnscaledTime(uint64_t v, uint8_t precision, const Endpoint& from,
                  int64_t* seconds) {
  int64_t unit = Unit(precision);
  int64_t base = from.open() ? 0 : FloorDiv(from.seconds, unit);
  int64_t scaled;
  return !__builtin_add_overflow(base, UnZigZag(v), &scaled) &&
         !__builtin_mul_overflow(scaled, unit, seconds);
}

// A variable-length integer inside a Boost archive: records stay small
// (ids and days are mostly one to three bytes).
struct Varint {
  uint64_t* v;
  template <class Archive>
  void save(Archive& ar, unsigned) const {
    char bytes[10];
    int n = 0;
    uint64_t x = *v;
    for (; x >= 0x80; x >>= 7) bytes[n++] = static_cast<char>(x | 0x80);
    bytes[n++] = static_cast<char>(x);
    ar.save_binary(bytes, n);
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

enum RecordFlags : uint8_t {
  kRecRetracted = 1,
  kRecSource = 2,
  kRecBy = 4,
  kRecConfidence = 8,
  kRecBatch = 16,
};

// The serialised claim record. Records carry their own version byte (Boost's
// per-archive class header is off so that one archive serves many records);
// a later version adds fields at the end, guarded by `version`.
constexpr uint8_t kRecordVersion = 1;

struct RecordV {
  uint8_t version = kRecordVersion;
  uint8_t flags = 0, precisions = 0, recorded_precision = 0;
  uint64_t id = 0, s = 0, p = 0, o = 0, from = 0, to = 0, recorded = 0,
           retracted = 0, source = 0, by = 0, batch = 0, row = 0;
  uint64_t confidence = 1000000;  // millionths

  template <class Archive>
  void serialize(Archive& ar, const unsigned /*boost version: unused*/) {
    auto var = [&ar](uint64_t& field) {
      Varint v{&field};
      ar& v;
    };
    ar& version;
    if (version != kRecordVersion) {
      throw std::runtime_error("claim record version " +
                               std::to_string(version) +
                               " is not one this build reads");
    }
    ar& flags& precisions& recorded_precision;
    var(id), var(s), var(p), var(o);
    if (precisions & 7) var(from);
    if (precisions >> 3) var(to);
    var(recorded);
    if (flags & kRecRetracted) var(retracted);
    if (flags & kRecSource) var(source);
    if (flags & kRecBy) var(by);
    if (flags & kRecConfidence) var(confidence);
    if (flags & kRecBatch) var(batch), var(row);
  }
};

constexpr unsigned kArchiveFlags =
    boost::archive::no_header | boost::archive::no_codecvt;

// Stream buffers over a caller's string: one archive per thread serves every
// record (constructing a Boost archive costs more than encoding a record).
class StringSink : public std::streambuf {
 public:
  std::string* out = nullptr;

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    out->append(s, static_cast<size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) out->push_back(static_cast<char>(c));
    return c;
  }
};

class ViewSource : public std::streambuf {
 public:
  void Reset(std::string_view bytes) {
    char* p = const_cast<char*>(bytes.data());
    setg(p, p, p + bytes.size());
  }
};

struct RecordWriter {
  StringSink sink;
  boost::archive::binary_oarchive ar{sink, kArchiveFlags};
};

struct RecordReader {
  ViewSource source;
  boost::archive::binary_iarchive ar{source, kArchiveFlags};
};

}  // namespace
}  // namespace annals::engine

BOOST_CLASS_IMPLEMENTATION(annals::engine::RecordV,
                           boost::serialization::object_serializable)
BOOST_CLASS_TRACKING(annals::engine::RecordV, boost::serialization::track_never)
BOOST_CLASS_IMPLEMENTATION(annals::engine::Varint,
                           boost::serialization::object_serializable)
BOOST_CLASS_TRACKING(annals::engine::Varint, boost::serialization::track_never)

namespace annals::engine {

Interval ClaimRecord::valid() const {
  return {FromEndpoint(from), FromEndpoint(to)};
}

void ClaimRecord::set_valid(const Interval& v) {
  from = ToEndpoint(v.from);
  to = ToEndpoint(v.to);
}

uint64_t ConfidencePpm(double confidence) {
  if (!(confidence > 0)) return 0;
  if (confidence >= 1) return 1000000;
  return static_cast<uint64_t>(std::llround(confidence * 1e6));
}

Endpoint ToEndpoint(const std::optional<TimePoint>& t) {
  if (!t) return {};
  return {t->seconds, static_cast<uint8_t>(t->precision)};
}

std::optional<TimePoint> FromEndpoint(const Endpoint& e) {
  if (e.open()) return std::nullopt;
  return TimePoint{e.seconds, static_cast<Precision>(e.precision)};
}

std::string EncodeClaimRecord(const ClaimRecord& row) {
  std::string out;
  EncodeClaimRecord(row, &out);
  return out;
}

void EncodeClaimRecord(const ClaimRecord& row, std::string* out) {
  RecordV r;
  r.flags = (row.is_retracted() ? kRecRetracted : 0) |
            (row.source ? kRecSource : 0) | (row.by ? kRecBy : 0) |
            (ConfidencePpm(row.confidence) != 1000000 ? kRecConfidence : 0) |
            (row.batch ? kRecBatch : 0);
  r.precisions = row.from.precision | row.to.precision << 3;
  r.recorded_precision = row.recorded_precision;
  r.id = row.id, r.s = row.s, r.p = row.p, r.o = row.o;
  r.from = ScaledTime(row.from.seconds, row.from.precision, Endpoint());
  r.to = ScaledTime(row.to.seconds, row.to.precision, row.from);
  r.recorded = ScaledTime(row.recorded, row.recorded_precision, row.from);
  r.retracted = ZigZag(row.retracted);
  r.source = row.source, r.by = row.by;
  r.confidence = ConfidencePpm(row.confidence);
  r.batch = row.batch, r.row = ZigZag(row.row);
  thread_local RecordWriter writer;
  writer.sink.out = out;
  writer.ar << r;
}

absl::Status DecodeClaimRecord(std::string_view bytes, ClaimRecord* row) {
  thread_local std::unique_ptr<RecordReader> reader;
  RecordV r;
  try {
    if (!reader) reader = std::make_unique<RecordReader>();
    reader->source.Reset(bytes);
    reader->ar >> r;
  } catch (const std::exception& e) {
    reader.reset();  // its state is unknown after a failed read
    return absl::DataLossError(std::string("unreadable claim record: ") +
                               e.what());
  }
  if (reader->source.in_avail() != 0) {
    return absl::DataLossError("unreadable claim record: trailing bytes");
  }
  uint8_t from_precision = r.precisions & 7, to_precision = r.precisions >> 3;
  if (from_precision > 4 || to_precision > 4 || r.recorded_precision < 1 ||
      r.recorded_precision > 4) {
    return absl::DataLossError("unreadable claim record: bad precision");
  }
  row->id = r.id;
  row->s = r.s;
  row->p = r.p;
  row->o = r.o;
  row->from = {0, from_precision};
  row->to = {0, to_precision};
  if ((from_precision &&
       !UnscaledTime(r.from, from_precision, Endpoint(), &row->from.seconds)) ||
      (to_precision &&
       !UnscaledTime(r.to, to_precision, row->from, &row->to.seconds)) ||
      !UnscaledTime(r.recorded, r.recorded_precision, row->from,
                    &row->recorded)) {
    return absl::DataLossError("unreadable claim record: time out of range");
  }
  row->recorded_precision = r.recorded_precision;
  row->retracted =
      (r.flags & kRecRetracted) ? UnZigZag(r.retracted) : kNotRetracted;
  row->source = r.source;
  row->by = r.by;
  if (r.confidence > 1000000) {
    return absl::DataLossError("unreadable claim record: bad confidence");
  }
  row->confidence = r.confidence / 1e6;
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

bool GetScaledTime(std::string_view* in, uint8_t precision,
                   const Endpoint& from, int64_t* seconds) {
  uint64_t v;
  return GetVarint(in, &v) && UnscaledTime(v, precision, from, seconds);
}

}  // namespace

void EncodeIndexValue(const ClaimRecord& row, std::string* out) {
  uint8_t flags =
      (row.to.open() ? 0 : kHasTo) | (row.is_retracted() ? kRetracted : 0) |
      (row.source ? kHasSource : 0) | (row.by ? kHasBy : 0) |
      (ConfidencePpm(row.confidence) != 1000000 ? kHasConfidence : 0);
  out->push_back(static_cast<char>(flags));
  out->push_back(static_cast<char>(row.from.precision | row.to.precision << 3));
  out->push_back(static_cast<char>(row.recorded_precision));
  if (!row.to.open()) {
    PutVarint(out, ScaledTime(row.to.seconds, row.to.precision, row.from));
  }
  PutVarint(out, ScaledTime(row.recorded, row.recorded_precision, row.from));
  if (row.is_retracted()) PutVarint(out, ZigZag(row.retracted));
  if (row.source) PutVarint(out, row.source);
  if (row.by) PutVarint(out, row.by);
  if (flags & kHasConfidence) PutVarint(out, ConfidencePpm(row.confidence));
}

bool DecodeIndexValue(std::string_view in, int64_t from_key, ClaimRecord* row) {
  return ConsumeIndexValue(&in, from_key, row) && in.empty();
}

bool ConsumeIndexValue(std::string_view* bytes, int64_t from_key,
                       ClaimRecord* row) {
  std::string_view& in = *bytes;
  if (in.size() < 3) return false;
  uint8_t flags = in[0];
  uint8_t precisions = in[1];
  row->from.precision = precisions & 7;
  row->from.seconds = row->from.precision ? from_key : 0;
  row->to.precision = precisions >> 3;
  row->recorded_precision = in[2];
  in.remove_prefix(3);
  if (row->from.precision > 4 || row->to.precision > 4 ||
      ((flags & kHasTo) != 0) != (row->to.precision != 0)) {
    return false;
  }
  if (flags & kHasTo) {
    if (!GetScaledTime(&in, row->to.precision, row->from, &row->to.seconds)) {
      return false;
    }
  } else {
    row->to.seconds = 0;
  }
  if (row->recorded_precision < 1 || row->recorded_precision > 4 ||
      !GetScaledTime(&in, row->recorded_precision, row->from, &row->recorded)) {
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
  row->confidence = 1.0;
  if (flags & kHasConfidence) {
    if (!GetVarint(&in, &v) || v > 1000000) return false;
    row->confidence = v / 1e6;
  }
  return true;
}

bool Visible(const ClaimRecord& row, const TimeView& view) {
  if (view.as_of) {
    if (row.recorded > *view.as_of) return false;
    if (!view.include_retracted && row.is_retracted() &&
        row.retracted <= *view.as_of) {
      return false;
    }
  } else if (!view.include_retracted && row.is_retracted()) {
    return false;
  }
  if (!view.valid) return true;
  Interval valid = row.valid();
  return view.certain ? valid.CertainlyOverlaps(*view.valid)
                      : valid.PossiblyOverlaps(*view.valid);
}

}  // namespace annals::engine
