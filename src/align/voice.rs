//! Voice evidence for the aligner: each speaker's average spectral shape, learned from a first
//! pass, and how far the audio of a stretch is from the voice(s) the text says are speaking.
//!
//! The shape is the coarse log spectrum of loud frames less its own mean (so loudness does not
//! count, timbre does). Audio in a voice the transcript does not have (a sponsor read, a
//! guest's answer placed in the host's turn) costs more than audio in the expected voice, which
//! is what lets the DP skip a sponsor read and put turn boundaries where the voice changes.

use rayon::prelude::*;

use crate::features::{Features, N_BANDS, band_db};
use crate::time::Span;

pub(super) type Shape = [f64; N_BANDS];

/// Prefix sums of the spectral shape of loud frames, for O(1) means over any span.
///
/// The sums (and loud-frame counts) are kept only every [`CHECKPOINT`] frames (an hour of full
/// prefix sums was 23 MB, a third of the run's peak memory); a sum in between is the
/// checkpoint plus the frames after it, added in the same order as a full prefix pass, so
/// every value is the same bits.
pub(super) struct SpectralIndex<'a> {
    features: &'a Features,
    /// Frames at or above this energy count (vowels, not breaths or noise).
    loud: f32,
    /// Prefix sums at frames `0, CHECKPOINT, 2 * CHECKPOINT, ...`.
    checkpoints: Vec<Shape>,
    /// Loud frames before frames `0, CHECKPOINT, 2 * CHECKPOINT, ...`.
    counts: Vec<u32>,
    /// Frames in the episode.
    frames: usize,
    hop_s: f64,
}

/// Frames between stored prefix sums (72 bytes each: 2.25 bytes a frame). Code that reads
/// many overlapping windows runs its own sums ([`RunningSums`], [`GapMeans`]), so the longer
/// completion is paid only by scattered reads.
const CHECKPOINT: usize = 32;

impl<'a> SpectralIndex<'a> {
    pub(super) fn new(features: &'a Features) -> Self {
        let n = features.len();
        // Frames within 20 dB of the loud end of the episode: vowels, not breaths or noise.
        // The 90th percentile (the same value a full sort gives).
        let loud = if n > 0 {
            nth_smallest(&features.energy_db, n * 9 / 10)
        } else {
            0.0
        } - 20.0;
        let mut index = SpectralIndex {
            features,
            loud,
            checkpoints: Vec::with_capacity(n / CHECKPOINT + 1),
            counts: Vec::with_capacity(n / CHECKPOINT + 1),
            frames: n,
            hop_s: crate::features::HOP_S,
        };
        let mut acc = [0.0; N_BANDS];
        let mut c = 0u32;
        index.checkpoints.push(acc);
        index.counts.push(c);
        for i in 0..n {
            if index.add_frame(i, &mut acc) {
                c += 1;
            }
            if (i + 1) % CHECKPOINT == 0 {
                index.checkpoints.push(acc);
                index.counts.push(c);
            }
        }
        index
    }

    /// Adds frame `i`'s shape to `acc` if it is loud; true if it was.
    fn add_frame(&self, i: usize, acc: &mut Shape) -> bool {
        let f = self.features;
        if f.energy_db[i] >= self.loud
            && let Some(bands) = f.bands.get(i)
        {
            let bands = bands.map(|b| f64::from(band_db(b)));
            let mean = bands.iter().sum::<f64>() / N_BANDS as f64;
            for (a, &b) in acc.iter_mut().zip(bands.iter()) {
                *a += b - mean;
            }
            true
        } else {
            false
        }
    }

    /// The prefix sum of loud shapes over frames `0..i`, and how many there were.
    fn prefix(&self, i: usize) -> (Shape, u32) {
        let cp = i / CHECKPOINT;
        let mut acc = self.checkpoints[cp];
        let mut count = self.counts[cp];
        for k in cp * CHECKPOINT..i {
            count += u32::from(self.add_frame(k, &mut acc));
        }
        (acc, count)
    }

    /// The frames `[a, b)` that [`SpectralIndex::mean`] averages for `[t0, t1)`.
    fn frames_of(&self, t0: f64, t1: f64) -> (usize, usize) {
        let last = self.frames;
        let a = ((t0 / self.hop_s).round().max(0.0) as usize).min(last);
        let b = ((t1 / self.hop_s).round().max(0.0) as usize).clamp(a, last);
        (a, b)
    }

    /// Mean shape of the loud frames in `[t0, t1)` and how many there were.
    pub(super) fn mean(&self, t0: f64, t1: f64) -> (Shape, u32) {
        let (a, b) = self.frames_of(t0, t1);
        mean_between(&self.prefix(a), &self.prefix(b))
    }
}

/// Mean shapes between gap pairs for the DP, row by row in increasing order of the later gap
/// `to`: the stretches from the ends of the `step` gaps before `to` to its start. The prefix
/// sum at each gap's end is computed once and kept while later rows start there (a row
/// then costs two prefix sums, not one for each stretch and one for the end).
pub(super) struct GapMeans<'i, 'a> {
    index: &'i SpectralIndex<'a>,
    step: usize,
    /// Gap whose end is `ends[0]`.
    first: usize,
    /// Frame and prefix sum at the ends of gaps `first..`, as [`SpectralIndex::mean`] takes
    /// a stretch's start.
    ends: std::collections::VecDeque<(usize, (Shape, u32))>,
}

impl<'i, 'a> GapMeans<'i, 'a> {
    pub(super) fn new(index: &'i SpectralIndex<'a>, step: usize) -> Self {
        GapMeans {
            index,
            step,
            first: 0,
            ends: std::collections::VecDeque::with_capacity(step + 1),
        }
    }

