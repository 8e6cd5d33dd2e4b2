#!/usr/bin/env bash
# Benchmark (not a test): on a large complaint register, calamine merely streaming the
# sheet's cells, against `tsreport check` (read + normalise) and `tsreport report` (read,
# normalise, every complaint statistic, workbook and summary.json), in one run.
# Wall time is the best of RUNS (default 3) rounds, each round running the three commands
# one after the other, so that a noisy machine slows all three alike; peak memory (max RSS)
# is that of the best run. Sizes: ROWS (default "100000 1000000").
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tsreport-target}"
cargo build --release --quiet --features bench --bin tsreport --bin stream_cells
bin="$CARGO_TARGET_DIR/release"
work="$CARGO_TARGET_DIR/bench-data"
runs=${RUNS:-3}
mkdir -p "$work"

timed() { # file to append "secs kb" to, command...
    local out=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
        echo "failed: $*" >&2; cat "$work/stderr.txt" >&2; exit 1; }
    cat "$work/time.txt" >>"$out"
}

best() { # label, file of "secs kb" lines
    sort -n "$2" | head -1 | awk -v l="$1" '{printf "%-36s %8.2f s %8d MB\n", l, $1, $2 / 1024}'
}

for rows in ${ROWS:-100000 1000000}; do
    dir="$work/$rows"
    file="$dir/客诉登记表_大样本.xlsx"
    if [ ! -f "$file" ]; then
        "$bin/tsreport" sample --complaints-only --months 20 --rows-per-month $((rows / 20)) --out "$dir" >/dev/null
    fi
    rm -f "$work"/t-*.txt
    for _ in $(seq "$runs"); do
        timed "$work/t-cells.txt" "$bin/stream_cells" "$file"
        timed "$work/t-check.txt" "$bin/tsreport" check "$file"
        timed "$work/t-report.txt" "$bin/tsreport" report "$file" --period 2026-10 --out "$dir/report"
    done
    echo "== $rows rows ($(du -h "$file" | cut -f1) xlsx, title row above the header), best of $runs"
    best "calamine cell reader (stream only)" "$work/t-cells.txt"
    best "tsreport check (read + normalise)" "$work/t-check.txt"
    best "tsreport report (the whole job)" "$work/t-report.txt"
done
