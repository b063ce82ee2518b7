# Installing and packaging. `cmake --install build --prefix P` gives
# P/bin/cinefolio and P/share/cinefolio/{styles,fonts,templates}: the program
# finds that folder from its own location (src/cli/resources.cpp), so the
# prefix may be moved and the source tree removed.

install(TARGETS cinefolio RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The fonts' folders carry their licence files, which must travel with them.
install(DIRECTORY styles fonts templates DESTINATION ${CMAKE_INSTALL_DATADIR}/cinefolio)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# `cpack -G DEB` in the build folder: build/cinefolio_<version>_<arch>.deb.
set(CPACK_PACKAGE_NAME cinefolio)
set(CPACK_PACKAGE_VENDOR "The cinefolio Editors")
set(CPACK_PACKAGE_CONTACT "The cinefolio Editors <editors@cinefolio.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compiles anthologies of film criticism into EPUB 3 and print PDF")
set(CPACK_PACKAGE_DESCRIPTION
    "cinefolio assembles Markdown essays about films, selected by a YAML manifest, into a book with one part per film, a cross-lens index and both an EPUB 3 and a print-ready PDF.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
# The shared libraries' packages come from dpkg-shlibdeps (dpkg-dev), which
# reads the program's ELF needs, so the list stays right on every Debian
# release; scripts/setup.sh installs it. Hyphenation patterns are data read
# at run time, which no tool can see: US English is the default language, and
# any other hyphen-* package adds its language.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hyphen-en-us")
# The languages the book's words have tables for (src/model/words.cpp).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hyphen-fr, hyphen-de, hyphen-es, hyphen-it, hyphen-ru")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "hyphen-hyphenation-patterns")
# Debian ships programs stripped; the debug info stays in the build tree.
set(CPACK_STRIP_FILES ON)
include(CPack)