    /// Appends [`SpectralIndex::mean`] over `[end_of(to - k), start)` for `k = 1..=step`
    /// (zeros where `k > to`). `to` must not decrease from one call to the next.
    pub(super) fn row(
        &mut self,
        to: usize,
        end_of: impl Fn(usize) -> f64,
        start: f64,
        out: &mut Vec<(Shape, u32)>,
    ) {
        let lo = to.saturating_sub(self.step);
        if self.first + self.ends.len() < lo {
            self.ends.clear();
            self.first = lo;
        }
        while self.first < lo {
            self.ends.pop_front();
            self.first += 1;
        }
        for g in self.first + self.ends.len()..to {
            let (a, _) = self.index.frames_of(end_of(g), 0.0);
            self.ends.push_back((a, self.index.prefix(a)));
        }
        // `frames_of` clamps a stretch's end to at least its start: a start at or past the
        // end's frame gives an empty stretch.
        let end = ((start / self.index.hop_s).round().max(0.0) as usize).min(self.index.frames);
        let mut end_sum = None;
        for k in 1..=self.step {
            let empty = ([0.0; N_BANDS], 0);
            out.push(match (k <= to).then_some(k) {
                Some(k) => {
                    let (a, pa) = &self.ends[to - k - self.first];
                    if *a >= end {
                        empty
                    } else {
                        let pb = *end_sum.get_or_insert_with(|| self.index.prefix(end));
                        mean_between(pa, &pb)
                    }
                }
                None => empty,
            });
        }
    }
}

/// Prefix sums of the index over frames `s0..=e0`, run once from the checkpoint before `s0`
/// (the same values as [`SpectralIndex::prefix`], so the same bits): for code that reads
/// many overlapping windows in one stretch.
struct RunningSums<'i, 'a> {
    index: &'i SpectralIndex<'a>,
    s0: usize,
    sums: Vec<(Shape, u32)>,
}

impl<'i, 'a> RunningSums<'i, 'a> {
    fn new(index: &'i SpectralIndex<'a>, s0: usize, e0: usize) -> Self {
        let mut sums = Vec::with_capacity(e0.saturating_sub(s0) + 1);
        let mut acc = index.prefix(s0);
        sums.push(acc);
        for f in s0..e0 {
            acc.1 += u32::from(index.add_frame(f, &mut acc.0));
            sums.push(acc);
        }
        RunningSums { index, s0, sums }
    }

    fn prefix(&self, f: usize) -> (Shape, u32) {
        match f.checked_sub(self.s0).and_then(|i| self.sums.get(i)) {
            Some(&sum) => sum,
            None => self.index.prefix(f),
        }
    }

    /// The mean over frames `[a, b)`: [`SpectralIndex::mean`] of their times (which round
    /// back to the same frames), without the round trip.
    fn mean_of_frames(&self, a: usize, b: usize) -> (Shape, u32) {
        let last = self.index.frames;
        let a = a.min(last);
        mean_between(&self.prefix(a), &self.prefix(b.clamp(a, last)))
    }
}

/// The quietest frame within 15 frames of `t`: where two voices meet, the energy dips.
fn energy_dip(features: &Features, t: usize) -> usize {
    let n = features.energy_db.len();
    let (a, b) = (t.saturating_sub(15), (t + 15).min(n));
    (a..b)
        .min_by(|&x, &y| features.energy_db[x].total_cmp(&features.energy_db[y]))
        .unwrap_or(t)
}

/// The value at `rank` of `values` sorted by [`f32::total_cmp`] (`rank < values.len()`),
/// without a sorted or partitioned copy (a copy was 4 bytes a frame): a histogram of the
/// values' order-preserving keys finds the bucket that holds it, and only that bucket's
/// values are selected among.
fn nth_smallest(values: &[f32], rank: usize) -> f32 {
    // Keys that order as `total_cmp` orders the values.
    let key = |x: f32| {
        let b = x.to_bits();
        if b >> 31 == 1 { !b } else { b | 1 << 31 }
    };
    const SHIFT: u32 = 16;
    let mut histogram = vec![0usize; 1 << (32 - SHIFT)];
    for &x in values {
        histogram[(key(x) >> SHIFT) as usize] += 1;
    }
    let mut below = 0;
    let mut bucket = histogram.len() - 1;
    for (b, &c) in histogram.iter().enumerate() {
        if below + c > rank {
            bucket = b;
            break;
        }
        below += c;
    }
    let mut inside: Vec<f32> = values
        .iter()
        .copied()
        .filter(|&x| (key(x) >> SHIFT) as usize == bucket)
        .collect();
    *inside
        .select_nth_unstable_by(rank - below, f32::total_cmp)
        .1
}

/// Mean shape and count of the loud frames between two prefix sums (`pa` the earlier).
fn mean_between((pa, ca): &(Shape, u32), (pb, cb): &(Shape, u32)) -> (Shape, u32) {
    let n = cb - ca;
    let mut m = [0.0; N_BANDS];
    if n > 0 {
        for (j, v) in m.iter_mut().enumerate() {
            *v = (pb[j] - pa[j]) / f64::from(n);
        }
    }
    (m, n)
}

/// Each speaker's voice, with the spread of stretch means around it.
pub(super) struct Voices {
    models: Vec<Option<Shape>>,
    inverse_variance: Shape,
    /// Cost per unit of excess distance.
    weight: f64,
    /// Distance that costs nothing.
    tolerance: f64,
    /// Cost of a turn change whose edges sound like the wrong speaker, per side.
    turn_edge_weight: f64,
}

/// Frames a stretch needs before its voice counts fully (1 s of loud frames).
const FULL_EVIDENCE_FRAMES: f64 = 100.0;

