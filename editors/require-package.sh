# Sourced by the editor tests: one rule for installing what a test needs from Debian.
#
#   source editors/require-package.sh
#   command -v nvim >/dev/null || require_package neovim nvim neovim
#
# require_package TEST WHAT APT_PACKAGE... is called when WHAT is missing. It installs the
# packages with apt-get (as root, or through password-less sudo); a package written NAME? is
# installed only when the archive has it. When it cannot install:
# - in CI (CI=true) the test fails: CI must run every editor test, never skip one;
# - elsewhere the test is skipped with one line saying why, and the calling script exits 0.
# A failed apt-get always fails the test.

require_package() {
  local test="$1" what="$2"
  shift 2
  local sudo="" reason=""
  if ! command -v apt-get >/dev/null; then
    reason="no apt-get to install it"
  elif [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      reason="no root to install it"
    fi
  fi
  if [[ -n "$reason" ]]; then
    if [[ "${CI:-}" == "true" ]]; then
      echo "$test test failed: $what not installed and $reason; CI=true requires it" >&2
      exit 1
    fi
    echo "$test test skipped: $what not installed and $reason; set CI=true to require it"
    exit 0
  fi
  echo "$test test: installing ${*%\?} for $what"
  $sudo apt-get update -q
  local packages=() package
  for package in "$@"; do
    if [[ "$package" == *\? ]]; then
      package="${package%\?}"
      apt-cache show "$package" >/dev/null 2>&1 || continue
    fi
    packages+=("$package")
  done
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"
}
