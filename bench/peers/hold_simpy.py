#!/usr/bin/python3
"""Hold model in SimPy (Debian's python3-simpy3): K processes, each holding for an exponential
delay (mean 1) in a loop, so K events are pending at any time. Prints one JSON line with events
(timeouts processed) per second. Usage: hold_simpy.py K [EVENTS]"""
import json
import random
import sys
import time

import simpy


def main():
    k = int(sys.argv[1])
    events = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
    rng = random.Random(1)
    expo = rng.expovariate
    env = simpy.Environment()
    count = [0]

    def holder():
        while True:
            yield env.timeout(expo(1.0))
            count[0] += 1

    for _ in range(k):
        env.process(holder())
    # Each process fires about once per time unit: run long enough for `events` events.
    start = time.perf_counter()
    env.run(until=max(events / k, 1.0))
    elapsed = time.perf_counter() - start
    print(json.dumps({"peer": "simpy", "version": simpy.__version__, "k": k,
                      "events": count[0], "events_per_second": count[0] / elapsed}))


if __name__ == "__main__":
    main()
