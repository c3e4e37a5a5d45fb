//! YouTube description chapter lines (`0:00 Title`). YouTube only shows chapters when the first
//! is at 0:00, there are at least three, and each lasts at least ten seconds: [`check`] says
//! which rule fails.

use std::io::Write;

use crate::chapters::Chapter;
use crate::time;

/// Fewest chapters YouTube accepts.
pub const MIN_CHAPTERS: usize = 3;
/// Shortest chapter YouTube accepts, seconds.
pub const MIN_SECONDS: f64 = 10.0;

/// Checks YouTube's chapter rules; the error says which rule fails and where.
pub fn check(chapters: &[Chapter]) -> Result<(), String> {
    if chapters.len() < MIN_CHAPTERS {
        return Err(format!(
            "YouTube needs at least {MIN_CHAPTERS} chapters; there are {}",
            chapters.len()
        ));
    }
    if time::millis(chapters[0].start) / 1000 != 0 {
        return Err(format!(
            "YouTube needs the first chapter at 0:00; it starts at {}",
            time::youtube(chapters[0].start)
        ));
    }
    for (i, c) in chapters.iter().enumerate() {
        // Compared in whole seconds, as the description shows them.
        let start = time::millis(c.start) / 1000;
        let end = match chapters.get(i + 1) {
            Some(next) => time::millis(next.start) / 1000,
            None if c.has_end() => time::millis(c.end) / 1000,
            None => continue,
        };
        if end < start + MIN_SECONDS as u64 {
            let exact = chapters.get(i + 1).map_or(c.end, |next| next.start) - c.start;
            return Err(format!(
                "YouTube needs every chapter to last at least {MIN_SECONDS} s; chapter {} ({:?}) at {} lasts {} s in the description's whole seconds ({exact:.1} s)",
                i + 1,
                c.title,
                time::youtube(c.start),
                end.saturating_sub(start)
            ));
        }
    }
    Ok(())
}

/// Writes one `m:ss Title` line per chapter, after [`check`] passes (the error is
/// [`std::io::ErrorKind::InvalidInput`] with the failed rule).
pub fn write(chapters: &[Chapter], w: &mut dyn Write) -> std::io::Result<()> {
    check(chapters).map_err(|m| std::io::Error::new(std::io::ErrorKind::InvalidInput, m))?;
    for c in chapters {
        let title = c.title.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(w, "{} {title}", time::youtube(c.start))?;
    }
    Ok(())
}
