//! Segmentation: takes frame features, gives a [`Timeline`]: speech spans, pauses with a
//! strength, and syllable-nucleus peaks.

use serde::{Deserialize, Serialize};

use crate::features::Features;
use crate::time::Span;

/// A pause between two stretches of speech.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Pause {
    /// Start (end of the speech before), seconds.
    pub start: f64,
    /// End (start of the speech after), seconds.
    pub end: f64,
    /// How strong a boundary it is, 0..1 (duration and depth below the surrounding speech).
    pub strength: f64,
}

/// The speech/pause structure of an episode.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Timeline {
    /// Length of the audio, seconds.
    pub duration: f64,
    /// Speech spans, sorted, non-overlapping.
    pub speech: Vec<Span>,
    /// Pauses between speech spans (and leading/trailing silence), sorted.
    pub pauses: Vec<Pause>,
    /// Times of syllable-nucleus peaks, seconds, sorted.
    pub nuclei: Vec<f64>,
}

/// Segmentation settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SegmentConfig {
    /// Speech threshold above the adaptive noise floor, dB.
    pub threshold_db: f32,
    /// Shortest pause kept, ms.
    pub min_pause_ms: u32,
    /// Shortest speech span kept, ms.
    pub min_speech_ms: u32,
}

impl Default for SegmentConfig {
    fn default() -> Self {
        SegmentConfig {
            threshold_db: 12.0,
            min_pause_ms: 60,
            min_speech_ms: 40,
        }
    }
}

/// Finds speech, pauses and nuclei in `features`.
pub fn segment(features: &Features, config: &SegmentConfig) -> Timeline {
    let _ = (features, config);
    Timeline::default()
}
