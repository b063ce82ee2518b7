// The copyright page's notice, shared by print and EPUB.

#include "cinefolio/model/copyright.hpp"

#include <catch2/catch.hpp>

using namespace cinefolio;

TEST_CASE("the printer's key counts down to this printing", "[model][copyright]") {
    CHECK(model::printers_key(0).empty());
    CHECK(model::printers_key(1) == "10 9 8 7 6 5 4 3 2 1");
    CHECK(model::printers_key(2) == "10 9 8 7 6 5 4 3 2");
    CHECK(model::printers_key(10) == "10");
    CHECK(model::printers_key(11) == "20 19 18 17 16 15 14 13 12 11");
    CHECK(model::printers_key(99) == "100 99");
}

TEST_CASE("the copyright notice: rights, publisher and year, edition, printing, ISBNs", "[model][copyright]") {
    model::Metadata metadata;
    metadata.rights = "© 2026 the authors.";
    metadata.publisher = "Small Press";
    metadata.date = "2026-11-22";
    metadata.edition = "Second edition, revised";
    metadata.printing = 3;
    metadata.isbn = "978-0-306-40615-7";
    metadata.print_isbn = "978-1-86197-876-9";
    metadata.identifier = "urn:isbn:978-0-306-40615-7";
    const auto notice = model::copyright_notice(metadata, model::words_for("en"));
    CHECK(notice.rights == std::vector<std::string>{"© 2026 the authors."});
    CHECK(notice.edition ==
          std::vector<std::string>{"Published by Small Press, 2026", "Second edition, revised", "10 9 8 7 6 5 4 3"});
    CHECK(notice.numbers ==
          std::vector<std::string>{"ISBN 978-1-86197-876-9 (print)", "ISBN 978-0-306-40615-7 (EPUB)"});

    SECTION("one ISBN is not labelled") {
        metadata.print_isbn.clear();
        CHECK(model::copyright_notice(metadata, model::words_for("en")).numbers ==
              std::vector<std::string>{"ISBN 978-0-306-40615-7"});
        metadata.isbn.clear();
        metadata.print_isbn = "978-1-86197-876-9";
        CHECK(model::copyright_notice(metadata, model::words_for("en")).numbers ==
              std::vector<std::string>{"ISBN 978-1-86197-876-9"});
    }
    SECTION("a derived UUID is never printed; an identifier the editor chose is") {
        metadata.isbn.clear();
        metadata.print_isbn.clear();
        metadata.identifier = "urn:uuid:3870eb71-7d57-55f4-908b-fccbc0f1bf30";
        CHECK(model::copyright_notice(metadata, model::words_for("en")).numbers.empty());
        metadata.identifier = "doi:10.5555/12345678";
        CHECK(model::copyright_notice(metadata, model::words_for("en")).numbers ==
              std::vector<std::string>{"doi:10.5555/12345678"});
    }
    SECTION("in the book's language") {
        const auto french = model::copyright_notice(metadata, model::words_for("fr"));
        CHECK(french.edition.front() == "Publié par Small Press, 2026");
        CHECK(french.numbers.front() == "ISBN 978-1-86197-876-9 (version imprimée)");
    }
    SECTION("nothing given, nothing printed") {
        const auto empty = model::copyright_notice(model::Metadata{}, model::words_for("en"));
        CHECK(empty.rights.empty());
        CHECK(empty.edition.empty());
        CHECK(empty.numbers.empty());
    }
}
