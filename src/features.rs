//! Frame features: takes mono 16 kHz samples, gives one feature row per 10 ms hop
//! (25 ms window). Computed in parallel (rayon) over chunks; the result is bit-identical for
//! any thread count.
//!
//! Frame `i` is the 400-sample window centred at sample `160 * i` (samples outside the signal
//! count as zeros); there are `ceil(n_samples / 160)` frames. Each frame is computed on its own
//! from the same samples in the same order, so splitting the work differently (threads, chunk
//! sizes, push block sizes) cannot change a bit of the result. Streaming keeps only a bounded
//! sample buffer: under a batch of chunks and the piece being pushed (at most a batch), plus
//! one window of overlap.

use std::sync::Arc;

use rayon::prelude::*;
use realfft::num_complex::Complex;
use realfft::{RealFftPlanner, RealToComplex};
use serde::{Deserialize, Serialize};

/// Hop between frames, seconds.
pub const HOP_S: f64 = 0.01;
/// Number of coarse spectral bands per frame.
pub const N_BANDS: usize = 8;
/// Hop between frames, samples at 16 kHz.
pub const HOP: usize = 160;
/// Analysis window, samples at 16 kHz (25 ms).
pub const WINDOW: usize = 400;
/// Lowest value any dB feature takes (silence).
pub const FLOOR_DB: f32 = -120.0;
/// Edges of the speech band used for `band_db`, Hz.
pub const SPEECH_BAND_HZ: (f32, f32) = (300.0, 3400.0);
/// Edges of the coarse bands: `N_BANDS` log-spaced bands over this range, Hz.
pub const BANDS_RANGE_HZ: (f32, f32) = (80.0, 8000.0);

const FFT_LEN: usize = 512;
const HALF: usize = WINDOW / 2;
/// Frames per rayon task: big enough to amortise scratch set-up, small enough to balance.
const CHUNK_FRAMES: usize = 2048;
/// Chunks computed per parallel batch. The decoding threads keep every core busy, so more
/// chunks per batch gain nothing and only hold more samples (with 30 s stretches pushed, at
/// most 7.2 MB with four, 4.5 MB with two, in the same time on two cores); fixed, so memory
/// does not grow with the cores.
const BATCH_CHUNKS: usize = 2;
const BATCH_FRAMES: usize = CHUNK_FRAMES * BATCH_CHUNKS;
const SAMPLE_RATE: f32 = 16_000.0;

/// Frame features of a whole episode (struct of arrays, one entry per frame).
/// Frame `i` covers the window centred at `i * HOP_S` seconds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// Full-band energy (mean square of the 25 ms frame less its mean), dBFS (floor -120).
    pub energy_db: Vec<f32>,
    /// Speech-band (about 300-3400 Hz) energy, dBFS (floor -120), from a Hann-windowed
    /// 512-point FFT, scaled so a full-band signal gives about the same value as `energy_db`;
    /// in hundredths of a dB ([`speech_db`] gives dB, [`store_speech_db`] stores): read only
    /// for syllable nuclei, where 0.005 dB is far below the 3 dB prominence they need.
    pub band_db: Vec<i16>,
    /// Coarse log spectrum in [`N_BANDS`] log-spaced bands from 80 Hz to 8 kHz, for voice
    /// evidence, in half dB above [`FLOOR_DB`] ([`band_db`] gives dB, [`store_band_db`]
    /// stores). 8 bytes a frame instead of 32: these are the largest thing kept per frame,
    /// and voices are told apart by means over tens to thousands of frames, where a quarter
    /// of a dB of rounding averages out far below any difference between voices.
    pub bands: Vec<[u8; N_BANDS]>,
}

impl Features {
    /// Number of frames.
    pub fn len(&self) -> usize {
        self.energy_db.len()
    }
    /// True when there are no frames.
    pub fn is_empty(&self) -> bool {
        self.energy_db.is_empty()
    }
}

/// dB of a stored speech-band value (see [`Features::band_db`]).
pub fn speech_db(stored: i16) -> f32 {
    f32::from(stored) / SPEECH_STEPS_PER_DB
}

/// Stored speech-band values per dB.
const SPEECH_STEPS_PER_DB: f32 = 100.0;

