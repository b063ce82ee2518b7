// The copyright page's lines.

#include "cinefolio/model/copyright.hpp"

namespace cinefolio::model {

std::string printers_key(int printing) {
    if (printing <= 0) return {};
    const int top = ((printing - 1) / 10 + 1) * 10;
    std::string key;
    for (int number = top; number >= printing; --number) key += (key.empty() ? "" : " ") + std::to_string(number);
    return key;
}

CopyrightNotice copyright_notice(const Metadata& metadata, const Words& words) {
    CopyrightNotice notice;
    if (!metadata.rights.empty()) notice.rights.push_back(metadata.rights);
    if (!metadata.publisher.empty()) {
        std::string line = fill(words.published_by, metadata.publisher);
        if (metadata.date.size() >= 4) line += ", " + metadata.date.substr(0, 4);
        notice.edition.push_back(std::move(line));
    }
    if (!metadata.edition.empty()) notice.edition.push_back(metadata.edition);
    if (metadata.printing > 0) notice.edition.push_back(printers_key(metadata.printing));
    if (!metadata.isbn.empty() && !metadata.print_isbn.empty()) {
        notice.numbers.push_back(fill(words.isbn_print, metadata.print_isbn));
        notice.numbers.push_back(fill(words.isbn_ebook, metadata.isbn));
    } else if (!metadata.isbn.empty() || !metadata.print_isbn.empty()) {
        notice.numbers.push_back(fill(words.isbn, metadata.isbn.empty() ? metadata.print_isbn : metadata.isbn));
    } else if (!metadata.identifier.empty() && metadata.identifier.rfind("urn:uuid:", 0) != 0) {
        notice.numbers.push_back(metadata.identifier);
    }
    return notice;
}

}  // namespace cinefolio::model
