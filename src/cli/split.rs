//! `podcue split`: one WAV per chapter.

use std::path::PathBuf;

use podcue::chapters;
use podcue::split::{self, SampleFormat};

use super::exit;
use super::progress::StderrObserver;

/// Write one WAV per chapter (NN-title.wav), at the episode's sample rate and channels.
#[derive(clap::Args)]
#[command(after_help = "Example:
  podcue split episode.mp3 --chapters out/episode.chapters.json -o parts/")]
pub struct Args {
    /// The episode (any supported audio).
    pub episode: PathBuf,
    /// The chapters (JSON, WebVTT, FFMETADATA, YouTube lines, Podlove XML).
    #[arg(long, value_name = "FILE")]
    pub chapters: PathBuf,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = ".")]
    pub output: PathBuf,
    /// Write 32-bit float WAV instead of 16-bit PCM.
    #[arg(long)]
    pub float: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let list = chapters::read::read(&args.chapters)?;
    let format = if args.float {
        SampleFormat::Float32
    } else {
        SampleFormat::Pcm16
    };
    for target in split::output_paths(&args.output, &list) {
        super::refuse_overwriting_input(
            &target,
            &[&args.episode, &args.chapters],
            "choose another -o folder",
        )?;
    }
    let files = split::split_file(&args.episode, &list, &args.output, format, &StderrObserver)?;
    for f in &files {
        super::progress::info(&format!("wrote {}", f.display()));
    }
    Ok(exit::OK)
}
