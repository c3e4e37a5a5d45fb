//! Alignment: takes a [`Document`] and a [`Timeline`], gives an [`Alignment`]: a time span and
//! a confidence for every word, sentence and turn, and the audio spans the transcript skips.

use serde::{Deserialize, Serialize};

use crate::features::Features;
use crate::segment::Timeline;
use crate::time::Span;
use crate::transcript::Document;

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

/// The aligner's result. Every vector is parallel to the document's.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Alignment {
    /// One entry per word of the document (tags get the time of their place).
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
}

/// Aligner settings.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct AlignConfig {}

/// Aligns `doc` to the audio described by `timeline` and `features`.
pub fn align(doc: &Document, timeline: &Timeline, features: &Features, config: &AlignConfig) -> Alignment {
    let _ = (doc, timeline, features, config);
    Alignment::default()
}
