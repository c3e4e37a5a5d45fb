//! `podcue align`: the whole pipeline, writing captions, words and chapters.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use podcue::align::Unheard;
use podcue::captions::{CaptionConfig, SoundTags, Speakers};
use podcue::pipeline::{self, Config, Output};
use podcue::segment::QuietStretch;
use podcue::write::{atomic, chapters_json, html, srt, transcript_json, vtt, words_json};

use podcue::progress::Observer;
use podcue::time::Span;

use super::exit;
use super::progress::{self, Progress};

/// An output of `podcue align`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputKind {
    /// WebVTT captions with voice tags: STEM.vtt.
    Vtt,
    /// SubRip captions: STEM.srt.
    Srt,
    /// Podcasting 2.0 JSON transcript: STEM.json.
    Json,
    /// Every word with start, end, confidence: STEM.words.json.
    Words,
    /// Podcasting 2.0 chapters: STEM.chapters.json.
    Chapters,
    /// Podcasting 2.0 HTML transcript: STEM.html.
    Html,
    /// Timed plain-text transcript: STEM.txt.
    Txt,
}

impl OutputKind {
    fn file_name(self, stem: &str) -> String {
        match self {
            OutputKind::Vtt => format!("{stem}.vtt"),
            OutputKind::Srt => format!("{stem}.srt"),
            OutputKind::Json => format!("{stem}.json"),
            OutputKind::Words => format!("{stem}.words.json"),
            OutputKind::Chapters => format!("{stem}.chapters.json"),
            OutputKind::Html => format!("{stem}.html"),
            OutputKind::Txt => format!("{stem}.txt"),
        }
    }
}

/// Align a transcript to its audio and write captions, word times and chapters.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue align episode.mp3 transcript.txt -o out/
  podcue align episode.m4a transcript.txt --style bbc --speaker 'PRIYA=Priya Nandakumar'
  podcue align episode.mp3 transcript.txt --format vtt,words -o out/

Writes STEM.vtt, STEM.srt, STEM.json, STEM.words.json and STEM.chapters.json (STEM is the
audio file's name without extension). Exit codes: 0 ok, 1 failure, 2 usage error,
3 the transcript evidently does not match the audio (use --force to write anyway).")]
pub struct Args {
    /// The episode's audio (MP3, M4A/AAC, FLAC, Ogg, WAV, AIFF, MP4/MKV).
    pub audio: PathBuf,
    /// The transcript (UTF-8 text: NAME: turns, an article page, Markdown, plain paragraphs,
    /// an Otter, Rev or similar export with time stamps, SRT or WebVTT).
    pub transcript: PathBuf,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = ".")]
    pub output: PathBuf,
    /// Outputs to write, comma-separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "vtt,srt,json,words,chapters"
    )]
    pub format: Vec<OutputKind>,
    /// Caption style: netflix (42x2), bbc (37x2), podcast (32x2), dcmp (32x2, 2 s).
    #[arg(long, default_value = "netflix", value_parser = clap::builder::PossibleValuesParser::new(podcue::captions::CaptionConfig::PRESETS))]
    pub style: String,
    /// Characters per caption line at most, 8 or more (overrides the style).
    #[arg(long, value_parser = super::max_chars())]
    pub max_chars: Option<usize>,
    /// Lines per caption at most, 1 or more (overrides the style).
    #[arg(long, value_parser = super::max_lines())]
    pub max_lines: Option<usize>,
    /// Sound tags such as [Laughs] in the captions: keep or drop.
    #[arg(long, value_parser = ["keep", "drop"], default_value = "keep")]
    pub sound_tags: String,
    /// Display name for a speaker label, e.g. 'TOM=Tom Kessler' (repeatable).
    #[arg(long, value_name = "NAME=Full Name", value_parser = super::speaker_name)]
    pub speaker: Vec<String>,
    /// Transcript language (en, fr, de, ...); guessed from the text when not given.
    #[arg(long)]
    pub language: Option<String>,
    /// Shortest chapter, seconds (the larger of this and 1/20 of the episode is used; an
    /// interview's introduction may be shorter, down to 10 s).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = super::seconds,
        allow_negative_numbers = true)]
    pub min_chapter: f64,
    /// Write the outputs even when the transcript does not seem to match the audio.
    #[arg(long)]
    pub force: bool,
    /// Also write STEM.review.html, a page to check the result in a browser (see `podcue review`).
    #[arg(long)]
    pub review: bool,
    /// Also write each stage's result as JSON into DIR (STEM.debug.config.json, .audio,
    /// .timeline, .document, .alignment, .cues, .chapters), to see why an alignment went
    /// wrong; written even when the transcript is refused.
    #[arg(long, value_name = "DIR")]
    pub debug_dump: Option<PathBuf>,
}

