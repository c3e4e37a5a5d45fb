//! Whether the transcript belongs to the audio at all, from the alignment's own evidence:
//! - *order*: the transcript's sentence order fits the audio's pauses far better than shuffled
//!   orders of the same sentences (another episode's transcript fits no better);
//! - *voices*: where a transcript's speakers sit, the audio's voice changes with the speaker
//!   label (another episode's labels explain the voices no better than chance);
//! - *length*: the syllable nuclei heard in the audio are about as many as the transcript's
//!   syllables.

use rayon::prelude::*;

use super::voice::SpectralIndex;
use super::{AlignConfig, Gap, Kind, Spoken, level1, sentence_blocks, shuffle, shuffle_stream};
use crate::segment::Timeline;
use crate::time::Span;

/// `sp` with its sentences in another order (a deterministic shuffle by `seed`).
fn shuffled(sp: &Spoken, blocks: &[std::ops::Range<usize>], seed: u64) -> Spoken {
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    shuffle(&mut order, &mut shuffle_stream(seed));
    let mut out = Spoken {
        word: vec![],
        syllables: vec![],
        speaker: vec![],
        kind_after: vec![],
    };
    for (bi, &b) in order.iter().enumerate() {
        for k in blocks[b].clone() {
            out.word.push(sp.word[k]);
            out.syllables.push(sp.syllables[k]);
            out.speaker.push(sp.speaker[k]);
            if k + 1 < blocks[b].end {
                out.kind_after.push(sp.kind_after[k]);
            } else if bi + 1 < order.len() {
                let next = blocks[order[bi + 1]].start;
                let kind = if sp.speaker[next] == sp.speaker[k] {
                    Kind::Sentence
                } else {
                    Kind::Turn
                };
                out.kind_after.push(kind);
            }
        }
    }
    out
}

/// How much better the transcript's own sentence order fits the audio than shuffled orders of
/// the same sentences, per sentence. A transcript of this audio fits its pauses in its own
/// order far better than shuffled; another episode's transcript fits no better. The test
/// calibrates itself on each recording, so noisy or natural speech (shallower pauses, looser
/// timing) does not look like a mismatch. `None` when there are too few sentences to tell.
pub(super) fn order_evidence(
    sp: &Spoken,
    gaps: &[Gap],
    rates: &[f64],
    timeline: &Timeline,
    config: &AlignConfig,
    index: &SpectralIndex<'_>,
    ends_hint: &[f64],
) -> Option<f64> {
    let all_blocks = sentence_blocks(sp);
    if all_blocks.len() < MIN_SENTENCES_FOR_ORDER_TEST {
        return None;
    }
    // A long episode is judged on its opening sentences (and the audio they need), so the
    // test costs the same for an hour as for ten minutes.
    let (sp, gaps, timeline) = if all_blocks.len() > ORDER_TEST_SENTENCES {
        let words = all_blocks[ORDER_TEST_SENTENCES].start;
        let until = ends_hint
            .get(words.saturating_sub(1))
            .copied()
            .unwrap_or(f64::INFINITY)
            + 5.0;
        let head = sp.slice(0..words);
        let cut = gaps.partition_point(|g| g.end <= until);
        let mut head_gaps = gaps[..cut].to_vec();
        head_gaps.push(Gap::edge(until));
        let head_timeline = Timeline {
            speech: timeline
                .speech
                .iter()
                .copied()
                .filter(|s| s.start < until)
                .collect(),
            ..Timeline::default()
        };
        (
            std::borrow::Cow::Owned(head),
            std::borrow::Cow::Owned(head_gaps),
            std::borrow::Cow::Owned(head_timeline),
        )
    } else {
        (
            std::borrow::Cow::Borrowed(sp),
            std::borrow::Cow::Borrowed(gaps),
            std::borrow::Cow::Borrowed(timeline),
        )
    };
    let blocks = sentence_blocks(&sp);
    // The own order and every shuffle are independent searches: run them on all cores. The
    // costs are collected in seed order, so the result does not depend on the thread count.
    let search = |seeds: std::ops::RangeInclusive<u64>| -> Vec<f64> {
        seeds
            .into_par_iter()
            .map(|seed| {
                let order = if seed == 0 {
                    std::borrow::Cow::Borrowed(&*sp)
                } else {
                    std::borrow::Cow::Owned(shuffled(&sp, &blocks, seed))
                };
                level1(&order, &gaps, rates, &timeline, config, index, None, None).cost
            })
            .collect()
    };
    let mut costs = search(0..=FIRST_SHUFFLES as u64);
    // When every one of the first shuffles is far worse than the own order, more shuffles
    // cannot bring the median near a threshold: the rest are not searched (half the test's
    // time on a matched episode, a tenth of everything after decoding).
    let own = costs[0];
    let nearest = costs[1..].iter().copied().fold(f64::INFINITY, f64::min);
    if nearest.is_finite() && (nearest - own) / blocks.len() as f64 >= CLEAR_ORDER_EVIDENCE {
        return order_margin(&costs, blocks.len());
    }
    costs.extend(search(FIRST_SHUFFLES as u64 + 1..=SHUFFLES as u64));
    order_margin(&costs, blocks.len())
}

