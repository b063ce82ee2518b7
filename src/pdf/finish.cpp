// The finishing pass: libqpdf rewrites what Cairo 1.16 wrote. Cairo paints
// black as RGB (`0 0 0 rg`), puts an RGB transparency group on every page
// and knows nothing of page boxes, output intents or XMP; a printer's
// preflight wants all of them.

#include "finish.hpp"

#include "cinefolio/base/digest.hpp"
#include "cinefolio/base/parallel.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace cinefolio::pdf {

namespace {

/// The grey operator that replaces `r g b rg` (or `RG`): `level g` (`G`)
/// where the three are equal (all the text, rules and folios Cairo paints),
/// or in print the colour's Rec. 601 luma (PDF/X-1a has no RGB); nothing
/// for a colour a screen PDF keeps.
std::optional<std::string> grey_operator(const double (&rgb)[3], bool stroke, bool all_colour) {
    const bool equal = rgb[0] == rgb[1] && rgb[1] == rgb[2];
    if (!equal && !all_colour) return std::nullopt;
    const double level = equal ? rgb[0] : 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, level, std::chars_format::fixed, 4).ptr;
    std::string number(text, end);
    // "0.0000" reads better as "0": trailing zeros carry nothing.
    while (number.find('.') != std::string::npos && (number.back() == '0' || number.back() == '.')) {
        const bool dot = number.back() == '.';
        number.pop_back();
        if (dot) break;
    }
    return number + (stroke ? " G" : " g");
}

/// One `r g b rg` to replace: the bytes from its first operand to the end
/// of the operator.
struct Replacement {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string text;
};

/// Where a content stream sets a colour grey operators can say: three
/// numbers (spaces between them, nothing else) and `rg` or `RG`.
/// qpdf's tokenizer reads the stream, so a "0 0 0 rg" inside a string is
/// text, not an operator; the bytes around the replacements stay as they
/// are. (qpdf's Pl_QPDFTokenizer would do the same through a TokenFilter,
/// at the cost of a context string and a pipeline write for every token.)
/// It reads no further than the last "rg" or "RG" in the bytes: Cairo sets
/// a page's colours before its text, so that is most often a few hundred
/// bytes into a page of many thousand.
std::vector<Replacement> grey_replacements(Buffer& content, bool all_colour) {
    const std::string_view bytes(reinterpret_cast<const char*>(content.getBuffer()), content.getSize());
    const std::size_t fill = bytes.rfind("rg");
    const std::size_t stroke = bytes.rfind("RG");
    if (fill == std::string_view::npos && stroke == std::string_view::npos) return {};
    // An operator starting after the last of these bytes cannot be rg or RG.
    const std::size_t last = fill == std::string_view::npos     ? stroke
                             : stroke == std::string_view::npos ? fill
                                                                : std::max(fill, stroke);
    auto input = std::make_shared<BufferInputSource>("content stream", &content);  // read in place
    static const std::string context = "content stream";
    QPDFTokenizer tokenizer;
    tokenizer.allowEOF();
    tokenizer.includeIgnorable();
    std::vector<Replacement> replacements;
    std::size_t run_start = 0;  // where the numbers before the current token began
    int numbers = 0;            // how many: exactly three make a colour
    double rgb[3] = {0, 0, 0};
    std::size_t position = 0;  // the end of the token before
    while (true) {
        if (position > last) return replacements;
        const auto token = tokenizer.readToken(input, context, true);
        const std::size_t token_start = position;
        position = static_cast<std::size_t>(input->tell());
        switch (token.getType()) {
        case QPDFTokenizer::tt_eof:
            return replacements;
        case QPDFTokenizer::tt_integer:
        case QPDFTokenizer::tt_real:
            if (numbers == 0) run_start = token_start;
            if (numbers < 3) rgb[numbers] = std::strtod(token.getValue().c_str(), nullptr);
            ++numbers;
            continue;
        case QPDFTokenizer::tt_space:
            continue;  // inside a run of operands or between other tokens alike
        case QPDFTokenizer::tt_word:
            if (numbers == 3 && (token.getValue() == "rg" || token.getValue() == "RG")) {
                if (auto grey = grey_operator(rgb, token.getValue() == "RG", all_colour))
                    replacements.push_back({run_start, position, std::move(*grey)});
            } else if (token.getValue() == "ID") {
                // An inline image's data follows the one white-space byte
                // after ID; the tokenizer has to be told (qpdf's own usage).
                char after = ' ';
                input->read(&after, 1);
                position = static_cast<std::size_t>(input->tell());
                tokenizer.expectInlineImage(input);
            }
            break;
        default:
            break;
        }
        numbers = 0;
    }
}

