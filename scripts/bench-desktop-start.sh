#!/usr/bin/env bash
# Desktop start-up, in the shipped (release) build: seconds from launching the app to its
# home screen painted (judged by scripts/painted-check.sh on what is really on screen), for
# a first launch on a new data folder (the embedded backend makes its CA and demo data) and
# then three relaunches. Prints figures; asserts nothing.
#   bash scripts/bench-desktop-start.sh   (builds the release desktop app if needed)

source "$(dirname "$0")/lib.sh"

if [ -z "${NHI_BENCH_SESSION:-}" ]; then
  cargo build --release --features desktop --bin nhi-express
  export NHI_BENCH_SESSION=1
  XDG_DATA_HOME="$(mktemp -d)"
  export XDG_DATA_HOME
  exec dbus-run-session -- xvfb-run -a -s "-screen 0 1024x900x24" bash "$0" "$@"
fi
printf 'nhi-express-bench-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null

data="$(mktemp -d)"
shot="$data/screen.png"
trap 'rm -rf "$data"' EXIT

painted_after() {
  local started app wid=""
  started="$(date +%s.%N)"
  NHI_DATA_DIR="$data/backend" ./target/release/nhi-express > "$data/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 600); do
    [ -n "$wid" ] || wid="$(xdotool search --name 'NHI Express|全民健保' 2>/dev/null | head -n 1 || true)"
    if [ -n "$wid" ]; then
      eval "$(xdotool getwindowgeometry --shell "$wid")"
      import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$shot" 2>/dev/null || true
      if bash scripts/painted-check.sh "$shot" >/dev/null 2>&1; then
        echo "$(date +%s.%N) - $started" | bc
        kill "$app"; wait "$app" 2>/dev/null || true
        return
      fi
    fi
    sleep 0.02
  done
  kill "$app" 2>/dev/null || true
  echo "never painted"
}

echo "desktop start to painted home (release build, Xvfb; the check itself takes ~0.1 s a look):"
echo "  first launch: $(painted_after) s"
for n in 1 2 3; do
  echo "  relaunch $n:   $(painted_after) s"
done
