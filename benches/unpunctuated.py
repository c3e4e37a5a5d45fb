#!/usr/bin/env python3
"""unpunctuated.py: copies of episodes whose transcripts have lost their punctuation, as an
automatic transcript or a hurried edit gives them.

    python3 benches/unpunctuated.py [--out target/unpunctuated] [SET_DIR ...]

SET_DIR defaults to ../shared/corpus and the held-out sets that exist (target/heldout,
target/heldout-hard, target/heldout-fresh). Two variants of every episode:
- OUT/bare/: every line without . , ; : ! ? (speaker labels, tags, Markdown headings and
  notes kept as they were);
- OUT/lower/: the same, lower case too, as automatic captions come.
The words stay the same words, so the truth is copied unchanged; the audio is linked.
`benches/noisy.sh target/unpunctuated` scores each variant like a set.
"""
import argparse, glob, os, re, shutil

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)

LABEL = re.compile(r"^([A-Z][A-Za-z .'-]{0,40}:\s+)(.*)$")


def strip_line(line, lower):
    # Labels on their own line, Markdown headings and emphasised notes are kept as they were.
    if re.match(r"^\s*(#|\*|\(|$)", line) or (line.rstrip().endswith(":") and len(line) < 48):
        return line
    m = LABEL.match(line)
    head, body = m.groups() if m else ("", line)
    # Punctuation inside tags ("[Laughs.]") and numbers ("3.5", "$13.60") stays.
    parts = re.split(r"(\[[^\]]*\]|\d[.,:]\d)", body)
    out = []
    for k, part in enumerate(parts):
        if k % 2 == 0:
            part = re.sub(r"[.,;:!?]", "", part)
            if lower:
                part = part.lower()
        out.append(part)
    return head + "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--out", default=os.path.join(root, "target", "unpunctuated"))
    args = ap.parse_args()
    sets = args.sets or [os.path.join(root, "..", "shared", "corpus")] + [
        d for d in (os.path.join(root, "target", s) for s in ("heldout", "heldout-hard", "heldout-fresh"))
        if os.path.isdir(d)
    ]
    for variant, lower in (("bare", False), ("lower", True)):
        out = os.path.join(args.out, variant)
        os.makedirs(out, exist_ok=True)
        for d in sets:
            for truth in sorted(glob.glob(os.path.join(d, "*.truth.json"))):
                eid = os.path.basename(truth)[: -len(".truth.json")]
                audio = [p for p in glob.glob(os.path.join(d, eid + ".*")) if not p.endswith((".txt", ".json"))]
                if not audio:
                    continue
                link = os.path.join(out, os.path.basename(audio[0]))
                if not os.path.exists(link):
                    os.symlink(os.path.abspath(audio[0]), link)
                shutil.copy(truth, out)
                with open(os.path.join(d, eid + ".txt"), encoding="utf-8") as f:
                    lines = f.read().split("\n")
                with open(os.path.join(out, eid + ".txt"), "w", encoding="utf-8") as f:
                    f.write("\n".join(strip_line(l, lower) for l in lines))
    print(f"wrote {args.out}/bare and {args.out}/lower")


if __name__ == "__main__":
    main()