impl Voices {
    /// Learns every speaker's voice from `spans` (speaker, time span) placed by a first pass.
    pub(super) fn learn(
        index: &SpectralIndex<'_>,
        spans: &[(usize, Span)],
        n_speakers: usize,
        weight: f64,
        tolerance: f64,
        turn_edge_weight: f64,
    ) -> Option<Self> {
        let mut sums = vec![[0.0; N_BANDS]; n_speakers];
        let mut counts = vec![0.0; n_speakers];
        let mut means: Vec<(usize, Shape, u32)> = Vec::new();
        for &(speaker, span) in spans {
            let (m, n) = index.mean(span.start, span.end);
            if n == 0 || speaker >= n_speakers {
                continue;
            }
            for (s, v) in sums[speaker].iter_mut().zip(m.iter()) {
                *s += v * f64::from(n);
            }
            counts[speaker] += f64::from(n);
            means.push((speaker, m, n));
        }
        let models: Vec<Option<Shape>> = sums
            .iter()
            .zip(&counts)
            .map(|(s, &c)| (c >= 200.0).then(|| s.map(|v| v / c)))
            .collect();
        let mut var = [0.0; N_BANDS];
        let mut n_var = 0.0;
        for (speaker, m, n) in &means {
            if let Some(model) = models[*speaker]
                && f64::from(*n) >= FULL_EVIDENCE_FRAMES / 2.0
            {
                for j in 0..N_BANDS {
                    var[j] += (m[j] - model[j]).powi(2);
                }
                n_var += 1.0;
            }
        }
        if n_var < 5.0 || models.iter().all(Option::is_none) {
            return None;
        }
        let inverse_variance = var.map(|v| 1.0 / (v / n_var).max(0.25));
        Some(Voices {
            models,
            inverse_variance,
            weight,
            tolerance,
            turn_edge_weight,
        })
    }

    /// The voice expected where the text has speakers mixed by `weights` (speaker,
    /// syllables); `None` when none of them has a model (then the audio costs nothing).
    pub(super) fn mix(&self, weights: &[(usize, f64)]) -> Option<Shape> {
        let mut expected = [0.0; N_BANDS];
        let mut total = 0.0;
        for &(speaker, w) in weights {
            if let Some(Some(model)) = self.models.get(speaker) {
                for (e, m) in expected.iter_mut().zip(model.iter()) {
                    *e += w * m;
                }
                total += w;
            }
        }
        (total > 0.0).then(|| expected.map(|e| e / total))
    }

    /// Cost of hearing audio whose loud frames are `observed` (mean shape and count, from
    /// [`SpectralIndex::mean`]) where the text expects the voice `mix` (from [`Voices::mix`]):
    /// zero while the audio is as close to the expected voice as a typical stretch. The two
    /// halves are separate so the DP computes each once, not once per pair.
    pub(super) fn cost(&self, observed: &(Shape, u32), mix: Option<&Shape>) -> f64 {
        let (observed, n) = observed;
        if *n == 0 {
            return 0.0;
        }
        let Some(expected) = mix else {
            return 0.0;
        };
        let distance = (0..N_BANDS)
            .map(|j| (observed[j] - expected[j]).powi(2) * self.inverse_variance[j])
            .sum::<f64>()
            / N_BANDS as f64;
        let evidence = (f64::from(*n) / FULL_EVIDENCE_FRAMES).min(1.0);
        self.weight * (distance - self.tolerance).max(0.0) * evidence
    }

    /// True when [`Voices::cost`] is never negative (the DP may then prune by lower bounds).
    pub(super) fn cost_is_nonnegative(&self) -> bool {
        self.weight >= 0.0
    }
}

impl Voices {
    /// Weighted squared distance of a mean shape from speaker `s`'s voice (`None`: no model).
    fn distance(&self, shape: &Shape, s: usize) -> Option<f64> {
        let model = self.models.get(s).copied().flatten()?;
        Some(
            (0..N_BANDS)
                .map(|j| (shape[j] - model[j]).powi(2) * self.inverse_variance[j])
                .sum::<f64>()
                / N_BANDS as f64,
        )
    }

    /// Candidate places for turn changes the first pass put near `turns` (time, speaker
    /// before, speaker after): points within `reach` seconds where the 0.3 s before sounds
    /// more like the first speaker than the second and the 0.3 s after the reverse, the best
    /// few local maxima of that gain. Fast panels change turns without a pause, and a
    /// voice-blind change detector finds few of those (its strongest changes are phonemes).
    /// Returns (time, strength 0..1), sorted.
    pub(super) fn turn_points(
        &self,
        index: &SpectralIndex<'_>,
        turns: &[(f64, usize, usize)],
        reach: f64,
    ) -> Vec<(f64, f64)> {
        let w = TURN_WINDOW;
        let n = index.frames;
        let hop = index.hop_s;
        let mut out: Vec<(f64, f64)> = Vec::new();
        if n < 4 * w {
            return out;
        }
        // Each turn's frames searched, [a, b).
        let ranges: Vec<(usize, usize, usize, usize)> = turns
            .iter()
            .filter_map(|&(t, x, y)| {
                let a = (((t - reach) / hop).round().max(0.0) as usize).max(w);
                let b = (((t + reach) / hop).round() as usize).min(n - w);
                (b > a).then_some((a, b, x, y))
            })
            .collect();
        // Turns whose windows overlap (a fast panel changes turns every second or two, each
        // searched seconds either side) share one run of prefix sums and of window means, up
        // to a bounded stretch (the same bits as a run per turn: see `RunningSums`).
        let mut first = 0;
        while first < ranges.len() {
            let (mut lo, mut hi) = (ranges[first].0, ranges[first].1);
            let mut end = first + 1;
            while let Some(&(a, b, _, _)) = ranges.get(end) {
                let (new_lo, new_hi) = (lo.min(a), hi.max(b));
                if a >= hi + 2 * w || new_hi - new_lo > MAX_SHARED_TURN_FRAMES {
                    break;
                }
                (lo, hi) = (new_lo, new_hi);
                end += 1;
            }
            let sums = RunningSums::new(index, lo - w, (hi + w).min(n));
            // The window from frame k is the left side of frame k + w and the right side of
            // k: its mean, computed once.
            let means: Vec<(Shape, u32)> = (lo - w..hi)
                .map(|k| sums.mean_of_frames(k, k + w))
                .collect();
            for &(a, b, x, y) in &ranges[first..end] {
                let windows = &means[a - lo..b - lo + w];
                self.turn_candidates(windows, a, x, y, hop, &mut out);
            }
            first = end;
        }
        out.sort_by(|p, q| p.0.total_cmp(&q.0));
        out.dedup_by(|p, q| p.0 == q.0);
        out
    }

