// Parsing RDF with Serd; see rdf_reader.h.
#include "load/rdf_reader.h"

#include <serd/serd.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/utf8.h"
#include "load/iri.h"
#include "load/rdf12_lines.h"

namespace annals::load {

struct RdfReader::Serd {
  SerdReader* reader = nullptr;
  SerdEnv* env = nullptr;
  ~Serd() {
    if (reader != nullptr) serd_reader_free(reader);
    if (env != nullptr) serd_env_free(env);
  }
};

namespace {

const uint8_t* U8(const char* s) { return reinterpret_cast<const uint8_t*>(s); }

std::string_view NodeText(const SerdNode* n) {
  return std::string_view(reinterpret_cast<const char*>(n->buf), n->n_bytes);
}

SerdSyntax ToSerd(RdfSyntax s) {
  switch (s) {
    case RdfSyntax::kNTriples:
      return SERD_NTRIPLES;
    case RdfSyntax::kNQuads:
      return SERD_NQUADS;
    case RdfSyntax::kTurtle:
      return SERD_TURTLE;
    case RdfSyntax::kTriG:
      return SERD_TRIG;
  }
  return SERD_NTRIPLES;
}

// The file: IRI of `path` (made absolute), the default base.
std::string FileIri(const std::string& path) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  std::string p = ec ? path : abs.string();
  SerdNode node = serd_node_new_file_uri(U8(p.c_str()), nullptr, nullptr, true);
  std::string iri(NodeText(&node));
  serd_node_free(&node);
  return iri;
}

}  // namespace

// Serd's sinks, forwarding to the reader.
struct SerdCallbacks {
  static SerdStatus Statement(void* handle, SerdStatementFlags,
                              const SerdNode* graph, const SerdNode* s,
                              const SerdNode* p, const SerdNode* o,
                              const SerdNode* datatype, const SerdNode* lang) {
    return static_cast<SerdStatus>(static_cast<RdfReader*>(handle)->OnStatement(
        graph, s, p, o, datatype, lang));
  }
  static SerdStatus Prefix(void* handle, const SerdNode* name,
                           const SerdNode* uri) {
    static_cast<RdfReader*>(handle)->OnPrefix(name, uri);
    return SERD_SUCCESS;
  }
  static SerdStatus Base(void* handle, const SerdNode* uri) {
    static_cast<RdfReader*>(handle)->OnBase(uri);
    return SERD_SUCCESS;
  }
  static SerdStatus Error(void* handle, const SerdError* e) {
    char buf[512];
    va_list args;
    va_copy(args, *e->args);
    vsnprintf(buf, sizeof(buf), e->fmt, args);
    va_end(args);
    std::string message(buf);
    while (!message.empty() &&
           (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    static_cast<RdfReader*>(handle)->OnError(e->line, e->col,
                                             std::move(message));
    return SERD_SUCCESS;
  }
  static size_t Read(void* buf, size_t size, size_t nmemb, void* stream) {
    return static_cast<RdfReader*>(stream)->ReadBytes(buf, size * nmemb);
  }
  static int StreamError(void*) { return 0; }
};

std::string_view RdfSyntaxName(RdfSyntax syntax) {
  switch (syntax) {
    case RdfSyntax::kNTriples:
      return "nt";
    case RdfSyntax::kNQuads:
      return "nq";
    case RdfSyntax::kTurtle:
      return "ttl";
    case RdfSyntax::kTriG:
      return "trig";
  }
  return "nt";
}

RdfReader::RdfReader(std::string text, std::string name, RdfSyntax syntax,
                     const RdfReaderOptions& options)
    : text_(std::move(text)),
      name_(std::move(name)),
      syntax_(syntax),
      options_(options),
      serd_(std::make_unique<Serd>()) {
  if (options_.base_iri.empty()) options_.base_iri = FileIri(name_);
  base_ = options_.base_iri;
  SerdNode base =
      serd_node_from_string(SERD_URI, U8(options_.base_iri.c_str()));
  serd_->env = serd_env_new(&base);
  serd_->reader = serd_reader_new(ToSerd(syntax), this, nullptr,
                                  &SerdCallbacks::Base, &SerdCallbacks::Prefix,
                                  &SerdCallbacks::Statement, nullptr);
  serd_reader_set_strict(serd_->reader, true);
  serd_reader_set_error_sink(serd_->reader, &SerdCallbacks::Error, this);
  // A UTF-8 byte-order mark is not part of the document.
  if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
}

RdfReader::~RdfReader() = default;

absl::StatusOr<std::unique_ptr<RdfReader>> RdfReader::Open(
    const std::string& path, RdfSyntax syntax,
    const RdfReaderOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot open '", path, "': ", std::strerror(errno)));
  }
  // Read at once into a string of the file's size: a stream buffer would
  // grow by doubling, copying the text and faulting pages in each time
  // (half the time of reading a large N-Triples file went there).
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<size_t>(in.gcount()));
  }
  if (size < 0 || in.bad()) {
    // Not seekable (a pipe): read it as it comes.
    in.clear();
    in.seekg(0, std::ios::beg);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = std::move(buffer).str();
  }
  if (in.bad()) {
    return absl::DataLossError(absl::StrCat("cannot read '", path, "'"));
  }
  return std::unique_ptr<RdfReader>(
      new RdfReader(std::move(text), path, syntax, options));
}

