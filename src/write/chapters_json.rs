//! Podcasting 2.0 chapters JSON (version 1.2.0): `startTime`, `endTime`, `title`, seconds
//! rounded to milliseconds.

use std::io::Write;

use serde::Serialize;

use crate::chapters::Chapter;
use crate::time;

/// The file, as the Podcasting 2.0 chapters spec names it (versioned view of [`Chapter`]).
#[derive(Serialize)]
struct File<'a> {
    version: &'static str,
    chapters: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    #[serde(rename = "startTime")]
    start_time: f64,
    #[serde(rename = "endTime", skip_serializing_if = "Option::is_none")]
    end_time: Option<f64>,
    title: &'a str,
}

/// The chapters spec version written.
pub const VERSION: &str = "1.2.0";

/// Writes `chapters` as Podcasting 2.0 JSON chapters (pretty-printed, trailing newline).
/// A chapter whose end is unknown gets no `endTime`.
pub fn write(chapters: &[Chapter], w: &mut dyn Write) -> std::io::Result<()> {
    let file = File {
        version: VERSION,
        chapters: chapters
            .iter()
            .map(|c| Entry {
                start_time: time::round_ms(c.start),
                end_time: c.has_end().then(|| time::round_ms(c.end)),
                title: &c.title,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &file)?;
    writeln!(w)
}
