//! Accuracy metrics: scores WebVTT captions, Podcasting 2.0 chapters and word times against a
//! truth file (the corpus `*.truth.json` format) or against a reference caption file.
//!
//! Takes the bytes of the files (truth JSON, VTT, chapters JSON, words JSON) and gives plain
//! serializable reports ([`EpisodeScore`], [`Aggregate`]). This is a faithful port of the corpus
//! scripts `score.py` and `score_words.py` (same tokenizer, same `difflib.SequenceMatcher`
//! alignment with autojunk off, same numpy-style percentiles and rounding), so the figures agree
//! with them; the metric definitions are in the corpus README ("Metrics").
//!
//! Known, deliberate simplifications: HTML entities are decoded for the numeric forms and the
//! common named ones only (not the full HTML5 table), and timestamps accept ASCII digits only.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::{Error, Result};

/// Thresholds (seconds) for the "% within" figures of cue and turn errors, with their JSON keys.
pub const THRESHOLDS: [(f64, &str); 3] = [(0.25, "0.25"), (0.5, "0.5"), (1.0, "1.0")];
/// Thresholds (seconds) for the "% within" figures of chapter errors, with their JSON keys.
pub const CHAPTER_THRESHOLDS: [(f64, &str); 3] = [(0.5, "0.5"), (2.0, "2.0"), (5.0, "5.0")];
const MAX_LINE_CHARS: usize = 42;
const MAX_LINES: usize = 2;
const MAX_CPS: f64 = 20.0;
/// Spelling similarity at which tokens in a mismatched stretch still pair up.
const FUZZY_RATIO: f64 = 0.75;

// ------------------------------------------------------------------------------------------
// Truth

/// The parts of a corpus truth file that scoring uses (other fields are ignored).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Truth {
    /// Episode id.
    #[serde(default)]
    pub id: String,
    /// Decoded length in seconds.
    #[serde(default)]
    pub duration: f64,
    /// Speaker labels as written in the transcript (the values are not used).
    #[serde(default)]
    pub speakers: BTreeMap<String, serde_json::Value>,
    /// Per-label speaker details (full names are used to strip `Name: ` labels).
    #[serde(default)]
    pub speaker_info: BTreeMap<String, SpeakerInfo>,
    /// Speaker turns.
    #[serde(default)]
    pub turns: Vec<TruthTurn>,
    /// Every spoken transcript word, in order.
    pub words: Vec<TruthWord>,
    /// Chapter starts.
    #[serde(default)]
    pub chapters: Vec<TruthChapter>,
}

/// Speaker details in a truth file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SpeakerInfo {
    /// The speaker's full name, if known.
    #[serde(default)]
    pub full_name: Option<String>,
}

/// One truth turn.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TruthTurn {
    /// Start of the turn's first word (seconds).
    pub start: f64,
}

/// One truth word.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TruthWord {
    /// The token as written.
    pub text: String,
    /// Start (seconds).
    pub start: f64,
    /// End (seconds).
    pub end: f64,
    /// Index of the turn the word belongs to.
    #[serde(default)]
    pub turn: usize,
}

/// One truth chapter.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TruthChapter {
    /// Start (seconds).
    pub start: f64,
    /// Title.
    #[serde(default)]
    pub title: String,
}

impl Truth {
    /// Parses a truth JSON file; `path` is only used in the error.
    pub fn from_json(bytes: &[u8], path: &std::path::Path) -> Result<Truth> {
        serde_json::from_slice(bytes).map_err(|e| Error::Format {
            path: path.to_path_buf(),
            message: format!("not a truth file: {e}"),
        })
    }

    /// A pseudo-truth built from a reference caption file of the same transcript: each valid
    /// reference cue's words spread evenly inside it; no turns, no chapters. Speaker names are
    /// taken from the reference's `<v Name>` voice spans.
    pub fn from_reference_vtt(bytes: &[u8], id: &str) -> Truth {
        let parsed = parse_vtt(bytes);
        let voices = voice_names(bytes);
        let names: HashSet<String> = voices.iter().map(|v| norm_label(v)).collect();
        let mut words = Vec::new();
        for cue in &parsed.cues {
            let (text, _) = cue_match_text(cue, &names);
            let toks = py_split(&text);
            let n = toks.len() as f64;
            let dur = cue.end - cue.start;
            for (k, t) in toks.iter().enumerate() {
                words.push(TruthWord {
                    text: (*t).to_string(),
                    start: cue.start + dur * k as f64 / n,
                    end: cue.start + dur * (k + 1) as f64 / n,
                    turn: 0,
                });
            }
        }
        Truth {
            id: id.to_string(),
            duration: parsed.cues.iter().map(|c| c.end).fold(0.0, f64::max),
            speakers: voices
                .into_iter()
                .map(|v| (v, serde_json::Value::Null))
                .collect(),
            words,
            ..Truth::default()
        }
    }

    /// The normalized speaker labels, full names and first names used to strip `Label: `.
    fn speaker_names(&self) -> HashSet<String> {
        let mut names: HashSet<String> = self.speakers.keys().map(|l| norm_label(l)).collect();
        for info in self.speaker_info.values() {
            if let Some(full) = info.full_name.as_deref().filter(|f| !f.is_empty()) {
                names.insert(norm_label(full));
                if let Some(first) = py_split(full).first() {
                    names.insert(norm_label(first));
                }
            }
        }
        names
    }
}

/// The names in `<v Name>` / `<v.class Name>` spans of a caption file.
fn voice_names(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut out: Vec<String> = Vec::new();
    let mut rest = text.as_ref();
    while let Some(p) = rest.find("<v") {
        rest = &rest[p + 2..];
        let Some(close) = rest.find('>') else { break };
        let inner = &rest[..close];
        if inner.starts_with('.') || inner.starts_with(py_space) {
            if let Some(sp) = inner.find(py_space) {
                let name = html_unescape(py_strip(&inner[sp..]));
                if !name.is_empty() && !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        rest = &rest[close..];
    }
    out
}

// ------------------------------------------------------------------------------------------
// Small Python equivalents

/// Python's `str.isspace` (Rust's `White_Space` plus the C0 separators U+001C..U+001F).
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.split()`.
fn py_split(s: &str) -> Vec<&str> {
    s.split(py_space).filter(|p| !p.is_empty()).collect()
}

/// Python's `str.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

/// Python's regex `\w` on `str`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_dash(c: char) -> bool {
    c == '-' || ('\u{2010}'..='\u{2015}').contains(&c)
}

/// Python's `round(x, digits)`: correctly rounded decimal of the exact binary value.
fn round_to(x: f64, digits: usize) -> f64 {
    format!("{x:.digits$}").parse().unwrap_or(x)
}

fn r3(x: Option<f64>) -> Option<f64> {
    x.map(|v| round_to(v, 3))
}

/// Lowercase, NFKC, apostrophes unified, leading/trailing non-word characters removed.
pub fn norm_word(s: &str) -> String {
    let s: String = s.nfkc().collect::<String>().to_lowercase();
    let s = s.replace(['\u{2019}', '\u{2018}', '\u{2bc}'], "'");
    s.trim_matches(|c: char| !is_word_char(c)).to_string()
}

/// Whitespace tokens, further split at hyphens/dashes, normalized, empties dropped.
pub fn tokens_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in py_split(text) {
        for piece in w.split(is_dash) {
            let n = norm_word(piece);
            if !n.is_empty() {
                out.push(n);
            }
        }
    }
    out
}

/// NFKC, whitespace runs collapsed, stripped, lowercased.
fn norm_label(s: &str) -> String {
    let s: String = s.nfkc().collect();
    py_split(&s).join(" ").to_lowercase()
}

/// Percentile with linear interpolation between order statistics (numpy's default).
pub fn percentile(xs: &[f64], p: f64) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut s = xs.to_vec();
    s.sort_by(f64::total_cmp);
    if s.len() == 1 {
        return Some(s[0]);
    }
    let k = (s.len() - 1) as f64 * p / 100.0;
    let f = k.floor();
    let fi = f as usize;
    let ci = (fi + 1).min(s.len() - 1);
    Some(s[fi] + (s[ci] - s[fi]) * (k - f))
}

// ------------------------------------------------------------------------------------------
// difflib.SequenceMatcher (no junk, autojunk off)

/// What an [`Opcode`] says about a stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// `a[i1..i2] == b[j1..j2]`.
    Equal,
    /// `a[i1..i2]` should be replaced by `b[j1..j2]`.
    Replace,
    /// `a[i1..i2]` should be deleted (`j1 == j2`).
    Delete,
    /// `b[j1..j2]` should be inserted (`i1 == i2`).
    Insert,
}

/// One edit step, as `difflib.SequenceMatcher.get_opcodes` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opcode {
    /// The kind of step.
    pub tag: Tag,
    /// Start in `a`.
    pub i1: usize,
    /// End in `a`.
    pub i2: usize,
    /// Start in `b`.
    pub j1: usize,
    /// End in `b`.
    pub j2: usize,
}

/// A port of Python's `difflib.SequenceMatcher(None, a, b, autojunk=False)`: the same
/// longest-matching-block recursion and tie-breaking, hence the same blocks and opcodes.
pub struct SequenceMatcher<'a, T> {
    a: &'a [T],
    b: &'a [T],
    b2j: HashMap<&'a T, Vec<usize>>,
}

