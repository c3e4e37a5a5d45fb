#!/usr/bin/env bash
# Aligns the bundled sample and every corpus episode it can find, then has headless Chromium
# load each WebVTT file as the <track> of an <audio> element: the browser must parse exactly
# the file's cues (count, times, text, voice spans). Run by .ci/run with the release binary.
#
#   tests/clients/vtt_chromium.sh path/to/podcue
set -euo pipefail
bin=${1:?usage: $0 PODCUE_BINARY}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" align "$root/audio/sample-episode.mp3" "$root/transcripts/sample-episode.txt" -o "$out" -q
corpus="$root/../shared/corpus"
if [ -d "$corpus" ]; then
    for t in "$corpus"/*.truth.json; do
        id=$(basename "$t" .truth.json)
        a=$(ls "$corpus/$id".* | grep -v -E '\.(txt|json)$' | head -n 1)
        "$bin" align "$a" "$corpus/$id.txt" -o "$out" -q
    done
fi
n=0
for vtt in "$out"/*.vtt; do
    bash "$here/lib_vtt_track.sh" "$vtt" --quiet
    "$bin" check "$vtt" --strict >/dev/null 2>&1 || "$bin" check "$vtt" | grep -q " 0 errors" \
        || { echo "podcue check finds errors in $vtt" >&2; exit 1; }
    n=$((n + 1))
done
echo "vtt_chromium: Chromium parsed exactly the cues of $n WebVTT files"
