#!/usr/bin/env bash
# A ripple sweep spread over local cores or several hosts with GNU parallel, then merged.
#
#   tools/campaign/parallel_sweep.sh [-j JOBS] [-n SHARDS] [-S SSHLOGIN]... -d DIR -- SWEEP-ARGS...
#
#   -j JOBS      shards run at once per host (default: the number of cores, parallel's 100%)
#   -n SHARDS    how many shards to cut the sweep into (default: 4 x JOBS x hosts, at most the
#                number of points): more shards than job slots balance uneven point costs
#   -S SSHLOGIN  run on this host too (GNU parallel --sshlogin: user@host, N/host for N slots,
#                ':' for this machine); repeatable. Hosts must see the same paths (a shared
#                file system) and have ripple at $RIPPLE (or on their PATH).
#   -d DIR       where shard-K.csv files, the joblog and the merged DIR/sweep.csv go
#
# SWEEP-ARGS are those of `ripple sweep` without --shard and --out: SCENARIO --vary KEY=SPEC ...
# Each shard K runs `ripple sweep SWEEP-ARGS --shard K/N --out DIR/shard-K.csv` (on one thread
# unless SWEEP-ARGS give --threads: the job slots are the parallelism); then
# `ripple merge` joins them into DIR/sweep.csv, byte-identical to the unsharded sweep.
# Exit codes: 0 ok; 2 usage; 3 (or 4) when points failed (their rows say status=error);
# 1 when a shard could not run (see DIR/joblog).
# docs/campaigns.md walks through a 10,000-point study.
set -euo pipefail

ripple=${RIPPLE:-ripple}

usage() {
  sed -n '2,20p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

die() {
  echo "parallel_sweep.sh: $*" >&2
  exit "${2:-1}"
}

jobs=""
shards=""
dir=""
logins=()
while [[ $# -gt 0 && $1 != -- ]]; do
  case $1 in
    -j) jobs=${2:-}; shift 2 ;;
    -n) shards=${2:-}; shift 2 ;;
    -S) logins+=("${2:-}"); shift 2 ;;
    -d) dir=${2:-}; shift 2 ;;
    -h | --help) usage ;;
    *) usage ;;
  esac
done
[[ ${1:-} == -- ]] || usage
shift
sweep_args=("$@")
[[ ${#sweep_args[@]} -ge 1 ]] || die "no SWEEP-ARGS after --" 2
for arg in "${sweep_args[@]}"; do
  case $arg in
    --shard | --shard=* | --out | --out=* | -o) die "SWEEP-ARGS must not contain $arg: the script sets it" 2 ;;
  esac
done
[[ -n $dir ]] || die "no output directory (-d DIR)" 2
command -v parallel >/dev/null || die "GNU parallel not found (Debian: apt-get install parallel)"
[[ -z $jobs || $jobs =~ ^[1-9][0-9]*$ ]] || die "-j JOBS must be a whole number >= 1" 2
[[ -z $shards || $shards =~ ^[1-9][0-9]*$ ]] || die "-n SHARDS must be a whole number >= 1" 2

# One shard per job slot: each shard runs on one thread unless SWEEP-ARGS choose --threads.
threads_args=(--threads 1)
for arg in "${sweep_args[@]}"; do
  case $arg in
    --threads | --threads=* | -j | -j*) threads_args=() ;;
  esac
done

# Usage and input errors show here, once, rather than in every shard.
points=$("$ripple" sweep "${sweep_args[@]}" --count)
if [[ -z $shards ]]; then
  slots=${jobs:-$(parallel --number-of-cores)}
  hosts=$((${#logins[@]} > 0 ? ${#logins[@]} : 1))
  shards=$((4 * slots * hosts))
fi
((shards <= points)) || shards=$points

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)  # absolute: remote hosts start in their home directory
rm -f "$dir"/shard-*.csv "$dir"/shard-*.csv.part "$dir/joblog"
parallel_args=(--will-cite --joblog "$dir/joblog" --halt never --quote)
[[ -n $jobs ]] && parallel_args+=(-j "$jobs")
if ((${#logins[@]} > 0)); then
  for login in "${logins[@]}"; do parallel_args+=(--sshlogin "$login"); done
  parallel_args+=(--workdir "$PWD")  # relative SWEEP-ARGS paths, as on this machine
fi

# Each shard writes shard-K.csv.part and renames it when complete (a killed shard leaves no
# file that looks whole). ripple exits 3 or 4 when some points failed but all rows were
# written: the shard is complete then, and the code is kept for the end.
set +e
# shellcheck disable=SC2016  # the single-quoted script is expanded by each shard's own sh
seq 1 "$shards" | parallel "${parallel_args[@]}" \
  sh -c 'k=$1 n=$2 d=$3; shift 3; status=0
         "$0" sweep "$@" --shard "$k/$n" --out "$d/shard-$k.csv.part" || status=$?
         case $status in 0|3|4) mv -f "$d/shard-$k.csv.part" "$d/shard-$k.csv" ;; esac
         exit $status' \
  "$ripple" "{}" "$shards" "$dir" "${sweep_args[@]}" "${threads_args[@]}"
set -e

# The joblog's 7th column is each shard's exit code.
worst=0
while read -r code; do
  case $code in
    0) ;;
    3) worst=3 ;;
    4) [[ $worst -eq 3 ]] || worst=4 ;;
    *) die "a shard failed with exit $code: see $dir/joblog and the messages above" 1 ;;
  esac
done < <(awk -F'\t' 'NR > 1 { print $7 }' "$dir/joblog")
files=()
for ((k = 1; k <= shards; k++)); do files+=("$dir/shard-$k.csv"); done
"$ripple" merge "${files[@]}" --points "$points" --out "$dir/sweep.csv"
echo "parallel_sweep.sh: $points points from $shards shards in $dir/sweep.csv" >&2
if [[ $worst -ne 0 ]]; then
  echo "parallel_sweep.sh: some points failed: rows with status=error in $dir/sweep.csv" >&2
fi
exit "$worst"
