#!/usr/bin/env bash
# Aligns every episode of the held-out-like set (made by make.py) with podcue and scores it
# with the corpus's score.py and score_words.py: per-episode tables, aggregate lines, exit codes.
#
#   benches/heldout/score.sh [SET_DIR] [OUT_DIR]     (defaults: target/heldout, target/heldout-out)
#
# PODCUE overrides the binary (default: a release build); CORPUS the folder holding score.py.
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
set_dir=${1:-$here/target/heldout}
out=${2:-$here/target/heldout-out}
corpus=${CORPUS:-$here/../shared/corpus}
podcue=${PODCUE:-$here/target/release/podcue}
[ -n "${PODCUE:-}" ] || (cd "$here" && cargo build --release --quiet)
ls "$set_dir"/*.truth.json >/dev/null 2>&1 || { echo "no episodes in $set_dir: run benches/heldout/make.py first" >&2; exit 1; }
rm -rf "$out"; mkdir -p "$out"
for t in "$set_dir"/*.truth.json; do
    id=$(basename "$t" .truth.json)
    a=$(ls "$set_dir/$id".* | grep -v -E '\.(txt|json)$' | head -1)
    "$podcue" align "$a" "$set_dir/$id.txt" -o "$out" -q > "$out/$id.log" 2>&1
    echo "$id exit $?"
done
python3 "$corpus/score.py" --dir "$set_dir" --out-dir "$out" | tail -12
python3 "$corpus/score_words.py" --dir "$set_dir" --out-dir "$out" | tail -9
python3 "$(dirname "$0")/worst.py" "$set_dir" "$out" 10
