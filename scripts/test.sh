#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting and lints, unit, backend
# integration (including the adversarial suite) on SQLite and again on PostgreSQL with two
# instances on one database, component and keyring tests, API fuzzing
# with schemathesis, the Android and iOS type-checks of the phone side, the browser end-to-end tests
# against the web build, and the desktop smoke test under Xvfb.
# Screenshots land in test-output/.

source "$(dirname "$0")/lib.sh"

if [ -z "${NHI_TEST_SESSION:-}" ]; then
  install_apt_packages
  install_web_toolchain
  install_node_packages
  # The keyring tests need a Secret Service: run everything inside a private D-Bus
  # session with its own GNOME Keyring, whose keyring files live in a throwaway data
  # folder, so the developer's own keyring is never touched or prompted for.
  export NHI_TEST_SESSION=1
  XDG_DATA_HOME="$(mktemp -d)"
  export XDG_DATA_HOME
  exec dbus-run-session -- bash "$0" "$@"
fi

printf 'nhi-express-test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
rm -rf test-output && mkdir -p test-output/screenshots

log "Formatting and lints: the workspace, then the crates that change for the browser"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
# Clippy lints every workspace member it builds: the web launcher, nhi-ui and nhi-client's
# browser storage as wasm32 (the phones' and Windows' runs are in android-check.sh,
# apple-check.sh and windows-check.sh).
cargo clippy --target wasm32-unknown-unknown --no-default-features --features web --bin nhi-web -- -D warnings

log "Unit, backend integration, component and keyring tests"
cargo test --workspace

log "The integration suite again, every backend on PostgreSQL (a throwaway cluster)"
start_postgres
trap stop_postgres EXIT
cargo test --test integration
stop_postgres
trap - EXIT

log "API fuzzing from the OpenAPI document (schemathesis)"
bash scripts/schemathesis.sh

bash scripts/android-check.sh
bash scripts/apple-check.sh
bash scripts/windows-check.sh

build_web
log "Browser end-to-end tests (Playwright, Debian chromium)"
bash scripts/e2e.sh

log "Browser benchmark: first visit and tap-to-QR on a slow phone network"
bash scripts/bench-web.sh

log "Desktop smoke test (Xvfb)"
xvfb-run -a -s "-screen 0 1024x900x24" bash scripts/desktop-smoke.sh

log "All tests passed. Screenshots: $ROOT/test-output/screenshots"
echo "stages: 8 passed, 0 failed"
