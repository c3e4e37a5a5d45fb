//! `podcue review`: align an episode and write one self-contained HTML page to check it in a
//! browser (player with captions, overview, chapters, cues).

use std::path::{Path, PathBuf};

use anyhow::Context;
use podcue::captions::Speakers;
use podcue::pipeline::Output;
use podcue::review::{self, Page};
use podcue::write::atomic;

use super::align::{self, OutputKind};
use super::exit;
use super::progress::{self, Progress};

/// Align an episode and write a review page: one HTML file that plays the audio with its
/// captions and shows the energy, speech, chapters and every cue with its confidence.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue review episode.mp3 transcript.txt -o review.html
  podcue review episode.mp3 transcript.txt -o pages/      (writes pages/episode.review.html)
  podcue align episode.mp3 transcript.txt -o out/ --review     (also writes out/episode.review.html)

The page is self-contained (no network); it refers to the audio by its path relative to the
page, so keep the two where they are. Click a cue, a chapter or the overview to play from there;
cues with confidence below 0.5 are marked red. Open it with ?selftest appended to the URL to run
its browser checks.")]
pub struct Args {
    /// The episode's audio.
    pub audio: PathBuf,
    /// The transcript.
    pub transcript: PathBuf,
    /// The page to write (default: STEM.review.html in the current folder; a folder: STEM.review.html
    /// in it; `-`: standard output, the audio referred to from the current folder).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Caption style: netflix, bbc, podcast, dcmp.
    #[arg(long, default_value = "netflix", value_parser = clap::builder::PossibleValuesParser::new(podcue::captions::CaptionConfig::PRESETS))]
    pub style: String,
    /// Display name for a speaker label, e.g. 'TOM=Tom Kessler' (repeatable).
    #[arg(long, value_name = "NAME=Full Name", value_parser = super::speaker_name)]
    pub speaker: Vec<String>,
    /// Transcript language (en, fr, de, ...); guessed when not given.
    #[arg(long)]
    pub language: Option<String>,
    /// Shortest chapter, seconds (the larger of this and 1/20 of the episode is used; an
    /// interview's introduction may be shorter, down to 10 s).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = super::seconds,
        allow_negative_numbers = true)]
    pub min_chapter: f64,
}

/// Writes the review page of `out` for `target` into `staged`, referring to `audio` relative
/// to the page.
pub(crate) fn write_page(
    out: &Output,
    audio: &Path,
    target: &Path,
    speakers: &Speakers,
    staged: &mut atomic::Staged,
) -> anyhow::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (title, url) = title_and_url(audio, &dir);
    let page = Page {
        title: &title,
        audio_url: &url,
        speakers,
    };
    staged.write(target, |w| review::write(w, out, &page))?;
    Ok(())
}

/// The page's title (the audio's file name) and the audio's URL from the page's folder `dir`.
fn title_and_url(audio: &Path, dir: &Path) -> (String, String) {
    let title = audio
        .file_name()
        .map_or_else(|| "episode".into(), |s| s.to_string_lossy().into_owned());
    (title, review::relative_url(dir, audio))
}

/// The page's path for `-o`: `STEM.review.html` in the current folder by default, or in the
/// folder `-o` names (one that exists, or a path ending in `/`, as `align -o out/` is written);
/// `None` for `-` (standard output).
fn page_path(output: Option<&Path>, audio: &Path) -> Option<PathBuf> {
    let name = format!("{}.review.html", align::stem_of(audio));
    match output {
        None => Some(PathBuf::from(name)),
        Some(o) if o == Path::new("-") => None,
        Some(o)
            if o.is_dir()
                || (o.as_os_str().to_string_lossy().chars().last())
                    .is_some_and(std::path::is_separator) =>
        {
            Some(o.join(name))
        }
        Some(o) => Some(o.to_path_buf()),
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if super::stdin_audio(&args.audio) {
        return Ok(super::exit::USAGE);
    }
    let target = page_path(args.output.as_deref(), &args.audio);
    if let Some(target) = &target {
        super::refuse_overwriting_input(
            target,
            &[&args.audio, &args.transcript],
            "choose another -o file",
        )?;
    }
    // The page on stdout refers to the audio from the current folder, where it is likely saved.
    let dir = match target.as_deref().and_then(Path::parent) {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let align_args = align::Args {
        audio: args.audio.clone(),
        transcript: args.transcript.clone(),
        output: dir.clone(),
        format: Vec::<OutputKind>::new(),
        style: args.style.clone(),
        max_chars: None,
        max_lines: None,
        sound_tags: "keep".into(),
        speaker: args.speaker.clone(),
        language: args.language.clone(),
        min_chapter: args.min_chapter,
        // Nothing else is written; a mismatching pair is worth a look too.
        force: true,
        review: false,
        debug_dump: None,
    };
    let observer = Progress::new();
    let done = align::process(&align_args, &observer)?;
    observer.finish("parse, align, cues, chapters");
    let config = align::caption_config(&align_args)?;
    // With `force`, the pipeline always runs to the end.
    let Some(out) = &done.out else {
        anyhow::bail!("the alignment did not run");
    };
    let speakers = Speakers::new(&out.document.speakers, &config.speaker_names);
    if let Some(target) = &target {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
        let mut staged = atomic::Staged::default();
        write_page(out, &args.audio, target, &speakers, &mut staged)?;
        staged.commit()?;
    } else {
        write_page_to_stdout(out, &args.audio, &speakers)?;
    }
    if let Some(why) = &done.mismatch {
        eprintln!(
            "podcue: warning: the transcript does not seem to match the audio: {why}; the page shows what was found"
        );
    }
    // What `align` would say of this pair (cut paragraphs, low confidence, uncovered speech).
    align::report_confidence(out, false);
    if let Some(target) = &target {
        progress::info(&format!("wrote {}", target.display()));
    }
    Ok(exit::OK)
}

/// `-o -`: the page on standard output (a closed pipe is not an error).
fn write_page_to_stdout(out: &Output, audio: &Path, speakers: &Speakers) -> anyhow::Result<()> {
    let (title, url) = title_and_url(audio, Path::new("."));
    let page = Page {
        title: &title,
        audio_url: &url,
        speakers,
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match review::write(&mut stdout, out, &page).and_then(|()| std::io::Write::flush(&mut stdout)) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::from(e).context("cannot write to standard output"))
        }
        _ => Ok(()),
    }
}
