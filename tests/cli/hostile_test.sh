#!/usr/bin/env bash
# Hostile and broken input (issue 12, docs/guarantees.md): results that cannot be written are
# a failure (stdout on /dev/full exits 1 for every command), and numeric options are parsed
# strictly (exit 2 naming the allowed range). Usage: hostile_test.sh RIPPLE WORKDIR
set -u
ripple=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
failures=0

# expect CODE DESCRIPTION COMMAND...: runs COMMAND, checks its exit code.
expect() {
  local want=$1 what=$2
  shift 2
  "$@" 2> "$work/stderr"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want ($*)"
    sed 's/^/  stderr: /' "$work/stderr"
    failures=$((failures + 1))
  fi
}

# expect_stderr CODE TEXT COMMAND...: as expect, and stderr contains TEXT.
expect_stderr() {
  local want=$1 text=$2
  shift 2
  expect "$want" "$text" "$@"
  if ! grep -qF -- "$text" "$work/stderr"; then
    echo "FAIL: stderr lacks '$text' ($*)"
    sed 's/^/  stderr: /' "$work/stderr"
    failures=$((failures + 1))
  fi
}

full() { "$@" > /dev/full; }

scenario=tests/data/mc/two_projects.yaml
plant=tests/data/run/one_plant.yaml
if [ -w /dev/full ]; then
  expect_stderr 1 "cannot write the results to stdout" full "$ripple" validate "$scenario"
  expect 1 "run to /dev/full" full "$ripple" run "$plant"
  expect 1 "schedule to /dev/full" full "$ripple" schedule "$scenario"
  expect 1 "multipliers to /dev/full" full "$ripple" multipliers tests/data/economy/beutel.yaml
  expect 1 "mc to /dev/full" full "$ripple" mc "$scenario" --runs 20 --out "$work/mc"
  expect 1 "compare to /dev/full" full "$ripple" compare "$scenario" "$scenario"
  expect 1 "sweep to /dev/full" full "$ripple" sweep "$scenario" --vary economy.flq_delta=0.2,0.3
  expect 1 "merge to /dev/full" full "$ripple" merge tests/data/sweep/merge/shard-1.csv \
    tests/data/sweep/merge/shard-2.csv
  expect 1 "--version to /dev/full" full "$ripple" --version
  expect 1 "--help to /dev/full" full "$ripple" run --help
else
  echo "note: /dev/full not writable here; the full-device checks are skipped"
fi

# Numeric options: negative, fractional, too large, not a number: exit 2 with the range.
expect_stderr 2 "ripple mc: --runs -1: must be a whole number from 1 to" \
  "$ripple" mc "$scenario" --runs -1
expect_stderr 2 "ripple mc: --runs 2.5: must be a whole number" "$ripple" mc "$scenario" --runs 2.5
expect_stderr 2 "ripple mc: --runs 0: must be a whole number from 1 to" \
  "$ripple" mc "$scenario" --runs 0
expect_stderr 2 "ripple mc: --seed -1: must be a whole number from 0 to 18446744073709551615" \
  "$ripple" mc "$scenario" --runs 10 --seed -1
expect_stderr 2 "ripple mc: --threads -1: must be a whole number from 1 to 1024" \
  "$ripple" mc "$scenario" --runs 10 --threads -1
expect_stderr 2 "ripple mc: --jobs-year 10000: must be a whole number from 1 to 9999" \
  "$ripple" mc "$scenario" --runs 10 --jobs-year 10000
expect_stderr 2 "ripple mc: --runs 18446744073709551615: must be a whole number from 1 to 9007199254740992" \
  "$ripple" mc "$scenario" --runs 18446744073709551615 --allow-large
expect_stderr 2 "ripple mc: 20000000 runs is more than the limit of 10000000 (a typo?); add --allow-large" \
  "$ripple" mc "$scenario" --runs 20000000
expect_stderr 2 "ripple compare: --runs -1: must be a whole number from 1 to" \
  "$ripple" compare "$scenario" "$scenario" --runs -1
expect_stderr 2 "ripple compare: --threads 0: must be a whole number from 1 to 1024" \
  "$ripple" compare "$scenario" "$scenario" --runs 5 --threads 0
expect_stderr 2 "ripple sweep: 1000000000 points is more than the limit of 10000000" \
  "$ripple" sweep "$scenario" --vary a=1:1000:1 --vary b=1:1000:1 --vary c=1:1000:1
expect_stderr 2 "--points must be a whole number >= 1, not '-1'" "$ripple" merge tests/data/sweep/merge/shard-1.csv --points -1

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all hostile-input checks passed"
