//! `podcue split`: one WAV per chapter.

use std::path::{Path, PathBuf};

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
    if super::stdin_audio(&args.episode) {
        return Ok(exit::USAGE);
    }
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
    let done = split::split_file(&args.episode, &list, &args.output, format, &StderrObserver)?;
    let files = done.files;
    for f in &files {
        super::progress::info(&format!("wrote {}", f.display()));
    }
    if let Some(note) = podcue::tag::tail_note(&list, &done.chapters) {
        super::progress::info(&format!("podcue: note: {note}"));
    }
    let stale = stale_chapter_files(&args.output, &files);
    if let Some(first) = stale.first()
        && super::progress::warnings_on()
    {
        eprintln!(
            "podcue: warning: {} other NN-title.wav file(s) in {} are not from this split \
             (e.g. {first}); remove them if an earlier split left them",
            stale.len(),
            args.output.display()
        );
    }
    Ok(exit::OK)
}

/// Chapter files (`NN-title.wav`) in `dir` that this split did not write: an earlier split's
/// into the same folder, which would otherwise pass for this one's.
fn stale_chapter_files(dir: &Path, written: &[PathBuf]) -> Vec<String> {
    let ours: Vec<&std::ffi::OsStr> = written.iter().filter_map(|p| p.file_name()).collect();
    let mut stale: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|name| !ours.contains(&name.as_os_str()))
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| {
            let digits = name.chars().take_while(char::is_ascii_digit).count();
            digits >= 2 && name[digits..].starts_with('-') && name.ends_with(".wav")
        })
        .collect();
    stale.sort();
    stale
}