/// Order evidence from the costs of the own order (first) and its shuffles: how much
/// cheaper the own order is than the median shuffle, per sentence. `None` when either
/// search found no path.
fn order_margin(costs: &[f64], sentences: usize) -> Option<f64> {
    let own = costs[0];
    let mut others = costs[1..].to_vec();
    others.sort_by(f64::total_cmp);
    let typical = others[others.len() / 2];
    (own.is_finite() && typical.is_finite()).then(|| (typical - own) / sentences as f64)
}

/// One window of the local order test: the spoken words it holds, the audio the alignment
/// gave them, and its order evidence per sentence.
pub(super) struct Window {
    pub words: std::ops::Range<usize>,
    pub start: f64,
    pub end: f64,
    pub evidence: f64,
    /// Voice evidence of the window's sentences ([`voice_evidence`]; `None` for one voice).
    pub voice: Option<f64>,
}

/// The order test on windows of the placed alignment: each run of [`LOCAL_SENTENCES`]
/// sentences, in its own order against shuffles, priced on the audio the alignment gave it.
/// A transcript only partly this audio's fits well where it belongs and no better than
/// shuffled where it does not, which the whole-transcript test averages away. Empty with too
/// few sentences for one window.
///
/// A window's evidence is exact unless every window's is known to be at least `settled` (the
/// highest level the caller compares it with); it is then a lower bound of at least that.
#[allow(clippy::too_many_arguments)]
pub(super) fn local_order_evidence(
    sp: &Spoken,
    gaps: &[Gap],
    rates: &[f64],
    config: &AlignConfig,
    index: &SpectralIndex<'_>,
    speech: &[Span],
    starts: &[f64],
    ends: &[f64],
    settled: f64,
) -> Vec<Window> {
    let blocks = sentence_blocks(sp);
    if blocks.len() < LOCAL_SENTENCES {
        return Vec::new();
    }
    // A window's sentences already sit near their audio, so a narrow band finds the same
    // paths as the whole-episode band at a third of the cost.
    let config = &AlignConfig {
        band_s: LOCAL_BAND_S,
        ..config.clone()
    };
    // Windows side by side; the last one ends with the transcript (overlapping the one before).
    let mut firsts: Vec<usize> = (0..=blocks.len() - LOCAL_SENTENCES)
        .step_by(LOCAL_SENTENCES)
        .collect();
    if firsts
        .last()
        .is_some_and(|&f| f + LOCAL_SENTENCES < blocks.len())
    {
        firsts.push(blocks.len() - LOCAL_SENTENCES);
    }
    let windows: Vec<(Spoken, Vec<Gap>, Timeline, std::ops::Range<usize>)> = firsts
        .iter()
        .map(|&f| {
            let words = blocks[f].start..blocks[f + LOCAL_SENTENCES - 1].end;
            let t0 = starts[words.start] - LOCAL_MARGIN_S;
            let t1 = ends[words.end - 1] + LOCAL_MARGIN_S;
            let sub = sp.slice(words.clone());
            let mut sub_gaps = vec![Gap::edge(t0)];
            sub_gaps.extend(gaps.iter().copied().filter(|g| g.start > t0 && g.end < t1));
            sub_gaps.push(Gap::edge(t1));
            let sub_timeline = Timeline {
                speech: speech
                    .iter()
                    .filter(|s| s.end > t0 && s.start < t1)
                    .map(|s| Span::new(s.start.max(t0), s.end.min(t1)))
                    .collect(),
                ..Timeline::default()
            };
            (sub, sub_gaps, sub_timeline, words)
        })
        .collect();
    // Every window and shuffle is an independent search; collected in order, so the result
    // does not depend on the thread count.
    let search = |seeds: std::ops::RangeInclusive<u64>| -> Vec<Vec<f64>> {
        let jobs: Vec<(usize, u64)> = (0..windows.len())
            .flat_map(|w| seeds.clone().map(move |s| (w, s)))
            .collect();
        let costs: Vec<f64> = jobs
            .par_iter()
            .map(|&(w, seed)| {
                let (sub, g, tl, _) = &windows[w];
                let order = if seed == 0 {
                    std::borrow::Cow::Borrowed(sub)
                } else {
                    std::borrow::Cow::Owned(shuffled(sub, &sentence_blocks(sub), seed))
                };
                level1(&order, g, rates, tl, config, index, None, None).cost
            })
            .collect();
        costs
            .chunks(seeds.count().max(1))
            .map(<[f64]>::to_vec)
            .collect()
    };
    // The first shuffles bound the evidence from below: the median of all the shuffles is at
    // least the lowest of any half of them. Where every window's bound already clears
    // `settled`, the rest cannot change what is made of them (the evidence is compared with
    // nothing higher), so they are searched only when some window is in doubt.
    let mut costs = search(0..=FIRST_LOCAL_SHUFFLES as u64);
    let in_doubt = costs.iter().any(|c| {
        let own = c[0];
        let lowest = c[1..].iter().copied().fold(f64::INFINITY, f64::min);
        !(own.is_finite() && (lowest - own) / LOCAL_SENTENCES as f64 >= settled)
    });
    if in_doubt {
        let rest = search(FIRST_LOCAL_SHUFFLES as u64 + 1..=LOCAL_SHUFFLES as u64);
        for (c, more) in costs.iter_mut().zip(rest) {
            c.extend(more);
        }
    }
    windows
        .into_iter()
        .zip(costs)
        .filter_map(|((_, _, _, words), c)| {
            order_margin(&c, LOCAL_SENTENCES).map(|evidence| Window {
                start: starts[words.start],
                end: ends[words.end - 1],
                voice: voice_evidence(
                    &sp.slice(words.clone()),
                    &starts[words.clone()],
                    &ends[words.clone()],
                    index,
                ),
                words,
                evidence,
            })
        })
        .collect()
}

