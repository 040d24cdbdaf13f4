#!/usr/bin/env bash
# Runs inside Xvfb (and the test D-Bus session): starts the desktop build with its embedded
# backend, waits until the window shows the home screen, taps "My" and checks that the login
# screen is shown. Screenshots: test-output/screenshots/desktop-*.png.

source "$(dirname "$0")/lib.sh"

shots="$ROOT/test-output/screenshots"
data="$(mktemp -d)"
NHI_DATA_DIR="$data" ./target/debug/nhi-express > test-output/desktop.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$data"' EXIT

# Share of the window's pixels in the NHI green: the title bar alone is several percent,
# a blank or unstyled window has none.
green_share() {
  convert "$1" -fuzz 4% -fill white -opaque "#00857a" -fill black +opaque white \
    -format '%[fx:mean]' info:
}

wid=""
for _ in $(seq 1 120); do
  wid="$(xdotool search --name 'NHI Express|全民健保' 2>/dev/null | head -n 1 || true)"
  [ -n "$wid" ] && break
  sleep 0.5
done
[ -n "$wid" ] || { echo "no desktop window appeared"; cat test-output/desktop.log; exit 1; }

shown=0
for _ in $(seq 1 60); do
  import -window "$wid" "$shots/desktop-home.png"
  if awk -v s="$(green_share "$shots/desktop-home.png")" 'BEGIN { exit !(s > 0.03) }'; then
    shown=1
    break
  fi
  sleep 0.5
done
[ "$shown" = 1 ] || { echo "the window stayed blank"; cat test-output/desktop.log; exit 1; }

# Tap "My" (the right half of the bottom tab bar); signed out, it opens the login screen,
# and the window title names the screen. The webview may take a moment to accept input
# after it first paints, so tap again until the screen changes.
eval "$(xdotool getwindowgeometry --shell "$wid")"
title=""
for _ in $(seq 1 30); do
  xdotool mousemove --window "$wid" $((WIDTH * 3 / 4)) $((HEIGHT - 28)) click 1
  sleep 1
  title="$(xdotool getwindowname "$wid")"
  case "$title" in 登入*) break ;; esac
done
sleep 0.5
import -window "$wid" "$shots/desktop-login.png"
case "$title" in
  登入*) echo "desktop window shows: $title" ;;
  *) echo "expected the login screen, the window says: $title"; exit 1 ;;
esac
