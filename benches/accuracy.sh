#!/usr/bin/env bash
# Scores podcue on the shared corpus and the shared real set (and the held-out-like sets when
# they have been made): aggregate lines of score.py / score_words.py, then, for the real set,
# every scored unit's start error.
#
#   benches/accuracy.sh [OUT_DIR]          (default: target/accuracy)
#
# PODCUE overrides the binary (default: a release build); SHARED the folder holding corpus/
# and real/ (default: ../shared). Held-out sets are scored when target/heldout,
# target/heldout-hard, target/heldout-fresh, target/heldout-fresh2 and target/heldout-fresh3 exist
# (benches/heldout/make.py --set heldout, hard, fresh, fresh2, fresh3 makes them).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/target/accuracy}
shared=${SHARED:-$here/../shared}
podcue=${PODCUE:-$here/target/release/podcue}
[ -n "${PODCUE:-}" ] || (cd "$here" && cargo build --release --quiet)
rm -rf "$out"; mkdir -p "$out/corpus" "$out/real" "$out/real-truth"

align_all() { # TRUTH_DIR OUT_DIR
    for t in "$1"/*.truth.json; do
        id=$(basename "$t" .truth.json)
        a=$(ls "$1/$id".* | grep -v -E '\.(txt|json)$' | head -1)
        "$podcue" align "$a" "$1/$id.txt" -o "$2" -q > "$2/$id.log" 2>&1
        code=$?
        [ $code -eq 0 ] || echo "$id exit $code: $(tail -1 "$2/$id.log")"
    done
}

echo "== corpus"
align_all "$shared/corpus" "$out/corpus"
python3 "$shared/corpus/score.py" --dir "$shared/corpus" --out-dir "$out/corpus" | grep -A12 -i "^all\|aggregate" | head -14
python3 "$shared/corpus/score_words.py" --dir "$shared/corpus" --out-dir "$out/corpus" | tail -4

echo "== real"
(cd "$shared/real" && python3 to_score_truth.py . "$out/real-truth" > /dev/null)
align_all "$out/real-truth" "$out/real"
python3 "$shared/corpus/score.py" --dir "$out/real-truth" --out-dir "$out/real" | grep -i -A3 "turn" | tail -4
python3 - "$out/real-truth" "$out/real" <<'PY'
import json, glob, os, sys
truth_dir, out = sys.argv[1:]
errors = []
for t in sorted(glob.glob(os.path.join(truth_dir, "*.truth.json"))):
    truth = json.load(open(t))
    if not truth.get("scored"):
        continue
    name = os.path.basename(t)[:-len(".truth.json")]
    try:
        segments = json.load(open(os.path.join(out, name + ".json")))["segments"]
    except (OSError, KeyError, ValueError):
        print(f"{name}: no output"); continue
    # A unit starts at the first segment whose text begins the unit's first words.
    words = json.load(open(os.path.join(out, name + ".words.json")))
    words = words.get("words", words) if isinstance(words, dict) else words
    k, line = 0, []
    for turn in truth["turns"]:
        n = len([w for w in truth["words"] if w["turn"] == truth["turns"].index(turn)])
        start = words[k]["start"] if k < len(words) else float("nan")
        e = start - turn["start"]; errors.append(abs(e))
        line.append(f"{e:+.2f}"); k += n
    print(f"{name:28s} " + " ".join(line))
errors.sort()
if errors:
    n = len(errors)
    print(f"units {n}: median {errors[n // 2]:.2f} s, within 0.5 s {100 * sum(e <= 0.5 for e in errors) / n:.1f} %")
PY

for set in heldout heldout-hard heldout-fresh heldout-fresh2 heldout-fresh3; do
    [ -d "$here/target/$set" ] || continue
    echo "== $set"
    mkdir -p "$out/$set"
    align_all "$here/target/$set" "$out/$set"
    python3 "$shared/corpus/score.py" --dir "$here/target/$set" --out-dir "$out/$set" | grep -A12 -i "^all\|aggregate" | head -14
done
