#!/bin/sh
# ripple's national multipliers against numpy's dense inverse, in one run (bench/README.md,
# "economy_bench"). Ratios are numpy time / ripple time: above 1, ripple is faster.
#
# Usage: bench/economy/run.sh [BUILD_DIR] [N ...]
#   BUILD_DIR  a build with -DRIPPLE_BUILD_BENCH=ON (default build/econbench); needs economy_bench
#              and ripple in it
#   N          table sizes (default: 500 2000); tables are generated once into
#              BUILD_DIR/econbench_tables/nN by tools/gen_io_table.py (seed 1)
# REPS (environment) sets the repetitions (default 3 for N <= 1000, else 1); each figure is the
# fastest repetition.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/econbench}
[ $# -gt 0 ] && shift
sizes=${*:-500 2000}
python=/usr/bin/python3
bench=$build/bench/economy_bench
cli=$build/ripple
for exe in "$bench" "$cli"; do
  [ -x "$exe" ] || { echo "run.sh: $exe not found (build with -DRIPPLE_BUILD_BENCH=ON)" >&2; exit 2; }
done

get() { sed -n "s/^$1=//p" "$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>}"
echo "BLAS behind numpy: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo '?')"
echo "LAPACK behind numpy: $(readlink -f /usr/lib/x86_64-linux-gnu/liblapack.so.3 2>/dev/null || echo '?')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in $sizes; do
  dir=$build/econbench_tables/n$n
  [ -f "$dir/economy.yaml" ] || "$python" "$root/tools/gen_io_table.py" "$n" "$dir"
  if [ "$n" -le 1000 ]; then reps=${REPS:-3}; else reps=${REPS:-1}; fi
  "$bench" "$dir/economy.yaml" "$reps" > "$tmp/ripple"
  "$python" "$root/bench/economy/numpy_peer.py" "$dir" "$reps" > "$tmp/numpy"
  # End to end as a user runs it: read, build national + regions, print the CSV.
  /usr/bin/time -f %e -o "$tmp/cli" "$cli" multipliers "$dir/economy.yaml" --format csv > /dev/null
  r_kernel=$(get lu_solves_s "$tmp/ripple")
  r_national=$(get build_national_s "$tmp/ripple")
  r_mult=$(get multipliers_s "$tmp/ripple")
  n_inverse=$(get inverse_multipliers_s "$tmp/numpy")
  n_solve=$(get lu_solve_s "$tmp/numpy")
  echo
  echo "N = $n ($(get regions "$tmp/ripple") regions), fastest of $reps, seconds:"
  echo "  BLAS: ripple $(get blas "$tmp/ripple"); numpy $(get blas "$tmp/numpy")"
  echo "  ripple  read_economy (YAML + CSV parse)        $(get parse_s "$tmp/ripple")"
  echo "  ripple  Economy(data), national + regions      $(get build_all_s "$tmp/ripple")"
  echo "  ripple  Economy(data), national only           $r_national"
  echo "  ripple  multipliers() (national, from effects) $r_mult"
  echo "  ripple  kernel: LU(I - A) + 4 transposed solves $r_kernel"
  echo "  ripple  kernel: LU(I - A) alone                $(get lu_only_s "$tmp/ripple")"
  echo "  ripple  CLI 'multipliers --format csv', total  $(cat "$tmp/cli")"
  echo "  numpy   CSV parse (Python loop + np.array)     $(get parse_s "$tmp/numpy")"
  echo "  numpy   inv(I - A) + Type I multipliers        $n_inverse"
  echo "  numpy   solve((I - A)^T, 4 columns)            $n_solve"
  echo "  ratio numpy inverse / ripple kernel            $(ratio "$n_inverse" "$r_kernel")"
  echo "  ratio numpy inverse / ripple national model + multipliers()" \
    "$(ratio "$n_inverse" "$(awk -v a="$r_national" -v b="$r_mult" 'BEGIN { print a + b }')")"
  echo "  ratio numpy solve / ripple kernel (same algorithm) $(ratio "$n_solve" "$r_kernel")"
done