/// The stored value of a speech-band level in dB (the nearest hundredth of a dB; the range
/// is ±327 dB, far beyond [`FLOOR_DB`] and full scale).
pub fn store_speech_db(db: f32) -> i16 {
    (db * SPEECH_STEPS_PER_DB)
        .round()
        .clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16
}

/// dB of a stored band value (see [`Features::bands`]).
pub fn band_db(stored: u8) -> f32 {
    FLOOR_DB + f32::from(stored) / BAND_STEPS_PER_DB
}

/// Stored band values per dB.
const BAND_STEPS_PER_DB: f32 = 2.0;

/// The stored value of a band level in dB: the nearest half dB from [`FLOOR_DB`] up to
/// 7.5 dBFS (a band's mean square cannot reach that from samples within full scale).
pub fn store_band_db(db: f32) -> u8 {
    ((db - FLOOR_DB) * BAND_STEPS_PER_DB)
        .round()
        .clamp(0.0, f32::from(u8::MAX)) as u8
}

/// Number of frames for `n_samples` samples: `ceil(n_samples / 160)`.
pub fn frame_count(n_samples: u64) -> u64 {
    n_samples.div_ceil(HOP as u64)
}

/// Shared read-only tables: window, FFT plan, band bin ranges.
struct Tables {
    hann: Vec<f32>,
    /// `1 / (FFT_LEN * sum(w^2))`: turns `c_k |X_k|^2` sums into a mean-square power.
    norm: f32,
    fft: Arc<dyn RealToComplex<f32>>,
    speech: (usize, usize),
    bands: [(usize, usize); N_BANDS],
}

impl Tables {
    fn new() -> Self {
        let hann: Vec<f32> = (0..WINDOW)
            .map(|n| {
                let ph = 2.0 * std::f64::consts::PI * n as f64 / WINDOW as f64;
                (0.5 - 0.5 * ph.cos()) as f32
            })
            .collect();
        let sum_w2: f64 = hann.iter().map(|&w| f64::from(w) * f64::from(w)).sum();
        let norm = (1.0 / (FFT_LEN as f64 * sum_w2)) as f32;
        let fft = RealFftPlanner::<f32>::new().plan_fft_forward(FFT_LEN);
        let bin_hz = SAMPLE_RATE / FFT_LEN as f32;
        let nyq = FFT_LEN / 2;
        // Bin k belongs to [lo, hi) when lo <= k * bin_hz < hi.
        let range = |lo: f32, hi: f32, last: bool| {
            let a = (lo / bin_hz).ceil() as usize;
            let b = if last {
                nyq + 1
            } else {
                ((hi / bin_hz).ceil() as usize).min(nyq + 1)
            };
            (a.min(nyq + 1), b.max(a.min(nyq + 1)))
        };
        let speech = range(SPEECH_BAND_HZ.0, SPEECH_BAND_HZ.1, false);
        let (lo, hi) = BANDS_RANGE_HZ;
        let mut bands = [(0, 0); N_BANDS];
        for (j, b) in bands.iter_mut().enumerate() {
            let e0 = lo * (hi / lo).powf(j as f32 / N_BANDS as f32);
            let e1 = lo * (hi / lo).powf((j + 1) as f32 / N_BANDS as f32);
            *b = range(e0, e1, j + 1 == N_BANDS);
        }
        Self {
            hann,
            norm,
            fft,
            speech,
            bands,
        }
    }
}

fn db(p: f32) -> f32 {
    if p > 0.0 {
        (10.0 * p.log10()).max(FLOOR_DB)
    } else {
        FLOOR_DB
    }
}

/// One feature row.
type Row = (f32, f32, [f32; N_BANDS]);

/// Per-task scratch, allocated once per chunk.
struct Scratch {
    frame: Vec<f32>,
    input: Vec<f32>,
    spec: Vec<Complex<f32>>,
    fft_scratch: Vec<Complex<f32>>,
    power: Vec<f32>,
}

