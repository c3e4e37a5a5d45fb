#!/usr/bin/env python3
"""worst.py SET_DIR OUT_DIR [N]: the N (10) worst cue-start errors of podcue's captions in OUT_DIR
over the episodes in SET_DIR (score.py --per-cue; SCORE overrides ../shared/corpus/score.py)."""
import glob, json, os, subprocess, sys
here = os.path.dirname(os.path.abspath(__file__))
score = os.environ.get("SCORE", os.path.join(here, "..", "..", "..", "shared", "corpus", "score.py"))
set_dir, out = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
rows = []
for t in sorted(glob.glob(os.path.join(set_dir, "*.truth.json"))):
    truth = json.load(open(t))
    vtt = os.path.join(out, truth["id"] + ".vtt")
    if not os.path.exists(vtt):
        continue
    r = json.loads(subprocess.run(["python3", score, "--truth", t, "--vtt", vtt, "--json",
                                   "--per-cue"], capture_output=True, text=True, check=True).stdout)
    W = truth["words"]
    for c in r["per_cue"]:
        if c.get("start_err") is None:
            continue
        fw = W[c["first_word"]]
        text = " ".join(w["text"] for w in W[c["first_word"]:c["last_word"] + 1])
        rows.append((abs(c["start_err"]), truth["id"], c["start"], fw["start"], c["start_err"], text))
rows.sort(reverse=True)
for a, eid, cs, ts, e, text in rows[:n]:
    print(f"{eid:<24} cue {cs:8.3f}  truth {ts:8.3f}  err {e:+7.3f}  {text[:70]}")
