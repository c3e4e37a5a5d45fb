//! Music with a beat: takes the frame energy, gives the frames where a beat repeats with
//! nothing over it (drum intros and outros, breaks and stingers of two seconds or more).
//!
//! Such music moves its energy as much as speech does, so the steady-flux test misses it.
//! What speech never does is repeat: a drum loop's energy contour comes back every beat (or
//! bar) to within a few dB. Two tests, both needed:
//! 1. the onset envelope (energy rises) over 4 s is periodic: its autocorrelation is at least
//!    0.45 at some lag of 0.34-0.8 s *and* at twice that lag (speech reached 0.38 at most on
//!    the corpus, our held-out sets and the real recordings; our drum loops 0.6-1.0);
//! 2. frame by frame, inside such windows, the energy over ±0.25 s, less its mean, matches
//!    the energy one or two beats away to within 3 dB on average (at a level within 6 dB),
//!    so speech over the beat, or next to it inside the 4 s window, is not taken.
//!
//! A beat bed *under* speech is not found: the speech breaks the repeat, and its periodicity
//! under a sponsor read measured 0.1-0.2.

use rayon::prelude::*;

/// The onset envelope is measured at half the frame rate (pairs of frames summed): a beat's
/// lag needs no finer steps, and the search costs a quarter.
const PAIR: usize = 2;
/// Half the periodicity window, in pairs of frames (4 s in all).
const WINDOW_HALF: usize = 100;
/// Periodicity is measured every this many pairs (0.5 s).
const GRID: usize = 25;
/// Beat lags searched, in pairs of frames (0.34-0.8 s: 75-176 beats a minute). Shorter lags
/// are syllable periods (3-6 a second): a steady, machine-like reader repeats there (a test
/// episode's phrases of four equal words did). At longer lags twice the lag leaves too
/// little of the window, and the corpus's speech reached 0.49 there.
const MIN_LAG: usize = 17;
const MAX_LAG: usize = 40;
/// Smallest periodicity (autocorrelation at the lag and at twice it) taken as a beat.
const MIN_PERIODICITY: f32 = 0.45;
/// Largest energy rise counted in the onset envelope, dB: a start after digital silence
/// must not outweigh every beat.
const MAX_RISE_DB: f32 = 20.0;
/// Half the stretch compared with itself one or two beats away, frames (0.5 s in all: a
/// shorter stretch of even syllables matched by chance).
const REPEAT_HALF: usize = 25;
/// Largest mean difference of a repeat, dB.
const REPEAT_DB: f32 = 3.0;
/// Largest level change between a stretch and its repeat, dB (a fade moves a few dB a beat).
const REPEAT_LEVEL_DB: f32 = 6.0;
/// Energies are compared above this, dB (digital silence is -120).
const REPEAT_FLOOR_DB: f32 = -90.0;
/// Repeating frames closer than this join one run, frames (a fill or a changed bar between
/// two repeating ones is still the music).
const JOIN_FRAMES: usize = 100;
/// Shortest run kept, frames.
const MIN_RUN_FRAMES: usize = 100;
/// Grid points measured per parallel block.
const BLOCK_GRID: usize = 64;

/// The onset envelope of pair `j`: how much the energy rose over 20 ms, summed over the
/// pair's two frames.
fn rise(energy: &[f32], j: usize) -> f64 {
    (PAIR * j..(PAIR * j + PAIR).min(energy.len()))
        .filter(|&i| i >= 2)
        .map(|i| f64::from((energy[i] - energy[i - 2]).clamp(0.0, MAX_RISE_DB)))
        .sum()
}

