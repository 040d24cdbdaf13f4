#!/usr/bin/env bash
# Serves the web build from the reference backend (same origin, HTTPS) and drives it with
# Playwright in Debian's chromium. Expects target/web-dist and target/debug/nhi-backend.
# NHI_E2E_ONLY=authorizations.test.js runs one file while working on it.

source "$(dirname "$0")/lib.sh"

work="$(mktemp -d)"
port="$(free_port)"
./target/debug/nhi-backend --listen "127.0.0.1:$port" --data-dir "$work/data" \
  --web-dir target/web-dist --health-bank-delay 3 --demo-outbox > test-output/e2e-backend.log 2>&1 &
backend=$!
trap 'kill $backend 2>/dev/null || true; rm -rf "$work"' EXIT
wait_for_backend "$work/data" "$port"

# Chromium reads trust anchors from $HOME/.pki/nssdb: give it a throwaway HOME that trusts
# this backend's CA, so the browser checks the certificate for real.
mkdir -p "$work/home/.pki/nssdb"
certutil -d "sql:$work/home/.pki/nssdb" -N --empty-password
certutil -d "sql:$work/home/.pki/nssdb" -A -t "C,," -n "NHI Express test CA" -i "$work/data/ca.pem"

# Images a person would pick: an ID card front, a proper photo, one on a dark background.
mkdir -p "$work/images"
convert -size 1200x760 xc:'#e1e8f0' -fill '#786e64' -draw 'rectangle 60,200 360,600' \
  -fill '#282828' -draw 'rectangle 420,120 1100,150' -draw 'rectangle 420,240 1000,270' "$work/images/id-card.jpg"
for bg in white '#303030'; do
  name=photo-white.jpg; [ "$bg" = white ] || name=photo-dark.jpg
  convert -size 600x800 xc:"$bg" -fill '#cda082' -draw 'circle 300,336 300,456' \
    -fill '#1e2846' -draw 'rectangle 72,560 528,800' "$work/images/$name"
done

(cd tests/e2e && HOME="$work/home" NHI_E2E_URL="https://127.0.0.1:$port" NHI_E2E_IMAGES="$work/images" \
  NHI_E2E_SCREENSHOTS="$ROOT/test-output/screenshots" node --test --test-concurrency=1 ${NHI_E2E_ONLY:-.})
