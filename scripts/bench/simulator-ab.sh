#!/usr/bin/env bash
# Two chatstorm builds on the same simulated day, alternately: ROUNDS rounds of A then B, and the median and
# fastest wall time of each with the ratio B/A. On a shared VM whose speed drifts by tens of percent within
# minutes, only alternating runs compare builds; one run of each, minutes apart, says little.
#
#   cp "$(swift build -c release --show-bin-path)/chatstorm" /tmp/chatstorm-before   # before the change
#   swift build -c release --product chatstorm                                      # after it
#   scripts/bench/simulator-ab.sh /tmp/chatstorm-before "$(swift build -c release --show-bin-path)/chatstorm" \
#       [PROFILE] [ROUNDS] [START_HOUR]
#
# PROFILE defaults to Profiles/sim-1m.yaml; START_HOUR (0–23) starts the calendar that many hours later and
# simulates the rest of the day (sim-1m's afternoon, START_HOUR 12, is its busy half).
set -euo pipefail
cd "$(dirname "$0")/../.."
a=${1:?binary A}
b=${2:?binary B}
profile=${3:-Profiles/sim-1m.yaml}
rounds=${4:-3}
start_hour=${5:-0}
if ((start_hour > 0)); then
    window=$(mktemp --suffix=.yaml)
    trap 'rm -f "$window"' EXIT
    # The calendar's start moves by START_HOUR hours; the duration is what is left of the day.
    sed -E "s/^(  start: [0-9-]+T)00(:00:00Z)/\1$(printf %02d "$start_hour")\2/; s/^(  duration: )1d/\1$((24 - start_hour))h/" \
        "$profile" >"$window"
    grep -q "T$(printf %02d "$start_hour"):00:00Z" "$window" || {
        echo "$profile: no calendar start at 00:00:00Z with a 1d duration to move" >&2
        exit 1
    }
    profile=$window
fi
times_a=()
times_b=()
for round in $(seq "$rounds"); do
    ta=$("$a" bench simulator "$profile" | awk '/^wall time/ {print $3}')
    tb=$("$b" bench simulator "$profile" | awk '/^wall time/ {print $3}')
    echo "round $round: A $ta s, B $tb s"
    times_a+=("$ta")
    times_b+=("$tb")
done
python3 - "${times_a[*]}" "${times_b[*]}" <<'EOF'
import statistics, sys
a = [float(x) for x in sys.argv[1].split()]
b = [float(x) for x in sys.argv[2].split()]
print(f"A: median {statistics.median(a):.3f} s, fastest {min(a):.3f} s")
print(f"B: median {statistics.median(b):.3f} s, fastest {min(b):.3f} s")
print(f"B/A: median {statistics.median(b) / statistics.median(a):.3f}, fastest {min(b) / min(a):.3f}")
# Each round's A and B ran seconds apart, so their ratio drifts less than either time.
ratios = sorted(y / x for x, y in zip(a, b))
print(f"B/A round by round: median {statistics.median(ratios):.3f}, range {ratios[0]:.3f}-{ratios[-1]:.3f}")
EOF