std::unique_ptr<RdfReader> RdfReader::FromString(
    std::string text, std::string name, RdfSyntax syntax,
    const RdfReaderOptions& options) {
  return std::unique_ptr<RdfReader>(
      new RdfReader(std::move(text), std::move(name), syntax, options));
}

void RdfReader::OnError(unsigned line, unsigned column, std::string message) {
  if (!error_.empty()) return;  // the first one says where it went wrong
  error_ = message.empty() ? "syntax error" : std::move(message);
  error_line_ = line;
  error_column_ = column;
}

void RdfReader::OnPrefix(const void* name, const void* uri) {
  const auto* n = static_cast<const SerdNode*>(name);
  const auto* u = static_cast<const SerdNode*>(uri);
  // The namespace resolved against the current base.
  std::string ns = ResolveIri(base_, NodeText(u));
  SerdNode absolute = serd_node_from_string(SERD_URI, U8(ns.c_str()));
  serd_env_set_prefix(serd_->env, n, &absolute);
  std::string pname(NodeText(n));
  for (auto& [k, v] : prefixes_) {
    if (k == pname) {
      v = ns;
      return;
    }
  }
  prefixes_.emplace_back(std::move(pname), std::move(ns));
}

void RdfReader::OnBase(const void* uri) {
  base_ = ResolveIri(base_, NodeText(static_cast<const SerdNode*>(uri)));
  SerdNode absolute = serd_node_from_string(SERD_URI, U8(base_.c_str()));
  serd_env_set_base_uri(serd_->env, &absolute);
}

size_t RdfReader::ReadBytes(void* buf, size_t size) {
  // A raw NUL (allowed in a literal) goes to Serd escaped: to it a NUL
  // would end the text.
  if (!nul_escape_.empty() && size > 0) {
    *static_cast<char*>(buf) = nul_escape_[0];
    nul_escape_.erase(0, 1);
    return 1;
  }
  if (size > 0 && pos_ < text_.size() && text_[pos_] == '\0') {
    ++pos_;
    ++column_;
    nul_escape_ = "u0000";
    *static_cast<char*>(buf) = '\\';
    return 1;
  }
  size_t n = std::min(size, text_.size() - pos_);
  if (size_t nul = text_.find('\0', pos_); nul < pos_ + n) n = nul - pos_;
  for (size_t i = 0; i < n; ++i) {
    char c = text_[pos_ + i];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
  }
  std::memcpy(buf, text_.data() + pos_, n);
  pos_ += n;
  return n;
}

int RdfReader::OnStatement(const void* graph, const void* s, const void* p,
                           const void* o, const void* datatype,
                           const void* lang) {
  RdfStatement st;
  bool ok = true;
  auto term = [&](const SerdNode* node, RdfTerm* out) {
    switch (node->type) {
      case SERD_BLANK:
        out->kind = RdfTerm::Kind::kBlank;
        out->value = std::string(NodeText(node));
        return;
      case SERD_LITERAL:
        out->kind = RdfTerm::Kind::kLiteral;
        out->value = std::string(NodeText(node));
        return;
      case SERD_URI:
        out->kind = RdfTerm::Kind::kIri;
        out->value = ResolveIri(base_, NodeText(node));
        return;
      case SERD_CURIE: {
        out->kind = RdfTerm::Kind::kIri;
        SerdNode expanded = serd_env_expand_node(serd_->env, node);
        if (expanded.buf == nullptr) {
          if (error_.empty()) {
            error_ =
                absl::StrCat(node->type == SERD_CURIE ? "undefined prefix in '"
                                                      : "cannot resolve IRI '",
                             AbslView(NodeText(node)), "'");
            error_line_ = static_cast<unsigned>(line_);
            error_column_ = static_cast<unsigned>(column_);
          }
          ok = false;
          return;
        }
        out->value = std::string(NodeText(&expanded));
        serd_node_free(&expanded);
        return;
      }
      default:
        ok = false;
        return;
    }
  };
  term(static_cast<const SerdNode*>(s), &st.subject);
  term(static_cast<const SerdNode*>(p), &st.predicate);
  term(static_cast<const SerdNode*>(o), &st.object);
  if (graph != nullptr &&
      static_cast<const SerdNode*>(graph)->type != SERD_NOTHING) {
    st.has_graph = true;
    term(static_cast<const SerdNode*>(graph), &st.graph);
  }
  if (st.object.kind == RdfTerm::Kind::kLiteral) {
    if (datatype != nullptr &&
        static_cast<const SerdNode*>(datatype)->type != SERD_NOTHING) {
      RdfTerm dt;
      term(static_cast<const SerdNode*>(datatype), &dt);
      st.object.datatype = std::move(dt.value);
    }
    if (lang != nullptr &&
        static_cast<const SerdNode*>(lang)->type != SERD_NOTHING) {
      st.object.language =
          std::string(NodeText(static_cast<const SerdNode*>(lang)));
    }
  }
  for (const std::string* text :
       {&st.subject.value, &st.predicate.value, &st.object.value,
        &st.object.datatype, &st.object.language, &st.graph.value}) {
    if (ok && !IsValidUtf8(*text)) {
      if (error_.empty()) {
        error_ = "not valid UTF-8 (an escape of a surrogate code point?)";
        error_line_ = static_cast<unsigned>(
            statement_line_ > 0 ? statement_line_ : line_);
        error_column_ = static_cast<unsigned>(column_);
      }
      return SERD_ERR_BAD_SYNTAX;
    }
  }
  if (!ok) return SERD_ERR_BAD_CURIE;
  if (statement_line_ > 0) {
    st.line = statement_line_;
    st.column = 1;
  } else {
    st.line = line_;
    st.column = static_cast<int32_t>(column_);
  }
  pending_.push_back(std::move(st));
  return SERD_SUCCESS;
}

