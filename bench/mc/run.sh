#!/bin/sh
# Monte Carlo of a 1,000-activity schedule network: ripple against SimPy 3, in one run
# (bench/README.md, "Monte Carlo of a 1,000-activity network").
#
# Usage: bench/mc/run.sh [RIPPLE] [RUNS] [SIMPY_RUNS]
#   RIPPLE      the ripple binary (default build/release/ripple)
#   RUNS        ripple's runs (default 10000), on THREADS threads (environment, default 2)
#   SIMPY_RUNS  the SimPy peer's runs (default 100)
# OLD_RIPPLE (environment): another ripple binary timed on the same network, e.g. main's.
# REPS (environment): ripple repetitions, the fastest is kept (default 3).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
ripple=${1:-$root/build/release/ripple}
runs=${2:-10000}
simpy_runs=${3:-100}
threads=${THREADS:-2}
reps=${REPS:-3}
python=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$python" "$root/bench/mc/gen_network.py" --activities 1000 --projects 10 --seed 1 "$tmp/net"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

# Fastest of REPS: wall seconds of `ripple mc` (read, runs, files, statistics).
time_ripple() {
  best=
  for _ in $(seq "$reps"); do
    start=$(date +%s.%N)
    "$1" mc "$tmp/net/network.yaml" --runs "$runs" --threads "$threads" --out "$tmp/mc" \
      > "$tmp/mc.txt" 2> /dev/null
    end=$(date +%s.%N)
    best=$(awk -v a="$start" -v b="$end" -v best="$best" \
      'BEGIN { t = b - a; if (best == "" || t < best) best = t; printf "%.3f", best }')
  done
  echo "$best"
}

t_ripple=$(time_ripple "$ripple")
ripple_rate=$(awk -v n="$runs" -v t="$t_ripple" 'BEGIN { printf "%.0f", n / t }')
echo "ripple mc: $runs runs, $threads threads: $t_ripple s = $ripple_rate runs/s"
sed -n '/^Finish/,/^$/p' "$tmp/mc.txt" | sed -n '3,5p' | sed 's/^/  /'

"$python" "$root/bench/mc/simpy_peer.py" "$tmp/net/network.json" "$simpy_runs" > "$tmp/simpy.txt"
head -1 "$tmp/simpy.txt"
simpy_rate=$(sed -n '1s/.* = \([0-9.]*\) runs\/s/\1/p' "$tmp/simpy.txt")
echo "ratio ripple / SimPy (runs/s): $(awk -v a="$ripple_rate" -v b="$simpy_rate" 'BEGIN { printf "%.0f", a / b }')"
echo "P50 finish, days after as_of (ripple | SimPy, different random streams):"
sed -n 's/^  \(p[0-9]*\) P50 finish: day \([0-9]*\)/\1 \2/p' "$tmp/simpy.txt" > "$tmp/simpy_p50"
awk -F, 'NR > 1 && $1 ~ /\.finish$/ { print $1, $6 }' "$tmp/mc/mc_summary.csv" |
  while read -r metric date; do
    project=${metric%.finish}
    days=$(( ($(date -d "$date" +%s) - $(date -d 2026-01-01 +%s)) / 86400 ))
    echo "  $project $days | $(awk -v p="$project" '$1 == p { print $2 }' "$tmp/simpy_p50")"
  done

if [ -n "${OLD_RIPPLE:-}" ]; then
  t_old=$(time_ripple "$OLD_RIPPLE")
  echo "OLD_RIPPLE mc: $t_old s = $(awk -v n="$runs" -v t="$t_old" 'BEGIN { printf "%.0f", n / t }') runs/s;" \
    "ratio $(awk -v a="$t_old" -v b="$t_ripple" 'BEGIN { printf "%.1f", a / b }')"
fi
