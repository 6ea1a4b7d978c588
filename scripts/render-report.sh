#!/bin/sh
# Builds the report of the example ledger and renders it the way a reader sees it:
# a PDF printed by headless Chromium (A4, the report's print style sheet), its pages as
# PNG images, and a screenshot of the first screen. Not run by `swift test`.
#
# Needs: chromium (Debian: apt-get install chromium fonts-dejavu-core), pdftoppm
# (poppler-utils).
#
# Usage: scripts/render-report.sh [LEDGER [OUTPUT-FOLDER [REPORT-OPTION…]]]
#   LEDGER         default ledgers/pacte-coteaux-aussonne.jsonl
#   OUTPUT-FOLDER  default /tmp/pacte-report (kept out of the repository)
#   REPORT-OPTION  passed to `pacte-ledger report`, e.g. --as-of 2025-08-30 --today 2025-08-30
# Environment: RESOLUTION (PNG dpi, default 60).
# Example: scripts/render-report.sh ledgers/pacte-coteaux-aussonne.jsonl /tmp/mid-signing --as-of 2025-08-30
set -eu

cd "$(dirname "$0")/.."
ledger=${1:-ledgers/pacte-coteaux-aussonne.jsonl}
out=${2:-/tmp/pacte-report}
if [ $# -gt 2 ]; then shift 2; else set --; fi
resolution=${RESOLUTION:-60}
mkdir -p "$out"

swift build --product pacte-ledger >/dev/null
binary=$(swift build --show-bin-path)/pacte-ledger

"$binary" report "$ledger" --output "$out/rapport.html" "$@"
"$binary" report "$ledger" --format markdown --output "$out/rapport.md" "$@"

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "chromium not found: install it (apt-get install chromium) to render the report" >&2
    exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags="--headless --no-sandbox --disable-gpu --user-data-dir=$profile --no-first-run --disable-extensions"

"$browser" $flags --no-pdf-header-footer --print-to-pdf="$out/rapport.pdf" "file://$(realpath "$out/rapport.html")" 2>/dev/null
"$browser" $flags --window-size=1240,1754 --screenshot="$out/screen.png" "file://$(realpath "$out/rapport.html")" 2>/dev/null

rm -f "$out"/page-*.png
pdftoppm -png -r "$resolution" "$out/rapport.pdf" "$out/page"
pages=$(ls "$out"/page-*.png | wc -l)
echo "$out/rapport.pdf: $pages page(s); PNG pages in $out/page-*.png; screenshot $out/screen.png"