/// Sentences in one window of the local order test: about a minute of speech, enough for the
/// test to be steady (matched windows on the corpus 0.29-1.3), short enough to place a
/// mismatch.
const LOCAL_SENTENCES: usize = 20;
/// Shuffles per window of the local order test.
const LOCAL_SHUFFLES: usize = 7;
/// Shuffles searched first in every window: more than half of [`LOCAL_SHUFFLES`], so their
/// lowest cost bounds the median of all from below.
const FIRST_LOCAL_SHUFFLES: usize = LOCAL_SHUFFLES / 2 + 1;
/// Audio kept either side of a window's placed sentences, seconds.
const LOCAL_MARGIN_S: f64 = 1.0;
/// Search band of the local order test, seconds.
const LOCAL_BAND_S: f64 = 8.0;

/// Shuffled orders the transcript's own is compared with: the median of this many is steady
/// enough that one lucky shuffle does not decide (with 5, other episodes' transcripts reached
/// 0.4 on the corpus; with 11, 0.33).
const SHUFFLES: usize = 11;
/// Shuffles searched first; the rest only when one of these comes within
/// [`CLEAR_ORDER_EVIDENCE`] of the own order.
const FIRST_SHUFFLES: usize = 5;
/// Order evidence per sentence that every one of the first shuffles must leave for the test
/// to stop early. Then the median of all would be at least this unless all six others fell
/// under 0.45 (where the decisions start): it stops on clean matched episodes (their
/// nearest shuffle: 0.24-1.25 on the corpus) and never for another episode's transcript (at
/// most 0.29 among the 240 cross pairs of `benches/mismatch.sh`).
const CLEAR_ORDER_EVIDENCE: f64 = 0.6;

