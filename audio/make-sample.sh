#!/usr/bin/env bash
# make-sample.sh: rebuild podcue's bundled sample episode from its transcript.
#
#   audio/make-sample.sh            (run from anywhere; writes into the repository)
#
# Reads   transcripts/sample-episode.txt   (`NAME: text` turns, written for podcue)
# Writes  audio/sample-episode.mp3         (mono, 44.1 kHz, 96 kbit/s MP3, LAME gapless header)
#         audio/sample-episode.truth.json  (exact truth in the format of ../shared/corpus/README.md)
#
# How: every sentence is synthesised on its own with libespeak-ng (through Python's ctypes,
# so that espeak-ng's phoneme events give each word's start and end sample), with the
# square-bracket tags and insertions removed first (they are not spoken). The sentences are
# mixed at exactly chosen gaps (0.35-0.6 s between sentences, 0.5-1.0 s between turns, from
# a seeded generator) after a 3 s soft intro of sine notes made with sox. The mix is
# resampled 22.05 -> 44.1 kHz and peak-normalised with sox, then encoded with ffmpeg's
# libmp3lame. Because the truth is computed from the pieces, its times are exact in the
# gapless-decoded time base; the script checks that by decoding the MP3 with ffmpeg and
# cross-correlating it with the pre-encoding mix (the lag must be 0 samples) and by
# comparing sentence onsets in the decoded audio with the truth.
#
# Needs: bash, python3 (standard library only), espeak-ng (libespeak-ng.so.1), sox, ffmpeg
# (Debian/Ubuntu: apt-get install -y espeak-ng sox ffmpeg). Deterministic: the same tool
# versions give byte-identical outputs (sox runs with -R -D: fixed seeds, no dither;
# ffmpeg with bitexact flags, so no version strings in the file).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
transcript="$root/transcripts/sample-episode.txt"
mp3="$root/audio/sample-episode.mp3"
truth="$root/audio/sample-episode.truth.json"

for tool in python3 espeak-ng sox ffmpeg; do
    command -v "$tool" >/dev/null || { echo "make-sample: $tool is missing (apt-get install -y espeak-ng sox ffmpeg)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. Intro: four soft sine notes (C5 E5 G5 C6), each with a quick attack and a long decay,
#    overlapping a little, 3.0 s in all, about -30 dBFS. Made at the synthesiser's 22.05 kHz.
note() { sox -R -D -n -r 22050 -c 1 -b 16 "$work/note-$1.wav" synth "$2" sine "$1" fade q 0.02 "$2" 0.8 gain -26; }
note 523.25 1.4
note 659.25 1.4
note 783.99 1.4
note 1046.50 1.8
sox -R -D -n -r 22050 -c 1 -b 16 "$work/silence.wav" trim 0 3.0
sox -R -D -m "$work/silence.wav" \
    "|sox -R -D $work/note-523.25.wav -p pad 0.00" \
    "|sox -R -D $work/note-659.25.wav -p pad 0.40" \
    "|sox -R -D $work/note-783.99.wav -p pad 0.80" \
    "|sox -R -D $work/note-1046.50.wav -p pad 1.20" \
    "$work/intro.wav" trim 0 3.0 fade t 0 3.0 0.6

# 2. Speech, mix (22.05 kHz) and the draft truth, from libespeak-ng's events.
python3 - "$transcript" "$work" <<'PY'
import ctypes, json, math, random, re, sys, wave

transcript_path, work = sys.argv[1], sys.argv[2]
SR = 22050

# Who speaks with which espeak-ng voice; names as written in the transcript.
SPEAKERS = {
    "MARCUS": {"full_name": "Marcus Hale", "role": "host", "voice": "en-us+m3", "rate": 165},
    "ELSIE": {"full_name": "Elsie Brandt", "role": "guest", "voice": "en+f3", "rate": 158},
}
# Topic-opening host questions (the first words of the turn) and chapter titles.
CHAPTERS = [
    (None, "Introduction"),
    ("So what is a tool library", "How the tool library began"),
    ("What do people borrow the most", "What people borrow"),
    ("Let's talk about running the place", "Paying the rent"),
    ("Finally, what would you tell", "Advice for starting one"),
]
INTRO_S = 3.0          # intro music length
FIRST_GAP_S = 0.6      # silence between the intro and the first word
SENT_GAP = (0.35, 0.60)  # silence between sentences of one turn
TURN_GAP = (0.50, 1.00)  # silence between turns
TAIL_S = 1.0           # silence after the last word
rng = random.Random(20240611)  # seeded: the gaps are the same on every run

# --- transcript: turns, sentences, words -------------------------------------------
text = open(transcript_path, encoding="utf-8").read()
turns = []
for para in re.split(r"\n\s*\n", text.strip()):
    m = re.match(r"([A-Z][A-Za-z]*):\s+(.*)", para.strip(), re.S)
    if not m:
        sys.exit(f"make-sample: not a `NAME: text` turn: {para[:40]!r}")
    turns.append({"speaker": m.group(1), "text": " ".join(m.group(2).split())})

def split_sentences(t):
    parts = re.split(r"(?<=[.?!])\s+", t)
    out = []
    for p in parts:
        # A tag right after a sentence end ("It did. [Laughs] That ...") belongs to the
        # sentence it follows, as in the corpus truth; at a turn's start it stays.
        m = re.match(r"((?:\[[^\]]*\]\s*)+)(.*)", p)
        if m and out:
            out[-1] += " " + m.group(1).strip()
            p = m.group(2)
        if p:
            out.append(p)
    return out

def spoken(t):
    return " ".join(re.sub(r"\[[^\]]*\]", " ", t).split())

def norm(tok):
    tok = tok.lower().replace("\u2019", "'")
    return re.sub(r"^[^\w']+|[^\w']+$", "", tok).strip("'")

# --- libespeak-ng through ctypes ------------------------------------------------------
lib = ctypes.CDLL("libespeak-ng.so.1")

class Event(ctypes.Structure):  # espeak_EVENT from speak_lib.h
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_char * 8)]

