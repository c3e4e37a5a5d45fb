//! Cue building: takes the document and its alignment, gives caption cues that follow
//! broadcast rules (line length, lines per cue, duration, reading speed, speaker changes).
//!
//! Each speaker turn is cut into cues by a dynamic programme over its words whose cost favours
//! cuts at sentence ends, punctuation and detected pauses (where the aligner is most exact),
//! one sentence per cue, balanced lines, cue durations of 1-7 s and readable speeds, and that
//! forbids line or cue breaks inside names and tight phrases. Lines inside a cue are laid out
//! by a second, tiny optimisation; a word longer than a line (a URL, a clause of Chinese) is
//! broken inside, after a separator or between CJK characters, and one longer than a cue's
//! lines is shown over consecutive cues sharing its time. Then cue ends are extended into the
//! following pause for reading time, and times are rounded to milliseconds so that no cue
//! overlaps another.
//! Cost is linear in the number of words (each cue holds a bounded number of words).

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::Alignment;
use crate::transcript::{Break, Document, WordKind};

/// One caption cue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// Start, seconds.
    pub start: f64,
    /// End, seconds (> start).
    pub end: f64,
    /// Speaker index into the document's speakers.
    pub speaker: Option<usize>,
    /// True when the speaker differs from the previous cue's.
    pub speaker_change: bool,
    /// Display lines (plain text, no markup).
    pub lines: Vec<String>,
    /// Word indices `[first, end)` of the document covered by this cue (empty in the later
    /// cues of a word too long for one cue, which belongs to the first).
    pub words: std::ops::Range<usize>,
    /// Mean confidence of its words.
    pub confidence: f32,
    /// Indices of lines that continue a word broken at the end of the line before (a word
    /// longer than a line, such as a URL or a clause of Chinese, is broken for display).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub continued: Vec<usize>,
    /// Where SRT's `NAME:` goes when this cue starts a speaker's turn (the layout left room
    /// for it there, so that the SRT keeps to the style's limits too).
    #[serde(default, skip_serializing_if = "LabelPlace::is_beside")]
    pub label: LabelPlace,
}

/// Where a `NAME:` speaker label goes in a cue that starts a turn (SRT; WebVTT names the
/// speaker in a voice tag, which takes no room).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LabelPlace {
    /// Before the first line, which was laid out that much shorter.
    #[default]
    Beside,
    /// On a line of its own above the text, which then has one line fewer: beside it, less
    /// than a third of a line would be left for the text.
    OwnLine,
    /// Not shown: it fits neither beside the text nor on a line of its own (a name longer
    /// than a line, or one-line captions). The WebVTT voice tag and the JSON still name the
    /// speaker.
    Omitted,
}

impl LabelPlace {
    fn is_beside(&self) -> bool {
        *self == LabelPlace::Beside
    }
}

/// What a label on a line of its own costs a layout: the line it takes from the text.
const LABEL_LINE: f64 = 4.0;

impl Cue {
    /// The displayed text on one line: lines joined by a space, or by nothing where a line
    /// continues a broken word.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, line) in self.lines.iter().enumerate() {
            if i > 0 && !self.continued.contains(&i) {
                out.push(' ');
            }
            out.push_str(line);
        }
        out
    }

    /// Characters shown (as [`Cue::text`] joins them), as reading speed counts them.
    pub fn chars(&self) -> usize {
        let n: usize = self.lines.iter().map(|l| l.chars().count()).sum();
        let joins = self.lines.len().saturating_sub(1);
        let glued = self
            .continued
            .iter()
            .filter(|&&i| i > 0 && i < self.lines.len());
        n + joins - glued.count()
    }
}

/// What to do with sound tags such as `[Laughs]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SoundTags {
    /// Show them, lowercased, at their place: `[laughs]`.
    #[default]
    Keep,
    /// Leave them out of the caption text.
    Drop,
}

/// Caption rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct CaptionConfig {
    /// Characters per line at most.
    pub max_chars: usize,
    /// Lines per cue at most.
    pub max_lines: usize,
    /// Reading speed at most, characters per second (where timing allows).
    pub max_cps: f64,
    /// Shortest cue, seconds (where timing allows).
    pub min_duration: f64,
    /// Longest cue, seconds.
    pub max_duration: f64,
    /// Sound tags kept as `[laughs]` or dropped.
    pub sound_tags: SoundTags,
    /// Gap left before the next cue when a cue end is extended into a pause, seconds.
    pub min_gap: f64,
    /// Speaker label as written -> name to show (`--speaker NAME=Full Name`).
    pub speaker_names: BTreeMap<String, String>,
    /// Keep room on the first line of a speaker-change cue for a `NAME: ` prefix (SRT and
    /// plain text add it), so that those outputs also stay within `max_chars`.
    pub reserve_label: bool,
}

impl Default for CaptionConfig {
    fn default() -> Self {
        CaptionConfig {
            max_chars: 42,
            max_lines: 2,
            max_cps: 20.0,
            min_duration: 1.0,
            max_duration: 7.0,
            sound_tags: SoundTags::Keep,
            min_gap: 0.04,
            speaker_names: BTreeMap::new(),
            reserve_label: true,
        }
    }
}

impl CaptionConfig {
    /// Names accepted by [`CaptionConfig::preset`].
    pub const PRESETS: &'static [&'static str] = &["netflix", "bbc", "podcast", "dcmp"];

    /// A named style: `netflix` (the default, 42x2, 20 cps), `bbc` (37x2), `podcast`
    /// (Podcasting 2.0 SRT advice, 32x2), `dcmp` (32x2, at least 2 s). `None` for other names.
    pub fn preset(name: &str) -> Option<Self> {
        let base = CaptionConfig::default();
        match name.to_ascii_lowercase().as_str() {
            "netflix" | "default" => Some(base),
            "bbc" => Some(CaptionConfig {
                max_chars: 37,
                ..base
            }),
            "podcast" => Some(CaptionConfig {
                max_chars: 32,
                ..base
            }),
            "dcmp" => Some(CaptionConfig {
                max_chars: 32,
                min_duration: 2.0,
                ..base
            }),
            _ => None,
        }
    }
}

/// Display names of a document's speakers: the label as written, or its mapped full name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Speakers {
    names: Vec<String>,
}

impl Speakers {
    /// Names for `labels` (the document's speakers), mapped through `map` (label -> name;
    /// an exact key wins over a case-insensitive one).
    pub fn new(labels: &[String], map: &BTreeMap<String, String>) -> Self {
        let names = labels
            .iter()
            .map(|label| {
                map.get(label)
                    .or_else(|| {
                        map.iter()
                            .find(|(k, _)| k.eq_ignore_ascii_case(label))
                            .map(|(_, v)| v)
                    })
                    .unwrap_or(label)
                    .clone()
            })
            .collect();
        Speakers { names }
    }

