#!/usr/bin/env bash
# Checks the Windows package under Wine (run by .ci/run): unpacks the zip scripts/windows-package.sh
# builds, runs report, check, review and export through tsreport.exe on the sample exports
# copied into a folder whose name has a space and Chinese, and compares with the Linux build's
# outputs — the brief, charts, workbooks and CSV registers byte for byte, summary.json equal but
# for the path separator — then drops the folder onto 生成月报.bat through `wine cmd /c`.
# Where the machine cannot install the Windows target, mingw-w64 or Wine, it says so in one line
# and skips (exit 0); everywhere else any difference fails it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tsreport-target}"
skip() { echo "windows-check: skipped — $*"; exit 0; }
fail() { echo "windows-check: FAILED — $*" >&2; exit 1; }

if ! command -v wine >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  { $sudo apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
         wine wine64 >/dev/null; } >/dev/null 2>&1 || skip "Wine cannot be installed here"
fi
# A Chinese Windows: Wine takes its code pages (936) from a zh_CN locale, which must exist.
if ! locale -a 2>/dev/null | grep -qiE '^zh_CN\.utf-?8$'; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  { command -v localedef >/dev/null 2>&1 || { $sudo apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq locales; }; } >/dev/null 2>&1
  $sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 >/dev/null 2>&1 \
    || skip "the zh_CN.UTF-8 locale cannot be made here"
fi
set +e
zip_line=$(scripts/windows-package.sh)
code=$?
set -e
[ $code -eq 3 ] && skip "the Windows target or mingw-w64 cannot be installed here"
[ $code -ne 0 ] && fail "scripts/windows-package.sh failed"
zip="$PWD/${zip_line%% *}"
OLDPWD_TOP=$PWD
cargo build --quiet --bin tsreport
linux="$CARGO_TARGET_DIR/debug/tsreport"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINEPREFIX="$work/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# Chinese Windows: code page 936 for the batch file, as on the clerk's PC.
export LANG=zh_CN.UTF-8
# (Python's zipfile honours the zip's UTF-8 names, as Windows' own unzip does; Info-ZIP's
# unzip reads them in the wrong code page.)
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$work/zip"
app=$(echo "$work"/zip/tsreport-*)
# Wine 8 lacks bcryptprimitives.dll (ProcessPrng, which Rust's standard library imports; Windows
# 10 and later have it): for the check only, a shim over RtlGenRandom beside the .exe.
cat >"$work/shim.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n;
    length -= n;
  }
  return TRUE;
}
C
x86_64-w64-mingw32-gcc -shared -O2 -o "$app/bcryptprimitives.dll" "$work/shim.c" -ladvapi32
wineboot -i >/dev/null 2>&1 || true

# The same inputs under a name with a space and Chinese, the same relative paths on both sides.
inputs="十月 导出"
cp -r sample-data "$work/$inputs"
cd "$work"
win() { wine "$app/tsreport.exe" "$@"; }
run_both() { # name, arguments...: runs both builds, keeping stdout and the exit code
  local name=$1; shift
  set +e
  "$linux" "$@" >"linux-$name.out" 2>"linux-$name.err"; echo $? >"linux-$name.code"
  win "$@" >"win-$name.out" 2>"win-$name.err"; echo $? >"win-$name.code"
  set -e
  cmp -s "linux-$name.code" "win-$name.code" \
    || fail "$name: exit $(cat "linux-$name.code") on Linux, $(cat "win-$name.code") on Windows: $(head -3 "win-$name.err")"
}
same_bytes() { # dir on Linux, dir on Windows[, a name pattern to leave out]
  local skip=${3:-summary.json}
  (cd "$1" && find . -type f ! -name summary.json ! -name "$skip" | sort | xargs -d '\n' sha256sum) >"$work/a.sum"
  (cd "$2" && find . -type f ! -name summary.json ! -name "$skip" | sort | xargs -d '\n' sha256sum) >"$work/b.sum"
  diff "$work/a.sum" "$work/b.sum" >/dev/null || fail "files differ between $1 and $2: $(diff "$work/a.sum" "$work/b.sum" | head -4)"
}
same_but_separators() { # file on Linux, file on Windows
  diff <(cat "$1") <(sed 's#\\\\#/#g; s#\\#/#g' "$2" | tr -d '\r') >/dev/null \
    || fail "$1 and $2 differ beyond the path separator: $(diff <(cat "$1") <(sed 's#\\\\#/#g; s#\\#/#g' "$2" | tr -d '\r') | head -4)"
}

