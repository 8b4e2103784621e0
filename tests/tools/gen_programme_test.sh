#!/usr/bin/env bash
# CTest driver for tools/gen_programme.py (tests/CMakeLists.txt):
#   gen_programme_test.sh PYTHON RIPPLE WORKDIR
# Generates a small synthetic programme (30 projects, 4 regions, 12 sectors, 10 years) twice
# with one seed and checks that the files are identical (deterministic from the seed), that
# `ripple validate` prints ok, and that `ripple run` exits 0 with a TOTAL row. The full size
# (1,000 projects, 20 regions, 100 sectors, 30 years) is measured in bench/README.md.
# Exit 77 (skipped) when the python has no numpy.
set -euo pipefail

python=$1
ripple=$2
work=$3
root=$(pwd)
"$python" -c 'import numpy' 2>/dev/null || { echo "numpy missing: skipped"; exit 77; }

rm -rf "$work"
args=(--projects 30 --regions 4 --sectors 12 --years 10 --seed 7)
"$python" "$root/tools/gen_programme.py" "${args[@]}" "$work/a" >/dev/null
"$python" "$root/tools/gen_programme.py" "${args[@]}" "$work/b" >/dev/null
for f in scenario.yaml economy/economy.yaml economy/table.csv economy/regions.csv; do
  cmp "$work/a/$f" "$work/b/$f"
done

validate=$("$ripple" validate "$work/a/scenario.yaml")
if [[ "$validate" != ok ]]; then
  echo "ripple validate printed: $validate" >&2
  exit 1
fi
"$ripple" run "$work/a/scenario.yaml" --out "$work/out" >"$work/run.txt"
grep -q '^TOTAL ' "$work/run.txt" || { echo "no TOTAL row:" >&2; cat "$work/run.txt" >&2; exit 1; }
echo "gen_programme: ok"
