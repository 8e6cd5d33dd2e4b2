#!/usr/bin/env bash
# Builds dist/tsreport-<version>-windows-x86_64.zip for the clerk's Windows PC: the stripped
# tsreport.exe (cross-built with mingw-w64, the `dist` profile: link-time optimised, small;
# it needs no DLL beyond Windows' own), 生成月报.bat
# (drop the exports folder onto it), 使用说明.txt and 模板.toml — from scripts/windows/.
# Installs what it needs when missing (the Rust target, mingw-w64). The same sources give the
# same zip bytes (fixed dates and order in the zip, no timestamp in the .exe).
# Usage: scripts/windows-package.sh            (exit 3: the tools could not be installed)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tsreport-target}"
target=x86_64-pc-windows-gnu
say() { echo "windows-package: $*" >&2; }

# The tools, installed only when missing.
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  rustup target add "$target" >/dev/null 2>&1 || { say "cannot install the Rust target $target"; exit 3; }
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
      --no-install-recommends gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64; } >/dev/null 2>&1 \
    || { say "cannot install mingw-w64 (gcc-mingw-w64-x86-64)"; exit 3; }
fi

# The .exe: no timestamp in its header, so a rebuild gives the same bytes.
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-C link-arg=-Wl,--no-insert-timestamp"
cargo build --profile dist --quiet --target "$target" --bin tsreport
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
name="tsreport-$version-windows-x86_64"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# Stripped by the dist profile; `strip` itself would stamp the time into the header again.
cp "$CARGO_TARGET_DIR/$target/dist/tsreport.exe" "$stage/tsreport.exe"

# The zip: entries in a fixed order under one folder, dated 1980-01-01, text files with
# Windows line ends — 使用说明.txt with a BOM (Notepad), 生成月报.bat in GBK (cmd.exe reads a
# batch file in the console's code page, 936 on a Chinese Windows).
mkdir -p dist
python3 - "$stage/tsreport.exe" "dist/$name.zip" "$name" <<'PY'
import sys, zipfile
exe, out, top = sys.argv[1:4]
def crlf(path):
    return open(path, encoding="utf-8").read().replace("\r\n", "\n").replace("\n", "\r\n")
files = [
    ("tsreport.exe", open(exe, "rb").read()),
    ("生成月报.bat", crlf("scripts/windows/生成月报.bat").encode("gbk")),
    ("使用说明.txt", b"\xef\xbb\xbf" + crlf("scripts/windows/使用说明.txt").encode("utf-8")),
    ("模板.toml", crlf("scripts/windows/模板.toml").encode("utf-8")),
]
with zipfile.ZipFile(out, "w") as z:
    for name, data in files:
        info = zipfile.ZipInfo(f"{top}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.create_system = 0
        z.writestr(info, data, compresslevel=9)
PY
size=$(du -k "$stage/tsreport.exe" | cut -f1)
echo "dist/$name.zip (tsreport.exe $((size / 1024)) MB)"