    /// The best few turn points from `x` to `y` among frames `a..`: `windows[i]` is the mean
    /// over the [`TURN_WINDOW`] frames from `a - TURN_WINDOW + i`.
    fn turn_candidates(
        &self,
        windows: &[(Shape, u32)],
        a: usize,
        x: usize,
        y: usize,
        hop: f64,
        out: &mut Vec<(f64, f64)>,
    ) {
        let w = TURN_WINDOW;
        // Each window's count and its distances from both voices.
        let windows: Vec<(u32, Option<f64>, Option<f64>)> = windows
            .iter()
            .map(|(shape, count)| (*count, self.distance(shape, x), self.distance(shape, y)))
            .collect();
        let gain: Vec<f64> = (w..windows.len())
            .map(|i| {
                let (nl, lx, ly) = windows[i - w];
                let (nr, rx, ry) = windows[i];
                if nl < (w / 3) as u32 || nr < (w / 3) as u32 {
                    return f64::NEG_INFINITY;
                }
                match (lx, ly, rx, ry) {
                    (Some(lx), Some(ly), Some(rx), Some(ry)) => ly - lx + rx - ry,
                    _ => f64::NEG_INFINITY,
                }
            })
            .collect();
        let mut peaks: Vec<(usize, f64)> = (0..gain.len())
            .filter(|&i| {
                gain[i] > 0.0
                    && gain[i.saturating_sub(w)..(i + w).min(gain.len())]
                        .iter()
                        .all(|&g| g <= gain[i])
            })
            .map(|i| (i, gain[i]))
            .collect();
        peaks.sort_by(|p, q| q.1.total_cmp(&p.1));
        let top = peaks.first().map_or(0.0, |p| p.1);
        for &(i, g) in peaks.iter().take(TURN_CANDIDATES) {
            out.push(((a + i) as f64 * hop, 0.15 + 0.25 * g / top));
        }
    }
}

impl Voices {
    /// Cost of a turn change from speaker `before` to `after` placed on the pause `[t0, t1]`:
    /// up to one `weight` for each side whose [`TURN_EDGE_S`] of audio sounds more like the
    /// wrong one of the two. The stretch costs compare whole stretches, where a second of the
    /// wrong voice at one end hardly moves the mean; the edges are where a misplaced turn
    /// change shows.
    pub(super) fn turn_edge_cost(
        &self,
        index: &SpectralIndex<'_>,
        before: usize,
        after: usize,
        t0: f64,
        t1: f64,
    ) -> f64 {
        self.turn_edge_weight
            * (self.sounds_like(index, t0 - TURN_EDGE_S, t0, after, before)
                + self.sounds_like(index, t1, t1 + TURN_EDGE_S, before, after))
    }

    /// How clearly the [`TURN_EDGE_S`] of audio from `t` sound like speaker `after` rather
    /// than `before`, 0..1: the start of audio skipped at a turn change from `before` to
    /// `after`. A sponsor read or a stinger between two speakers sounds like neither; audio
    /// in the next speaker's voice is more likely their own words the transcript left out,
    /// inside their turn.
    pub(super) fn skip_opens_in_next_voice(
        &self,
        index: &SpectralIndex<'_>,
        before: usize,
        after: usize,
        t: f64,
    ) -> f64 {
        self.sounds_like(index, t, t + TURN_EDGE_S, after, before)
    }

    /// How clearly the audio `[a, b]` sounds like speaker `like` rather than `unlike`, 0..1
    /// (in units of the tolerance, scaled down where there is under half of it to go by).
    fn sounds_like(
        &self,
        index: &SpectralIndex<'_>,
        a: f64,
        b: f64,
        like: usize,
        unlike: usize,
    ) -> f64 {
        let (shape, n) = index.mean(a, b);
        let evidence = (f64::from(n) / (TURN_EDGE_S / index.hop_s / 2.0)).min(1.0);
        match (self.distance(&shape, unlike), self.distance(&shape, like)) {
            (Some(d_unlike), Some(d_like)) if n > 0 => {
                ((d_unlike - d_like) / self.tolerance).clamp(0.0, 1.0) * evidence
            }
            _ => 0.0,
        }
    }
}

/// Audio looked at on each side of a turn change, seconds.
const TURN_EDGE_S: f64 = 0.5;

/// How far from the first pass's time of a turn change its candidates are looked for, s,
/// for the pass the evidence is read from (its thresholds were calibrated with these points).
pub(super) const TURN_SEARCH_S: f64 = 3.0;
/// The same for the pass that places the words. In a fast panel the voice-blind first pass
/// can only change turns on pauses, and puts a run of quick turns changing without one two
/// or three turns late, more than 3 s from where they are (ho10: a cue 4.2 s late); the
/// candidates are then looked for further out. Only for placing: with them, the evidence
/// pass fitted a foreign transcript well enough to accept it (one of 992 mismatched pairs).
pub(super) const PLACING_TURN_SEARCH_S: f64 = 5.0;
/// Candidates kept per turn change.
const TURN_CANDIDATES: usize = 3;
/// Longest stretch of frames whose prefix sums and window means turn changes share.
const MAX_SHARED_TURN_FRAMES: usize = 6000;

/// Half-width of the windows compared on each side of a candidate turn point, frames.
const TURN_WINDOW: usize = 30;

