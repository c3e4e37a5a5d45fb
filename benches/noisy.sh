#!/usr/bin/env bash
# Noise robustness: aligns the noisy copies that benches/noisy.py made (corpus and held-out
# set with pink noise at several SNRs) and scores each SNR with the corpus's score.py; any
# folder of such sets (benches/edits.py's, noisy.py --gated's, unpunctuated.py's) the same way.
#
#   benches/noisy.sh [NOISY_DIR]     (default target/noisy; run python3 benches/noisy.py first)
#
# PODCUE overrides the binary (default: a release build); CORPUS the folder holding score.py.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$here/target/noisy}
corpus=${CORPUS:-$here/../shared/corpus}
podcue=${PODCUE:-$here/target/release/podcue}
[ -n "${PODCUE:-}" ] || (cd "$here" && cargo build --release --quiet)
sets=$(for t in "$dir"/*/*.truth.json; do dirname "$t"; done 2>/dev/null | grep -v '/aligned/' | sort -u)
[ -n "$sets" ] || { echo "no copies in $dir: run python3 benches/noisy.py (or edits.py) first" >&2; exit 1; }
for set in $sets; do
    out=$dir/aligned/$(basename "$set"); rm -rf "$out"; mkdir -p "$out"
    for t in "$set"/*.truth.json; do
        id=$(basename "$t" .truth.json)
        # --force: a transcript judged not to match still gets its captions scored.
        audio=$(ls "$set/$id".* | grep -v -E '\.(txt|json)$' | head -1)
        "$podcue" align "$audio" "$set/$id.txt" -o "$out" -q --force >/dev/null 2>&1
    done
    echo "$(basename "$set"): $(python3 "$corpus/score.py" --dir "$set" --out-dir "$out" | grep AGGREGATE | sed -E 's/.*(cue start [^;]*);[^;]*; (turn start [^;]*);.*/\1; \2/')"
done
