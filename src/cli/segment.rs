//! `podcue segment`.

use std::path::PathBuf;

/// Print the speech and pause segments found in the audio.
#[derive(clap::Args)]
pub struct Args {
    /// The audio file.
    pub audio: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
