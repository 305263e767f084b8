#!/usr/bin/env bash
# Install what the browser tests need: Debian's Chromium and the Playwright
# Python package. Playwright's own browser download is never used; the tests
# launch /usr/bin/chromium. Safe to run again; a failure here only makes the
# browser tests skip, so the script never fails the build.
set -u

if [ -x /usr/bin/chromium ]; then
  echo "install-browser: chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium; then
    echo "install-browser: chromium installed"
  else
    echo "install-browser: could not install chromium; browser tests will be skipped" >&2
  fi
fi

if python -c "import playwright.sync_api" >/dev/null 2>&1; then
  echo "install-browser: playwright already installed"
elif python -m pip install -q playwright; then
  echo "install-browser: playwright installed"
else
  echo "install-browser: could not install playwright; browser tests will be skipped" >&2
fi
exit 0
