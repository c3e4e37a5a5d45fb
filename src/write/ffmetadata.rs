//! FFMETADATA (ffmpeg's metadata file): `;FFMETADATA1`, one `[CHAPTER]` per chapter with
//! `TIMEBASE=1/1000`, `START`/`END` in milliseconds and an escaped `title`.

use std::io::Write;

use crate::chapters::Chapter;
use crate::time;

/// Escapes `=`, `;`, `#`, `\` and newlines with a backslash, as ffmpeg's format requires.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '=' | ';' | '#' | '\\' | '\n') {
            out.push('\\');
        }
        if c != '\r' {
            out.push(c);
        }
    }
    out
}

/// Writes `chapters` as FFMETADATA. `title` (the episode's), when given, goes in the header.
/// Chapters without a known end are an error ([`std::io::ErrorKind::InvalidInput`]).
pub fn write(chapters: &[Chapter], title: Option<&str>, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, ";FFMETADATA1")?;
    if let Some(t) = title {
        writeln!(w, "title={}", escape(t))?;
    }
    for (i, c) in chapters.iter().enumerate() {
        let (start, end) = (time::millis(c.start), time::millis(c.end));
        if end <= start {
            return Err(super::chapter_without_length(i, &c.title));
        }
        writeln!(w)?;
        writeln!(w, "[CHAPTER]")?;
        writeln!(w, "TIMEBASE=1/1000")?;
        writeln!(w, "START={start}")?;
        writeln!(w, "END={end}")?;
        writeln!(w, "title={}", escape(&c.title))?;
    }
    Ok(())
}
