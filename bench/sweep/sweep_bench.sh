#!/usr/bin/env bash
# The sweep benchmark (bench/README.md, "Sweep"): 1,000 points of the default scenario, a
# 50 x 20 grid of Satimola's shaft sinking and Kostanay HBI's construction durations, run in the
# same session by the re-read path (--reread: the scenario cloned and validated per point, the
# path of structural keys and of ripple before the direct path) and by the direct path, on 1
# and 2 threads. Rounds are interleaved; each configuration reports the median of its rounds
# (points/s from its own --timings line, which also splits the time by step), and the ratios
# are taken between those medians. The outputs of all runs are checked byte-identical.
#   bench/sweep/sweep_bench.sh [RIPPLE] [ROUNDS]     (default build/release/ripple, 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/../.."
ripple=${1:-build/release/ripple}
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
configs=("reread 1" "direct 1" "reread 2" "direct 2")
for ((r = 1; r <= rounds; r++)); do
  for c in "${configs[@]}"; do
    read -r path threads <<<"$c"
    extra=()
    [[ $path == reread ]] && extra=(--reread)
    /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" -o "$work/time" \
      "$ripple" sweep scenarios/kazakhstan_2025.yaml \
      --vary "projects.satimola.phases.shaft_sinking.duration=20:69:1 months" \
      --vary "projects.kostanay_hbi.phases.construction.duration=30:49:1 months" \
      --timings --threads "$threads" "${extra[@]}" --out "$work/$path-$threads.csv" \
      2>"$work/timings"
    rate=$(sed -n 's/.*points in .* s (\([0-9.]*\) points\/s).*/\1/p' "$work/timings")
    echo "$rate" >>"$work/rates-$path-$threads"
    if ((r == rounds)); then
      echo "== $path, $threads thread(s), last round: $(cat "$work/time")"
      cat "$work/timings"
    fi
  done
done
for c in "${configs[@]}"; do
  read -r path threads <<<"$c"
  cmp "$work/reread-1.csv" "$work/$path-$threads.csv"
done
echo "rows: $(($(wc -l <"$work/direct-2.csv") - 1)), byte-identical in all configurations"
median() { sort -g "$1" | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
declare -A m
for c in "${configs[@]}"; do
  read -r path threads <<<"$c"
  m[$path$threads]=$(median "$work/rates-$path-$threads")
  echo "median points/s over $rounds rounds: $path, $threads thread(s): ${m[$path$threads]}" \
    "(rounds: $(paste -sd' ' "$work/rates-$path-$threads"))"
done
awk -v r1="${m[reread1]}" -v d1="${m[direct1]}" -v r2="${m[reread2]}" -v d2="${m[direct2]}" 'BEGIN {
  printf "direct / re-read, 1 thread: %.1fx; 2 threads: %.1fx\n", d1 / r1, d2 / r2
  printf "2 threads / 1 thread: direct %.2fx, re-read %.2fx\n", d2 / d1, r2 / r1
}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