/// Syllables per second of detected speech outside which the transcript cannot be this
/// audio's: a quarter of the slowest and four times the fastest normal rate (3-6 per second).
const MIN_SYLLABLES_PER_S: f64 = 0.75;
/// Share of the audio masked as steady sound above which a refusal says so.
const STEADY_SHARE_TO_MENTION: f64 = 0.5;
/// See [`MIN_SYLLABLES_PER_S`].
const MAX_SYLLABLES_PER_S: f64 = 24.0;

pub(crate) fn caption_config(args: &Args) -> anyhow::Result<CaptionConfig> {
    let Some(mut c) = CaptionConfig::preset(&args.style) else {
        bail!(
            "unknown --style '{}': use one of {}",
            args.style,
            CaptionConfig::PRESETS.join(", ")
        );
    };
    super::override_limits(&mut c, args.max_chars, args.max_lines);
    c.sound_tags = if args.sound_tags == "drop" {
        SoundTags::Drop
    } else {
        SoundTags::Keep
    };
    let mut names = BTreeMap::new();
    for s in &args.speaker {
        let Some((label, name)) = s
            .split_once('=')
            .filter(|(label, name)| !label.trim().is_empty() && !name.trim().is_empty())
        else {
            bail!("--speaker '{s}': expected LABEL=Full Name, e.g. 'TOM=Tom Kessler'");
        };
        names.insert(label.trim().to_string(), name.trim().to_string());
    }
    c.speaker_names = names;
    Ok(c)
}

/// `-o -` with a single `--format`: the one output goes to stdout.
fn writes_to_stdout(args: &Args) -> bool {
    args.output == Path::new("-")
}

/// What is wrong with `-o -` here: it writes one output, so exactly one `--format` and no
/// `--review`.
fn stdout_problem(args: &Args) -> Option<&'static str> {
    let mut formats = args.format.clone();
    formats.dedup();
    (writes_to_stdout(args) && (formats.len() != 1 || args.review))
        .then_some("-o - writes one output to stdout: give exactly one --format (and no --review)")
}

/// Refuses an output path that is one of the inputs.
fn check_not_input(target: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    super::refuse_overwriting_input(target, inputs, "choose another -o folder")
}

/// What [`process`] did with one episode.
pub(crate) struct Processed {
    /// Decoded length of the audio, seconds.
    pub duration: f64,
    /// Everything the pipeline computed (`None` when the transcript was refused before
    /// aligning).
    pub out: Option<Output>,
    /// Why the transcript evidently does not match the audio (then nothing was written unless
    /// `--force`).
    pub mismatch: Option<String>,
    /// The files written.
    pub written: Vec<PathBuf>,
}

/// The stem outputs are named after.
pub(crate) fn stem_of(audio: &Path) -> String {
    audio
        .file_stem()
        .map_or_else(|| "episode".into(), |s| s.to_string_lossy().into_owned())
}

/// The files `align` with these arguments writes.
pub(crate) fn output_paths(args: &Args) -> Vec<PathBuf> {
    let stem = stem_of(&args.audio);
    let mut seen = Vec::new();
    for &f in &args.format {
        if !seen.contains(&f) {
            seen.push(f);
        }
    }
    let mut paths: Vec<PathBuf> = seen
        .into_iter()
        .map(|f| args.output.join(f.file_name(&stem)))
        .collect();
    if args.review {
        paths.push(args.output.join(format!("{stem}.review.html")));
    }
    paths
}

/// The stages `--debug-dump` writes, in pipeline order.
const DUMPED: [&str; 7] = [
    "config",
    "audio",
    "timeline",
    "document",
    "alignment",
    "cues",
    "chapters",
];

/// The file `--debug-dump DIR` writes for `stage`.
fn dump_path(dir: &Path, stem: &str, stage: &str) -> PathBuf {
    dir.join(format!("{stem}.debug.{stage}.json"))
}

