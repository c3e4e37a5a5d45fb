//! `podcue tag`: chapters into a copy of an MP3 (ID3v2 CHAP + CTOC) or M4A (QuickTime chapter
//! track + Nero chpl).

use std::path::PathBuf;

use podcue::chapters;
use podcue::tag::Length;

use super::exit;
use super::progress::StderrObserver;

/// Write chapters into a copy of the episode (never the original, unless --in-place).
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue tag episode.mp3 --chapters out/episode.chapters.json -o episode.chaptered.mp3
  podcue tag episode.m4a --chapters chapters.vtt -o episode.chaptered.m4a")]
pub struct Args {
    /// The episode (.mp3, .m4a, .m4b, .mp4).
    pub episode: PathBuf,
    /// The chapters (JSON, WebVTT, FFMETADATA, YouTube lines, Podlove XML).
    #[arg(long, value_name = "FILE")]
    pub chapters: PathBuf,
    /// Where to write the chaptered copy (same format as EPISODE).
    #[arg(
        short,
        long,
        value_name = "FILE",
        required_unless_present = "in_place",
        conflicts_with = "in_place"
    )]
    pub output: Option<PathBuf>,
    /// Modify EPISODE itself (atomically, keeping its permissions; a symbolic link's target is
    /// modified) instead of writing a copy.
    #[arg(long)]
    pub in_place: bool,
    /// The episode's length in seconds, overriding the measured one (an MP4's header, an MP3
    /// decoded). The last chapter ends there; no chapter may start at or after it.
    #[arg(long, value_name = "SECONDS", value_parser = super::positive_seconds,
        allow_negative_numbers = true)]
    pub duration: Option<f64>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if super::stdin_audio(&args.episode) {
        return Ok(exit::USAGE);
    }
    let output = args.output.clone().unwrap_or_else(|| args.episode.clone());
    // Cheap refusals first: measuring an MP3's length means decoding it.
    super::refuse_overwriting_input(
        &output,
        &[&args.chapters],
        "choose another output file (the chapters file is read, never written)",
    )?;
    if !args.in_place {
        super::refuse_overwriting_input(
            &output,
            &[&args.episode],
            "choose another output file, or pass --in-place (without -o) to modify the episode",
        )?;
    }
    podcue::tag::check_output(&args.episode, &output, args.in_place)?;
    let list = chapters::read::read(&args.chapters)?;
    podcue::tag::check_order(&list)?;
    let length = match args.duration {
        Some(seconds) => Length::Given(seconds),
        None => Length::Measured(podcue::tag::duration(&args.episode, &StderrObserver)?),
    };
    let written = podcue::tag::tag_file(&args.episode, &output, &list, args.in_place, length)?;
    super::progress::info(&format!(
        "wrote {} ({} chapters)",
        output.display(),
        written.len()
    ));
    if let Some(note) = podcue::tag::tail_note(&list, &written) {
        super::progress::info(&format!("podcue: note: {note}"));
    }
    Ok(exit::OK)
}