"$linux" report "$inputs" --out "out-linux/报表 十月" >linux-report.out 2>&1 \
  || fail "report failed on Linux: $(tail -3 linux-report.out)"
win report "$inputs" --out "out-win/报表 十月" >win-report.out 2>&1 \
  || fail "report failed on Windows: $(tail -3 win-report.out)"
same_bytes "out-linux/报表 十月" "out-win/报表 十月"
same_but_separators "out-linux/报表 十月/summary.json" "out-win/报表 十月/summary.json"
echo "windows-check: report — workbook, charts, brief identical; summary.json equal but for path separators"

run_both check check "$inputs"
same_but_separators linux-check.out win-check.out
echo "windows-check: check — the same output, exit $(cat linux-check.code)"

set +e
"$linux" review "$inputs" --out "review-linux" >/dev/null 2>&1
wine "$app/tsreport.exe" review "$inputs" --out "review-win" >/dev/null 2>&1
set -e
same_bytes review-linux review-win
echo "windows-check: review — $(find review-linux -name '*.xlsx' | wc -l) workbooks identical"

for format in csv parquet; do
  "$linux" export "$inputs" --format "$format" --out "export-linux-$format" >/dev/null 2>&1
  wine "$app/tsreport.exe" export "$inputs" --format "$format" --out "export-win-$format" >/dev/null 2>&1 \
    || fail "export --format $format failed on Windows"
  for f in "export-linux-$format"/*; do
    base=$(basename "$f")
    case "$format" in
      csv) same_but_separators "$f" "export-win-$format/$base" ;;
      parquet) [ -f "export-win-$format/$base" ] || fail "export: no $base on Windows" ;;
    esac
  done
done
echo "windows-check: export — CSV registers equal but for path separators, Parquet files written"

# The batch file, as the clerk uses it: the exports folder dropped onto it.
set +e
bat=$(winepath -w "$app/生成月报.bat")
folder=$(winepath -w "$work/$inputs")
TSREPORT_NO_OPEN=1 wine cmd /c "$bat" "$folder" </dev/null >bat.out 2>bat.err
code=$?
set -e
[ $code -eq 0 ] || fail "生成月报.bat exited $code: $(head -5 bat.out bat.err)"
report=$(find "$app/reports" -name 'summary.json' | head -1)
[ -n "$report" ] || fail "生成月报.bat wrote no report under $app/reports"
# The workbook names the inputs' folder as given (here the whole path), the rest is the same.
same_bytes "out-linux/报表 十月" "$(dirname "$report")" "*.xlsx"
[ -f "$(dirname "$report")/技术服务部统计报表_2026-10.xlsx" ] || fail "生成月报.bat wrote no workbook"
echo "windows-check: 生成月报.bat — the same brief and charts, and the workbook, in reports/$(basename "$(dirname "$report")") beside the .exe"
# The package again, from the same build: the same bytes (no timestamps in the zip or .exe).
cd "$OLDPWD_TOP"
first=$(sha256sum "$zip" | cut -d' ' -f1)
scripts/windows-package.sh >/dev/null
[ "$(sha256sum "$zip" | cut -d' ' -f1)" = "$first" ] || fail "a second package differs from the first"
echo "windows-check: the package built twice is the same bytes"
echo "windows-check: passed"
