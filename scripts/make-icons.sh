#!/bin/sh
# Regenerates appPackage/color.png and outline.png (committed; not part of the build).
# Motif: a meeting point, six people (dots) on a ring round an «S». Needs ImageMagick 6/7
# (apt-get install imagemagick) and the DejaVu fonts.
set -eu
cd "$(dirname "$0")/../appPackage"
IM=$(command -v magick || echo /usr/bin/convert)
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

# dots CENTRE RADIUS DOT_RADIUS: six circles on a ring, the first at twelve o'clock
dots() {
  awk -v c="$1" -v r="$2" -v d="$3" 'BEGIN { for (i = 0; i < 6; i++) { a = (-90 + 60 * i) * atan2(0, -1) / 180;
    x = c + r * cos(a); y = c + r * sin(a); printf "circle %.2f,%.2f %.2f,%.2f ", x, y, x + d, y } }'
}

"$IM" -size 192x192 xc:'#0B5C6B' \
  -fill none -stroke '#3E9AA3' -strokewidth 4 -draw 'circle 96,96 148,96' \
  -stroke none -fill '#F6C445' -draw "$(dots 96 52 10)" \
  -fill white -font "$FONT" -pointsize 76 -gravity center -annotate +0+3 'S' \
  -strip PNG24:color.png

# Outline: white only, on transparent (Teams tints it).
"$IM" -size 32x32 xc:none \
  -fill none -stroke white -strokewidth 1.2 -draw 'circle 16,16 28.5,16' \
  -stroke none -fill white -draw "$(dots 16 12.5 2.5)" \
  -font "$FONT" -pointsize 16 -gravity center -annotate +0+1 'S' \
  -strip PNG32:outline.png