/// Whether a resource dictionary (and the forms it draws) really uses
/// transparency: a soft mask, an alpha below 1, a blend mode.
bool draws_transparency(QPDFObjectHandle resources, std::set<QPDFObjGen>& seen) {
    if (!resources.isDictionary()) return false;
    if (auto states = resources.getKey("/ExtGState"); states.isDictionary()) {
        for (auto& [name, state] : states.getDictAsMap()) {
            if (!state.isDictionary()) continue;
            for (const char* alpha : {"/CA", "/ca"}) {
                auto value = state.getKey(alpha);
                if (value.isNumber() && value.getNumericValue() < 1) return true;
            }
            if (auto mask = state.getKey("/SMask"); !mask.isNull() && !mask.isNameAndEquals("/None")) return true;
            if (auto blend = state.getKey("/BM"); !blend.isNull() && !blend.isNameAndEquals("/Normal")) return true;
        }
    }
    if (auto objects = resources.getKey("/XObject"); objects.isDictionary()) {
        for (auto& [name, object] : objects.getDictAsMap()) {
            if (!object.isStream()) continue;
            if (object.isIndirect() && !seen.insert(object.getObjGen()).second) continue;
            auto dict = object.getDict();
            if (dict.hasKey("/SMask")) return true;
            if (dict.getKey("/Subtype").isNameAndEquals("/Form") &&
                draws_transparency(dict.getKey("/Resources"), seen))
                return true;
        }
    }
    return false;
}

/// Every form XObject a page draws, so their colours go grey too.
void collect_forms(QPDFObjectHandle resources, std::set<QPDFObjGen>& seen, std::vector<QPDFObjectHandle>& forms) {
    if (!resources.isDictionary()) return;
    auto objects = resources.getKey("/XObject");
    if (!objects.isDictionary()) return;
    for (auto& [name, object] : objects.getDictAsMap()) {
        if (!object.isStream() || !object.getDict().getKey("/Subtype").isNameAndEquals("/Form")) continue;
        if (object.isIndirect() && !seen.insert(object.getObjGen()).second) continue;
        forms.push_back(object);
        collect_forms(object.getDict().getKey("/Resources"), seen, forms);
    }
}

QPDFObjectHandle rectangle(double inset, double width, double height) {
    return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(inset, inset, width - inset, height - inset));
}

/// A stream the finishing pass deflates: a page's content or a form (its
/// colours made grey first), or any other stream Cairo left unfiltered
/// (fonts, their Unicode maps, images). Cairo is asked to write no stream
/// compressed (see `prepare_cairo`), so nothing is inflated here and
/// everything is deflated once, on all threads; QPDFWriter copies the
/// result as it is (it does not recompress a Flate stream). Left to it, a
/// token filter's output reached zlib a token at a time.
struct Deflation {
    QPDFObjectHandle stream;
    std::shared_ptr<Buffer> data;  // decoded
    bool grey = false;             // replace its colour operators
    bool filtered = false;         // it came compressed: rewrite it only if its colours changed
    std::optional<std::string> deflated;
};

void deflate_stream(Deflation& work, bool all_colour) {
    const auto* bytes = reinterpret_cast<const char*>(work.data->getBuffer());
    const std::size_t size = work.data->getSize();
    std::string filtered;
    std::string_view input(bytes, size);
    if (work.grey) {
        const auto replacements = grey_replacements(*work.data, all_colour);
        if (replacements.empty() && work.filtered) return;
        if (!replacements.empty()) {
            filtered.reserve(size);
            std::size_t copied = 0;
            for (const auto& replacement : replacements) {
                filtered.append(bytes + copied, replacement.start - copied);
                filtered += replacement.text;
                copied = replacement.end;
            }
            filtered.append(bytes + copied, size - copied);
            input = filtered;
        }
    }
    std::string deflated;
    Pl_String sink("stream, deflated", nullptr, deflated);
    Pl_Flate deflate("deflate stream", &sink, Pl_Flate::a_deflate);
    deflate.write(reinterpret_cast<const unsigned char*>(input.data()), input.size());
    deflate.finish();
    work.deflated = std::move(deflated);
}

/// A stream to deflate (grey or not); nothing for one already filtered
/// that needs no colour change.
void add_deflation(std::vector<Deflation>& works, QPDFObjectHandle stream, bool grey) {
    const bool filtered = !stream.getDict().getKey("/Filter").isNull();
    if (filtered && !grey) return;
    works.push_back({stream, filtered ? stream.getStreamData(qpdf_dl_generalized) : stream.getRawStreamData(), grey,
                     filtered, std::nullopt});
}