    /// The name of speaker `index`, if any.
    pub fn name(&self, index: Option<usize>) -> Option<&str> {
        index.and_then(|i| self.names.get(i)).map(String::as_str)
    }
}

/// Builds cues from the aligned words. Every document word lands in exactly one cue, in
/// order (sound tags dropped by `config.sound_tags` join a neighbouring cue's range); cues are
/// sorted, do not overlap, and have whole-millisecond times with `end > start`. No line is
/// longer than `max_chars`: a longer word is broken across lines (and, past `max_lines` lines,
/// shown over consecutive cues that share its time).
pub fn build(doc: &Document, alignment: &Alignment, config: &CaptionConfig) -> Vec<Cue> {
    let n = doc.words.len();
    if n == 0 {
        return Vec::new();
    }
    let times = sane_times(doc, alignment);
    let display: Vec<Option<String>> = doc
        .words
        .iter()
        .map(|w| display_text(w, config.sound_tags))
        .collect();
    let speakers = Speakers::new(&doc.speakers, &config.speaker_names);
    let rules = Rules::new(config);
    // Per word, computed once: the cue search asks for them many times over.
    let display_chars: Vec<usize> = display
        .iter()
        .map(|d| d.as_deref().map_or(0, |t| t.chars().count()))
        .collect();
    let breaks: Vec<f64> = (1..n).map(|b| break_cost(doc, b - 1, b)).collect();

    // The turns first (what each needs from the ones before it), then their cue splits in
    // parallel (each turn's search is its own), then the cues in order.
    struct TurnPlan {
        words: std::ops::Range<usize>,
        speaker: Option<usize>,
        /// Nothing to show (dropped tags only): the range joins a neighbouring cue.
        hidden: bool,
        change: bool,
        reserve: usize,
    }
    // Paragraphs the audio does not have get no captions: planned apart from their turn's
    // other words, and hidden.
    let unheard = alignment.unheard_mask(n);
    let mut plans: Vec<TurnPlan> = Vec::new();
    let mut prev_speaker: Option<Option<usize>> = None;
    let mut a = 0;
    while a < n {
        let turn = doc.words[a].turn;
        let mut b = a + 1;
        while b < n && doc.words[b].turn == turn && unheard[b] == unheard[a] {
            b += 1;
        }
        let speaker = doc.turns.get(turn).and_then(|t| t.speaker);
        let hidden = unheard[a] || display[a..b].iter().all(Option::is_none);
        let change = prev_speaker != Some(speaker) && speaker.is_some();
        let reserve = if change && config.reserve_label {
            speakers.name(speaker).map_or(0, |s| s.chars().count() + 2)
        } else {
            0
        };
        if !hidden {
            prev_speaker = Some(speaker);
        }
        plans.push(TurnPlan {
            words: a..b,
            speaker,
            hidden,
            change,
            reserve,
        });
        a = b;
    }
    let splits: Vec<_> = plans
        .par_iter()
        .map(|plan| {
            if plan.hidden {
                return Vec::new();
            }
            let ctx = Ctx {
                doc,
                times: &times,
                display: &display,
                display_chars: &display_chars,
                breaks: &breaks,
                rules: &rules,
                reserve: plan.reserve,
            };
            ctx.split_turn(plan.words.start, plan.words.end)
        })
        .collect();

    let mut cues: Vec<Cue> = Vec::new();
    let mut pending_hidden: Option<std::ops::Range<usize>> = None;
    for (plan, split) in plans.into_iter().zip(splits) {
        let (a, b) = (plan.words.start, plan.words.end);
        if plan.hidden {
            match cues.last_mut() {
                Some(last) => last.words.end = b,
                None => pending_hidden = Some(pending_hidden.map_or(a..b, |r| r.start..b)),
            }
            continue;
        }
        for (k, (range, shown)) in split.into_iter().enumerate() {
            let (start, end) = natural_span(doc, &times, range.clone());
            let confidence = mean_confidence(doc, alignment, range.clone());
            for (q, (start, end, shown)) in spread(shown, start, end, rules.max_lines)
                .into_iter()
                .enumerate()
            {
                let speaker_change = k == 0 && q == 0 && plan.change;
                cues.push(Cue {
                    start,
                    end,
                    speaker: plan.speaker,
                    speaker_change,
                    label: if speaker_change {
                        shown.label
                    } else {
                        LabelPlace::Beside
                    },
                    lines: shown.lines,
                    // A word shown over several cues belongs to the first.
                    words: if q == 0 {
                        range.clone()
                    } else {
                        range.end..range.end
                    },
                    confidence,
                    continued: shown.continued,
                });
            }
        }
        if let (Some(hidden), Some(first)) = (pending_hidden.take(), cues.first_mut()) {
            first.words.start = hidden.start;
        }
    }
    finish_timing(&mut cues, config);
    cues
}

/// A cue's display lines, and those that continue a word broken at the line before.
#[derive(Debug, Default)]
struct Shown {
    lines: Vec<String>,
    continued: Vec<usize>,
    label: LabelPlace,
}

/// Cuts lines beyond `max_lines` into consecutive cues over the same span, each with a share of
/// the time by its characters. Only a cue showing one broken word has such lines (a word longer
/// than `max_chars` x `max_lines`, see `Ctx::layout`): successive cues keep every cue within the
/// style's limits, where one taller cue would not. A speaker label on a line of its own takes
/// one of the first cue's lines.
fn spread(shown: Shown, start: f64, end: f64, max_lines: usize) -> Vec<(f64, f64, Shown)> {
    let first_lines = if shown.label == LabelPlace::OwnLine {
        max_lines.saturating_sub(1).max(1)
    } else {
        max_lines
    };
    if shown.lines.len() <= first_lines {
        return vec![(start, end, shown)];
    }
    let total: usize = shown.lines.iter().map(|l| l.chars().count()).sum();
    let mut bounds = vec![0, first_lines];
    while bounds[bounds.len() - 1] < shown.lines.len() {
        let last = bounds[bounds.len() - 1];
        bounds.push((last + max_lines).min(shown.lines.len()));
    }
    let mut out = Vec::new();
    let (mut done, mut t0) = (0usize, start);
    for (q, w) in bounds.windows(2).enumerate() {
        let (first, chunk) = (w[0], &shown.lines[w[0]..w[1]]);
        done += chunk.iter().map(|l| l.chars().count()).sum::<usize>();
        let t1 = if w[1] == shown.lines.len() {
            end
        } else {
            start + (end - start) * done as f64 / total.max(1) as f64
        };
        let continued = shown
            .continued
            .iter()
            .filter(|&&i| i > first && i < w[1])
            .map(|&i| i - first)
            .collect();
        out.push((
            t0,
            t1,
            Shown {
                lines: chunk.to_vec(),
                continued,
                // Only the first shows the label (the later ones continue the turn).
                label: if q == 0 {
                    shown.label
                } else {
                    LabelPlace::Beside
                },
            },
        ));
        t0 = t1;
    }
    out
}