/// Fewer sentences than this give too little evidence to call a transcript a mismatch.
const MIN_SENTENCES_FOR_ORDER_TEST: usize = 6;
/// The order test looks at this many sentences at most.
const ORDER_TEST_SENTENCES: usize = 150;

/// How much more of the audio's voice variation the transcript's speaker labels explain than
/// the same labels shifted along the transcript: the share of the spread of sentence voices
/// (spectral shape) between the speakers' means, less its mean over shifted label sequences
/// (which keep the turn structure, so long turns in drifting audio do not count). About
/// 0.3-0.8 for a transcript of this audio with distinct voices, near 0 for another episode's.
/// `None` when it cannot tell: one speaker, too few sentences, or sentences that all sound
/// alike. One person under several labels can still score near 0, so this alone never calls
/// a mismatch (see [`super::Alignment::mismatch`]).
pub(super) fn voice_evidence(
    sp: &Spoken,
    starts: &[f64],
    ends: &[f64],
    index: &SpectralIndex<'_>,
) -> Option<f64> {
    let mut shapes: Vec<Vec<f64>> = Vec::new();
    let mut labels: Vec<usize> = Vec::new();
    for b in sentence_blocks(sp) {
        let (shape, frames) = index.mean(starts[b.start], ends[b.end - 1]);
        if frames >= MIN_VOICE_FRAMES {
            shapes.push(shape.to_vec());
            labels.push(sp.speaker[b.start]);
        }
    }
    let n = shapes.len();
    let n_labels = labels.iter().copied().max().unwrap_or(0) + 1;
    let mut per_label = vec![0usize; n_labels];
    for &l in &labels {
        per_label[l] += 1;
    }
    if n < MIN_VOICE_SENTENCES || per_label.iter().filter(|&&c| c >= 2).count() < 2 {
        return None;
    }
    // Each band in units of its spread over the sentences, so every band counts alike.
    let bands = shapes[0].len();
    // Audio whose sentences all sound alike (one voice, however many labels) leaves the
    // labels nothing to explain: the shares below would be noise.
    let spread_db = ((0..bands)
        .map(|j| {
            let mean = shapes.iter().map(|v| v[j]).sum::<f64>() / n as f64;
            shapes.iter().map(|v| (v[j] - mean).powi(2)).sum::<f64>() / n as f64
        })
        .sum::<f64>()
        / bands as f64)
        .sqrt();
    if spread_db < MIN_VOICE_SPREAD_DB {
        return None;
    }
    for j in 0..bands {
        let mean = shapes.iter().map(|v| v[j]).sum::<f64>() / n as f64;
        let var = shapes.iter().map(|v| (v[j] - mean).powi(2)).sum::<f64>() / n as f64;
        let sd = var.sqrt().max(1e-9);
        for v in &mut shapes {
            v[j] = (v[j] - mean) / sd;
        }
    }
    let own = between_share(&shapes, &labels);
    let shifted: Vec<f64> = (1..=VOICE_SHIFTS)
        .map(|k| {
            let by = (n * k / (VOICE_SHIFTS + 1)).max(1);
            let l: Vec<usize> = (0..n).map(|i| labels[(i + by) % n]).collect();
            between_share(&shapes, &l)
        })
        .collect();
    Some(own - shifted.iter().sum::<f64>() / shifted.len() as f64)
}

/// Share of the total spread of standardised `shapes` that lies between the means of the
/// groups `labels` gives them (0..1).
fn between_share(shapes: &[Vec<f64>], labels: &[usize]) -> f64 {
    let groups = labels.iter().copied().max().unwrap_or(0) + 1;
    let bands = shapes.first().map_or(0, Vec::len);
    let mut sums = vec![vec![0.0; bands]; groups];
    let mut counts = vec![0.0; groups];
    for (v, &l) in shapes.iter().zip(labels) {
        counts[l] += 1.0;
        for (s, x) in sums[l].iter_mut().zip(v) {
            *s += x;
        }
    }
    // The shapes have zero mean per band, so the total is the sum of squares.
    let total: f64 = shapes.iter().flatten().map(|x| x * x).sum();
    let between: f64 = sums
        .iter()
        .zip(&counts)
        .filter(|(_, c)| **c > 0.0)
        .map(|(s, c)| s.iter().map(|x| x * x).sum::<f64>() / c)
        .sum();
    between / total.max(1e-12)
}

