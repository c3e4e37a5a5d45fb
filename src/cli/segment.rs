//! `podcue segment`: speech and pause spans found from energy.

use std::io::Write;
use std::path::PathBuf;

use podcue::pipeline::{self, Config};
use serde::Serialize;

use super::exit;
use super::progress::StderrObserver;

/// Print the speech, pause and music segments found in the audio.
///
/// Music (steady beds and tones, and music with a beat) is never taken for speech.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue segment episode.mp3
  podcue segment episode.mp3 --json > segments.json")]
pub struct Args {
    /// The audio file.
    pub audio: PathBuf,
    /// Print JSON: {"duration", "speech": [{start, end}], "pauses": [{start, end, strength}],
    /// "music": [{start, end}], "dips": [time]} (dips: gaps inside speech too short to be
    /// pauses, where a turn may change).
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct SpanView {
    start: f64,
    end: f64,
}

#[derive(Serialize)]
struct PauseView {
    start: f64,
    end: f64,
    strength: f64,
}

#[derive(Serialize)]
struct SegmentsView {
    duration: f64,
    speech: Vec<SpanView>,
    pauses: Vec<PauseView>,
    music: Vec<SpanView>,
    dips: Vec<f64>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if super::stdin_audio(&args.audio) {
        return Ok(exit::USAGE);
    }
    if let Err(e) = podcue::input::audio_file(&args.audio) {
        anyhow::bail!("{}: {e}", args.audio.display());
    }
    let (info, _features, timeline) =
        pipeline::analyse(&args.audio, &Config::default(), &StderrObserver)?;
    // Frames end on 10 ms steps; the last may run a few milliseconds past the decoded end.
    let end = podcue::time::round_ms(info.duration);
    let r = |t: f64| podcue::time::round_ms(t).min(end);
    let view = SegmentsView {
        duration: end,
        speech: timeline
            .speech
            .iter()
            .map(|s| SpanView {
                start: r(s.start),
                end: r(s.end),
            })
            .collect(),
        pauses: timeline
            .pauses
            .iter()
            .map(|p| PauseView {
                start: r(p.start),
                end: r(p.end),
                strength: (p.strength * 1000.0).round() / 1000.0,
            })
            .collect(),
        music: timeline
            .music
            .iter()
            .map(|s| SpanView {
                start: r(s.start),
                end: r(s.end),
            })
            .collect(),
        dips: timeline.dips.iter().map(|&t| r(t)).collect(),
    };
    let mut stdout = std::io::stdout().lock();
    let result = if args.json {
        serde_json::to_writer_pretty(&mut stdout, &view)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(stdout))
    } else {
        (|| {
            writeln!(stdout, "duration {}", podcue::time::vtt(info.duration))?;
            for s in &view.speech {
                writeln!(
                    stdout,
                    "speech {} --> {}",
                    podcue::time::vtt(s.start),
                    podcue::time::vtt(s.end)
                )?;
            }
            for m in &view.music {
                writeln!(
                    stdout,
                    "music  {} --> {}",
                    podcue::time::vtt(m.start),
                    podcue::time::vtt(m.end)
                )?;
            }
            Ok(())
        })()
    };
    match result {
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(exit::OK),
    }
}
