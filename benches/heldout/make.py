#!/usr/bin/env python3
"""make.py: build podcue's own held-out-like episodes in the corpus format.

    python3 benches/heldout/make.py [--set heldout|hard|fresh|fresh2|fresh3] [--only ID ...] [--out DIR]

`--set heldout` (default): the 8 episodes of episodes.py (ho01-ho08) into target/heldout;
`--set hard`: the 8 of episodes_hard.py (ho09-ho16: beat music, laughter and applause, phone
callers, a four-way panel, cold opens) into target/heldout-hard; `--set fresh`: the 7 of
episodes_fresh.py (ho17-ho23, one per condition of the corpus's dev episodes, new texts and
voices) into target/heldout-fresh; `--set fresh2`: the 6 of episodes_fresh2.py (ho24-ho29,
new texts, voices and combinations of conditions) into target/heldout-fresh2; `--set fresh3`: the 6
of episodes_fresh3.py (ho30-ho35: a 20 s music intro and a long music interlude, headings and titled
full-name labels in a NAME: transcript, back-channels between similar voices, time stamps before the
labels, host-read and inserted ads inside a turn, a slow list reading, paragraphs cut from the audio,
a cold open not in the transcript's order) into target/heldout-fresh3. Each set is made in one run:
espeak-ng keeps state between episodes, so an episode made alone with --only can differ slightly.

Writes DIR/<id>.<ext>, DIR/<id>.txt and DIR/<id>.truth.json for every episode of the set,
in the format of ../shared/corpus/README.md (the evaluation corpus beside this repository).
Needs python3 with numpy, libespeak-ng (espeak-ng), sox and ffmpeg.

Method (after podcue's audio/make-sample.sh): every sentence is synthesised on its own with
libespeak-ng through ctypes; espeak-ng's word and phoneme events give each word's start sample
(its first phoneme, a stop's closure included) and end sample (the next phoneme or pause event).
Square-bracket tags are removed before synthesis (in the transcript, not spoken); fillers written
{um,} in episodes.py are spoken but left out of the transcript (listed in non_transcript_audio).
Where espeak-ng says two tokens as one phrase ("to be", "BBC's plan") the boundary is the phoneme
at which the second token's phonemes begin (phoneme counts of each token said alone, scaled).
A token whose text has several word events ("$1,250" -> one thousand two hundred and fifty
dollars) is one word from its first phoneme to its last.

Sentences are mixed at exactly chosen gaps (seeded) at 22.05 kHz with numpy, every speaker's
active speech at -20 dBFS plus a per-speaker gain; optional sox reverb on the speech (time base
checked by cross-correlation), seeded pink noise and mains hum at a set SNR, sox-synthesised chord
music (intro / under speech / sponsor bed / outro) and a sponsor read by a voice that is not in
the transcript. The mix is peak-normalised to -1 dBFS, resampled with sox's linear-phase
resampler (rate -v) and encoded with ffmpeg (bitexact). The script decodes the result with ffmpeg
and checks that the decoded audio has lag 0 against the pre-encoding reference, and that the
reference has lag 0 against the 22.05 kHz mix (via resampling back). Deterministic: seeded
generators, sox -R -D, no dither, ffmpeg bitexact flags.

Word definition: a whitespace token of the transcript containing a letter or a digit (the corpus
has no digits; here "1987" and "$45" are words).
"""
import argparse, ctypes, json, math, os, random, re, shutil, subprocess, sys, tempfile, unicodedata, wave

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import episodes  # noqa: E402
import episodes_hard  # noqa: E402
import episodes_fresh  # noqa: E402
import episodes_fresh2  # noqa: E402
import episodes_fresh3  # noqa: E402

SET_LABEL = "heldout-dev"

SR = 22050

# ---------------------------------------------------------------- libespeak-ng through ctypes
lib = ctypes.CDLL("libespeak-ng.so.1")


class Event(ctypes.Structure):  # espeak_EVENT from speak_lib.h
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_char * 8)]


EV_LIST_TERMINATED, EV_WORD, EV_PHONEME = 0, 1, 7
CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(Event))
if lib.espeak_Initialize(1, 0, None, 0x0001 | 0x8000) != SR:
    sys.exit("make: libespeak-ng did not initialise at 22050 Hz")
_state = {"samples": [], "events": []}


def _on_synth(wav, n, events):
    if wav and n > 0:
        _state["samples"].extend(wav[:n])
    i = 0
    while events[i].type != EV_LIST_TERMINATED:
        e = events[i]
        _state["events"].append((e.type, e.text_position, e.length, e.sample,
                                 e.id.split(b"\0")[0].decode("ascii", "replace")))
        i += 1
    return 0


_keep = CALLBACK(_on_synth)
lib.espeak_SetSynthCallback(_keep)


def run_espeak(text, v):
    """Raw libespeak-ng output: samples, events. v: voice dict (voice, rate, pitch, range)."""
    if lib.espeak_SetVoiceByName(v["voice"].encode()) != 0:
        sys.exit(f"make: espeak-ng has no voice {v['voice']}")
    lib.espeak_SetParameter(1, v["rate"], 0)          # espeakRATE (wpm)
    lib.espeak_SetParameter(3, v.get("pitch", 50), 0)  # espeakPITCH 0-100
    lib.espeak_SetParameter(4, v.get("range", 50), 0)  # espeakRANGE 0-100
    _state["samples"], _state["events"] = [], []
    data = text.encode("ascii")  # ASCII: espeak's text positions are byte offsets (1-based)
    lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, 1, None, None)  # POS_CHARACTER, CHARS_UTF8
    lib.espeak_Synchronize()
    return list(_state["samples"]), list(_state["events"])


def events_to_words(events):
    words, timeline = [], []
    for kind, pos, length, sample, name in events:
        if kind == EV_WORD and length > 0:
            words.append({"pos": pos, "phonemes": []})
        elif kind == EV_PHONEME:
            timeline.append((sample, name.startswith("_")))
            if not name.startswith("_") and words:
                words[-1]["phonemes"].append(len(timeline) - 1)
    return words, timeline


_pc_cache = {}


def phoneme_count(token, v):
    key = (token, v["voice"], v["rate"], v.get("pitch", 50))
    if key not in _pc_cache:
        ws, _ = events_to_words(run_espeak(token, v)[1])
        _pc_cache[key] = max(1, sum(len(w["phonemes"]) for w in ws))
    return _pc_cache[key]