/// Where a page's colours go grey and its boxes are set; `done` holds the
/// streams already grey (a content stream or a form several pages draw).
void finish_page(QPDFPageObjectHelper& page, const Finish& finish, std::set<QPDFObjGen>& done, std::string& error,
                 int number, std::vector<Deflation>& works) {
    QPDFObjectHandle object = page.getObjectHandle();
    // Contents split over several streams may split a token: join them first.
    if (object.getKey("/Contents").isArray()) object.coalesceContentStreams();
    if (auto contents = object.getKey("/Contents");
        contents.isStream() && (!contents.isIndirect() || done.insert(contents.getObjGen()).second))
        add_deflation(works, contents, true);
    std::vector<QPDFObjectHandle> forms;
    collect_forms(page.getAttribute("/Resources", false), done, forms);
    for (auto& form : forms) add_deflation(works, form, true);
    // Cairo groups every page for transparency whether it draws any or
    // not; a group that blends nothing only makes a preflight flag the page.
    std::set<QPDFObjGen> seen;
    const bool transparent = draws_transparency(page.getAttribute("/Resources", false), seen);
    if (!transparent) object.removeKey("/Group");
    if (!finish.print) return;
    if (transparent) error = "page " + std::to_string(number) + " draws transparency, which PDF/X-1a forbids";
    // A print file carries no annotations (PDF/X forbids them inside the
    // bleed; print-on-demand printers reject them).
    object.removeKey("/Annots");
    const double media_width = finish.trim_width + 2 * (finish.bleed + finish.slug);
    const double media_height = finish.trim_height + 2 * (finish.bleed + finish.slug);
    object.replaceKey("/MediaBox", rectangle(0, media_width, media_height));
    object.replaceKey("/BleedBox", rectangle(finish.slug, media_width, media_height));
    object.replaceKey("/TrimBox", rectangle(finish.slug + finish.bleed, media_width, media_height));
}

std::string xml_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

std::string info_text(QPDFObjectHandle info, const char* key) {
    auto value = info.getKey(key);
    return value.isString() ? value.getUTF8Value() : std::string();
}

/// "2023-11-14T22:13:20Z" as a PDF date, "D:20231114221320+00'00'".
std::string pdf_date(const std::string& iso) {
    std::string digits;
    for (char c : iso)
        if (c >= '0' && c <= '9') digits += c;
    return "D:" + digits + "+00'00'";
}

/// The XMP packet: the Info dictionary's words said again, as PDF/X and
/// every archive reader want them, and in the same words (read from Info).
std::string xmp(QPDFObjectHandle info, const Finish& finish) {
    const std::string title = xml_escaped(info_text(info, "/Title"));
    const std::string author = xml_escaped(info_text(info, "/Author"));
    const std::string subject = xml_escaped(info_text(info, "/Subject"));
    const std::string creator = xml_escaped(info_text(info, "/Creator"));
    const std::string producer = xml_escaped(info_text(info, "/Producer"));
    std::string out =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\"\n"
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
        "   <dc:format>application/pdf</dc:format>\n"
        "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + title + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!author.empty()) out += "   <dc:creator><rdf:Seq><rdf:li>" + author + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!subject.empty())
        out += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + subject +
               "</rdf:li></rdf:Alt></dc:description>\n";
    if (!finish.language.empty())
        out += "   <dc:language><rdf:Bag><rdf:li>" + xml_escaped(finish.language) + "</rdf:li></rdf:Bag></dc:language>\n";
    out += "   <xmp:CreatorTool>" + creator + "</xmp:CreatorTool>\n"
           "   <xmp:CreateDate>" + finish.date + "</xmp:CreateDate>\n"
           "   <xmp:ModifyDate>" + finish.date + "</xmp:ModifyDate>\n"
           "   <xmp:MetadataDate>" + finish.date + "</xmp:MetadataDate>\n"
           "   <pdf:Producer>" + producer + "</pdf:Producer>\n";
    if (finish.print)
        out += "   <pdf:Trapped>False</pdf:Trapped>\n"
               "   <pdfxid:GTS_PDFXVersion>" + std::string(pdfx_version) + "</pdfxid:GTS_PDFXVersion>\n";
    out += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
    // Room to edit the packet in place, as XMP asks of writers.
    for (int i = 0; i < 8; ++i) out += std::string(99, ' ') + "\n";
    return out + "<?xpacket end=\"w\"?>";
}

