#!/usr/bin/python3
"""Hold model with a plain heapq loop: K pending events; pop the earliest, push one at an
exponential delay (mean 1) after it. Prints one JSON line with events per second.
Usage: hold_heapq.py K [EVENTS]"""
import heapq
import json
import random
import sys
import time


def main():
    k = int(sys.argv[1])
    events = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(1)
    expo = rng.expovariate
    heap = [(expo(1.0), i) for i in range(k)]
    heapq.heapify(heap)
    seq = k
    pop, push = heapq.heappop, heapq.heappush
    start = time.perf_counter()
    for _ in range(events):
        t, _id = pop(heap)
        push(heap, (t + expo(1.0), seq))
        seq += 1
    elapsed = time.perf_counter() - start
    print(json.dumps({"peer": "heapq", "k": k, "events": events,
                      "events_per_second": events / elapsed}))


if __name__ == "__main__":
    main()
