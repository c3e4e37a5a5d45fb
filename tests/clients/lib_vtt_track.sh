#!/usr/bin/env bash
# Loads a WebVTT file as the <track> of an <audio> element in headless Chromium, prints the
# cues the browser parsed (start, end, text, voice) as JSON, and compares them with the file.
# Exit 0 when the browser parsed exactly the file's cues (same count, times to the ms, payload
# text and voice names), 1 when not, 2 on usage or setup errors.
#
#   tests/clients/lib_vtt_track.sh captions.vtt [--quiet]
#
# Needs chromium (apt-get install -y chromium) and python3. Run by CI, not by cargo test.
set -euo pipefail

vtt=${1:-}
quiet=${2:-}
if [[ -z "$vtt" || ! -f "$vtt" ]]; then
    echo "usage: $0 FILE.vtt [--quiet]" >&2
    exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$browser" ]]; then
    echo "$0: chromium not found (apt-get install -y chromium)" >&2
    exit 2
fi

work=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$work" "$profile"' EXIT
cp "$vtt" "$work/track.vtt"
cat > "$work/page.html" <<'HTML'
<!doctype html>
<html><head><meta charset="utf-8"></head><body>
<audio id="a" preload="none"><track id="t" kind="captions" srclang="en" src="track.vtt" default></audio>
<pre id="out">PENDING</pre>
<script>
const el = document.getElementById('t');
const out = document.getElementById('out');
function dump(state) {
  const cues = Array.from(el.track.cues || []).map(c => {
    const frag = c.getCueAsHTML();
    const voice = frag.querySelector ? frag.querySelector('span[title]') : null;
    return {start: Math.round(c.startTime * 1000), end: Math.round(c.endTime * 1000),
            text: c.text, voice: voice ? voice.title : null};
  });
  out.textContent = JSON.stringify({state, cues});
}
el.track.mode = 'hidden';
el.addEventListener('load', () => dump('loaded'));
el.addEventListener('error', () => dump('error'));
</script></body></html>
HTML

dom=$("$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --allow-file-access-from-files --virtual-time-budget=10000 \
    --dump-dom "file://$work/page.html" 2>/dev/null)

DOM="$dom" VTT="$vtt" QUIET="$quiet" python3 - <<'PY'
import html, json, os, re, sys

dom = os.environ["DOM"]
m = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
if not m:
    print("no result element in the dumped DOM", file=sys.stderr)
    sys.exit(2)
raw = html.unescape(m.group(1))
if raw == "PENDING":
    print("the browser never loaded the track", file=sys.stderr)
    sys.exit(1)
got = json.loads(raw)
if not os.environ.get("QUIET"):
    print(json.dumps(got, indent=1, ensure_ascii=False))

# The file's cues, read the simple way (our writer's layout: blocks separated by blank lines).
text = open(os.environ["VTT"], encoding="utf-8-sig").read().replace("\r\n", "\n")
def ts(s):
    p = s.split(":")
    h = int(p[0]) if len(p) == 3 else 0
    mm, ss = p[-2], p[-1]
    return round((h * 3600 + int(mm) * 60 + float(ss)) * 1000)
want = []
for block in re.split(r"\n\s*\n", text.strip())[1:]:
    lines = block.split("\n")
    if lines[0].startswith("NOTE"):
        continue
    k = 0 if "-->" in lines[0] else 1
    a, b = lines[k].split("-->")
    payload = "\n".join(lines[k + 1:])
    v = re.match(r"<v(?:\.[^ \t>]*)?[ \t]+([^>]*)>", payload)
    want.append({"start": ts(a.strip()), "end": ts(b.split()[0]), "text": payload,
                 "voice": html.unescape(v.group(1)).strip() if v else None})

problems = []
if got["state"] != "loaded":
    problems.append("track state " + got["state"])
if len(got["cues"]) != len(want):
    problems.append("browser parsed %d cues, the file has %d" % (len(got["cues"]), len(want)))
for i, (g, w) in enumerate(zip(got["cues"], want)):
    for key in ("start", "end", "text", "voice"):
        if g[key] != w[key]:
            problems.append("cue %d %s: browser %r, file %r" % (i + 1, key, g[key], w[key]))
for p in problems[:20]:
    print("MISMATCH " + p, file=sys.stderr)
print("chromium: %d cues parsed, %d in file, %d mismatches" % (len(got["cues"]), len(want), len(problems)), file=sys.stderr)
sys.exit(1 if problems else 0)
PY