impl Scratch {
    fn new(t: &Tables) -> Self {
        Self {
            frame: vec![0.0; WINDOW],
            input: t.fft.make_input_vec(),
            spec: t.fft.make_output_vec(),
            fft_scratch: t.fft.make_scratch_vec(),
            power: vec![0.0; FFT_LEN / 2 + 1],
        }
    }
}

/// Computes frames `f0..f1` from `buf`, which holds samples `[buf_start, buf_start+buf.len())`
/// of a signal whose known length is `n_samples` (samples beyond it, or before 0, are zero).
fn compute_chunk(t: &Tables, buf: &[f32], buf_start: u64, f0: u64, f1: u64) -> Vec<Row> {
    let mut s = Scratch::new(t);
    let mut rows = Vec::with_capacity((f1 - f0) as usize);
    let buf_end = buf_start + buf.len() as u64;
    for f in f0..f1 {
        let start = (f * HOP as u64) as i64 - HALF as i64;
        if start >= buf_start as i64 && start as u64 + WINDOW as u64 <= buf_end {
            // Fast path: the whole window is in the buffer.
            let a = (start as u64 - buf_start) as usize;
            s.frame.copy_from_slice(&buf[a..a + WINDOW]);
            rows.push(frame_row(t, &mut s));
            continue;
        }
        for (n, v) in s.frame.iter_mut().enumerate() {
            let j = start + n as i64;
            *v = if j >= buf_start as i64 && (j as u64) < buf_end {
                buf[(j as u64 - buf_start) as usize]
            } else {
                0.0
            };
        }
        rows.push(frame_row(t, &mut s));
    }
    rows
}

fn frame_row(t: &Tables, s: &mut Scratch) -> Row {
    // The frame's own mean is taken out: a DC offset (a cheap interface, a bad ADC) would
    // otherwise read as loud energy in every frame, silence included. Per frame, so each
    // frame still depends only on its own samples (parallel decoding relies on that).
    let mean = lane_sum(&s.frame) / WINDOW as f32;
    let ms = lane_sum_by(&s.frame, |x| (x - mean) * (x - mean)) / WINDOW as f32;
    for ((v, &x), &w) in s.input.iter_mut().zip(&s.frame).zip(&t.hann) {
        *v = x * w;
    }
    s.input[WINDOW..].fill(0.0);
    if t.fft
        .process_with_scratch(&mut s.input, &mut s.spec, &mut s.fft_scratch)
        .is_err()
    {
        // Buffer lengths come from the plan itself; unreachable, but no panic.
        return (db(ms), FLOOR_DB, [FLOOR_DB; N_BANDS]);
    }
    let last = s.power.len() - 1;
    for (k, (p, c)) in s.power.iter_mut().zip(&s.spec).enumerate() {
        let w = if k == 0 || k == last { 1.0 } else { 2.0 };
        *p = w * c.norm_sqr() * t.norm;
    }
    let sum = |(a, b): (usize, usize)| lane_sum(&s.power[a..b]);
    let band = sum(t.speech);
    let mut bands = [FLOOR_DB; N_BANDS];
    for (o, &r) in bands.iter_mut().zip(&t.bands) {
        *o = db(sum(r));
    }
    (db(ms), db(band), bands)
}

/// Lanes of the per-frame sums.
const LANES: usize = 8;

/// Sum of `f(x)` over `xs` in [`LANES`] interleaved partial sums added pairwise: a fixed
/// order (so fixed bits), and eight independent chains instead of one, which the compiler
/// turns into vector adds (one sequential chain made these sums most of a frame's cost).
fn lane_sum_by(xs: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut acc = [0.0f32; LANES];
    let mut chunks = xs.chunks_exact(LANES);
    for chunk in &mut chunks {
        for (a, &x) in acc.iter_mut().zip(chunk) {
            *a += f(x);
        }
    }
    for (a, &x) in acc.iter_mut().zip(chunks.remainder()) {
        *a += f(x);
    }
    ((acc[0] + acc[4]) + (acc[2] + acc[6])) + ((acc[1] + acc[5]) + (acc[3] + acc[7]))
}

fn lane_sum(xs: &[f32]) -> f32 {
    lane_sum_by(xs, |x| x)
}