/// Start/end per word, made finite and monotone (a defensive copy: the aligner's output is
/// trusted for values, not for shape).
fn sane_times(doc: &Document, alignment: &Alignment) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(doc.words.len());
    let mut prev_start = 0.0f64;
    let mut prev_end = 0.0f64;
    for i in 0..doc.words.len() {
        let t = alignment.words.get(i).copied().unwrap_or_default();
        let mut s = if t.start.is_finite() && t.start >= 0.0 {
            t.start
        } else {
            prev_end
        };
        s = s.max(prev_start);
        let e = if t.end.is_finite() { t.end.max(s) } else { s };
        out.push((s, e));
        prev_start = s;
        prev_end = e;
    }
    out
}

fn display_text(w: &crate::transcript::Word, tags: SoundTags) -> Option<String> {
    let text = w.text.trim();
    if text.is_empty() {
        return None;
    }
    match w.kind {
        WordKind::Spoken | WordKind::Insertion => Some(text.to_string()),
        WordKind::SoundTag => match tags {
            SoundTags::Keep => Some(text.to_lowercase()),
            SoundTags::Drop => None,
        },
    }
}

/// Start of the first spoken word and end of the last one (the words' own place when the
/// cue holds no spoken word).
fn natural_span(doc: &Document, times: &[(f64, f64)], range: std::ops::Range<usize>) -> (f64, f64) {
    let spoken = |i: &usize| doc.words[*i].kind == WordKind::Spoken;
    match (range.clone().find(spoken), range.clone().rev().find(spoken)) {
        (Some(f), Some(l)) => (times[f].0, times[l].1.max(times[f].0)),
        _ => {
            let s = times[range.start].0;
            (s, times[range.end - 1].1.max(s))
        }
    }
}

fn mean_confidence(doc: &Document, alignment: &Alignment, range: std::ops::Range<usize>) -> f32 {
    let conf = |i: usize| alignment.words.get(i).map_or(0.0, |t| t.confidence);
    let spoken: Vec<f32> = range
        .clone()
        .filter(|&i| doc.words[i].kind == WordKind::Spoken)
        .map(conf)
        .collect();
    let vals: Vec<f32> = if spoken.is_empty() {
        range.map(conf).collect()
    } else {
        spoken
    };
    if vals.is_empty() {
        0.0
    } else {
        vals.iter().sum::<f32>() / vals.len() as f32
    }
}

/// Extends ends for reading time into the following pause, then rounds to milliseconds and
/// makes the cues strictly increasing and non-overlapping.
fn finish_timing(cues: &mut [Cue], config: &CaptionConfig) {
    for k in 0..cues.len() {
        let next_start = cues.get(k + 1).map_or(f64::INFINITY, |c| c.start);
        let c = &mut cues[k];
        let need = config
            .min_duration
            .max(c.chars() as f64 / config.max_cps.max(1e-6) + 0.001);
        let target = c.start + need.min(config.max_duration);
        if target > c.end {
            let limit = next_start - config.min_gap;
            c.end = c.end.max(target.min(limit));
        }
        // Never into the next cue, even when the aligner let the words overlap.
        c.end = c.end.min(next_start);
    }
    let mut prev_end = 0u64;
    for c in cues.iter_mut() {
        let start = crate::time::millis(c.start).max(prev_end);
        let end = crate::time::millis(c.end).max(start + 1);
        c.start = start as f64 / 1000.0;
        c.end = end as f64 / 1000.0;
        prev_end = end;
    }
}

/// Ends no cue after `end_of_audio` seconds: the last cue's reading time is otherwise extended
/// past the end of a recording that stops on its last word (a cut file, a forced run on a few
/// seconds of audio). A cue keeps at least a millisecond.
pub fn end_within(cues: &mut [Cue], end_of_audio: f64) {
    // An unknown length (not decoded) bounds nothing.
    if !(end_of_audio.is_finite() && end_of_audio > 0.0) {
        return;
    }
    let limit = crate::time::millis(end_of_audio);
    for c in cues.iter_mut().rev() {
        let (start, end) = (crate::time::millis(c.start), crate::time::millis(c.end));
        if end <= limit {
            break;
        }
        c.end = limit.max(start + 1) as f64 / 1000.0;
    }
}

/// Cost weights, in one place so that their balance can be read and tuned.
struct Rules {
    max_chars: usize,
    max_lines: usize,
    max_cps: f64,
    min_duration: f64,
    max_duration: f64,
    min_gap: f64,
}

impl Rules {
    fn new(c: &CaptionConfig) -> Self {
        Rules {
            max_chars: c.max_chars.max(1),
            max_lines: c.max_lines.max(1),
            max_cps: c.max_cps.max(1e-6),
            min_duration: c.min_duration.max(0.0),
            max_duration: c.max_duration.max(0.1),
            min_gap: c.min_gap.max(0.0),
        }
    }
}

/// Fixed cost of a cue: more than any pause bonus inside a sentence, so a sentence that fits
/// stays whole.
const CUE_COST: f64 = 12.0;
/// Bonus for a cue cut at a detected pause of at least [`PAUSE_FULL`] seconds.
const PAUSE_BONUS: f64 = 10.0;
const PAUSE_FULL: f64 = 0.4;
/// A cue with no room for the style's minimum time on screen, at none (scaled by the share
/// missing). More than a pause bonus and a clause break together: "Finally," alone for 0.6 s
/// before the rest of its question was cheaper at 15 than a cut without a pause (weights
/// 15/30/60 on the corpus: 7/5/2 such cues inside turns, start figures unchanged).
const SHORT_CUE: f64 = 60.0;
/// A sentence end inside a cue (two sentences in one cue).
const SENTENCE_INSIDE: f64 = 8.0;
/// An unavoidable break (a name's parts, an overlong word).
const FORBIDDEN: f64 = 60.0;

struct Ctx<'a> {
    doc: &'a Document,
    times: &'a [(f64, f64)],
    display: &'a [Option<String>],
    /// Characters of each word's display text (0 when hidden).
    display_chars: &'a [usize],
    /// `breaks[g]`: [`break_cost`] between words `g` and `g + 1`.
    breaks: &'a [f64],
    rules: &'a Rules,
    /// Characters kept free on the first line of the turn's first cue.
    reserve: usize,
}