/// The printing condition a grey book is made for. PDF/X-1a accepts a
/// condition registered with the ICC without embedding its profile, and
/// Debian ships no CMYK profile the project could embed. CGATS TR 001
/// (SWOP) is the North American offset reference print-on-demand
/// printers name.
QPDFObjectHandle output_intent() {
    auto intent = QPDFObjectHandle::newDictionary();
    intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
    intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
    intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString("CGATS TR 001"));
    intent.replaceKey("/OutputCondition", QPDFObjectHandle::newString("SWOP (Publication) Grade 1 Paper"));
    intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
    intent.replaceKey("/Info", QPDFObjectHandle::newString("CGATS TR 001-1995 (SWOP)"));
    return intent;
}

/// Gives Cairo's structure elements what Cairo 1.16 cannot write: /Alt
/// on figures, /Lang on an essay in another language than the book's.
/// Cairo appends each element to its parent as it opens, so a depth-first
/// walk meets them in the painter's order; a tree out of step with it is
/// an error rather than alt text on the wrong figure.
class StructureAttributes {
public:
    explicit StructureAttributes(const Finish& finish) : finish_(finish) {}

    void apply(QPDFObjectHandle root, std::string& error) {
        auto tree = root.getKey("/StructTreeRoot");
        if (!tree.isDictionary()) return;
        auto top = tree.getKey("/K");
        // The painter's one Document element holds everything else.
        if (top.isArray() && top.getArrayNItems() == 1) top = top.getArrayItem(0);
        if (!top.isDictionary()) return;
        visit_children(top, error, 0);
        if (error.empty() && next_ != finish_.elements.size())
            error = "the structure tree holds " + std::to_string(next_) + " elements, the painter opened " +
                    std::to_string(finish_.elements.size());
    }

private:
    // Deeper than any book's nesting; a cycle would be Cairo's bug, not a hang here.
    static constexpr int deepest = 64;

    void visit_children(QPDFObjectHandle element, std::string& error, int depth) {
        auto kids = element.getKey("/K");
        if (kids.isDictionary()) {
            visit(kids, error, depth + 1);
        } else if (kids.isArray()) {
            for (auto& kid : kids.getArrayAsVector()) {
                if (!error.empty()) return;
                visit(kid, error, depth + 1);
            }
        }
    }

    void visit(QPDFObjectHandle element, std::string& error, int depth) {
        // Marked-content references and annotation references are no elements.
        if (!element.isDictionary() || !element.getKey("/S").isName()) return;
        if (depth > deepest) {
            error = "the structure tree nests too deep";
            return;
        }
        const std::string type = element.getKey("/S").getName().substr(1);
        if (type != "Link") {
            if (next_ >= finish_.elements.size() || finish_.elements[next_].type != type) {
                error = "the structure tree is out of step with the painter at element " + std::to_string(next_) +
                        " (" + type + ")";
                return;
            }
            const StructureElement& described = finish_.elements[next_++];
            const bool alt = !described.alt.empty();
            const bool language = !described.language.empty() && described.language != finish_.language;
            if (alt) element.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(described.alt));
            if (language) element.replaceKey("/Lang", QPDFObjectHandle::newString(described.language));
            if (alt || language) {
                if (element.isIndirect())
                    changed_.push_back(element.getObjGen().getObj());
                else
                    changed_direct_ = true;
            }
        }
        visit_children(element, error, depth);
    }

public:
    /// Whether any element gets an attribute: if none does, the tree can
    /// stay unread.
    static bool needed(const Finish& finish) {
        return std::any_of(finish.elements.begin(), finish.elements.end(), [&](const StructureElement& element) {
            return !element.alt.empty() || (!element.language.empty() && element.language != finish.language);
        });
    }
    /// The objects `apply` changed, and whether it changed a direct element.
    const std::vector<int>& changed() const { return changed_; }
    bool changed_direct() const { return changed_direct_; }

private:
    const Finish& finish_;
    std::size_t next_ = 0;
    std::vector<int> changed_;
    bool changed_direct_ = false;
};