/// The best periodicity at each grid point and its lag (in pairs), where it reaches
/// [`MIN_PERIODICITY`] (0 elsewhere). Blocks of grid points are measured independently (each
/// with its own sums), so the result does not depend on threads.
fn periodicity(energy: &[f32]) -> Vec<(f32, usize)> {
    let n = energy.len().div_ceil(PAIR);
    let n_grid = n.div_ceil(GRID);
    let blocks: Vec<usize> = (0..n_grid).step_by(BLOCK_GRID).collect();
    blocks
        .par_iter()
        .flat_map_iter(|&k0| {
            let k1 = (k0 + BLOCK_GRID).min(n_grid);
            let lo = (k0 * GRID).saturating_sub(WINDOW_HALF);
            let hi = ((k1 - 1) * GRID + WINDOW_HALF).min(n);
            let onset: Vec<f64> = (lo..hi).map(|j| rise(energy, j)).collect();
            let m = onset.len();
            let mut p1 = vec![0.0; m + 1];
            let mut p2 = vec![0.0; m + 1];
            for (j, &v) in onset.iter().enumerate() {
                p1[j + 1] = p1[j] + v;
                p2[j + 1] = p2[j] + v * v;
            }
            let windows: Vec<(usize, usize, f64, f64)> = (k0..k1)
                .map(|k| {
                    let g = k * GRID;
                    let (a, b) = (
                        g.saturating_sub(WINDOW_HALF) - lo,
                        (g + WINDOW_HALF).min(n) - lo,
                    );
                    let len = (b - a) as f64;
                    let mean = (p1[b] - p1[a]) / len;
                    (a, b, mean, (p2[b] - p2[a]) / len - mean * mean)
                })
                .collect();
            // Normalised autocorrelation of window (a, b) at `lag`, from a prefix of products.
            let normalised =
                |a: usize, b: usize, mean: f64, var: f64, cross_sum: f64, lag: usize| {
                    ((cross_sum / (b - lag - a) as f64 - mean * mean) / var) as f32
                };
            // Under a third of the window left at this lag, or no variation: no beat.
            let measurable = |a: usize, b: usize, var: f64, lag: usize| {
                b >= a + lag && b - lag - a >= 2 * WINDOW_HALF / 3 && var >= 1e-6
            };
            let mut best = vec![(0f32, 0usize); windows.len()];
            let mut products = vec![0.0; m + 1];
            for lag in MIN_LAG..=MAX_LAG.min(m.saturating_sub(1)) {
                for j in 0..m - lag {
                    products[j + 1] = products[j] + onset[j] * onset[j + lag];
                }
                for (k, &(a, b, mean, var)) in windows.iter().enumerate() {
                    if !measurable(a, b, var, 2 * lag) {
                        continue;
                    }
                    let at_lag = normalised(a, b, mean, var, products[b - lag] - products[a], lag);
                    // A score is the lesser of the two, so a lag under the bar cannot make
                    // a beat, and one no better than the best so far cannot win.
                    if at_lag < MIN_PERIODICITY || at_lag <= best[k].0 {
                        continue;
                    }
                    // Twice the lag, only where the lag itself could win.
                    let twice: f64 = (a..b - 2 * lag)
                        .map(|j| onset[j] * onset[j + 2 * lag])
                        .sum();
                    let score = at_lag.min(normalised(a, b, mean, var, twice, 2 * lag));
                    if score > best[k].0 {
                        best[k] = (score, lag);
                    }
                }
            }
            best
        })
        .collect()
}

/// Mean absolute difference, dB, of the energy around `i` and around `i + shift`, each less
/// its own mean; `None` where the shifted stretch leaves the audio or its level differs by
/// more than [`REPEAT_LEVEL_DB`].
fn repeat_difference(energy: &[f32], i: usize, shift: isize) -> Option<f32> {
    let a = i.checked_sub(REPEAT_HALF)?;
    let b = i + REPEAT_HALF + 1;
    let a2 = a.checked_add_signed(shift)?;
    let b2 = b.checked_add_signed(shift)?;
    if b > energy.len() || b2 > energy.len() {
        return None;
    }
    let at = |j: usize| energy[j].max(REPEAT_FLOOR_DB);
    let len = (b - a) as f32;
    // Each stretch against its own mean: a fade in or out repeats the beat at another level.
    let mean = |r: std::ops::Range<usize>| r.map(at).sum::<f32>() / len;
    let (m1, m2) = (mean(a..b), mean(a2..b2));
    if (m1 - m2).abs() > REPEAT_LEVEL_DB {
        return None;
    }
    let sum: f32 = (a..b)
        .zip(a2..b2)
        .map(|(j, k)| ((at(j) - m1) - (at(k) - m2)).abs())
        .sum();
    Some(sum / len)
}

