#!/usr/bin/env bash
# The Erlang C day of Profiles/erlang-c.yaml in chatstorm's simulator and in the Python DES library ciw, side by
# side: ROUNDS rounds, each running one after the other, so that both see the same machine (timings on a shared
# VM drift by tens of percent within minutes; a ratio of runs taken far apart means little). Prints each round
# and the ratio of the medians, by wall time and by CPU time (chatstorm's recorder runs on a second thread; ciw is
# single-threaded, its wall and CPU times are the same). Needs a release build and a Python with ciw:
#
#   swift build -c release --product chatstorm
#   python3 -m venv /tmp/ciw-venv && /tmp/ciw-venv/bin/pip install ciw
#   scripts/bench/simulator-vs-ciw.sh [ROUNDS] [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
python=${2:-/tmp/ciw-venv/bin/python}
chatstorm=$(swift build -c release --product chatstorm --show-bin-path)/chatstorm
[[ -x $chatstorm ]] || { echo "no release build at $chatstorm: swift build -c release --product chatstorm" >&2; exit 1; }
"$python" -c 'import ciw' 2>/dev/null || { echo "$python cannot import ciw: $python -m pip install ciw" >&2; exit 1; }

ours=()
ours_cpu=()
theirs=()
for round in $(seq "$rounds"); do
    # chatstorm: the fastest of 3 repetitions in one process (wall time of the simulation, no output written).
    bench=$("$chatstorm" bench simulator Profiles/erlang-c.yaml --repetitions 3)
    seconds=$(awk '/^wall time/ {print $3}' <<<"$bench")
    cpu_ours=$(awk '/^cpu time/ {print $3}' <<<"$bench")
    # ciw: CPU time of the simulation (its script reports time.process_time around simulate_until_max_time).
    report=$("$python" scripts/ciw-erlang-c.py)
    cpu=$(sed -E 's/.* in ([0-9.]+) s CPU.*/\1/' <<<"$report")
    echo "round $round: chatstorm $seconds s ($cpu_ours s CPU), $report"
    ours+=("$seconds")
    ours_cpu+=("$cpu_ours")
    theirs+=("$cpu")
done
python3 - "${ours[*]}" "${ours_cpu[*]}" "${theirs[*]}" <<'EOF'
import statistics, sys
ours, ours_cpu, theirs = ([float(x) for x in arg.split()] for arg in sys.argv[1:4])
a, c, b = statistics.median(ours), statistics.median(ours_cpu), statistics.median(theirs)
print(f"median: chatstorm {a:.3f} s wall, {c:.2f} s CPU; ciw {b:.2f} s CPU: chatstorm {b / a:.1f}x faster by wall time, {b / c:.1f}x by CPU time")
EOF
