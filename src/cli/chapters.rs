//! `podcue chapters`: find chapters (or read them from a chapters file) and write them in
//! every format players read.

use std::path::{Path, PathBuf};

use anyhow::Context;
use podcue::chapters::{self, Chapter, ChapterConfig};
use podcue::write::{atomic, chapters_json, chapters_vtt, ffmetadata, podlove, youtube};

use super::exit;
use super::progress::{self, StderrObserver};

/// An output format of `podcue chapters`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Podcasting 2.0 JSON chapters: STEM.chapters.json.
    Json,
    /// WebVTT chapters: STEM.chapters.vtt.
    Vtt,
    /// ffmpeg metadata: STEM.ffmetadata.
    Ffmetadata,
    /// YouTube description lines: STEM.youtube.txt.
    Youtube,
    /// Podlove Simple Chapters: STEM.psc.xml.
    Podlove,
}

impl Format {
    fn file_name(self, stem: &str) -> String {
        match self {
            Format::Json => format!("{stem}.chapters.json"),
            Format::Vtt => format!("{stem}.chapters.vtt"),
            Format::Ffmetadata => format!("{stem}.ffmetadata"),
            Format::Youtube => format!("{stem}.youtube.txt"),
            Format::Podlove => format!("{stem}.psc.xml"),
        }
    }
}

/// Find an episode's chapters, or convert a chapters file, and write them in each format.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue chapters episode.mp3 transcript.txt --format json,vtt,youtube -o out/
  podcue chapters --chapters out/episode.chapters.json --format ffmetadata,podlove -o out/")]
pub struct Args {
    /// The episode's audio and its transcript (omit both with --chapters).
    #[arg(num_args = 0..=2, value_names = ["AUDIO", "TRANSCRIPT"], required_unless_present = "chapters")]
    pub inputs: Vec<PathBuf>,
    /// Read chapters from this file (JSON, WebVTT, FFMETADATA, YouTube lines, Podlove XML)
    /// instead of finding them.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    pub chapters: Option<PathBuf>,
    /// Output formats, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "json")]
    pub format: Vec<Format>,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = ".")]
    pub output: PathBuf,
    /// Shortest chapter in seconds (the larger of this and 1/20 of the episode is used; an
    /// interview's introduction may be shorter, down to 10 s).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = super::seconds,
        allow_negative_numbers = true)]
    pub min_chapter: f64,
    /// The episode's length in seconds, when converting a file that does not store the last
    /// chapter's end (YouTube, Podlove).
    #[arg(long, value_name = "SECONDS", value_parser = super::positive_seconds,
        allow_negative_numbers = true)]
    pub duration: Option<f64>,
    /// From AUDIO and TRANSCRIPT: write the chapters even when the transcript does not seem
    /// to match the audio (exit 3 otherwise, as `align`).
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let (list, stem, title) = match (&args.chapters, args.inputs.as_slice()) {
        (Some(file), _) => {
            // Read once: parsed into chapters, and looked at for what they do not keep.
            let bytes = podcue::input::read_text(file).map_err(|e| podcue::Error::io(file, e))?;
            let mut list = chapters::read::parse(&bytes, file)?;
            warn_unkept_fields(file, &bytes);
            chapters::fill_ends(&mut list, args.duration);
            let stem = chapters::read::stem_of(file).to_string_lossy().into_owned();
            (list, stem, None)
        }
        (None, [audio, transcript]) => {
            if super::stdin_audio(audio) {
                return Ok(exit::USAGE);
            }
            let bytes = podcue::input::read_text(transcript)
                .with_context(|| format!("{}: cannot read", transcript.display()))?;
            let config = podcue::pipeline::Config {
                chapters: ChapterConfig {
                    min_chapter_s: args.min_chapter,
                },
                ..podcue::pipeline::Config::default()
            };
            let out = podcue::pipeline::run(audio, &bytes, transcript, &config, &StderrObserver)?;
            if let Some(why) = out.alignment.mismatch() {
                if !args.force {
                    let refusal =
                        super::align::mismatch_refusal(&why, super::align::CHECK_THE_PAIR);
                    eprintln!("podcue: error: {refusal}");
                    return Ok(exit::MISMATCH);
                }
                eprintln!("podcue: warning: {}", super::align::mismatch_forced(&why));
            }
            let stem = audio
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "episode".into());
            (out.chapters, stem, out.document.title)
        }
        _ => {
            eprintln!("podcue: error: give AUDIO and TRANSCRIPT, or --chapters FILE");
            return Ok(exit::USAGE);
        }
    };
    if args.output == Path::new("-") {
        return write_to_stdout(&list, &args.format, title.as_deref());
    }
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("{}: cannot create folder", args.output.display()))?;
    let inputs: Vec<&Path> = args
        .chapters
        .iter()
        .chain(args.inputs.iter())
        .map(PathBuf::as_path)
        .collect();
    write_all(
        &list,
        &args.format,
        &args.output,
        &stem,
        title.as_deref(),
        &inputs,
    )
}

