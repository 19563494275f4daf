// RdfReader: the statements of an RDF file (N-Triples, N-Quads, Turtle,
// TriG) as parsed by Serd, one at a time, as terms with their kind, IRIs
// absolute (prefixed names and relative IRIs resolved), and where each
// statement stands in the file. Syntax errors come as InvalidArgument
// "file:line:column: reason". Not thread-safe; one reader per file.
#ifndef ANNALS_LOAD_RDF_READER_H_
#define ANNALS_LOAD_RDF_READER_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "annals/rdf.h"

namespace annals::load {

enum class RdfSyntax { kNTriples, kNQuads, kTurtle, kTriG };

// "nt", "nq", "ttl", "trig".
std::string_view RdfSyntaxName(RdfSyntax syntax);
// True for the syntaxes whose statements may name a graph.
inline bool HasGraphs(RdfSyntax s) {
  return s == RdfSyntax::kNQuads || s == RdfSyntax::kTriG;
}

using ::annals::RdfTerm;

struct RdfStatement {
  RdfTerm subject, predicate, object;
  bool has_graph = false;  // false: the default graph
  RdfTerm graph;
  int64_t line = 0;  // where the statement starts (nt/nq) or ends (ttl/trig)
  int32_t column = 1;
};

struct RdfReaderOptions {
  // The base IRI relative IRIs resolve against; "" for the file's file: IRI.
  std::string base_iri;
  // Longest line of an N-Triples/N-Quads file; longer ones are bad.
  int64_t max_line_bytes = int64_t{64} << 20;
};

class RdfReader {
 public:
  // Reads the file at `path`: NotFound "cannot open 'path': ..." when it
  // cannot be read.
  static absl::StatusOr<std::unique_ptr<RdfReader>> Open(
      const std::string& path, RdfSyntax syntax,
      const RdfReaderOptions& options);
  // Reads `text`; `name` stands for the file in errors.
  static std::unique_ptr<RdfReader> FromString(std::string text,
                                               std::string name,
                                               RdfSyntax syntax,
                                               const RdfReaderOptions& options);
  ~RdfReader();
  RdfReader(const RdfReader&) = delete;
  RdfReader& operator=(const RdfReader&) = delete;

  // True with *out set, or false at the end (status() OK) or at a syntax
  // error (status() InvalidArgument "name:line:column: reason"). After an
  // error in N-Triples or N-Quads, Next() resumes at the following line; in
  // Turtle and TriG a syntax error ends the file (Next() then fails with
  // FailedPrecondition naming it).
  bool Next(RdfStatement* out);
  const absl::Status& status() const { return status_; }

  // The prefixes the file declared so far, in order (name, namespace IRI).
  const std::vector<std::pair<std::string, std::string>>& prefixes() const {
    return prefixes_;
  }
  RdfSyntax syntax() const { return syntax_; }
  int64_t bytes_read() const { return static_cast<int64_t>(pos_); }
  int64_t bytes_total() const { return static_cast<int64_t>(text_.size()); }

 private:
  struct Serd;  // Serd's reader and environment
  RdfReader(std::string text, std::string name, RdfSyntax syntax,
            const RdfReaderOptions& options);
  bool NextLineStatements();   // nt/nq: parse the next line
  bool NextChunkStatements();  // ttl/trig: parse the next chunk

  // Called from Serd's sinks.
  friend struct SerdCallbacks;
  int OnStatement(const void* graph, const void* s, const void* p,
                  const void* o, const void* datatype, const void* lang);
  void OnError(unsigned line, unsigned column, std::string message);
  void OnPrefix(const void* name, const void* uri);
  void OnBase(const void* uri);
  size_t ReadBytes(void* buf, size_t size);

  std::string text_;
  std::string name_;
  RdfSyntax syntax_;
  RdfReaderOptions options_;
  std::unique_ptr<Serd> serd_;
  size_t pos_ = 0;              // bytes handed to Serd
  int64_t line_ = 1;            // line of text_[pos_]
  int64_t column_ = 1;          // column of text_[pos_]
  int64_t statement_line_ = 0;  // nt/nq: the line being parsed
  std::string line_buffer_;
  std::string base_;        // the current base IRI
  std::string nul_escape_;  // ttl/trig: the rest of a NUL's escape
  std::deque<RdfStatement> pending_;
  std::vector<std::pair<std::string, std::string>> prefixes_;
  absl::Status status_;
  std::string error_;  // the first error Serd reported for the current step
  unsigned error_line_ = 0, error_column_ = 0;
  bool ended_ = false;    // ttl/trig: the stream is done
  bool started_ = false;  // ttl/trig: the stream is started
};

}  // namespace annals::load

#endif  // ANNALS_LOAD_RDF_READER_H_