/// Half-width of the windows compared on each side of a candidate change point, frames.
const CHANGE_WINDOW: usize = 40;
/// Frames per parallel task when scoring change points.
const SCORE_CHUNK: usize = 8192;

/// Frames between stored prefix sums of the energy in [`change_points`].
const LEVEL_CHECKPOINT: usize = 64;

/// Points inside running speech where the voice changes: the spectral shape and level of the
/// 0.4 s before and after differ most (local maxima well above the episode's typical
/// difference), moved to the quietest frame nearby. Turn changes without a pause (fast
/// panels, interruptions) have nothing else to mark them. Returns (time, strength 0..1).
///
/// No table grows with the episode beyond a few bytes per second: the scores are computed
/// twice, chunk by chunk, from prefix sums each chunk runs itself (the same running sums a
/// full table holds, so the same bits), once to count them into a histogram and once to keep
/// the two buckets that hold the median and the 97th percentile and every score from the
/// latter up. Per-frame tables (scores, energy prefix sums, the frames wanted) were 25 bytes
/// a frame, a third of the four-hour peak.
pub(super) fn change_points(
    index: &SpectralIndex<'_>,
    features: &Features,
    speech: &[Span],
) -> Vec<(f64, f64)> {
    let n = features.len();
    let w = CHANGE_WINDOW;
    if n < 4 * w {
        return Vec::new();
    }
    let hop = index.hop_s;
    // The energy's prefix sums at every `LEVEL_CHECKPOINT`-th frame (a chunk completes them).
    let mut level_checkpoints = Vec::with_capacity(n / LEVEL_CHECKPOINT + 1);
    let mut level = 0.0f64;
    for (i, &e) in features.energy_db.iter().enumerate() {
        if i % LEVEL_CHECKPOINT == 0 {
            level_checkpoints.push(level);
        }
        level += f64::from(e);
    }
    // Frames whose score is computed: inside a speech span, a window from either end. Both
    // ends are non-decreasing (the spans are sorted and do not overlap).
    let wanted: Vec<(usize, usize)> = speech
        .iter()
        .filter_map(|span| {
            let a = ((span.start / hop).round() as usize).max(w);
            let b = ((span.end / hop).round() as usize).min(n - w);
            (a < b).then_some((a, b))
        })
        .collect();
    // Each frame's score depends only on the features: the same values for any thread count
    // and any chunking.
    let scores = |c: usize| -> Vec<f64> {
        let c0 = c * SCORE_CHUNK;
        let c1 = (c0 + SCORE_CHUNK).min(n);
        let mut score = vec![0.0f64; c1 - c0];
        let mut want = vec![false; c1 - c0];
        let first = wanted.partition_point(|&(_, b)| b <= c0);
        for &(a, b) in wanted[first..].iter().take_while(|&&(a, _)| a < c1) {
            want[a.max(c0) - c0..b.min(c1) - c0].fill(true);
        }
        if !want.contains(&true) {
            return score;
        }
        // Prefix sums over frames `s0..=e0`, every window this chunk reads.
        let s0 = c0.saturating_sub(w);
        let e0 = (c1 + w).min(n);
        let sums = RunningSums::new(index, s0, e0);
        let from = s0 / LEVEL_CHECKPOINT * LEVEL_CHECKPOINT;
        let mut level = level_checkpoints[from / LEVEL_CHECKPOINT];
        for &e in &features.energy_db[from..s0] {
            level += f64::from(e);
        }
        let mut levels = Vec::with_capacity(e0 - s0 + 1);
        levels.push(level);
        for &e in &features.energy_db[s0..e0] {
            level += f64::from(e);
            levels.push(level);
        }
        // The window from frame k is the left side of frame k + w and the right side of k.
        let wanted_at = |t: usize| (c0..c1).contains(&t) && want[t - c0];
        let windows: Vec<Option<(Shape, u32)>> = (s0..c1)
            .map(|k| (wanted_at(k + w) || wanted_at(k)).then(|| sums.mean_of_frames(k, k + w)))
            .collect();
        let window = |k: usize| windows[k - s0].expect("a wanted frame's windows are computed");
        for (i, out) in score.iter_mut().enumerate() {
            if !want[i] {
                continue;
            }
            let t = c0 + i;
            let (left, right) = (window(t - w), window(t));
            if left.1 < (w / 3) as u32 || right.1 < (w / 3) as u32 {
                continue;
            }
            let shape: f64 = (0..N_BANDS)
                .map(|j| (left.0[j] - right.0[j]).powi(2))
                .sum::<f64>()
                / N_BANDS as f64;
            let level_l = (levels[t - s0] - levels[t - w - s0]) / w as f64;
            let level_r = (levels[t + w - s0] - levels[t - s0]) / w as f64;
            *out = shape + ((level_l - level_r) / 3.0).powi(2);
        }
        score
    };
    let n_chunks = n.div_ceil(SCORE_CHUNK);
    // Positive scores order as their bits do: the top bits name a bucket of a sixteenth of an
    // octave.
    let bucket = |s: f64| (s.to_bits() >> SCORE_BUCKET_SHIFT) as usize;
    let histogram = (0..n_chunks)
        .into_par_iter()
        .map(|c| {
            let mut h = vec![0u32; SCORE_BUCKETS];
            for s in scores(c) {
                if s > 0.0 {
                    h[bucket(s)] += 1;
                }
            }
            h
        })
        .reduce(
            || vec![0u32; SCORE_BUCKETS],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(&b) {
                    *x += y;
                }
                a
            },
        );
    let len: usize = histogram.iter().map(|&c| c as usize).sum();
    if len < 100 {
        return Vec::new();
    }
    // Two order statistics of the positive scores (the values a full sort gives): the median
    // and the 97th percentile. Each is found in its bucket.
    let locate = |rank: usize| {
        let mut below = 0usize;
        for (b, &c) in histogram.iter().enumerate() {
            if below + c as usize > rank {
                return (b, rank - below);
            }
            below += c as usize;
        }
        (SCORE_BUCKETS - 1, 0)
    };
    let (median_bucket, median_rank) = locate(len / 2);
    let (high_bucket, high_rank) = locate(len * 97 / 100);
    // Second pass: the two buckets' values, and every score from the high bucket up (the
    // local maxima are among them: a frame that beats one of them is one of them).
    let kept: Vec<Kept> = (0..n_chunks)
        .into_par_iter()
        .map(|c| {
            let (mut at_median, mut at_high, mut above) = (Vec::new(), Vec::new(), Vec::new());
            for (i, s) in scores(c).into_iter().enumerate() {
                if s <= 0.0 {
                    continue;
                }
                let b = bucket(s);
                if b == median_bucket {
                    at_median.push(s);
                }
                if b == high_bucket {
                    at_high.push(s);
                }
                if b >= high_bucket {
                    above.push((c * SCORE_CHUNK + i, s));
                }
            }
            (at_median, at_high, above)
        })
        .collect();
    let mut at_median: Vec<f64> = kept.iter().flat_map(|k| k.0.iter().copied()).collect();
    let mut at_high: Vec<f64> = kept.iter().flat_map(|k| k.1.iter().copied()).collect();
    let typical = *at_median
        .select_nth_unstable_by(median_rank, f64::total_cmp)
        .1;
    let high = (*at_high.select_nth_unstable_by(high_rank, f64::total_cmp).1).max(4.0 * typical);
    let candidates: Vec<(usize, f64)> = kept
        .into_iter()
        .flat_map(|k| k.2)
        .filter(|&(_, s)| s >= high)
        .collect();
    let mut out = Vec::new();
    for &(t, s) in &candidates {
        let lo = t.saturating_sub(w);
        let hi = (t + w).min(n);
        // Only a candidate can beat a candidate: every other score is below `high`.
        let a = candidates.partition_point(|&(f, _)| f < lo);
        let b = candidates.partition_point(|&(f, _)| f < hi);
        if candidates[a..b].iter().any(|&(_, x)| x > s)
            || out.last().is_some_and(|&(p, _): &(usize, f64)| t - p < w)
        {
            continue;
        }
        out.push((energy_dip(features, t), (s / high).min(3.0) / 3.0));
    }
    out.into_iter()
        .map(|(f, s)| (f as f64 * hop, 0.15 + 0.25 * s))
        .collect()
}