EV_LIST_TERMINATED, EV_WORD, EV_END, EV_MSG_TERMINATED, EV_PHONEME = 0, 1, 5, 6, 7
CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                            ctypes.POINTER(Event))
# AUDIO_OUTPUT_RETRIEVAL, default buffer, default data, phoneme events + don't exit on error.
if lib.espeak_Initialize(1, 0, None, 0x0001 | 0x8000) != SR:
    sys.exit("make-sample: libespeak-ng did not initialise at 22050 Hz")
state = {"samples": [], "events": []}

def on_synth(wav, n, events):
    if wav and n > 0:
        state["samples"].extend(wav[:n])
    i = 0
    while events[i].type != EV_LIST_TERMINATED:
        e = events[i]
        state["events"].append((e.type, e.text_position, e.length, e.sample, e.id.split(b"\0")[0].decode("ascii", "replace")))
        i += 1
    return 0

keep_callback = CALLBACK(on_synth)
lib.espeak_SetSynthCallback(keep_callback)

def run_espeak(text, voice, rate):
    """Raw libespeak-ng output for one text: samples and events (kind, text position, sample, name)."""
    if lib.espeak_SetVoiceByName(voice.encode()) != 0:
        sys.exit(f"make-sample: espeak-ng has no voice {voice}")
    lib.espeak_SetParameter(1, rate, 0)  # espeakRATE, words per minute
    state["samples"], state["events"] = [], []
    data = text.encode("ascii")  # ASCII text: espeak's text positions are byte offsets
    lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, 1, None, None)  # POS_CHARACTER, CHARS_UTF8
    lib.espeak_Synchronize()
    return state["samples"], state["events"]

def word_phonemes(events):
    """Phoneme timeline (sample, is_pause) and, per word event, its position and phoneme indices."""
    words, timeline = [], []
    for kind, pos, length, sample, name in events:
        if kind == EV_WORD and length > 0:  # a 0-length word event (seen at "?") has no text
            words.append({"pos": pos, "phonemes": []})
        elif kind == EV_PHONEME:
            timeline.append((sample, name.startswith("_")))  # pauses are "_..." phonemes
            if not name.startswith("_") and words:
                words[-1]["phonemes"].append(len(timeline) - 1)
    return words, timeline

phoneme_count_cache = {}
def phoneme_count(token, voice, rate):
    """Phonemes espeak-ng gives one word said alone (to split a phrase it merged)."""
    key = (token, voice, rate)
    if key not in phoneme_count_cache:
        words, _ = word_phonemes(run_espeak(token, voice, rate)[1])
        phoneme_count_cache[key] = max(1, sum(len(w["phonemes"]) for w in words))
    return phoneme_count_cache[key]

split_words = []  # tokens whose start came from splitting a merged phrase (reported in notes)

