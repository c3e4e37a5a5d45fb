//! WebVTT chapters: one cue per chapter, title only, `hh:mm:ss.ttt`, cues never overlapping.

use std::io::Write;

use crate::chapters::Chapter;
use crate::time;

/// Writes `chapters` as a WebVTT chapters track. Each cue ends where the next chapter starts
/// (or at its own end, if earlier), so cues never overlap; chapters without a known end are
/// an error ([`std::io::ErrorKind::InvalidInput`]).
pub fn write(chapters: &[Chapter], w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "WEBVTT")?;
    for (i, c) in chapters.iter().enumerate() {
        let mut end = c.end;
        if let Some(next) = chapters.get(i + 1) {
            end = end.min(next.start);
        }
        if time::millis(end) <= time::millis(c.start) {
            return Err(super::chapter_without_length(i, &c.title));
        }
        writeln!(w)?;
        writeln!(w, "{}", i + 1)?;
        writeln!(w, "{} --> {}", time::vtt(c.start), time::vtt(end))?;
        // A cue payload cannot hold a blank line, a raw `<` or `&` (so no `-->` either).
        let title = c.title.split_whitespace().collect::<Vec<_>>().join(" ");
        let title = title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        writeln!(w, "{title}")?;
    }
    Ok(())
}
