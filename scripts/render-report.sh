#!/usr/bin/env bash
# Renders a run's report.html in headless Chromium to a full-page PNG, to look at it as a person would.
#
#   scripts/render-report.sh RUN_DIR [OUT.png] [--dark] [--width PX] [--clip Y:HEIGHT]
#
# RUN_DIR is a results folder holding report.html (or the .html file itself); OUT.png defaults to
# RUN_DIR/report.png. --dark renders with prefers-color-scheme: dark; --width sets the viewport width
# (default 1100); --clip captures only HEIGHT pixels from Y down (to look at one part closely). Needs Chromium (Debian: apt-get install -y chromium) and python3, which drives it over
# the DevTools protocol on a pipe (stdlib only) to measure the page and capture all of it.
set -euo pipefail

usage() { echo "usage: $0 RUN_DIR|REPORT.html [OUT.png] [--dark] [--width PX] [--clip Y:HEIGHT]" >&2; exit 64; }
positional=()
dark=0
width=1100
clip=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --dark) dark=1; shift ;;
        --width) width="${2:?--width needs a number}"; shift 2 ;;
        --clip) clip="${2:?--clip needs Y:HEIGHT}"; shift 2 ;;
        -h|--help) usage ;;
        *) positional+=("$1"); shift ;;
    esac
done
[[ ${#positional[@]} -ge 1 ]] || usage
source="${positional[0]}"
if [[ -d "$source" ]]; then html="$source/report.html"; folder="$source"; else html="$source"; folder="$(dirname "$source")"; fi
out="${positional[1]:-$folder/report.png}"
[[ -f "$html" ]] || { echo "$html: no such file (run chatstorm report $folder first)" >&2; exit 66; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser="$(command -v "$candidate")"; break; fi
done
if [[ -z "$browser" ]]; then
    echo "Chromium is needed to render the report: apt-get install -y chromium (Debian) and run again." >&2
    exit 69
fi

exec python3 - "$browser" "$(realpath "$html")" "$out" "$dark" "$width" "$clip" <<'PYTHON'
import base64, json, os, subprocess, sys

browser, html, out, dark, width = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1", int(sys.argv[5])
clip = [float(part) for part in sys.argv[6].split(":")] if sys.argv[6] else None
# Chromium reads commands from fd 3 and writes replies to fd 4 (--remote-debugging-pipe), NUL-separated.
to_browser_r, to_browser_w = os.pipe()
from_browser_r, from_browser_w = os.pipe()
def child_fds():
    # Move the pipe ends to 3 and 4 through fresh numbers, whatever numbers they had.
    read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
    os.dup2(read_end, 3)
    os.dup2(write_end, 4)
process = subprocess.Popen(
    [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
     "--no-first-run", "--remote-debugging-pipe", "about:blank"],
    pass_fds=(3, 4), preexec_fn=child_fds,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_browser_r)
os.close(from_browser_w)
writer = os.fdopen(to_browser_w, "wb")
reader = os.fdopen(from_browser_r, "rb")
buffer = b""
next_id = 0
events = []

def receive():
    global buffer
    while b"\0" not in buffer:
        chunk = reader.read1(1 << 16)
        if not chunk:
            sys.exit("Chromium closed the DevTools pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)

def call(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    writer.flush()
    while True:
        reply = receive()
        if reply.get("id") == next_id:
            if "error" in reply:
                sys.exit(f"{method}: {reply['error']}")
            return reply["result"]
        events.append(reply)

def wait_for(method, session):
    while True:
        for index, event in enumerate(events):
            if event.get("method") == method and event.get("sessionId") == session:
                del events[index]
                return event
        events.append(receive())

try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    call("Page.enable", session=session)
    call("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
    if dark:
        call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}, session)
    call("Page.navigate", {"url": "file://" + html}, session)
    wait_for("Page.loadEventFired", session)
    height = call("Page.getLayoutMetrics", session=session)["cssContentSize"]["height"]
    call("Emulation.setDeviceMetricsOverride", {"width": width, "height": int(height + 0.999), "deviceScaleFactor": 1, "mobile": False}, session)
    options = {"format": "png", "captureBeyondViewport": True}
    if clip:
        options["clip"] = {"x": 0, "y": clip[0], "width": width, "height": min(clip[1], height - clip[0]), "scale": 1}
    shot = call("Page.captureScreenshot", options, session)
    with open(out, "wb") as file:
        file.write(base64.b64decode(shot["data"]))
    shown = options["clip"]["height"] if clip else height
    print(f"{out}: {width}x{int(shown + 0.999)} px of a {int(height + 0.999)} px page")
finally:
    try:
        call("Browser.close")
    except SystemExit:
        pass
    process.wait(timeout=10)
PYTHON
