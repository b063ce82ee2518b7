#pragma once
// Diagnostics carry a span into a known source file; only the CLI turns them
// into "file:line:col: error: ..." text. Stages never print.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cinefolio::base {

/// Index of a file registered in a SourceMap; -1 means "no file".
using FileId = int;

/// A byte range in a registered source file. An empty span with a file
/// points at a position; a span without a file is for whole-book messages.
struct Span {
    FileId file = -1;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// 1-based line and column (columns count bytes, as compilers do).
struct LineColumn {
    int line = 0;
    int column = 0;
};

/// A file's path (as the user should see it) and its full text.
struct SourceFile {
    std::string path;
    std::string text;
    std::vector<std::size_t> line_starts;  // byte offset of each line
};

/// Owns the text of every file read for a build so spans stay resolvable.
class SourceMap {
public:
    /// Registers a file; its text is kept for quoting lines in messages.
    FileId add(std::string path, std::string text);
    /// Registers a path whose text is unknown (e.g. a missing file).
    FileId add_path(std::string path) { return add(std::move(path), {}); }
    const SourceFile& file(FileId id) const { return files_.at(static_cast<std::size_t>(id)); }
    std::size_t size() const { return files_.size(); }
    /// Line and column of a byte offset in a file.
    LineColumn position(FileId id, std::size_t offset) const;
    /// Byte offset of a 1-based line and column (clamped to the file).
    std::size_t offset(FileId id, int line, int column) const;
    /// Span at a 1-based line and column, one byte long.
    Span span_at(FileId id, int line, int column) const;
    /// Text of a 1-based line without its line ending.
    std::string_view line_text(FileId id, int line) const;

private:
    std::vector<SourceFile> files_;
};

enum class Severity { note, warning, error };

/// One message: what was expected and what was found, and a hint if one helps.
struct Diagnostic {
    Severity severity = Severity::error;
    Span span;
    std::string message;
    std::string hint;
};

/// Collects diagnostics in the order they were raised.
class Diagnostics {
public:
    void error(Span span, std::string message, std::string hint = {});
    void warning(Span span, std::string message, std::string hint = {});
    void note(Span span, std::string message, std::string hint = {});
    bool has_errors() const { return error_count_ > 0; }
    std::size_t error_count() const { return error_count_; }
    std::size_t warning_count() const { return warning_count_; }
    const std::vector<Diagnostic>& all() const { return items_; }
    /// Moves another collector's messages after ours (parallel builds).
    void append(const Diagnostics& other);

private:
    std::vector<Diagnostic> items_;
    std::size_t error_count_ = 0;
    std::size_t warning_count_ = 0;
};

/// Renders a diagnostic as compilers do: "path:line:col: error: message",
/// the quoted line with a caret under the column, then "hint: ...".
std::string format(const Diagnostic& diagnostic, const SourceMap& sources);

}  // namespace cinefolio::base