/// Puts the front matter's pages back in front of the body's: in the page
/// tree (Cairo writes one /Pages node whose /Kids are every page), in the
/// page labels (a /Nums entry for each page Cairo labelled, by its place
/// in Cairo's order) and in the Document element's children (the body's
/// elements first, as it was painted first). `changed` gets the indirect
/// objects rewritten; false when the file is not as Cairo writes it.
bool restore_page_order(QPDFObjectHandle root, const PageOrder& order, std::set<int>& changed, std::string& error) {
    if (order.front_pages == 0 || order.body_pages == 0) return true;
    const std::size_t moved = order.front_pages + order.body_pages;
    auto pages = root.getKey("/Pages");
    auto kids = pages.getKey("/Kids");
    if (!pages.isIndirect() || !kids.isArray() || static_cast<std::size_t>(kids.getArrayNItems()) < moved) return false;
    std::vector<QPDFObjectHandle> painted = kids.getArrayAsVector();
    for (auto& kid : painted)
        if (!kid.isDictionary() || !kid.getKey("/Type").isNameAndEquals("/Page")) return false;
    std::vector<QPDFObjectHandle> book(painted.size());
    for (std::size_t i = 0; i < painted.size(); ++i) book[order.book_index(i)] = painted[i];
    pages.replaceKey("/Kids", QPDFObjectHandle::newArray(book));
    changed.insert(pages.getObjGen().getObj());

    if (auto labels = root.getKey("/PageLabels"); labels.isDictionary()) {
        auto nums = labels.getKey("/Nums");
        if (!nums.isArray() || nums.getArrayNItems() % 2 != 0) return false;
        // The range each page is in (a range runs to the next entry) and
        // its place in it, moved to the page's place in the book; then an
        // entry wherever a page does not go on from the page before it.
        struct InForce {
            std::size_t entry = 0;  // 1 + the entry's index; 0: none
            long long offset = 0;   // pages after the range's first
        };
        std::vector<InForce> in_force(painted.size());
        auto entries = nums.getArrayAsVector();
        // Pages before the first entry are numbered as a reader numbers
        // pages without labels: 1, 2, 3 (Cairo leaves that range out).
        if (entries.empty() || !entries[0].isInteger() || entries[0].getIntValue() > 0) {
            auto decimal = QPDFObjectHandle::newDictionary();
            decimal.replaceKey("/S", QPDFObjectHandle::newName("/D"));
            entries.insert(entries.begin(), {QPDFObjectHandle::newInteger(0), decimal});
        }
        for (std::size_t e = 0; e < entries.size(); e += 2) {
            if (!entries[e].isInteger() || !entries[e + 1].isDictionary()) return false;
            const long long first = entries[e].getIntValue();
            const long long next = e + 2 < entries.size() && entries[e + 2].isInteger()
                                       ? entries[e + 2].getIntValue()
                                       : static_cast<long long>(painted.size());
            for (long long p = std::max(first, 0LL); p < next && p < static_cast<long long>(painted.size()); ++p)
                in_force[order.book_index(static_cast<std::size_t>(p))] = {e / 2 + 1, p - first};
        }
        std::vector<QPDFObjectHandle> renumbered;
        for (std::size_t p = 0; p < in_force.size(); ++p) {
            const InForce& here = in_force[p];
            if (p > 0 && here.entry != 0 && in_force[p - 1].entry == here.entry &&
                in_force[p - 1].offset + 1 == here.offset)
                continue;  // the range goes on
            QPDFObjectHandle label = QPDFObjectHandle::newDictionary();  // an empty label
            if (here.entry != 0) {
                label = entries[2 * here.entry - 1].shallowCopy();
                // A numbered range entered part way starts at that page's number.
                if (label.hasKey("/S") && here.offset > 0) {
                    auto start = label.getKey("/St");
                    const long long first = start.isInteger() ? start.getIntValue() : 1;
                    label.replaceKey("/St", QPDFObjectHandle::newInteger(first + here.offset));
                }
            }
            renumbered.push_back(QPDFObjectHandle::newInteger(static_cast<long long>(p)));
            renumbered.push_back(label);
        }
        labels.replaceKey("/Nums", QPDFObjectHandle::newArray(renumbered));
        if (labels.isIndirect()) changed.insert(labels.getObjGen().getObj());
    }

    auto tree = root.getKey("/StructTreeRoot");
    if (!tree.isDictionary()) return true;
    auto top = tree.getKey("/K");
    if (top.isArray() && top.getArrayNItems() == 1) top = top.getArrayItem(0);
    if (!top.isDictionary() || !top.isIndirect()) return false;
    auto children = top.getKey("/K");
    if (!children.isArray() || static_cast<std::size_t>(children.getArrayNItems()) < order.body_elements) {
        error = "the structure tree does not hold the elements the painter opened";
        return true;
    }
    std::vector<QPDFObjectHandle> items = children.getArrayAsVector();
    std::rotate(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(order.body_elements), items.end());
    top.replaceKey("/K", QPDFObjectHandle::newArray(items));
    changed.insert(top.getObjGen().getObj());
    return true;
}

