#!/usr/bin/env bash
# CTest driver for sweeps, shards, merge and the campaign scripts (tests/CMakeLists.txt):
#   campaign_test.sh MODE RIPPLE WORKDIR
# Every mode runs the real binary on tests/data/sweep/two_projects.yaml (12 points, one of them
# invalid on purpose in `failing`) and compares the merged result with the unsharded sweep,
# byte for byte (cmp). Modes:
#   shards        ripple sweep --shard K/N for N = 1, 3, 4 (and 12 and 13: one point per shard,
#                 an empty shard), merged with ripple merge in shuffled order
#   failing       a grid with an invalid point: every shard writes its error row, exit 3, the
#                 merge is still identical
#   parallel      tools/campaign/parallel_sweep.sh with GNU parallel (skipped, exit 77, when
#                 parallel is not installed: tools/dev deps installs it)
#   slurm         tools/campaign/slurm_sweep.sh task, run once per array task with the variables
#                 Slurm sets (ids 1..N with COUNT; ids 0..N-1 with MIN/MAX only), then merge
#   slurm-submit  slurm_sweep.sh submit with a stand-in sbatch that runs the array tasks and the
#                 dependent merge job as Slurm would
# Run from the source tree's root (CTest's WORKING_DIRECTORY).
set -euo pipefail

mode=$1
ripple=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
work=$3/$mode
root=$(pwd)
scenario=$root/tests/data/sweep/two_projects.yaml
args=("$scenario" --vary "projects.mine.phases.shafts.duration=30:42:6 months"
      --vary "economy.flq_delta=0.2,0.3" --vary "projects.smelter.phases.commissioning.duration=3 months,6 months")

rm -rf "$work"
mkdir -p "$work"
cd "$work"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

same() {  # same EXPECTED GOT: byte-identical files
  cmp "$1" "$2" || { diff "$1" "$2" | head -20 >&2; fail "$2 differs from $1"; }
}

"$ripple" sweep "${args[@]}" --out whole.csv
[[ $("$ripple" sweep "${args[@]}" --count) == 12 ]] || fail "expected 12 points"
[[ $(wc -l <whole.csv) -eq 13 ]] || fail "expected a header and 12 rows"

