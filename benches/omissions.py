#!/usr/bin/env python3
"""omissions.py: copies of episodes whose transcript leaves out one sentence that the audio
still has, in the middle of a turn, as a cleaned-up transcript drops an aside or a false start.

    python3 benches/omissions.py [--out target/omissions] [SET_DIR ...]

SET_DIR defaults to ../shared/corpus, target/heldout and target/heldout-fresh. In each episode
the speech paragraph (a `LABEL:` line or a `>` continuation) with at least three sentences
nearest the middle of the transcript loses its middle sentence. The audio and the truth are
unchanged: score.py matches cue text to the truth's words, so the left-out words are simply
not scored (coverage drops by their share) and every other cue start is. Writes
OUT/middle/<id>.txt with the truth and a copy of the audio beside it, and prints what each
episode lost; `benches/noisy.sh target/omissions` aligns and scores the set. Needs python3.
"""
import argparse, glob, os, re, shutil

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
LABEL = re.compile(r"^\s*(>|[A-Za-z][\w .'-]{0,30}:)\s*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--out", default=os.path.join(root, "target", "omissions"))
    args = ap.parse_args()
    sets = args.sets or [os.path.join(root, "..", "shared", "corpus"), os.path.join(root, "target", "heldout"),
                         os.path.join(root, "target", "heldout-fresh")]
    out = os.path.join(args.out, "middle")
    os.makedirs(out, exist_ok=True)
    made = 0
    for d in sets:
        for text_path in sorted(glob.glob(os.path.join(d, "*.txt"))):
            eid = os.path.basename(text_path)[:-len(".txt")]
            truth_path = os.path.join(d, eid + ".truth.json")
            audio = [p for p in glob.glob(os.path.join(d, eid + ".*")) if not p.endswith((".txt", ".json"))]
            if not audio or not os.path.exists(truth_path):
                continue
            lines = open(text_path, encoding="utf-8").read().split("\n")
            paragraphs = []
            for i, line in enumerate(lines):
                label = LABEL.match(line)
                if not label:
                    continue
                body = line[label.end():]
                sentences = SENTENCE_END.split(body)
                if len(sentences) >= 3:
                    paragraphs.append((i, label.group(0), sentences))
            if not paragraphs:
                continue
            i, label, sentences = paragraphs[len(paragraphs) // 2]
            k = len(sentences) // 2
            lines[i] = label + " ".join(sentences[:k] + sentences[k + 1:])
            with open(os.path.join(out, eid + ".txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            shutil.copy(truth_path, out)
            shutil.copy(audio[0], out)
            made += 1
            print(f"{eid}: left out \"{sentences[k]}\"")
    print(f"{made} episodes in {out}")


if __name__ == "__main__":
    main()
