#pragma once
// The finishing pass over Cairo's bytes with libqpdf (private to src/pdf):
// what Cairo 1.16 cannot write itself. Grey colour operators, no needless
// transparency groups, page boxes, PDF/X identification and output intent,
// XMP metadata, the catalog's language and viewer preferences.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "painter.hpp"

namespace cinefolio::pdf {

/// A structure element Cairo wrote, with what Cairo 1.16 cannot say
/// about it: a figure's /Alt, an essay's /Lang.
struct StructureElement {
    std::string type;  // "P", "Figure"
    std::string alt;
    std::string language;
};

/// What the finishing pass needs to know about the sheet and the book.
struct Finish {
    bool print = false;        // PDF/X-1a:2003: boxes, output intent, no annotations
    double trim_width = 0;     // points
    double trim_height = 0;
    double bleed = 0;          // the BleedBox beyond the trim on each side
    double slug = 0;           // the MediaBox beyond the bleed (crop marks)
    std::string language;      // BCP 47, the catalog's /Lang
    std::string date;          // the build moment, "2023-11-14T22:13:20Z"
    /// The elements under the Document element, depth first, links left
    /// out: the order the painter opened them, which is Cairo's order.
    std::vector<StructureElement> elements;
    /// Threads deflating the streams (0: one per core); the bytes do not depend on it.
    int threads = 1;
    /// Where Cairo's page order differs from the book's (the front matter
    /// painted after the body): the pass puts the pages, their labels and
    /// the Document's elements in the book's order.
    PageOrder order;
};

/// The PDF/X version a print file claims, in Info and XMP.
inline constexpr const char* pdfx_version = "PDF/X-1a:2003";

/// "2023-11-14T22:13:20Z" for a moment (UTC; no clock read).
std::string iso8601_moment(std::int64_t seconds);

/// Rewrites Cairo's PDF; an empty string with `error` set if qpdf could not
/// read or write it, or warned while doing so. Tries `finish_in_place`
/// first and falls back on `rewrite_with_qpdf`.
std::string finish(const std::string& bytes, const Finish& finish, std::string& error);

/// The pass for a file laid out as Cairo writes it (one cross-reference
/// table, objects 1 to N back to back, no object streams, an Info
/// dictionary): qpdf reads only the objects the pass changes, every other
/// object is copied as it is, and a new cross-reference table is written.
/// Nothing, and no error, for a file laid out otherwise.
std::optional<std::string> finish_in_place(const std::string& bytes, const Finish& finish, std::string& error);

/// The general pass: qpdf reads every object and writes the file anew.
std::string rewrite_with_qpdf(const std::string& bytes, const Finish& finish, std::string& error);

}  // namespace cinefolio::pdf
