//! Cue building: takes the document and its alignment, gives caption cues that follow
//! broadcast rules (line length, lines per cue, duration, reading speed, speaker changes).

use serde::{Deserialize, Serialize};

use crate::align::Alignment;
use crate::transcript::Document;

/// One caption cue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// Start, seconds.
    pub start: f64,
    /// End, seconds (> start).
    pub end: f64,
    /// Speaker index into the document's speakers.
    pub speaker: Option<usize>,
    /// True when the speaker differs from the previous cue's.
    pub speaker_change: bool,
    /// Display lines (plain text, no markup).
    pub lines: Vec<String>,
    /// Word indices `[first, end)` of the document covered by this cue.
    pub words: std::ops::Range<usize>,
    /// Mean confidence of its words.
    pub confidence: f32,
}

/// Caption rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CaptionConfig {
    /// Characters per line at most.
    pub max_chars: usize,
    /// Lines per cue at most.
    pub max_lines: usize,
    /// Reading speed at most, characters per second (where timing allows).
    pub max_cps: f64,
    /// Shortest cue, seconds (where timing allows).
    pub min_duration: f64,
    /// Longest cue, seconds.
    pub max_duration: f64,
}

impl Default for CaptionConfig {
    fn default() -> Self {
        CaptionConfig {
            max_chars: 42,
            max_lines: 2,
            max_cps: 20.0,
            min_duration: 1.0,
            max_duration: 7.0,
        }
    }
}

/// Builds cues from the aligned words.
pub fn build(doc: &Document, alignment: &Alignment, config: &CaptionConfig) -> Vec<Cue> {
    let _ = (doc, alignment, config);
    Vec::new()
}