/// What the second pass of [`change_points`] keeps from a chunk: the scores in the median's
/// bucket, those in the 97th percentile's, and (frame, score) from the latter bucket up.
type Kept = (Vec<f64>, Vec<f64>, Vec<(usize, f64)>);

/// Right shift of a score's bits to its histogram bucket in [`change_points`]: sign,
/// exponent and the top four bits of the mantissa.
const SCORE_BUCKET_SHIFT: u32 = 48;
/// Buckets of positive scores (the sign bit is clear).
const SCORE_BUCKETS: usize = 1 << (63 - SCORE_BUCKET_SHIFT);

#[cfg(test)]
mod tests {
    use super::*;

    /// The change-point search as it was with per-frame tables (a full score table, energy
    /// prefix sums, a wanted-frame mask), kept to check the chunked search gives the same.
    fn change_points_with_tables(
        index: &SpectralIndex<'_>,
        features: &Features,
        speech: &[Span],
    ) -> Vec<(f64, f64)> {
        let n = features.len();
        let w = CHANGE_WINDOW;
        if n < 4 * w {
            return Vec::new();
        }
        let hop = index.hop_s;
        let mut level_prefix = Vec::with_capacity(n + 1);
        level_prefix.push(0.0f64);
        for &e in &features.energy_db {
            level_prefix.push(level_prefix[level_prefix.len() - 1] + f64::from(e));
        }
        // Frames whose score is computed: inside a speech span, a window from either end.
        let mut wanted = vec![false; n];
        for span in speech {
            let a = ((span.start / hop).round() as usize).max(w);
            let b = ((span.end / hop).round() as usize).min(n - w);
            if a < b {
                wanted[a..b].fill(true);
            }
        }
        // Each frame's score depends only on the features: computed in parallel chunks, the same
        // values for any thread count.
        let mut score = vec![0.0f64; n];
        score
            .par_chunks_mut(SCORE_CHUNK)
            .enumerate()
            .for_each(|(c, chunk)| {
                for (i, out) in chunk.iter_mut().enumerate() {
                    let t = c * SCORE_CHUNK + i;
                    if !wanted[t] {
                        continue;
                    }
                    let left = index.mean((t - w) as f64 * hop, t as f64 * hop);
                    let right = index.mean(t as f64 * hop, (t + w) as f64 * hop);
                    if left.1 < (w / 3) as u32 || right.1 < (w / 3) as u32 {
                        continue;
                    }
                    let shape: f64 = (0..N_BANDS)
                        .map(|j| (left.0[j] - right.0[j]).powi(2))
                        .sum::<f64>()
                        / N_BANDS as f64;
                    let level_l = (level_prefix[t] - level_prefix[t - w]) / w as f64;
                    let level_r = (level_prefix[t + w] - level_prefix[t]) / w as f64;
                    *out = shape + ((level_l - level_r) / 3.0).powi(2);
                }
            });
        let mut positive: Vec<f64> = score.iter().copied().filter(|&s| s > 0.0).collect();
        if positive.len() < 100 {
            return Vec::new();
        }
        // Two order statistics by selection (the values a full sort gives): the median, then the
        // 97th percentile among the values above it.
        let len = positive.len();
        let (_, &mut typical, above) = positive.select_nth_unstable_by(len / 2, f64::total_cmp);
        let rank = len * 97 / 100 - (len / 2 + 1);
        let high = (*above.select_nth_unstable_by(rank, f64::total_cmp).1).max(4.0 * typical);
        let mut out = Vec::new();
        for t in w..n - w {
            let s = score[t];
            if s < high {
                continue;
            }
            let lo = t.saturating_sub(w);
            let hi = (t + w).min(n);
            if score[lo..hi].iter().any(|&x| x > s)
                || out.last().is_some_and(|&(p, _): &(usize, f64)| t - p < w)
            {
                continue;
            }
            out.push((energy_dip(features, t), (s / high).min(3.0) / 3.0));
        }
        out.into_iter()
            .map(|(f, s)| (f as f64 * hop, 0.15 + 0.25 * s))
            .collect()
    }