/// Streaming feature extractor: push samples in any block sizes, then finish.
pub struct FeatureExtractor {
    tables: Tables,
    /// Samples `[buf_start, n_samples)` still needed.
    buf: Vec<f32>,
    buf_start: u64,
    n_samples: u64,
    next_frame: u64,
    out: Features,
}

impl Default for FeatureExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl FeatureExtractor {
    /// A new extractor.
    pub fn new() -> Self {
        Self {
            tables: Tables::new(),
            buf: Vec::new(),
            buf_start: 0,
            n_samples: 0,
            next_frame: 0,
            out: Features::default(),
        }
    }

    /// Samples pushed so far.
    pub fn samples(&self) -> u64 {
        self.n_samples
    }

    /// Adds samples (mono, 16 kHz).
    pub fn push(&mut self, samples: &[f32]) {
        // Feed in batch-sized pieces so the buffer stays bounded whatever the block size.
        for piece in samples.chunks(BATCH_FRAMES * HOP) {
            self.buf.extend_from_slice(piece);
            self.n_samples += piece.len() as u64;
            // Frames whose whole window is present.
            let ready = if self.n_samples >= HALF as u64 {
                (self.n_samples - HALF as u64) / HOP as u64 + 1
            } else {
                0
            };
            if ready >= self.next_frame + BATCH_FRAMES as u64 {
                let end = self.next_frame + BATCH_FRAMES as u64;
                self.run(end);
            }
        }
    }

    /// Computes frames `next_frame..end` in parallel and drops samples no longer needed.
    fn run(&mut self, end: u64) {
        let f0 = self.next_frame;
        if end <= f0 {
            return;
        }
        let t = &self.tables;
        let buf = &self.buf;
        let bs = self.buf_start;
        let n_chunks = (end - f0).div_ceil(CHUNK_FRAMES as u64);
        let rows: Vec<Vec<Row>> = (0..n_chunks)
            .into_par_iter()
            .map(|c| {
                let a = f0 + c * CHUNK_FRAMES as u64;
                let b = (a + CHUNK_FRAMES as u64).min(end);
                compute_chunk(t, buf, bs, a, b)
            })
            .collect();
        for (e, b, bands) in rows.into_iter().flatten() {
            self.out.energy_db.push(e);
            self.out.band_db.push(store_speech_db(b));
            self.out.bands.push(bands.map(store_band_db));
        }
        self.next_frame = end;
        // Keep from the first sample of the next frame's window on.
        let keep_from = (end * HOP as u64).saturating_sub(HALF as u64);
        if keep_from > self.buf_start {
            let drop = ((keep_from - self.buf_start) as usize).min(self.buf.len());
            self.buf.drain(..drop);
            self.buf_start += drop as u64;
        }
    }

    /// All frames.
    pub fn finish(mut self) -> Features {
        let total = frame_count(self.n_samples);
        self.run(total);
        self.out
    }
}

