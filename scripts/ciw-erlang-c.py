#!/usr/bin/env python3
"""The Erlang C case of Profiles/erlang-c.yaml in the Python DES library ciw, for the speed comparison with
`chatstorm bench simulator Profiles/erlang-c.yaml`: λ = 1/s, exponential handling with mean 8 s, 10 agents, no
abandonment, one simulated day. Prints the customers served, the CPU time of the simulation and the simulated
P(wait) and mean wait (Erlang C: 0.409 and 1.64 s).

    python3 -m venv /tmp/ciw-venv && /tmp/ciw-venv/bin/pip install ciw
    /tmp/ciw-venv/bin/python scripts/ciw-erlang-c.py [SECONDS]
"""
import sys
import time

import ciw

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 86_400
network = ciw.create_network(
    arrival_distributions=[ciw.dists.Exponential(rate=1.0)],
    service_distributions=[ciw.dists.Exponential(rate=1.0 / 8)],
    number_of_servers=[10],
)
ciw.seed(8)
start = time.process_time()
simulation = ciw.Simulation(network)
simulation.simulate_until_max_time(seconds)
cpu = time.process_time() - start
records = simulation.get_all_records()
waits = [record.waiting_time for record in records]
waited = sum(1 for wait in waits if wait > 0)
print(
    f"ciw {ciw.__version__}: {len(records)} customers in {cpu:.2f} s CPU; "
    f"P(wait) {waited / len(records):.4f}, mean wait {sum(waits) / len(waits):.3f} s"
)
