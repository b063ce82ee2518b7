#!/usr/bin/env bash
# Installs what cinefolio needs to build and test, from Debian packages.
# Idempotent: when everything is present it only runs dpkg queries (a second
# or so). Uses sudo when not root. `--test` adds the validators the tests run.
set -euo pipefail

build_packages=(
  cmake g++ make pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libzip-dev libpugixml-dev libyaml-cpp-dev
  libcairo2-dev libharfbuzz-dev libfreetype-dev
  libhyphen-dev hyphen-en-us libicu-dev
  catch2
)
test_packages=(epubcheck poppler-utils qpdf)

wanted=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then
  wanted+=("${test_packages[@]}")
fi

missing=()
for package in "${wanted[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#wanted[@]} packages present"
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
