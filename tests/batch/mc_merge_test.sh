#!/usr/bin/env bash
# `ripple merge` of Monte Carlo shard folders (docs/campaigns.md, docs/guarantees.md): shards of
# another campaign (fingerprint), cut or unequal per-run files and bad cells are refused with
# exit 3 at the shard file and line, and nothing is written; good shards merge into the
# unsharded folder byte for byte. Usage: mc_merge_test.sh RIPPLE WORKDIR (from the source tree).
set -u
ripple=$1
w=$2
rm -rf "$w" && mkdir -p "$w"
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# refused EXPECTED_STDERR SHARD...: the merge into $w/out exits 3 with exactly that stderr and
# writes nothing.
refused() {
  local want=$1
  shift
  "$ripple" merge "$@" --out "$w/out" > "$w/stdout" 2> "$w/stderr"
  local got=$?
  [ "$got" = 3 ] || fail "merge $*: exit $got, expected 3"
  [ "$(cat "$w/stderr")" = "$want" ] || fail "merge $*: stderr $(cat "$w/stderr"), expected $want"
  [ ! -s "$w/stdout" ] || fail "merge $*: wrote to stdout"
  [ ! -e "$w/out" ] || fail "merge $*: left $w/out"
  [ -z "$(ls -A "$w" | grep ripple-new)" ] || fail "merge $*: left its staging folder"
}

s=tests/data/mc/two_projects.yaml
mc() { "$ripple" mc "$s" --runs 20 --threads 1 "$@" > /dev/null 2>&1 || fail "mc $*"; }
mc --out "$w/whole"
mc --shard 1/2 --out "$w/s1"
mc --shard 2/2 --out "$w/s2"

# Good shards: the unsharded folder, byte for byte (mc.json with its list of files included).
"$ripple" merge "$w/s1" "$w/s2" --out "$w/merged" > /dev/null 2>&1 || fail "merge of good shards"
for f in "$w"/whole/*; do
  cmp -s "$f" "$w/merged/$(basename "$f")" || fail "merged $(basename "$f") differs"
done
[ "$(ls "$w/whole")" = "$(ls "$w/merged")" ] || fail "merged folder holds other files"

# Another campaign: a shard run with a --set (the fingerprint differs).
mc --shard 2/2 --out "$w/other" --set "calendar.seed=8"
campaign1=$(sed -n 's/^  "campaign": "\(.*\)",$/\1/p' "$w/s1/mc.json")
campaign2=$(sed -n 's/^  "campaign": "\(.*\)",$/\1/p' "$w/other/mc.json")
[ -n "$campaign1" ] && [ "$campaign1" != "$campaign2" ] || fail "fingerprints '$campaign1' '$campaign2'"
line=$(grep -n '"campaign"' "$w/other/mc.json" | cut -d: -f1)
refused "$w/other/mc.json:$line:1: error: campaign '$campaign2' differs from '$campaign1' of $w/s1/mc.json: shards of different campaigns (scenario, --set, --overlay, --runs, --seed, options or ripple version differ)" \
  "$w/s1" "$w/other"

# A per-run file cut mid-row (a shard killed while writing, or copied half-way).
cp -r "$w/s2" "$w/cut"
head -c -7 "$w/s2/mc_runs.csv" > "$w/cut/mc_runs.csv"
refused "$w/cut/mc_runs.csv:11:1: error: the last row does not end with a newline: the file was cut off (an interrupted or still running shard?)" \
  "$w/s1" "$w/cut"

# Per-run files of unequal length within a shard.
cp -r "$w/s2" "$w/short"
head -n -1 "$w/s2/mc_jobs.csv" > "$w/short/mc_jobs.csv"
refused "$w/short/mc_jobs.csv:10:1: error: has 9 runs, this shard's mc_runs.csv has 10: the shard's per-run files are of unequal length (an interrupted shard?)" \
  "$w/s1" "$w/short"

# A cell that is not a date: named at the shard's line, not the merged file's.
cp -r "$w/s2" "$w/bad"
sed -i '4s/,20\([0-9][0-9]\)-\([0-9][0-9]\),/,20x\1-\2,/' "$w/bad/mc_runs.csv"
cell=$(sed -n '4p' "$w/bad/mc_runs.csv" | grep -o '20x[0-9-]*' | head -1)
refused "$w/bad/mc_runs.csv:4:1: error: not a YYYY-MM date: '$cell'" "$w/s1" "$w/bad"

# A value that is not finite.
cp -r "$w/s2" "$w/inf"
sed -i '3s/,[0-9.]*$/,inf/' "$w/inf/mc_jobs.csv"
column=$(head -1 "$w/inf/mc_jobs.csv" | tr ',' '\n' | wc -l)
name=$(head -1 "$w/inf/mc_jobs.csv" | tr ',' '\n' | tail -1)
refused "$w/inf/mc_jobs.csv:3:1: error: column $column '$name' = 'inf': not a finite number (ripple never writes inf or nan)" \
  "$w/s1" "$w/inf"

# --out is one of the shards: a usage error, the shard untouched.
cp "$w/s1/mc.json" "$w/s1.json"
"$ripple" merge "$w/s1" "$w/s2" --out "$w/s1" > /dev/null 2> "$w/stderr"
[ $? = 2 ] || fail "merge into a shard: exit not 2"
[ "$(cat "$w/stderr")" = "ripple merge: --out $w/s1 is the shard folder $w/s1: merge into another folder (the shard would be replaced)" ] ||
  fail "merge into a shard: $(cat "$w/stderr")"
cmp -s "$w/s1.json" "$w/s1/mc.json" || fail "merge into a shard changed it"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all Monte Carlo merge checks passed"
