#!/usr/bin/env bash
# Serves the web build from the reference backend (same origin, HTTPS) and drives it with
# Playwright in Debian's chromium. Expects target/web-dist and target/debug/nhi-backend.
# NHI_E2E_ONLY=authorizations.test.js runs one file while working on it.

source "$(dirname "$0")/lib.sh"

mkdir -p test-output
start_web_backend --health-bank-delay 3
trap stop_web_backend EXIT

(cd tests/e2e && HOME="$WEB_WORK/home" NHI_E2E_URL="$WEB_URL" NHI_E2E_IMAGES="$WEB_WORK/images" \
  NHI_E2E_SCREENSHOTS="$ROOT/test-output/screenshots" node --test --test-concurrency=1 ${NHI_E2E_ONLY:-.})