case $mode in
  shards)
    for n in 1 3 4 12 13; do
      files=()
      for ((k = n; k >= 1; k--)); do  # shuffled: merge sorts by index, not by file order
        "$ripple" sweep "${args[@]}" --shard "$k/$n" --out "shard-$k-of-$n.csv"
        files+=("shard-$k-of-$n.csv")
      done
      "$ripple" merge "${files[@]}" --points 12 --out "merged-$n.csv"
      same whole.csv "merged-$n.csv"
      "$ripple" merge "${files[@]}" >"merged-$n-stdout.csv"
      same whole.csv "merged-$n-stdout.csv"
    done
    # A missing shard is refused, naming the missing index and the files around it.
    status=0
    "$ripple" merge shard-1-of-3.csv shard-3-of-3.csv --out refused.csv 2>refused.err || status=$?
    [[ $status -eq 3 ]] || fail "merge without shard 2/3 exited $status, not 3"
    grep -q "index 1 is missing" refused.err || fail "no 'index 1 is missing' in: $(cat refused.err)"
    [[ ! -e refused.csv ]] || fail "a refused merge wrote its output"
    # Shard 12/13 has index 11 only; without it, only --points catches the loss.
    files=()
    for ((k = 1; k <= 11; k++)); do files+=("shard-$k-of-13.csv"); done
    status=0
    "$ripple" merge "${files[@]}" --points 12 >/dev/null 2>refused.err || status=$?
    [[ $status -eq 3 ]] || fail "merge without the last index exited $status, not 3"
    grep -q "index.* 11 .*missing\|indices 11 to 11 are missing" refused.err ||
      fail "unexpected message: $(cat refused.err)"
    ;;
  failing)
    bad=("$scenario" --vary "projects.mine.phases.shafts.duration=30 months,-1 months,42 months"
         --vary "economy.flq_delta=0.2,0.3")
    status=0
    "$ripple" sweep "${bad[@]}" --out bad-whole.csv 2>bad.err || status=$?
    [[ $status -eq 3 ]] || fail "a sweep with invalid points exited $status, not 3"
    grep -q "point 2 (projects.mine.phases.shafts.duration=-1 months, economy.flq_delta=0.2) failed" bad.err ||
      fail "no report of point 2 in: $(cat bad.err)"
    [[ $(grep -c ',error,' bad-whole.csv) -eq 2 ]] || fail "expected 2 error rows"
    [[ $(wc -l <bad-whole.csv) -eq 7 ]] || fail "expected all 6 rows"
    files=()
    for k in 1 2 3 4; do
      "$ripple" sweep "${bad[@]}" --shard "$k/4" --out "bad-$k.csv" 2>/dev/null || true
      files+=("bad-$k.csv")
    done
    "$ripple" merge "${files[@]}" --out bad-merged.csv
    same bad-whole.csv bad-merged.csv
    ;;
  parallel)
    command -v parallel >/dev/null || { echo "GNU parallel is not installed: skipped" >&2; exit 77; }
    RIPPLE=$ripple "$root/tools/campaign/parallel_sweep.sh" -j 2 -n 5 -d par -- "${args[@]}"
    same whole.csv par/sweep.csv
    # Default shard count and the local machine as an explicit --sshlogin ':'.
    RIPPLE=$ripple "$root/tools/campaign/parallel_sweep.sh" -j 2 -S : -d par-default -- "${args[@]}"
    same whole.csv par-default/sweep.csv
    ;;
  slurm)
    script=$root/tools/campaign/slurm_sweep.sh
    for n in 1 3 4; do
      for ((k = 1; k <= n; k++)); do  # sbatch --array=1-N: ids 1..N, COUNT, MIN, MAX
        env SLURM_ARRAY_JOB_ID=4242 SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_COUNT=$n \
          SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=$n RIPPLE="$ripple" \
          "$script" task "slurm-$n" -- "${args[@]}"
      done
      RIPPLE=$ripple "$script" merge -n "$n" -d "slurm-$n" -- "${args[@]}"
      same whole.csv "slurm-$n/sweep.csv"
    done
    # --array=0-3 on a Slurm without SLURM_ARRAY_TASK_COUNT: ids 0..3, MIN and MAX only.
    for id in 3 2 1 0; do
      env -u SLURM_ARRAY_TASK_COUNT SLURM_ARRAY_TASK_ID=$id SLURM_ARRAY_TASK_MIN=0 \
        SLURM_ARRAY_TASK_MAX=3 RIPPLE="$ripple" "$script" task slurm-zero -- "${args[@]}"
    done
    RIPPLE=$ripple "$script" merge -n 4 -d slurm-zero -- "${args[@]}"
    same whole.csv slurm-zero/sweep.csv
    # A task outside an array is a usage error.
    status=0
    env -u SLURM_ARRAY_TASK_ID "$script" task x -- "${args[@]}" 2>/dev/null || status=$?
    [[ $status -eq 2 ]] || fail "a task without SLURM_ARRAY_TASK_ID exited $status, not 2"
    ;;
  slurm-submit)
    # A stand-in sbatch: runs `--array=1-N` jobs task by task with Slurm's variables, and
    # dependent jobs after them, then prints a job id as `sbatch --parsable` does.
    mkdir -p bin
    cat >bin/sbatch <<'SBATCH'
#!/usr/bin/env bash
set -euo pipefail
array="" deps=""
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --array=*) array=${1#--array=} ;;
    --dependency=*) deps=${1#--dependency=} ;;
  esac
  echo "$1" >>"$SBATCH_LOG"
  shift
done
job=$((1000 + $(wc -l <"$SBATCH_LOG")))
if [[ -n $deps ]]; then
  [[ $deps == afterok:* ]] || { echo "unexpected dependency $deps" >&2; exit 1; }
fi
if [[ -n $array ]]; then
  lo=${array%-*} hi=${array#*-}
  for ((id = lo; id <= hi; id++)); do
    SLURM_ARRAY_JOB_ID=$job SLURM_ARRAY_TASK_ID=$id SLURM_ARRAY_TASK_COUNT=$((hi - lo + 1)) \
      SLURM_ARRAY_TASK_MIN=$lo SLURM_ARRAY_TASK_MAX=$hi SLURM_JOB_ID=$job "$@"
  done
else
  SLURM_JOB_ID=$job "$@"
fi
echo "$job"
SBATCH
    chmod +x bin/sbatch
    export SBATCH_LOG=$PWD/sbatch.log
    : >"$SBATCH_LOG"
    PATH=$PWD/bin:$PATH RIPPLE=$ripple "$root/tools/campaign/slurm_sweep.sh" submit -n 4 \
      -d submitted -- "${args[@]}" >submit.out
    grep -q -- "--array=1-4" sbatch.log || fail "no --array=1-4 in: $(cat sbatch.log)"
    grep -q -- "--dependency=afterok:" sbatch.log || fail "no afterok dependency: $(cat sbatch.log)"
    grep -q "merge job" submit.out || fail "unexpected: $(cat submit.out)"
    same whole.csv submitted/sweep.csv
    ;;
  *)
    fail "unknown mode $mode"
    ;;
esac
echo "ok: $mode"