def synth(sentence, voice, rate):
    """Synthesise one sentence: samples and (token index, start, end) per word."""
    samples, events = run_espeak(sentence, voice, rate)
    words, timeline = word_phonemes(events)
    timeline.append((len(samples), True))  # the end of the audio closes the last phoneme
    tokens = [(m.start() + 1, m.group()) for m in re.finditer(r"\S+", sentence)]
    # Word events -> tokens, in order. espeak-ng says some phrases ("to be", "has not") as
    # one word (no event for the second token), and its text positions can be a few bytes
    # early, so: each event takes the next free token, or a later one when its position
    # has reached that token's start.
    nxt = 0
    for w in words:
        later = [i for i, (pos, _) in enumerate(tokens) if i >= nxt and pos <= w["pos"]]
        w["token"] = max([nxt] + later)
        nxt = w["token"] + 1
    if not words or words[0]["token"] != 0 or nxt != len(tokens):
        sys.exit(f"make-sample: espeak words do not match the tokens of {sentence!r}")
    # Give each token its own phonemes; a merged phrase is split at the phoneme where the
    # next token's phonemes begin (counts from each token said alone, scaled to fit).
    per_token = []
    for k, w in enumerate(words):
        last = words[k + 1]["token"] if k + 1 < len(words) else len(tokens)
        span = list(range(w["token"], last))
        ph = w["phonemes"]
        if not ph:
            sys.exit(f"make-sample: no phonemes for {tokens[w['token']][1]!r}")
        if len(span) == 1:
            per_token.append(ph)
            continue
        counts = [phoneme_count(tokens[i][1], voice, rate) for i in span]
        total, acc, cut = sum(counts), 0, [0]
        for c in counts[:-1]:
            acc += c
            cut.append(min(len(ph) - (len(span) - len(cut)), max(cut[-1] + 1, round(acc * len(ph) / total))))
        cut.append(len(ph))
        for j, i in enumerate(span):
            per_token.append(ph[cut[j]:cut[j + 1]])
            if j > 0:
                split_words.append(tokens[i][1])
    out = []
    for i, ph in enumerate(per_token):
        # Start: the word's first phoneme (a stop's closure included); end: whatever
        # phoneme or pause comes after its last one.
        out.append((i, timeline[ph[0]][0], timeline[ph[-1] + 1][0]))
    return samples, out

# --- synthesis and mix ------------------------------------------------------------------
def rms_db(xs):
    loud = [x for x in xs if abs(x) > 300]  # active speech only
    return 10 * math.log10(sum(x * x for x in loud) / len(loud) / 32768.0 ** 2)

pieces = []  # per sentence: turn, paragraph, text, spoken, samples, words
for ti, turn in enumerate(turns):
    if turn["speaker"] not in SPEAKERS:
        sys.exit(f"make-sample: unknown speaker {turn['speaker']}")
    sp = SPEAKERS[turn["speaker"]]
    for si, s in enumerate(split_sentences(turn["text"])):
        say = spoken(s)
        samples, words = synth(say, sp["voice"], sp["rate"])
        pieces.append({"turn": ti, "first_in_turn": si == 0, "text": s, "spoken": say,
                       "samples": samples, "words": words})

# Every speaker's active speech to -20 dBFS, so the voices are equally loud.
gains = {}
for name in SPEAKERS:
    allx = [x for p in pieces if turns[p["turn"]]["speaker"] == name for x in p["samples"]]
    gains[name] = -20.0 - rms_db(allx)

intro = wave.open(f"{work}/intro.wav", "rb")
intro_x = list(memoryview(intro.readframes(intro.getnframes())).cast("h"))
mix_len = int(INTRO_S * SR) + sum(len(p["samples"]) for p in pieces) + int(60 * SR)
mix = [0.0] * mix_len
for i, x in enumerate(intro_x):
    mix[i] += x

cursor = INTRO_S + FIRST_GAP_S  # where the next first word must start (seconds)
sentences, words_out = [], []
for k, p in enumerate(pieces):
    if k > 0:
        lo, hi = TURN_GAP if p["first_in_turn"] else SENT_GAP
        cursor = sentences[-1]["end_exact"] + round(rng.uniform(lo, hi), 3)
    first_word_sample = p["words"][0][1]
    offset = round(cursor * SR) - first_word_sample  # where this sentence's file starts
    g = 10 ** (gains[turns[p["turn"]]["speaker"]] / 20)
    for i, x in enumerate(p["samples"]):
        mix[offset + i] += x * g
    toks = p["spoken"].split()
    for tok_i, a, b in p["words"]:
        words_out.append({"text": toks[tok_i], "norm": norm(toks[tok_i]),
                          "start": round((offset + a) / SR, 3), "end": round((offset + b) / SR, 3),
                          "turn": p["turn"], "sentence": k})
    sw = [w for w in words_out if w["sentence"] == k]
    sentences.append({"turn": p["turn"], "paragraph": p["turn"], "start": sw[0]["start"],
                      "end": sw[-1]["end"], "text": p["text"],
                      "end_exact": (offset + p["words"][-1][2]) / SR,
                      "file_offset": offset, "file_samples": len(p["samples"])})

