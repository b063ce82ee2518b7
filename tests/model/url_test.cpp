// The URL rule (model/url.hpp), with ICU's IDNA as the CLI passes it.

#include "cinefolio/model/url.hpp"

#include <catch2/catch.hpp>

#include "cinefolio/idna/idna.hpp"

namespace {

using cinefolio::model::normalise_web_url;

std::string href(std::string_view written) {
    auto address = normalise_web_url(written, cinefolio::idna::host_to_ascii);
    INFO(written << " -> " << address.problem);
    CHECK(address.problem.empty());
    return address.href;
}

std::string problem(std::string_view written) {
    auto address = normalise_web_url(written, cinefolio::idna::host_to_ascii);
    CHECK(address.href.empty());
    return address.problem;
}

}  // namespace

TEST_CASE("addresses already valid stay as they are", "[model][url]") {
    for (const char* url :
         {"https://example.com", "https://example.com/a?b=1&c=2#frag", "mailto:editor@example.com",
          "https://en.wikipedia.org/wiki/Closeness_(film)", "http://www.google.com/search?q=(business))+ok",
          "https://user:pass@example.com:8443/x", "http://[2001:db8::7]/c=GB?objectClass?one", "http://127.0.0.1/",
          "https://exa_mple.com/", "https://example.com./", "https://example.com/a'b!$*,;=:@/?x=/?:@"}) {
        CHECK(href(url) == url);
        CHECK(cinefolio::model::is_normal_web_url(url));
    }
}

TEST_CASE("characters a URI may not hold are percent-encoded", "[model][url]") {
    CHECK(href("http://example.com/\\[\\") == "http://example.com/%5C%5B%5C");
    CHECK(href("http://example.com/%5C[%5C") == "http://example.com/%5C%5B%5C");
    CHECK(href("https://example.com/a b c") == "https://example.com/a%20b%20c");
    CHECK(href("https://example.com/a|b^c{d}e`f\"g<h>") == "https://example.com/a%7Cb%5Ec%7Bd%7De%60f%22g%3Ch%3E");
    CHECK(href("https://example.com/100%") == "https://example.com/100%25");
    CHECK(href("https://example.com/%zz%4") == "https://example.com/%25zz%254");
    CHECK(href("https://example.com/%7e") == "https://example.com/%7E");
    CHECK(href("https://example.com/a#b#c") == "https://example.com/a#b%23c");
    CHECK(href("https://example.com/«Нелюбовь»") ==
          "https://example.com/%C2%AB%D0%9D%D0%B5%D0%BB%D1%8E%D0%B1%D0%BE%D0%B2%D1%8C%C2%BB");
    CHECK(href("mailto:editor@example.com?subject=Two words") == "mailto:editor@example.com?subject=Two%20words");
}

TEST_CASE("scheme and host are lower-cased, and tabs, newlines and outer spaces go", "[model][url]") {
    CHECK(href("HTTPS://EXAMPLE.COM/Path") == "https://example.com/Path");
    CHECK(href("MAILTO:FOO@BAR.BAZ") == "mailto:FOO@BAR.BAZ");
    CHECK(href("  https://exa\tmple.com/a\nb ") == "https://example.com/ab");
    CHECK(href("https://example.com:/x") == "https://example.com/x");
}

TEST_CASE("international hosts go through IDNA", "[model][url]") {
    CHECK(href("https://bücher.example/straße") == "https://xn--bcher-kva.example/stra%C3%9Fe");
    CHECK(href("https://BÜCHER.example/") == "https://xn--bcher-kva.example/");
    CHECK(href("https://💩.la/") == "https://xn--ls8h.la/");
    CHECK(href("http://☃.net/") == "http://xn--n3h.net/");
    CHECK(href("https://例え.テスト/パス") == "https://xn--r8jz45g.xn--zckzah/%E3%83%91%E3%82%B9");
    CHECK(href("https://b%C3%BCcher.example/") == "https://xn--bcher-kva.example/");
    // Without a converter, only ASCII hosts can be written.
    CHECK_FALSE(normalise_web_url("https://bücher.example/", {}).problem.empty());
    CHECK(normalise_web_url("https://xn--bcher-kva.example/", {}).href == "https://xn--bcher-kva.example/");
}

TEST_CASE("addresses no rule can make valid say why", "[model][url]") {
    CHECK(problem("http://../") == "its host `..` has an empty label (two dots in a row, or a dot at its start)");
    CHECK(problem("http://foo.bar.%60baz") == "its host `foo.bar.`baz` holds a backtick, which no host name may");
    CHECK(problem("http:///no-host") == "it has no host");
    CHECK(problem("http:no-slashes.example") == "expected `//` after `http:`");
    CHECK(problem("https://example.com:99999/") == "its port `99999` is not a number from 0 to 65535");
    CHECK(problem("https://-a.com/") == "its host `-a.com` has a label opening or closing with `-`");
    CHECK(problem("https://a.123/") == "its host `a.123` is neither a domain name nor an IPv4 address");
    CHECK(problem("http://[::1:]/") == "its host `[::1:]` is not an IPv6 address");
    CHECK(problem("https://xn--zz.com/") == "its host `xn--zz.com` is not a valid international domain name");
    CHECK(problem("mailto:") == "it names no mail address");
    CHECK(problem("https://example.com/" + std::string(8000, 'x')).starts_with("it is 8020 bytes long"));
}

TEST_CASE("the rule is idempotent", "[model][url]") {
    for (const char* url : {"http://example.com/\\[\\", "https://example.com/100%", "https://bücher.example/a b#c#d",
                            "mailto:a@b.c?subject=(x) y", "HTTP://User:P@ss@Example.COM:80/%7e?q=a b"}) {
        const auto once = href(url);
        CHECK(href(once) == once);
        CHECK(cinefolio::model::is_normal_web_url(once));
    }
}