    /// Several score chunks of two voices taking turns at irregular times inside speech
    /// spans, with pauses between some spans.
    fn long_two_voices() -> (Features, Vec<Span>) {
        let n = 3 * SCORE_CHUNK + 1234;
        let mut f = Features::default();
        let mut state = 99u64;
        let mut speaker = 0;
        let mut next_change = 300;
        for i in 0..n {
            if i == next_change {
                speaker = 1 - speaker;
                next_change += 250 + (i * 7919) % 400;
            }
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let jitter = (state >> 40) as f32 / (1u64 << 24) as f32 * 4.0;
            let wobble = 8.0 * ((i as f32) * 0.7).sin();
            let tilt = if speaker == 0 { -2.5 } else { 2.5 };
            let bands = std::array::from_fn(|j| -30.0 + wobble + jitter + tilt * j as f32);
            f.energy_db.push(-20.0 + wobble + jitter);
            f.band_db
                .push(crate::features::store_speech_db(-20.0 + wobble));
            f.bands.push(bands.map(crate::features::store_band_db));
        }
        let mut speech = Vec::new();
        let mut t = 0.2;
        while t < n as f64 * 0.01 {
            let end = (t + 7.3).min(n as f64 * 0.01);
            speech.push(Span::new(t, end));
            t = end + 0.45;
        }
        (f, speech)
    }

    #[test]
    fn shared_and_running_sums_equal_the_index() {
        let (f, _) = long_two_voices();
        let index = SpectralIndex::new(&f);
        let bits = |m: (Shape, u32)| (m.0.map(f64::to_bits), m.1);
        // Gaps every 0.37 s, 0.11 s long, from 0.05 s; rows in increasing order with jumps,
        // on and off checkpoints. Gap 40 ends after gap 41 starts: an empty stretch.
        let step = 5;
        let end_of = |g: usize| 0.05 + 0.37 * g as f64 + if g == 40 { 0.6 } else { 0.11 };
        let start_of = |g: usize| 0.05 + 0.37 * g as f64;
        let mut means = GapMeans::new(&index, step);
        for to in (0..30)
            .chain(33..36)
            .chain(38..45)
            .chain(100..110)
            .chain([680])
        {
            let mut row = Vec::new();
            means.row(to, end_of, start_of(to), &mut row);
            assert_eq!(row.len(), step);
            for (k, got) in (1..=step).zip(row) {
                let want = if k <= to {
                    index.mean(end_of(to - k), start_of(to))
                } else {
                    ([0.0; N_BANDS], 0)
                };
                assert_eq!(bits(got), bits(want), "gap {to} back {k}");
            }
        }
        // Frames inside and outside the running sums' range, reversed and past the end: the
        // same means as the index gives for the frames' times.
        let sums = RunningSums::new(&index, 1234, 5678);
        for (a, b) in [
            (1234, 1300),
            (2000, 5678),
            (1200, 6000),
            (50, 1250),
            (100, 50),
            (5000, index.frames + 100),
        ] {
            let hop = index.hop_s;
            assert_eq!(
                bits(sums.mean_of_frames(a, b)),
                bits(index.mean(a as f64 * hop, b as f64 * hop)),
                "frames [{a}, {b})"
            );
        }
    }

