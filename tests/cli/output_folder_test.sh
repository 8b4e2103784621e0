#!/usr/bin/env bash
# Output folders and files are written whole or not at all (docs/guarantees.md, "Interrupted
# and failed runs"): a re-run replaces ripple's own files, a folder holding other files is
# refused (exit 1) unless --force, and a run that fails or is killed leaves the folder as it
# was. Usage: output_folder_test.sh RIPPLE WORKDIR (run from the source tree).
set -u
ripple=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect CODE DESCRIPTION COMMAND...: runs COMMAND, checks its exit code.
expect() {
  local want=$1 what=$2
  shift 2
  "$@" > "$work/stdout" 2> "$work/stderr"
  local got=$?
  if [ "$got" != "$want" ]; then
    fail "$what: exit $got, expected $want ($*)"
    sed 's/^/  stderr: /' "$work/stderr"
  fi
}

# listing DIR: the folder's entries, hidden ones too, one line.
listing() { (cd "$1" && ls -A | tr '\n' ' '); }

# kill_after_1s COMMAND...: runs COMMAND and kills it (SIGKILL: no clean-up) after a second.
kill_after_1s() { timeout -s KILL 1 "$@" > /dev/null 2>&1 || true; }

plant=tests/data/run/one_plant.yaml
mc=tests/data/mc/two_projects.yaml

# 1. A run written twice into one folder: the second replaces the first, no --force needed,
#    nothing left beside it.
expect 0 "first run" "$ripple" run "$plant" --out "$work/run"
expect 0 "second run into the same folder" "$ripple" run "$plant" --out "$work/run"
[ "$(listing "$work/run")" = "run.json schedule.csv summary.csv timeseries.csv " ] ||
  fail "run folder holds: $(listing "$work/run")"
[ "$(listing "$work")" = "run stderr stdout " ] || fail "beside the run folder: $(listing "$work")"

# 2. A picture drawn into it (tools/ripple-plot) counts as ripple's own: no refusal, and the
#    new run replaces it with the rest (it showed the earlier run).
touch "$work/run/gantt.png"
expect 0 "run into a folder with ripple's own pictures" "$ripple" run "$plant" --out "$work/run"
[ ! -e "$work/run/gantt.png" ] || fail "the earlier run's picture is still there"

# 3. A file ripple did not write: refused, exit 1, named; nothing changes.
echo "my notes" > "$work/run/notes.txt"
before=$(cat "$work/run/summary.csv")
expect 1 "run into a folder with a foreign file" "$ripple" run "$plant" --out "$work/run" \
  --set "projects.plant.phases.build.duration=24 months"
grep -qxF "cannot write into $work/run: it holds files that are not ripple's own output: notes.txt (write into a new or empty folder, or one holding ripple's earlier output of the same kind; --force writes beside these files and keeps them)" "$work/stderr" ||
  fail "refusal message: $(cat "$work/stderr")"
[ "$(cat "$work/run/summary.csv")" = "$before" ] || fail "a refused run changed summary.csv"

# 4. --force writes beside it and keeps it.
expect 0 "run --force" "$ripple" run "$plant" --out "$work/run" --force \
  --set "projects.plant.phases.build.duration=24 months"
[ "$(cat "$work/run/notes.txt")" = "my notes" ] || fail "--force lost notes.txt"
[ "$(cat "$work/run/summary.csv")" != "$before" ] || fail "--force did not write the new run"
[ "$(listing "$work/run")" = "notes.txt run.json schedule.csv summary.csv timeseries.csv " ] ||
  fail "forced run folder holds: $(listing "$work/run")"

# 5. A campaign is not replaced by a run (another kind of output), nor a run by a campaign.
expect 0 "mc" "$ripple" mc "$mc" --runs 20 --threads 1 --out "$work/mc"
expect 1 "run into a Monte Carlo folder" "$ripple" run "$plant" --out "$work/mc"
grep -qF "not ripple's own output: criticality.csv, mc.json," "$work/stderr" ||
  fail "run into mc folder: $(cat "$work/stderr")"
expect 0 "mc again into its own folder" "$ripple" mc "$mc" --runs 20 --threads 1 --out "$work/mc"

# 6. A run that fails (exit 4: a date past 9999) leaves the earlier run as it was.
cp "$work/run/summary.csv" "$work/summary.before"
expect 4 "a failing run" "$ripple" run tests/data/model/date_past_9999.yaml --out "$work/run" \
  --force
cmp -s "$work/summary.before" "$work/run/summary.csv" || fail "a failed run changed the folder"
[ -z "$(ls -A "$work" | grep ripple-new)" ] || fail "a failed run left its staging: $(listing "$work")"

# 7. A campaign killed mid-way: the earlier campaign's folder is intact, the new one never
#    appears, and the next run needs no --force.
cp "$work/mc/mc.json" "$work/mc.json.before"
kill_after_1s "$ripple" mc scenarios/kazakhstan_2025.yaml --runs 2000000 --threads 1 \
  --out "$work/mc"
cmp -s "$work/mc.json.before" "$work/mc/mc.json" || fail "a killed campaign changed mc.json"
kill_after_1s "$ripple" mc scenarios/kazakhstan_2025.yaml --runs 2000000 --threads 1 \
  --out "$work/mc_new"
[ ! -e "$work/mc_new" ] || fail "a killed campaign left a folder that looks written"
expect 0 "mc after a killed one" "$ripple" mc "$mc" --runs 20 --threads 1 --out "$work/mc_new"

# 8. A sweep file killed mid-way keeps the earlier file.
expect 0 "sweep" "$ripple" sweep "$plant" --vary "projects.plant.phases.build.duration=12 months,24 months" \
  --out "$work/sweep.csv"
cp "$work/sweep.csv" "$work/sweep.before"
kill_after_1s "$ripple" sweep scenarios/kazakhstan_2025.yaml \
  --vary "economy.flq_delta=0:0.9:0.00001" --out "$work/sweep.csv" 
cmp -s "$work/sweep.before" "$work/sweep.csv" || fail "a killed sweep changed its file"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all output folder checks passed"