/// Writes one stage's result for `--debug-dump` (atomically, pretty-printed).
fn dump(dir: &Path, stem: &str, stage: &str, value: &impl serde::Serialize) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the debug folder", dir.display()))?;
    let path = dump_path(dir, stem, stage);
    atomic::write_file(&path, |w| {
        serde_json::to_writer_pretty(&mut *w, value).map_err(std::io::Error::other)?;
        writeln!(w)
    })?;
    Ok(())
}

/// The whole of `podcue align` for one episode except printing: runs the pipeline, and writes
/// the outputs unless the transcript does not match (and `--force` is not given).
pub(crate) fn process(args: &Args, observer: &dyn Observer) -> anyhow::Result<Processed> {
    let captions = caption_config(args)?;
    if let Some(problem) = stdout_problem(args) {
        bail!("{problem}");
    }
    let bytes = podcue::input::read_text(&args.transcript)
        .with_context(|| format!("{}: cannot read the transcript", args.transcript.display()))?;
    if let Err(e) = podcue::input::audio_file(&args.audio) {
        bail!("{}: {e}", args.audio.display());
    }
    let config = Config {
        captions,
        chapters: podcue::chapters::ChapterConfig {
            min_chapter_s: args.min_chapter,
        },
        language: args.language.clone(),
        ..Config::default()
    };
    // Refuse to overwrite an input before any work (and before any output is written).
    let inputs = [args.audio.as_path(), args.transcript.as_path()];
    if !writes_to_stdout(args) {
        // Said before any work: an hour takes seconds to decode.
        if args.output.exists() && !args.output.is_dir() {
            bail!(
                "{}: is a file, not a folder; -o names the folder the outputs go into",
                args.output.display()
            );
        }
        for target in output_paths(args) {
            check_not_input(&target, &inputs)?;
        }
    }
    let stem = stem_of(&args.audio);
    if let Some(dir) = &args.debug_dump {
        for stage in DUMPED {
            check_not_input(&dump_path(dir, &stem, stage), &inputs)?;
        }
    }
    let prepared = pipeline::prepare(&args.audio, &bytes, &args.transcript, &config, observer)?;
    let duration = prepared.info.duration;
    if let Some(dir) = &args.debug_dump {
        dump(dir, &stem, "config", &config)?;
        dump(dir, &stem, "audio", &prepared.info)?;
        dump(dir, &stem, "timeline", &prepared.timeline)?;
        dump(dir, &stem, "document", &prepared.document)?;
    }
    // A transcript ten times too long or short for the speech heard is evidently for other
    // audio; say so before aligning, whose cost grows with the transcript.
    let rate = prepared.syllables_per_second();
    let mut rate_mismatch = None;
    if !(MIN_SYLLABLES_PER_S..=MAX_SYLLABLES_PER_S).contains(&rate) {
        let speech: f64 = prepared.timeline.speech.iter().map(Span::len).sum();
        let why = if rate.is_finite() {
            format!(
                "it would be spoken at {rate:.1} syllables per second of the {speech:.1} s of \
                 speech found (people speak 3-6)"
            )
        } else {
            "no speech was found in the audio".to_string()
        };
        // Speech under steady sound louder than itself (a mains hum, a bed as loud as the
        // voices) is masked with it: say so, or the user is left guessing.
        let steady: f64 = prepared.timeline.music.iter().map(Span::len).sum();
        let why = if duration > 0.0 && steady >= STEADY_SHARE_TO_MENTION * duration {
            format!(
                "{why}; {:.0} % of the audio is steady sound, taken for music and never for \
                 speech: a loud hum or a bed as loud as the voices would do that",
                100.0 * steady / duration
            )
        } else {
            why
        };
        if !args.force {
            return Ok(Processed {
                duration,
                out: None,
                mismatch: Some(why),
                written: Vec::new(),
            });
        }
        // Forced: aligned anyway, and the reason is still said.
        rate_mismatch = Some(why);
    }
    let out = pipeline::finish(prepared, &config, observer);
    if let Some(dir) = &args.debug_dump {
        // Aligning may have taken the closing paragraph back: the document it used.
        dump(dir, &stem, "document", &out.document)?;
        dump(dir, &stem, "alignment", &out.alignment)?;
        dump(dir, &stem, "cues", &out.cues)?;
        dump(dir, &stem, "chapters", &out.chapters)?;
    }
    let mismatch = rate_mismatch.or_else(|| out.alignment.mismatch());
    let mut written = Vec::new();
    if mismatch.is_none() || args.force {
        if !writes_to_stdout(args) {
            std::fs::create_dir_all(&args.output).with_context(|| {
                format!("{}: cannot create the output folder", args.output.display())
            })?;
        }
        observer.stage("write", None);
        written = write_outputs(&out, args, &config, &stem)?;
    }
    Ok(Processed {
        duration,
        out: Some(out),
        mismatch,
        written,
    })
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    // A usage error (exit 2, as `chapters -o -` with two formats), said before any work.
    if let Some(problem) = stdout_problem(&args) {
        eprintln!("podcue: error: {problem}");
        return Ok(exit::USAGE);
    }
    if super::stdin_audio(&args.audio) {
        return Ok(exit::USAGE);
    }
    let observer = Progress::new();
    let done = process(&args, &observer)?;
    observer.finish("the rest");
    let unpunctuated = done
        .out
        .as_ref()
        .is_some_and(|out| out.document.lacks_sentence_punctuation());
    if let Some(out) = &done.out {
        // A refused transcript gets the refusal, not warnings about parts of it.
        let refused = done.mismatch.is_some() && !args.force;
        if progress::warnings_on() {
            for line in unknown_speakers(&args.speaker, &out.document.speakers) {
                eprintln!("podcue: warning: {line}");
            }
        }
        if unpunctuated && !refused && progress::warnings_on() {
            eprintln!("podcue: warning: {UNPUNCTUATED}");
        }
        report_confidence(out, refused);
    }
    if let Some(why) = &done.mismatch
        && !args.force
    {
        let what_to_do = if unpunctuated {
            "The transcript has almost no full stops or question marks, which weakens this \
             check: punctuate it, check that the files belong together, or use --force to \
             write anyway."
        } else {
            CHECK_THE_PAIR
        };
        eprintln!("podcue: error: {}", mismatch_refusal(why, what_to_do));
        return Ok(exit::MISMATCH);
    }
    if let Some(why) = &done.mismatch
        && progress::warnings_on()
    {
        eprintln!("podcue: warning: {}", mismatch_forced(why));
    }
    for f in &done.written {
        progress::info(&format!("wrote {}", f.display()));
    }
    Ok(exit::OK)
}