/// A sentence's voice counts with at least this many loud frames (half a second).
const MIN_VOICE_FRAMES: u32 = 50;
/// The voice test needs this many sentences with a voice.
const MIN_VOICE_SENTENCES: usize = 8;
/// The sentences' voices must spread at least this much (RMS over bands, dB) for the labels
/// to be tested: one synthetic voice spreads 1.0-1.5 dB, the corpus's episodes 2.4-4.7 dB.
const MIN_VOICE_SPREAD_DB: f64 = 2.0;
/// Label sequences shifted along the transcript to price chance.
const VOICE_SHIFTS: usize = 12;
/// Syllable nuclei heard in the audio per syllable of the transcript (`None` without
/// syllables): about 0.7-1.4 for a transcript of this audio.
pub(super) fn heard_per_written(sp: &Spoken, timeline: &Timeline) -> Option<f64> {
    let written: f64 = sp.syllables.iter().sum();
    (written >= 1.0).then(|| timeline.nuclei.len() as f64 / written)
}

#[cfg(test)]
mod tests {
    use super::super::Alignment;
    use super::between_share;

    fn judged(order: Option<f32>, voice: Option<f32>, heard: Option<f32>) -> bool {
        verdict(order, voice, heard, None)
    }

    fn verdict(
        order: Option<f32>,
        voice: Option<f32>,
        heard: Option<f32>,
        letters: Option<f32>,
    ) -> bool {
        Alignment {
            order_evidence: order,
            voice_evidence: voice,
            heard_per_written: heard,
            letter_evidence: letters,
            ..Alignment::default()
        }
        .evidently_mismatched()
    }

    #[test]
    fn each_kind_of_evidence_decides() {
        // Order alone: hardly better than shuffled is a mismatch.
        assert!(judged(Some(0.05), None, Some(1.0)));
        assert!(!judged(Some(0.3), None, Some(1.0)));
        // Voices that do not follow the labels, with only moderate order evidence.
        assert!(judged(Some(0.3), Some(0.02), Some(1.0)));
        assert!(!judged(Some(0.3), Some(0.3), Some(1.0)));
        // Strong order evidence is not overruled by the voices (one person, two labels).
        assert!(!judged(Some(0.8), Some(0.0), Some(1.0)));
        // Twice or half the syllables: a mismatch even with too few sentences to order.
        assert!(judged(None, None, Some(2.5)));
        assert!(judged(Some(1.0), Some(0.5), Some(0.4)));
        assert!(!judged(None, None, Some(0.8)));
    }

    fn refused(order: Option<f32>, voice: Option<f32>, heard: Option<f32>, letters: f32) -> bool {
        verdict(order, voice, heard, Some(letters))
    }

    #[test]
    fn two_weak_signals_refuse_together() {
        // Another interview's transcript: fair order, voices barely following the labels,
        // letters that hardly fit (ho04's audio with ho11's text).
        assert!(refused(Some(0.5), Some(0.104), Some(1.0), 0.0068));
        // Either weak signal alone is not enough.
        assert!(!refused(Some(0.5), Some(0.104), Some(1.0), 0.012));
        assert!(!refused(Some(0.5), Some(0.3), Some(1.0), 0.0068));
        // A short reading with a longer talk's text: too few nuclei, letters that hardly fit.
        assert!(refused(Some(0.74), None, Some(0.61), 0.0053));
        assert!(!refused(Some(0.74), None, Some(0.61), 0.009));
        assert!(!refused(Some(0.74), None, Some(0.9), 0.0053));
        // A monologue's text on another recording: no voices, weak order, poor letters
        // (ho11's audio with dev05's text); a matched reading with noise keeps its letters.
        assert!(refused(Some(0.34), None, Some(1.0), 0.005));
        assert!(!refused(Some(0.21), None, Some(1.0), 0.0077));
        assert!(!refused(Some(0.5), None, Some(1.0), 0.005));
        // Letters under the hard floor count only where the order is not clear.
        assert!(refused(Some(0.3), None, Some(1.0), 0.002));
        assert!(!refused(Some(0.6), None, Some(1.0), 0.002));
    }

