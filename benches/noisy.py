#!/usr/bin/env python3
"""noisy.py: noisy copies of the corpus and the held-out set, for noise robustness.

    python3 benches/noisy.py [--snr 20 17 15 12] [--out target/noisy] [SET_DIR ...]

SET_DIR defaults to ../shared/corpus and target/heldout. Each episode is decoded to 16 kHz
mono (ffmpeg) and seeded pink noise is added at each SNR, relative to the episode's active
level (the RMS of its 10 ms frames above their median energy): music, sponsor reads and any
noise the episode already has stay under it. Writes OUT/snrN/<id>.wav and copies <id>.txt and
<id>.truth.json beside it, so benches/noisy.sh (or score.py --dir) can score each SNR like a set.
Needs python3 with numpy and ffmpeg.

--gated (default out: target/gated): the noise is the second speaker's room, heard only while
that speaker talks, as a noise gate on their track leaves it: open from 0.3 s before each of
their turns to 0.3 s after it, with 20 ms ramps; the other speakers stay clean. Episodes with
one speaker are left out. `benches/noisy.sh target/gated` scores it.
"""
import argparse, glob, json, os, shutil, subprocess, sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def load(path):
    raw = subprocess.run(["ffmpeg", "-v", "quiet", "-i", path, "-ac", "1", "-ar", "16000", "-f", "f32le", "-"],
                         capture_output=True, check=True).stdout
    return np.frombuffer(raw, dtype=np.float32).astype(np.float64)


def pink(n, rng):
    spectrum = np.fft.rfft(rng.standard_normal(n))
    k = np.arange(len(spectrum), dtype=np.float64)
    k[0] = 1.0
    x = np.fft.irfft(spectrum / np.sqrt(k), n)
    return x / np.sqrt(np.mean(x * x))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--snr", nargs="*", type=float, default=[20, 17, 15, 12])
    ap.add_argument("--out")
    ap.add_argument("--gated", action="store_true")
    args = ap.parse_args()
    args.out = args.out or os.path.join(root, "target", "gated" if args.gated else "noisy")
    sets = args.sets or [os.path.join(root, "..", "shared", "corpus"), os.path.join(root, "target", "heldout")]
    for d in sets:
        for truth in sorted(glob.glob(os.path.join(d, "*.truth.json"))):
            eid = os.path.basename(truth)[:-len(".truth.json")]
            audio = [p for p in glob.glob(os.path.join(d, eid + ".*")) if not p.endswith((".txt", ".json"))]
            if not audio:
                continue
            gate = None
            if args.gated:
                turns = json.load(open(truth))["turns"]
                speakers = list(dict.fromkeys(t["speaker"] for t in turns))
                if len(speakers) < 2:
                    continue
            x = load(audio[0])
            if args.gated:
                gate = np.zeros(len(x))
                for t in turns:
                    if t["speaker"] == speakers[1]:
                        gate[max(0, int((t["start"] - 0.3) * 16000)):int((t["end"] + 0.3) * 16000)] = 1.0
                gate = np.convolve(gate, np.ones(320) / 320, mode="same")
            frames = x[: len(x) // 160 * 160].reshape(-1, 160)
            energy = np.mean(frames * frames, axis=1)
            active = np.sqrt(np.mean(energy[energy > np.median(energy)]))
            for snr in args.snr:
                rng = np.random.default_rng(7)  # the same noise for every episode and SNR
                noise = pink(len(x), rng) * active * 10 ** (-snr / 20)
                y = np.clip(x + (noise if gate is None else noise * gate), -1, 1)
                out = os.path.join(args.out, "snr%g" % snr)
                os.makedirs(out, exist_ok=True)
                subprocess.run(["ffmpeg", "-v", "quiet", "-y", "-f", "f32le", "-ar", "16000", "-ac", "1", "-i", "-",
                                "-c:a", "pcm_s16le", "-fflags", "+bitexact", os.path.join(out, eid + ".wav")],
                               input=y.astype(np.float32).tobytes(), check=True)
                for ext in (".txt", ".truth.json"):
                    shutil.copy(os.path.join(d, eid + ext), out)
            print("noisy: %s at %s dB SNR" % (eid, ", ".join("%g" % s for s in args.snr)), file=sys.stderr)


if __name__ == "__main__":
    main()
