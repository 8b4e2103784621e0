#!/usr/bin/python3
"""Write a random schedule network for the Monte Carlo benchmark (bench/README.md).

    bench/mc/gen_network.py [--activities N] [--projects P] [--seed S]
                            [--resources K [--capacity-share X]] OUTDIR

OUTDIR receives:
  network.yaml  a ripple scenario: P projects of N / P activities each (about 1 in 25 a
                milestone), no economy, no capex, no capacity: a plain schedule network.
                Each activity depends on 1-3 of the 8 activities declared before it in its
                project, and about 2% of the activities also on an activity of an earlier
                project (so the graph is acyclic). Links are FS (70%), SS (15%), FF (10%) and
                SF (5%) with lags in days; durations are triangular in days (mode 5-60 days,
                low 70-95% of the mode, high 120-200%). Each project's target is the month of
                its finish with every duration at its mean, each milestone a target day (unless
                --no-milestone-targets).
                With --resources K: K shared resources r1..rK (workers) and every phase
                (not the milestones) draws 10-50 of one of them, chosen at random from a
                stream of its own, so the network's activities, durations and links are the
                ones written without --resources. Each resource's capacity is X (default 0.5)
                times its peak concurrent demand in the schedule at mean durations, at least
                its largest single amount, so that phases wait for it in most runs; X = 0
                writes capacities no demand can reach (every phase draws, none ever waits).
  network.json  the same network for the peers (bench/mc/simpy_peer.py): activities with their
                project, triangular (low, mode, high) days or null for milestones, and links
                (pred, succ, type, lag_days), in declaration order.

Deterministic: the same arguments give byte-identical files. Standard library only.
"""

import argparse
import datetime
import json
import os
import random

AS_OF = datetime.date(2026, 1, 1)
TYPES = ["FS", "SS", "FF", "SF"]
TYPE_WEIGHTS = [0.70, 0.15, 0.10, 0.05]
LAG_DAYS = {"FS": (0, 10), "SS": (5, 20), "FF": (0, 10), "SF": (10, 40)}


