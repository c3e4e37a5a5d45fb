#!/usr/bin/env bash
# Mismatch check: aligns every recording of ../shared/corpus, ../shared/real and the bundled
# sample (and of the held-out sets, where `benches/heldout/make.py` has built them into
# target/heldout and target/heldout-hard) with every one of their transcripts and counts exit
# codes. A recording with its own transcript must exit 0; with any other, 3 (the transcript
# evidently does not match).
#
#   benches/mismatch.sh [SHARED_DIR]
#
# PODCUE overrides the binary (default: a release build). Prints each wrong pair, then totals.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${1:-$here/../shared}" && pwd)
podcue=${PODCUE:-$here/target/release/podcue}
case $podcue in /*) ;; */*) podcue=$PWD/$podcue ;; esac
[ -n "${PODCUE:-}" ] || (cd "$here" && cargo build --release --quiet)
declare -A audio text
for t in "$shared"/corpus/*.txt; do
    id=corpus/$(basename "$t" .txt)
    audio[$id]=$(ls "${t%.txt}".* | grep -v -E '\.(txt|json)$' | head -1)
    text[$id]=$t
done
for d in "$shared"/real/*/; do
    name=$(basename "$d")
    [ -f "$d/$name.txt" ] || continue
    audio[real/$name]=$(ls "$d"* | grep -i -E '\.(mp3|wav|flac|ogg|m4a)$' | head -1)
    text[real/$name]=$d/$name.txt
done
for set in "$here"/target/heldout "$here"/target/heldout-hard; do
    [ -d "$set" ] || continue
    for t in "$set"/*.txt; do
        id=heldout/$(basename "$t" .txt)
        audio[$id]=$(ls "${t%.txt}".* | grep -v -E '\.(txt|json)$' | head -1)
        text[$id]=$t
    done
done
audio[sample]=$here/audio/sample-episode.mp3
text[sample]=$here/transcripts/sample-episode.txt
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
matched=0 matched_wrong=0 cross=0 cross_wrong=0
for a in $(printf '%s\n' "${!audio[@]}" | sort); do
    for t in $(printf '%s\n' "${!text[@]}" | sort); do
        "$podcue" align "${audio[$a]}" "${text[$t]}" -o "$out" -q >/dev/null 2>&1
        code=$?
        if [ "$a" = "$t" ]; then
            matched=$((matched + 1))
            [ $code = 0 ] || { matched_wrong=$((matched_wrong + 1)); echo "WRONG $a with its own text: exit $code"; }
        else
            cross=$((cross + 1))
            [ $code = 3 ] || { cross_wrong=$((cross_wrong + 1)); echo "WRONG $a with $t's text: exit $code"; }
        fi
    done
done
echo "matched pairs: $matched, not exit 0: $matched_wrong"
echo "cross pairs: $cross, not exit 3: $cross_wrong"
