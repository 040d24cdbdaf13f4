#!/usr/bin/env bash
# Serves the web build from the reference backend (same origin, HTTPS) and drives it with
# Playwright in Debian's chromium. Expects target/web-dist and target/debug/nhi-backend.

source "$(dirname "$0")/lib.sh"

work="$(mktemp -d)"
port="$(free_port)"
./target/debug/nhi-backend --listen "127.0.0.1:$port" --data-dir "$work/data" \
  --web-dir target/web-dist > test-output/e2e-backend.log 2>&1 &
backend=$!
trap 'kill $backend 2>/dev/null || true; rm -rf "$work"' EXIT
wait_for_backend "$work/data" "$port"

# Chromium reads trust anchors from $HOME/.pki/nssdb: give it a throwaway HOME that trusts
# this backend's CA, so the browser checks the certificate for real.
mkdir -p "$work/home/.pki/nssdb"
certutil -d "sql:$work/home/.pki/nssdb" -N --empty-password
certutil -d "sql:$work/home/.pki/nssdb" -A -t "C,," -n "NHI Express test CA" -i "$work/data/ca.pem"

(cd tests/e2e && HOME="$work/home" NHI_E2E_URL="https://127.0.0.1:$port" \
  NHI_E2E_SCREENSHOTS="$ROOT/test-output/screenshots" node --test --test-concurrency=1 .)