impl Ctx<'_> {
    /// Cuts the words `[a, b)` of one turn into cues; gives each cue's range and lines.
    fn split_turn(&self, a: usize, b: usize) -> Vec<(std::ops::Range<usize>, Shown)> {
        let m = b - a;
        let mut best = vec![f64::INFINITY; m + 1];
        let mut from = vec![0usize; m + 1];
        best[0] = 0.0;
        let budget = self.rules.max_chars * self.rules.max_lines;
        for i in 0..m {
            if !best[i].is_finite() {
                continue;
            }
            let reserve = if i == 0 { self.reserve } else { 0 };
            let mut widths: Vec<usize> = Vec::new();
            // Grown with the cue rather than rebuilt for each candidate: this loop is hot.
            let mut pieces: Vec<Piece> = Vec::new();
            let mut prev = None;
            let mut chars = 0usize;
            for j in i + 1..=m {
                let g = a + j - 1;
                if self.display[g].is_some() {
                    widths.push(self.display_chars[g]);
                    self.push_pieces(&mut pieces, prev, g);
                    prev = Some(g);
                    chars += self.display_chars[g];
                }
                let total = chars + widths.len().saturating_sub(1);
                if total > budget && j > i + 1 && widths.len() > 1 {
                    break;
                }
                let Some(cost) = self.cue_cost(a + i, a + j, b, &widths, &pieces, reserve) else {
                    continue;
                };
                let c = best[i] + cost;
                if c < best[j] {
                    best[j] = c;
                    from[j] = i;
                }
            }
        }
        if !best[m].is_finite() {
            // Cannot happen with displayable words; one cue keeps the invariants regardless.
            let owners: Vec<usize> = (a..b).filter(|&g| self.display[g].is_some()).collect();
            return vec![(a..b, self.lines(&owners, self.reserve))];
        }
        let mut cuts = vec![m];
        let mut j = m;
        while j > 0 {
            j = from[j];
            cuts.push(j);
        }
        cuts.reverse();
        cuts.windows(2)
            .map(|w| {
                let (s, e) = (a + w[0], a + w[1]);
                let reserve = if w[0] == 0 { self.reserve } else { 0 };
                let owners: Vec<usize> = (s..e).filter(|&g| self.display[g].is_some()).collect();
                (s..e, self.lines(&owners, reserve))
            })
            .collect()
    }

    /// Cost of one cue holding words `[s, e)` of a turn ending at `turn_end`; `None` when it
    /// shows nothing.
    fn cue_cost(
        &self,
        s: usize,
        e: usize,
        turn_end: usize,
        widths: &[usize],
        pieces: &[Piece],
        reserve: usize,
    ) -> Option<f64> {
        if widths.is_empty() {
            return None;
        }
        let r = self.rules;
        let (layout_cost, _, _) = self.layout(pieces, reserve)?;
        let mut cost = CUE_COST + layout_cost;
        // The cut after the cue.
        if e < turn_end {
            cost += 1.5 * self.breaks[e - 1];
            let gap = self.times[e].0 - self.last_end(s, e);
            cost -= PAUSE_BONUS * (gap / PAUSE_FULL).clamp(0.0, 1.0);
        }
        // Sentences inside; long silences inside.
        for g in s..e - 1 {
            if self.doc.words[g].break_after == Break::Sentence {
                cost += SENTENCE_INSIDE;
            }
            let gap = self.times[g + 1].0 - self.times[g].1;
            if gap > 1.0 {
                cost += 5.0 * (gap - 1.0);
            }
        }
        // Duration and reading speed, with the room the following pause gives.
        let (start, end) = natural_span(self.doc, self.times, s..e);
        let speech = end - start;
        let next = if e < self.times.len() {
            self.times[e].0
        } else {
            f64::INFINITY
        };
        let room = ((next - r.min_gap).max(end) - start).min(r.max_duration.max(speech));
        if speech > r.max_duration {
            cost += 20.0 + 10.0 * (speech - r.max_duration);
        }
        if room < r.min_duration && r.min_duration > 0.0 {
            cost += SHORT_CUE * (r.min_duration - room) / r.min_duration;
        }
        let chars = widths.iter().sum::<usize>() + widths.len() - 1;
        let cps = chars as f64 / room.max(0.05);
        if cps > r.max_cps {
            cost += 0.5 * (cps - r.max_cps).min(40.0);
        }
        Some(cost)
    }

    /// End of the last spoken word in `[s, e)` (or of the last word).
    fn last_end(&self, s: usize, e: usize) -> f64 {
        natural_span(self.doc, self.times, s..e).1
    }

    /// Appends the layout units of displayed document word `g` (after displayed word `prev`):
    /// the word, or one piece per character when it is longer than a line, so that it can be
    /// broken.
    fn push_pieces<'s>(&'s self, out: &mut Vec<Piece<'s>>, prev: Option<usize>, g: usize) {
        let Some(text) = self.display[g].as_deref() else {
            return;
        };
        let brk = prev.map_or(0.0, |p| self.break_between(p, g));
        let width = self.display_chars[g];
        if width <= self.rules.max_chars {
            out.push(Piece {
                text,
                width,
                glued: false,
                brk,
            });
            return;
        }
        let mut last = None;
        for (i, c) in text.char_indices() {
            out.push(Piece {
                text: &text[i..i + c.len_utf8()],
                width: 1,
                glued: last.is_some(),
                brk: last.map_or(brk, |l| inner_break_cost(l, c)),
            });
            last = Some(c);
        }
    }

    /// Best layout of `pieces` into at most `max_lines` lines; gives its cost, the piece index
    /// where each line after the first starts, and where the speaker label goes. When one
    /// broken word cannot fit (longer than `max_chars` x `max_lines`), lines are filled one by
    /// one with no limit on their number, at a prohibitive cost; [`spread`] then shows them
    /// over several cues.
    ///
    /// `reserve` characters (a speaker label and its space) go before the first line when a
    /// third of a line is left beside them and the text fits there; otherwise the label takes
    /// a line of its own (the text one line fewer), or, when no line can hold it, is left out:
    /// see [`LabelPlace`]. So the SRT, which shows the label, keeps to the limits too.
    fn layout(&self, pieces: &[Piece], reserve: usize) -> Option<(f64, Vec<usize>, LabelPlace)> {
        let r = self.rules;
        let beside = |(c, s)| (c, s, LabelPlace::Beside);
        if reserve == 0 {
            return self.layout_in(pieces, r.max_chars, r.max_lines).map(beside);
        }
        let room = r.max_chars.saturating_sub(reserve);
        if room >= (r.max_chars / 3).max(1)
            && let Some(found) = self.layout_in(pieces, room, r.max_lines)
        {
            return Some(beside(found));
        }
        // "NAME:" alone, without the space.
        if r.max_lines >= 2 && reserve - 1 <= r.max_chars {
            return self
                .layout_in(pieces, r.max_chars, r.max_lines - 1)
                .map(|(c, s)| (c + LABEL_LINE, s, LabelPlace::OwnLine));
        }
        self.layout_in(pieces, r.max_chars, r.max_lines)
            .map(|(c, s)| (c, s, LabelPlace::Omitted))
    }

    /// Best layout of `pieces` into at most `max_lines` lines, the first at most `first_cap`
    /// characters, the others `max_chars`: its cost and where each line after the first
    /// starts (see [`Self::layout`]).
    fn layout_in(
        &self,
        pieces: &[Piece],
        first_cap: usize,
        max_lines: usize,
    ) -> Option<(f64, Vec<usize>)> {
        let r = self.rules;
        let k = pieces.len();
        if k == 0 {
            return None;
        }
        let first_cap = first_cap.clamp(1, r.max_chars);
        let max_lines = max_lines.max(1);
        let cap = |line: usize| if line == 0 { first_cap } else { r.max_chars };
        // Characters of pieces [0, t), with the spaces before them (none before the first, or
        // inside a broken word).
        let space = |t: usize| usize::from(t > 0 && !pieces[t].glued);
        let mut prefix = vec![0usize; k + 1];
        for (t, p) in pieces.iter().enumerate() {
            prefix[t + 1] = prefix[t] + space(t) + p.width;
        }
        let width = |t0: usize, t1: usize| prefix[t1] - prefix[t0] - space(t0);
        // No line over its limit (a word too wide for the room beside a speaker label moves
        // the label, see `layout`).
        let over = |line: usize, t0: usize, t1: usize| (width(t0, t1) <= cap(line)).then_some(0.0);
        let total = width(0, k);
        // No piece is wider than a full line, so this bounds what any layout can hold.
        let fits = total < max_lines * (r.max_chars + 1);
        let mut best: Option<(f64, Vec<usize>)> = None;
        for nl in 1..=max_lines.min(k) {
            if !fits {
                break;
            }
            let target = total as f64 / nl as f64;
            let line_cost = |line: usize, t0: usize, t1: usize| -> Option<f64> {
                let o = over(line, t0, t1)?;
                let dev = (width(t0, t1) as f64 - target).abs() / r.max_chars as f64;
                let brk = if t1 < k { pieces[t1].brk } else { 0.0 };
                Some(o + 6.0 * dev + brk)
            };
            // dp[l][t]: tokens [0, t) in l + 1 lines.
            // Only dp[nl - 1][k] is read at the end: the last line's row needs no other entry.
            let row = |l: usize| if l + 1 == nl { k..=k } else { l + 1..=k };
            // One flat table: dp[l][t] is dp[l * (k + 1) + t].
            let at = |l: usize, t: usize| l * (k + 1) + t;
            let mut dp = vec![(f64::INFINITY, 0usize); nl * (k + 1)];
            for t in row(0) {
                if let Some(c) = line_cost(0, 0, t) {
                    dp[at(0, t)] = (c, 0);
                }
            }
            for l in 1..nl {
                for t in row(l) {
                    for s0 in l..t {
                        let prev = dp[at(l - 1, s0)].0;
                        if !prev.is_finite() {
                            continue;
                        }
                        if let Some(c) = line_cost(l, s0, t) {
                            // Netflix prefers a bottom-heavy pair: a slight cost for a longer top line.
                            let top_heavy = if l == 1 && width(0, s0) > width(s0, t) {
                                0.5
                            } else {
                                0.0
                            };
                            if prev + c + top_heavy < dp[at(l, t)].0 {
                                dp[at(l, t)] = (prev + c + top_heavy, s0);
                            }
                        }
                    }
                }
            }
            let (c, _) = dp[at(nl - 1, k)];
            if !c.is_finite() {
                continue;
            }
            // One line whenever it fits (broadcast practice); each extra line costs.
            let c = c + 4.0 * (nl - 1) as f64;
            if best.as_ref().is_none_or(|(b, _)| c < *b) {
                let mut starts = Vec::new();
                let mut t = k;
                for l in (1..nl).rev() {
                    t = dp[at(l, t)].1;
                    starts.push(t);
                }
                starts.reverse();
                best = Some((c, starts));
            }
            if nl == 1 {
                break;
            }
        }
        // Only a cue of one word needs more lines (any other cue can leave that word out).
        if best.is_some() || !pieces[1..].iter().all(|p| p.glued) {
            return best;
        }
        // Fill lines one by one, each cut at its cheapest break counting the room it leaves.
        let mut starts = Vec::new();
        let (mut t0, mut line) = (0, 0);
        while t0 < k {
            let c = cap(line);
            if pieces[t0].width > c {
                // A whole word wider than the room beside a label: `layout` moves the label.
                return None;
            }
            let mut t1 = t0 + 1;
            while t1 < k && width(t0, t1 + 1) <= c {
                t1 += 1;
            }
            if t1 < k {
                let cost = |t: usize| {
                    pieces[t].brk + 6.0 * c.saturating_sub(width(t0, t)) as f64 / r.max_chars as f64
                };
                // The cheapest, the fullest among equals.
                t1 = (t0 + 1..=t1)
                    .rev()
                    .min_by(|&x, &y| cost(x).total_cmp(&cost(y)))
                    .unwrap_or(t1);
                starts.push(t1);
            }
            t0 = t1;
            line += 1;
        }
        Some((FORBIDDEN * 10.0 + 4.0 * starts.len() as f64, starts))
    }

    /// [`break_cost`] between document words `a < b` (precomputed for neighbours).
    fn break_between(&self, a: usize, b: usize) -> f64 {
        if b == a + 1 {
            self.breaks[a]
        } else {
            break_cost(self.doc, a, b)
        }
    }

    /// The display lines of the document words `owners` (those shown).
    fn lines(&self, owners: &[usize], reserve: usize) -> Shown {
        let mut pieces = Vec::new();
        let mut prev = None;
        for &g in owners {
            self.push_pieces(&mut pieces, prev, g);
            prev = Some(g);
        }
        let (starts, label) = self
            .layout(&pieces, reserve)
            .map(|(_, s, label)| (s, label))
            .unwrap_or_default();
        let mut bounds = vec![0];
        bounds.extend(starts);
        bounds.push(pieces.len());
        let mut shown = Shown {
            label,
            ..Shown::default()
        };
        for w in bounds.windows(2) {
            // The pieces of a broken word join back into one without a space.
            let mut words: Vec<String> = Vec::new();
            for p in &pieces[w[0]..w[1]] {
                match words.last_mut() {
                    Some(last) if p.glued => last.push_str(p.text),
                    _ => words.push(p.text.to_string()),
                }
            }
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let line = join_words(&refs);
            if line.is_empty() {
                continue;
            }
            if pieces[w[0]].glued && !shown.lines.is_empty() {
                shown.continued.push(shown.lines.len());
            }
            shown.lines.push(line);
        }
        shown
    }
}

