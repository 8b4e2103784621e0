#!/usr/bin/env bash
# The sweep benchmark (bench/README.md, "Sweep"): 1,000 points of the default scenario, a
# 50 x 20 grid of Satimola's shaft sinking and Kostanay HBI's construction durations, with
# --timings (how the time splits between scenario parsing/validation, engine, ledger, economy
# and output) and /usr/bin/time (wall, CPU, peak memory).
#   bench/sweep/sweep_bench.sh [RIPPLE]      (default build/release/ripple)
set -euo pipefail
cd "$(dirname "$0")/../.."
ripple=${1:-build/release/ripple}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" \
  "$ripple" sweep scenarios/kazakhstan_2025.yaml \
  --vary "projects.satimola.phases.shaft_sinking.duration=20:69:1 months" \
  --vary "projects.kostanay_hbi.phases.construction.duration=30:49:1 months" \
  --timings --out "$out"
echo "rows: $(($(wc -l <"$out") - 1))" >&2
