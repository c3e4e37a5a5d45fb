//! WebVTT captions: `WEBVTT`, then one cue per [`Cue`] with `hh:mm:ss.ttt` times and the
//! speaker as a voice span (`<v Full Name>`) opening the first line and closed at the end of
//! the last line.

use std::io::{self, Write};

use crate::captions::{Cue, Speakers};
use crate::time;

/// Escapes text for a WebVTT cue payload (`&`, `<`, `>`; this also rules out `-->`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes `cues` as WebVTT.
pub fn write(out: &mut dyn Write, cues: &[Cue], speakers: &Speakers) -> io::Result<()> {
    out.write_all(b"WEBVTT\n")?;
    for cue in cues {
        writeln!(out, "\n{} --> {}", time::vtt(cue.start), time::vtt(cue.end))?;
        let voice = speakers.name(cue.speaker).map(|n| escape(n.trim()));
        let last = cue.lines.len().saturating_sub(1);
        for (i, line) in cue.lines.iter().enumerate() {
            match (&voice, i) {
                (Some(v), 0) => write!(out, "<v {v}>{}", escape(line))?,
                _ => out.write_all(escape(line).as_bytes())?,
            }
            if voice.is_some() && i == last {
                out.write_all(b"</v>")?;
            }
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