def synth_tokens(tokens, v, log):
    """Synthesise the spoken tokens (ASCII strings) as one utterance.
    Returns samples and per token (start_sample, end_sample, how) with how in
    {"event", "split", "multi"}."""
    text = " ".join(tokens)
    spans, p = [], 1
    for t in tokens:
        spans.append((p, p + len(t)))
        p += len(t) + 1
    samples, events = run_espeak(text, v)
    words, timeline = events_to_words(events)
    timeline.append((len(samples), True))
    owner = [[] for _ in tokens]  # phoneme indices per token
    nev = [0] * len(tokens)
    for w in words:
        ti = next((i for i, (a, b) in enumerate(spans) if w["pos"] < b), None)  # containing or next token
        if ti is None:
            ti = len(tokens) - 1
        owner[ti].extend(w["phonemes"])
        nev[ti] += 1
    # monotonic check and merged phrases: a token without phonemes shares the previous owner's
    groups, cur = [], None
    for i in range(len(tokens)):
        if owner[i]:
            cur = [i]
            groups.append(cur)
        else:
            if cur is None:
                raise SystemExit(f"make: first token without phonemes in {text!r}")
            cur.append(i)
    per = [None] * len(tokens)
    how = ["event"] * len(tokens)
    for g in groups:
        ph = sorted(owner[g[0]])
        if len(g) == 1:
            per[g[0]] = ph
            if nev[g[0]] > 1:
                how[g[0]] = "multi"
            continue
        counts = [phoneme_count(tokens[i], v) for i in g]
        total, acc, cut = sum(counts), 0, [0]
        if len(ph) < len(g):
            raise SystemExit(f"make: cannot split {[tokens[i] for i in g]} in {text!r}")
        for c in counts[:-1]:
            acc += c
            cut.append(min(len(ph) - (len(g) - len(cut)), max(cut[-1] + 1, round(acc * len(ph) / total))))
        cut.append(len(ph))
        for j, i in enumerate(g):
            per[i] = ph[cut[j]:cut[j + 1]]
            if j > 0:
                how[i] = "split"
    out = []
    for i, ph in enumerate(per):
        # order check: phonemes of token i after those of token i-1
        if i and per[i - 1][-1] >= ph[0]:
            raise SystemExit(f"make: phonemes out of order at {tokens[i]!r} in {text!r}")
        out.append((timeline[ph[0]][0], timeline[ph[-1] + 1][0], how[i]))
        # sanity: phonemes given vs the token said alone (only logged)
        alone = phoneme_count(tokens[i], v)
        if how[i] == "event" and (len(ph) > 2 * alone + 2 or 2 * len(ph) + 2 < alone):
            log.append(f"phoneme count {len(ph)} vs alone {alone}: {tokens[i]!r} in {text!r}")
    return np.array(samples, dtype=np.float64), out


# ---------------------------------------------------------------- text helpers
ABBREV = {"dr.", "mr.", "mrs.", "ms.", "st.", "u.s.", "a.m.", "p.m.", "e.g.", "i.e.", "vs.", "jan.", "feb.",
          "aug.", "sept.", "oct.", "nov.", "dec.", "approx."}
ASCII_MAP = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2026": "..."}


def is_word(tok):
    return any(ch.isalnum() for ch in tok)


def norm(tok):
    tok = unicodedata.normalize("NFKC", tok).lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"^[^\w']+|[^\w']+$", "", tok).strip("'")


def items_of(text):
    """Tokens of a paragraph source: ('tag', '[..]'), ('filler', 'um,'), ('tok', 'word')."""
    out = []
    for m in re.finditer(r"\{[^}]*\}|\[[^\]]*\][^\s]*|\S+", text):
        s = m.group()
        if s.startswith("{"):
            out.append(("filler", s[1:-1]))
        elif s.startswith("["):
            out.append(("tag", s))
        else:
            out.append(("tok", s))
    return out


def display(text):
    """Transcript text of a source: fillers removed."""
    return " ".join(re.sub(r"\{[^}]*\}", " ", text).split())


def split_sentences(par):
    """Split a paragraph source at sentence ends; a tag right after a sentence end belongs to it."""
    toks = [m.group() for m in re.finditer(r"\{[^}]*\}|\[[^\]]*\]\S*|\S+", par)]
    sents, cur = [], []
    for t in toks:
        cur.append(t)
        plain = re.sub(r"[\"\u201d\u2019)]+$", "", t)
        if (re.search(r"[.?!]$", plain) and t.lower() not in ABBREV and not t.startswith("{")
                and not t.startswith("[")):
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    out = []
    for s in sents:
        while out and s and s[0].startswith("["):
            out[-1].append(s.pop(0))
        if s:
            out.append(s)
    return [" ".join(s) for s in out]


def spoken_tokens(src):
    """Spoken ASCII tokens of a sentence source with their role: ('w', k) transcript word k,
    ('f', j) filler j. Non-word tokens ('—') are not spoken (a comma goes on the previous token)."""
    toks, roles, fillers = [], [], []
    k = 0
    for kind, s in items_of(src):
        if kind == "tag":
            continue
        if kind == "filler":
            j = len(fillers)
            fillers.append(s)
            for part in s.split():
                toks.append(part)
                roles.append(("f", j))
            continue
        a = "".join(ASCII_MAP.get(ch, ch) for ch in s)
        if not is_word(s):
            if toks and not toks[-1].endswith(","):
                toks[-1] += ","
            continue
        a = a.replace("\u2014", ",")
        if any(ord(ch) > 127 for ch in a):
            raise SystemExit(f"make: non-ASCII in spoken token {s!r}")
        toks.append(a)
        roles.append(("w", k))
        k += 1
    return toks, roles, fillers


def transcript_words(src):
    return [s for kind, s in items_of(src) if kind == "tok" and is_word(s)]


# ---------------------------------------------------------------- episode script
def parse_script(script):
    """'= title' chapter marker, 'KEY: text' new turn, '> text' next paragraph, '! sponsor'.
    fresh3 additions: '[stamp] KEY: text' writes the stamp before the label; '~ text' is a further
    paragraph of the turn that is in the transcript but not spoken (cut from the audio); '+ text' is a
    new turn of the same speaker written without a label (after '! sponsor': an ad inside a turn)."""
    turns, chapters, sponsors = [], [], []
    pending = None
    pend_ev = []  # '! KIND SECONDS' (music, stinger, laugh, applause) before the next paragraph
    for line in script.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("= "):
            pending = line[2:].strip()
        elif line == "! sponsor":
            sponsors.append(len(turns))  # before turn index len(turns)
        elif line.startswith("! "):
            kind, secs = line[2:].split()
            if kind not in ("music", "stinger", "laugh", "applause"):
                raise SystemExit(f"make: bad event {line!r}")
            pend_ev.append((kind, float(secs)))
        elif line.startswith("~ "):
            if pend_ev or pending:
                raise SystemExit(f"make: event or chapter at a cut paragraph {line[:50]!r}")
            turns[-1]["paras"].append(line[2:].strip())
            turns[-1].setdefault("cut", set()).add(len(turns[-1]["paras"]) - 1)
        elif line.startswith("+ "):
            turns.append({"key": turns[-1]["key"], "paras": [line[2:].strip()], "events": {}, "cont": True})
            if pend_ev:
                turns[-1]["events"][0] = pend_ev
                pend_ev = []
            if pending:
                chapters.append((len(turns) - 1, 0, pending))
                pending = None
        elif line.startswith("> "):
            turns[-1]["paras"].append(line[2:].strip())
            if pend_ev:
                turns[-1]["events"][len(turns[-1]["paras"]) - 1] = pend_ev
                pend_ev = []
            if pending:
                chapters.append((len(turns) - 1, len(turns[-1]["paras"]) - 1, pending))
                pending = None
        else:
            stamp = None
            if line.startswith("["):
                stamp, line = line.split("] ", 1)
                stamp += "]"
            m = re.match(r"([A-Za-z]+):\s+(.*)", line)
            if not m:
                raise SystemExit(f"make: bad script line {line[:50]!r}")
            turns.append({"key": m.group(1), "paras": [m.group(2)], "events": {}})
            if stamp:
                turns[-1]["stamp"] = stamp
            if pend_ev:
                turns[-1]["events"][0] = pend_ev
                pend_ev = []
            if pending:
                chapters.append((len(turns) - 1, 0, pending))
                pending = None
    return turns, chapters, sponsors


