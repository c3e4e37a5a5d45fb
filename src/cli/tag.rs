//! `podcue tag`: chapters into a copy of an MP3 (ID3v2 CHAP + CTOC) or M4A (QuickTime chapter
//! track + Nero chpl).

use std::path::PathBuf;

use podcue::chapters;

use super::exit;

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
    /// Where to write the chaptered copy.
    #[arg(short, long, value_name = "FILE", required_unless_present = "in_place")]
    pub output: Option<PathBuf>,
    /// Modify EPISODE itself (atomically) instead of writing a copy.
    #[arg(long)]
    pub in_place: bool,
    /// The episode's length in seconds, when the chapters file does not store the last
    /// chapter's end (YouTube, Podlove) and the episode is an MP3.
    #[arg(long, value_name = "SECONDS")]
    pub duration: Option<f64>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let mut list = chapters::read::read(&args.chapters)?;
    let mut duration = args.duration;
    if duration.is_none()
        && podcue::tag::Container::of(&args.episode) == Some(podcue::tag::Container::Mp4)
    {
        duration = podcue::tag::mp4::duration(&args.episode)
            .ok()
            .filter(|d| *d > 0.0);
    }
    chapters::fill_ends(&mut list, duration);
    if list.last().is_some_and(|c| !c.has_end()) {
        anyhow::bail!(
            "{}: the last chapter's end is unknown (the file does not store it); give --duration SECONDS",
            args.chapters.display()
        );
    }
    let output = args.output.clone().unwrap_or_else(|| args.episode.clone());
    podcue::tag::tag_file(&args.episode, &output, &list, args.in_place)?;
    super::progress::info(&format!(
        "wrote {} ({} chapters)",
        output.display(),
        list.len()
    ));
    Ok(exit::OK)
}
