#!/usr/bin/env bash
# Installs what is missing and runs the app: the desktop window with the built-in backend,
# or, with no display, the web build served by the backend (its URL is printed).

source "$(dirname "$0")/lib.sh"
install_apt_packages

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  log "Starting the desktop app (built-in backend with the demo persons)"
  exec cargo run --features desktop --bin nhi-express
fi

install_web_toolchain
build_web
# The same feature set as the test command, so a machine that ran the tests builds nothing new.
log "Building the backend (skipped when the test command already built it)"
cargo build --features desktop --bin nhi-backend
listen="${NHI_LISTEN:-127.0.0.1:8443}"
data="${NHI_DATA_DIR:-$ROOT/nhi-data}"
log "No display: serving the web app"
echo "Open https://${listen} in a browser. The backend's CA certificate is ${data}/ca.pem:"
echo "import it into the browser (or accept the warning) to trust the page."
exec ./target/debug/nhi-backend --listen "$listen" --data-dir "$data" --web-dir target/web-dist --demo-outbox