def render_transcript(ep, turns, chapters):
    sp = ep["speakers"]
    style = ep["style"]
    lab = {k: (s["full_name"] if style == "fullname" else s["label"]) for k, s in sp.items()}
    parts = []
    fresh3 = ep.get("headings") or any(t.get("cont") or t.get("stamp") for t in turns)
    if style == "markdown":
        parts += [f"# {ep['title']}", f"*{ep['subtitle']}*"]
        heads = {(t, p): title for t, p, title in chapters}
        for ti, t in enumerate(turns):
            for pi, para in enumerate(t["paras"]):
                if (ti, pi) in heads:
                    parts.append(f"## {heads[(ti, pi)]}")
                parts.append(display(para))
    elif style == "plain":
        for t in turns:
            parts += [display(p) for p in t["paras"]]
    elif style == "fullname" and not fresh3:
        for t in turns:
            parts.append(f"{lab[t['key']]}:\n{display(t['paras'][0])}")
            parts += [display(p) for p in t["paras"][1:]]
    elif not fresh3:  # clean / article
        body = []
        for t in turns:
            body.append(f"{lab[t['key']]}: {display(t['paras'][0])}")
            body += [display(p) for p in t["paras"][1:]]
        if style == "article":
            parts += ep["article_head"] + body + ep["article_foot"]
        else:
            parts += body
    else:  # fresh3: headings (ep["headings"]: format with {title}), stamps before labels, unlabelled turns
        heads = {(t, p): title for t, p, title in chapters}
        body = []
        for ti, t in enumerate(turns):
            for pi, para in enumerate(t["paras"]):
                if ep.get("headings") and (ti, pi) in heads:
                    body.append(ep["headings"].format(title=heads[(ti, pi)]))
                if pi or t.get("cont"):
                    body.append(display(para))
                elif style == "fullname":
                    body.append(f"{t.get('stamp', '') and t['stamp'] + ' '}{lab[t['key']]}:\n{display(para)}")
                else:
                    body.append(f"{t.get('stamp', '') and t['stamp'] + ' '}{lab[t['key']]}: {display(para)}")
        if style == "article":
            parts += ep["article_head"] + body + ep["article_foot"]
        else:
            parts += body
    return "\n\n".join(parts) + "\n", lab


# ---------------------------------------------------------------- audio helpers
def sh(*args):
    subprocess.run(args, check=True)


def write_wav(path, x, sr, width=2):
    """x: float array (n,) or (n, ch) in int16 full-scale units."""
    x = np.asarray(x)
    if x.ndim == 1:
        x = x[:, None]
    y = np.clip(np.round(x), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(x.shape[1]); w.setsampwidth(2); w.setframerate(sr)
        w.writeframes(y.tobytes())


def read_wav(path):
    with wave.open(path, "rb") as w:
        sr, ch, n, sw = w.getframerate(), w.getnchannels(), w.getnframes(), w.getsampwidth()
        raw = w.readframes(n)
    if sw == 2:
        x = np.frombuffer(raw, "<i2").astype(np.float64)
    elif sw == 3:
        b = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int32)
        x = ((b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)) << 8 >> 8).astype(np.float64) / 256.0
    else:
        raise SystemExit(f"make: unsupported wav width {sw}")
    return sr, x.reshape(-1, ch)


def active_rms_db(x):
    a = x[np.abs(x) > 300]
    return 10 * math.log10(np.mean(a * a) / 32768.0 ** 2)


def pink_noise(n, rng):
    w = rng.standard_normal(n)
    f = np.fft.rfft(w)
    k = np.arange(len(f), dtype=np.float64)
    k[0] = 1.0
    f /= np.sqrt(k)
    f[0] = 0
    p = np.fft.irfft(f, n)
    return p / np.sqrt(np.mean(p * p))


NOTE = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}


def freq(name):
    m = re.fullmatch(r"([A-G])([#b]?)(\d)", name)
    semis = NOTE[m.group(1)] + {"#": 1, "b": -1, "": 0}[m.group(2)] + 12 * (int(m.group(3)) - 4)
    return 440.0 * 2 ** (semis / 12)


def music_loop(work, chords, chord_s, wave_kind, tag):
    """One loop of chords made with sox synth (each chord: 3-4 notes on separate channels,
    remixed to mono), at unit RMS."""
    pieces = []
    for ci, ch in enumerate(chords):
        notes = ch.split()
        path = f"{work}/chord-{tag}-{ci}.wav"
        cmd = ["sox", "-R", "-D", "-r", str(SR), "-c", str(len(notes)), "-n", "-c", "1", "-b", "16", path,
               "synth", f"{chord_s}"]
        for nname in notes:
            cmd += [wave_kind, f"{freq(nname):.3f}"]
        cmd += ["fade", "q", "0.08", f"{chord_s}", "0.5", "remix", "-", "gain", "-n", "-3"]
        sh(*cmd)
        pieces.append(read_wav(path)[1][:, 0])
    x = np.concatenate(pieces)
    return x / np.sqrt(np.mean(x * x))