impl<'a, T: Eq + Hash> SequenceMatcher<'a, T> {
    /// Prepares matching `a` against `b`.
    pub fn new(a: &'a [T], b: &'a [T]) -> Self {
        let mut b2j: HashMap<&T, Vec<usize>> = HashMap::new();
        for (j, x) in b.iter().enumerate() {
            b2j.entry(x).or_default().push(j);
        }
        SequenceMatcher { a, b, b2j }
    }

    /// The longest block `(i, j, k)` with `a[i..i+k] == b[j..j+k]` inside the ranges; among
    /// equals the one starting earliest in `a`, then in `b`.
    pub fn find_longest_match(
        &self,
        alo: usize,
        ahi: usize,
        blo: usize,
        bhi: usize,
    ) -> (usize, usize, usize) {
        let mut scratch = Scratch::new(self.b.len());
        self.longest(&mut scratch, alo, ahi, blo, bhi)
    }

    fn longest(
        &self,
        sc: &mut Scratch,
        alo: usize,
        ahi: usize,
        blo: usize,
        bhi: usize,
    ) -> (usize, usize, usize) {
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0usize);
        // Python keeps `j2len` (run length ending at b[j] for the previous row) in a dict;
        // here two stamped arrays indexed by j+1 do the same without hashing.
        for i in alo..ahi {
            sc.stamp += 1;
            let (cur_stamp, prev_stamp) = (sc.stamp, sc.stamp - 1);
            std::mem::swap(&mut sc.prev, &mut sc.cur);
            if let Some(js) = self.b2j.get(&self.a[i]) {
                for &j in js {
                    if j < blo {
                        continue;
                    }
                    if j >= bhi {
                        break;
                    }
                    let before = sc.prev[j];
                    let k = if before.0 == prev_stamp { before.1 } else { 0 } + 1;
                    sc.cur[j + 1] = (cur_stamp, k);
                    if k > bestsize {
                        besti = i + 1 - k;
                        bestj = j + 1 - k;
                        bestsize = k;
                    }
                }
            }
        }
        // No junk: these only matter in difflib when junk is defined, kept for faithfulness.
        while besti > alo && bestj > blo && self.a[besti - 1] == self.b[bestj - 1] {
            besti -= 1;
            bestj -= 1;
            bestsize += 1;
        }
        while besti + bestsize < ahi
            && bestj + bestsize < bhi
            && self.a[besti + bestsize] == self.b[bestj + bestsize]
        {
            bestsize += 1;
        }
        // Stamps from this call must not leak into the next: bump past both arrays' stamps.
        sc.stamp += 2;
        (besti, bestj, bestsize)
    }

    /// `get_matching_blocks`: sorted, adjacent blocks merged, ending with `(len a, len b, 0)`.
    pub fn matching_blocks(&self) -> Vec<(usize, usize, usize)> {
        let (la, lb) = (self.a.len(), self.b.len());
        let mut sc = Scratch::new(lb);
        let mut queue = vec![(0, la, 0, lb)];
        let mut blocks = Vec::new();
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.longest(&mut sc, alo, ahi, blo, bhi);
            if k > 0 {
                blocks.push((i, j, k));
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        blocks.sort_unstable();
        let (mut i1, mut j1, mut k1) = (0, 0, 0);
        let mut out = Vec::new();
        for (i2, j2, k2) in blocks {
            if i1 + k1 == i2 && j1 + k1 == j2 {
                k1 += k2;
            } else {
                if k1 > 0 {
                    out.push((i1, j1, k1));
                }
                (i1, j1, k1) = (i2, j2, k2);
            }
        }
        if k1 > 0 {
            out.push((i1, j1, k1));
        }
        out.push((la, lb, 0));
        out
    }

    /// `get_opcodes`: how to turn `a` into `b`.
    pub fn opcodes(&self) -> Vec<Opcode> {
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        for (ai, bj, size) in self.matching_blocks() {
            let tag = if i < ai && j < bj {
                Some(Tag::Replace)
            } else if i < ai {
                Some(Tag::Delete)
            } else if j < bj {
                Some(Tag::Insert)
            } else {
                None
            };
            if let Some(tag) = tag {
                out.push(Opcode {
                    tag,
                    i1: i,
                    i2: ai,
                    j1: j,
                    j2: bj,
                });
            }
            (i, j) = (ai + size, bj + size);
            if size > 0 {
                out.push(Opcode {
                    tag: Tag::Equal,
                    i1: ai,
                    i2: i,
                    j1: bj,
                    j2: j,
                });
            }
        }
        out
    }

    /// `ratio`: 2*M/T, M matched elements, T the total length (1.0 for two empty sequences).
    pub fn ratio(&self) -> f64 {
        let m: usize = self.matching_blocks().iter().map(|b| b.2).sum();
        let t = self.a.len() + self.b.len();
        if t == 0 {
            1.0
        } else {
            2.0 * m as f64 / t as f64
        }
    }
}

/// Run-length rows for [`SequenceMatcher`], reused across calls.
struct Scratch {
    stamp: u64,
    prev: Vec<(u64, usize)>,
    cur: Vec<(u64, usize)>,
}

impl Scratch {
    fn new(lb: usize) -> Self {
        Scratch {
            stamp: 1,
            prev: vec![(0, 0); lb + 1],
            cur: vec![(0, 0); lb + 1],
        }
    }
}

/// Spelling similarity of two tokens (difflib ratio over characters) is at least 0.75.
fn similar(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    SequenceMatcher::new(&a, &b).ratio() >= FUZZY_RATIO
}

/// Monotone alignment of cue tokens to truth tokens: for each cue token, the truth token index
/// it matches, if any (matching blocks, then fuzzy pairing inside replaced stretches).
pub fn align_tokens(cue_toks: &[String], truth_toks: &[String]) -> Vec<Option<usize>> {
    let sm = SequenceMatcher::new(cue_toks, truth_toks);
    let mut res = vec![None; cue_toks.len()];
    for op in sm.opcodes() {
        match op.tag {
            Tag::Equal => {
                for k in 0..op.i2 - op.i1 {
                    res[op.i1 + k] = Some(op.j1 + k);
                }
            }
            Tag::Replace => {
                // Tolerate small spelling differences: greedy monotone pairing, 3 tokens ahead.
                let mut j = op.j1;
                for (slot, tok) in res[op.i1..op.i2].iter_mut().zip(&cue_toks[op.i1..op.i2]) {
                    let window = &truth_toks[j..op.j2.min(j + 3)];
                    if let Some(off) = window.iter().position(|t| similar(tok, t)) {
                        *slot = Some(j + off);
                        j += off + 1;
                    }
                }
            }
            Tag::Delete | Tag::Insert => {}
        }
    }
    res
}

// ------------------------------------------------------------------------------------------
// WebVTT parsing

/// One valid cue.
#[derive(Debug, Clone, PartialEq)]
pub struct VttCue {
    /// Start (seconds).
    pub start: f64,
    /// End (seconds).
    pub end: f64,
    /// Payload lines as written.
    pub lines: Vec<String>,
    /// Identifier line, if any.
    pub id: Option<String>,
    /// 1-based line number of the block.
    pub line: usize,
}

/// A WebVTT file checked against the strict basics of the syntax.
#[derive(Debug, Clone, Default)]
pub struct VttParse {
    /// The first line is a valid `WEBVTT` signature.
    pub header_ok: bool,
    /// The valid cues, in file order.
    pub cues: Vec<VttCue>,
    /// What is wrong, with line numbers.
    pub errors: Vec<String>,
    /// Invalid blocks (plus one for a missing header).
    pub invalid: usize,
}

/// Parses a timestamp `[hh+:]mm:ss.ttt` (minutes and seconds 00-59).
pub fn parse_timestamp(s: &str) -> Option<f64> {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let two_sexagesimal = |p: &str| p.len() == 2 && digits(p) && p.as_bytes()[0] <= b'5';
    let parts: Vec<&str> = s.split(':').collect();
    let (h, m, rest) = match parts.as_slice() {
        [m, rest] => ("0", *m, *rest),
        [h, m, rest] if h.len() >= 2 && digits(h) => (*h, *m, *rest),
        _ => return None,
    };
    let (sec, ms) = rest.split_once('.')?;
    if !two_sexagesimal(m) || !two_sexagesimal(sec) || ms.len() != 3 || !digits(ms) {
        return None;
    }
    // Hours may be any number of digits; accumulate as f64 so huge ones cannot overflow.
    let h = h
        .bytes()
        .fold(0.0, |acc, b| acc * 10.0 + f64::from(b - b'0'));
    let whole = h * 3600.0 + m.parse::<f64>().ok()? * 60.0 + sec.parse::<f64>().ok()?;
    Some(whole + ms.parse::<f64>().ok()? / 1000.0)
}

