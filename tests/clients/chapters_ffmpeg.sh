#!/usr/bin/env bash
# The chaptered episode and FFMETADATA as ffmpeg sees them: tags the bundled sample MP3 (and
# an M4A made from it) with podcue's chapters and checks that ffprobe lists exactly those
# chapters, and that ffmpeg accepts the FFMETADATA file. Run by .ci/run with the release binary.
#
#   tests/clients/chapters_ffmpeg.sh path/to/podcue
set -euo pipefail
bin=${1:?usage: $0 PODCUE_BINARY}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v ffprobe >/dev/null || { echo "chapters_ffmpeg: ffprobe not found (apt-get install -y ffmpeg)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mp3="$root/audio/sample-episode.mp3"
"$bin" align "$mp3" "$root/transcripts/sample-episode.txt" -o "$out" -q
"$bin" chapters --chapters "$out/sample-episode.chapters.json" --format ffmetadata -o "$out" -q
want=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["chapters"]; print(" ".join("%.3f" % x["startTime"] for x in c))' "$out/sample-episode.chapters.json")
starts() { ffprobe -v error -show_chapters -of json "$1" | python3 -c 'import json,sys; print(" ".join("%.3f" % float(c["start_time"]) for c in json.load(sys.stdin)["chapters"]))'; }
"$bin" tag "$mp3" --chapters "$out/sample-episode.chapters.json" -o "$out/tagged.mp3" -q
[ "$(starts "$out/tagged.mp3")" = "$want" ] || { echo "tagged MP3 chapters differ: $(starts "$out/tagged.mp3") vs $want" >&2; exit 1; }
ffmpeg -nostdin -v error -y -i "$mp3" -c:a aac -b:a 64k "$out/ep.m4a"
"$bin" tag "$out/ep.m4a" --chapters "$out/sample-episode.chapters.json" -o "$out/tagged.m4a" -q
[ "$(starts "$out/tagged.m4a")" = "$want" ] || { echo "tagged M4A chapters differ: $(starts "$out/tagged.m4a") vs $want" >&2; exit 1; }
# The Nero list alone, as mutagen reads it (it knows only the version 1 layout ffmpeg writes).
if python3 -c 'import mutagen' 2>/dev/null; then
    nero=$(python3 -c 'import sys, mutagen.mp4; print(" ".join("%.3f" % c.start for c in mutagen.mp4.MP4(sys.argv[1]).chapters))' "$out/tagged.m4a")
    [ "$nero" = "$want" ] || { echo "mutagen reads other chapters from the M4A's Nero list: '$nero' vs $want" >&2; exit 1; }
else
    echo "chapters_ffmpeg: note: python3 has no mutagen; the M4A's Nero list is checked by ffprobe only" >&2
fi
ffmpeg -nostdin -v error -y -i "$mp3" -i "$out/sample-episode.ffmetadata" -map 0:a -map_metadata 1 -map_chapters 1 -c copy "$out/ffm.mp3"
[ "$(starts "$out/ffm.mp3")" = "$want" ] || { echo "FFMETADATA chapters differ" >&2; exit 1; }
echo "chapters_ffmpeg: ffprobe lists exactly the $(echo "$want" | wc -w) chapters in the tagged MP3, the tagged M4A and via FFMETADATA"
