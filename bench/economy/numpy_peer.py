#!/usr/bin/python3
"""numpy's side of bench/economy/run.sh: national Type I multipliers of a table written by
tools/gen_io_table.py, by the dense inverse L = inv(I - A) (the textbook way) and, for
reference, by ripple's own algorithm (LU solve of (I - A)^T against the four coefficient
vectors). Prints `key=seconds` lines, the minimum over the repetitions.

Usage: numpy_peer.py TABLE_DIR [REPETITIONS]
"""

import os
import sys
import time

import numpy as np


def best_of(repetitions, work):
    best = float("inf")
    result = None
    for _ in range(repetitions):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def read_table(path):
    """Z, x, D1, B1G, EMP from the generator's table.csv (plain parsing, as ripple reads it)."""
    with open(path) as f:
        header = f.readline().rstrip("\n").split(",")
        n = sum(1 for h in header if h.startswith("s") and h[1:].isdigit())
        total = header.index("total")
        z = np.empty((n, n))
        x = np.empty(n)
        rows = {}
        i = 0
        for line in f:
            fields = line.rstrip("\n").split(",")
            if i < n:
                z[i] = np.array(fields[1:n + 1], dtype=float)
                x[i] = float(fields[total])
                i += 1
            else:
                rows[fields[0]] = np.array(fields[1:n + 1], dtype=float)
    return z, x, rows["D1"], rows["B1G"], rows["EMP"]


def loaded_blas():
    """The BLAS/LAPACK libraries mapped into this process (numpy's, after it ran), resolved."""
    names = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            base = os.path.basename(path)
            if ("blas" in base or "lapack" in base) and path.startswith("/"):
                names.add(os.path.realpath(path))
    return " ".join(sorted(names)) or "?"


def main():
    table_dir = sys.argv[1]
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    parse_s, (z, x, d1, b1g, emp) = best_of(repetitions,
                                            lambda: read_table(table_dir + "/table.csv"))
    n = len(x)
    a = z / x  # A = Z diag(x)^-1: column j divided by x_j
    e, w, v = emp / x, d1 / x, b1g / x

    def by_inverse():
        leontief = np.linalg.inv(np.eye(n) - a)
        output = leontief.sum(axis=0)
        income = (w @ leontief) / w
        gva = v @ leontief
        employment = (e @ leontief) / e
        return output, income, gva, employment

    def by_solve():
        k = np.column_stack([e, w, np.ones(n), v])
        return np.linalg.solve((np.eye(n) - a).T, k)

    inverse_s, (output, income, gva, employment) = best_of(repetitions, by_inverse)
    solve_s, m = best_of(repetitions, by_solve)
    # The two ways agree (a check that both computed the same thing).
    assert np.allclose(m[:, 2], output) and np.allclose(m[:, 0] / e, employment)
    print("blas=%s" % loaded_blas())
    print("sectors=%d" % n)
    print("numpy=%s" % np.__version__)
    print("parse_s=%.6f" % parse_s)
    print("inverse_multipliers_s=%.6f" % inverse_s)
    print("lu_solve_s=%.6f" % solve_s)
    print("checksum=%.6g" % (output.sum() + gva.sum() + income[0]))


if __name__ == "__main__":
    main()
