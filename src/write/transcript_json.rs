//! Podcasting 2.0 JSON transcript (`application/json`, version 1.0.0): one segment per cue
//! with `speaker`, `startTime`, `endTime`, `body`, and our extra `confidence`.

use std::io::{self, Write};

use serde::Serialize;

use crate::captions::{Cue, Speakers};
use crate::time;

/// The file, as serialized.
#[derive(Serialize)]
struct TranscriptV1<'a> {
    version: &'static str,
    segments: Vec<SegmentV1<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SegmentV1<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    start_time: f64,
    end_time: f64,
    body: String,
    confidence: f64,
}

/// Writes `cues` as a Podcasting 2.0 JSON transcript.
pub fn write(out: &mut dyn Write, cues: &[Cue], speakers: &Speakers) -> io::Result<()> {
    let doc = TranscriptV1 {
        version: "1.0.0",
        segments: cues
            .iter()
            .map(|c| SegmentV1 {
                speaker: speakers.name(c.speaker),
                start_time: time::round_ms(c.start),
                end_time: time::round_ms(c.end),
                body: c.text(),
                confidence: round3(c.confidence),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// Rounded to 3 decimals so the output does not show f32 noise.
pub(crate) fn round3(x: f32) -> f64 {
    if x.is_finite() {
        (f64::from(x) * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}
