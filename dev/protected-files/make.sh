#!/bin/sh
# Rebuilds test/fixtures/protected/ from the example unit report (examples/xa-huong-loc.xlsx), password "abc":
#   mat-khau-libreoffice.xlsx  saved with a password by LibreOffice (an encrypted OOXML: OLE container, not a zip)
#   zip-mat-khau.xlsx          the same workbook's parts in a zip encrypted by Info-ZIP `zip -e` (ZipCrypto)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/test/fixtures/protected"
mkdir -p "$out"
/usr/bin/python3 "$here/encrypt-with-libreoffice.py" "$root/examples/xa-huong-loc.xlsx" "$out/mat-khau-libreoffice.xlsx" abc
tmp=$(mktemp -d)
(cd "$tmp" && unzip -q "$root/examples/xa-huong-loc.xlsx" && rm -f "$out/zip-mat-khau.xlsx" && zip -q -e -P abc -r "$out/zip-mat-khau.xlsx" .)
rm -rf "$tmp"
