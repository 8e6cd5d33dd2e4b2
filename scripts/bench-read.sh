#!/usr/bin/env bash
# Benchmark (not a test): on a large complaint register, calamine merely streaming the
# sheet's cells, against `tsreport check` (read + normalise) and `tsreport report` (read,
# normalise, every complaint statistic, workbook and summary.json), in one run.
# Reports wall time (best of RUNS=3, as the machine is noisy) and peak memory (max RSS)
# for each, at 100k and 1M rows.
#
#   scripts/bench-read.sh            # both sizes
#   ROWS="1000000" scripts/bench-read.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tsreport-target}"
cargo build --release --quiet --features bench --bin tsreport --bin stream_cells
bin="$CARGO_TARGET_DIR/release"
work="$CARGO_TARGET_DIR/bench-data"
mkdir -p "$work"

runs=${RUNS:-3}

measure() { # label, command... — best wall time of $runs runs, and its peak memory
    local label=$1; shift
    local best="" best_kb=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
        read -r secs kb <"$work/time.txt"
        if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; best_kb=$kb; fi
    done
    printf '%-34s %8.2f s %8d MB\n' "$label" "$best" $((best_kb / 1024))
}

for rows in ${ROWS:-100000 1000000}; do
    dir="$work/$rows"
    file="$dir/客诉登记表_大样本.xlsx"
    if [ ! -f "$file" ]; then
        "$bin/tsreport" sample --complaints-only --months 20 --rows-per-month $((rows / 20)) --out "$dir" >/dev/null
    fi
    echo "== $rows rows ($(du -h "$file" | cut -f1) xlsx, title row above the header)"
    measure "calamine cell reader (stream only)" "$bin/stream_cells" "$file"
    measure "tsreport check (read + normalise)" "$bin/tsreport" check "$file"
    measure "tsreport report (the whole job)" "$bin/tsreport" report "$file" --period 2026-10 --out "$dir/report"
done
