// Extraction rules: index terms read off the structure of the essays, not
// guessed from raw text. Each rule reads the parsed Markdown (model
// inlines), so a bold lead-in or an italic title is known for what it is.

#include <algorithm>
#include <map>

#include <unicode/uchar.h>

#include "cinefolio/base/text.hpp"
#include "cinefolio/index/index.hpp"
#include "icu_text.hpp"
#include "terms.hpp"

namespace cinefolio::index {

namespace {

using model::BlockKind;
using model::Inline;
using model::InlineKind;

// A personal name: two to four capitalised words, particles allowed inside.
constexpr const char* kName =
    "\\p{Lu}[\\p{L}\\p{M}’'\\-]+(?:\\s+(?:(?:de|da|di|del|van|von|der|la|le)\\s+)?\\p{Lu}[\\p{L}\\p{M}’'.\\-]*){1,3}";

// Titles of works are capitalised and short; a longer italic run is
// emphasis, not a title.
constexpr std::size_t kTitleMaxWords = 10;

class Extractor {
public:
    Extractor(const manifest::ExtractionRules& rules, bool names)
        : rules_(rules),
          names_(names),
          lead_(compile((std::string("^(") + kName + ")\\s*\\((.+)\\)\\s*[:.]?$").c_str())),
          critic_(compile((std::string("(") + kName + ")\\s*\\($").c_str())),
          capitalised_(compile("(?<![\\p{L}\\p{M}])(?:\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){1,3})")) {}

    void visit(const std::vector<model::Block>& blocks) {
        for (const auto& block : blocks) {
            if (block.kind == BlockKind::paragraph || block.kind == BlockKind::table_cell) {
                if (rules_.leads && block.run_in_lead) lead(block);
                scan(block.inlines);
                if (names_) names(model::plain_text(block.inlines));
            }
            visit(block.children);
        }
    }

    std::vector<Term> take() {
        std::vector<Term> out;
        for (auto& key : order_) out.push_back(std::move(terms_[key]));
        return out;
    }

private:
    void add(Term term) {
        auto key = base::lower_ascii(term.heading);
        if (terms_.count(key)) {
            auto& known = terms_[key];
            if (known.gloss.empty()) {
                known.gloss = term.gloss;
                known.gloss_italics = term.gloss_italics;
            }
            // A title once named as an outlet is a periodical everywhere.
            if (term.kind == "periodical") known.kind = "periodical";
            return;
        }
        order_.push_back(key);
        terms_.emplace(key, std::move(term));
    }

    void person(const std::string& name, const std::string& gloss, const std::string& rule,
                std::vector<std::pair<std::size_t, std::size_t>> italics = {}) {
        Term term;
        term.heading = invert_name(name);
        term.kind = "person";
        term.gloss = gloss;
        term.gloss_italics = std::move(italics);
        term.forms = {name};
        auto comma = term.heading.find(", ");
        if (comma != std::string::npos) term.deferred = {term.heading.substr(0, comma)};
        term.rule = rule;
        add(std::move(term));
    }

    void titled(const std::string& title, const std::string& kind, const std::string& rule) {
        Term term;
        term.heading = title;
        term.kind = kind;
        term.forms = {title};
        term.rule = rule;
        add(std::move(term));
    }

    // **Louise Bourgeois (Artist/Sculptor, French-American, 1911-2010)**
    void lead(const model::Block& block) {
        if (block.inlines.empty() || block.inlines.front().kind != InlineKind::strong) return;
        auto text = to_unicode(base::collapse_whitespace(model::plain_text(block.inlines.front().children)));
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> matcher(lead_->matcher(text, status));
        if (U_FAILURE(status) || !matcher->find()) return;
        const std::string gloss = to_utf8(matcher->group(2, status));
        person(to_utf8(matcher->group(1, status)), gloss, "leads", italics_in(gloss, block.inlines.front().children));
    }

    // Where the lead's italic words (a work, a periodical) stand in its
    // gloss, so the index sets them in italic too.
    static std::vector<std::pair<std::size_t, std::size_t>> italics_in(const std::string& gloss,
                                                                       const std::vector<Inline>& inlines) {
        std::vector<std::string> italic;
        collect_emphasis(inlines, italic);
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        std::size_t from = 0;
        for (const auto& words : italic) {
            const auto at = words.empty() ? std::string::npos : gloss.find(words, from);
            if (at == std::string::npos) continue;
            ranges.emplace_back(at, at + words.size());
            from = at + words.size();
        }
        return ranges;
    }