/// Splits a timing line into start, end and optional settings (the `score.py` regex
/// `^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$`).
fn split_timing(line: &str) -> Option<(&str, &str, Option<&str>)> {
    let blank = |c: char| c == ' ' || c == '\t';
    let s = py_strip(line);
    let e1 = s.find(py_space)?;
    let (a, rest) = s.split_at(e1);
    let rest = rest.strip_prefix(blank)?.trim_start_matches(blank);
    let rest = rest.strip_prefix("-->")?;
    let rest = rest.strip_prefix(blank)?.trim_start_matches(blank);
    let e2 = rest.find(py_space).unwrap_or(rest.len());
    let (b, rest) = rest.split_at(e2);
    if b.is_empty() || a.is_empty() {
        return None;
    }
    if rest.is_empty() {
        return Some((a, b, None));
    }
    let rest = rest.strip_prefix(blank)?.trim_start_matches(blank);
    Some((a, b, (!rest.is_empty()).then_some(rest)))
}

/// Python's `str.isprintable` for one character, approximately: controls, separators other
/// than the space, and the common format characters are not printable.
fn py_printable(c: char) -> bool {
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}'))
}

/// Python's `repr` of a string (for error messages identical to `score.py`'s).
fn py_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => {
                let v = c as u32;
                out.push_str(&match v {
                    0..=0xff => format!("\\x{v:02x}"),
                    0x100..=0xffff => format!("\\u{v:04x}"),
                    _ => format!("\\U{v:08x}"),
                });
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn starts_keyword(line: &str, kw: &str) -> bool {
    line == kw || line.starts_with(&format!("{kw} ")) || line.starts_with(&format!("{kw}\t"))
}

/// Parses WebVTT bytes; every block breaking a rule counts as one invalid cue.
pub fn parse_vtt(data: &[u8]) -> VttParse {
    let mut errors = Vec::new();
    let Ok(text) = std::str::from_utf8(data) else {
        return VttParse {
            header_ok: false,
            cues: Vec::new(),
            errors: vec!["not valid UTF-8".into()],
            invalid: 1,
        };
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let header_ok = starts_keyword(lines[0], "WEBVTT");
    if !header_ok {
        errors.push("line 1: missing 'WEBVTT' signature".to_string());
    }
    let mut i = 1;
    while i < lines.len() && !py_strip(lines[i]).is_empty() {
        if lines[i].contains("-->") {
            errors.push(format!(
                "line {}: cue timing inside header (missing blank line after WEBVTT)",
                i + 1
            ));
            break;
        }
        i += 1;
    }
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut start_line = 0;
    for (k, line) in lines.iter().enumerate().skip(i) {
        if py_strip(line).is_empty() {
            if !cur.is_empty() {
                blocks.push((start_line, std::mem::take(&mut cur)));
            }
        } else {
            if cur.is_empty() {
                start_line = k + 1;
            }
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        blocks.push((start_line, cur));
    }
    let mut cues = Vec::new();
    let mut invalid = 0;
    let mut seen_cue = false;
    let clip = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    for (ln, blk) in blocks {
        let first = blk[0];
        if starts_keyword(first, "NOTE") {
            if blk.iter().any(|l| l.contains("-->")) {
                errors.push(format!("line {ln}: '-->' inside NOTE block"));
                invalid += 1;
            }
            continue;
        }
        if (first == "STYLE"
            || first == "REGION"
            || first.starts_with("STYLE ")
            || first.starts_with("REGION "))
            && !first.contains("-->")
        {
            if seen_cue {
                let kw = py_split(first).first().copied().unwrap_or("");
                errors.push(format!("line {ln}: {kw} block after the first cue"));
                invalid += 1;
            }
            continue;
        }
        let (id, tline, payload) = if first.contains("-->") {
            (None, first, &blk[1..])
        } else if blk.len() > 1 && blk[1].contains("-->") {
            (Some(first.to_string()), blk[1], &blk[2..])
        } else {
            errors.push(format!(
                "line {ln}: block is neither a cue nor a NOTE/STYLE/REGION: {}",
                py_repr(&clip(first, 60))
            ));
            invalid += 1;
            continue;
        };
        seen_cue = true;
        let Some((a, b, settings)) = split_timing(tline) else {
            errors.push(format!(
                "line {ln}: bad timing line {}",
                py_repr(&clip(tline, 80))
            ));
            invalid += 1;
            continue;
        };
        let (Some(a), Some(b)) = (parse_timestamp(a), parse_timestamp(b)) else {
            errors.push(format!(
                "line {ln}: bad timestamp in {}",
                py_repr(&clip(tline, 80))
            ));
            invalid += 1;
            continue;
        };
        for setting in settings.map(py_split).unwrap_or_default() {
            let name = setting.split(':').next().unwrap_or("");
            let known = ["vertical", "line", "position", "size", "align", "region"];
            if !setting.contains(':') || !known.contains(&name) {
                errors.push(format!(
                    "line {ln}: unknown cue setting {}",
                    py_repr(setting)
                ));
            }
        }
        if b <= a {
            errors.push(format!("line {ln}: end {b:.3} is not after start {a:.3}"));
            invalid += 1;
            continue;
        }
        if payload.iter().any(|l| l.contains("-->")) {
            errors.push(format!("line {ln}: '-->' in cue payload"));
            invalid += 1;
            continue;
        }
        cues.push(VttCue {
            start: a,
            end: b,
            lines: payload.iter().map(|l| (*l).to_string()).collect(),
            id,
            line: ln,
        });
    }
    VttParse {
        header_ok,
        cues,
        errors,
        invalid: invalid + usize::from(!header_ok),
    }
}

/// Removes every `<...>` span (an unclosed `<` stays).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('<') {
        match rest[p..].find('>') {
            Some(q) => {
                out.push_str(&rest[..p]);
                rest = &rest[p + q + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// Decodes numeric character references and the common named entities.
fn html_unescape(s: &str) -> String {
    const NAMED: [(&str, &str); 16] = [
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", "\u{a0}"),
        ("hellip", "\u{2026}"),
        ("mdash", "\u{2014}"),
        ("ndash", "\u{2013}"),
        ("lsquo", "\u{2018}"),
        ("rsquo", "\u{2019}"),
        ("ldquo", "\u{201c}"),
        ("rdquo", "\u{201d}"),
        ("lrm", "\u{200e}"),
        ("rlm", "\u{200f}"),
        ("shy", "\u{ad}"),
    ];
    // HTML5 also accepts these without the semicolon.
    const BARE: [&str; 5] = ["amp", "lt", "gt", "quot", "nbsp"];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        if let Some(num) = after.strip_prefix('#') {
            let (hex, body) = match num.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, num),
            };
            let len = body
                .find(|c: char| {
                    !(if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    })
                })
                .unwrap_or(body.len());
            if len > 0 {
                let cp = u32::from_str_radix(&body[..len], if hex { 16 } else { 10 }).ok();
                let c = cp
                    .filter(|&v| v != 0)
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                out.push(c);
                let tail = &body[len..];
                rest = tail.strip_prefix(';').unwrap_or(tail);
                continue;
            }
        } else if let Some((name, value)) = NAMED
            .iter()
            .find(|(n, _)| after.starts_with(&format!("{n};")))
        {
            out.push_str(value);
            rest = &after[name.len() + 1..];
            continue;
        } else if let Some(name) = BARE.iter().find(|n| after.starts_with(**n)) {
            out.push_str(NAMED.iter().find(|(n, _)| n == name).map_or("", |x| x.1));
            rest = &after[name.len()..];
            continue;
        }
        out.push('&');
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Cue payload lines as displayed: markup removed, entities decoded.
pub fn display_lines(cue: &VttCue) -> Vec<String> {
    cue.lines
        .iter()
        .map(|l| html_unescape(&strip_tags(l)))
        .collect()
}

/// Spans of `[...]` and `♪...♪` annotations, left to right, not overlapping.
fn annotation_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut p = 0;
    while p < s.len() {
        let rest = &s[p..];
        let Some(c) = rest.chars().next() else { break };
        if c == '[' {
            if let Some(q) = rest.find(']') {
                spans.push((p, p + q + 1));
                p += q + 1;
                continue;
            }
        } else if c == '\u{266a}' {
            let body = &rest[c.len_utf8()..];
            let end = body
                .find('\u{266a}')
                .map_or(s.len(), |q| p + c.len_utf8() + q + '\u{266a}'.len_utf8());
            spans.push((p, end));
            p = end;
            continue;
        }
        p += c.len_utf8();
    }
    spans
}

/// Text used for word matching (speaker labels, dialogue dashes and annotations removed) and
/// the number of annotation tokens.
fn cue_match_text(cue: &VttCue, names: &HashSet<String>) -> (String, usize) {
    let mut out = Vec::new();
    let mut n_ann = 0;
    for line in display_lines(cue) {
        let mut l = py_strip(&line);
        // `^(?:-|>>+)\s*`
        if let Some(r) = l.strip_prefix('-') {
            l = r.trim_start_matches(py_space);
        } else if l.starts_with(">>") {
            l = l.trim_start_matches('>').trim_start_matches(py_space);
        }
        // `^([^:\[\]]{1,40}):\s+` with a known speaker name.
        if let Some(colon) = l.find(':') {
            let label = &l[..colon];
            let after = &l[colon + 1..];
            let n = label.chars().count();
            if (1..=40).contains(&n)
                && !label.contains(['[', ']'])
                && after.starts_with(py_space)
                && names.contains(&norm_label(label))
            {
                l = after.trim_start_matches(py_space);
            }
        }
        let spans = annotation_spans(l);
        let mut kept = String::with_capacity(l.len());
        let mut last = 0;
        for (a, b) in spans {
            n_ann += tokens_of(&l[a..b]).len().max(1);
            kept.push_str(&l[last..a]);
            kept.push(' ');
            last = b;
        }
        kept.push_str(&l[last..]);
        out.push(kept);
    }
    (out.join(" "), n_ann)
}

// ------------------------------------------------------------------------------------------
// Reports

/// `n`, median, p90, p95, max and mean of `|err|` (seconds, rounded to the millisecond).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AbsStats {
    /// Number of errors.
    pub n: usize,
    /// Median |err|.
    pub median: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
    /// 95th percentile.
    pub p95: Option<f64>,
    /// Largest.
    pub max: Option<f64>,
    /// Mean.
    pub mean: Option<f64>,
}

impl AbsStats {
    /// Statistics of the absolute values of `errs`.
    pub fn of(errs: &[f64]) -> AbsStats {
        let a: Vec<f64> = errs.iter().map(|e| e.abs()).collect();
        if a.is_empty() {
            return AbsStats::default();
        }
        AbsStats {
            n: a.len(),
            median: r3(percentile(&a, 50.0)),
            p90: r3(percentile(&a, 90.0)),
            p95: r3(percentile(&a, 95.0)),
            max: r3(a.iter().copied().reduce(f64::max)),
            mean: r3(Some(a.iter().sum::<f64>() / a.len() as f64)),
        }
    }
}

/// % of errors with |err| within each threshold (keys as in `score.py`: "0.25", "0.5", ...).
pub type Within = BTreeMap<String, Option<f64>>;

fn within(errs: &[f64], ths: &[(f64, &str)]) -> Within {
    ths.iter()
        .map(|&(t, key)| {
            let v = (!errs.is_empty()).then(|| {
                let n = errs.iter().filter(|e| e.abs() <= t + 1e-9).count();
                round_to(100.0 * n as f64 / errs.len() as f64, 1)
            });
            (key.to_string(), v)
        })
        .collect()
}

/// WebVTT validity.
#[derive(Debug, Clone, Default, Serialize)]
pub struct VttReport {
    /// The signature line is right.
    pub header_ok: bool,
    /// Valid cues.
    pub n_cues: usize,
    /// Invalid cues (None when the file is missing).
    pub invalid: Option<usize>,
    /// The first ten problems.
    pub errors: Vec<String>,
}

/// Turn-start errors.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TurnStart {
    /// Truth turns.
    pub n_turns: usize,
    /// Turns whose first word was matched.
    pub n_scored: usize,
    /// Turns whose first word was not matched.
    pub missing: usize,
    /// |err| statistics.
    #[serde(flatten)]
    pub stats: AbsStats,
    /// % within 0.25/0.5/1.0 s.
    pub within: Within,
}

/// Word coverage and unmatched text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    /// Truth words.
    pub truth_words: usize,
    /// Truth words matched by a cue token.
    pub matched_words: usize,
    /// matched / truth (0..1, 4 decimals).
    pub coverage: f64,
    /// Cues with a token matching no truth word.
    pub cues_with_extra_words: usize,
    /// Tokens matching no truth word.
    pub extra_tokens: usize,
    /// `[...]` / `♪...♪` annotation tokens.
    pub annotation_tokens: usize,
    /// Cues matching no truth word at all.
    pub unmatched_cues: usize,
    /// Up to five examples of extra text.
    pub extra_examples: Vec<String>,
}

