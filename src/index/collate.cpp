// Collation of index headings with ICU, as Chicago (18th ed., 15.66-15.75)
// wants them: word by word, a comma ending the first sort unit, case and
// diacritics deciding only ties, numerals before letters, a work's leading
// article ignored. Letter groups come from ICU's AlphabeticIndex, so every
// language gets its own alphabet.

#include <algorithm>
#include <memory>

#include <unicode/alphaindex.h>
#include <unicode/coll.h>
#include <unicode/locid.h>

#include "cinefolio/base/text.hpp"
#include "cinefolio/index/index.hpp"
#include "collate.hpp"
#include "icu_text.hpp"

namespace cinefolio::index {

namespace {

// Articles dropped from the front of a title when sorting, per language.
const std::vector<std::string>& articles(const std::string& language) {
    static const std::vector<std::string> english = {"The ", "A ", "An "};
    static const std::vector<std::string> french = {"Le ", "La ", "Les ", "L’", "L'", "Un ", "Une "};
    static const std::vector<std::string> german = {"Der ", "Die ", "Das ", "Ein ", "Eine "};
    static const std::vector<std::string> spanish = {"El ", "La ", "Los ", "Las ", "Un ", "Una "};
    static const std::vector<std::string> italian = {"Il ",  "Lo ", "La ", "I ",   "Gli ", "Le ",
                                                     "L’",   "L'",  "Un ", "Uno ", "Una ", "Un’"};
    static const std::vector<std::string> none;
    auto primary = base::lower_ascii(language.substr(0, language.find('-')));
    if (primary == "en") return english;
    if (primary == "fr") return french;
    if (primary == "de") return german;
    if (primary == "es") return spanish;
    if (primary == "it") return italian;
    return none;
}

}  // namespace

std::string sort_form(const std::string& heading, bool is_title, const std::string& language) {
    std::string form = heading;
    if (is_title) {
        for (const auto& article : articles(language)) {
            if (form.size() > article.size() && form.compare(0, article.size(), article) == 0) {
                form = form.substr(article.size());
                break;
            }
        }
    }
    // Word by word, the first comma ends a sort unit: "London, Jack"
    // before "London Bridge". A tab sorts before the space in ICU's root
    // order, so it stands in for ", ".
    auto comma = form.find(", ");
    if (comma != std::string::npos) form = form.substr(0, comma) + "\t" + form.substr(comma + 2);
    return form;
}

Collation::Collation(const std::string& language) : language_(language) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(language.c_str(), status);
    if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        locale = icu::Locale::getRoot();
    }
    collator_.reset(icu::Collator::createInstance(locale, status));
    if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        collator_.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    }
    // Tertiary strength: base letters first, then accents, then case.
    // Spaces and punctuation are not ignored (word by word).
    collator_->setStrength(icu::Collator::TERTIARY);
    collator_->setAttribute(UCOL_ALTERNATE_HANDLING, UCOL_NON_IGNORABLE, status);
    status = U_ZERO_ERROR;
    icu::AlphabeticIndex alphabet(locale, status);
    if (U_SUCCESS(status)) letters_.reset(alphabet.buildImmutableIndex(status));
    if (U_FAILURE(status)) letters_.reset();
}

Collation::~Collation() = default;

bool Collation::less(const std::string& a, const std::string& b) const {
    UErrorCode status = U_ZERO_ERROR;
    auto order = collator_->compareUTF8(a, b, status);
    if (order != UCOL_EQUAL) return order == UCOL_LESS;
    return a < b;  // identical to the collator: byte order keeps it stable
}

std::string Collation::group(const std::string& sort_key) const {
    if (!letters_) return "";
    UErrorCode status = U_ZERO_ERROR;
    auto bucket = letters_->getBucketIndex(to_unicode(sort_key), status);
    const icu::AlphabeticIndex::Bucket* found = letters_->getBucket(bucket);
    if (U_FAILURE(status) || !found) return "";
    // Numerals and symbols fall before the first letter: one group for them.
    if (found->getLabelType() == U_ALPHAINDEX_UNDERFLOW) return "0–9";
    return to_utf8(found->getLabel());
}

std::vector<std::size_t> collation_order(const std::vector<std::string>& headings, const std::vector<bool>& is_title,
                                         const std::string& language) {
    Collation collation(language);
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < headings.size(); ++i)
        keys.push_back(sort_form(headings[i], i < is_title.size() && is_title[i], language));
    std::vector<std::size_t> order(headings.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return collation.less(keys[a], keys[b]); });
    return order;
}

}  // namespace cinefolio::index