/// Features of a whole in-memory signal (tests, benches).
pub fn compute(samples: &[f32]) -> Features {
    let mut fx = FeatureExtractor::new();
    fx.push(samples);
    fx.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noise(n: usize, seed: u64) -> Vec<f32> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((s >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn frame_count_and_empty() {
        assert_eq!(compute(&[]).len(), 0);
        assert_eq!(compute(&[0.5]).len(), 1);
        assert_eq!(compute(&vec![0.0; 160]).len(), 1);
        assert_eq!(compute(&vec![0.0; 161]).len(), 2);
        let f = compute(&vec![0.0; 16_000]);
        assert_eq!(f.len(), 100);
        assert!(f.energy_db.iter().all(|&e| e == FLOOR_DB));
    }

    #[test]
    fn sine_levels() {
        // A 1 kHz sine of amplitude 0.5: mean square 0.125 -> -9.03 dB, all in the speech band.
        let x: Vec<f32> = (0..16_000)
            .map(|i| 0.5 * (2.0 * std::f32::consts::PI * 1000.0 * i as f32 / 16_000.0).sin())
            .collect();
        let f = compute(&x);
        let e = f.energy_db[50];
        assert!((e + 9.03).abs() < 0.1, "{e}");
        let band = speech_db(f.band_db[50]);
        assert!((band - e).abs() < 0.5, "{band} vs {e}");
        // 1 kHz is in band 4 (800-1423 Hz); the far bands are much lower.
        let b = f.bands[50].map(band_db);
        assert!((b[4] - e).abs() < 0.5, "{b:?}");
        assert!(b[0] < e - 40.0 && b[7] < e - 40.0, "{b:?}");
    }

    #[test]
    fn stored_bands_round_trip_within_a_quarter_db() {
        // Every level from the floor to the top of the range comes back within half a step.
        let mut db = FLOOR_DB;
        while db <= 7.5 {
            let back = band_db(store_band_db(db));
            assert!((back - db).abs() <= 0.25 + 1e-4, "{db} -> {back}");
            db += 0.037;
        }
        // Every stored value is its own decoding's stored value.
        for v in 0..=u8::MAX {
            assert_eq!(store_band_db(band_db(v)), v);
        }
        // Out of range: clamped to the ends, never wrapped.
        assert_eq!(store_band_db(-500.0), 0);
        assert_eq!(store_band_db(40.0), u8::MAX);
        assert_eq!(band_db(store_band_db(FLOOR_DB)), FLOOR_DB);
    }

    #[test]
    fn stored_speech_band_round_trips_within_a_two_hundredth_db() {
        let mut db = FLOOR_DB;
        while db <= 10.0 {
            let back = speech_db(store_speech_db(db));
            assert!((back - db).abs() <= 0.005 + 1e-4, "{db} -> {back}");
            db += 0.0137;
        }
        for v in [i16::MIN, -12_000, -1, 0, 1, 999, i16::MAX] {
            assert_eq!(store_speech_db(speech_db(v)), v);
        }
        assert_eq!(store_speech_db(-1e6), i16::MIN);
        assert_eq!(store_speech_db(1e6), i16::MAX);
    }

    #[test]
    fn dc_offset_is_not_energy() {
        // A constant offset under a quiet tone: the energy is the tone's, not the offset's.
        let x: Vec<f32> = (0..16_000)
            .map(|i| 0.4 + 0.001 * (i as f32 * 0.3).sin())
            .collect();
        let f = compute(&x);
        let mid = f.energy_db[50];
        // 0.001 amplitude sine: mean square 5e-7, about -63 dB; the offset alone is -8 dB.
        assert!((mid + 63.0).abs() < 1.5, "{mid}");
    }

    #[test]
    fn streaming_matches_one_shot() {
        let x = noise(16_000 * 70 + 37, 7);
        let a = compute(&x);
        let mut fx = FeatureExtractor::new();
        for b in x.chunks(999) {
            fx.push(b);
        }
        let b = fx.finish();
        assert_eq!(a, b);
        assert_eq!(a.len() as u64, frame_count(x.len() as u64));
    }

    #[test]
    fn the_sample_buffer_stays_bounded_whatever_the_block_size() {
        // Ten minutes, pushed as one block and as the 30 s stretches parallel decoding gives:
        // after every push at most two batches of samples (and a window) are held, however
        // long the episode; a buffer that kept every sample would hold 9.6 million.
        let x = noise(16_000 * 600, 11);
        let bound = 2 * BATCH_FRAMES * HOP + WINDOW;
        for block in [x.len(), 16_000 * 30] {
            let mut fx = FeatureExtractor::new();
            for b in x.chunks(block) {
                fx.push(b);
                assert!(fx.buf.len() <= bound, "{} > {bound}", fx.buf.len());
            }
            assert_eq!(fx.finish().len() as u64, frame_count(x.len() as u64));
        }
    }

    #[test]
    fn thread_count_does_not_change_bits() {
        let x = noise(16_000 * 200 + 5, 3);
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let four = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let a = one.install(|| compute(&x));
        let b = four.install(|| compute(&x));
        assert_eq!(a.len(), b.len());
        for i in 0..a.len() {
            assert_eq!(a.energy_db[i].to_bits(), b.energy_db[i].to_bits());
            assert_eq!(a.band_db[i], b.band_db[i]);
            for j in 0..N_BANDS {
                assert_eq!(a.bands[i][j], b.bands[i][j]);
            }
        }
    }
}
