#!/usr/bin/env bash
# The browser benchmark: the web build's first visit and tap-to-QR on a slow phone network
# (tests/e2e/bench-web.mjs), against a backend of its own that approves cards by itself.
# Expects target/web-dist and the backend (target/debug/nhi-backend; NHI_WEB_BACKEND names
# another, e.g. target/release/nhi-backend). Prints figures; fails only if it cannot run.

source "$(dirname "$0")/lib.sh"

mkdir -p test-output
start_web_backend --auto-approve-after 1
trap stop_web_backend EXIT

(cd tests/e2e && HOME="$WEB_WORK/home" NHI_E2E_URL="$WEB_URL" NHI_E2E_IMAGES="$WEB_WORK/images" \
  node bench-web.mjs)
