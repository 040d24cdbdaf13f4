#!/usr/bin/env bash
# Runs inside Xvfb (and the test D-Bus session): starts the desktop build with its embedded
# backend, waits until the window shows the home screen, taps "My" and checks that the login
# screen is shown, judging what is really painted (scripts/painted-check.sh). Screenshots:
# test-output/screenshots/desktop-*.png.

source "$(dirname "$0")/lib.sh"

shots="$ROOT/test-output/screenshots"
data="$(mktemp -d)"
NHI_DATA_DIR="$data" ./target/debug/nhi-express > test-output/desktop.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$data"' EXIT

# The check must be able to fail: a blank window (the app's background colour only) and a
# header without a body are refused before the real screenshot is judged.
convert -size 480x800 xc:'#f2f7f6' "$data/blank.png"
convert -size 480x800 xc:'#f2f7f6' -fill '#00857a' -draw 'rectangle 0,0 480,60' "$data/header-only.png"
for fake in blank header-only; do
  if bash scripts/painted-check.sh "$data/$fake.png"; then
    echo "the painted check passed a $fake image"; exit 1
  fi
done

# What is painted: under Xvfb, `import -window <id>` of the WebKit window comes back blank,
# so the root window is captured and cropped to the app's window.
capture() {
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$1"
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
  capture "$shots/desktop-home.png"
  if bash scripts/painted-check.sh "$shots/desktop-home.png"; then
    shown=1
    break
  fi
  sleep 0.5
done
[ "$shown" = 1 ] || { echo "the window stayed blank"; cat test-output/desktop.log; exit 1; }

# Tap "My" (the last of the tab bar's five tabs); signed out, it opens the login screen,
# and the window title names the screen. The webview may take a moment to accept input
# after it first paints, so tap again until the screen changes.
eval "$(xdotool getwindowgeometry --shell "$wid")"
title=""
for _ in $(seq 1 30); do
  xdotool mousemove --window "$wid" $((WIDTH * 9 / 10)) $((HEIGHT - 28)) click 1
  sleep 1
  title="$(xdotool getwindowname "$wid")"
  case "$title" in 登入*) break ;; esac
done
sleep 0.5
capture "$shots/desktop-login.png"
bash scripts/painted-check.sh "$shots/desktop-login.png" || { echo "the login screen is not painted"; exit 1; }
case "$title" in
  登入*) echo "desktop window shows: $title" ;;
  *) echo "expected the login screen, the window says: $title"; exit 1 ;;
esac

# The title bar as WebKitGTK draws it: white text on the green, no toolkit combo box (a
# white box over the brand, its white text unreadable). Near-white pixels are the brand
# mark and the text only: well under a tenth of the bar.
bar_white() {
  convert "$1" -alpha off -crop "${WIDTH}x60+0+0" +repage -fuzz 6% -fill black +opaque white \
    -fill white -opaque white -colorspace gray -format '%[fx:mean]' info:
}
convert -size "${WIDTH}x60" xc:'#00857a' -fill white -draw "rectangle $((WIDTH - 180)),10 $((WIDTH - 16)),54" "$data/white-box.png"
awk -v w="$(bar_white "$data/white-box.png")" 'BEGIN { exit !(w >= 0.1) }' \
  || { echo "the title-bar check passed a white box"; exit 1; }
white="$(bar_white "$shots/desktop-home.png")"
echo "title bar: white share $white"
awk -v w="$white" 'BEGIN { exit !(w < 0.1) }' || { echo "the language picker is drawn as a white box"; exit 1; }

# Fast typing arrives whole: ten entries at 10 ms a key into the ID, password, phone and
# code fields, read back through the accessibility tree.
/usr/bin/python3 scripts/desktop-typing.py
