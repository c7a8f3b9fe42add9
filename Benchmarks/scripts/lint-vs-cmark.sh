#!/bin/sh
# Whole processes on the same generated ~10 MB guide: `rehearse lint` (read, front matter,
# libcmark's parse, the guide model, diagnostics) against the `cmark` program (libcmark's parse
# and its HTML rendering). Runs alternate, after one warm-up each; prints medians and ranges
# of wall time and peak resident memory.
# Usage: lint-vs-cmark.sh REHEARSE BENCH [RUNS]
set -eu
rehearse=$1
bench=$2
runs=${3:-9}
guide=$(mktemp /tmp/rehearse-lint-bench.XXXXXX.md)
times=$(mktemp)
trap 'rm -f "$guide" "$times" "$times".*' EXIT
"$bench" --write "$guide"
size=$(wc -c < "$guide")

# One run: "milliseconds peak-KB" on one line.
measure() {
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$times.rss" "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $(cat "$times.rss")"
}

"$rehearse" lint "$guide" > /dev/null 2>&1 || true
cmark "$guide" > /dev/null
i=0
while [ "$i" -lt "$runs" ]; do
    measure cmark "$guide" >> "$times.cmark"
    measure "$rehearse" lint "$guide" >> "$times.lint"
    i=$((i + 1))
done

# median and range of column $1 of a file
stats() {
    sort -n -k"$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END { printf "%d (%d–%d)", v[int((NR + 1) / 2)], v[1], v[NR] }'
}
median() {
    sort -n -k"$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

cmark_ms=$(median 1 "$times.cmark")
lint_ms=$(median 1 "$times.lint")
lint_kb=$(median 2 "$times.lint")
echo "Whole processes on a $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }') MB guide, medians (ranges) of $runs runs:"
echo "  cmark FILE > /dev/null:  $(stats 1 "$times.cmark") ms, peak $(stats 2 "$times.cmark") KB"
echo "  rehearse lint FILE:      $(stats 1 "$times.lint") ms, peak $(stats 2 "$times.lint") KB"
awk -v l="$lint_ms" -v c="$cmark_ms" -v k="$lint_kb" -v s="$size" 'BEGIN {
    printf "  ratio (lint / cmark):   %.2fx (goal 1.5x)\n", l / c
    printf "  lint peak memory:       %.1fx the file (goal 15x)\n", k * 1024 / s
}'