/// Caption shape on the displayed text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Shape {
    /// Cues.
    pub n_cues: usize,
    /// Longest line (characters).
    pub max_chars_per_line: usize,
    /// Most lines in a cue.
    pub max_lines_per_cue: usize,
    /// % of cues with a line over 42 characters.
    pub pct_line_over_42: f64,
    /// % of cues with more than 2 lines.
    pub pct_over_2_lines: f64,
    /// Shortest cue (s).
    pub dur_min: Option<f64>,
    /// Median cue duration (s).
    pub dur_median: Option<f64>,
    /// Longest cue (s).
    pub dur_max: Option<f64>,
    /// % of cues over 20 characters per second.
    pub pct_over_20cps: f64,
    /// Cues starting before the end of an earlier cue (by more than 1 ms).
    pub overlapping: usize,
    /// Cues starting before the previous cue's start.
    pub out_of_order: usize,
    /// Cues with no text.
    pub empty: usize,
}

/// Chapter figures beyond validity (absent when the file is not a chapters object).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChapterDetail {
    /// startTimes are in order.
    pub sorted: bool,
    /// The smallest startTime is below 1 ms.
    pub first_at_zero: bool,
    /// Predicted chapters.
    pub n_pred: usize,
    /// Truth chapters.
    pub n_truth: usize,
    /// For each truth chapter, the error to the nearest predicted start.
    pub truth_to_pred: AbsStats,
    /// % of truth chapters within 0.5/2/5 s of a predicted start.
    pub truth_within: Within,
    /// % of predicted chapters within 2 s of a truth chapter.
    pub pred_within_2s_of_truth_pct: Option<f64>,
}

/// Chapters score.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChapterScore {
    /// Has a string `version` and a `chapters` list of numeric `startTime >= 0`.
    pub valid: bool,
    /// Problems found.
    pub errors: Vec<String>,
    /// The figures, when the file has a chapters list.
    #[serde(flatten)]
    pub detail: Option<ChapterDetail>,
}

/// Word-start errors (`score_words.py`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct WordScore {
    /// Truth words.
    pub words: usize,
    /// Predicted words matched to a truth word.
    pub matched: usize,
    /// matched / words (4 decimals).
    pub coverage: f64,
    /// Median |start err| (s).
    pub median: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
    /// 95th percentile.
    pub p95: Option<f64>,
    /// % within 0.1 s.
    pub within_0_1: f64,
}

impl WordScore {
    fn of(errs: &[f64], words: usize) -> WordScore {
        WordScore {
            words,
            matched: errs.len(),
            coverage: round_to(errs.len() as f64 / words.max(1) as f64, 4),
            median: r3(percentile(errs, 50.0)),
            p90: r3(percentile(errs, 90.0)),
            p95: r3(percentile(errs, 95.0)),
            within_0_1: round_to(
                100.0 * errs.iter().filter(|&&x| x <= 0.1).count() as f64
                    / errs.len().max(1) as f64,
                1,
            ),
        }
    }
}

/// One cue's errors (`--per-cue`).
#[derive(Debug, Clone, Serialize)]
pub struct CueError {
    /// Index among valid cues.
    pub cue: usize,
    /// Cue start (s).
    pub start: f64,
    /// Cue end (s).
    pub end: f64,
    /// First matched truth word.
    pub first_word: usize,
    /// Last matched truth word.
    pub last_word: usize,
    /// Start error (s).
    pub start_err: f64,
    /// End error (s).
    pub end_err: f64,
}

/// Raw signed errors kept for pooling over a set.
#[derive(Debug, Clone, Default)]
pub struct Pooled {
    /// Cue start errors.
    pub start: Vec<f64>,
    /// Cue end errors.
    pub end: Vec<f64>,
    /// Turn start errors.
    pub turn: Vec<f64>,
    /// Truth chapter -> nearest predicted errors.
    pub chap: Vec<f64>,
    /// Predicted chapter -> nearest truth distances.
    pub chap_prec: Vec<f64>,
    /// Word start |errors|.
    pub word: Vec<f64>,
}

/// Everything measured for one episode (the JSON of `score.py --json`, plus `words`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct EpisodeScore {
    /// Episode id.
    pub id: String,
    /// Duration (s).
    pub duration: f64,
    /// The caption file was missing.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub missing_vtt: bool,
    /// Validity.
    pub vtt: VttReport,
    /// Cue start |err|.
    pub cue_start: AbsStats,
    /// Cue end |err|.
    pub cue_end: AbsStats,
    /// Signed median start error.
    pub cue_start_signed_median: Option<f64>,
    /// Signed median end error.
    pub cue_end_signed_median: Option<f64>,
    /// % of cue starts within 0.25/0.5/1.0 s.
    pub cue_start_within: Within,
    /// % of cue ends within 0.25/0.5/1.0 s.
    pub cue_end_within: Within,
    /// Turn starts.
    pub turn_start: TurnStart,
    /// Coverage.
    pub coverage: Coverage,
    /// Caption shape (None when there are no cues).
    pub shape: Option<Shape>,
    /// Chapters (None when not given).
    pub chapters: Option<ChapterScore>,
    /// Word-start errors (None when no words file was given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<WordScore>,
    /// Per-cue errors.
    #[serde(skip)]
    pub per_cue: Vec<CueError>,
    /// Raw errors for pooling.
    #[serde(skip)]
    pub pooled: Pooled,
}