def beat_loop(bpm, bass, seed):
    """One loop of drum-machine music made with numpy: kick on beats 1 and 3, snare on 2 and 4,
    closed hi-hat on every eighth, one plucked bass note per beat (bass: note names, one per beat,
    'x' = rest). Seeded noise; at unit RMS."""
    rng = np.random.default_rng(seed)
    beat = int(round(60.0 / bpm * SR))
    n = beat * len(bass)
    x = np.zeros(n + SR)
    t = np.arange(int(0.35 * SR)) / SR
    kick = np.sin(2 * np.pi * (50 * t + 60 / 18.0 * (1 - np.exp(-18 * t)))) * np.exp(-t / 0.09)
    tn = np.arange(int(0.2 * SR)) / SR
    sn_noise = rng.standard_normal(len(tn))
    sn_noise = np.diff(sn_noise, prepend=0.0)  # brighter
    snare = (0.6 * sn_noise * np.exp(-tn / 0.05) + 0.5 * np.sin(2 * np.pi * 190 * tn) * np.exp(-tn / 0.04))
    th = np.arange(int(0.05 * SR)) / SR
    for i in range(len(bass)):
        a = i * beat
        if i % 2 == 0:
            x[a:a + len(kick)] += 1.0 * kick
        else:
            x[a:a + len(snare)] += 0.55 * snare
        for h in (0, beat // 2):
            hat = np.diff(rng.standard_normal(len(th) + 1), n=1) * np.exp(-th / 0.012)
            x[a + h:a + h + len(hat)] += 0.12 * hat
        if bass[i] != "x":
            f = freq(bass[i])
            tb = np.arange(int(0.8 * beat)) / SR
            note = (np.sin(2 * np.pi * f * tb) + 0.4 * np.sin(2 * np.pi * 2 * f * tb)
                    + 0.2 * np.sin(2 * np.pi * 3 * f * tb)) * np.exp(-tb / 0.18)
            note[:44] *= np.linspace(0, 1, 44)
            note[-220:] *= np.linspace(1, 0, 220)
            x[a:a + len(note)] += 0.5 * note
    tail = x[n:]
    x = x[:n].copy()
    x[:len(tail)] += tail  # wrap the decays round the loop
    return x / np.sqrt(np.mean(x * x))


def laugh_sound(dur, rng):
    """Laughter-like (not words): 'ha' pulses at ~5 Hz, voiced (falling f0, harmonics) plus breath
    noise, decaying; unit RMS over its active part."""
    n = int(round(dur * SR))
    x = np.zeros(n)
    t0, k = 0.0, 0
    f0 = rng.uniform(190, 260)
    while t0 < dur - 0.15:
        ln = rng.uniform(0.09, 0.15)
        m = int(ln * SR)
        tt = np.arange(m) / SR
        f = f0 * (1 - 0.15 * tt / ln) * (1 - 0.03 * k)
        ph = 2 * np.pi * np.cumsum(f) / SR
        v = sum(np.sin(h * ph) / h for h in range(1, 9))
        v += 0.5 * rng.standard_normal(m)
        env = np.sin(np.pi * np.arange(m) / m) ** 2 * (0.85 ** k)
        a = int(t0 * SR)
        x[a:a + m] += v * env
        t0 += ln + rng.uniform(0.06, 0.12)
        k += 1
    a = x[np.abs(x) > 1e-3]
    return x / np.sqrt(np.mean(a * a))


def applause_sound(dur, rng):
    """Applause-like: many short decaying band-limited noise claps (1-5 kHz), 35 per second,
    0.25 s rise and 0.8 s decay; unit RMS."""
    n = int(round(dur * SR))
    x = np.zeros(n + SR // 10)
    cl = int(0.012 * SR)
    tt = np.arange(cl) / SR
    for _ in range(int(35 * dur)):
        a = int(rng.uniform(0, dur) * SR)
        c = np.diff(rng.standard_normal(cl + 1)) * np.exp(-tt / 0.003) * rng.uniform(0.4, 1.0)
        x[a:a + cl] += c
    x = x[:n]
    f = np.fft.rfft(x)
    hz = np.fft.rfftfreq(n, 1 / SR)
    f[(hz < 800) | (hz > 6000)] *= 0.2
    x = np.fft.irfft(f, n)
    env = np.minimum(1.0, np.arange(n) / (0.25 * SR)) * np.minimum(1.0, (n - np.arange(n)) / (0.8 * SR))
    x *= env
    return x / np.sqrt(np.mean(x * x))


def phone_filter(x):
    """Telephone-like: zero-phase band-limit to 300-3400 Hz (FFT, smooth 100 Hz edges), then
    8-bit mu-law companding (quantisation noise that follows the signal). No time shift."""
    n = len(x)
    pad = 2048
    y = np.concatenate([np.zeros(pad), x, np.zeros(pad)])
    f = np.fft.rfft(y)
    hz = np.fft.rfftfreq(len(y), 1 / SR)
    g = np.clip((hz - 250) / 100, 0, 1) * np.clip((3450 - hz) / 100, 0, 1)
    y = np.fft.irfft(f * g, len(y))[pad:pad + n]
    peak = np.abs(y).max()
    u = y / peak
    mu = 255.0
    c = np.sign(u) * np.log1p(mu * np.abs(u)) / np.log1p(mu)
    c = np.round(c * 127) / 127
    return np.sign(c) * np.expm1(np.abs(c) * np.log1p(mu)) / mu * peak


def best_lag(a, b, centre, span, n=4096):
    """Lag L maximising the normalised correlation of a[centre+L:] with b[centre:]."""
    win = b[centre:centre + n]
    best, bl = -1e300, None
    for L in range(-span, span + 1):
        if centre + L < 0:
            continue
        seg = a[centre + L:centre + L + n]
        if len(seg) < len(win):
            continue
        s = float(np.dot(seg, win)) / (math.sqrt(float(np.dot(seg, seg))) + 1e-9)
        if s > best:
            best, bl = s, L
    return bl


FORMATS = {
    "mp3_44k_stereo_128k": dict(ext="mp3", sr=44100, ch=2, args=["-c:a", "libmp3lame", "-b:a", "128k"]),
    "mp3_44k_mono_96k": dict(ext="mp3", sr=44100, ch=1, args=["-c:a", "libmp3lame", "-b:a", "96k"]),
    "mp3_22k_mono_48k": dict(ext="mp3", sr=22050, ch=1, args=["-c:a", "libmp3lame", "-b:a", "48k"]),
    "aac_m4a_44k_stereo_96k": dict(ext="m4a", sr=44100, ch=2, args=["-c:a", "aac", "-b:a", "96k"]),
    "aac_m4a_44k_mono_64k": dict(ext="m4a", sr=44100, ch=1, args=["-c:a", "aac", "-b:a", "64k"]),
    "ogg_vorbis_48k_mono_q3": dict(ext="ogg", sr=48000, ch=1, args=["-c:a", "libvorbis", "-q:a", "3"]),
    "flac_44k_mono_16bit": dict(ext="flac", sr=44100, ch=1, args=["-c:a", "flac", "-sample_fmt", "s16"]),
    "wav_16k_mono_s16": dict(ext="wav", sr=16000, ch=1, args=["-c:a", "pcm_s16le"]),
    "mp3_48k_stereo_160k": dict(ext="mp3", sr=48000, ch=2, args=["-c:a", "libmp3lame", "-b:a", "160k"]),
    "wav_44k_stereo_s16": dict(ext="wav", sr=44100, ch=2, args=["-c:a", "pcm_s16le"]),
    "ogg_vorbis_44k_stereo_q4": dict(ext="ogg", sr=44100, ch=2, args=["-c:a", "libvorbis", "-q:a", "4"]),
}


# ---------------------------------------------------------------- one episode
def build(ep, outdir, work):
    eid = ep["id"]
    rng = random.Random(ep["seed"])
    nrng = np.random.default_rng(ep["seed"])
    log = []
    fmt = FORMATS[ep["format"]]
    turns, chapters, sponsors = parse_script(ep["script"])
    txt, lab = render_transcript(ep, turns, chapters)
    speakers = ep["speakers"]

    # ---- synthesis of sentences
    pieces = []  # dicts: turn, para, text, samples, words[(k, a, b, how)], fillers[(text, a, b)]
    para_no = 0
    for ti, t in enumerate(turns):
        v = speakers[t["key"]]
        for pi, par in enumerate(t["paras"]):
            if pi in t.get("cut", ()):  # in the transcript, not spoken
                para_no += 1
                continue
            for si, s in enumerate(split_sentences(par)):
                toks, roles, fillers = spoken_tokens(s)
                x, times = synth_tokens(toks, v, log)
                if v.get("phone"):
                    x = phone_filter(x)
                words, fill = [], {}
                for (role, idx), (a, b, how) in zip(roles, times):
                    if role == "w":
                        words.append((idx, a, b, how))
                    else:
                        f = fill.setdefault(idx, [fillers[idx], a, b])
                        f[2] = b
                tw = transcript_words(s)
                if len(tw) != len(words):
                    raise SystemExit(f"make: word count mismatch in {s!r}")
                pieces.append({"turn": ti, "para": para_no, "pi": pi, "first_in_turn": pi == 0 and si == 0,
                               "first_in_para": si == 0, "text": display(s), "tw": tw, "samples": x,
                               "words": words, "fillers": list(fill.values()), "key": t["key"]})
            para_no += 1

    # ---- per-speaker gains: active speech to -20 dBFS, then the speaker's offset
    gains = {}
    for k, s in speakers.items():
        xs = [p["samples"] for p in pieces if p["key"] == k]
        if xs:
            gains[k] = -20.0 - active_rms_db(np.concatenate(xs)) + s.get("gain_db", 0.0)

    # ---- sponsor read (not in transcript)
    sponsor = None
    if ep.get("sponsor"):
        sv = ep["sponsor"]
        st = sv["text"].split()
        sx, stimes = synth_tokens(st, sv, log)
        sponsor = {"samples": sx * 10 ** ((-20.0 - active_rms_db(sx)) / 20), "first": stimes[0][0],
                   "last": stimes[-1][1], "text": sv["text"]}

    # ---- layout
    g = ep["gaps"]
    music = ep.get("music", {})
    intro_alone = music.get("intro_alone", 0.0)
    cursor = intro_alone + g.get("first", 0.6) if intro_alone else g.get("first", 0.8)
    total = int((cursor + sum(len(p["samples"]) for p in pieces) / SR + 120) * SR)
    nch = fmt["ch"]
    speech = np.zeros((total, nch))
    sponsor_track = np.zeros(total)
    fx_track = np.zeros(total)
    fx_db = ep.get("fx_db", {})
    FX_GAPS = {"music": ((0.5, 0.9), (0.4, 0.7)), "stinger": ((0.4, 0.7), (0.3, 0.6)),
               "laugh": ((0.05, 0.2), (0.15, 0.35)), "applause": ((0.2, 0.4), (0.3, 0.6))}
    sentences, words_out, nta = [], [], []
    split_words, multi_words = [], []
    prev_end = None
    music_events = []
    for k, p in enumerate(pieces):
        ti = p["turn"]
        if k > 0:
            if p["first_in_turn"] and ti in sponsors and sponsor is not None:
                # sponsor: bed starts after a pause, read starts 1.5 s into the bed
                bed_start = prev_end + 0.8
                s_first = bed_start + music.get("sponsor_lead", 1.5)
                off = round(s_first * SR) - sponsor["first"]
                sponsor_track[off:off + len(sponsor["samples"])] += sponsor["samples"]
                s_end = (off + sponsor["last"]) / SR
                bed_end = s_end + music.get("sponsor_tail", 1.2)
                music_events.append(("bed", bed_start, bed_end))
                nta.append({"start": round(bed_start, 3), "end": round(bed_end, 3), "kind": "music",
                            "note": "sponsor bed: chords alone for %.1f s, under the sponsor read, %.1f s after it"
                                    % (music.get("sponsor_lead", 1.5), music.get("sponsor_tail", 1.2))})
                nta.append({"start": round(s_first, 3), "end": round(s_end, 3), "kind": "sponsor_read",
                            "text": sponsor["text"],
                            "speaker_voice": f"espeak-ng {ep['sponsor']['voice']} ({ep['sponsor']['rate']} wpm)"})
                cursor = bed_end + 0.7
            elif p["first_in_para"] and turns[ti]["events"].get(p["pi"]):
                # events between paragraphs: music alone, a stinger, laughter, applause (not transcript)
                t = prev_end
                for kind, dur in turns[ti]["events"][p["pi"]]:
                    t += round(rng.uniform(*FX_GAPS[kind][0]), 3)
                    a, b = t, t + dur
                    if kind in ("music", "stinger"):
                        if not music:
                            raise SystemExit(f"make: {eid}: {kind} event without music")
                        music_events.append((kind, a, b))
                        nta.append({"start": round(a, 3), "end": round(b, 3), "kind": "music",
                                    "note": "music alone between speech (%s, %.1f s)" % (
                                        "cold-open break / interlude" if kind == "music" else "stinger", dur)})
                    else:
                        snd = (laugh_sound if kind == "laugh" else applause_sound)(dur, nrng)
                        lv = 32768.0 * 10 ** (fx_db.get(kind, -26.0) / 20)
                        ia = int(round(a * SR))
                        fx_track[ia:ia + len(snd)] += snd * lv
                        nta.append({"start": round(a, 3), "end": round(b, 3),
                                    "kind": "laughter" if kind == "laugh" else "applause",
                                    "note": "synthetic %s sound, not speech, not in the transcript, RMS %d dB re "
                                            "speech" % ("laughter" if kind == "laugh" else "applause",
                                                        fx_db.get(kind, -26.0) + 20)})
                    t = b
                cursor = t + round(rng.uniform(*FX_GAPS[kind][1]), 3)
            else:
                key = p["key"]
                if p["first_in_turn"]:
                    lo, hi = g["turn"]
                elif p["first_in_para"]:
                    lo, hi = g.get("para", g["sent"])
                else:
                    lo, hi = g.get("sent_by", {}).get(key, g["sent"])
                cursor = prev_end + round(rng.uniform(lo, hi), 3)
        if k == 0 and p["first_in_para"] and turns[ti]["events"].get(p["pi"]):
            raise SystemExit(f"make: {eid}: event before the first speech")
        off = round(cursor * SR) - p["words"][0][1]
        if off < 0:
            raise SystemExit("make: negative offset")
        amp = 10 ** (gains[p["key"]] / 20)
        pan = speakers[p["key"]].get("pan", 0.0)
        x = p["samples"] * amp
        if nch == 1:
            speech[off:off + len(x), 0] += x
        else:  # constant-power-ish pan, -1 left .. +1 right (small values)
            speech[off:off + len(x), 0] += x * math.sqrt(0.5 * (1 - pan)) * math.sqrt(2)
            speech[off:off + len(x), 1] += x * math.sqrt(0.5 * (1 + pan)) * math.sqrt(2)
        si = len(sentences)
        for (idx, a, b, how) in p["words"]:
            tok = p["tw"][idx]
            words_out.append({"text": tok, "norm": norm(tok), "start": round((off + a) / SR, 3),
                              "end": round((off + b) / SR, 3), "turn": ti, "sentence": si})
            if how == "split":
                split_words.append(tok)
            elif how == "multi":
                multi_words.append(tok)
        for (ftext, a, b) in p["fillers"]:
            nta.append({"start": round((off + a) / SR, 3), "end": round((off + b) / SR, 3), "kind": "filler",
                        "text": " ".join(re.sub(r"[^\w' ]", "", ftext).split())})
        sw = [w for w in words_out if w["sentence"] == si]
        prev_end = (off + p["words"][-1][2]) / SR
        # onset check in the sentence's own samples: first 2 ms block above -45 dB re its peak
        xs = np.abs(p["samples"])
        thr = xs.max() * 10 ** (-45 / 20)
        blk = 44
        nb = len(xs) // blk
        loud = np.nonzero(xs[:nb * blk].reshape(nb, blk).max(axis=1) >= thr)[0]
        onset_err = (loud[0] * blk - p["words"][0][1]) / SR if len(loud) else None
        sentences.append({"turn": ti, "paragraph": p["para"], "start": sw[0]["start"], "end": sw[-1]["end"],
                          "text": p["text"], "_onset_err": onset_err})
    last_end = prev_end

    # ---- music
    music_track = np.zeros(total)
    first_start = words_out[0]["start"]
    if music:
        if music.get("wave") == "beat":
            loop = beat_loop(music["bpm"], music["bass"], ep["seed"])
        else:
            loop = music_loop(work, music["chords"], music["chord_s"], music.get("wave", "sine"), eid)
        reps = int(math.ceil(total / len(loop)))
        bedsrc = np.tile(loop, reps)[:total]
        lvl = lambda db: 32768.0 * 10 ** (db / 20)
        env = np.zeros(total)
        def ramp(a, b, v0, v1):
            ia, ib = int(round(a * SR)), int(round(b * SR))
            if ib > ia:
                env[ia:ib] = np.linspace(v0, v1, ib - ia, endpoint=False)
        if intro_alone:
            under = music.get("intro_under", 0.0)
            ramp(0, 0.05, 0, lvl(music["level_db"]))
            ramp(0.05, intro_alone - 0.3, lvl(music["level_db"]), lvl(music["level_db"]))
            if under:
                ramp(intro_alone - 0.3, first_start, lvl(music["level_db"]), lvl(music["under_db"]))
                ramp(first_start, first_start + under, lvl(music["under_db"]), lvl(music["under_db"]))
                ramp(first_start + under, first_start + under + 1.0, lvl(music["under_db"]), 0)
                mend = first_start + under + 1.0
                nta.append({"start": 0.0, "end": round(mend, 3), "kind": "music",
                            "note": "intro music alone until %.3f s, then under the first speech at %d dB re speech "
                                    "until %.3f s" % (first_start, music["under_db"] + 20, mend)})
            else:
                ramp(intro_alone - 0.3, intro_alone, lvl(music["level_db"]), 0)
                nta.append({"start": 0.0, "end": round(intro_alone, 3), "kind": "music",
                            "note": "intro music alone, before any speech"})
        for kind, a, b in music_events:
            if kind in ("music", "stinger"):
                ramp(a, a + 0.03, 0, lvl(music["level_db"]))
                ramp(a + 0.03, b - 0.4, lvl(music["level_db"]), lvl(music["level_db"]))
                ramp(b - 0.4, b, lvl(music["level_db"]), 0)
                continue
            ramp(a, a + 0.05, 0, lvl(music["level_db"]))
            ramp(a + 0.05, a + 1.0, lvl(music["level_db"]), lvl(music["level_db"]))
            ramp(a + 1.0, a + 1.5, lvl(music["level_db"]), lvl(music["bed_db"]))
            ramp(a + 1.5, b - 0.5, lvl(music["bed_db"]), lvl(music["bed_db"]))
            ramp(b - 0.5, b, lvl(music["bed_db"]), 0)
        if music.get("throughout_db") is not None:
            a, b = first_start - 1.0, last_end + 0.5
            lv = lvl(music["throughout_db"])
            ia = int(round(a * SR))
            env[ia:int(round(b * SR))] = np.maximum(env[ia:int(round(b * SR))], lv)
            nta.append({"start": round(a, 3), "end": round(b, 3), "kind": "music",
                        "note": "music bed under all the speech at %d dB re speech" % (music["throughout_db"] + 20)})
        outro = music.get("outro", 0.0)
        if outro:
            a = last_end + 0.8
            ramp(a, a + 0.05, 0, lvl(music["level_db"]))
            ramp(a + 0.05, a + outro - 1.5, lvl(music["level_db"]), lvl(music["level_db"]))
            ramp(a + outro - 1.5, a + outro, lvl(music["level_db"]), 0)
            nta.append({"start": round(a, 3), "end": round(a + outro, 3), "kind": "music", "note": "outro music"})
            tail_end = a + outro + 0.5
        else:
            tail_end = last_end + g.get("tail", 1.0)
        music_track = bedsrc * env
    else:
        tail_end = last_end + g.get("tail", 1.0)
    if sponsor is not None:
        tail_end = max(tail_end, last_end + 1.0)

    n = int(round(tail_end * SR))
    n += -n % 1152  # whole MP3 frames at 22.05 and 44.1 kHz
    speech, sponsor_track, music_track = speech[:n], sponsor_track[:n], music_track[:n]

    # ---- energy sanity check of the word times on the dry transcript speech (5 ms frames):
    # every word must contain energy (a frame above -40 dB re the speaker's loudest frame);
    # pauses >= 100 ms between words (30 ms trimmed at both ends) must not reach -30 dB re the
    # quieter speaker's loudest frame (espeak leaves -35..-45 dB of breath-like decay in pauses).
    mono = speech.sum(axis=1)
    fr = 110
    nf = len(mono) // fr
    frms = np.sqrt(np.mean(mono[:nf * fr].reshape(nf, fr) ** 2, axis=1))
    spk_of_turn = [t["key"] for t in turns]
    spk_peak = {}
    for w in words_out:
        a, b = int(w["start"] * SR) // fr, int(w["end"] * SR) // fr + 1
        k = spk_of_turn[w["turn"]]
        spk_peak[k] = max(spk_peak.get(k, 0.0), float(frms[a:b].max()))
    no_energy, pause_energy, pauses = [], [], 0
    for i, w in enumerate(words_out):
        thr = spk_peak[spk_of_turn[w["turn"]]] * 10 ** (-40 / 20)
        a, b = int(w["start"] * SR) // fr, int(w["end"] * SR) // fr + 1
        if frms[a:b].max() < thr:
            no_energy.append(w["text"])
        if i + 1 < len(words_out):
            nx = words_out[i + 1]
            if nx["start"] - w["end"] >= 0.1:
                pauses += 1
                thr2 = min(spk_peak[spk_of_turn[w["turn"]]], spk_peak[spk_of_turn[nx["turn"]]]) * 10 ** (-30 / 20)
                pa, pb = int((w["end"] + 0.03) * SR) // fr + 1, int((nx["start"] - 0.03) * SR) // fr
                if pb > pa and frms[pa:pb].max() >= thr2:
                    # fillers legitimately sit in pauses
                    if not any(f["kind"] == "filler" and w["end"] <= f["start"] < nx["start"] for f in nta):
                        j = pa + int(np.argmax(frms[pa:pb]))
                        pause_energy.append(f"{w['text']} | {nx['text']} @ {w['end']:.3f} (pause to {nx['start']:.3f}: "
                                            f"{20 * math.log10(frms[j] / (thr2 / 10 ** (-30 / 20)) + 1e-12):.1f} dB "
                                            f"at {j * fr / SR:.3f})")
    if no_energy:
        log.append(f"words without energy: {no_energy}")
    if pause_energy:
        log.append(f"pauses with energy: {pause_energy}")

    # ---- reverb on the transcript speech (sox), time base checked
    rev = ep.get("reverb")
    if rev:
        write_wav(f"{work}/dry.wav", speech * 0.25, SR)
        sh("sox", "-R", "-D", f"{work}/dry.wav", f"{work}/wet.wav", "reverb", *[str(a) for a in rev])
        _, wet = read_wav(f"{work}/wet.wav")
        wet = wet[:n] * 4.0
        on = round(words_out[5]["start"] * SR)
        lag = best_lag(wet[:, 0], speech[:, 0], on - 200, 200)
        if lag != 0:
            raise SystemExit(f"make: reverb shifted the time base by {lag} samples")
        speech = wet

    # ---- phone line noise (band-limited hiss) while a phone speaker's call is open
    for k, s in speakers.items():
        if s.get("phone") and s.get("line_noise_db") is not None:
            tis = [i for i, t in enumerate(turns) if t["key"] == k]
            ws = [w for w in words_out if w["turn"] in tis]
            a, b = max(0, int(round((ws[0]["start"] - 1.5) * SR))), int(round((ws[-1]["end"] + 1.0) * SR))
            hiss = phone_filter(nrng.standard_normal(b - a))
            hiss *= 32768.0 * 10 ** ((-20.0 + s["line_noise_db"]) / 20) / np.sqrt(np.mean(hiss * hiss))
            fx_track[a:b] += hiss
    fx_track = fx_track[:n]
    mix = speech + sponsor_track[:, None] + music_track[:, None] + fx_track[:, None]

    # ---- noise and hum
    noise = ep.get("noise")
    if noise:
        npow = 10 ** ((-20.0 - noise["snr_db"]) / 10) * 32768.0 ** 2  # vs -20 dBFS active speech
        pn = pink_noise(n, nrng) * math.sqrt(npow * (1 - noise.get("hum_share", 0.0)))
        tt = np.arange(n) / SR
        hum = np.zeros(n)
        if noise.get("hum_hz"):
            hz = noise["hum_hz"]
            hum = np.sin(2 * np.pi * hz * tt) + 0.5 * np.sin(2 * np.pi * 3 * hz * tt + 0.3) \
                + 0.25 * np.sin(2 * np.pi * 5 * hz * tt + 1.1)
            hum *= math.sqrt(npow * noise.get("hum_share", 0.0)) / math.sqrt(np.mean(hum * hum))
        mix = mix + (pn + hum)[:, None]

    peak = np.abs(mix).max()
    mix = mix * (32768.0 * 10 ** (-1 / 20) / peak)
    write_wav(f"{work}/mix22.wav", mix, SR)
    _, mix22 = read_wav(f"{work}/mix22.wav")

    # ---- reference at the target rate, encode, decode, check
    tsr = fmt["sr"]
    ref_path = f"{work}/ref.wav"
    if tsr == SR:
        shutil.copy(f"{work}/mix22.wav", ref_path)
    else:
        sh("sox", "-R", "-D", f"{work}/mix22.wav", "-r", str(tsr), "-b", "16", ref_path, "rate", "-v")
    audio_name = f"{eid}.{fmt['ext']}"
    enc = f"{work}/{audio_name}"
    sh("ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-i", ref_path, "-map_metadata", "-1",
       "-fflags", "+bitexact", "-flags:a", "+bitexact", *fmt["args"], "-ac", str(nch), "-ar", str(tsr), enc)
    sh("ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-i", enc, "-c:a", "pcm_s16le", f"{work}/dec.wav")
    dsr, dec = read_wav(f"{work}/dec.wav")
    _, ref = read_wav(ref_path)
    if dsr != tsr or dec.shape[1] != nch:
        raise SystemExit(f"make: decoded {dsr} Hz {dec.shape[1]} ch")
    # resampler: ref -> 22.05 kHz must line up with the mix
    if tsr != SR:
        sh("sox", "-R", "-D", ref_path, "-r", str(SR), "-b", "16", f"{work}/back22.wav", "rate", "-v")
        _, back = read_wav(f"{work}/back22.wav")
    else:
        back = ref
    onsets = [round(s["start"] * SR) for s in sentences]
    probe = onsets[1:4] + onsets[-2:]
    rs_lags = sorted({best_lag(back[:, 0], mix22[:, 0], on - 200, 40) for on in probe})
    r = tsr / SR
    enc_lags = sorted({best_lag(dec[:, 0], ref[:, 0], round(on * r) - 400, 1500) for on in probe})
    if rs_lags != [0] or enc_lags != [0]:
        raise SystemExit(f"make: {eid}: time base check failed: resampler {rs_lags} encoder {enc_lags}")
    if fmt["ext"] != "m4a" and len(dec) != len(ref):
        raise SystemExit(f"make: {eid}: decoded {len(dec)} vs reference {len(ref)} samples")
    if len(dec) < len(ref):
        raise SystemExit(f"make: {eid}: decoded shorter than reference")

    # ---- truth
    truth_turns = []
    for ti, t in enumerate(turns):
        ss = [s for s in sentences if s["turn"] == ti]
        truth_turns.append({"speaker": lab[t["key"]], "start": ss[0]["start"], "end": ss[-1]["end"],
                            "text": "\n\n".join(display(p) for p in t["paras"])})
    # chapter starts: first word of the marked paragraph
    chaps = []
    if ep["style"] == "plain":
        chaps = [{"start": 0.0, "title": ep["title"]}]
    else:
        for ci, (ti, pi, title) in enumerate(chapters):
            if ci == 0:
                chaps.append({"start": 0.0, "title": title})
                continue
            pno = sum(len(t["paras"]) for t in turns[:ti]) + pi
            s0 = next(s for s in sentences if s["paragraph"] == pno)
            chaps.append({"start": s0["start"], "title": title})
    for a, b in zip(words_out, words_out[1:]):
        if not (a["start"] < a["end"] and a["start"] < b["start"]):
            raise SystemExit(f"make: {eid}: word times out of order at {a['text']!r} {b['text']!r}")
        if a["sentence"] == b["sentence"] and a["end"] > b["start"]:
            raise SystemExit(f"make: {eid}: word end after next start at {a['text']!r}")
    onset_errs = sorted(abs(s["_onset_err"]) for s in sentences if s["_onset_err"] is not None)
    nta.sort(key=lambda e: e["start"])
    truth = {
        "id": eid, "audio": audio_name, "transcript": f"{eid}.txt",
        "duration": round(len(dec) / dsr, 3),
        "speakers": {lab[k]: f"espeak-ng {s['voice']} ({s['rate']} wpm, pitch {s.get('pitch', 50)})"
                     for k, s in speakers.items()},
        "turns": truth_turns,
        "sentences": [{k: v for k, v in s.items() if not k.startswith("_")} for s in sentences],
        "words": words_out,
        "chapters": chaps,
        "non_transcript_audio": nta,
        "notes": ep["notes"] + " Synthesised with libespeak-ng (no MBROLA/festival) by podcue's benches/heldout/make.py; "
                 "word start = the word's first phoneme event (stop closures included), end = the next phoneme "
                 "or pause event. Words are tokens with a letter or digit; a token espeak reads as several "
                 "words (numbers, money, URLs) is one word from its first to its last phoneme.",
        "transcript_style": ep["style"],
        "conditions": ep["conditions"],
        "format": {"name": ep["format"], "sample_rate": tsr, "channels": nch},
        "speaker_info": {lab[k]: {"full_name": s["full_name"], "role": s["role"], "voice": f"espeak:{s['voice']}",
                                  "rate": s["rate"], "pitch": s.get("pitch", 50), "gain_db": s.get("gain_db", 0.0),
                                  **({"pan": s["pan"]} if "pan" in s else {})} for k, s in speakers.items()},
        "set": SET_LABEL,
        "encoding_check": {
            "decoded_samples": len(dec), "reference_samples": len(ref),
            "lag_samples_ffmpeg": enc_lags, "lag_samples_resampler": rs_lags,
            **({"lag_samples_if_encoder_delay_ignored": 1105} if fmt["ext"] == "mp3" else {}),
            **({"lag_samples_if_edit_list_ignored": 1024} if fmt["ext"] == "m4a" else {}),
            "timing": {"tokens": len(words_out), "tokens_without_energy": len(no_energy),
                       "pauses_100ms": pauses, "pauses_with_energy": len(pause_energy), "word_starts_from_phrase_phoneme_split": len(split_words),
                       "split_words": split_words, "multi_event_words": multi_words,
                       "sentence_onset_energy_minus_truth_s": {
                           "median_abs": round(onset_errs[len(onset_errs) // 2], 3),
                           "max_abs": round(onset_errs[-1], 3), "n": len(onset_errs),
                           "note": "per sentence, in its own synthesised samples: first 2 ms block above "
                                   "-45 dB re its peak, minus the first word's start"},
                       "warnings": log},
        },
    }
    with open(f"{outdir}/{eid}.txt", "w", encoding="utf-8") as f:
        f.write(txt)
    with open(f"{outdir}/{eid}.truth.json", "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)
        f.write("\n")
    shutil.copy(enc, f"{outdir}/{audio_name}")
    spk = ", ".join(f"{lab[k]} {gains[k]:+.1f} dB" for k in gains)
    print(f"make: {eid}: {truth['duration']:.1f} s, {len(truth_turns)} turns, {len(sentences)} sentences, "
          f"{len(words_out)} words, {len(split_words)} split, {len(multi_words)} multi-event, lag {enc_lags} "
          f"resampler {rs_lags}, onset |err| median {truth['encoding_check']['timing']['sentence_onset_energy_minus_truth_s']['median_abs']} "
          f"max {onset_errs[-1]:.3f}; gains {spk}; {len(log)} warnings", file=sys.stderr)
    for w in log:
        print(f"  warning: {w}", file=sys.stderr)


def main():
    global SET_LABEL
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=["heldout", "hard", "fresh", "fresh2", "fresh3"], default="heldout")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--out")
    a = ap.parse_args()
    SET_LABEL = {"heldout": "heldout-dev", "hard": "heldout-hard", "fresh": "heldout-fresh",
                 "fresh2": "heldout-fresh2", "fresh3": "heldout-fresh3"}[a.set]
    target = os.path.join(HERE, "..", "..", "target")
    a.out = a.out or os.path.join(target, {"heldout": "heldout", "hard": "heldout-hard", "fresh": "heldout-fresh",
                                           "fresh2": "heldout-fresh2", "fresh3": "heldout-fresh3"}[a.set])
    chosen = {"heldout": episodes, "hard": episodes_hard, "fresh": episodes_fresh,
              "fresh2": episodes_fresh2, "fresh3": episodes_fresh3}[a.set]
    os.makedirs(a.out, exist_ok=True)
    for ep in chosen.EPISODES:
        if a.only and ep["id"] not in a.only:
            continue
        work = tempfile.mkdtemp(prefix="heldout-")
        try:
            build(ep, a.out, work)
        finally:
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