/// Warns when the chapters file has fields the outputs will not carry (a Podcasting 2.0
/// chapter's `url`, `img`, `toc`): a conversion would otherwise drop them unnoticed.
fn warn_unkept_fields(file: &Path, bytes: &[u8]) {
    let fields = chapters::read::unkept_fields(bytes, file);
    if !fields.is_empty() && progress::warnings_on() {
        eprintln!(
            "podcue: warning: {}: the chapters' {} {} not carried into the outputs (podcue \
             keeps each chapter's start, end and title); add {} again by hand where needed",
            file.display(),
            fields.join(", "),
            if fields.len() == 1 { "is" } else { "are" },
            if fields.len() == 1 { "it" } else { "them" },
        );
    }
}

/// `-o -`: the one format asked for goes to standard output.
fn write_to_stdout(
    list: &[Chapter],
    formats: &[Format],
    title: Option<&str>,
) -> anyhow::Result<u8> {
    let mut unique = formats.to_vec();
    unique.dedup();
    let [f] = unique.as_slice() else {
        eprintln!("podcue: error: -o - writes one format to stdout: give exactly one --format");
        return Ok(exit::USAGE);
    };
    if let Some(code) = broken_rules(list, &[*f], |f| {
        format!("{} on standard output", format!("{f:?}").to_lowercase())
    }) {
        return Ok(code);
    }
    let mut stdout = std::io::stdout().lock();
    let written = write_format(*f, list, title, &mut stdout)
        .and_then(|()| std::io::Write::flush(&mut stdout));
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::from(e).context("cannot write to standard output"))
        }
        _ => Ok(exit::OK),
    }
}

fn write_format(
    f: Format,
    list: &[Chapter],
    title: Option<&str>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match f {
        Format::Json => chapters_json::write(list, w),
        Format::Vtt => chapters_vtt::write(list, w),
        Format::Ffmetadata => ffmetadata::write(list, title, w),
        Format::Youtube => youtube::write(list, w),
        Format::Podlove => podlove::write(list, w),
    }
}

/// Reports every format whose rules the chapters break (`name` names its output); the exit
/// code when any does.
fn broken_rules(
    list: &[Chapter],
    formats: &[Format],
    name: impl Fn(Format) -> String,
) -> Option<u8> {
    let mut broken = 0;
    for &f in formats {
        let needs_ends = matches!(f, Format::Vtt | Format::Ffmetadata);
        if needs_ends && list.last().is_some_and(|c| !c.has_end()) {
            eprintln!(
                "podcue: error: {}: the last chapter's end is unknown (the input does not store it); give --duration SECONDS",
                name(f)
            );
            broken += 1;
        } else if f == Format::Youtube
            && let Err(rule) = youtube::check(list)
        {
            eprintln!("podcue: error: {}: {rule}", name(f));
            broken += 1;
        }
    }
    (broken > 0).then(|| {
        eprintln!(
            "podcue: nothing written; leave out the format{} above (--format) or fix the chapters",
            if broken > 1 { "s" } else { "" }
        );
        exit::FAILURE
    })
}

/// Writes every requested format, or none: a format whose rules the chapters break (YouTube's
/// 10 s minimum, an end a format needs and the input does not store) is reported, and nothing
/// is written, so a failed run leaves no output behind.
pub(crate) fn write_all(
    list: &[Chapter],
    formats: &[Format],
    dir: &Path,
    stem: &str,
    title: Option<&str>,
    inputs: &[&Path],
) -> anyhow::Result<u8> {
    let mut seen = Vec::new();
    for &f in formats {
        if !seen.contains(&f) {
            seen.push(f);
        }
    }
    for &f in &seen {
        super::refuse_overwriting_input(
            &dir.join(f.file_name(stem)),
            inputs,
            "choose another -o folder",
        )?;
    }
    if let Some(code) = broken_rules(list, &seen, |f| {
        dir.join(f.file_name(stem)).display().to_string()
    }) {
        return Ok(code);
    }
    let mut staged = atomic::Staged::default();
    for &f in &seen {
        let target = dir.join(f.file_name(stem));
        staged.write(&target, |w| write_format(f, list, title, w))?;
    }
    for target in staged.commit()? {
        super::progress::info(&format!("wrote {}", target.display()));
    }
    Ok(exit::OK)
}