/// Scores one episode: `vtt` None means the caption file is missing; `chapters` None means no
/// chapters file was given.
pub fn score_episode(truth: &Truth, vtt: Option<&[u8]>, chapters: Option<&[u8]>) -> EpisodeScore {
    let words = &truth.words;
    let mut out = EpisodeScore {
        id: truth.id.clone(),
        duration: truth.duration,
        ..EpisodeScore::default()
    };
    let mut t_toks = Vec::new();
    let mut t_word = Vec::new();
    for (wi, w) in words.iter().enumerate() {
        for t in tokens_of(&w.text) {
            t_toks.push(t);
            t_word.push(wi);
        }
    }
    let names = truth.speaker_names();
    let Some(vtt) = vtt else {
        out.missing_vtt = true;
        out.vtt = VttReport {
            header_ok: false,
            n_cues: 0,
            invalid: None,
            errors: vec!["missing file".into()],
        };
        out.coverage.truth_words = words.len();
        out.cue_start_within = within(&[], &THRESHOLDS);
        out.cue_end_within = within(&[], &THRESHOLDS);
        out.turn_start = TurnStart {
            n_turns: truth.turns.len(),
            missing: truth.turns.len(),
            within: within(&[], &THRESHOLDS),
            ..TurnStart::default()
        };
        out.chapters = chapters.map(|c| score_chapters(truth, c, &mut out.pooled));
        return out;
    };
    let v = parse_vtt(vtt);
    let cues = &v.cues;
    out.vtt = VttReport {
        header_ok: v.header_ok,
        n_cues: cues.len(),
        invalid: Some(v.invalid),
        errors: v.errors.iter().take(10).cloned().collect(),
    };
    let mut c_toks = Vec::new();
    let mut c_cue = Vec::new();
    let mut ann_total = 0;
    for (ci, c) in cues.iter().enumerate() {
        let (txt, n_ann) = cue_match_text(c, &names);
        ann_total += n_ann;
        for t in tokens_of(&txt) {
            c_toks.push(t);
            c_cue.push(ci);
        }
    }
    let amap = align_tokens(&c_toks, &t_toks);
    let mut cue_words: Vec<Vec<usize>> = vec![Vec::new(); cues.len()];
    let mut cue_extra: Vec<Vec<&str>> = vec![Vec::new(); cues.len()];
    let mut matched_word = vec![false; words.len()];
    for (k, tj) in amap.iter().enumerate() {
        let ci = c_cue[k];
        match tj {
            None => cue_extra[ci].push(&c_toks[k]),
            Some(tj) => {
                let wi = t_word[*tj];
                cue_words[ci].push(wi);
                matched_word[wi] = true;
            }
        }
    }
    let (mut s_err, mut e_err) = (Vec::new(), Vec::new());
    for (ci, c) in cues.iter().enumerate() {
        let (Some(&w0), Some(&w1)) = (cue_words[ci].iter().min(), cue_words[ci].iter().max())
        else {
            continue;
        };
        let se = c.start - words[w0].start;
        let ee = c.end - words[w1].end;
        s_err.push(se);
        e_err.push(ee);
        out.per_cue.push(CueError {
            cue: ci,
            start: c.start,
            end: c.end,
            first_word: w0,
            last_word: w1,
            start_err: round_to(se, 3),
            end_err: round_to(ee, 3),
        });
    }
    out.cue_start = AbsStats::of(&s_err);
    out.cue_end = AbsStats::of(&e_err);
    out.cue_start_signed_median = r3(percentile(&s_err, 50.0));
    out.cue_end_signed_median = r3(percentile(&e_err, 50.0));
    out.cue_start_within = within(&s_err, &THRESHOLDS);
    out.cue_end_within = within(&e_err, &THRESHOLDS);

    let mut first_word_of_turn: HashMap<usize, usize> = HashMap::new();
    for (wi, w) in words.iter().enumerate() {
        first_word_of_turn.entry(w.turn).or_insert(wi);
    }
    let mut word_first_cue: HashMap<usize, usize> = HashMap::new();
    for (ci, ws) in cue_words.iter().enumerate() {
        for &wi in ws {
            word_first_cue.entry(wi).or_insert(ci);
        }
    }
    let mut t_err = Vec::new();
    let mut missing = 0;
    for (ti, t) in truth.turns.iter().enumerate() {
        match first_word_of_turn
            .get(&ti)
            .and_then(|wi| word_first_cue.get(wi))
        {
            Some(&ci) => t_err.push(cues[ci].start - t.start),
            None => missing += 1,
        }
    }
    out.turn_start = TurnStart {
        n_turns: truth.turns.len(),
        n_scored: t_err.len(),
        missing,
        stats: AbsStats::of(&t_err),
        within: within(&t_err, &THRESHOLDS),
    };
    let nm = matched_word.iter().filter(|&&m| m).count();
    out.coverage = Coverage {
        truth_words: words.len(),
        matched_words: nm,
        coverage: round_to(nm as f64 / words.len().max(1) as f64, 4),
        cues_with_extra_words: cue_extra.iter().filter(|x| !x.is_empty()).count(),
        extra_tokens: cue_extra.iter().map(Vec::len).sum(),
        annotation_tokens: ann_total,
        unmatched_cues: cue_words.iter().filter(|w| w.is_empty()).count(),
        extra_examples: cue_extra
            .iter()
            .filter(|x| !x.is_empty())
            .take(5)
            .map(|x| x.iter().take(8).copied().collect::<Vec<_>>().join(" "))
            .collect(),
    };
    out.shape = shape_metrics(cues);
    out.pooled.start = s_err;
    out.pooled.end = e_err;
    out.pooled.turn = t_err;
    out.chapters = chapters.map(|c| score_chapters(truth, c, &mut out.pooled));
    out
}

/// Caption shape figures (None for no cues).
pub fn shape_metrics(cues: &[VttCue]) -> Option<Shape> {
    if cues.is_empty() {
        return None;
    }
    let mut s = Shape {
        n_cues: cues.len(),
        ..Shape::default()
    };
    let (mut over_chars, mut over_lines, mut over_cps) = (0usize, 0usize, 0usize);
    let mut durs = Vec::with_capacity(cues.len());
    let mut prev_start: Option<f64> = None;
    let mut max_end: Option<f64> = None;
    for c in cues {
        let dl = display_lines(c);
        let ml = dl.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        s.max_chars_per_line = s.max_chars_per_line.max(ml);
        s.max_lines_per_cue = s.max_lines_per_cue.max(dl.len());
        over_chars += usize::from(ml > MAX_LINE_CHARS);
        over_lines += usize::from(dl.len() > MAX_LINES);
        let d = c.end - c.start;
        durs.push(d);
        let chars = dl
            .iter()
            .map(|l| py_strip(l))
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .count();
        if chars == 0 {
            s.empty += 1;
        }
        if d > 0.0 && chars as f64 / d > MAX_CPS {
            over_cps += 1;
        }
        if prev_start.is_some_and(|p| c.start < p - 1e-6) {
            s.out_of_order += 1;
        }
        if max_end.is_some_and(|m| c.start < m - 1e-3) {
            s.overlapping += 1;
        }
        prev_start = Some(c.start);
        max_end = Some(max_end.map_or(c.end, |m| m.max(c.end)));
    }
    let n = cues.len() as f64;
    let pct = |k: usize| round_to(100.0 * k as f64 / n, 1);
    s.pct_line_over_42 = pct(over_chars);
    s.pct_over_2_lines = pct(over_lines);
    s.pct_over_20cps = pct(over_cps);
    s.dur_min = r3(durs.iter().copied().reduce(f64::min));
    s.dur_median = r3(percentile(&durs, 50.0));
    s.dur_max = r3(durs.iter().copied().reduce(f64::max));
    Some(s)
}

/// Scores a Podcasting 2.0 chapters file against the truth chapters; pools the raw errors.
fn score_chapters(truth: &Truth, data: &[u8], pooled: &mut Pooled) -> ChapterScore {
    let invalid = |e: String| ChapterScore {
        valid: false,
        errors: vec![e],
        detail: None,
    };
    let j: serde_json::Value = match serde_json::from_slice(data) {
        Ok(j) => j,
        Err(e) => return invalid(format!("not JSON: {e}")),
    };
    let Some(list) = j.get("chapters").and_then(|c| c.as_array()) else {
        return invalid("missing 'chapters' list".into());
    };
    let mut res = ChapterScore {
        valid: true,
        ..ChapterScore::default()
    };
    if !j.get("version").is_some_and(|v| v.is_string()) {
        res.valid = false;
        res.errors.push("missing or non-string 'version'".into());
    }
    let mut starts = Vec::new();
    for (k, c) in list.iter().enumerate() {
        let st = c.get("startTime");
        match st.and_then(|v| v.as_f64()).filter(|&v| v >= 0.0) {
            Some(v) => {
                if c.get("title")
                    .and_then(|t| t.as_str())
                    .is_none_or(|t| py_strip(t).is_empty())
                {
                    res.errors.push(format!("chapter {k}: missing title"));
                }
                starts.push(v);
            }
            None => {
                res.valid = false;
                let shown = st.map_or("None".to_string(), |v| v.to_string());
                res.errors
                    .push(format!("chapter {k}: bad startTime {shown}"));
            }
        }
    }
    let sorted = starts.windows(2).all(|w| w[0] <= w[1]);
    let first_at_zero = starts
        .iter()
        .copied()
        .reduce(f64::min)
        .is_some_and(|m| m.abs() < 1e-3);
    if !first_at_zero {
        res.errors.push("first chapter does not start at 0".into());
    }
    let truth_starts: Vec<f64> = truth.chapters.iter().map(|c| c.start).collect();
    let mut errs = Vec::new();
    for &t in &truth_starts {
        // The first of equally near starts, like Python's `min(..., key=)`.
        let mut best: Option<f64> = None;
        for &s in &starts {
            if best.is_none_or(|b| (s - t).abs() < (b - t).abs()) {
                best = Some(s);
            }
        }
        if let Some(b) = best {
            errs.push(b - t);
        }
    }
    let prec: Vec<f64> = if truth_starts.is_empty() {
        Vec::new()
    } else {
        starts
            .iter()
            .map(|&s| {
                truth_starts
                    .iter()
                    .map(|&t| (s - t).abs())
                    .fold(f64::INFINITY, f64::min)
            })
            .collect()
    };
    res.detail = Some(ChapterDetail {
        sorted,
        first_at_zero,
        n_pred: starts.len(),
        n_truth: truth_starts.len(),
        truth_to_pred: AbsStats::of(&errs),
        truth_within: within(&errs, &CHAPTER_THRESHOLDS),
        pred_within_2s_of_truth_pct: pct_within_2(&prec),
    });
    pooled.chap = errs;
    pooled.chap_prec = prec;
    res
}