end_samples = round((sentences[-1]["end_exact"] + TAIL_S) * SR)
end_samples += -end_samples % 576  # whole MP3 frames at 44.1 kHz (1152 samples): no partial-frame padding
mix = mix[:end_samples]
peak = max(abs(x) for x in mix)
if peak >= 32767:
    sys.exit("make-sample: the mix clips; lower the speech level")
with wave.open(f"{work}/mix22.wav", "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(SR)
    w.writeframes(b"".join(int(round(x)).to_bytes(2, "little", signed=True) for x in mix))

# --- draft truth (the encode step adds duration and the encoding check) -------------------
truth_turns = []
for ti, turn in enumerate(turns):
    ss = [s for s in sentences if s["turn"] == ti]
    truth_turns.append({"speaker": turn["speaker"], "start": ss[0]["start"], "end": ss[-1]["end"],
                        "text": turn["text"]})
chapters = []
for opening, title in CHAPTERS:
    if opening is None:
        chapters.append({"start": 0.0, "title": title})
        continue
    ti = next(i for i, t in enumerate(turns) if t["text"].startswith(opening))
    chapters.append({"start": truth_turns[ti]["start"], "title": title})
truth = {
    "id": "sample-episode",
    "audio": "sample-episode.mp3",
    "transcript": "../transcripts/sample-episode.txt",
    "duration": None,
    "speakers": {n: f"espeak-ng {s['voice']} ({s['rate']} wpm)" for n, s in SPEAKERS.items()},
    "turns": truth_turns,
    "sentences": [{k: v for k, v in s.items() if k not in ("end_exact", "file_offset", "file_samples")}
                  for s in sentences],
    "words": words_out,
    "chapters": chapters,
    "non_transcript_audio": [{"start": 0.0, "end": INTRO_S, "kind": "music",
                              "note": "intro: four soft sine notes, alone, before any speech"}],
    "notes": ("podcue's bundled sample: an original two-speaker interview written for podcue, "
              "synthesised with espeak-ng one sentence at a time and mixed at exactly chosen gaps "
              "by audio/make-sample.sh. Word start = the sample of the word's first phoneme event "
              "from libespeak-ng (stop closures included); word end = the sample of the next "
              "phoneme or pause event; sentence and turn times are their first and last words'. "
              "Where espeak-ng says two words as one phrase ('to be', 'has not') the boundary is the "
              "phoneme at which the second word's phonemes begin (phoneme counts from each word said "
              "alone); encoding_check.timing lists those words. "
              "Square-bracket tags and insertions are in the text but were not synthesised."),
    "transcript_style": "clean",
    "conditions": ["2-speaker interview", "clean studio-style pauses (sentence gaps 0.35-0.6 s, turn gaps 0.5-1.0 s)",
                   "3 s music intro alone before the first word", "[Laughs] tags and one [bracketed] insertion, not spoken"],
    "format": {"name": "mp3_44k_mono_96k", "sample_rate": 44100, "channels": 1},
    "speaker_info": {n: {"full_name": s["full_name"], "role": s["role"], "voice": f"espeak:{s['voice']}",
                         "rate": s["rate"], "gain_db": 0.0} for n, s in SPEAKERS.items()},
    "set": "sample",
    "encoding_check": {"timing": {"tokens": len(words_out),
                                  "word_starts_from_phrase_phoneme_split": len(split_words),
                                  "split_words": split_words}},
}
for a, b in zip(words_out, words_out[1:]):
    if not (a["start"] < a["end"] <= b["start"] or a["sentence"] != b["sentence"]):
        sys.exit(f"make-sample: word times out of order at {a['text']!r} {b['text']!r}")
json.dump(truth, open(f"{work}/draft.truth.json", "w"), indent=1)
# Exact sentence onsets (in 22.05 kHz samples) for the check after encoding.
json.dump([round(s["start"] * SR) for s in sentences], open(f"{work}/onsets.json", "w"))
print(f"make-sample: {len(turns)} turns, {len(sentences)} sentences, {len(words_out)} words, "
      f"{end_samples / SR:.2f} s; speaker gains "
      + ", ".join(f"{n} {g:+.1f} dB" for n, g in gains.items()), file=sys.stderr)
PY

# 3. 22.05 -> 44.1 kHz (sox's linear-phase resampler keeps the time base), peak to -1 dBFS.
sox -R -D "$work/mix22.wav" -r 44100 -b 16 "$work/mix44.wav" rate -v gain -n -1

# 4. MP3: mono 44.1 kHz 96 kbit/s; ffmpeg writes the LAME/Xing header with the encoder delay
#    and padding, so a gapless decoder returns exactly the samples of mix44.wav.
ffmpeg -nostdin -y -loglevel error -i "$work/mix44.wav" -map_metadata -1 -fflags +bitexact \
    -flags:a +bitexact -c:a libmp3lame -b:a 96k -ac 1 -ar 44100 "$work/out.mp3"

# 5. Check the time base: decode gaplessly with ffmpeg, find the lag against the mix, and
#    compare sentence onsets in the decoded audio with the truth. Then write the outputs.
ffmpeg -nostdin -y -loglevel error -i "$work/out.mp3" -c:a pcm_s16le "$work/decoded.wav"
python3 - "$work" "$truth" <<'PY'
import json, operator, sys, wave

work, truth_path = sys.argv[1], sys.argv[2]

def read(path):
    with wave.open(path, "rb") as w:
        return w.getframerate(), list(memoryview(w.readframes(w.getnframes())).cast("h"))

sr, dec = read(f"{work}/decoded.wav")
_, ref = read(f"{work}/mix44.wav")
_, ref22 = read(f"{work}/mix22.wav")
onsets22 = json.load(open(f"{work}/onsets.json"))
truth = json.load(open(f"{work}/draft.truth.json"))

def best_lag(a, b, centre, span, n=4096):
    """Lag L maximising sum a[i+L]*b[i] over a window of b starting at centre."""
    win = b[centre:centre + n]
    def score(L):  # normalised, so a louder stretch elsewhere does not win
        seg = a[centre + L:centre + L + n]
        return sum(map(operator.mul, seg, win)) / (sum(map(operator.mul, seg, seg)) ** 0.5 + 1e-9)
    return max(range(-span, span + 1), key=score)

# The resampler: 22.05 kHz sample n must be 44.1 kHz sample 2n.
rs_lags = sorted({best_lag(ref[::2], ref22, on - 200, 40) for on in onsets22[1:4]})
# The encoder: decoded sample n must be mix sample n (1105 would mean the delay leaked).
enc_lags = sorted({best_lag(dec, ref, 2 * on - 400, 1500) for on in onsets22[1:4] + onsets22[-2:]})
if rs_lags != [0] or enc_lags != [0] or len(dec) != len(ref):
    sys.exit(f"make-sample: time base check failed: resampler lags {rs_lags}, encoder lags {enc_lags}, "
             f"decoded {len(dec)} vs mix {len(ref)} samples")

# Sentence onsets seen in the decoded audio: first 2 ms block above -45 dBFS peak-relative
# after the gap, against the truth's sentence start.
thr = max(abs(x) for x in dec) * 10 ** (-45 / 20)
errs = []
for s in truth["sentences"]:
    t = round(s["start"] * sr)
    i = t - int(0.3 * sr)
    while i < len(dec) and max(abs(x) for x in dec[i:i + 88]) < thr:
        i += 88
    errs.append((i - t) / sr)
errs_abs = sorted(abs(e) for e in errs)
truth["duration"] = round(len(dec) / sr, 3)
truth["encoding_check"] = {**truth["encoding_check"],
    "decoded_samples": len(dec), "reference_samples": len(ref),
    "lag_samples_ffmpeg": enc_lags, "lag_samples_resampler": rs_lags,
    "lag_samples_if_encoder_delay_ignored": 1105,
    "sentence_onset_energy_minus_truth_s": {
        "median_abs": round(errs_abs[len(errs_abs) // 2], 3), "max_abs": round(errs_abs[-1], 3),
        "n": len(errs), "note": "first 2 ms block above -45 dB re peak in the ffmpeg-decoded MP3; "
        "positive = energy after the truth start (a soft or closure-initial first phoneme)"},
}
json.dump(truth, open(truth_path, "w"), indent=1, ensure_ascii=False)
open(truth_path, "a").write("\n")
print(f"make-sample: duration {truth['duration']} s, lag {enc_lags[0]} samples, onset |err| median "
      f"{errs_abs[len(errs_abs) // 2]:.3f} s max {errs_abs[-1]:.3f} s", file=sys.stderr)
PY

cp "$work/out.mp3" "$mp3"
echo "make-sample: wrote $mp3 ($(stat -c %s "$mp3") bytes) and $truth" >&2
