//! SubRip captions: cues numbered from 1, `hh:mm:ss,ttt` times, `NAME: ` before the first
//! line only where the speaker changes, or `NAME:` on a line of its own, or none, where the
//! cue's layout put it ([`LabelPlace`]: the lines keep to the style's limits with it).

use std::io::{self, Write};

use crate::captions::{Cue, LabelPlace, Speakers};
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
        let label = speakers.name(cue.speaker).filter(|_| cue.speaker_change);
        if let Some(name) = label
            && cue.label == LabelPlace::OwnLine
        {
            writeln!(out, "{name}:")?;
        }
        for (i, line) in cue.lines.iter().enumerate() {
            match label {
                Some(name) if i == 0 && cue.label == LabelPlace::Beside => {
                    writeln!(out, "{name}: {line}")?;
                }
                _ => writeln!(out, "{line}")?,
            }
        }
    }
    Ok(())
}
