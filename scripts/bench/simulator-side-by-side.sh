#!/usr/bin/env bash
# Two chatstorm builds on the same simulated day at the same time, one per core (taskset), the recorder in line so
# that each run keeps to its core: ROUNDS rounds, the builds swapping cores each round. Both runs of a round see the
# same moment of this shared VM, whose speed drifts by tens of percent within minutes, so their ratio varies less
# than with alternate runs (scripts/bench/simulator-ab.sh); what it compares is single-core speed, which is what the
# event loop's changes change. Prints each round's fastest-of-3 wall times and the median ratio B/A.
#
#   scripts/bench/simulator-side-by-side.sh /tmp/chatstorm-before "$(swift build -c release --show-bin-path)/chatstorm" \
#       [PROFILE] [ROUNDS]
#
# PROFILE defaults to Profiles/sim-1m.yaml (a short window of it, e.g. its busy afternoon hours, gives more rounds
# per minute; see simulator-ab.sh for START_HOUR).
set -euo pipefail
cd "$(dirname "$0")/../.."
a=${1:?binary A}
b=${2:?binary B}
profile=${3:-Profiles/sim-1m.yaml}
rounds=${4:-8}
out_a=$(mktemp)
out_b=$(mktemp)
trap 'rm -f "$out_a" "$out_b"' EXIT
times_a=()
times_b=()
for round in $(seq "$rounds"); do
    if ((round % 2)); then core_a=0 core_b=1; else core_a=1 core_b=0; fi
    taskset -c "$core_a" "$a" bench simulator "$profile" --repetitions 3 --recorder-inline >"$out_a" &
    taskset -c "$core_b" "$b" bench simulator "$profile" --repetitions 3 --recorder-inline >"$out_b" &
    wait
    ta=$(awk '/^wall time/ {print $3}' "$out_a")
    tb=$(awk '/^wall time/ {print $3}' "$out_b")
    echo "round $round: A $ta s (core $core_a), B $tb s (core $core_b)"
    times_a+=("$ta")
    times_b+=("$tb")
done
python3 - "${times_a[*]}" "${times_b[*]}" <<'EOF'
import statistics, sys
a = [float(x) for x in sys.argv[1].split()]
b = [float(x) for x in sys.argv[2].split()]
ratios = sorted(y / x for x, y in zip(a, b))
print(f"A: fastest {min(a):.3f} s; B: fastest {min(b):.3f} s")
print(f"B/A round by round: median {statistics.median(ratios):.3f}, range {ratios[0]:.3f}-{ratios[-1]:.3f}")
EOF
