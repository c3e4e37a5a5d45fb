//! `podcue batch`: align every episode of a folder or manifest, in parallel, skipping those
//! already done, with a summary table and a JSON report.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use anyhow::Context;
use podcue::batch::{self, Episode, Shard};
use podcue::progress::Observer;
use rayon::prelude::*;
use serde::Serialize;

use super::align::{self, OutputKind};
use super::exit;
use super::progress;

/// Align every episode of a folder (audio and transcript paired by file stem) or of a manifest,
/// several at a time.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue batch episodes/ -o out/ --report report.json
  podcue batch manifest.csv --jobs 4 --shard 2/8
  podcue batch episodes.jsonl -o out/ --force --format vtt,chapters

A folder pairs AUDIO.{mp3,m4a,m4b,mp4,flac,ogg,opus,wav,aiff} with AUDIO.{txt,md,srt,vtt}.
A manifest is CSV with the header audio,transcript,output (output optional) or JSON lines
{\"audio\": ..., \"transcript\": ..., \"output\": ...}; relative paths are taken from the
manifest's folder. Episodes whose outputs all exist and are newer than both inputs are skipped
(--force redoes them). --shard I/N takes every N-th episode in audio-path order starting at
the I-th, so N machines given 1/N..N/N cover the catalogue exactly once.
Exit codes: 0 all ok or skipped, 1 an episode failed, 3 none failed but some transcripts did
not match their audio (not written; --allow-mismatch writes them).")]
pub struct Args {
    /// A folder of episodes, or a manifest (.csv or JSON lines).
    #[arg(value_name = "DIR|MANIFEST")]
    pub input: PathBuf,
    /// Output folder for episodes whose manifest row names none (created if missing).
    #[arg(short, long, default_value = ".")]
    pub output: PathBuf,
    /// Episodes processed at once (each holds one episode's features in memory).
    #[arg(short, long, default_value_t = 2)]
    pub jobs: usize,
    /// Process only shard I of N (1 <= I <= N), e.g. 3/10.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Redo episodes whose outputs are already up to date.
    #[arg(long)]
    pub force: bool,
    /// Write the outputs even for episodes whose transcript does not seem to match.
    #[arg(long)]
    pub allow_mismatch: bool,
    /// Write a JSON report of every episode to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Outputs to write per episode, comma-separated (as `podcue align --format`).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "vtt,srt,json,words,chapters"
    )]
    pub format: Vec<OutputKind>,
    /// Also write STEM.review.html for each episode.
    #[arg(long)]
    pub review: bool,
    /// Caption style: netflix, bbc, podcast, dcmp.
    #[arg(long, default_value = "netflix")]
    pub style: String,
}

/// What happened to one episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Aligned and written.
    Ok,
    /// Outputs already up to date.
    Skipped,
    /// An error (or a panic) stopped this episode.
    Failed,
    /// The transcript does not match the audio; not written.
    Mismatch,
}

/// One row of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    audio: PathBuf,
    transcript: PathBuf,
    output: PathBuf,
    status: Status,
    error: Option<String>,
    /// Episode length, seconds (when it was decoded).
    duration_s: Option<f64>,
    /// Wall-clock time spent on it, seconds.
    seconds: f64,
    mean_confidence: Option<f32>,
    warnings: Vec<String>,
}

/// Collects one episode's warnings (printed with its name, never interleaved mid-line).
struct Collect(Mutex<Vec<String>>);

impl Observer for Collect {
    fn warn(&self, message: &str) {
        if let Ok(mut v) = self.0.lock() {
            v.push(message.to_string());
        }
    }
}

