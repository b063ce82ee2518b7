#pragma once
// What a book's copyright page says, the same in print and in the EPUB.

#include <string>
#include <vector>

#include "cinefolio/model/book.hpp"
#include "cinefolio/model/words.hpp"

namespace cinefolio::model {

/// The copyright notice, in groups of lines that a page sets apart.
struct CopyrightNotice {
    std::vector<std::string> rights;   // the rights line
    std::vector<std::string> edition;  // publisher and year, the edition, the printer's key
    /// The ISBNs, each labelled when the book has both a print and an EPUB
    /// one; without an ISBN, an identifier the editor gave. A derived
    /// `urn:uuid:` is the files' business, not the reader's: never printed.
    std::vector<std::string> numbers;
};
CopyrightNotice copyright_notice(const Metadata& metadata, const Words& words);

/// The printer's key of a printing: "10 9 8 7 6 5 4 3 2 1" for the
/// first, "10 9 8 7 6 5 4 3 2" for the second, "20 19 … 11" for the
/// eleventh; empty for 0.
std::string printers_key(int printing);

}  // namespace cinefolio::model