    #[test]
    fn only_a_partly_fitting_transcript_has_unmatched_spans() {
        let window = |i: usize, evidence: f64| super::Window {
            words: i * 10..(i + 1) * 10,
            start: i as f64 * 60.0,
            end: i as f64 * 60.0 + 59.5,
            evidence,
            voice: None,
        };
        // Fits well, then twice no better than shuffled: one span over both, those words capped.
        let windows = [window(0, 0.9), window(1, 0.05), window(2, -0.1)];
        let mut conf = vec![0.8_f32; 30];
        let spans = super::super::unmatched_spans(&windows, &mut conf);
        assert_eq!(spans.len(), 1);
        assert_eq!((spans[0].span.start, spans[0].span.end), (60.0, 179.5));
        assert!((spans[0].elsewhere - 0.9).abs() < 1e-6);
        assert!(conf[..10].iter().all(|&c| c == 0.8));
        assert!(conf[10..].iter().all(|&c| c <= 0.2));
        // Fair order, but the sentences do not sound like their speakers (the sample with
        // another interview's second half); a voice mix-up alone, with a strong order, is
        // not enough (a four-way panel of one-word turns).
        let voiced = |i: usize, evidence: f64, voice: f64| super::Window {
            voice: Some(voice),
            ..window(i, evidence)
        };
        let windows = [
            voiced(0, 1.14, 0.33),
            voiced(1, 0.11, 0.07),
            voiced(2, 0.52, 0.05),
        ];
        let mut conf = vec![0.8_f32; 30];
        let spans = super::super::unmatched_spans(&windows, &mut conf);
        assert_eq!(spans.len(), 1);
        assert_eq!((spans[0].span.start, spans[0].span.end), (60.0, 119.5));
        assert_eq!(spans[0].voice_evidence, Some(0.07));
        // A fast panel's last window: its order fits no better than shuffled (too few pauses
        // at its turns), but its sentences clearly sound like their speakers (the fresh
        // set's ho18): not reported. Another episode's text under the same labels that fails
        // by order does not sound like them (voices 0.12).
        let windows = [
            voiced(0, 0.96, 0.40),
            voiced(1, 0.33, 0.57),
            voiced(2, -0.06, 0.29),
        ];
        let mut conf = vec![0.8_f32; 30];
        assert!(super::super::unmatched_spans(&windows, &mut conf).is_empty());
        assert!(conf.iter().all(|&c| c == 0.8));
        let windows = [voiced(0, 0.80, 0.50), voiced(1, -0.05, 0.12)];
        let mut conf = vec![0.8_f32; 20];
        assert_eq!(super::super::unmatched_spans(&windows, &mut conf).len(), 1);
        // Weak everywhere (read poetry): left to the whole-transcript evidence.
        let windows = [window(0, 0.3), window(1, 0.05)];
        let mut conf = vec![0.8_f32; 20];
        assert!(super::super::unmatched_spans(&windows, &mut conf).is_empty());
        assert!(conf.iter().all(|&c| c == 0.8));
    }

    #[test]
    fn labels_that_follow_the_groups_explain_the_spread() {
        // Two tight groups of standardised shapes (zero mean per band).
        let shapes: Vec<Vec<f64>> = (0..12)
            .map(|i| {
                let s = if i % 4 < 2 { 1.0 } else { -1.0 };
                let wobble = 0.1 * ((i * 7 % 5) as f64 - 2.0);
                vec![s + wobble, -s - wobble]
            })
            .collect();
        let following: Vec<usize> = (0..12).map(|i| usize::from(i % 4 >= 2)).collect();
        let unrelated: Vec<usize> = (0..12).map(|i| usize::from(i >= 6)).collect();
        assert!(between_share(&shapes, &following) > 0.9);
        assert!(between_share(&shapes, &unrelated) < 0.2);
    }
}
