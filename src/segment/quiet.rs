//! Very quiet stretches: sound that moves like speech but sits far under the episode's speech
//! level (a paragraph recorded or mixed 40 dB down, a guest's line dropping out). The aligner
//! may leave the words spoken there unplaced, or put them elsewhere; what `align` says about
//! such a place names the quiet audio as the reason, rather than calling a paragraph cut or
//! the speech uncovered. Read after alignment, so it changes no time.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::Timeline;
use crate::features::{FLOOR_DB, Features, HOP_S};
use crate::time::Span;

/// A stretch of sound far under the episode's speech level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct QuietStretch {
    /// Where, seconds: from the first quiet frame to the last, silence next to them included.
    pub span: Span,
    /// How far its level is under the episode's speech level, dB (both the 90th percentile of
    /// frame energy: of the stretch, and of the frames in speech).
    pub under_db: f32,
}

/// Sound at least this far (dB) under the episode's speech level is very quiet. A quiet guest
/// or a soft reader in a mix is 6-15 dB under; 25 dB is a level fault, not a voice.
pub const QUIET_UNDER_DB: f32 = 25.0;

/// The energy within half a second of a frame of a very quiet stretch spans at least this many
/// dB: syllables and the gaps between them. Steady noise, a hum or digital silence, however
/// quiet, is not a quiet stretch.
const MOVES_DB: f32 = 12.0;

/// Frames either side that a frame's loudest and quietest neighbours are taken from (0.5 s).
const HALF_WINDOW: usize = 50;

/// Quiet frames this close (1 s) join into one stretch: the pauses between quiet sentences.
const BRIDGE: usize = 100;

/// Shorter stretches (2 s) are a breath, a soft word's tail or a fade, not a passage.
const MIN_FRAMES: usize = 200;

