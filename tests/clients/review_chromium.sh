#!/usr/bin/env bash
# Builds a review page with `podcue review`, opens it in headless Chromium with ?selftest and
# checks what the page reports: no script errors, the <track> holds exactly the cues of the
# episode (count and times), clicking a chapter and a cue moves audio.currentTime there. Also
# scans the page for network references and takes a screenshot (/tmp/review.png by default).
# Exit 0 when all checks pass, 1 when one fails, 2 on usage or setup errors.
#
#   tests/clients/review_chromium.sh path/to/podcue [SCREENSHOT.png]
#
# Uses audio/sample-episode.mp3 (+ .txt) when present, else the first corpus episode.
# Needs chromium (apt-get install -y chromium) and python3. Run by hand or CI, not by cargo test.
set -euo pipefail

bin=${1:-}
shot=${2:-/tmp/review.png}
if [[ -z "$bin" || ! -x "$bin" ]]; then
    echo "usage: $0 PODCUE_BINARY [SCREENSHOT.png]" >&2
    exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$browser" ]]; then
    echo "$0: chromium not found (apt-get install -y chromium)" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
audio="" transcript=""
if [[ -f "$root/audio/sample-episode.mp3" ]]; then
    audio="$root/audio/sample-episode.mp3"
    [[ -f "$root/transcripts/sample-episode.txt" ]] && transcript="$root/transcripts/sample-episode.txt"
fi
if [[ -z "$transcript" ]]; then
    corpus="${PODCUE_CORPUS:-$root/../shared/corpus}"
    audio=$(ls "$corpus"/dev01_*.mp3 2>/dev/null | head -n1 || true)
    transcript="${audio%.*}.txt"
fi
if [[ -z "$audio" || ! -f "$audio" || ! -f "$transcript" ]]; then
    echo "$0: no episode found (audio/sample-episode.mp3 or the corpus)" >&2
    exit 2
fi

work=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$work" "$profile"' EXIT
page="$work/review.html"
"$bin" review "$audio" "$transcript" -o "$page" -q
"$bin" align "$audio" "$transcript" -o "$work" --format vtt --force -q
vtt="$work/$(basename "${audio%.*}").vtt"

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --user-data-dir="$profile" --allow-file-access-from-files --autoplay-policy=no-user-gesture-required)
dom=$("$browser" "${flags[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=20000 \
    --dump-dom "file://$page?selftest" 2>"$work/console.log")
"$browser" "${flags[@]}" --virtual-time-budget=5000 --hide-scrollbars \
    --screenshot="$shot" --window-size=1400,900 "file://$page" >/dev/null 2>&1 || true

DOM="$dom" PAGE="$page" VTT="$vtt" LOG="$work/console.log" python3 - <<'PY'
import html, json, os, re, sys

fail = []
page = open(os.environ["PAGE"], encoding="utf-8").read()
# Self-contained: nothing fetched from the network.
for m in re.finditer(r'(?:src|href)\s*=\s*["\']?\s*(https?:|//)', page, re.I):
    fail.append(f"network reference in the page: {page[m.start():m.start()+60]!r}")
if re.search(r'@import|url\(\s*["\']?https?:', page, re.I):
    fail.append("network reference in the CSS")

dom = os.environ["DOM"]
m = re.search(r'<pre id="selftest"[^>]*>(.*?)</pre>', dom, re.S)
if not m or not m.group(1).strip():
    print("the page never wrote its self-test result", file=sys.stderr)
    sys.exit(1)
r = json.loads(html.unescape(m.group(1)))
print(json.dumps(r, indent=1))

# The file's cues, as written by `podcue align --format vtt`.
text = open(os.environ["VTT"], encoding="utf-8-sig").read()
def ts(s):
    p = s.split(":"); h = int(p[0]) if len(p) == 3 else 0
    return round((h * 3600 + int(p[-2]) * 60 + float(p[-1])) * 1000)
want = re.findall(r'^([\d:.]+) --> ([\d:.]+)', text, re.M)
print(f"file cues: {len(want)}, track cues: {r.get('trackCues')}")
if r.get("errors"):
    fail.append(f"script errors: {r['errors']}")
if r.get("trackCues") != len(want):
    fail.append(f"track has {r.get('trackCues')} cues, the file {len(want)}")
if not r.get("cueTimesMatch"):
    fail.append("track cue times differ from the page's cues")
if r.get("chapterSeek") is not True:
    fail.append(f"clicking a chapter did not seek: {r.get('chapterStart')} vs currentTime {r.get('currentTime')}")
if r.get("cueSeek") is not True:
    fail.append("clicking a cue did not seek")
log = open(os.environ["LOG"], encoding="utf-8", errors="replace").read()
console = [l for l in log.splitlines() if "CONSOLE" in l and ("Uncaught" in l or "rror" in l)]
if console:
    fail.append(f"console errors: {console[:3]}")
for f in fail:
    print("FAIL:", f, file=sys.stderr)
print("PASS" if not fail else "FAILED")
sys.exit(1 if fail else 0)
PY