/// The windows whose onset envelope repeats: (centre in pairs, periodicity, lag), in time
/// order. They need the energy alone, so they are measured beside the thresholds that
/// [`beat_runs`] needs.
pub(super) struct BeatWindows(Vec<(usize, f32, usize)>);

/// Measures the [`BeatWindows`] of `energy`. Most episodes have none, and then
/// [`beat_runs`] looks at no frame.
pub(super) fn beat_windows(energy: &[f32]) -> BeatWindows {
    if energy.len() < 2 * PAIR * WINDOW_HALF {
        return BeatWindows(Vec::new());
    }
    BeatWindows(
        periodicity(energy)
            .into_iter()
            .enumerate()
            .filter(|&(_, (score, _))| score >= MIN_PERIODICITY)
            .map(|(k, (score, lag))| (k * GRID, score, lag))
            .collect(),
    )
}

/// Frames `[start, end)` of music with a beat and nothing over it, in runs of at least a
/// second; `loud(i)` says whether frame `i` is above the speech threshold (a beat's quiet
/// between hits repeats too, but it is a pause already).
pub(super) fn beat_runs(
    energy: &[f32],
    beats: &BeatWindows,
    loud: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let n = energy.len();
    let beats = &beats.0;
    if beats.is_empty() {
        return Vec::new();
    }
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    // Beat windows covering the current pair j (centre in (j - WINDOW_HALF, j + WINDOW_HALF]).
    let (mut first, mut end) = (0usize, 0usize);
    for i in 0..n {
        let j = i / PAIR;
        while end < beats.len() && beats[end].0 <= j + WINDOW_HALF {
            end += 1;
        }
        while first < end && beats[first].0 + WINDOW_HALF <= j {
            first += 1;
        }
        // The frame takes the lag of the most periodic window covering it (the earliest of
        // equals: `max_by` keeps the last, and the windows are walked backwards).
        let lag = beats[first..end]
            .iter()
            .rev()
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|&(_, _, lag)| lag);
        let repeats = lag.is_some_and(|lag| {
            loud(i)
                && [lag, 2 * lag].iter().any(|&pairs| {
                    // The lag is known to a pair of frames: try the frame either side too.
                    let p = (PAIR * pairs) as isize;
                    [-p - 1, -p, -p + 1, p - 1, p, p + 1]
                        .iter()
                        .filter_map(|&s| repeat_difference(energy, i, s))
                        .any(|d| d < REPEAT_DB)
                })
        });
        if repeats {
            open = match open {
                Some((s, e)) if i - e <= JOIN_FRAMES => Some((s, i + 1)),
                Some(run) => {
                    runs.push(run);
                    Some((i, i + 1))
                }
                None => Some((i, i + 1)),
            };
        }
    }
    runs.extend(open);
    runs.retain(|&(s, e)| e - s >= MIN_RUN_FRAMES);
    // A stretch reaching past the music's edge cannot repeat: take back the loud frames of
    // that blind edge, or the first and last hits stay as specks of speech.
    for run in &mut runs {
        let (first, last) = *run;
        while run.0 > 0 && first - run.0 < REPEAT_HALF && loud(run.0 - 1) {
            run.0 -= 1;
        }
        while run.1 < n && run.1 - last < REPEAT_HALF && loud(run.1) {
            run.1 += 1;
        }
    }
    runs
}