/// What to do about a refused pair.
pub(crate) const CHECK_THE_PAIR: &str =
    "Check that the files belong together, or use --force to write anyway.";

/// Said when a transcript evidently belongs to other audio and nothing is written.
pub(crate) fn mismatch_refusal(why: &str, what_to_do: &str) -> String {
    format!("the transcript does not seem to match the audio: {why}; nothing written. {what_to_do}")
}

/// Said when such a transcript is written anyway.
pub(crate) fn mismatch_forced(why: &str) -> String {
    format!(
        "the transcript does not seem to match the audio: {why}; written anyway (--force), so \
         expect times that are wrong"
    )
}

/// One line per `--speaker LABEL=Name` whose label the transcript does not have (matched as
/// the captions match them: exactly, or ignoring ASCII case).
pub(crate) fn unknown_speakers(given: &[String], labels: &[String]) -> Vec<String> {
    given
        .iter()
        .filter_map(|s| s.split_once('=').map(|(label, _)| label.trim()))
        .filter(|label| !labels.iter().any(|l| l.eq_ignore_ascii_case(label)))
        .map(|label| {
            let known = if labels.is_empty() {
                "it has no speaker labels".to_string()
            } else {
                format!("its speakers are {}", labels.join(", "))
            };
            format!("--speaker {label}=...: the transcript has no speaker {label} ({known})")
        })
        .collect()
}

/// Said of a transcript without sentence punctuation.
const UNPUNCTUATED: &str = "the transcript has almost no full stops or question marks: \
    podcue aligns on sentences, so its times are rougher; punctuate it for better captions";

pub(crate) fn report_confidence(out: &Output, refused: bool) {
    if !progress::warnings_on() {
        return;
    }
    let report = Report::of(out, refused);
    for line in &report.warnings {
        eprintln!("podcue: warning: {line}");
    }
    for line in &report.low_confidence {
        eprintln!("podcue: warning: {line}");
    }
    for line in &report.notes {
        eprintln!("podcue: note: {line}");
    }
}

/// What `align` says of the alignment's doubtful places, one statement per place.
pub(crate) struct Report {
    /// Audio the transcript does not fit, very quiet audio and paragraphs not heard, the last
    /// two in order of time.
    pub warnings: Vec<String>,
    /// `low confidence from A to B`.
    pub low_confidence: Vec<String>,
    /// Speech the transcript does not cover.
    pub notes: Vec<String>,
}