/// A unit of line layout: a whole word, or one character of a word longer than a line.
struct Piece<'t> {
    text: &'t str,
    /// Characters.
    width: usize,
    /// Continues the previous piece's word: joined without a space.
    glued: bool,
    /// Cost of a line break before it.
    brk: f64,
}

/// Cost of a line break between characters `a` and `b` of a word longer than a line. Low after
/// a URL's or an address's separators and after CJK punctuation; moderate elsewhere in Chinese
/// or Japanese, where any character boundary is legal; [`FORBIDDEN`] inside a run of letters or
/// digits, a hard break taken only when nothing else fits. No hyphen is added at any of them
/// (a URL must not gain one; for a hard break in a Latin word, simplicity): the lines hold
/// exactly the word's characters.
fn inner_break_cost(a: char, b: char) -> f64 {
    const SEPARATORS: &[char] = &['/', '.', '-', '_', '?', '&', '=', '@'];
    // Between a URL's path or query parts rather than inside a host name or a part.
    const PARTS: &[char] = &['/', '?', '&'];
    // Closing marks stay with what they close, opening ones with what they open (kinsoku).
    const CJK_CLOSING: &[char] = &[
        '，', '。', '、', '；', '：', '！', '？', '」', '』', '）', '】', '》', '〉',
    ];
    const CJK_OPENING: &[char] = &['「', '『', '（', '【', '《', '〈'];
    if CJK_CLOSING.contains(&b) || CJK_OPENING.contains(&a) {
        FORBIDDEN
    } else if CJK_CLOSING.contains(&a) {
        0.5
    } else if PARTS.contains(&a) && !SEPARATORS.contains(&b) {
        1.0
    } else if SEPARATORS.contains(&a) && !SEPARATORS.contains(&b) {
        2.5
    } else if is_unspaced_script(a) || is_unspaced_script(b) {
        3.0
    } else {
        FORBIDDEN
    }
}

