#pragma once
// The book's logical structure as the PDF's tags want it: each glyph run
// and image learns the path of elements it belongs to
// ("Part#1/Sect#3/P#17"), and the painter opens and closes Cairo's
// structure tags along those paths.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "vertical.hpp"

namespace cinefolio::typeset {

/// The structure elements open while a book is set, outermost first; each
/// carries a serial number, so two paragraphs in a row stay two elements.
class Structure {
public:
    /// Opens an element of a standard type ("P", "H2", "LI").
    void open(const std::string& type) { path_.push_back(type + "#" + std::to_string(++serial_)); }
    void close() { path_.pop_back(); }
    /// The open elements joined with '/'.
    std::string path() const;
    /// What the innermost open element says beyond its type (a figure's
    /// alternative text, an essay's language).
    ElementAttributes& attributes() { return attributes_[path_.back()]; }
    /// Every element's attributes, by element ("Figure#20").
    std::map<std::string, ElementAttributes> take_attributes() { return std::move(attributes_); }
    /// Adds elements' attributes another Structure collected.
    void add_attributes(std::map<std::string, ElementAttributes> attributes) { attributes_.merge(attributes); }
    /// The serial number of the last element opened.
    std::int64_t serial() const { return serial_; }
    /// Numbers the next elements after `serial` (each must stay unique).
    void start_at(std::int64_t serial) { serial_ = serial; }

private:
    std::vector<std::string> path_;
    std::map<std::string, ElementAttributes> attributes_;
    std::int64_t serial_ = 0;
};

/// Gives every run and image of `content` that no inner element claimed the path.
void tag_runs(Content& content, const std::string& path);

/// Opens an element for its lifetime and, when it closes, gives it the
/// untagged runs set into the list since it opened (inner elements close
/// first, so they keep theirs).
class Tagged {
public:
    Tagged(Structure& structure, VerticalList& list, const std::string& type)
        : structure_(structure), list_(list), start_(list.items().size()) {
        structure_.open(type);
    }
    ~Tagged();
    Tagged(const Tagged&) = delete;
    Tagged& operator=(const Tagged&) = delete;

private:
    Structure& structure_;
    VerticalList& list_;
    std::size_t start_;
};

}  // namespace cinefolio::typeset
