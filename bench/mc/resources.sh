#!/bin/sh
# Monte Carlo of a 1,000-activity network with five shared resources, beside the same network
# without resources, in one run (bench/README.md, "Monte Carlo with shared resources").
#
# Usage: bench/mc/resources.sh [RIPPLE] [RUNS]
#   RIPPLE  the ripple binary (default build/release/ripple); bench/resources_bench beside it
#           (built with RIPPLE_BUILD_BENCH, e.g. the release or ci preset) runs too when present
#   RUNS    runs per campaign (default 10000), on THREADS threads (environment, default 2)
# REPS (environment): repetitions of each campaign, the fastest is kept (default 3).
#
# Three campaigns of bench/mc/gen_network.py's network (seed 1), identical but for resources:
#   none       no resources: `ripple mc` takes the schedule kernel (CPM forward pass)
#   unlimited  five resources every phase draws on, each capacity the sum of all draws + 1: they
#              can never bind, so `ripple mc` takes the schedule kernel (resources_bench still
#              times the resource-aware kernel on it)
#   tight      the same five resources at half their peak demand (--capacity-share 0.5):
#              phases wait in every run: the resource-aware kernel
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
ripple=${1:-$root/build/release/ripple}
runs=${2:-10000}
threads=${THREADS:-2}
reps=${REPS:-3}
python=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$python" "$root/bench/mc/gen_network.py" --seed 1 "$tmp/none" > /dev/null
"$python" "$root/bench/mc/gen_network.py" --seed 1 --resources 5 --capacity-share 0 \
  "$tmp/unlimited" > /dev/null
"$python" "$root/bench/mc/gen_network.py" --seed 1 --resources 5 --capacity-share 0.5 \
  "$tmp/tight" > /dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $runs runs, $threads threads, fastest of $reps"

# Fastest of REPS of `ripple mc` (read, runs, files, statistics): "wall cpu" in seconds, CPU
# being user + system time (less sensitive than wall time to other processes on the cores).
time_mc() {
  best=
  for _ in $(seq "$reps"); do
    /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$ripple" mc "$tmp/$1/network.yaml" \
      --runs "$runs" --threads "$threads" --out "$tmp/$1.mc" > "$tmp/$1.txt" 2> /dev/null
    best=$(awk -v best="$best" '{ w = $1; c = $2 + $3 }
      END { if (best != "") { split(best, b, " "); if (b[1] < w) { w = b[1]; c = b[2] } }
            printf "%.3f %.3f", w, c }' "$tmp/time")
  done
  echo "$best"
}

# The fixed cost (reading the network, one run, statistics): CPU of a campaign of 1 run.
fixed_cpu() {
  /usr/bin/time -f "%U %S" -o "$tmp/time" "$ripple" mc "$tmp/$1/network.yaml" --runs 1 \
    --threads 1 --out "$tmp/$1.one" > /dev/null 2>&1
  awk '{ printf "%.3f", $1 + $2 }' "$tmp/time"
}

for c in none unlimited tight; do
  set -- $(time_mc "$c")
  f=$(fixed_cpu "$c")
  eval "w_$c=$1; c_$c=$2; p_$c=$(awk -v c="$2" -v f="$f" -v n="$runs" 'BEGIN { printf "%.1f", (c - f) / n * 1e6 }')"
  echo "$c: $1 s wall = $(awk -v n="$runs" -v t="$1" 'BEGIN { printf "%.0f", n / t }') runs/s;" \
    "$2 s CPU, of which $f s fixed: $(eval echo \$p_$c) us of CPU per run"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "ratio none / tight, runs/s (wall): $(ratio "$w_tight" "$w_none"); CPU per run: $(ratio "$p_tight" "$p_none") (target: at most 2)"
echo "ratio none / unlimited, runs/s (wall): $(ratio "$w_unlimited" "$w_none"); CPU per run: $(ratio "$p_unlimited" "$p_none")"
echo "ratio unlimited / tight, runs/s (wall): $(ratio "$w_tight" "$w_unlimited"); CPU per run: $(ratio "$p_tight" "$p_unlimited")"
echo "tight: resource_delays.csv"
sed 's/^/  /' "$tmp/tight.mc/resource_delays.csv"
echo "P50 finish of p01..p03, none | tight:"
for p in p01 p02 p03; do
  a=$(awk -F, -v m="$p.finish" '$1 == m { print $6 }' "$tmp/none.mc/mc_summary.csv")
  b=$(awk -F, -v m="$p.finish" '$1 == m { print $6 }' "$tmp/tight.mc/mc_summary.csv")
  echo "  $p $a | $b"
done

# The dates of one run alone, one thread, CPU time: the kernels, and the engine they replace.
bench=$(dirname "$ripple")/bench/resources_bench
if [ -x "$bench" ]; then
  echo "resources_bench (one thread, CPU time per run; items_per_second = runs/s):"
  "$bench" "$tmp/none/network.yaml" "$tmp/unlimited/network.yaml" "$tmp/tight/network.yaml" \
    --benchmark_min_time=0.5 --benchmark_format=json 2> /dev/null > "$tmp/bench.json"
  "$python" - "$tmp/bench.json" <<'PY'
import json, sys
runs = {b["name"].rsplit("/", 1)[0]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
for name, b in runs.items():
    events = f", {b['events_per_run']:,.0f} events" if "events_per_run" in b else ""
    print(f"  {name:32} {b['cpu_time'] / 1000:8.1f} us CPU per run = "
          f"{1e9 / b['cpu_time']:7,.0f} runs/s{events}")
cpu = {name: b["cpu_time"] for name, b in runs.items()}
print(f"  ratios (runs/s): kernel(none) / resource_kernel(unlimited) "
      f"{cpu['resource_kernel/unlimited'] / cpu['kernel/none']:.2f}; kernel(none) / "
      f"resource_kernel(tight) {cpu['resource_kernel/tight'] / cpu['kernel/none']:.2f}; "
      f"resource_kernel(tight) / rollout(tight) "
      f"{cpu['rollout/tight'] / cpu['resource_kernel/tight']:.2f}")
print(f"  the same durations in every run (run 0's): kernel(none) "
      f"{cpu['kernel/none_same_draw'] / cpu['kernel/none']:.2f}, resource_kernel(tight) "
      f"{cpu['resource_kernel/tight_same_draw'] / cpu['resource_kernel/tight']:.2f} of its time "
      f"with each run's own")
PY
fi
