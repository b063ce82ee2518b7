#pragma once
// ICU collation for index headings. Private to the index room.

#include <memory>
#include <string>

#include <unicode/alphaindex.h>
#include <unicode/coll.h>

namespace cinefolio::index {

/// The form of a heading that is compared: a work's leading article
/// dropped, the first ", " turned into a unit separator.
std::string sort_form(const std::string& heading, bool is_title, const std::string& language);

/// A collator and letter groups for one language.
class Collation {
public:
    explicit Collation(const std::string& language);
    ~Collation();
    Collation(const Collation&) = delete;
    Collation& operator=(const Collation&) = delete;
    /// Compares sort forms.
    bool less(const std::string& a, const std::string& b) const;
    /// The letter group of a sort form ("A", "É" in some languages, "0–9").
    std::string group(const std::string& sort_key) const;

private:
    std::string language_;
    std::unique_ptr<icu::Collator> collator_;
    std::unique_ptr<icu::AlphabeticIndex::ImmutableIndex> letters_;
};

}  // namespace cinefolio::index
