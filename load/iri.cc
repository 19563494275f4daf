// RFC 3986 reference resolution; see iri.h.
#include "load/iri.h"

namespace annals::load {
namespace {

// The five components of a reference (RFC 3986 section 3); `has_*` tell an
// empty component from an absent one.
struct Parts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false,
       has_fragment = false;
};

Parts Split(std::string_view s) {
  Parts p;
  if (HasScheme(s)) {
    size_t colon = s.find(':');
    p.scheme = s.substr(0, colon);
    p.has_scheme = true;
    s.remove_prefix(colon + 1);
  }
  if (size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    p.has_fragment = true;
    s = s.substr(0, hash);
  }
  if (size_t q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    p.has_query = true;
    s = s.substr(0, q);
  }
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    size_t slash = s.find('/');
    p.authority = s.substr(0, slash);
    p.has_authority = true;
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = s;
  return p;
}

// RFC 3986 5.2.4.
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../" || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      size_t last = out.find_last_of('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      std::string_view segment = in.substr(0, next);
      out += segment;
      in.remove_prefix(segment.size());
    }
  }
  return out;
}

// RFC 3986 5.2.3.
std::string Merge(const Parts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) {
    return "/" + std::string(ref_path);
  }
  size_t slash = base.path.find_last_of('/');
  std::string merged(slash == std::string_view::npos
                         ? std::string_view()
                         : base.path.substr(0, slash + 1));
  merged += ref_path;
  return merged;
}

}  // namespace

bool HasScheme(std::string_view ref) {
  if (ref.empty() ||
      !((ref[0] >= 'a' && ref[0] <= 'z') || (ref[0] >= 'A' && ref[0] <= 'Z'))) {
    return false;
  }
  for (size_t i = 1; i < ref.size(); ++i) {
    char c = ref[i];
    if (c == ':') return true;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return false;
}

std::string ResolveIri(std::string_view base, std::string_view ref) {
  if (HasScheme(ref)) return std::string(ref);
  const Parts b = Split(base);
  const Parts r = Split(ref);
  Parts t;
  std::string path;
  if (r.has_authority) {
    t.authority = r.authority;
    t.has_authority = true;
    path = RemoveDotSegments(r.path);
    t.query = r.query;
    t.has_query = r.has_query;
  } else {
    t.authority = b.authority;
    t.has_authority = b.has_authority;
    if (r.path.empty()) {
      path = std::string(b.path);
      t.query = r.has_query ? r.query : b.query;
      t.has_query = r.has_query || b.has_query;
    } else {
      path = RemoveDotSegments(r.path[0] == '/' ? std::string(r.path)
                                                : Merge(b, r.path));
      t.query = r.query;
      t.has_query = r.has_query;
    }
  }
  std::string out(b.scheme);
  out += ':';
  if (t.has_authority) {
    out += "//";
    out += t.authority;
  }
  out += path;
  if (t.has_query) {
    out += '?';
    out += t.query;
  }
  if (r.has_fragment) {
    out += '#';
    out += r.fragment;
  }
  return out;
}

}  // namespace annals::load
