#!/usr/bin/env bash
# Installs what cinefolio needs to build and test, from Debian packages.
# Idempotent: when everything is present it only runs dpkg queries (a second
# or so). Uses sudo when not root. `--test` adds the validators the tests run.
set -euo pipefail

build_packages=(
  cmake g++ make pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libzip-dev libpugixml-dev libyaml-cpp-dev
  libcairo2-dev libjpeg-dev libpng-dev libqpdf-dev libharfbuzz-dev libfreetype-dev
  libhyphen-dev libicu-dev
  # Cache keys and checksums (src/base/digest.cpp).
  libxxhash-dev
  # The program's allocator, tcmalloc_minimal (src/cli/CMakeLists.txt).
  libgoogle-perftools-dev
  # Hyphenation patterns of the languages the book's words have tables for
  # (src/model/words.cpp); read at run time from /usr/share/hyphen.
  hyphen-en-us hyphen-fr hyphen-de hyphen-es hyphen-it hyphen-ru
  catch2
  # `cpack -G DEB` lists the package's library dependencies with
  # dpkg-shlibdeps (dpkg-dev), which needs `file` to find the ELF files.
  dpkg-dev file
  # The fuzz targets' oracles (tests/fuzz): libqpdf re-reads each PDF,
  # expat parses each EPUB page as strict XML.
  libqpdf-dev libexpat1-dev
)
# chromium and epub.js: the EPUB reader test (tests/epub/reader_test.cpp);
# python3: the corpus generator (tests/bench/make_corpus.py); mupdf-tools and
# ghostscript: two more renderers for the print-file test (tests/pdf).
test_packages=(epubcheck poppler-utils qpdf chromium python3 mupdf-tools ghostscript)
# epub.js comes from npm, into build-tools/ (ignored by git like every build*/).
epubjs_version=0.3.93

wanted=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then
  wanted+=("${test_packages[@]}")
  # Any node with npm will do (Debian's or NodeSource's, which bundles npm).
  command -v npm >/dev/null || wanted+=(npm)
fi

install_epubjs() {
  [[ "${1:-}" == "--test" ]] || return 0
  local folder
  folder="$(cd "$(dirname "$0")/.." && pwd)/build-tools"
  if grep -qs "\"version\": \"$epubjs_version\"" "$folder/node_modules/epubjs/package.json"; then
    return 0
  fi
  echo "setup: installing epub.js $epubjs_version into $folder"
  mkdir -p "$folder"
  npm install --prefix "$folder" --no-audit --no-fund --silent "epubjs@$epubjs_version"
}

missing=()
for package in "${wanted[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#wanted[@]} packages present"
  install_epubjs "${1:-}"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_epubjs "${1:-}"
