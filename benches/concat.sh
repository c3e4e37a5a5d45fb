#!/usr/bin/env bash
# No-drift check: joins the corpus episodes end to end three times over (about 51 minutes:
# music beds, a sponsor read, seven voice pairs), writes the joined transcript ("NAME: text"
# per turn, from each episode's truth) and the shifted truth, aligns it with podcue and scores
# it with the corpus's score.py and score_words.py, for comparison with the short episodes.
#
#   benches/concat.sh [CORPUS_DIR] [WORK_DIR]
#
# CORPUS_DIR may be a held-out set (target/heldout); the scorers are read from ../shared/corpus
# (SCORER_DIR overrides). OMIT=START-END (seconds of the joined audio) leaves the turns that
# start there out of the transcript and the truth, as a transcript missing a part of the
# episode (OMIT=1380-1980 on the corpus: 9.5 minutes, a third of the way in).
# Needs ffmpeg, ffprobe and python3. PODCUE overrides the binary (default: a release build).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:-$here/../shared/corpus}" && pwd)
work=${2:-$here/target/concat}
podcue=${PODCUE:-$here/target/release/podcue}
# The scorers are the corpus's, also for a set of our own (benches/heldout).
scorer=$(cd "${SCORER_DIR:-$here/../shared/corpus}" && pwd)
case $podcue in /*) ;; */*) podcue=$PWD/$podcue ;; esac
[ -n "${PODCUE:-}" ] || (cd "$here" && cargo build --release --quiet)
mkdir -p "$work"
cd "$work"
python3 - "$corpus" <<'PY'
import glob, json, os, subprocess, sys
corpus = sys.argv[1]
ids = sorted(os.path.basename(f)[:-len(".truth.json")] for f in glob.glob(corpus + "/*.truth.json"))
order = []
for r in range(3):  # three rounds, rotated and alternately reversed
    rot = ids[r:] + ids[:r]
    order += rot if r % 2 == 0 else rot[::-1]
words, turns, lines, parts, off = [], [], [], [], 0.0
for i, id in enumerate(order):
    truth = json.load(open(f"{corpus}/{id}.truth.json"))
    audio = [x for x in glob.glob(f"{corpus}/{id}.*") if not x.endswith((".txt", ".json"))][0]
    wav = f"part{i:02d}.wav"
    if not os.path.exists(wav):
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", audio, "-ac", "2", "-ar", "44100",
                        "-c:a", "pcm_s16le", wav], check=True)
    samples = int(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=duration_ts",
                                  "-of", "csv=p=0", wav], capture_output=True, text=True).stdout)
    parts.append(wav)
    # A word's turn indexes the joined truth's turns, so it moves on by the turns before.
    first_turn = len(turns)
    for t in truth["turns"]:
        turns.append({**t, "start": round(t["start"] + off, 3), "end": round(t["end"] + off, 3)})
        lines.append(f"{t['speaker'].upper()}: {t['text']}")
    for w in truth["words"]:
        words.append({**w, "start": round(w["start"] + off, 3), "end": round(w["end"] + off, 3),
                      "turn": w["turn"] + first_turn})
    off += samples / 44100
omit = os.environ.get("OMIT")
if omit:
    a, b = (float(x) for x in omit.split("-"))
    keep = [i for i, t in enumerate(turns) if not a <= t["start"] < b]
    renumber = {old: new for new, old in enumerate(keep)}
    turns = [turns[i] for i in keep]
    lines = [lines[i] for i in keep]
    words = [{**w, "turn": renumber[w["turn"]]} for w in words if w["turn"] in renumber]
open("list.txt", "w").write("".join(f"file '{p}'\n" for p in parts))
if not os.path.exists("concat.mp3"):
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", "list.txt",
                    "-c:a", "libmp3lame", "-b:a", "128k", "concat.mp3"], check=True)
open("concat.txt", "w").write("\n\n".join(lines) + "\n")
os.makedirs("truth", exist_ok=True)
json.dump({"id": "concat", "audio": "concat.mp3", "transcript": "concat.txt", "duration": off,
           "turns": turns, "words": words, "chapters": [{"start": 0.0, "title": "Start"}]},
          open("truth/concat.truth.json", "w"))
print(f"concat.mp3: {off / 60:.1f} min, {len(turns)} turns, {len(words)} words"
      + (f" (turns starting {omit} s left out)" if omit else ""))
PY
rm -rf out && "$podcue" align concat.mp3 concat.txt -o out -q
python3 "$scorer/score.py" --truth truth/concat.truth.json --vtt out/concat.vtt | sed -n 3,4p
python3 "$scorer/score_words.py" --dir truth --out-dir out | tail -1
