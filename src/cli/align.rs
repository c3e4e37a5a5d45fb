//! `podcue align`.

use std::path::PathBuf;

/// Align a transcript to its audio and write captions and chapters.
#[derive(clap::Args)]
pub struct Args {
    /// The episode's audio (MP3, M4A/AAC, FLAC, Ogg, WAV, AIFF, MP4/MKV).
    pub audio: PathBuf,
    /// The transcript (plain text, UTF-8).
    pub transcript: PathBuf,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = ".")]
    pub output: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
