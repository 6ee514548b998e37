#!/usr/bin/env python3
"""The Erlang C case of Profiles/erlang-c.yaml in the Python DES library ciw, for a speed comparison with
`chatstorm simulate` (issue 6): M/M/10, one arrival per second, exponential service of 8 s on average, a day of
simulated time per replication. Exact values (Erlang C): P(wait) = 0.4092, mean wait = 1.637 s.

    pip install ciw
    python3 scripts/bench/ciw-erlang-c.py [REPLICATIONS]
"""
import statistics
import sys
import time

import ciw

replications = int(sys.argv[1]) if len(sys.argv) > 1 else 3
network = ciw.create_network(
    arrival_distributions=[ciw.dists.Exponential(rate=1.0)],
    service_distributions=[ciw.dists.Exponential(rate=1 / 8)],
    number_of_servers=[10],
)
p_wait, mean_wait, customers, seconds = [], [], 0, 0.0
for replication in range(replications):
    ciw.seed(replication + 1)
    started = time.perf_counter()
    simulation = ciw.Simulation(network)
    simulation.simulate_until_max_time(86_400)
    seconds += time.perf_counter() - started
    waits = [record.waiting_time for record in simulation.get_all_records()]
    customers += len(waits)
    p_wait.append(sum(1 for w in waits if w > 1e-12) / len(waits))
    mean_wait.append(statistics.fmean(waits))

print(f"ciw {ciw.__version__}: {replications} simulated days, {customers} customers, {seconds:.2f} s wall "
      f"({seconds / replications:.2f} s per day)")
print(f"P(wait) {statistics.fmean(p_wait):.4f} (exact 0.4092), mean wait {statistics.fmean(mean_wait):.3f} s (exact 1.637 s)")
