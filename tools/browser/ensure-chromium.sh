#!/usr/bin/env bash
# Installs Debian's Chromium for @azlro/browser-test, once. The browser tests drive /usr/bin/chromium
# through playwright-core; npm packages that download their own browser fail on these machines.
# Idempotent: does nothing when /usr/bin/chromium is already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available: install Debian's 'chromium' package some other way" >&2
  exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $CHROMIUM is missing; run this script as root (it calls apt-get install chromium)," >&2
  echo "  e.g. sudo $0" >&2
  exit 1
fi

start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null) in $(($(date +%s) - start)) s"
