#!/usr/bin/env bash
# Benchmark (not a test). On a large complaint register (ROWS rows, default 1,000,000: a
# title row, 18 columns, descriptions of 10–40 characters, ~50,000 customers, a unique
# phone per row), in two forms — inline strings (as exports stream them) and a shared-string
# table (as Excel writes when it re-saves) — each also with a backlog (OPEN_SHARE of the
# complaints open) — it times calamine merely streaming the cells
# against `tsreport check` (read + normalise) and `tsreport report` (the whole job). Then, on
# MANY files (default 24) of 50,000 rows, `report` reading them one after another
# (TSREPORT_JOBS=1) against reading them side by side (the default).
# Wall time is the best of RUNS (default 3) rounds, the commands of a round run one after
# the other so a noisy machine slows them alike; peak memory (max RSS) is the best run's.
# Each ratio is also given as the median of the rounds' own ratios, which a slow minute
# moves less than it moves a best time.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tsreport-target}"
cargo build --release --quiet --features bench --bin tsreport --bin stream_cells
bin="$CARGO_TARGET_DIR/release"
work="$CARGO_TARGET_DIR/bench-data"
runs=${RUNS:-3}
rows=${ROWS:-1000000}
many=${MANY:-24}
mkdir -p "$work"

timed() { # file to append "secs kb" to, command...
    local out=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
        echo "failed: $*" >&2; cat "$work/stderr.txt" >&2; exit 1; }
    cat "$work/time.txt" >>"$out"
}

best() { # label, file of "secs kb" lines; prints the line and sets $secs
    secs=$(sort -n "$2" | head -1 | awk '{print $1}')
    sort -n "$2" | head -1 | awk -v l="$1" '{printf "%-42s %8.2f s %6d MB\n", l, $1, $2 / 1024}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

paired() { # the median over rounds of each round's own ratio: file 2's time / file 1's
    paste -d' ' "$2" "$1" | awk '{ printf "%.4f\n", $1 / $3 }' | sort -n |
        awk '{ r[NR] = $1 } END { printf "%.2f", NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'
}

# Each form also as a register with a backlog: OPEN_SHARE (default 0.31) of its complaints
# still open, so the open list on 客诉明细 holds about 310,000 rows.
open_share=${OPEN_SHARE:-0.31}
for form in inline shared inline-backlog shared-backlog; do
    dir="$work/$rows-$form"
    file="$dir/客诉登记表_大样本.xlsx"
    if [ ! -f "$file" ]; then
        flags=()
        case "$form" in shared*) flags+=(--shared-strings) ;; esac
        case "$form" in *backlog) flags+=(--open-share "$open_share") ;; esac
        "$bin/tsreport" sample --complaints-only "${flags[@]}" --months 20 \
            --rows-per-month $((rows / 20)) --out "$dir" >/dev/null
    fi
    rm -f "$work"/t-*.txt
    for _ in $(seq "$runs"); do
        timed "$work/t-cells.txt" "$bin/stream_cells" "$file"
        timed "$work/t-check.txt" "$bin/tsreport" check "$file"
        timed "$work/t-report.txt" "$bin/tsreport" report "$file" --period 2026-10 --out "$dir/report"
    done
    echo "== $rows rows, $form strings ($(du -h "$file" | cut -f1) xlsx), best of $runs"
    best "calamine cell reader (stream only)" "$work/t-cells.txt"; cells=$secs
    best "tsreport check (read + normalise)" "$work/t-check.txt"; check=$secs
    best "tsreport report (the whole job)" "$work/t-report.txt"; report=$secs
    echo "   check / cells $(ratio "$check" "$cells"), report / cells $(ratio "$report" "$cells")"
    echo "   median of the rounds' own ratios: check / cells $(paired "$work/t-cells.txt" "$work/t-check.txt"), report / cells $(paired "$work/t-cells.txt" "$work/t-report.txt")"
done

dir="$work/many-$many"
if [ ! -d "$dir" ]; then
    "$bin/tsreport" sample --complaints-only --one-file-per-month --months "$many" \
        --rows-per-month 50000 --out "$dir" >/dev/null
fi
rm -f "$work"/t-*.txt
for _ in $(seq "$runs"); do
    timed "$work/t-one.txt" env TSREPORT_JOBS=1 "$bin/tsreport" report "$dir" --period 2026-10 --out "$work/many-one"
    timed "$work/t-side.txt" "$bin/tsreport" report "$dir" --period 2026-10 --out "$work/many-side"
done
echo "== $many files of 50,000 rows ($(du -sh "$dir" | cut -f1)), best of $runs"
best "report, files one after another" "$work/t-one.txt"; one=$secs
best "report, files side by side" "$work/t-side.txt"; side=$secs
echo "   side by side / one after another $(ratio "$side" "$one") (median of the rounds' own ratios $(paired "$work/t-one.txt" "$work/t-side.txt"))"
cmp -s <(cd "$work/many-one" && find . -type f | sort | xargs sha256sum) \
       <(cd "$work/many-side" && find . -type f | sort | xargs sha256sum) \
    && echo "   outputs byte-identical" || { echo "   outputs DIFFER" >&2; exit 1; }