/// The Info dictionary's and the catalog's entries (the catalog's
/// /Metadata aside): nothing here makes a new indirect object.
void describe_document(QPDFObjectHandle info, QPDFObjectHandle root, const Finish& finish) {
    // Cairo 1.16 writes dates without the "D:" PDF asks for.
    const std::string date = pdf_date(finish.date);
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
    if (finish.print) {
        info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString(pdfx_version));
        // Nobody trapped the file; PDF/X wants that said, not left unknown.
        info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
        root.replaceKey("/OutputIntents", QPDFObjectHandle::newArray({output_intent()}));
    }
    if (!finish.language.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newString(finish.language));
    if (root.hasKey("/StructTreeRoot")) {
        auto mark_info = QPDFObjectHandle::newDictionary();
        mark_info.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
        root.replaceKey("/MarkInfo", mark_info);
    }
    auto preferences = root.getKey("/ViewerPreferences");
    if (!preferences.isDictionary()) preferences = QPDFObjectHandle::newDictionary();
    // A reader's title bar shows the book's title, not the file's name.
    preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", preferences);
}

void finish_document(QPDF& pdf, const Finish& finish) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    QPDFObjectHandle root = pdf.getRoot();
    describe_document(info, root, finish);
    auto metadata = pdf.newStream(xmp(info, finish));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);
}

/// One object of Cairo's file: its number and the bytes from "N 0 obj"
/// to the start of the next object (or of the cross-reference table).
struct ObjectSpan {
    int id = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool stream = false;  // its bytes end in "endstream endobj"
};

/// Where each object of a file lies, in file order; nothing if the file is
/// not laid out as Cairo writes it: one cross-reference table, objects of
/// generation 0 numbered 1 to N without gaps, back to back, each "N 0 obj
/// ... endobj", no object streams, no encryption.
struct ObjectLayout {
    std::vector<ObjectSpan> objects;
    std::size_t header_end = 0;  // the header: "%PDF-1.5" and the binary comment
    int last_id = 0;
};

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    return text;
}

bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

std::optional<ObjectLayout> object_layout(QPDF& pdf, const std::string& bytes) {
    if (pdf.anyWarnings()) return std::nullopt;
    QPDFObjectHandle trailer = pdf.getTrailer();
    for (const char* key : {"/Encrypt", "/Prev", "/XRefStm"})
        if (trailer.hasKey(key)) return std::nullopt;
    if (!trailer.getKey("/Info").isIndirect() || !trailer.getKey("/Root").isIndirect()) return std::nullopt;
    const std::size_t startxref = bytes.rfind("startxref");
    if (startxref == std::string::npos) return std::nullopt;
    std::size_t xref = 0;
    std::size_t digits = startxref + 9;
    while (digits < bytes.size() && (bytes[digits] == '\n' || bytes[digits] == '\r' || bytes[digits] == ' ')) ++digits;
    const auto parsed = std::from_chars(bytes.data() + digits, bytes.data() + bytes.size(), xref);
    if (parsed.ec != std::errc() || xref >= bytes.size() || bytes.compare(xref, 4, "xref") != 0) return std::nullopt;
    ObjectLayout layout;
    for (const auto& [object, entry] : pdf.getXRefTable()) {
        if (object.getGen() != 0 || entry.getType() != 1 || entry.getOffset() < 0) return std::nullopt;
        layout.objects.push_back({object.getObj(), static_cast<std::size_t>(entry.getOffset()), 0, false});
    }
    if (layout.objects.empty()) return std::nullopt;
    std::sort(layout.objects.begin(), layout.objects.end(),
              [](const ObjectSpan& a, const ObjectSpan& b) { return a.begin < b.begin; });
    for (std::size_t i = 0; i < layout.objects.size(); ++i) {
        ObjectSpan& span = layout.objects[i];
        span.end = i + 1 < layout.objects.size() ? layout.objects[i + 1].begin : xref;
        const std::string opening = std::to_string(span.id) + " 0 obj";
        if (span.end <= span.begin || span.end > xref || bytes.compare(span.begin, opening.size(), opening) != 0)
            return std::nullopt;
        std::string_view text = trimmed(std::string_view(bytes).substr(span.begin, span.end - span.begin));
        if (!ends_with(text, "endobj")) return std::nullopt;
        // Only a stream ends in "endstream endobj": a string cannot end an
        // object, its dictionary or array closes after it.
        text.remove_suffix(6);
        span.stream = ends_with(trimmed(text), "endstream");
        layout.last_id = std::max(layout.last_id, span.id);
    }
    if (static_cast<std::size_t>(layout.last_id) != layout.objects.size()) return std::nullopt;  // gaps
    layout.header_end = layout.objects.front().begin;
    return layout;
}

