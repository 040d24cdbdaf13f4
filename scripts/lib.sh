# Shared by the README's two commands: installs what a fresh Debian 12 machine lacks.
# Sourced, not run. Everything is idempotent: a second run installs nothing.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Debian packages: the desktop webview and its build tools, the browser and display for the
# tests, the OS keyring, screenshots, certificate tools, CJK fonts for the zh-TW screens,
# clang as the stand-in C compiler of the Android type-check, and wasm-opt and brotli to make
# the web build's download small.
APT_PACKAGES=(
  pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev libxdo-dev
  chromium xvfb xauth xdotool imagemagick libnss3-tools fonts-noto-cjk
  dbus dbus-x11 gnome-keyring keyutils curl python3 python3-venv clang postgresql
  binaryen brotli python3-pyatspi
)

log() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The wasm target and the wasm-bindgen CLI at exactly the version in Cargo.lock (the CLI
# and the library must agree byte for byte on the generated glue).
install_web_toolchain() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || {
    log "Adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  }
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    log "Installing wasm-bindgen-cli $want"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

install_node_packages() {
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
    log "Installing the browser-test packages (npm ci)"
    (cd tests/e2e && npm ci --no-audit --no-fund --silent)
  fi
}

# The web build: wasm from cargo, glue from wasm-bindgen, and the page, in target/web-dist.
build_web() {
  log "Building the web app (wasm)"
  cargo build --target wasm32-unknown-unknown --profile wasm-release --no-default-features --features web --bin nhi-web
  rm -rf target/web-dist
  mkdir -p target/web-dist
  # A third smaller (Debian's binaryen), before wasm-bindgen: binaryen 108 reads what rustc
  # writes but not the reference-types glue wasm-bindgen adds after it.
  wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    -o target/web-dist/nhi-web.wasm target/wasm32-unknown-unknown/wasm-release/nhi-web.wasm
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir target/web-dist target/web-dist/nhi-web.wasm
  rm target/web-dist/nhi-web.wasm
  # Content-hashed names for the big files, so the backend can let browsers keep them for a
  # year ("immutable"); index.html and boot.js (never cached) name the current pair.
  local hash
  # The catalogues the wasm does not carry (only zh-TW's is compiled in) go beside it, named
  # by the same hash: their words change with the app's.
  hash="$(cat target/web-dist/nhi-web.js target/web-dist/nhi-web_bg.wasm crates/nhi-core/locales/*/app.ftl \
    | sha256sum | cut -c1-16)"
  local dir lang
  for dir in crates/nhi-core/locales/*/; do
    lang="$(basename "$dir")"
    [ "$lang" = zh-TW ] || cp "$dir/app.ftl" "target/web-dist/nhi-web-$hash-$lang.ftl"
  done
  mv target/web-dist/nhi-web.js "target/web-dist/nhi-web-$hash.js"
  mv target/web-dist/nhi-web_bg.wasm "target/web-dist/nhi-web-${hash}_bg.wasm"
  cp web/passkeys.js target/web-dist/
  local page
  for page in index.html boot.js; do
    sed -e "s|/nhi-web.js|/nhi-web-$hash.js|" -e "s|/nhi-web_bg.wasm|/nhi-web-${hash}_bg.wasm|" \
      -e "s|/nhi-web-catalogue-|/nhi-web-$hash-|" "web/$page" > "target/web-dist/$page"
    grep -q "nhi-web-$hash.js" "target/web-dist/$page"
  done
  # Precompressed once here rather than on every request: brotli where the browser accepts
  # it (a fifth smaller than gzip on the wasm), gzip otherwise — the script snippets Dioxus
  # and wasm-bindgen load from snippets/ too (27 kB raw, which went out uncompressed beside
  # the wasm on the same slow line).
  local files
  mapfile -t files < <(find target/web-dist -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.html' -o -name '*.ftl' \))
  gzip -9 -k "${files[@]}"
  brotli -q 11 -k "${files[@]}"
  local wasm="target/web-dist/nhi-web-${hash}_bg.wasm"
  log "Web app: wasm $(stat -c %s "$wasm") bytes, gzip $(stat -c %s "$wasm.gz"), brotli $(stat -c %s "$wasm.br")"
}

# Starts a throwaway PostgreSQL cluster in a temporary directory (as the postgres user:
# initdb refuses root), listening on a Unix socket and loopback port of its own, and exports
# NHI_TEST_DATABASE_URL naming its maintenance database (over the socket) and PG_TCP_URL (the
# same over TCP). Tests run it without fsync; PG_DURABLE=1 keeps every default that makes a
# commit durable (fsync, synchronous_commit) and loads pg_stat_statements, for benchmarks.
# stop_postgres removes it.
start_postgres() {
  local bin port
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  port="$(free_port)"
  PG_DIR="$(mktemp -d)"
  chmod 755 "$PG_DIR"
  as_root chown postgres "$PG_DIR"
  as_root runuser -u postgres -- "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
  local durability="-c fsync=off"
  if [ -n "${PG_DURABLE:-}" ]; then
    durability="-c shared_preload_libraries=pg_stat_statements"
  fi
  as_root runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-k $PG_DIR -p $port -c listen_addresses=127.0.0.1 -c max_connections=400 $durability" start >/dev/null
  PG_BIN="$bin"
  export NHI_TEST_DATABASE_URL="postgres://postgres@localhost/postgres?host=$PG_DIR&port=$port"
  export PG_TCP_URL="postgres://postgres@127.0.0.1:$port/postgres"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running in $PG_DIR (port $port)"
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  as_root runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
  as_root rm -rf "$PG_DIR"
  unset NHI_TEST_DATABASE_URL PG_DIR
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until the backend in $1 (data dir) answers on https://127.0.0.1:$2.
wait_for_backend() {
  for _ in $(seq 1 100); do
    if [ -f "$1/ca.pem" ] && curl -sf --cacert "$1/ca.pem" "https://127.0.0.1:$2/api/v1/health" >/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  echo "the backend did not start" >&2
  return 1
}

# The web build served by a backend of its own for the browser tests and the browser
# benchmark, with what a browser on a phone needs beside it. Sets WEB_WORK (removed by
# stop_web_backend), WEB_URL, WEB_BACKEND (its pid); "$@" are more backend options.
#  - $WEB_WORK/home: a HOME whose NSS database trusts this backend's CA, so chromium checks the
#    certificate for real;
#  - $WEB_WORK/images: images a person would pick (an ID card front, a proper photo, one on a
#    dark background, one taken sideways).
start_web_backend() {
  local port
  WEB_WORK="$(mktemp -d)"
  port="$(free_port)"
  "${NHI_WEB_BACKEND:-./target/debug/nhi-backend}" --listen "127.0.0.1:$port" --data-dir "$WEB_WORK/data" \
    --web-dir target/web-dist --demo-outbox "$@" > "test-output/web-backend-$port.log" 2>&1 &
  WEB_BACKEND=$!
  WEB_URL="https://127.0.0.1:$port"
  wait_for_backend "$WEB_WORK/data" "$port"
  mkdir -p "$WEB_WORK/home/.pki/nssdb"
  certutil -d "sql:$WEB_WORK/home/.pki/nssdb" -N --empty-password
  certutil -d "sql:$WEB_WORK/home/.pki/nssdb" -A -t "C,," -n "NHI Express test CA" -i "$WEB_WORK/data/ca.pem"
  mkdir -p "$WEB_WORK/images"
  convert -size 1200x760 xc:'#e1e8f0' -fill '#786e64' -draw 'rectangle 60,200 360,600' \
    -fill '#282828' -draw 'rectangle 420,120 1100,150' -draw 'rectangle 420,240 1000,270' "$WEB_WORK/images/id-card.jpg"
  local bg name
  for bg in white '#303030'; do
    name=photo-white.jpg; [ "$bg" = white ] || name=photo-dark.jpg
    convert -size 600x800 xc:"$bg" -fill '#cda082' -draw 'circle 300,336 300,456' \
      -fill '#1e2846' -draw 'rectangle 72,560 528,800' "$WEB_WORK/images/$name"
  done
  # As a phone held sideways stores it: the pixels lying on their side, and the EXIF
  # orientation saying how to turn them upright.
  # (An EXIF segment of one tag, Orientation = 6, put right after the JPEG's start marker.)
  convert "$WEB_WORK/images/photo-white.jpg" -rotate -90 "$WEB_WORK/rotated.jpg"
  { head -c 2 "$WEB_WORK/rotated.jpg"
    printf '\xff\xe1\x00\x22Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00'
    tail -c +3 "$WEB_WORK/rotated.jpg"
  } > "$WEB_WORK/images/photo-sideways.jpg"
}

stop_web_backend() {
  kill "$WEB_BACKEND" 2>/dev/null || true
  wait "$WEB_BACKEND" 2>/dev/null || true
  rm -rf "$WEB_WORK"
}

# The few C headers ring's build script includes, for a target whose libc is not here (the
# phone type-checks): a freestanding set in $1/include, just large enough for it.
freestanding_headers() {
  mkdir -p "$1/include"
  echo '#define assert(expr) ((void)0)' > "$1/include/assert.h"
  cat > "$1/include/string.h" <<'H'
typedef __SIZE_TYPE__ size_t;
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memmove(void *dst, const void *src, size_t n);
size_t strlen(const char *s);
H
}
