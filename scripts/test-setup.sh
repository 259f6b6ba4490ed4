#!/usr/bin/env bash
# First step of `npm test`: the system programs the real tests open, beyond npm.
# Chromium drives the task pane (playwright-core); LibreOffice (Writer, Calc)
# and poppler open the .docx and .xlsx files we write and render page 1;
# xmllint (libxml2-utils) validates manifest.xml against Microsoft's XSDs;
# fonts-liberation gives LibreOffice Times New Roman's metrics for page layout.
# Installed with apt-get when this runs as root on Debian/Ubuntu (as .ci/run
# does); otherwise it stops at once with the one line to run.
set -euo pipefail

packages=(chromium libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation libxml2-utils)

if ! command -v dpkg-query >/dev/null 2>&1; then
  # Not Debian: the programs themselves must be on PATH (Chromium at /usr/bin/chromium or CHROMIUM_PATH).
  missing=()
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler)
  command -v xmllint >/dev/null 2>&1 || missing+=(xmllint)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Kiểm thử cần các chương trình: ${missing[*]}. Hãy cài chúng (trên Debian/Ubuntu: apt-get install -y ${packages[*]}) rồi chạy lại npm test." >&2
    exit 1
  fi
  exit 0
fi

need=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Cài đặt gói hệ thống cho kiểm thử: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi

echo "Kiểm thử cần gói hệ thống chưa có: ${need[*]}. Chạy một lần rồi chạy lại npm test:" >&2
echo "  sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
exit 1
