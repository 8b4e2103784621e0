#!/usr/bin/python3
"""SimPy peer of `ripple mc` on a schedule network (bench/mc/gen_network.py's network.json).

    /usr/bin/python3 bench/mc/simpy_peer.py NETWORK_JSON RUNS [SEED]

One SimPy process per activity, as a discrete-event schedule risk model is usually written:
it waits for its start predecessors (FS: their finish, SS: their start, plus the lag), works
for its sampled duration (triangular, rounded to whole days as ripple does), then waits for
its finish predecessors (FF: their finish, SF: their start, plus the lag); a milestone takes
no time. Each run also records what drove every date and walks each project's driving path
back from its last finish (criticality), and each project's finish. Prints runs/s, the
SimPy version, and each project's P50 finish (days after as_of) as a cross-check of ripple's.
Debian's python3-simpy3 (SimPy 3.0.x), run with /usr/bin/python3.
"""

import json
import math
import random
import sys
import time

import simpy


def round_half_away(x):
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))


def load(path):
    with open(path) as f:
        net = json.load(f)
    n = len(net["activities"])
    start_preds = [[] for _ in range(n)]
    finish_preds = [[] for _ in range(n)]
    for u, v, t, lag in net["links"]:
        (start_preds if t in ("FS", "SS") else finish_preds)[v].append((u, t, lag))
    return net, start_preds, finish_preds


def one_run(net, start_preds, finish_preds, rng):
    acts = net["activities"]
    n = len(acts)
    env = simpy.Environment()
    started = [env.event() for _ in range(n)]
    finished = [env.event() for _ in range(n)]
    es = [0] * n
    ef = [0] * n
    start_driver = [None] * n  # (pred, at_finish) or None (own date)
    finish_driver = [None] * n  # "own" or (pred, at_finish)

    def anchor(u, t):
        return ef[u] if t in ("FS", "FF") else es[u]

    def activity(v):
        sp = start_preds[v]
        if sp:
            yield simpy.AllOf(env, [finished[u] if t == "FS" else started[u] for u, t, _ in sp])
        start, driver = 0, None
        for u, t, lag in sp:
            c = anchor(u, t) + lag
            if c > start or (c == start and driver is None):
                start, driver = c, (u, t == "FS")
        if start > env.now:
            yield env.timeout(start - env.now)
        tri = acts[v]["tri"]
        if tri is not None:
            es[v] = start
            started[v].succeed()
        duration = 0 if tri is None else round_half_away(rng.triangular(tri[0], tri[2], tri[1]))
        if duration > 0:
            yield env.timeout(duration)
        fp = finish_preds[v]
        if fp:
            yield simpy.AllOf(env, [finished[u] if t == "FF" else started[u] for u, t, _ in fp])
        finish, fdriver = start + duration, "own"
        for u, t, lag in fp:
            c = anchor(u, t) + lag
            if c > finish:
                finish, fdriver = c, (u, t == "FF")
        if finish > env.now:
            yield env.timeout(finish - env.now)
        if tri is None and finish > start:
            start, driver = finish, fdriver
        es[v], ef[v] = start, finish
        start_driver[v], finish_driver[v] = driver, fdriver
        if not started[v].triggered:
            started[v].succeed()
        finished[v].succeed()

    # A milestone's start is only known at its finish (an FF/SF hold moves it as a whole):
    # its `started` fires with `finished`.
    for v in range(n):
        env.process(activity(v))
    env.run()

    finish_of = [0] * net["projects"]
    last = [None] * net["projects"]
    for v in range(n):
        p = acts[v]["project"]
        if last[p] is None or ef[v] > finish_of[p]:
            finish_of[p], last[p] = ef[v], v
    critical = [False] * n
    for p in range(net["projects"]):
        v, at_finish = last[p], True
        for _ in range(2 * n + 1):
            critical[v] = True
            d = finish_driver[v] if at_finish else start_driver[v]
            if d is None:
                break
            if d == "own":
                at_finish = False
                continue
            v, at_finish = d
    return finish_of, critical


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    net, start_preds, finish_preds = load(path)
    rng = random.Random(seed)
    finishes = [[] for _ in range(net["projects"])]
    counts = [0] * len(net["activities"])
    t0 = time.perf_counter()
    for _ in range(runs):
        finish_of, critical = one_run(net, start_preds, finish_preds, rng)
        for p, f in enumerate(finish_of):
            finishes[p].append(f)
        for v, c in enumerate(critical):
            counts[v] += c
    elapsed = time.perf_counter() - t0
    print(f"simpy {simpy.__version__}: {runs} runs in {elapsed:.3f} s = {runs / elapsed:.1f} runs/s")
    for p, values in enumerate(finishes):
        values.sort()
        print(f"  p{p + 1:02d} P50 finish: day {values[max(0, math.ceil(0.5 * len(values)) - 1)]}")


if __name__ == "__main__":
    main()