/// Words joined into a line: with spaces, except between Chinese or Japanese text, which is
/// written without them ("你好，欢迎", not "你好， 欢迎").
fn join_words(words: &[&str]) -> String {
    let mut line = String::new();
    for w in words {
        let unspaced = line.chars().next_back().is_some_and(is_unspaced_script)
            && w.chars().next().is_some_and(is_unspaced_script);
        if !line.is_empty() && !unspaced {
            line.push(' ');
        }
        line.push_str(w);
    }
    line
}

/// Characters of scripts written without spaces between words: Chinese characters, kana, and
/// the full-width punctuation that goes with them.
fn is_unspaced_script(c: char) -> bool {
    matches!(
        c,
        '\u{3000}'..='\u{303F}' // CJK symbols and punctuation (、。「」)
            | '\u{3040}'..='\u{30FF}' // hiragana, katakana
            | '\u{3400}'..='\u{4DBF}' // CJK extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
            | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
            | '\u{FF01}'..='\u{FF60}' // full-width forms (，！？：)
    )
}

const ARTICLES: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "my", "your", "his", "her", "its", "our", "their",
    "some", "any", "every", "each", "no", "another",
];
const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "with", "from", "by", "about", "into", "onto", "over",
    "under", "between", "through", "after", "before", "during", "without", "within", "across",
    "against", "among", "around", "near", "behind", "beyond", "per", "via", "than", "like", "up",
    "off", "out",
];
const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "i'm",
    "it's",
    "we're",
    "they're",
    "you're",
    "he's",
    "she's",
    "that's",
    "i've",
    "we've",
    "they've",
    "you've",
    "i'll",
    "we'll",
    "they'll",
    "you'll",
    "i'd",
    "we'd",
    "don't",
    "doesn't",
    "didn't",
    "can't",
    "won't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "couldn't",
    "wouldn't",
    "shouldn't",
    "haven't",
    "hasn't",
];
const PRONOUNS: &[&str] = &["i", "we", "you", "they", "he", "she", "it", "there"];
const CONJUNCTIONS: &[&str] = &[
    "and", "but", "or", "so", "because", "which", "who", "when", "where", "while", "if",
    "although", "though", "since", "until", "whether",
];

