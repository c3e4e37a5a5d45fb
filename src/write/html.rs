//! Human-readable transcripts from the cues: Podcasting 2.0 `text/html` style (`<cite>`
//! speaker, `<time>`, `<p>` per speaker turn) and timed plain text (`[time] NAME: text`, the
//! name only where the speaker changes). Consecutive cues of one speaker form one paragraph.

use std::io::{self, Write};

use crate::captions::{Cue, Speakers};
use crate::time;

/// Runs of cues with one speaker: (first cue index, end index).
fn paragraphs(cues: &[Cue]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (k, c) in cues.iter().enumerate() {
        match out.last_mut() {
            Some(r) if !c.speaker_change && cues[r.start].speaker == c.speaker => r.end = k + 1,
            _ => out.push(k..k + 1),
        }
    }
    out
}

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    escape_with(text, false)
}

/// [`escape`], and single quotes too (for pages that may put text in any attribute).
pub fn escape_all(text: &str) -> String {
    escape_with(text, true)
}

fn escape_with(text: &str, apostrophe: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' if apostrophe => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn body(cues: &[Cue]) -> String {
    cues.iter().map(Cue::text).collect::<Vec<_>>().join(" ")
}

/// Writes an HTML transcript fragment as Podcasting 2.0 describes for `text/html`.
pub fn write(out: &mut dyn Write, cues: &[Cue], speakers: &Speakers) -> io::Result<()> {
    for r in paragraphs(cues) {
        let first = &cues[r.start];
        if let Some(name) = speakers.name(first.speaker) {
            writeln!(out, "<cite>{}:</cite>", escape(name))?;
        }
        writeln!(out, "<time>{}</time>", time::youtube(first.start))?;
        writeln!(out, "<p>{}</p>", escape(&body(&cues[r])))?;
    }
    Ok(())
}

/// Writes a timed plain-text transcript: one paragraph per speaker turn,
/// `[hh:mm:ss.ttt] NAME: text`.
pub fn write_text(out: &mut dyn Write, cues: &[Cue], speakers: &Speakers) -> io::Result<()> {
    for (n, r) in paragraphs(cues).into_iter().enumerate() {
        if n > 0 {
            out.write_all(b"\n")?;
        }
        let first = &cues[r.start];
        write!(out, "[{}] ", time::vtt(first.start))?;
        if let Some(name) = speakers.name(first.speaker) {
            write!(out, "{name}: ")?;
        }
        writeln!(out, "{}", body(&cues[r]))?;
    }
    Ok(())
}
