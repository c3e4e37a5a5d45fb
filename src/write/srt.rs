//! SubRip captions: cues numbered from 1, `hh:mm:ss,ttt` times, `NAME: ` before the first
//! line only where the speaker changes.

use std::io::{self, Write};

use crate::captions::{Cue, Speakers};
use crate::time;

/// Writes `cues` as SRT.
pub fn write(out: &mut dyn Write, cues: &[Cue], speakers: &Speakers) -> io::Result<()> {
    for (k, cue) in cues.iter().enumerate() {
        if k > 0 {
            out.write_all(b"\n")?;
        }
        writeln!(
            out,
            "{}\n{} --> {}",
            k + 1,
            time::srt(cue.start),
            time::srt(cue.end)
        )?;
        for (i, line) in cue.lines.iter().enumerate() {
            match speakers.name(cue.speaker) {
                Some(name) if i == 0 && cue.speaker_change => writeln!(out, "{name}: {line}")?,
                _ => writeln!(out, "{line}")?,
            }
        }
    }
    Ok(())
}