fn pct_within_2(prec: &[f64]) -> Option<f64> {
    (!prec.is_empty()).then(|| {
        round_to(
            100.0 * prec.iter().filter(|&&p| p <= 2.0).count() as f64 / prec.len() as f64,
            1,
        )
    })
}

/// `score_words.py`'s normalization: NFKC, lowercase, curly apostrophes unified, leading and
/// trailing characters other than word characters and `'` removed.
fn norm_word_loose(s: &str) -> String {
    let s: String = s.nfkc().collect::<String>().to_lowercase();
    let s = s.replace(['\u{2019}', '\u{2018}'], "'");
    s.trim_matches(|c: char| !is_word_char(c) && c != '\'')
        .to_string()
}

/// Scores word times (`{"words": [{"text", "start", ...}]}` or a bare list) against the truth
/// words like `score_words.py`: in-order matching blocks on normalized text, |start error| of
/// each matched word. Gives the figures and the raw |errors|.
pub fn score_words(
    truth: &Truth,
    data: &[u8],
    path: &std::path::Path,
) -> Result<(WordScore, Vec<f64>)> {
    let bad = |m: String| Error::Format {
        path: path.to_path_buf(),
        message: m,
    };
    let j: serde_json::Value =
        serde_json::from_slice(data).map_err(|e| bad(format!("not JSON: {e}")))?;
    let list = match &j {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => o
            .get("words")
            .and_then(|w| w.as_array())
            .ok_or_else(|| bad("no 'words' list".into()))?,
        _ => return Err(bad("neither a list nor an object with 'words'".into())),
    };
    let tw: Vec<String> = truth
        .words
        .iter()
        .map(|w| norm_word_loose(&w.text))
        .collect();
    let pw: Vec<String> = list
        .iter()
        .map(|w| {
            let text = w.get("text").or_else(|| w.get("word"));
            norm_word_loose(text.and_then(|t| t.as_str()).unwrap_or(""))
        })
        .collect();
    let mut errs = Vec::new();
    for (a, b, n) in SequenceMatcher::new(&pw, &tw).matching_blocks() {
        for k in 0..n {
            if let Some(s) = list[a + k].get("start").and_then(|s| s.as_f64()) {
                errs.push((s - truth.words[b + k].start).abs());
            }
        }
    }
    Ok((WordScore::of(&errs, tw.len()), errs))
}

// ------------------------------------------------------------------------------------------
// Whole set

/// Pooled figures over a set of episodes (`score.py`'s AGGREGATE).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Aggregate {
    /// Episodes.
    pub episodes: usize,
    /// Episodes without a caption file.
    pub missing_vtt: usize,
    /// Valid cues.
    pub cues: usize,
    /// Invalid cues.
    pub invalid_cues: usize,
    /// Cue start |err|, pooled.
    pub cue_start: AbsStats,
    /// % of cue starts within 0.25/0.5/1.0 s.
    pub cue_start_within: Within,
    /// Cue end |err|, pooled.
    pub cue_end: AbsStats,
    /// % of cue ends within 0.25/0.5/1.0 s.
    pub cue_end_within: Within,
    /// Turn start |err|, pooled.
    pub turn_start: AggTurn,
    /// Pooled matched / pooled words.
    pub coverage: f64,
    /// Truth words.
    pub truth_words: usize,
    /// Matched words.
    pub matched_words: usize,
    /// Cues with extra words.
    pub cues_with_extra_words: usize,
    /// Shape, weighted by cue counts.
    pub shape: AggShape,
    /// Chapters, pooled.
    pub chapters: AggChapters,
    /// Word starts, pooled (when words files were scored).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<WordScore>,
}

/// Pooled turn figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AggTurn {
    /// |err| statistics.
    #[serde(flatten)]
    pub stats: AbsStats,
    /// % within 0.25/0.5/1.0 s.
    pub within: Within,
}

/// Shape over a set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AggShape {
    /// Longest line in any episode.
    pub max_chars_per_line: usize,
    /// Most lines in any cue.
    pub max_lines_per_cue: usize,
    /// % of cues with a line over 42 characters.
    pub pct_line_over_42: f64,
    /// % of cues with more than 2 lines.
    pub pct_over_2_lines: f64,
    /// % of cues over 20 cps.
    pub pct_over_20cps: f64,
    /// Overlapping cues.
    pub overlapping: usize,
    /// Out-of-order cues.
    pub out_of_order: usize,
}

/// Chapters over a set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AggChapters {
    /// Chapter files scored.
    pub files: usize,
    /// Predicted chapters.
    pub n_pred: usize,
    /// Truth chapters.
    pub n_truth: usize,
    /// Files whose first chapter is at 0.
    pub first_at_zero: usize,
    /// Truth -> nearest predicted |err|.
    pub truth_to_pred: AbsStats,
    /// % within 0.5/2/5 s.
    pub truth_within: Within,
    /// % of predicted chapters within 2 s of a truth chapter.
    pub pred_within_2s_of_truth_pct: Option<f64>,
}

/// Pools episode scores like `score.py` does for a whole set.
pub fn aggregate(results: &[EpisodeScore]) -> Aggregate {
    let mut p = Pooled::default();
    let (mut words, mut matched, mut extra_cues, mut ncues, mut invalid, mut missing) =
        (0, 0, 0, 0, 0, 0);
    let (mut o42, mut o2, mut ocps) = (0.0, 0.0, 0.0);
    let mut shape = AggShape::default();
    let mut ch = AggChapters::default();
    let (mut wn, mut any_words) = (0, false);
    for r in results {
        p.start.extend(&r.pooled.start);
        p.end.extend(&r.pooled.end);
        p.turn.extend(&r.pooled.turn);
        p.chap.extend(&r.pooled.chap);
        p.chap_prec.extend(&r.pooled.chap_prec);
        p.word.extend(&r.pooled.word);
        words += r.coverage.truth_words;
        matched += r.coverage.matched_words;
        extra_cues += r.coverage.cues_with_extra_words;
        missing += usize::from(r.missing_vtt);
        invalid += r.vtt.invalid.unwrap_or(0);
        if let Some(s) = r.shape.as_ref().filter(|s| s.n_cues > 0) {
            let n = s.n_cues as f64;
            ncues += s.n_cues;
            // score.py pools the rounded percentages; so do we, for identical figures.
            o42 += s.pct_line_over_42 * n / 100.0;
            o2 += s.pct_over_2_lines * n / 100.0;
            ocps += s.pct_over_20cps * n / 100.0;
            shape.overlapping += s.overlapping;
            shape.out_of_order += s.out_of_order;
            shape.max_chars_per_line = shape.max_chars_per_line.max(s.max_chars_per_line);
            shape.max_lines_per_cue = shape.max_lines_per_cue.max(s.max_lines_per_cue);
        }
        if let Some(d) = r.chapters.as_ref().and_then(|c| c.detail.as_ref()) {
            ch.files += 1;
            ch.n_pred += d.n_pred;
            ch.n_truth += d.n_truth;
            ch.first_at_zero += usize::from(d.first_at_zero);
        }
        if let Some(w) = &r.words {
            any_words = true;
            wn += w.words;
        }
    }
    let denom = ncues.max(1) as f64;
    shape.pct_line_over_42 = round_to(100.0 * o42 / denom, 1);
    shape.pct_over_2_lines = round_to(100.0 * o2 / denom, 1);
    shape.pct_over_20cps = round_to(100.0 * ocps / denom, 1);
    ch.truth_to_pred = AbsStats::of(&p.chap);
    ch.truth_within = within(&p.chap, &CHAPTER_THRESHOLDS);
    ch.pred_within_2s_of_truth_pct = pct_within_2(&p.chap_prec);
    Aggregate {
        episodes: results.len(),
        missing_vtt: missing,
        cues: ncues,
        invalid_cues: invalid,
        cue_start: AbsStats::of(&p.start),
        cue_start_within: within(&p.start, &THRESHOLDS),
        cue_end: AbsStats::of(&p.end),
        cue_end_within: within(&p.end, &THRESHOLDS),
        turn_start: AggTurn {
            stats: AbsStats::of(&p.turn),
            within: within(&p.turn, &THRESHOLDS),
        },
        coverage: round_to(matched as f64 / words.max(1) as f64, 4),
        truth_words: words,
        matched_words: matched,
        cues_with_extra_words: extra_cues,
        shape,
        chapters: ch,
        words: any_words.then(|| WordScore::of(&p.word, wn)),
    }
}