/// Appends an object Cairo wrote without its indentation: Cairo starts each
/// line of a dictionary with spaces (16,000 structure elements, 7,000 link
/// annotations), which add a tenth to a book's file. Spaces after a line
/// end go; what is inside a literal string, where they are text, stays.
void append_unindented(std::string& out, std::string_view object) {
    int depth = 0;  // inside a literal string: its parentheses' nesting
    bool line_start = false;
    for (std::size_t i = 0; i < object.size(); ++i) {
        const char c = object[i];
        if (depth > 0) {
            out += c;
            if (c == '\\' && i + 1 < object.size()) {
                out += object[++i];  // an escaped character, a parenthesis among them
            } else if (c == '(') {
                ++depth;
            } else if (c == ')') {
                --depth;
            }
            continue;
        }
        if (line_start && (c == ' ' || c == '\t')) continue;
        line_start = c == '\n' || c == '\r';
        if (c == '(') depth = 1;
        out += c;
    }
}

}  // namespace

/// The finishing pass for the file Cairo writes, without reading it all:
/// qpdf reads the cross-reference table and the objects the pass changes
/// (pages, content streams, fonts and images, catalog, Info, and the
/// structure tree only when an element gets an attribute); every other
/// object (the structure elements, the annotations, the outline) is copied
/// as Cairo wrote it, and the file is written with a new cross-reference
/// table. Reading and writing every object through qpdf took most of a
/// PDF's time: 30,000 objects, a second for a 1,448-page book.
std::optional<std::string> finish_in_place(const std::string& bytes, const Finish& finish, std::string& error) try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("cairo.pdf", bytes.data(), bytes.size());
    const auto layout = object_layout(pdf, bytes);
    if (!layout) return std::nullopt;
    std::set<QPDFObjGen> done;
    std::vector<Deflation> works;
    std::set<int> rewritten;  // dictionaries written anew
    std::size_t painted = 0;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        QPDFObjectHandle object = page.getObjectHandle();
        // Joining split contents would make new objects.
        if (!object.isIndirect() || object.getKey("/Contents").isArray()) return std::nullopt;
        finish_page(page, finish, done, error, static_cast<int>(finish.order.book_index(painted++)) + 1, works);
        if (!error.empty()) return std::string();
        rewritten.insert(object.getObjGen().getObj());
    }
    for (const auto& span : layout->objects) {
        if (!span.stream || done.count(QPDFObjGen(span.id, 0)) != 0) continue;
        QPDFObjectHandle stream = pdf.getObject(span.id, 0);
        if (!stream.isStream()) return std::nullopt;
        add_deflation(works, stream, false);
    }
    base::parallel_for(works.size(), finish.threads,
                       [&](std::size_t i, std::size_t) { deflate_stream(works[i], finish.print); });
    std::map<int, Deflation*> deflated;
    for (auto& work : works) {
        if (!work.stream.isIndirect()) return std::nullopt;
        if (work.deflated) deflated[work.stream.getObjGen().getObj()] = &work;
    }
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    QPDFObjectHandle root = pdf.getRoot();
    if (!info.isDictionary() || !root.isDictionary()) return std::nullopt;
    describe_document(info, root, finish);
    root.removeKey("/Metadata");  // this pass writes the one the catalog names
    rewritten.insert(info.getObjGen().getObj());
    rewritten.insert(root.getObjGen().getObj());
    if (StructureAttributes::needed(finish)) {
        StructureAttributes attributes(finish);
        attributes.apply(root, error);
        if (!error.empty()) return std::string();
        if (attributes.changed_direct()) return std::nullopt;
        rewritten.insert(attributes.changed().begin(), attributes.changed().end());
    }
    if (!restore_page_order(root, finish.order, rewritten, error)) return std::nullopt;
    if (!error.empty()) return std::string();
    if (pdf.anyWarnings()) return std::nullopt;

    const int metadata_id = layout->last_id + 1;
    std::string out;
    out.reserve(bytes.size() / 2);
    out.append(bytes, 0, layout->header_end);
    std::vector<std::size_t> offsets(static_cast<std::size_t>(metadata_id) + 1, 0);
    const auto open_object = [&](int id) {
        offsets[static_cast<std::size_t>(id)] = out.size();
        out += std::to_string(id);
        out += " 0 obj\n";
    };
    for (const auto& span : layout->objects) {
        if (const auto found = deflated.find(span.id); found != deflated.end()) {
            Deflation& work = *found->second;
            QPDFObjectHandle dict = work.stream.getDict();
            dict.replaceKey("/Length", QPDFObjectHandle::newInteger(static_cast<long long>(work.deflated->size())));
            dict.replaceKey("/Filter", QPDFObjectHandle::newName("/FlateDecode"));
            dict.removeKey("/DecodeParms");
            open_object(span.id);
            out += dict.unparseResolved();
            out += "\nstream\n";
            out += *work.deflated;
            out += "\nendstream\nendobj\n";
        } else if (rewritten.count(span.id) != 0) {
            std::string text = pdf.getObject(span.id, 0).unparseResolved();
            if (span.id == root.getObjGen().getObj()) {
                // The catalog names the metadata stream written after Cairo's objects.
                if (!ends_with(text, ">>")) return std::nullopt;
                text.resize(text.size() - 2);
                text += "/Metadata " + std::to_string(metadata_id) + " 0 R >>";
            }
            open_object(span.id);
            out += text;
            out += "\nendobj\n";
        } else {
            offsets[static_cast<std::size_t>(span.id)] = out.size();
            const std::string_view object(bytes.data() + span.begin, span.end - span.begin);
            if (span.stream)
                out += object;  // a stream kept as it came (a JPEG): its data are bytes, not lines
            else
                append_unindented(out, object);
        }
    }
    // XMP stays uncompressed, as archive tools and preflights expect to find it.
    const std::string packet = xmp(info, finish);
    open_object(metadata_id);
    out += "<< /Type /Metadata /Subtype /XML /Length " + std::to_string(packet.size()) + " >>\nstream\n";
    out += packet;
    out += "\nendstream\nendobj\n";
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(metadata_id + 1) + "\n0000000000 65535 f \n";
    char entry[32];
    for (int id = 1; id <= metadata_id; ++id) {
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets[static_cast<std::size_t>(id)]);
        out += entry;
    }
    // The /ID from the content, not the clock: same input, same bytes.
    const std::string id = base::digest(out).hex();
    out += "trailer\n<< /Size " + std::to_string(metadata_id + 1) + " /Root " +
           std::to_string(root.getObjGen().getObj()) + " 0 R /Info " + std::to_string(info.getObjGen().getObj()) +
           " 0 R /ID [<" + id + "> <" + id + ">] >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
} catch (const std::exception&) {
    // Something qpdf could not read object by object: the general pass
    // reads the file whole and says what is wrong.
    error.clear();
    return std::nullopt;
}