bool RdfReader::NextLineStatements() {
  while (pos_ < text_.size()) {
    size_t end = text_.find('\n', pos_);
    if (end == std::string::npos) end = text_.size();
    std::string_view line(text_.data() + pos_, end - pos_);
    int64_t number = line_;
    pos_ = std::min(end + 1, text_.size());
    ++line_;
    if (static_cast<int64_t>(line.size()) > options_.max_line_bytes) {
      status_ = absl::InvalidArgumentError(
          absl::StrCat(name_, ":", number, ":1: line longer than ",
                       options_.max_line_bytes, " bytes"));
      return false;
    }
    // Serd reads NUL-terminated text: a raw NUL (allowed in a literal) goes
    // to it escaped.
    line_buffer_.clear();
    for (char c : line) {
      if (c == '\0') {
        line_buffer_ += "\\u0000";
      } else {
        line_buffer_ += c;
      }
    }
    line_buffer_ += '\n';
    // RDF 1.2: `_:c7 rdf:reifies <<( s p o )>> .` (rdf12_lines.h).
    RdfTerm reifier;
    const bool reified = syntax_ == RdfSyntax::kNTriples &&
                         line_buffer_.find("<<(") != std::string::npos &&
                         UnwrapReification(&line_buffer_, &reifier);
    statement_line_ = number;
    error_.clear();
    error_line_ = error_column_ = 0;  // none of an earlier line's
    size_t before = pending_.size();
    SerdStatus st =
        serd_reader_read_string(serd_->reader, U8(line_buffer_.c_str()));
    statement_line_ = 0;
    if (st != SERD_SUCCESS && st != SERD_FAILURE) {
      pending_.resize(before);
      status_ = absl::InvalidArgumentError(absl::StrCat(
          name_, ":", number, ":", error_column_ > 0 ? error_column_ : 1, ": ",
          error_.empty()
              ? std::string(reinterpret_cast<const char*>(serd_strerror(st)))
              : error_));
      return false;
    }
    if (reified) {
      for (size_t i = before; i < pending_.size(); ++i) {
        pending_[i].has_graph = true;
        pending_[i].graph = reifier;
      }
    }
    if (pending_.size() > before) return true;
  }
  return true;
}

bool RdfReader::NextChunkStatements() {
  if (!started_) {
    started_ = true;
    serd_reader_start_source_stream(serd_->reader, &SerdCallbacks::Read,
                                    &SerdCallbacks::StreamError, this,
                                    U8(name_.c_str()), 1);
  }
  while (pending_.empty() && !ended_) {
    error_.clear();
    error_line_ = error_column_ = 0;
    SerdStatus st = serd_reader_read_chunk(serd_->reader);
    if (st == SERD_FAILURE) {
      ended_ = true;
      serd_reader_end_stream(serd_->reader);
      break;
    }
    if (st != SERD_SUCCESS) {
      ended_ = true;
      pending_.clear();
      serd_reader_end_stream(serd_->reader);
      status_ = absl::InvalidArgumentError(absl::StrCat(
          name_, ":", error_line_ > 0 ? error_line_ : line_, ":",
          error_column_ > 0 ? error_column_ : column_, ": ",
          error_.empty()
              ? std::string(reinterpret_cast<const char*>(serd_strerror(st)))
              : error_));
      return false;
    }
  }
  return true;
}

bool RdfReader::Next(RdfStatement* out) {
  if (!status_.ok()) {
    if (syntax_ == RdfSyntax::kTurtle || syntax_ == RdfSyntax::kTriG) {
      status_ = absl::FailedPreconditionError(
          absl::StrCat(status_.message(),
                       " (Turtle and TriG cannot go on past a syntax error)"));
      return false;
    }
    status_ = absl::OkStatus();
  }
  if (pending_.empty()) {
    bool line_based =
        syntax_ == RdfSyntax::kNTriples || syntax_ == RdfSyntax::kNQuads;
    bool ok = line_based ? NextLineStatements() : NextChunkStatements();
    if (!ok) return false;
  }
  if (pending_.empty()) return false;
  *out = std::move(pending_.front());
  pending_.pop_front();
  return true;
}

}  // namespace annals::load