impl Report {
    /// The messages for `out`; for a refused transcript only its low-confidence spans (the
    /// refusal says the rest).
    ///
    /// A very quiet stretch of audio gets one warning that takes in what would otherwise be
    /// said of its place, in other words: a paragraph not heard there is named in it as
    /// placed nowhere, perhaps that quiet speech, perhaps cut (not flatly "cut in the edit"),
    /// the speech left uncovered there is that quiet speech, and low confidence there is its
    /// consequence (a QA pass: a paragraph at -40 dB was called missing from the audio while a
    /// note called the same seconds uncovered speech).
    pub fn of(out: &Output, refused: bool) -> Report {
        // Low confidence inside those spans is what they already say.
        let unmatched = |s: &Span| {
            out.alignment
                .unmatched
                .iter()
                .any(|u| u.span.start <= s.start && s.end <= u.span.end)
        };
        let low: Vec<Span> = out
            .alignment
            .low_confidence
            .iter()
            .filter(|s| !unmatched(s))
            .copied()
            .collect();
        let low_line = |span: &Span| {
            format!(
                "low confidence from {} to {}",
                podcue::time::vtt(span.start),
                podcue::time::vtt(span.end)
            )
        };
        if refused {
            return Report {
                warnings: Vec::new(),
                low_confidence: low.iter().map(low_line).collect(),
                notes: Vec::new(),
            };
        }
        let quiet = out.quiet_stretches();
        let mostly_in = |s: &Span, q: &QuietStretch| s.overlap(&q.span) >= 0.5 * s.len();
        let mut places: Vec<(f64, String)> = Vec::new();
        let mut paragraphs: Vec<Vec<&Unheard>> = vec![Vec::new(); quiet.len()];
        for u in &out.alignment.unheard {
            // Its place is the quiet stretch's when the paragraph was put aside next to it, or
            // when the audio where it would be is quiet enough of the time to hold half of it.
            // Either way it may be that quiet speech, or cut: the warning says both.
            let gap = unheard_gap(out, u);
            let half = 0.5 * expected_seconds(out, u);
            if let Some(k) = quiet.iter().position(|q| {
                let shared = gap.overlap(&q.span);
                (q.span.start - NEAR_S..=q.span.end + NEAR_S).contains(&u.at)
                    || (shared > 0.0 && shared >= half)
            }) {
                paragraphs[k].push(u);
                continue;
            }
            let turn = turn_span(out, u, gap);
            let mut line = unheard_line(out, u);
            if let Some(q) = quiet.iter().find(|q| turn.overlap(&q.span) > 0.0) {
                line.push_str(&format!(
                    ", unless the very quiet audio of its turn from {} to {} put it out of place",
                    podcue::time::vtt(q.span.start),
                    podcue::time::vtt(q.span.end)
                ));
            }
            places.push((u.at, line));
        }
        let uncovered = out.uncovered_speech();
        for (k, q) in quiet.iter().enumerate() {
            let skipped = uncovered.iter().any(|(span, _)| mostly_in(span, q));
            let doubtful = low.iter().any(|span| mostly_in(span, q));
            places.push((
                q.span.start,
                quiet_line(out, q, &paragraphs[k], skipped, doubtful),
            ));
        }
        places.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut warnings = unmatched_warnings(out);
        warnings.extend(places.into_iter().map(|(_, line)| line));
        Report {
            warnings,
            low_confidence: low
                .iter()
                .filter(|s| !quiet.iter().any(|q| mostly_in(s, q)))
                .map(low_line)
                .collect(),
            notes: uncovered
                .into_iter()
                .filter(|(span, _)| !quiet.iter().any(|q| mostly_in(span, q)))
                .map(|(span, speech)| uncovered_line(span, speech))
                .collect(),
        }
    }
}

/// An unheard paragraph put aside this close to a very quiet stretch (seconds) is said of it.
const NEAR_S: f64 = 1.0;

/// True for a word the alignment gave a length (unheard and unplaced words have none).
fn placed(w: &podcue::align::Timed) -> bool {
    w.end > w.start
}

