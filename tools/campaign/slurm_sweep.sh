#!/usr/bin/env bash
# A ripple sweep as a Slurm job array: one array task per shard, then a merge job.
#
#   tools/campaign/slurm_sweep.sh submit -n N -d DIR [-s "SBATCH OPTIONS"] -- SWEEP-ARGS...
#       submits the array (sbatch --array=1-N this script task DIR -- ...) and a merge job that
#       runs after all tasks succeeded (--dependency=afterok:JOBID); prints both job ids.
#   sbatch --array=1-N tools/campaign/slurm_sweep.sh task DIR -- SWEEP-ARGS...
#       one array task: shard K/N from SLURM_ARRAY_TASK_ID and the array's size
#       (SLURM_ARRAY_TASK_COUNT, or SLURM_ARRAY_TASK_MAX - SLURM_ARRAY_TASK_MIN + 1); K counts
#       from 1 whatever the first task id (--array=0-7 works too). Writes DIR/shard-K.csv.
#   tools/campaign/slurm_sweep.sh merge -n N -d DIR -- SWEEP-ARGS...
#       joins DIR/shard-1.csv .. DIR/shard-N.csv into DIR/sweep.csv (ripple merge, checked
#       against the grid's point count), byte-identical to an unsharded `ripple sweep`.
#
# SWEEP-ARGS are those of `ripple sweep` without --shard and --out: SCENARIO --vary KEY=SPEC ...
# Give paths that the compute nodes see (a shared file system). The ripple binary is $RIPPLE,
# else `ripple` on the PATH. sbatch passes the environment on (--export=ALL is its default).
#
# A task whose sweep has failing points (ripple exit 3 or 4) still wrote all its rows: it
# exits 0 so that the merge runs, and leaves the code in DIR/shard-K.status; the merge job
# exits 3 (or 4) when a shard had failing points. Rows are written to shard-K.csv.part and
# renamed when complete, so a task killed at its time limit leaves no file that looks whole.
# Exit codes: 0 ok; 2 usage; 3/4 failing points (merge); 1 anything else.
# docs/campaigns.md walks through a 10,000-point study.
#SBATCH --job-name=ripple-sweep
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
set -euo pipefail

ripple=${RIPPLE:-ripple}

usage() {
  sed -n '2,30p' "${BASH_SOURCE[0]}" >&2 2>/dev/null || true
  echo "usage: slurm_sweep.sh submit|task|merge ... -- SWEEP-ARGS" >&2
  exit 2
}

die() {
  echo "slurm_sweep.sh: $*" >&2
  exit "${2:-1}"
}

mode=${1:-}
[[ -n $mode ]] || usage
shift
shards=""
dir=""
sbatch_options=""
if [[ $mode == task ]]; then
  [[ $# -ge 1 ]] || usage
  dir=$1
  shift
fi
while [[ $# -gt 0 && $1 != -- ]]; do
  case $1 in
    -n) shards=${2:-}; shift 2 ;;
    -d) dir=${2:-}; shift 2 ;;
    -s) sbatch_options=${2:-}; shift 2 ;;
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

check_shards() {
  [[ $shards =~ ^[1-9][0-9]*$ ]] || die "-n N must be a whole number >= 1, not '$shards'" 2
}

case $mode in
  task)
    id=${SLURM_ARRAY_TASK_ID:-}
    [[ $id =~ ^[0-9]+$ ]] || die "SLURM_ARRAY_TASK_ID is not set: submit with sbatch --array=1-N" 2
    min=${SLURM_ARRAY_TASK_MIN:-1}
    if [[ -n ${SLURM_ARRAY_TASK_COUNT:-} ]]; then
      count=$SLURM_ARRAY_TASK_COUNT
    elif [[ -n ${SLURM_ARRAY_TASK_MAX:-} ]]; then
      count=$((SLURM_ARRAY_TASK_MAX - min + 1))
    else
      die "neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX is set" 2
    fi
    if [[ -n ${SLURM_ARRAY_TASK_MAX:-} && $((SLURM_ARRAY_TASK_MAX - min + 1)) -ne $count ]]; then
      die "the array must be contiguous (--array=1-N, no step or list): min $min, max $SLURM_ARRAY_TASK_MAX, count $count" 2
    fi
    k=$((id - min + 1))
    mkdir -p "$dir"
    status=0
    # The task's CPUs, not the node's cores (ripple's default), unless SWEEP-ARGS choose.
    threads_args=(--threads "${SLURM_CPUS_PER_TASK:-1}")
    for arg in "${sweep_args[@]}"; do
      case $arg in
        --threads | --threads=* | -j | -j*) threads_args=() ;;
      esac
    done
    "$ripple" sweep "${sweep_args[@]}" "${threads_args[@]}" --shard "$k/$count" \
      --out "$dir/shard-$k.csv.part" || status=$?
    echo "$status" >"$dir/shard-$k.status"
    case $status in
      0 | 3 | 4)
        mv -f "$dir/shard-$k.csv.part" "$dir/shard-$k.csv"
        [[ $status -eq 0 ]] || echo "slurm_sweep.sh: shard $k/$count has failing points (exit $status)" >&2
        exit 0
        ;;
      *) die "shard $k/$count failed (ripple exit $status)" "$status" ;;
    esac
    ;;
  merge)
    check_shards
    files=()
    worst=0
    for ((k = 1; k <= shards; k++)); do
      [[ -f $dir/shard-$k.csv ]] || die "missing $dir/shard-$k.csv: did array task $k fail?" 3
      files+=("$dir/shard-$k.csv")
      if [[ -f $dir/shard-$k.status ]]; then
        s=$(<"$dir/shard-$k.status")
        if [[ $s == 3 ]]; then worst=3; elif [[ $s == 4 && $worst == 0 ]]; then worst=4; fi
      fi
    done
    points=$("$ripple" sweep "${sweep_args[@]}" --count)
    "$ripple" merge "${files[@]}" --points "$points" --out "$dir/sweep.csv"
    echo "slurm_sweep.sh: $points points from $shards shards in $dir/sweep.csv" >&2
    if [[ $worst -ne 0 ]]; then
      echo "slurm_sweep.sh: some points failed: rows with status=error in $dir/sweep.csv" >&2
    fi
    exit "$worst"
    ;;
  submit)
    check_shards
    command -v sbatch >/dev/null || die "sbatch not found: submit from a Slurm login node" 1
    # Fail early (usage or input errors) rather than in N array tasks.
    points=$("$ripple" sweep "${sweep_args[@]}" --count)
    ((shards <= points)) || die "$shards shards for $points points: use -n $points or fewer" 2
    mkdir -p "$dir"
    self=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
    read -r -a extra <<<"$sbatch_options"
    array_id=$(sbatch --parsable "${extra[@]}" --array="1-$shards" --output="$dir/slurm-%A_%a.out" \
      "$self" task "$dir" -- "${sweep_args[@]}")
    array_id=${array_id%%;*}
    merge_id=$(sbatch --parsable "${extra[@]}" --dependency="afterok:$array_id" \
      --job-name=ripple-merge --output="$dir/slurm-merge-%j.out" \
      "$self" merge -n "$shards" -d "$dir" -- "${sweep_args[@]}")
    merge_id=${merge_id%%;*}
    echo "array job $array_id ($shards tasks, $points points), merge job $merge_id -> $dir/sweep.csv"
    ;;
  *) usage ;;
esac