    static void collect_emphasis(const std::vector<Inline>& inlines, std::vector<std::string>& found) {
        for (const auto& node : inlines) {
            if (node.kind == InlineKind::emphasis)
                found.push_back(base::collapse_whitespace(model::plain_text(node.children)));
            else if (node.kind != InlineKind::text && node.kind != InlineKind::code)
                collect_emphasis(node.children, found);
        }
    }

    void scan(const std::vector<Inline>& inlines) {
        for (std::size_t i = 0; i < inlines.size(); ++i) {
            const auto& node = inlines[i];
            if (node.kind == InlineKind::emphasis) {
                bool outlet = rules_.critics && critic(inlines, i);
                if (!outlet && rules_.works) work(node);
            }
            if (node.kind != InlineKind::text && node.kind != InlineKind::code) scan(node.children);
        }
    }

    // Jay Weissberg (*Variety*): a critic and the outlet they wrote for.
    bool critic(const std::vector<Inline>& inlines, std::size_t i) {
        if (i == 0 || i + 1 >= inlines.size()) return false;
        const auto& before = inlines[i - 1];
        const auto& after = inlines[i + 1];
        if (before.kind != InlineKind::text || after.kind != InlineKind::text || after.text.rfind(")", 0) != 0) return false;
        auto text = to_unicode(before.text);
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> matcher(critic_->matcher(text, status));
        if (U_FAILURE(status) || !matcher->find()) return false;
        auto outlet = base::collapse_whitespace(model::plain_text(inlines[i].children));
        if (!looks_like_title(outlet)) return false;
        titled(outlet, "periodical", "critics");
        // The outlet keeps its italics in the gloss.
        const std::string role = "critic, ";
        person(to_utf8(matcher->group(1, status)), role + outlet, "critics", {{role.size(), role.size() + outlet.size()}});
        return true;
    }

    void work(const Inline& node) {
        auto title = base::collapse_whitespace(model::plain_text(node.children));
        if (looks_like_title(title)) titled(title, "work", "works");
    }

    static bool looks_like_title(const std::string& text) {
        if (text.empty()) return false;
        std::size_t at = 0;
        char32_t first = base::decode_utf8(text, at);
        bool capital = (first >= U'A' && first <= U'Z') || (first >= U'0' && first <= U'9') || first > 0x7F;
        if (first > 0x7F) capital = u_isupper(static_cast<UChar32>(first));
        auto words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
        char last = text.back();
        return capital && words <= kTitleMaxWords && last != '.' && last != ':' && last != ',';
    }

    // Capitalised multi-word runs: only ever suggestions for the editor.
    void names(const std::string& plain) {
        auto text = to_unicode(plain);
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> matcher(capitalised_->matcher(text, status));
        if (U_FAILURE(status)) return;
        static const std::vector<std::string> openers = {"The", "A", "An", "In", "By", "This", "That", "When", "While"};
        while (matcher->find()) {
            auto name = to_utf8(matcher->group(status));
            auto first = name.substr(0, name.find(' '));
            if (std::find(openers.begin(), openers.end(), first) != openers.end()) name = name.substr(first.size() + 1);
            if (name.find(' ') == std::string::npos) continue;
            Term term;
            term.heading = name;
            term.kind = "concept";
            term.forms = {name};
            term.rule = "names";
            add(std::move(term));
        }
    }

    manifest::ExtractionRules rules_;
    bool names_;
    std::unique_ptr<icu::RegexPattern> lead_, critic_, capitalised_;
    std::map<std::string, Term> terms_;
    std::vector<std::string> order_;
};

}  // namespace

std::string invert_name(const std::string& name) {
    auto words = base::collapse_whitespace(name);
    auto last_space = words.rfind(' ');
    if (last_space == std::string::npos) return words;
    std::string surname = words.substr(last_space + 1);
    std::string given = words.substr(0, last_space);
    // Lower-case particles stay with the given name (Chicago 15.71):
    // "Simone de Beauvoir" -> "Beauvoir, Simone de".
    return surname + ", " + given;
}

std::vector<Term> extract_terms(const model::Book& book, const manifest::ExtractionRules& rules, bool names) {
    Extractor extractor(rules, names);
    for (const auto& part : book.parts) {
        for (const auto& chapter : part.chapters) {
            extractor.visit(chapter.blocks);
            for (const auto& note : chapter.footnotes) extractor.visit(note.blocks);
        }
    }
    return extractor.take();
}

}  // namespace cinefolio::index