/// The audio between the words placed before an unheard paragraph and those after it: where
/// it would have been.
fn unheard_gap(out: &Output, u: &Unheard) -> Span {
    let words = &out.alignment.words;
    let before = words[..u.words.start.min(words.len())]
        .iter()
        .rev()
        .find(|w| placed(w))
        .map_or(0.0, |w| w.end);
    let after = words[u.words.end.min(words.len())..]
        .iter()
        .find(|w| placed(w))
        .map_or(out.timeline.duration, |w| w.start);
    Span::new(before.min(u.at), after.max(u.at))
}

/// From the first word of an unheard paragraph's turn that was placed to the first placed
/// word after the turn, taking in `gap`: the audio its turn's words were placed in, or missed.
fn turn_span(out: &Output, u: &Unheard, gap: Span) -> Span {
    let words = &out.alignment.words;
    let doc = &out.document;
    let Some(turn) = doc
        .words
        .get(u.words.start)
        .and_then(|w| doc.turns.get(w.turn))
    else {
        return gap;
    };
    let first = words
        .get(turn.words.clone())
        .and_then(|ws| ws.iter().find(|w| placed(w)))
        .map_or(gap.start, |w| w.start.min(gap.start));
    let after = words
        .get(turn.words.end.min(words.len())..)
        .and_then(|ws| ws.iter().find(|w| placed(w)))
        .map_or(out.timeline.duration, |w| w.start.max(gap.end));
    Span::new(first, after.max(first))
}

/// Seconds of speech an unheard paragraph's words take at its speaker's measured rate.
fn expected_seconds(out: &Output, u: &Unheard) -> f64 {
    let doc = &out.document;
    let rates = &out.alignment.seconds_per_syllable;
    let mean = rates.iter().sum::<f64>() / rates.len().max(1) as f64;
    let rate = doc
        .words
        .get(u.words.start)
        .and_then(|w| doc.turns.get(w.turn))
        .and_then(|t| t.speaker)
        .and_then(|s| rates.get(s).copied())
        .unwrap_or(mean);
    let syllables: f64 = doc.words[u.words.clone()]
        .iter()
        .filter(|w| w.kind == podcue::transcript::WordKind::Spoken)
        .map(|w| f64::from(w.syllables))
        .sum();
    syllables * rate
}

/// `"Its first eight words ..." (N words)`.
fn paragraph_quote(out: &Output, u: &Unheard) -> String {
    let words = &out.document.words[u.words.clone()];
    let opening: Vec<&str> = words.iter().take(8).map(|w| w.text.as_str()).collect();
    let more = if words.len() > 8 { " ..." } else { "" };
    format!("\"{}{more}\" ({} words)", opening.join(" "), words.len())
}

fn unheard_line(out: &Output, u: &Unheard) -> String {
    format!(
        "at {}: a paragraph of the transcript is not in the audio (cut in the edit?), so it has \
         no captions: {}",
        podcue::time::vtt(u.at),
        paragraph_quote(out, u)
    )
}

/// The one warning for a very quiet stretch, with what it did to the alignment there.
fn quiet_line(
    out: &Output,
    q: &QuietStretch,
    paragraphs: &[&Unheard],
    skipped: bool,
    doubtful: bool,
) -> String {
    let quotes: Vec<String> = paragraphs.iter().map(|u| paragraph_quote(out, u)).collect();
    let mut effect = match quotes.as_slice() {
        [] if skipped => ", so no words of the transcript were placed on it: it has no \
             captions, and the words around it may be misplaced"
            .to_string(),
        [] if doubtful => ", so the times of its captions are doubtful".to_string(),
        [] => ", so the times of its captions may be off".to_string(),
        [one] => format!(
            ", and the paragraph {one} is placed nowhere (it has no captions): it may be this \
             quiet speech, or cut in the edit"
        ),
        many => format!(
            ", and {} paragraphs are placed nowhere (they have no captions): {}; they may be \
             this quiet speech, or cut in the edit",
            many.len(),
            many.join(", ")
        ),
    };
    if doubtful && !quotes.is_empty() {
        effect.push_str("; the times around it are doubtful");
    }
    format!(
        "{} to {}: the audio is very quiet, {:.0} dB under the rest of the episode's \
         speech{effect}; raise the level of that stretch (with ffmpeg's volume filter, say) and \
         align again",
        podcue::time::vtt(q.span.start),
        podcue::time::vtt(q.span.end),
        q.under_db
    )
}

fn uncovered_line(span: Span, speech: f64) -> String {
    format!(
        "{} to {}: {} of sound like speech that the transcript does not cover (a sponsor read, \
         applause, or words it leaves out); no captions there",
        podcue::time::vtt(span.start),
        podcue::time::vtt(span.end),
        speech_length(speech)
    )
}

