//! Very quiet stretches: sound that moves like speech but sits far under the episode's speech
//! level (a paragraph recorded or mixed 40 dB down, a guest's line dropping out). The aligner
//! may leave the words spoken there unplaced, or put them elsewhere; what `align` says about
//! such a place names the quiet audio as the reason, rather than calling a paragraph cut or
//! the speech uncovered. Read after alignment, so it changes no time.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::Timeline;
use crate::features::{Features, HOP_S};
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
    let mut speech: Vec<f32> = timeline
        .speech
        .iter()
        .flat_map(|s| energy[frame(s.start)..frame(s.end).max(frame(s.start))].iter())
        .copied()
        .collect();
    let Some(level) = percentile_90(&mut speech) else {
        return Vec::new();
    };
    let (loudest, quietest) = window_extremes(energy, HALF_WINDOW);
    let quiet =
        |i: usize| loudest[i] <= level - QUIET_UNDER_DB && loudest[i] - quietest[i] >= MOVES_DB;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if !quiet(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && quiet(i) {
            i += 1;
        }
        match runs.last_mut() {
            Some(last) if start - last.1 <= BRIDGE => last.1 = i,
            _ => runs.push((start, i)),
        }
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
            let own = percentile_90(&mut energy[a..b].to_vec())?;
            Some(QuietStretch {
                span: Span::new(a as f64 * HOP_S, b as f64 * HOP_S),
                under_db: level - own,
            })
        })
        .collect()
}

/// The 90th percentile (nearest rank) of `values`, reordering them; `None` when empty.
fn percentile_90(values: &mut [f32]) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    let rank = ((values.len() - 1) as f64 * 0.9).round() as usize;
    Some(*values.select_nth_unstable_by(rank, f32::total_cmp).1)
}

/// For each frame, the largest and the smallest value within `half` frames either side (fewer
/// at the ends): monotone queues, linear in the length.
fn window_extremes(x: &[f32], half: usize) -> (Vec<f32>, Vec<f32>) {
    let n = x.len();
    let (mut high, mut low) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut max_q, mut min_q) = (VecDeque::new(), VecDeque::new());
    let mut next = 0;
    for i in 0..n {
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
        high.push(max_q.front().map_or(x[i], |&j| x[j]));
        low.push(min_q.front().map_or(x[i], |&j| x[j]));
    }
    (high, low)
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
    fn window_extremes_match_a_direct_scan() {
        let x: Vec<f32> = (0..500u32)
            .map(|i| ((i * 7919) % 113) as f32 - 50.0)
            .collect();
        let (high, low) = window_extremes(&x, 7);
        for i in 0..x.len() {
            let w = &x[i.saturating_sub(7)..(i + 8).min(x.len())];
            assert_eq!(high[i], w.iter().copied().fold(f32::MIN, f32::max));
            assert_eq!(low[i], w.iter().copied().fold(f32::MAX, f32::min));
        }
    }
}
