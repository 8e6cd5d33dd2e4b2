#!/usr/bin/env bash
# Makes the starting corpus of every fuzz target under fuzz/corpus/<target>/ (ignored by git):
# the shipped sample exports, the test fixtures, the inputs that once broke the reader, the
# small uncompressed workbooks of make_seeds.py, and a few lines of text for the parsers.
# Running a target grows its corpus from there. Usage: fuzz/seed-corpus.sh
set -euo pipefail
cd "$(dirname "$0")"
top=..
for t in values header csv xlsx ods xls; do mkdir -p "corpus/$t"; done

copy() { # copy FILE TARGET: the file under its content hash, as libFuzzer names inputs
  local h
  h=$(sha1sum "$1" | cut -c1-40)
  cp "$1" "corpus/$2/$h"
}

for f in "$top"/sample-data/*.xlsx; do copy "$f" xlsx; done
for f in "$top"/sample-data/*.csv; do copy "$f" csv; done
for f in "$top"/tests/fixtures/*.xls; do copy "$f" xls; done
for t in xlsx ods xls csv; do
  for f in regressions/"$t"/*; do [ -f "$f" ] && copy "$f" "$t"; done
done
seeds=$(mktemp -d)
python3 make_seeds.py "$seeds"
for t in xlsx ods; do
  for f in "$seeds/$t"/*; do [ -f "$f" ] && copy "$f" "$t"; done
done

# The parsers: dates and numbers as SPEC §2 lists them, and header rows as tab-separated lines.
i=0
for v in 2026-10-03 2026/10/3 2026.10.03 2026年10月3日 20261003 "2026-10-03 08:30" 46329 \
  "1,234.5" "12.5%" １２３ 35吨 18.6元/kg "#N/A"; do
  printf '%s' "$v" > "corpus/values/seed-$i"; i=$((i + 1))
done
printf 'XX饲料有限公司技术服务部 客诉登记表 2026年10月\n受理日期\t受理方式\t投诉编号\t客户名称\n2026-10-03\t来电\tKS-001\t张三\n合计\t\t\t\n' \
  > corpus/header/seed-register
printf '拜访日期\t技术员\t客户名称\t客户类型\n2026/10/3\t张伟\t李四\t示范户\n' > corpus/header/seed-visits
echo "corpus/: $(for t in values header csv xlsx ods xls; do printf '%s %s  ' "$t" "$(ls "corpus/$t" | wc -l)"; done)"
