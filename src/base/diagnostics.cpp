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

// Text for the terminal: invalid UTF-8 becomes U+FFFD, and so do control
// characters other than tab and newline, so a hostile essay cannot send escape
// sequences to the user's terminal through a message.
std::string printable(std::string_view text) {
    std::string shown;
    for (std::size_t at = 0; at < text.size();) {
        char32_t code_point = decode_utf8(text, at);
        bool control = (code_point < 0x20 && code_point != U'\t' && code_point != U'\n') || code_point == 0x7F;
        append_utf8(shown, control ? U'\uFFFD' : code_point);
    }
    return shown;
}

// Steps back to the first byte of a UTF-8 sequence.
std::size_t sequence_start(std::string_view text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

// The quoted line with a caret under the column, as compilers print it.
// Tabs are kept in the caret line so the caret stays aligned. A long line
// (a scraped essay may be one 20 MB line) is shown as a window around the
// column, so a thousand warnings never print gigabytes.
std::string quote_line(const SourceMap& sources, FileId file, LineColumn where) {
    constexpr std::size_t widest = 160;
    auto text = sources.line_text(file, where.line);
    if (text.empty()) return {};
    auto column = std::min(static_cast<std::size_t>(where.column - 1), text.size());
    std::size_t begin = 0;
    std::size_t end = text.size();
    if (text.size() > widest) {
        begin = sequence_start(text, column > widest / 2 ? column - widest / 2 : 0);
        end = sequence_start(text, std::min(text.size(), begin + widest));
    }
    std::string out = "  " + std::string(begin > 0 ? "…" : "") + printable(text.substr(begin, end - begin)) +
                      (end < text.size() ? "…" : "") + "\n  " + (begin > 0 ? " " : "");
    for (std::size_t i = begin; i < column; ++i) {
        unsigned char byte = static_cast<unsigned char>(text[i]);
        if (text[i] == '\t') out += '\t';
        else if ((byte & 0xC0) != 0x80) out += ' ';  // one space per code point
    }
    return out + "^\n";
}

// A span over several lines (a dropped block) is quoted whole, up to a
// screenful, each line windowed like a single one; a caret would point at
// one line of them only.
std::string quote_lines(const SourceMap& sources, FileId file, int first, int last) {
    constexpr int most = 8;
    constexpr std::size_t widest = 160;
    std::string out;
    for (int line = first; line <= last && line < first + most; ++line) {
        auto text = sources.line_text(file, line);
        auto end = text.size() > widest ? sequence_start(text, widest) : text.size();
        out += "  " + printable(text.substr(0, end)) + (end < text.size() ? "…" : "") + "\n";
    }
    if (last - first + 1 > most) out += "  … and " + std::to_string(last - first + 1 - most) + " more lines\n";
    return out;
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
    out += ": " + printable(diagnostic.message) + "\n";
    if (has_file && where.line > 0) {
        const int last = span.end > span.begin ? sources.position(span.file, span.end - 1).line : where.line;
        out += last > where.line ? quote_lines(sources, span.file, where.line, last)
                                 : quote_line(sources, span.file, where);
    }
    if (!diagnostic.hint.empty()) out += "  hint: " + printable(diagnostic.hint) + "\n";
    return out;
}

}  // namespace cinefolio::base