/// The very quiet stretches of an episode, in order: runs of frames where nothing within half
/// a second comes within [`QUIET_UNDER_DB`] of the speech level while the energy still moves
/// like speech, at least 2 s long. None on the corpus, the held-out sets and the real
/// recordings; a paragraph attenuated by 40 dB is found to within half a second.
pub fn quiet_stretches(features: &Features, timeline: &Timeline) -> Vec<QuietStretch> {
    let energy = &features.energy_db;
    let n = energy.len();
    let frame = |t: f64| ((t / HOP_S).round().max(0.0) as usize).min(n);
    let speech = timeline
        .speech
        .iter()
        .flat_map(|s| energy[frame(s.start)..frame(s.end).max(frame(s.start))].iter());
    let Some(level) = percentile_90(speech) else {
        return Vec::new();
    };
    let quiet = |(loudest, quietest): (f32, f32)| {
        loudest <= level - QUIET_UNDER_DB && loudest - quietest >= MOVES_DB
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, extremes) in window_extremes(energy, HALF_WINDOW).enumerate() {
        match (quiet(extremes), open) {
            (true, None) => open = Some(i),
            (false, Some(start)) => {
                join_run(&mut runs, start, i);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        join_run(&mut runs, start, n);
    }
    // The test looks half a second either side, so a run starts and ends up to half a second
    // inside the quiet audio: it takes back the frames next to it that are quiet themselves.
    let ceiling = level - QUIET_UNDER_DB;
    runs.into_iter()
        .filter(|&(a, b)| b - a >= MIN_FRAMES)
        .map(|(mut a, mut b)| {
            let (lowest, highest) = (a.saturating_sub(HALF_WINDOW), (b + HALF_WINDOW).min(n));
            while a > lowest && energy[a - 1] <= ceiling {
                a -= 1;
            }
            while b < highest && energy[b] <= ceiling {
                b += 1;
            }
            (a, b)
        })
        .filter_map(|(a, b)| {
            let own = percentile_90(energy[a..b].iter())?;
            Some(QuietStretch {
                span: Span::new(a as f64 * HOP_S, b as f64 * HOP_S),
                under_db: level - own,
            })
        })
        .collect()
}

/// Adds the quiet run `[start, end)` to `runs`, joined to the last one when they are at most
/// [`BRIDGE`] frames apart.
fn join_run(runs: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    match runs.last_mut() {
        Some(last) if start - last.1 <= BRIDGE => last.1 = end,
        _ => runs.push((start, end)),
    }
}

/// Hundredths of a dB per step of [`percentile_90`]'s histogram, from [`FLOOR_DB`] up.
const STEPS_PER_DB: f32 = 100.0;
/// Steps of the histogram: [`FLOOR_DB`] to 20 dBFS, beyond any frame's energy.
const STEPS: usize = 14_001;

/// The 90th percentile (nearest rank) of `values` to a hundredth of a dB, `None` when there
/// are none. A histogram, not a copy to select in: the speech frames of four hours were
/// 6 MB, the run's peak memory.
fn percentile_90<'a>(values: impl Iterator<Item = &'a f32>) -> Option<f32> {
    let mut histogram = vec![0u32; STEPS];
    let mut count = 0usize;
    for &v in values {
        let step = ((v - FLOOR_DB) * STEPS_PER_DB)
            .round()
            .clamp(0.0, (STEPS - 1) as f32);
        histogram[step as usize] += 1;
        count += 1;
    }
    let rank = ((count.checked_sub(1)?) as f64 * 0.9).round() as usize;
    let mut below = 0usize;
    let step = histogram.iter().position(|&c| {
        below += c as usize;
        below > rank
    })?;
    Some(FLOOR_DB + step as f32 / STEPS_PER_DB)
}

/// For each frame in turn, the largest and the smallest value within `half` frames either
/// side (fewer at the ends): monotone queues, linear in the length, memory in the window
/// (arrays of both were 11 MB at four hours).
fn window_extremes(x: &[f32], half: usize) -> impl Iterator<Item = (f32, f32)> + '_ {
    let n = x.len();
    let (mut max_q, mut min_q) = (VecDeque::new(), VecDeque::new());
    let mut next = 0;
    (0..n).map(move |i| {
        while next < (i + half + 1).min(n) {
            while max_q.back().is_some_and(|&j: &usize| x[j] <= x[next]) {
                max_q.pop_back();
            }
            max_q.push_back(next);
            while min_q.back().is_some_and(|&j: &usize| x[j] >= x[next]) {
                min_q.pop_back();
            }
            min_q.push_back(next);
            next += 1;
        }
        let first = i.saturating_sub(half);
        while max_q.front().is_some_and(|&j| j < first) {
            max_q.pop_front();
        }
        while min_q.front().is_some_and(|&j| j < first) {
            min_q.pop_front();
        }
        // Both queues hold at least frame `i`.
        (
            max_q.front().map_or(x[i], |&j| x[j]),
            min_q.front().map_or(x[i], |&j| x[j]),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 60 s of speech-like energy (syllables 20 dB deep at -20 dB, 0.4 s pauses at -60 dB every
    /// 3 s), the stretch `quiet` (seconds) `drop_db` down, as a volume filter leaves it.
    fn episode(quiet: (f64, f64), drop_db: f32) -> (Features, Timeline) {
        let mut f = Features::default();
        let mut speech = Vec::new();
        for i in 0..6000 {
            let t = i as f64 * HOP_S;
            let pause = t % 3.0 >= 2.6;
            let syllable = -10.0 * ((t * 4.7 * std::f64::consts::TAU).cos() as f32);
            let mut e = if pause { -60.0 } else { -20.0 + syllable };
            if (quiet.0..quiet.1).contains(&t) {
                e -= drop_db;
            }
            f.energy_db.push(e);
        }
        for k in 0..20 {
            let s = f64::from(k) * 3.0;
            speech.push(Span::new(s, s + 2.6));
        }
        let timeline = Timeline {
            duration: 60.0,
            speech,
            ..Timeline::default()
        };
        (f, timeline)
    }

    #[test]
    fn a_stretch_40_db_down_is_found_where_it_is() {
        let (f, tl) = episode((21.0, 33.0), 40.0);
        let found = quiet_stretches(&f, &tl);
        assert_eq!(found.len(), 1, "{found:?}");
        let q = found[0];
        // To the frame, with the pause before it (20.6-21 s at -60 dB, quiet too).
        assert!((q.span.start - 20.6).abs() <= 0.011, "{q:?}");
        assert!((q.span.end - 33.0).abs() <= 0.011, "{q:?}");
        assert!((q.under_db - 40.0).abs() < 1.0, "{q:?}");
    }

    #[test]
    fn a_quieter_voice_silence_and_short_dips_are_not_quiet_stretches() {
        // 15 dB down: a soft speaker, not a fault.
        let (f, tl) = episode((21.0, 33.0), 15.0);
        assert!(quiet_stretches(&f, &tl).is_empty());
        // 1.5 s at 40 dB down: too short to be a passage.
        let (f, tl) = episode((21.0, 22.5), 40.0);
        assert!(quiet_stretches(&f, &tl).is_empty());
        // Steady quiet sound (a hum, digital silence) does not move like speech.
        let (mut f, tl) = episode((0.0, 0.0), 0.0);
        for e in &mut f.energy_db[2100..3300] {
            *e = -70.0;
        }
        assert!(quiet_stretches(&f, &tl).is_empty());
        // No speech at all: nothing to compare with.
        let (f, _) = episode((21.0, 33.0), 40.0);
        assert!(quiet_stretches(&f, &Timeline::default()).is_empty());
    }

    #[test]
    fn percentile_90_is_the_nearest_rank_to_a_hundredth_of_a_db() {
        let x: Vec<f32> = (0..1001u32)
            .map(|i| ((i * 7919) % 1001) as f32 * 0.0731 - 60.0)
            .collect();
        let mut sorted = x.clone();
        sorted.sort_by(f32::total_cmp);
        let p = percentile_90(x.iter()).expect("values");
        assert!((p - sorted[900]).abs() <= 0.005, "{p} vs {}", sorted[900]);
        assert_eq!(percentile_90([].iter()), None);
    }

    #[test]
    fn window_extremes_match_a_direct_scan() {
        let x: Vec<f32> = (0..500u32)
            .map(|i| ((i * 7919) % 113) as f32 - 50.0)
            .collect();
        let extremes: Vec<(f32, f32)> = window_extremes(&x, 7).collect();
        assert_eq!(extremes.len(), x.len());
        for (i, &(high, low)) in extremes.iter().enumerate() {
            let w = &x[i.saturating_sub(7)..(i + 8).min(x.len())];
            assert_eq!(high, w.iter().copied().fold(f32::MIN, f32::max));
            assert_eq!(low, w.iter().copied().fold(f32::MAX, f32::min));
        }
    }
}
