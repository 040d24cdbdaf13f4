#!/usr/bin/env bash
# Whether a screenshot shows the app really painted: at least 2 % of its pixels exactly in
# the NHI green (#00857a, the header; within 2 % for anti-aliasing), and a body below the
# header that is not one flat colour. A blank, beige or unstyled window fails both.
# Usage: painted-check.sh IMAGE   (exit 0: painted; 1: not; the figures on stdout)

set -euo pipefail
image="$1"
green="$(convert "$image" -alpha off -fuzz 2% -fill black +opaque '#00857a' \
  -fill white -opaque '#00857a' -colorspace gray -format '%[fx:mean]' info:)"
height="$(identify -format '%h' "$image")"
body="$(convert "$image" -alpha off -gravity south -crop "100%x60%+0+0" +repage \
  -colorspace gray -format '%[fx:standard_deviation]' info:)"
echo "green share $green, body variation $body (height $height)"
awk -v g="$green" -v b="$body" 'BEGIN { exit !(g >= 0.02 && b >= 0.05) }'
