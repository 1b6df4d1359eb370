#!/usr/bin/env bash
# Render the customer's original workbook and Quire's filled copy to PNG pages, side by side in
# one folder, so a reviewer can see that only the answer cells changed (styles, fills, borders,
# merged rows, column widths intact).
#
#   scripts/render-visual.sh <original.xlsx> <filled.xlsx> [outdir]   (default outdir: out/visual)
#
# Needs LibreOffice Calc and poppler (Debian/Ubuntu): apt-get install -y libreoffice-calc poppler-utils
# Installs nothing itself.
set -euo pipefail

usage() { echo "usage: $0 <original.xlsx> <filled.xlsx> [outdir]" >&2; exit 2; }
[ $# -ge 2 ] && [ $# -le 3 ] || usage
original=$1
filled=$2
outdir=${3:-out/visual}
for f in "$original" "$filled"; do
  [ -f "$f" ] || { echo "no such file: $f" >&2; exit 2; }
done

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]}; install with: apt-get install -y libreoffice-calc poppler-utils" >&2
  exit 3
fi

mkdir -p "$outdir"
# A private LibreOffice profile: works as root / in CI and does not clash with a running instance.
profile=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$profile" "$work"' EXIT

render() { # <xlsx> <label>
  local src=$1 label=$2
  # Copy under a fixed name so both PDFs do not collide when the inputs share a basename.
  cp "$src" "$work/$label.xlsx"
  soffice -env:UserInstallation="file://$profile" --headless --calc \
    --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' --outdir "$work" "$work/$label.xlsx" >/dev/null 2>&1 || true
  if [ ! -s "$work/$label.pdf" ]; then
    echo "LibreOffice could not convert $src" >&2
    exit 1
  fi
  rm -f "$outdir/$label"-*.png
  pdftoppm -png -r 80 "$work/$label.pdf" "$outdir/$label"
}

render "$original" original
render "$filled" filled

echo "wrote to $outdir:"
ls -1 "$outdir"/original-*.png "$outdir"/filled-*.png
echo "compare original-N.png with filled-N.png page by page (hidden sheets are not rendered)."