fn align_args(args: &Args, ep: &Episode) -> align::Args {
    align::Args {
        audio: ep.audio.clone(),
        transcript: ep.transcript.clone(),
        output: ep.output.clone().unwrap_or_else(|| args.output.clone()),
        format: args.format.clone(),
        style: args.style.clone(),
        max_chars: None,
        max_lines: None,
        sound_tags: "keep".into(),
        speaker: Vec::new(),
        language: None,
        min_chapter: 30.0,
        force: args.allow_mismatch,
        review: args.review,
        debug_dump: None,
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

fn run_one(args: &Args, ep: &Episode, clash: Option<&PathBuf>) -> Row {
    let a = align_args(args, ep);
    let t0 = Instant::now();
    let mut row = Row {
        audio: ep.audio.clone(),
        transcript: ep.transcript.clone(),
        output: a.output.clone(),
        status: Status::Failed,
        error: None,
        duration_s: None,
        seconds: 0.0,
        mean_confidence: None,
        warnings: Vec::new(),
    };
    if let Some(other) = clash {
        row.error = Some(format!(
            "its outputs would overwrite those of {}",
            other.display()
        ));
        return row;
    }
    if !args.force && batch::up_to_date(&ep.audio, &ep.transcript, &align::output_paths(&a)) {
        row.status = Status::Skipped;
        return row;
    }
    let collect = Collect(Mutex::new(Vec::new()));
    let result = catch_unwind(AssertUnwindSafe(|| align::process(&a, &collect)));
    row.seconds = t0.elapsed().as_secs_f64();
    row.warnings = collect.0.into_inner().unwrap_or_default();
    match result {
        Ok(Ok(done)) => {
            row.duration_s = Some(done.duration);
            row.mean_confidence = done.out.as_ref().map(|o| o.alignment.mean_confidence);
            if let Some(why) = done.mismatch.filter(|_| !args.allow_mismatch) {
                row.status = Status::Mismatch;
                row.error = Some(format!(
                    "the transcript does not seem to match the audio: {why}; nothing written"
                ));
            } else {
                row.status = Status::Ok;
                if let Some(out) = &done.out {
                    row.warnings.extend(align::unmatched_warnings(out));
                    row.warnings.extend(align::uncovered_notes(out));
                }
            }
        }
        Ok(Err(e)) => row.error = Some(super::error_line(&e)),
        Err(p) => row.error = Some(format!("internal error (panic): {}", panic_message(&*p))),
    }
    row
}

fn summary(rows: &[Row]) {
    if !progress::warnings_on() || rows.is_empty() {
        return;
    }
    let name = |r: &Row| {
        r.audio
            .file_name()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
    };
    let w = rows
        .iter()
        .map(|r| name(r).chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    eprintln!(
        "{:<w$}  {:<8}  {:>9}  {:>8}  {:>5}  note",
        "episode", "status", "duration", "time", "conf"
    );
    for r in rows {
        let status = format!("{:?}", r.status).to_lowercase();
        let dur = r.duration_s.map_or("-".into(), podcue::time::youtube);
        let secs = if r.status == Status::Skipped {
            "-".into()
        } else {
            format!("{:.1}s", r.seconds)
        };
        let conf = r.mean_confidence.map_or("-".into(), |c| format!("{c:.2}"));
        let note = r.error.clone().unwrap_or_default();
        eprintln!(
            "{:<w$}  {status:<8}  {dur:>9}  {secs:>8}  {conf:>5}  {note}",
            name(r)
        );
    }
    let count = |s: Status| rows.iter().filter(|r| r.status == s).count();
    eprintln!(
        "{} episodes: {} ok, {} skipped, {} failed, {} mismatch",
        rows.len(),
        count(Status::Ok),
        count(Status::Skipped),
        count(Status::Failed),
        count(Status::Mismatch)
    );
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let plan = batch::plan(&args.input)?;
    for u in &plan.unpaired {
        if progress::warnings_on() {
            eprintln!(
                "podcue: warning: {}: skipped: {}",
                u.path.display(),
                u.reason
            );
        }
    }
    let episodes = match args.shard {
        Some(s) => s.select(plan.episodes),
        None => plan.episodes,
    };
    // Two episodes writing the same files would race: the later one is refused.
    let mut owners: HashMap<PathBuf, PathBuf> = HashMap::new();
    let clashes: Vec<Option<PathBuf>> = episodes
        .iter()
        .map(|ep| {
            let a = align_args(&args, ep);
            let key = a.output.join(align::stem_of(&ep.audio));
            match owners.get(&key) {
                Some(first) => Some(first.clone()),
                None => {
                    owners.insert(key, ep.audio.clone());
                    None
                }
            }
        })
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.max(1))
        .build()
        .context("cannot start the worker threads")?;
    let bar = progress::bar(
        episodes.len() as u64,
        "{pos}/{len} episodes [{bar:40}] {elapsed_precise} eta {eta} {msg}",
    );
    let rows: Vec<Row> = pool.install(|| {
        episodes
            .par_iter()
            .zip(clashes.par_iter())
            .map(|(ep, clash)| {
                bar.set_message(align::stem_of(&ep.audio));
                let row = run_one(&args, ep, clash.as_ref());
                if progress::warnings_on() {
                    bar.suspend(|| {
                        for w in &row.warnings {
                            eprintln!("podcue: warning: {}: {w}", ep.audio.display());
                        }
                        if let Some(e) = &row.error {
                            // Most errors already start with the file they concern.
                            let name = ep.audio.display().to_string();
                            if e.contains(&name) {
                                eprintln!("podcue: error: {e}");
                            } else {
                                eprintln!("podcue: error: {name}: {e}");
                            }
                        }
                    });
                }
                bar.inc(1);
                row
            })
            .collect()
    });
    bar.finish_and_clear();
    summary(&rows);
    if let Some(path) = &args.report {
        let report = serde_json::json!({ "episodes": rows });
        let text = serde_json::to_string_pretty(&report)?;
        podcue::write::atomic::write_bytes(path, text.as_bytes())?;
        progress::info(&format!("wrote {}", path.display()));
    }
    let any = |s: Status| rows.iter().any(|r| r.status == s);
    Ok(if any(Status::Failed) {
        exit::FAILURE
    } else if any(Status::Mismatch) {
        exit::MISMATCH
    } else {
        exit::OK
    })
}
