#!/usr/bin/env bash
# Makes assets/fonts/NotoSansSC-GB2312.otf: Noto Sans CJK SC Regular (SIL OFL 1.1) cut to
# ASCII, GB2312 and CJK punctuation, so chart PNGs render Chinese identically on every
# machine. Needs Debian's fonts-noto-cjk and fonttools (`pip install fonttools`).
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc   # face 2 is Simplified Chinese
chars=$(mktemp)
python3 - >"$chars" <<'PY'
import sys
out = [chr(c) for c in range(0x20, 0x7F)]
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            out.append(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
out += [chr(c) for c in range(0x3000, 0x3040)]  # CJK symbols and punctuation
out += [chr(c) for c in range(0xFF00, 0xFFF0)]  # full-width forms
out += list("·–—‘’“”…‰℃№→←↑↓×÷±≤≥≠%")
sys.stdout.write("".join(out))
PY
pyftsubset "$src" --font-number=2 --text-file="$chars" \
    --output-file=assets/fonts/NotoSansSC-GB2312.otf \
    --layout-features='*' --no-hinting --name-IDs='*' --name-languages='*'
rm -f "$chars"
ls -l assets/fonts/NotoSansSC-GB2312.otf