std::string rewrite_with_qpdf(const std::string& bytes, const Finish& finish, std::string& error) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("cairo.pdf", bytes.data(), bytes.size());
        std::set<QPDFObjGen> done;
        std::vector<Deflation> works;
        std::size_t painted = 0;
        for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            finish_page(page, finish, done, error, static_cast<int>(finish.order.book_index(painted++)) + 1, works);
            if (!error.empty()) return {};
        }
        for (auto& object : pdf.getAllObjects()) {
            if (!object.isStream() || done.count(object.getObjGen()) != 0) continue;  // streams are indirect
            add_deflation(works, object, false);
        }
        base::parallel_for(works.size(), finish.threads,
                           [&](std::size_t i, std::size_t) { deflate_stream(works[i], finish.print); });
        for (auto& work : works)
            if (work.deflated)
                work.stream.replaceStreamData(*work.deflated, QPDFObjectHandle::newName("/FlateDecode"),
                                              QPDFObjectHandle::newNull());
        works.clear();
        finish_document(pdf, finish);
        StructureAttributes(finish).apply(pdf.getRoot(), error);
        if (!error.empty()) return {};
        std::set<int> changed;
        if (!restore_page_order(pdf.getRoot(), finish.order, changed, error)) {
            error = "the page tree is not as Cairo writes it: one /Pages node holding every page";
            return {};
        }
        if (!error.empty()) return {};
        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        // The /ID from the content, not the clock: same input, same bytes.
        writer.setDeterministicID(true);
        if (finish.print) {
            // PDF/X-1a:2003 is PDF 1.4: no object or cross-reference streams.
            writer.forcePDFVersion("1.4");
            writer.setObjectStreamMode(qpdf_o_disable);
        }
        writer.write();
        if (pdf.anyWarnings()) {
            error = "qpdf: " + std::string(pdf.getWarnings().front().what());
            return {};
        }
        const auto buffer = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const std::exception& problem) {
        error = std::string("qpdf: ") + problem.what();
        return {};
    }
}

void prepare_cairo() {
    static std::once_flag once;
    std::call_once(once, [] { setenv("CAIRO_DEBUG_PDF", "1", 1); });
}

std::string finish(const std::string& bytes, const Finish& finish, std::string& error) {
    if (auto finished = finish_in_place(bytes, finish, error)) return error.empty() ? *finished : std::string();
    return rewrite_with_qpdf(bytes, finish, error);
}

}  // namespace cinefolio::pdf
