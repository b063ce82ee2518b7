#include <catch2/catch.hpp>

#include "cinefolio/base/text.hpp"

using namespace cinefolio::base;

TEST_CASE("UTF-8 validation finds the first bad byte", "[base][utf8]") {
    CHECK_FALSE(find_invalid_utf8("plain ASCII, É, ć, “quotes”, 😀"));
    CHECK(find_invalid_utf8("ab\xC3") == 2u);          // truncated
    CHECK(find_invalid_utf8("a\xC0\xAF") == 1u);       // overlong
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);    // surrogate
    CHECK(find_invalid_utf8("ok\xF4\x90\x80\x80") == 2u);  // above U+10FFFF
}

TEST_CASE("names and slugs", "[base]") {
    CHECK(title_case("REALISM") == "Realism");
    CHECK(title_case("FILM_NOIR") == "Film Noir");
    CHECK(slug("Body: The Evidence") == "body-the-evidence");
    CHECK(nearest("REALSIM", {"REALISM", "SIGNIFIER"}) == std::optional<std::string>("REALISM"));
    CHECK_FALSE(nearest("PRESS", {"REALISM", "SIGNIFIER"}));
    CHECK(collapse_whitespace("  a \t b\n c  ") == "a b c");
}

TEST_CASE("name-based UUIDs are stable and well formed", "[base]") {
    auto a = name_uuid("closeness");
    CHECK(a == name_uuid("closeness"));
    CHECK(a != name_uuid("closeness2"));
    REQUIRE(a.size() == 36);
    CHECK(a[14] == '5');
    CHECK((a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b'));
}

TEST_CASE("code points round-trip", "[base][utf8]") {
    std::string out;
    for (char32_t c : {U'a', U'É', U'ć', U'“', U'😀'}) append_utf8(out, c);
    std::size_t at = 0;
    std::vector<char32_t> back;
    while (at < out.size()) back.push_back(decode_utf8(out, at));
    CHECK(back == std::vector<char32_t>{U'a', U'É', U'ć', U'“', U'😀'});
}
