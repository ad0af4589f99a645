#!/bin/sh
# Renders the app icons in web/public from SVG with headless Chromium (no ImageMagick needed).
# Run from web/: sh src/pwa/icons/make-icons.sh   (the PNGs are committed; re-run after changing favicon.svg)
set -e
here=$(cd "$(dirname "$0")" && pwd)
public=$(cd "$here/../../../public" && pwd)
tmp=$(mktemp -d)
shot() { # svg size out
  printf '<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:%spx;height:%spx}</style><img src="file://%s">' "$2" "$2" "$1" > "$tmp/page.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --default-background-color=00000000 --window-size="$2,$2" --screenshot="$public/$3" "file://$tmp/page.html" 2>/dev/null
}
shot "$public/favicon.svg" 192 icon-192.png
shot "$public/favicon.svg" 512 icon-512.png
shot "$here/maskable.svg" 512 icon-maskable-512.png # full bleed, the bubble inside the 80% safe zone
shot "$here/apple.svg" 180 apple-touch-icon.png    # opaque: iOS fills transparency with black
rm -rf "$tmp"