fn capitalised(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Cost of a line or cue break between document words `a` and `b = a + 1`: low after
/// punctuation, high inside tight phrases, prohibitive between the parts of a name.
fn break_cost(doc: &Document, a: usize, b: usize) -> f64 {
    let (wa, wb) = (&doc.words[a], &doc.words[b]);
    match wa.break_after {
        Break::Sentence => return 0.0,
        Break::Clause => return 1.5,
        Break::Comma => return 2.5,
        Break::None => {}
    }
    if wa.kind != WordKind::Spoken || wb.kind != WordKind::Spoken {
        return 3.0;
    }
    let na = wa.norm.as_str();
    let nb = wb.norm.as_str();
    let mut cost = 6.0;
    if capitalised(&wa.text) && capitalised(&wb.text) && na != "i" && nb != "i" {
        cost += FORBIDDEN;
    }
    if ARTICLES.contains(&na) {
        cost += 12.0;
    } else if PREPOSITIONS.contains(&na) || AUXILIARIES.contains(&na) {
        cost += 8.0;
    } else if CONJUNCTIONS.contains(&na) {
        cost += 5.0;
    } else if PRONOUNS.contains(&na) {
        cost += 4.0;
    }
    if CONJUNCTIONS.contains(&nb) || PREPOSITIONS.contains(&nb) {
        // A phrase starts at b: a natural place to break.
        cost -= 2.0;
    }
    cost
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Timed;
    use crate::transcript::{Sentence, Turn, Word};

    /// A document from turns of (speaker, text) and an alignment at `rate` seconds per word
    /// with `pause` seconds after each sentence.
    fn doc_of(turns: &[(usize, &str)], word_s: f64, pause: f64) -> (Document, Alignment) {
        let mut doc = Document {
            speakers: vec!["ANA".into(), "BEN".into()],
            ..Document::default()
        };
        let mut al = Alignment::default();
        let mut t = 0.5;
        for (ti, (spk, text)) in turns.iter().enumerate() {
            let w0 = doc.words.len();
            let s0 = doc.sentences.len();
            let mut sent_start = w0;
            for tok in text.split_whitespace() {
                let kind = if tok.starts_with('[') {
                    WordKind::SoundTag
                } else {
                    WordKind::Spoken
                };
                let brk = match tok.chars().last() {
                    Some('.' | '?' | '!') => Break::Sentence,
                    Some(',') => Break::Comma,
                    Some(';' | ':') => Break::Clause,
                    _ => Break::None,
                };
                let norm = tok
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                    .to_lowercase();
                doc.words.push(Word {
                    text: tok.into(),
                    norm,
                    kind,
                    syllables: 1.0,
                    break_after: brk,
                    sentence: doc.sentences.len(),
                    turn: ti,
                    paragraph: ti,
                });
                if kind == WordKind::Spoken {
                    al.words.push(Timed {
                        start: t,
                        end: t + word_s * 0.8,
                        confidence: 0.5,
                    });
                    t += word_s;
                } else {
                    al.words.push(Timed {
                        start: t,
                        end: t,
                        confidence: 0.0,
                    });
                }
                if brk == Break::Sentence {
                    doc.sentences.push(Sentence {
                        turn: ti,
                        paragraph: ti,
                        words: sent_start..doc.words.len(),
                    });
                    sent_start = doc.words.len();
                    t += pause;
                }
            }
            if sent_start < doc.words.len() {
                doc.sentences.push(Sentence {
                    turn: ti,
                    paragraph: ti,
                    words: sent_start..doc.words.len(),
                });
            }
            doc.turns.push(Turn {
                speaker: Some(*spk),
                sentences: s0..doc.sentences.len(),
                words: w0..doc.words.len(),
            });
        }
        (doc, al)
    }

    fn check_invariants(doc: &Document, cues: &[Cue], config: &CaptionConfig) {
        let mut next = 0;
        let mut prev_end = 0.0;
        for c in cues {
            assert_eq!(c.words.start, next);
            assert!(c.words.end > c.words.start);
            next = c.words.end;
            assert!(c.end > c.start, "{c:?}");
            assert!(c.start >= prev_end, "{c:?}");
            prev_end = c.end;
            assert!(c.lines.len() <= config.max_lines);
            for l in &c.lines {
                assert!(l.chars().count() <= config.max_chars, "{l}");
            }
        }
        assert_eq!(next, doc.words.len());
    }

    /// Words the aligner left unheard (a paragraph cut from the audio) are in no cue's text;
    /// every word still belongs to a cue, and the turn's other words are captioned.
    #[test]
    fn unheard_words_get_no_captions() {
        let (doc, mut al) = doc_of(
            &[
                (0, "Welcome back. Before we start, thanks to the wardens."),
                (1, "Good evening."),
            ],
            0.3,
            0.5,
        );
        let at = al.words[1].end;
        for w in 2..9 {
            al.words[w] = Timed {
                start: at,
                end: at,
                confidence: 0.0,
            };
        }
        al.unheard.push(crate::align::Unheard { words: 2..9, at });
        let config = CaptionConfig::default();
        let cues = build(&doc, &al, &config);
        check_invariants(&doc, &cues, &config);
        let text: Vec<String> = cues.iter().map(Cue::text).collect();
        assert_eq!(text, ["Welcome back.", "Good evening."], "{cues:?}");
    }

    #[test]
    fn no_cue_ends_after_the_audio() {
        let cue = |start: f64, end: f64| Cue {
            start,
            end,
            speaker: None,
            speaker_change: false,
            lines: vec!["x".into()],
            words: 0..1,
            confidence: 1.0,
            continued: Vec::new(),
            label: LabelPlace::Beside,
        };
        let mut cues = vec![cue(0.0, 1.0), cue(1.2, 2.9), cue(2.95, 4.0)];
        end_within(&mut cues, 3.0);
        let ends: Vec<f64> = cues.iter().map(|c| c.end).collect();
        assert_eq!(ends, [1.0, 2.9, 3.0]);
        // A cue starting at the very end keeps a millisecond; an unknown length bounds nothing.
        let mut cues = vec![cue(3.0, 4.0)];
        end_within(&mut cues, 3.0);
        assert_eq!(cues[0].end, 3.001);
        end_within(&mut cues, f64::NAN);
        assert_eq!(cues[0].end, 3.001);
    }

    #[test]
    fn chinese_and_japanese_words_join_without_spaces() {
        assert_eq!(join_words(&["你好，", "欢迎收听。"]), "你好，欢迎收听。");
        assert_eq!(
            join_words(&["こんにちは、", "ようこそ。"]),
            "こんにちは、ようこそ。"
        );
        assert_eq!(join_words(&["Hello,", "world."]), "Hello, world.");
        assert_eq!(join_words(&["用", "WeChat", "付款"]), "用 WeChat 付款");
    }

    /// Every line and cue within the limits, cues in order, and the lines holding exactly the
    /// text's characters (spaces aside: a broken word gains no hyphen and loses nothing).
    fn check_broken(cues: &[Cue], text: &str, config: &CaptionConfig) {
        let mut prev_end = 0.0;
        for c in cues {
            assert!(c.end > c.start && c.start >= prev_end, "{cues:#?}");
            prev_end = c.end;
            assert!(c.lines.len() <= config.max_lines, "{cues:#?}");
            for l in &c.lines {
                assert!(l.chars().count() <= config.max_chars, "{l}");
            }
        }
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let lines: Vec<&str> = cues
            .iter()
            .flat_map(|c| &c.lines)
            .map(String::as_str)
            .collect();
        assert_eq!(squeeze(&lines.concat()), squeeze(text), "{lines:#?}");
    }

    /// The cues of one speaker's `text` in the default style, checked as every cue is and as
    /// cues with broken words are.
    fn broken_cues(text: &str) -> Vec<Cue> {
        let (doc, al) = doc_of(&[(0, text)], 0.3, 0.5);
        let config = CaptionConfig::default();
        let cues = build(&doc, &al, &config);
        check_invariants(&doc, &cues, &config);
        check_broken(&cues, text, &config);
        cues
    }

    #[test]
    fn long_url_breaks_after_a_separator() {
        let url = "https://www.example.org/podcasts/episode-42/show-notes?ref=feed&utm=rss";
        assert_eq!(url.chars().count(), 71);
        let text = format!("The show notes are at {url} for all of you.");
        let cues = broken_cues(&text);
        // Broken after a separator, not in a run of letters, and whole again in the cue's text
        // (the JSON transcript's body).
        let line = cues
            .iter()
            .flat_map(|c| &c.lines)
            .find(|l| l.contains("https:"))
            .unwrap();
        assert!(
            line.ends_with(['/', '.', '-', '_', '?', '&', '=', '@']),
            "{cues:#?}"
        );
        let texts: Vec<String> = cues.iter().map(Cue::text).collect();
        assert_eq!(texts.join(" "), text);
        // The break is a display matter: the cues start at their first words.
        assert_eq!(cues[0].start, 0.5);
    }

    #[test]
    fn long_chinese_clause_breaks_between_characters() {
        let clause = "我们今天讨论的是这个城市里面的太阳能合作社以及它在过去几年中如何从几户人家发展成为覆盖整个街区的大型项目并且还在做";
        assert_eq!(clause.chars().count(), 57);
        let text = format!("大家好， {clause}。");
        let cues = broken_cues(&text);
        // Joined without spaces, as written.
        let lines: Vec<&str> = cues
            .iter()
            .flat_map(|c| &c.lines)
            .map(String::as_str)
            .collect();
        assert_eq!(lines.concat(), text.replace(' ', ""));
        assert!(lines.len() > 1);
    }

    #[test]
    fn word_longer_than_a_cue_is_shown_over_several() {
        // 200 characters, with a 60-letter run that must be hard-broken.
        let word = format!(
            "https://example.org/{}/{}/{}",
            "a".repeat(60),
            "archive-of-every-episode-we-ever-made_2019-2024".repeat(2),
            "x".repeat(24)
        );
        assert_eq!(word.chars().count(), 200);
        let config = CaptionConfig::default();
        assert!(word.chars().count() > config.max_chars * config.max_lines);
        let text = format!("See {word} now.");
        let (doc, al) = doc_of(&[(0, &text), (1, &word)], 0.3, 0.5);
        let cues = build(&doc, &al, &config);
        check_broken(&cues, &format!("{text} {word}"), &config);
        // Every word in the first cue that shows it; the word's later cues hold none, and all
        // of them share the word's own time.
        let mut next = 0;
        for c in &cues {
            assert!(c.words.start == next, "{cues:#?}");
            next = c.words.end;
        }
        assert_eq!(next, doc.words.len());
        let own: Vec<&Cue> = cues.iter().filter(|c| c.speaker == Some(1)).collect();
        assert!(own.len() >= 3, "{cues:#?}");
        assert!(own[0].speaker_change && own[1..].iter().all(|c| !c.speaker_change));
        assert!(own[1..].iter().all(|c| c.words.is_empty()));
        assert_eq!(own[0].start, crate::time::round_ms(al.words[3].start));
        let last = own[own.len() - 1];
        assert!(last.end >= crate::time::round_ms(al.words[3].end));
    }

    #[test]
    fn one_sentence_per_cue_and_new_cue_at_speaker_change() {
        let (doc, al) = doc_of(
            &[
                (0, "Hello there, friends. Welcome back to the show."),
                (1, "Thanks, Ana."),
            ],
            0.3,
            0.5,
        );
        let config = CaptionConfig::default();
        let cues = build(&doc, &al, &config);
        check_invariants(&doc, &cues, &config);
        let texts: Vec<String> = cues.iter().map(Cue::text).collect();
        assert_eq!(
            texts,
            [
                "Hello there, friends.",
                "Welcome back to the show.",
                "Thanks, Ana."
            ]
        );
        assert!(cues[0].speaker_change && !cues[1].speaker_change && cues[2].speaker_change);
        assert_eq!(cues[2].speaker, Some(1));
        // Starts at the first word, exactly.
        assert_eq!(cues[0].start, 0.5);
    }

    #[test]
    fn long_sentence_splits_at_pause_and_keeps_names_together() {
        let text = "Yesterday I met with Priya Raman and we talked for a very long time about the solar \
                    cooperative that her neighbours started in the spring of last year in the valley.";
        let (doc, mut al) = doc_of(&[(0, text)], 0.3, 0.5);
        // A pause after "time" (word index 11): the cut should go there.
        let cut = doc.words.iter().position(|w| w.norm == "time").unwrap_or(0);
        for t in al.words.iter_mut().skip(cut + 1) {
            t.start += 0.6;
            t.end += 0.6;
        }
        let config = CaptionConfig::default();
        let cues = build(&doc, &al, &config);
        check_invariants(&doc, &cues, &config);
        assert!(cues.iter().any(|c| c.words.end == cut + 1), "{cues:#?}");
        for c in &cues {
            for l in &c.lines {
                assert!(!l.ends_with("Priya"), "name split: {cues:#?}");
                assert!(
                    !l.ends_with(" the") && !l.ends_with(" a"),
                    "article split: {cues:#?}"
                );
            }
        }
    }

    #[test]
    fn extends_for_reading_speed_but_not_into_next_cue() {
        let (doc, al) = doc_of(&[(0, "Extraordinarily complicated.")], 0.2, 0.0);
        let config = CaptionConfig::default();
        let cues = build(&doc, &al, &config);
        let c = &cues[0];
        assert!(c.chars() as f64 / (c.end - c.start) <= 20.0 + 1e-9);
        assert!(c.end - c.start >= 1.0);
        // Two speakers with no gap: the first cue ends where the second starts at the latest.
        let (doc, al) = doc_of(
            &[(0, "Extraordinarily complicated."), (1, "Indeed.")],
            0.2,
            0.0,
        );
        let cues = build(&doc, &al, &config);
        check_invariants(&doc, &cues, &config);
        assert!(cues[0].end <= cues[1].start);
        assert_eq!(cues[1].start, crate::time::round_ms(al.words[2].start));
    }

    #[test]
    fn sound_tags_keep_and_drop() {
        let (doc, al) = doc_of(
            &[
                (0, "That was funny. [Laughs] Anyway, moving on."),
                (1, "[Laughs]"),
            ],
            0.3,
            0.4,
        );
        let keep = build(&doc, &al, &CaptionConfig::default());
        let all: String = keep.iter().map(Cue::text).collect::<Vec<_>>().join(" | ");
        assert!(all.contains("[laughs]"), "{all}");
        let config = CaptionConfig {
            sound_tags: SoundTags::Drop,
            ..CaptionConfig::default()
        };
        let drop = build(&doc, &al, &config);
        check_invariants(&doc, &drop, &config);
        assert!(!drop.iter().any(|c| c.text().contains('[')));
    }

    #[test]
    fn presets() {
        assert_eq!(CaptionConfig::preset("bbc").map(|c| c.max_chars), Some(37));
        assert_eq!(
            CaptionConfig::preset("dcmp").map(|c| c.min_duration),
            Some(2.0)
        );
        assert!(CaptionConfig::preset("nope").is_none());
        for p in CaptionConfig::PRESETS {
            assert!(CaptionConfig::preset(p).is_some());
        }
    }

    #[test]
    fn speakers_map_names() {
        let mut map = BTreeMap::new();
        map.insert("priya".to_string(), "Priya Raman".to_string());
        let s = Speakers::new(&["PRIYA".into(), "TOM".into()], &map);
        assert_eq!(s.name(Some(0)), Some("Priya Raman"));
        assert_eq!(s.name(Some(1)), Some("TOM"));
        assert_eq!(s.name(None), None);
        assert_eq!(s.name(Some(9)), None);
    }
}
