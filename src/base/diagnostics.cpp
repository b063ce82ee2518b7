#include "cinefolio/base/diagnostics.hpp"

#include <algorithm>

#include "cinefolio/base/text.hpp"

namespace cinefolio::base {

FileId SourceMap::add(std::string path, std::string text) {
    SourceFile file{std::move(path), std::move(text), {0}};
    for (std::size_t i = 0; i < file.text.size(); ++i) {
        if (file.text[i] == '\n') file.line_starts.push_back(i + 1);
    }
    files_.push_back(std::move(file));
    return static_cast<FileId>(files_.size() - 1);
}

LineColumn SourceMap::position(FileId id, std::size_t offset) const {
    const auto& starts = file(id).line_starts;
    auto after = std::upper_bound(starts.begin(), starts.end(), offset);
    auto line = static_cast<int>(after - starts.begin());
    return {line, static_cast<int>(offset - starts[static_cast<std::size_t>(line - 1)]) + 1};
}

std::size_t SourceMap::offset(FileId id, int line, int column) const {
    const auto& source = file(id);
    if (line < 1) return 0;
    auto index = std::min(static_cast<std::size_t>(line - 1), source.line_starts.size() - 1);
    auto result = source.line_starts[index] + static_cast<std::size_t>(std::max(column, 1) - 1);
    return std::min(result, source.text.size());
}

Span SourceMap::span_at(FileId id, int line, int column) const {
    auto begin = offset(id, line, column);
    return {id, begin, std::min(begin + 1, file(id).text.size())};
}

std::string_view SourceMap::line_text(FileId id, int line) const {
    const auto& source = file(id);
    if (line < 1 || static_cast<std::size_t>(line) > source.line_starts.size()) return {};
    auto begin = source.line_starts[static_cast<std::size_t>(line - 1)];
    auto end = source.text.find('\n', begin);
    if (end == std::string::npos) end = source.text.size();
    std::string_view text(source.text.data() + begin, end - begin);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
}

void Diagnostics::error(Span span, std::string message, std::string hint) {
    items_.push_back({Severity::error, span, std::move(message), std::move(hint)});
    ++error_count_;
}

void Diagnostics::warning(Span span, std::string message, std::string hint) {
    items_.push_back({Severity::warning, span, std::move(message), std::move(hint)});
    ++warning_count_;
}

void Diagnostics::note(Span span, std::string message, std::string hint) {
    items_.push_back({Severity::note, span, std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& item : other.items_) items_.push_back(item);
    error_count_ += other.error_count_;
    warning_count_ += other.warning_count_;
}

namespace {

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

// The quoted line with a caret under the column, as compilers print it.
// Tabs are kept in the caret line so the caret stays aligned.
std::string quote_line(const SourceMap& sources, FileId file, LineColumn where) {
    auto text = sources.line_text(file, where.line);
    if (text.empty()) return {};
    // A line with invalid UTF-8 is shown with U+FFFD in place of the bad
    // bytes, so the terminal gets valid text and the caret stays aligned.
    std::string shown;
    for (std::size_t at = 0; at < text.size();) append_utf8(shown, decode_utf8(text, at));
    std::string out = "  " + shown + "\n  ";
    auto column = static_cast<std::size_t>(where.column - 1);
    for (std::size_t i = 0; i < column && i < text.size(); ++i) {
        unsigned char byte = static_cast<unsigned char>(text[i]);
        if (text[i] == '\t') out += '\t';
        else if ((byte & 0xC0) != 0x80) out += ' ';  // one space per code point
    }
    return out + "^\n";
}

}  // namespace

std::string format(const Diagnostic& diagnostic, const SourceMap& sources) {
    std::string out;
    const auto& span = diagnostic.span;
    bool has_file = span.file >= 0 && static_cast<std::size_t>(span.file) < sources.size();
    LineColumn where;
    if (has_file) {
        const auto& file = sources.file(span.file);
        out += file.path;
        if (!file.text.empty()) {
            where = sources.position(span.file, span.begin);
            out += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
        }
        out += ": ";
    } else {
        out += "cinefolio: ";
    }
    out += severity_name(diagnostic.severity);
    out += ": " + diagnostic.message + "\n";
    if (has_file && where.line > 0) out += quote_line(sources, span.file, where);
    if (!diagnostic.hint.empty()) out += "  hint: " + diagnostic.hint + "\n";
    return out;
}

}  // namespace cinefolio::base
