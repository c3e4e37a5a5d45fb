#!/usr/bin/env python3
"""edits.py: copies of episodes with a stretch of digital silence spliced in, as an editor's
gap between two takes leaves it.

    python3 benches/edits.py [--seconds 3 8 25] [--out target/edits] [SET_DIR ...]

SET_DIR defaults to ../shared/corpus and target/heldout; every episode with two turns or more
is used. Each is decoded to 16 kHz mono (ffmpeg) and N seconds of zeros are inserted halfway
between the two turns nearest the middle of the episode (inside that pause, which keeps its
own room tone or reverb on both sides). The truth is shifted to match. Writes
OUT/sN/<id>.wav with <id>.txt and <id>.truth.json beside it; `benches/noisy.sh target/edits`
scores each length like a set. Needs python3 with numpy and ffmpeg.
"""
import argparse, glob, json, os, shutil, subprocess, sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
RATE = 16000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--seconds", nargs="*", type=float, default=[3, 8, 25])
    ap.add_argument("--out", default=os.path.join(root, "target", "edits"))
    args = ap.parse_args()
    sets = args.sets or [os.path.join(root, "..", "shared", "corpus"), os.path.join(root, "target", "heldout")]
    for d in sets:
        for truth_path in sorted(glob.glob(os.path.join(d, "*.truth.json"))):
            eid = os.path.basename(truth_path)[:-len(".truth.json")]
            audio = [p for p in glob.glob(os.path.join(d, eid + ".*")) if not p.endswith((".txt", ".json"))]
            truth = json.load(open(truth_path))
            turns = truth["turns"]
            if not audio or len(turns) < 2:
                continue
            raw = subprocess.run(["ffmpeg", "-v", "quiet", "-i", audio[0], "-ac", "1", "-ar", str(RATE), "-f", "f32le", "-"],
                                 capture_output=True, check=True).stdout
            x = np.frombuffer(raw, dtype=np.float32)
            k = min(range(1, len(turns)), key=lambda i: abs(turns[i]["start"] - truth["duration"] / 2))
            cut = (turns[k - 1]["end"] + turns[k]["start"]) / 2
            at = int(round(cut * RATE))
            for seconds in args.seconds:
                y = np.concatenate([x[:at], np.zeros(int(seconds * RATE), dtype=np.float32), x[at:]])
                out = os.path.join(args.out, "s%g" % seconds)
                os.makedirs(out, exist_ok=True)
                subprocess.run(["ffmpeg", "-v", "quiet", "-y", "-f", "f32le", "-ar", str(RATE), "-ac", "1", "-i", "-",
                                "-c:a", "pcm_s16le", "-fflags", "+bitexact", os.path.join(out, eid + ".wav")],
                               input=y.tobytes(), check=True)
                shifted = json.loads(json.dumps(truth))
                for part in ("words", "turns", "sentences", "chapters", "non_transcript_audio"):
                    for item in shifted.get(part) or []:
                        for key in ("start", "end"):
                            if key in item and item[key] >= cut:
                                item[key] = round(item[key] + seconds, 3)
                shifted["duration"] = round(truth["duration"] + seconds, 3)
                shifted["audio"] = eid + ".wav"
                json.dump(shifted, open(os.path.join(out, eid + ".truth.json"), "w"), indent=1)
                shutil.copy(os.path.join(d, eid + ".txt"), out)
            print("edits: %s, %s s of digital silence at %.2f s" % (eid, ", ".join("%g" % s for s in args.seconds), cut),
                  file=sys.stderr)


if __name__ == "__main__":
    main()