def generate(n_activities, n_projects, seed):
    rng = random.Random(seed)
    per_project = max(2, n_activities // n_projects)
    activities = []  # dicts: project, id, tri or None
    links = []  # (pred, succ, type, lag_days)
    first = []
    for p in range(n_projects):
        first.append(len(activities))
        for k in range(per_project):
            v = len(activities)
            milestone = k > 0 and k % 25 == 0
            if milestone:
                tri = None
            else:
                mode = rng.randint(5, 60)
                low = max(1, round(mode * rng.uniform(0.70, 0.95)))
                high = round(mode * rng.uniform(1.2, 2.0)) + 1
                tri = [low, mode, high]
            activities.append({"project": p, "id": f"m{k:03d}" if milestone else f"a{k:03d}",
                               "tri": tri})
            if k == 0:
                continue
            window = list(range(max(first[p], v - 8), v))
            preds = sorted(rng.sample(window, min(len(window), rng.randint(1, 3))))
            for u in preds:
                t = rng.choices(TYPES, TYPE_WEIGHTS)[0]
                lo, hi = LAG_DAYS[t]
                links.append((u, v, t, rng.randint(lo, hi)))
            if p > 0 and rng.random() < 0.02:
                u = rng.randrange(0, first[p])
                links.append((u, v, "FS", rng.randint(0, 10)))
    return activities, links, first


def deterministic_finish(activities, links):
    """CPM forward pass on the mean durations (days after AS_OF), for the targets."""
    n = len(activities)
    preds = [[] for _ in range(n)]
    for u, v, t, lag in links:
        preds[v].append((u, t, lag))
    es = [0] * n
    ef = [0] * n
    for v in range(n):  # declaration order is topological here
        s = 0
        for u, t, lag in preds[v]:
            if t == "FS":
                s = max(s, ef[u] + lag)
            elif t == "SS":
                s = max(s, es[u] + lag)
        d = round(sum(activities[v]["tri"]) / 3) if activities[v]["tri"] else 0
        f = s + d
        for u, t, lag in preds[v]:
            if t == "FF":
                f = max(f, ef[u] + lag)
            elif t == "SF":
                f = max(f, es[u] + lag)
        if activities[v]["tri"] is None and f > s:
            s = f
        es[v], ef[v] = s, f
    return es, ef


def assign_resources(activities, es, ef, n_resources, capacity_share, seed):
    """Per phase (resource index, amount); per resource its capacity (see the docstring)."""
    rng = random.Random(seed * 7919 + 17)  # its own stream: the network stays the same
    uses = [None] * len(activities)
    for v, a in enumerate(activities):
        if a["tri"] is not None:
            uses[v] = (rng.randrange(n_resources), rng.randint(10, 50))
    capacities = []
    for r in range(n_resources):
        mine = [(v, amount) for v, use in enumerate(uses) if use for rr, amount in [use] if rr == r]
        if capacity_share == 0:
            capacities.append(sum(amount for _, amount in mine) + 1)
            continue
        events = sorted([(es[v], amount) for v, amount in mine] +
                        [(ef[v], -amount) for v, amount in mine], key=lambda e: (e[0], e[1]))
        level = peak = 0
        for _, delta in events:
            level += delta
            peak = max(peak, level)
        largest = max((amount for _, amount in mine), default=1)
        capacities.append(max(largest, round(capacity_share * peak)))
    return uses, capacities


def write(out_dir, n_activities, n_projects, seed, milestone_targets=True, n_resources=0,
          capacity_share=0.5):
    activities, links, first = generate(n_activities, n_projects, seed)
    es, ef = deterministic_finish(activities, links)
    uses, capacities = (assign_resources(activities, es, ef, n_resources, capacity_share, seed)
                        if n_resources > 0 else ([None] * len(activities), []))
    names = [f"p{a['project'] + 1:02d}.{a['id']}" for a in activities]
    preds = [[] for _ in activities]
    for u, v, t, lag in links:
        preds[v].append((u, t, lag))
    last_day = max(ef)
    end = AS_OF + datetime.timedelta(days=int(last_day * 2.5) + 365)
    out = [f"# Random schedule network written by bench/mc/gen_network.py: {len(activities)} "
           f"activities,", f"# {n_projects} projects, {len(links)} links, seed {seed}.",
           "scenario:", f"  name: Random network of {len(activities)} activities (seed {seed})",
           f"  as_of: {AS_OF:%Y-%m}", "calendar:", f"  start: {AS_OF:%Y-%m}",
           f"  end: {end:%Y-%m}", "  period: year", f"  seed: {seed}"]
    if capacities:
        out.append("resources:")
        for r, capacity in enumerate(capacities):
            out.append(f"  - {{id: r{r + 1}, unit: workers, capacity: {capacity}}}")
    out.append("projects:")
    cross = []
    for p in range(n_projects):
        lo = first[p]
        hi = first[p + 1] if p + 1 < n_projects else len(activities)
        finish = AS_OF + datetime.timedelta(days=max(ef[lo:hi]))
        out += [f"  - id: p{p + 1:02d}", f"    name: Network project {p + 1}",
                "    region: r1", "    sector: s1", f"    target: {finish:%Y-%m}"]
        phases, milestones = [], []
        for v in range(lo, hi):
            a = activities[v]
            deps = []
            for u, t, lag in preds[v]:
                if activities[u]["project"] != p:
                    cross.append((names[u], names[v], t, lag))
                    continue
                deps.append(f"{{on: {activities[u]['id']}, type: {t}, lag: {lag} days}}")
            dep_text = f", depends_on: [{', '.join(deps)}]" if deps else ""
            if a["tri"] is None:
                target = AS_OF + datetime.timedelta(days=ef[v] + 14)
                target_text = f", target: {target:%Y-%m-%d}" if milestone_targets else ""
                milestones.append(f"      - {{id: {a['id']}{dep_text}{target_text}}}")
            else:
                low, mode, high = a["tri"]
                use_text = (f", uses: {{r{uses[v][0] + 1}: {uses[v][1]}}}" if uses[v] else "")
                phases.append(f"      - {{id: {a['id']}, duration: {{triangular: [{low} days, "
                              f"{mode} days, {high} days]}}{dep_text}{use_text}}}")
        if milestones:
            out += ["    milestones:"] + milestones
        out += ["    phases:"] + phases
    if cross:
        out.append("dependencies:")
        for u, v, t, lag in cross:
            out.append(f"  - {{from: {u}, to: {v}, type: {t}, lag: {lag} days}}")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "network.yaml"), "w") as f:
        f.write("\n".join(out) + "\n")
    with open(os.path.join(out_dir, "network.json"), "w") as f:
        json.dump({"as_of": AS_OF.isoformat(), "projects": n_projects,
                   "activities": [{"name": names[v], "project": a["project"], "tri": a["tri"]}
                                  for v, a in enumerate(activities)],
                   "links": [list(link) for link in links]}, f, indent=0)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--projects", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-milestone-targets", action="store_true",
                        help="leave the milestones' target key out")
    parser.add_argument("--resources", type=int, default=0, metavar="K",
                        help="K shared resources that the phases draw on (default none)")
    parser.add_argument("--capacity-share", type=float, default=0.5, metavar="X",
                        help="capacity = X times the peak demand at mean durations; 0: unlimited")
    parser.add_argument("out_dir")
    args = parser.parse_args()
    write(args.out_dir, args.activities, args.projects, args.seed,
          not args.no_milestone_targets, args.resources, args.capacity_share)


if __name__ == "__main__":
    main()
