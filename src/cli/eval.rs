//! `podcue eval`: score captions, chapters and word times against a truth file, a reference
//! caption file, or a whole folder of truths; the report goes to stdout (it is the data).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use podcue::eval::{self, EpisodeScore, Truth};

use super::exit;

/// Measure captions (and chapters, word times) against the truth: cue and turn start errors,
/// word coverage, caption shape, chapters. The same metrics as the corpus `score.py`.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue eval --truth episode.truth.json out/episode.vtt --chapters out/episode.chapters.json
  podcue eval --truth episode.truth.json out/episode.vtt --words out/episode.words.json --json
  podcue eval --reference human.vtt out/episode.vtt
  podcue eval --dir corpus/ --out-dir out/

With --dir, every TRUTHDIR/ID.truth.json is scored against OUTDIR/ID.vtt (and ID.chapters.json,
ID.words.json when present); a missing ID.vtt scores coverage 0. Errors are prediction minus
truth; percentiles interpolate linearly between order statistics.")]
pub struct Args {
    /// The caption file to score (WebVTT).
    #[arg(required_unless_present = "dir", conflicts_with = "dir")]
    pub vtt: Option<PathBuf>,
    /// Truth file (`ID.truth.json`: words with times, turns, chapters).
    #[arg(long, value_name = "TRUTH.json", required_unless_present_any = ["reference", "dir"], conflicts_with_all = ["reference", "dir"])]
    pub truth: Option<PathBuf>,
    /// Compare against another caption file of the same transcript instead of a truth file
    /// (its words spread evenly inside its cues; no turns, no chapters).
    #[arg(long, value_name = "REF.vtt", conflicts_with = "dir")]
    pub reference: Option<PathBuf>,
    /// Podcasting 2.0 chapters file to score too (against --truth: a reference has no chapters).
    #[arg(long, value_name = "OUT.chapters.json", conflicts_with = "dir")]
    pub chapters: Option<PathBuf>,
    /// Word times file (`STEM.words.json`) to score too.
    #[arg(long, value_name = "OUT.words.json", conflicts_with = "dir")]
    pub words: Option<PathBuf>,
    /// Score a whole set: the folder of `ID.truth.json` files.
    #[arg(long, value_name = "TRUTHDIR", requires = "out_dir")]
    pub dir: Option<PathBuf>,
    /// With --dir: the folder of `ID.vtt`, `ID.chapters.json`, `ID.words.json` outputs.
    #[arg(long, value_name = "OUTDIR", requires = "dir")]
    pub out_dir: Option<PathBuf>,
    /// Print one JSON object instead of the text report.
    #[arg(long)]
    pub json: bool,
    /// With --json and one episode: include every cue's errors.
    #[arg(long)]
    pub per_cue: bool,
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    podcue::input::read_text(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Reads an optional output of a set; a missing file is None, any other failure an error.
fn read_opt(path: &Path) -> anyhow::Result<Option<Vec<u8>>> {
    match podcue::input::read_text(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

fn emit(text: &str) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(exit::OK),
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if let (Some(dir), Some(out_dir)) = (&args.dir, &args.out_dir) {
        return run_set(dir, out_dir, args.json);
    }
    let Some(vtt_path) = &args.vtt else {
        bail!("give the caption file to score");
    };
    // A reference caption file has no chapters to compare with: scoring them against it would
    // report "truth 0" as if that were a measurement. A usage error (exit 2), before any work.
    if args.reference.is_some() && args.chapters.is_some() {
        eprintln!(
            "podcue: error: --chapters cannot be scored against --reference (a caption file has \
             no chapters); score chapters with --truth TRUTH.json, or leave out --chapters"
        );
        return Ok(exit::USAGE);
    }
    let truth = match (&args.truth, &args.reference) {
        (Some(t), _) => Truth::from_json(&read(t)?, t)?,
        (None, Some(r)) => {
            let id = r
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let truth = Truth::from_reference_vtt(&read_webvtt(r)?, &id);
            if truth.words.is_empty() {
                bail!("{}: no valid cues with words", r.display());
            }
            truth
        }
        (None, None) => bail!("give --truth, --reference or --dir"),
    };
    let vtt = read_webvtt(vtt_path)?;
    let chapters = args.chapters.as_deref().map(read).transpose()?;
    let mut score = eval::score_episode(&truth, Some(&vtt), chapters.as_deref());
    if let Some(wp) = &args.words {
        let (ws, errs) = eval::score_words(&truth, &read(wp)?, wp)?;
        score.words = Some(ws);
        score.pooled.word = errs;
    }
    if args.json {
        let mut v = serde_json::to_value(&score)?;
        if args.per_cue {
            v["per_cue"] = serde_json::to_value(&score.per_cue)?;
        }
        emit(&format!("{}\n", serde_json::to_string_pretty(&v)?))
    } else {
        emit(&eval::episode_text(&score))
    }
}

/// Reads a caption file that eval reads as WebVTT (the captions scored, or the reference), and
/// refuses an SRT file there by name rather than scoring it as a file without valid cues.
fn read_webvtt(path: &Path) -> anyhow::Result<Vec<u8>> {
    let bytes = read(path)?;
    if looks_like_srt(&String::from_utf8_lossy(&bytes)) {
        bail!(
            "{}: this is SRT; eval reads WebVTT, as the corpus's score.py does (podcue writes \
             STEM.vtt beside STEM.srt; convert another SRT file with `ffmpeg -i {} OUT.vtt`)",
            path.display(),
            path.display()
        );
    }
    Ok(bytes)
}

/// An SRT file (a cue number, then a timing line with a comma before the milliseconds), given
/// where WebVTT is scored: a mistake to name, not a file of invalid cues to count.
fn looks_like_srt(text: &str) -> bool {
    let mut lines = text.trim_start_matches('\u{feff}').lines().map(str::trim);
    let first = lines.find(|l| !l.is_empty());
    first.is_some_and(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_digit()))
        && lines
            .next()
            .is_some_and(|l| l.contains("-->") && l.contains(','))
}

fn run_set(dir: &Path, out_dir: &Path, json: bool) -> anyhow::Result<u8> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(".truth.json"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no *.truth.json in {}", dir.display());
    }
    let mut results: Vec<EpisodeScore> = Vec::new();
    for f in &files {
        let truth = Truth::from_json(&read(f)?, f)?;
        let base = |ext: &str| out_dir.join(format!("{}{ext}", truth.id));
        let vtt = read_opt(&base(".vtt"))?;
        let chapters = read_opt(&base(".chapters.json"))?;
        let mut score = eval::score_episode(&truth, vtt.as_deref(), chapters.as_deref());
        let wp = base(".words.json");
        if let Some(words) = read_opt(&wp)? {
            let (ws, errs) = eval::score_words(&truth, &words, &wp)?;
            score.words = Some(ws);
            score.pooled.word = errs;
        }
        results.push(score);
    }
    let agg = eval::aggregate(&results);
    if json {
        let v = serde_json::json!({ "episodes": results, "aggregate": agg });
        emit(&format!("{}\n", serde_json::to_string_pretty(&v)?))
    } else {
        emit(&eval::set_text(&results, &agg))
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like_srt;

    #[test]
    fn srt_is_told_from_webvtt() {
        assert!(looks_like_srt("1\n00:00:01,000 --> 00:00:02,000\nHello\n"));
        assert!(looks_like_srt(
            "\u{feff}\n1\r\n00:00:01,000 --> 00:00:02,000\r\n"
        ));
        assert!(!looks_like_srt(
            "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n"
        ));
        assert!(!looks_like_srt(
            "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHi\n"
        ));
        assert!(!looks_like_srt(""));
    }
}