/// `13.5 s`, or `6 min 53 s` from a minute up (a part of the episode the transcript leaves
/// out reads better in minutes).
fn speech_length(seconds: f64) -> String {
    if seconds < 59.95 {
        format!("{seconds:.1} s")
    } else {
        let whole = seconds.round() as u64;
        format!("{} min {} s", whole / 60, whole % 60)
    }
}

/// One line per stretch of audio the transcript does not fit though it fits elsewhere.
pub(crate) fn unmatched_warnings(out: &Output) -> Vec<String> {
    out.alignment
        .unmatched
        .iter()
        .map(|u| {
            let why = match u.voice_evidence {
                Some(voice) => format!(
                    "its speakers' sentences there do not sound like one voice each: voice \
                     evidence {voice:.2}, order evidence {:.2}, {:.2} where it fits",
                    u.order_evidence, u.elsewhere
                ),
                None => format!(
                    "its sentences there fit the pauses no better in their own order than \
                     shuffled: order evidence {:.2}, {:.2} where it fits",
                    u.order_evidence, u.elsewhere
                ),
            };
            format!(
                "the transcript does not seem to match the audio from {} to {} ({why})",
                podcue::time::vtt(u.span.start),
                podcue::time::vtt(u.span.end),
            )
        })
        .collect()
}

/// Writes every requested output (and the review page with `--review`) into `args.output`;
/// returns the paths written.
pub(crate) fn write_outputs(
    out: &Output,
    args: &Args,
    config: &Config,
    stem: &str,
) -> anyhow::Result<Vec<PathBuf>> {
    let speakers = Speakers::new(&out.document.speakers, &config.captions.speaker_names);
    let write = |f: OutputKind, w: &mut dyn std::io::Write| match f {
        OutputKind::Vtt => vtt::write(w, &out.cues, &speakers),
        OutputKind::Srt => srt::write(w, &out.cues, &speakers),
        OutputKind::Json => transcript_json::write(w, &out.cues, &speakers),
        OutputKind::Words => {
            words_json::write(w, &out.document, &out.alignment, &out.cues, &speakers)
        }
        OutputKind::Chapters => chapters_json::write(&out.chapters, w),
        OutputKind::Html => html::write(w, &out.cues, &speakers),
        OutputKind::Txt => html::write_text(w, &out.cues, &speakers),
    };
    if writes_to_stdout(args) {
        let mut stdout = std::io::stdout().lock();
        if let Err(e) =
            write(args.format[0], &mut stdout).and_then(|()| std::io::Write::flush(&mut stdout))
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            return Err(anyhow::Error::from(e).context("cannot write to standard output"));
        }
        return Ok(Vec::new());
    }
    let inputs = [args.audio.as_path(), args.transcript.as_path()];
    let mut seen = Vec::new();
    // All or none: a failure on the last output (a full disk) leaves the earlier ones unwritten.
    let mut staged = atomic::Staged::default();
    for &f in &args.format {
        if seen.contains(&f) {
            continue;
        }
        seen.push(f);
        let target = args.output.join(f.file_name(stem));
        check_not_input(&target, &inputs)?;
        staged.write(&target, |w| write(f, w))?;
    }
    if args.review {
        let target = args.output.join(format!("{stem}.review.html"));
        check_not_input(&target, &inputs)?;
        super::review::write_page(out, &args.audio, &target, &speakers, &mut staged)?;
    }
    Ok(staged.commit()?)
}

#[cfg(test)]
mod tests {
    use super::{speech_length, unknown_speakers};

    #[test]
    fn a_speaker_name_for_a_label_the_transcript_lacks_is_named() {
        let labels = ["TOM".to_string(), "ANA".to_string()];
        let given = ["tom=Tom Kessler".to_string(), "NOBODY=X".to_string()];
        let lines = unknown_speakers(&given, &labels);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("NOBODY") && lines[0].contains("TOM, ANA"));
    }

    #[test]
    fn skipped_speech_reads_in_minutes_from_a_minute_up() {
        assert_eq!(speech_length(13.46), "13.5 s");
        assert_eq!(speech_length(59.9), "59.9 s");
        assert_eq!(speech_length(59.96), "1 min 0 s");
        assert_eq!(speech_length(413.0), "6 min 53 s");
    }
}