// ------------------------------------------------------------------------------------------
// Text reports (the library builds the text; the CLI prints it)

fn f(x: Option<f64>, decimals: usize) -> String {
    x.map_or("-".to_string(), |v| format!("{v:.decimals$}"))
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

fn w(m: &Within, key: &str) -> String {
    f(m.get(key).copied().flatten(), 1)
}

/// The per-episode text report (the same lines as `score.py`'s, plus word starts).
pub fn episode_text(r: &EpisodeScore) -> String {
    let mut s = String::new();
    let mut line = |l: String| {
        s.push_str(&l);
        s.push('\n');
    };
    line(format!("episode {}  ({:.1} s)", r.id, r.duration));
    let v = &r.vtt;
    line(format!(
        "  VTT: header_ok={} cues={} invalid={}",
        py_bool(v.header_ok),
        v.n_cues,
        v.invalid.map_or("None".to_string(), |i| i.to_string())
    ));
    for e in v.errors.iter().take(5) {
        line(format!("    ! {e}"));
    }
    for (name, st, wi) in [
        ("cue start", &r.cue_start, &r.cue_start_within),
        ("cue end  ", &r.cue_end, &r.cue_end_within),
    ] {
        line(format!(
            "  {name} |err|: median {} p90 {} p95 {} max {}   within 0.25/0.5/1.0 s: {}% {}% {}%",
            f(st.median, 2),
            f(st.p90, 2),
            f(st.p95, 2),
            f(st.max, 2),
            w(wi, "0.25"),
            w(wi, "0.5"),
            w(wi, "1.0")
        ));
    }
    let ts = &r.turn_start;
    line(format!(
        "  turn start |err| ({}/{} turns): median {} p90 {} max {}   within 0.25/0.5/1.0 s: {}% {}% {}%",
        ts.n_scored,
        ts.n_turns,
        f(ts.stats.median, 2),
        f(ts.stats.p90, 2),
        f(ts.stats.max, 2),
        w(&ts.within, "0.25"),
        w(&ts.within, "0.5"),
        w(&ts.within, "1.0")
    ));
    let c = &r.coverage;
    line(format!(
        "  coverage: {}/{} words ({:.1}%), cues with extra words {}, extra tokens {}, annotation tokens {}, cues matching nothing {}",
        c.matched_words,
        c.truth_words,
        100.0 * c.coverage,
        c.cues_with_extra_words,
        c.extra_tokens,
        c.annotation_tokens,
        c.unmatched_cues
    ));
    for ex in c.extra_examples.iter().take(3) {
        line(format!("    extra: {ex}"));
    }
    if let Some(sh) = r.shape.as_ref().filter(|s| s.n_cues > 0) {
        line(format!(
            "  shape: max chars/line {}, max lines {}, lines>42: {:.1}%, >2 lines: {:.1}%, dur min/med/max {}/{}/{} s, >20 cps: {:.1}%, overlapping {}, out-of-order {}, empty {}",
            sh.max_chars_per_line,
            sh.max_lines_per_cue,
            sh.pct_line_over_42,
            sh.pct_over_2_lines,
            f(sh.dur_min, 2),
            f(sh.dur_median, 2),
            f(sh.dur_max, 2),
            sh.pct_over_20cps,
            sh.overlapping,
            sh.out_of_order,
            sh.empty
        ));
    }
    match &r.chapters {
        None => line("  chapters: (none given)".into()),
        Some(ch) => match &ch.detail {
            None => line(format!("  chapters: INVALID {:?}", ch.errors)),
            Some(d) => line(format!(
                "  chapters: pred {} / truth {}, first at 0: {}, valid {}; truth->nearest |err| median {} max {}, within 0.5/2/5 s: {}% {}% {}%; pred within 2 s of a truth chapter: {}%",
                d.n_pred,
                d.n_truth,
                py_bool(d.first_at_zero),
                py_bool(ch.valid),
                f(d.truth_to_pred.median, 2),
                f(d.truth_to_pred.max, 2),
                w(&d.truth_within, "0.5"),
                w(&d.truth_within, "2.0"),
                w(&d.truth_within, "5.0"),
                f(d.pred_within_2s_of_truth_pct, 1)
            )),
        },
    }
    if let Some(ws) = &r.words {
        line(word_line("  words:", ws));
    }
    s
}

fn word_line(prefix: &str, ws: &WordScore) -> String {
    format!(
        "{prefix} {}/{} matched ({:.1}%): word start |err| median {} p90 {} p95 {}, within 0.1 s {:.1}%",
        ws.matched,
        ws.words,
        100.0 * ws.coverage,
        f(ws.median, 3),
        f(ws.p90, 3),
        f(ws.p95, 3),
        ws.within_0_1
    )
}

/// The whole-set text report: one row per episode, then the AGGREGATE line (as `score.py`).
pub fn set_text(results: &[EpisodeScore], agg: &Aggregate) -> String {
    let mut s = String::new();
    let hdr = format!(
        "{:<26} {:>6} {:>5} {:>4} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>5} {:>5}",
        "episode",
        "dur",
        "cues",
        "inv",
        "cov%",
        "st_med",
        "st_p90",
        "st<.5",
        "en_med",
        "turn",
        "tn<.5",
        "chap",
        "pred",
        "true"
    );
    let rule = "-".repeat(hdr.chars().count());
    s.push_str(&format!("{hdr}\n{rule}\n"));
    for r in results {
        let d = r.chapters.as_ref().and_then(|c| c.detail.as_ref());
        let pct0 = |m: &Within| {
            m.get("0.5")
                .copied()
                .flatten()
                .map_or("-".to_string(), |v| format!("{v:.0}%"))
        };
        s.push_str(&format!(
            "{:<26} {:>6.1} {:>5} {:>4} {:>6.1} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>5} {:>5}\n",
            r.id.chars().take(26).collect::<String>(),
            r.duration,
            r.vtt.n_cues,
            r.vtt.invalid.map_or("-".to_string(), |i| i.to_string()),
            100.0 * r.coverage.coverage,
            f(r.cue_start.median, 2),
            f(r.cue_start.p90, 2),
            pct0(&r.cue_start_within),
            f(r.cue_end.median, 2),
            f(r.turn_start.stats.median, 2),
            pct0(&r.turn_start.within),
            f(d.and_then(|d| d.truth_to_pred.median), 2),
            d.map_or("-".to_string(), |d| d.n_pred.to_string()),
            d.map_or("-".to_string(), |d| d.n_truth.to_string()),
        ));
    }
    s.push_str(&format!("{rule}\n"));
    let a = agg;
    s.push_str(&format!(
        "AGGREGATE {} episodes, {} cues ({} invalid, {} missing files): coverage {:.1}%; cue start |err| median {} p90 {} p95 {} max {}, within 0.25/0.5/1.0 s {}/{}/{}%; cue end |err| median {} p90 {}; turn start |err| median {} p90 {}, within 0.5 s {}%; chapters truth->pred |err| median {} max {}, within 2/5 s {}/{}%, pred {} vs truth {}, first at 0 in {}/{} files; shape: max {} chars/line, max {} lines, lines>42 {:.1}%, >20 cps {:.1}%, overlaps {}, out-of-order {}\n",
        a.episodes,
        a.cues,
        a.invalid_cues,
        a.missing_vtt,
        100.0 * a.coverage,
        f(a.cue_start.median, 2),
        f(a.cue_start.p90, 2),
        f(a.cue_start.p95, 2),
        f(a.cue_start.max, 2),
        w(&a.cue_start_within, "0.25"),
        w(&a.cue_start_within, "0.5"),
        w(&a.cue_start_within, "1.0"),
        f(a.cue_end.median, 2),
        f(a.cue_end.p90, 2),
        f(a.turn_start.stats.median, 2),
        f(a.turn_start.stats.p90, 2),
        w(&a.turn_start.within, "0.5"),
        f(a.chapters.truth_to_pred.median, 2),
        f(a.chapters.truth_to_pred.max, 2),
        w(&a.chapters.truth_within, "2.0"),
        w(&a.chapters.truth_within, "5.0"),
        a.chapters.n_pred,
        a.chapters.n_truth,
        a.chapters.first_at_zero,
        a.chapters.files,
        a.shape.max_chars_per_line,
        a.shape.max_lines_per_cue,
        a.shape.pct_line_over_42,
        a.shape.pct_over_20cps,
        a.shape.overlapping,
        a.shape.out_of_order
    ));
    if let Some(ws) = &a.words {
        s.push_str(&word_line("AGGREGATE words:", ws));
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn toks(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    // The examples of Python's difflib documentation.
    #[test]
    fn sequence_matcher_matches_python_docs() {
        let (a, b) = (chars("abxcd"), chars("abcd"));
        assert_eq!(
            SequenceMatcher::new(&a, &b).matching_blocks(),
            vec![(0, 0, 2), (3, 2, 2), (5, 4, 0)]
        );
        let (a, b) = (chars(" abcd"), chars("abcd abcd"));
        assert_eq!(
            SequenceMatcher::new(&a, &b).find_longest_match(0, 5, 0, 9),
            (0, 4, 5)
        );
        let (a, b) = (chars("qabxcd"), chars("abycdf"));
        let ops: Vec<_> = SequenceMatcher::new(&a, &b)
            .opcodes()
            .iter()
            .map(|o| (o.tag, o.i1, o.i2, o.j1, o.j2))
            .collect();
        assert_eq!(
            ops,
            vec![
                (Tag::Delete, 0, 1, 0, 0),
                (Tag::Equal, 1, 3, 0, 2),
                (Tag::Replace, 3, 4, 2, 3),
                (Tag::Equal, 4, 6, 3, 5),
                (Tag::Insert, 6, 6, 5, 6),
            ]
        );
        let (a, b) = (chars("abcd"), chars("bcde"));
        assert_eq!(SequenceMatcher::new(&a, &b).ratio(), 0.75);
        let e: Vec<char> = Vec::new();
        assert_eq!(SequenceMatcher::new(&e, &e).ratio(), 1.0);
    }

    #[test]
    fn token_alignment_pairs_near_spellings_in_replaced_stretches() {
        // Checked against score.py's align().
        let got = align_tokens(
            &toks("the cat sat on a mat today"),
            &toks("a cat sat on the matt"),
        );
        assert_eq!(
            got,
            vec![None, Some(1), Some(2), Some(3), None, Some(5), None]
        );
    }

    #[test]
    fn percentiles_interpolate_like_numpy() {
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0], 50.0), Some(2.5));
        let p90 = percentile(&[4.0, 3.0, 2.0, 1.0], 90.0).unwrap_or(f64::NAN);
        assert!((p90 - 3.7).abs() < 1e-12);
        let p95 = percentile(&[3.0, 1.0, 2.0, 10.0, 7.0], 95.0).unwrap_or(f64::NAN);
        assert!((p95 - 9.4).abs() < 1e-12);
        assert_eq!(percentile(&[0.5], 90.0), Some(0.5));
        assert_eq!(percentile(&[], 50.0), None);
        let s = AbsStats::of(&[-0.1, 0.2, -0.3]);
        assert_eq!((s.n, s.median, s.max), (3, Some(0.2), Some(0.3)));
    }

    #[test]
    fn rounding_is_python_round() {
        // Python: round(0.0105, 3) == 0.011, round(2.675, 2) == 2.67, round(0.1235, 3) == 0.123
        // (the exact binary values decide, not the decimal spelling).
        assert_eq!(round_to(0.0105, 3), 0.011);
        assert_eq!(round_to(2.675, 2), 2.67);
        assert_eq!(round_to(0.1235, 3), 0.123);
    }

    #[test]
    fn tokens_split_at_dashes_and_normalize() {
        assert_eq!(
            tokens_of(
                "Well-known co-op\u{2019}s \u{2014} \u{201c}Hello,\u{201d} WORLD\u{2026} \u{fb01}ne"
            ),
            vec!["well", "known", "co", "op's", "hello", "world", "fine"]
        );
    }

    #[test]
    fn timestamps_follow_the_webvtt_rules() {
        assert_eq!(parse_timestamp("00:01.500"), Some(1.5));
        assert_eq!(parse_timestamp("01:00:00.000"), Some(3600.0));
        assert_eq!(parse_timestamp("100:00:01.000"), Some(360_001.0));
        for bad in [
            "0:01.500",
            "00:60.000",
            "00:01.50",
            "1:00:00.000",
            "00:01,500",
            "00:61.000",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    const SAMPLE: &str = "WEBVTT\n\nNOTE hi\n\n1\n00:00.000 --> 00:01.500 align:start\n<v PRIYA>Hello &amp; bye</v>\n\n00:02.000 --> 00:01.000\nbad\n\n00:61.000 --> 01:00:00.000\nx\n\nfoo\nbar\n\nSTYLE\n::cue{}\n\n00:03.000 --> 00:04.000 bogus\n- PRIYA: [Laughs] ok \u{266a} la la \u{266a} end\n";

    #[test]
    fn vtt_validity_counts_every_broken_block() {
        // Checked against score.py's parse_vtt().
        let v = parse_vtt(SAMPLE.as_bytes());
        assert!(v.header_ok);
        assert_eq!(v.invalid, 4);
        assert_eq!(v.errors.len(), 5, "{:?}", v.errors);
        assert_eq!(v.errors[0], "line 9: end 1.000 is not after start 2.000");
        assert_eq!(v.errors[3], "line 18: STYLE block after the first cue");
        let times: Vec<_> = v.cues.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(times, vec![(0.0, 1.5), (3.0, 4.0)]);
        assert_eq!(v.cues[0].id.as_deref(), Some("1"));

        let missing = parse_vtt(b"00:00.000 --> 00:01.000\nhi\n");
        assert!(!missing.header_ok);
        assert_eq!((missing.invalid, missing.cues.len()), (1, 0)); // the header only
        // A timing line right under the header: an error, but the cue still counts.
        let tight = parse_vtt(b"WEBVTT\n00:00.000 --> 00:01.000\nhi\n");
        assert_eq!(
            (tight.invalid, tight.cues.len(), tight.errors.len()),
            (0, 1, 1)
        );
        assert_eq!(parse_vtt(&[0xff, 0xfe]).invalid, 1);
        let crlf = parse_vtt(b"\xef\xbb\xbfWEBVTT - x\r\n\r\n00:01.000 --> 00:02.000\r\nhi\r\n");
        assert_eq!(
            (crlf.header_ok, crlf.invalid, crlf.cues.len()),
            (true, 0, 1)
        );
    }

    #[test]
    fn match_text_drops_labels_dashes_and_annotations() {
        let v = parse_vtt(SAMPLE.as_bytes());
        let names: HashSet<String> = ["priya".to_string()].into();
        assert_eq!(
            cue_match_text(&v.cues[0], &names),
            ("Hello & bye".into(), 0)
        );
        assert_eq!(cue_match_text(&v.cues[1], &names), ("  ok   end".into(), 3));
    }

    fn truth() -> Truth {
        let w = |text: &str, start: f64, turn| TruthWord {
            text: text.into(),
            start,
            end: start + 0.4,
            turn,
        };
        Truth {
            id: "t".into(),
            duration: 10.0,
            speakers: [("ANA".to_string(), serde_json::Value::Null)].into(),
            turns: vec![TruthTurn { start: 1.0 }, TruthTurn { start: 5.0 }],
            words: vec![
                w("Hello", 1.0, 0),
                w("there,", 1.5, 0),
                w("friend.", 2.0, 0),
                w("Good-bye", 5.0, 1),
                w("now.", 5.5, 1),
            ],
            chapters: vec![TruthChapter {
                start: 0.0,
                title: "A".into(),
            }],
            ..Truth::default()
        }
    }

    #[test]
    fn episode_score_on_a_tiny_case() {
        let vtt = "WEBVTT\n\n00:01.100 --> 00:02.400\nANA: Hello there, frend.\n\n00:04.800 --> 00:06.000\nGood-bye now. [Music]\n\n00:05.900 --> 00:07.000\nextra words\n";
        let chapters = br#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"},{"startTime":4,"title":"B"}]}"#;
        let r = score_episode(&truth(), Some(vtt.as_bytes()), Some(chapters));
        assert_eq!(r.coverage.matched_words, 5);
        assert_eq!(r.coverage.annotation_tokens, 1);
        assert_eq!((r.coverage.extra_tokens, r.coverage.unmatched_cues), (2, 1));
        assert_eq!(r.cue_start.n, 2);
        assert_eq!(r.cue_start.max, Some(0.2));
        assert_eq!(r.turn_start.n_scored, 2);
        let shape = r.shape.unwrap_or_default();
        assert_eq!(shape.overlapping, 1);
        let d = r.chapters.and_then(|c| c.detail).unwrap_or_default();
        assert!(d.first_at_zero && d.sorted);
        assert_eq!((d.n_pred, d.pred_within_2s_of_truth_pct), (2, Some(50.0)));
    }

    #[test]
    fn reference_pseudo_truth_spreads_words_evenly() {
        let t = Truth::from_reference_vtt(
            b"WEBVTT\n\n00:00.000 --> 00:04.000\n<v Ana>one two three four</v>\n",
            "ref",
        );
        let starts: Vec<f64> = t.words.iter().map(|w| w.start).collect();
        assert_eq!(starts, vec![0.0, 1.0, 2.0, 3.0]);
        assert!(t.speakers.contains_key("Ana"));
        let r = score_episode(
            &t,
            Some(b"WEBVTT\n\n00:00.100 --> 00:04.000\nAna: one two three four\n"),
            None,
        );
        assert_eq!((r.coverage.coverage, r.cue_start.median), (1.0, Some(0.1)));
    }

    #[test]
    fn words_score_uses_matching_blocks() {
        let words = br#"{"words":[{"text":"Hello","start":1.05},{"text":"there","start":1.5},{"text":"xx","start":3},{"text":"Good-bye","start":5.2}]}"#;
        let (ws, errs) =
            score_words(&truth(), words, std::path::Path::new("w")).unwrap_or_default();
        assert_eq!((ws.words, ws.matched), (5, 3));
        assert_eq!(errs.len(), 3);
        assert!(score_words(&truth(), b"{}", std::path::Path::new("w")).is_err());
    }
}