    #[test]
    fn nth_smallest_equals_a_sort() {
        let mut state = 5u64;
        let mut values: Vec<f32> = (0..20_000)
            .map(|i| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                match i % 5 {
                    // Many equal values (digital silence), negative and positive levels.
                    0 => -120.0,
                    1 => ((state >> 40) as f32 / (1u64 << 24) as f32) * 3.0,
                    _ => -60.0 + ((state >> 40) as f32 / (1u64 << 24) as f32) * 55.0,
                }
            })
            .collect();
        values.extend([0.0, -0.0, f32::MIN_POSITIVE, -f32::MIN_POSITIVE]);
        let mut sorted = values.clone();
        sorted.sort_by(f32::total_cmp);
        for rank in [0, 1, 3999, 4000, 4001, 9_999, 18_000, values.len() - 1] {
            assert_eq!(
                nth_smallest(&values, rank).to_bits(),
                sorted[rank].to_bits(),
                "rank {rank}"
            );
        }
    }

    #[test]
    fn chunked_change_points_equal_the_full_tables() {
        let (f, speech) = long_two_voices();
        let index = SpectralIndex::new(&f);
        let want = change_points_with_tables(&index, &f, &speech);
        assert!(want.len() > 10, "{} points", want.len());
        let got = change_points(&index, &f, &speech);
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(
                (g.0.to_bits(), g.1.to_bits()),
                (w.0.to_bits(), w.1.to_bits())
            );
        }
        // Fewer spans, and the same features on one thread.
        let half = &speech[..speech.len() / 2];
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("pool");
        assert_eq!(
            one.install(|| change_points(&index, &f, half)),
            change_points_with_tables(&index, &f, half)
        );
    }

    /// Two voices with different spectral tilts taking turns every 4 s without a pause, with a
    /// syllable-like level wobble and a little per-frame jitter.
    fn two_voices() -> (Features, Vec<(usize, Span)>) {
        let n = 2400; // 24 s
        let mut f = Features::default();
        let mut spans = Vec::new();
        for i in 0..n {
            let speaker = (i / 400) % 2;
            let wobble = 6.0 * ((i as f32) * 0.9).sin();
            let jitter = ((i * 7919) % 13) as f32 * 0.3;
            let tilt = if speaker == 0 { -3.0 } else { 3.0 };
            let bands = std::array::from_fn(|j| -30.0 + wobble + jitter + tilt * j as f32);
            f.energy_db.push(-20.0 + wobble);
            f.band_db
                .push(crate::features::store_speech_db(-20.0 + wobble));
            f.bands.push(bands.map(crate::features::store_band_db));
        }
        for k in 0..6 {
            // Learn from 1 s stretches inside each turn.
            for s in 0..3 {
                let t = k as f64 * 4.0 + 0.5 + s as f64;
                spans.push((k % 2, Span::new(t, t + 1.0)));
            }
        }
        (f, spans)
    }

    /// Audio skipped at a turn change from speaker 0 to 1 that opens in speaker 1's voice
    /// counts as theirs; audio in speaker 0's voice or in a third voice (no spectral tilt,
    /// halfway between the two) does not.
    #[test]
    fn a_skip_opening_in_the_next_voice_is_told_from_a_third_voice() {
        let (mut f, spans) = two_voices();
        for i in 1600..1700 {
            let wobble = 6.0 * ((i as f32) * 0.9).sin();
            f.bands[i] = [crate::features::store_band_db(-30.0 + wobble); N_BANDS];
        }
        let index = SpectralIndex::new(&f);
        let voices = Voices::learn(&index, &spans, 2, 0.3, 2.0, 1.0).expect("voices");
        let next = voices.skip_opens_in_next_voice(&index, 0, 1, 4.5);
        let same = voices.skip_opens_in_next_voice(&index, 0, 1, 1.0);
        let third = voices.skip_opens_in_next_voice(&index, 0, 1, 16.2);
        assert!(next > 0.9, "in the next voice: {next}");
        assert!(same < 0.1, "in the same voice: {same}");
        assert!(third < 0.5, "in a third voice: {third}");
    }

    #[test]
    fn turn_points_find_a_change_of_voice_without_a_pause() {
        let (f, spans) = two_voices();
        let index = SpectralIndex::new(&f);
        let voices = Voices::learn(&index, &spans, 2, 0.3, 2.0, 1.0).expect("voices");
        // The first pass put the change from speaker 0 to 1 at 10.8 s; it is at 12 s.
        let points = voices.turn_points(&index, &[(10.8, 0, 1)], TURN_SEARCH_S);
        assert!(!points.is_empty());
        let best = points
            .iter()
            .max_by(|p, q| p.1.total_cmp(&q.1))
            .expect("a point");
        assert!(
            (best.0 - 12.0).abs() <= 0.1,
            "best turn point at {}",
            best.0
        );
    }

    /// Turn changes searched together (sharing their sums and window means) give the points
    /// each gives alone.
    #[test]
    fn turn_points_searched_together_equal_each_alone() {
        let (f, spans) = two_voices();
        let index = SpectralIndex::new(&f);
        let voices = Voices::learn(&index, &spans, 2, 0.3, 2.0, 1.0).expect("voices");
        let turns = [(3.0, 0, 1), (8.4, 1, 0), (12.5, 0, 1), (21.0, 0, 1)];
        let together = voices.turn_points(&index, &turns, PLACING_TURN_SEARCH_S);
        let mut alone: Vec<(f64, f64)> = turns
            .iter()
            .flat_map(|&turn| voices.turn_points(&index, &[turn], PLACING_TURN_SEARCH_S))
            .collect();
        alone.sort_by(|p, q| p.0.total_cmp(&q.0));
        alone.dedup_by(|p, q| p.0 == q.0);
        assert!(together.len() >= turns.len(), "{together:?}");
        assert_eq!(together, alone);
    }

    /// A turn change the first pass put 3.6 s early is found by the placing pass's wider
    /// search, and not by the evidence pass's.
    #[test]
    fn the_placing_search_reaches_a_turn_change_further_off() {
        let (f, spans) = two_voices();
        let index = SpectralIndex::new(&f);
        let voices = Voices::learn(&index, &spans, 2, 0.3, 2.0, 1.0).expect("voices");
        // Speaker 0 gives way to 1 at 4 s and at 12 s; the first pass said 8.4 s.
        let near_a_change = |points: &[(f64, f64)]| {
            points
                .iter()
                .any(|p| (p.0 - 12.0).abs() <= 0.1 || (p.0 - 4.0).abs() <= 0.1)
        };
        let narrow = voices.turn_points(&index, &[(8.4, 0, 1)], TURN_SEARCH_S);
        assert!(!near_a_change(&narrow), "found within 3 s: {narrow:?}");
        let wide = voices.turn_points(&index, &[(8.4, 0, 1)], PLACING_TURN_SEARCH_S);
        assert!(
            wide.iter().any(|p| (p.0 - 12.0).abs() <= 0.1),
            "not found within 5 s: {wide:?}"
        );
    }

    #[test]
    fn turn_edge_cost_is_zero_at_the_change_and_positive_inside_a_turn() {
        let (f, spans) = two_voices();
        let index = SpectralIndex::new(&f);
        let voices = Voices::learn(&index, &spans, 2, 0.3, 2.0, 1.0).expect("voices");
        let at_change = voices.turn_edge_cost(&index, 0, 1, 12.0, 12.0);
        let a_second_late = voices.turn_edge_cost(&index, 0, 1, 13.0, 13.0);
        assert!(at_change < 0.1, "cost at the change {at_change}");
        assert!(a_second_late > 0.5, "cost a second late {a_second_late}");
    }
}
