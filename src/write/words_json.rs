//! Word-level JSON for karaoke-style players: every spoken transcript word with its time,
//! confidence, speaker and the index of the cue that shows it
//! (`{"version":"1.0.0","words":[{"text","start","end","confidence","cue","speaker"}]}`).
//! Sound tags and insertions are not spoken and are left out. A word of a paragraph the audio
//! does not have ([`Alignment::unheard`]) has zero length, confidence 0 and `cue` null.

use std::io::{self, Write};

use serde::Serialize;

use crate::align::Alignment;
use crate::captions::{Cue, Speakers};
use crate::time;
use crate::transcript::{Document, WordKind};

#[derive(Serialize)]
struct WordsV1<'a> {
    version: &'static str,
    words: Vec<WordV1<'a>>,
}

#[derive(Serialize)]
struct WordV1<'a> {
    text: &'a str,
    start: f64,
    end: f64,
    confidence: f64,
    cue: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
}

/// Writes the spoken words of `doc` with their times from `alignment` and their cue in `cues`.
pub fn write(
    out: &mut dyn Write,
    doc: &Document,
    alignment: &Alignment,
    cues: &[Cue],
    speakers: &Speakers,
) -> io::Result<()> {
    let unheard = alignment.unheard_mask(doc.words.len());
    let mut words = Vec::new();
    for (k, cue) in cues.iter().enumerate() {
        for i in cue.words.clone() {
            let (Some(w), Some(t)) = (doc.words.get(i), alignment.words.get(i)) else {
                continue;
            };
            if w.kind != WordKind::Spoken {
                continue;
            }
            let speaker = doc.turns.get(w.turn).and_then(|t| t.speaker);
            words.push(WordV1 {
                text: &w.text,
                start: time::round_ms(t.start),
                end: time::round_ms(t.end.max(t.start)),
                confidence: super::transcript_json::round3(t.confidence),
                cue: (!unheard[i]).then_some(k),
                speaker: speakers.name(speaker),
            });
        }
    }
    serde_json::to_writer_pretty(
        &mut *out,
        &WordsV1 {
            version: "1.0.0",
            words,
        },
    )?;
    out.write_all(b"\n")
}
