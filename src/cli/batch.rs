//! `podcue batch`: align every episode of a folder or manifest, in parallel, skipping those
//! already done, with a summary table and a JSON report.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, bail};
use podcue::batch::{self, Episode, Plan, Shard};
use podcue::progress::Observer;
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

A folder pairs AUDIO.{mp3,m4a,m4b,mp4,flac,ogg,opus,wav,aiff} with AUDIO.{txt,md,srt,vtt}
(the first of those that exists); files it cannot pair, and a second transcript such as
AUDIO.md beside AUDIO.txt, are named in warnings. A manifest is CSV with the header
audio,transcript,output (output optional) or JSON lines
{\"audio\": ..., \"transcript\": ..., \"output\": ...}; relative paths are taken from the
manifest's folder. A folder or manifest without any episode is an error. Options and the
--report file are checked before any episode runs. Episodes whose outputs all exist and are
newer than both inputs are skipped (--force redoes them). --shard I/N takes every N-th
episode in audio-path order starting at the I-th, so N machines given 1/N..N/N cover the
catalogue exactly once (a shard left with no episode exits 0).
Exit codes: 0 all ok or skipped, 1 an episode failed (or a bad -o or --report, or no
episodes), 2 usage error (an unknown --style too), 3 none failed but some transcripts did not match their audio (not
written; --allow-mismatch writes them).")]
pub struct Args {
    /// A folder of episodes, or a manifest (.csv or JSON lines).
    #[arg(value_name = "DIR|MANIFEST")]
    pub input: PathBuf,
    /// Output folder for episodes whose manifest row names none (created if missing).
    #[arg(short, long, default_value = ".")]
    pub output: PathBuf,
    /// Episodes processed at once, 1 to 1024 (each holds one episode's features in memory);
    /// more than 4 per CPU run as 4 per CPU.
    #[arg(
        short,
        long,
        default_value_t = 2,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1024)
    )]
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
    /// Write a JSON report of every episode to FILE (its folder is created if missing).
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
    #[arg(long, default_value = "netflix", value_parser = clap::builder::PossibleValuesParser::new(podcue::captions::CaptionConfig::PRESETS))]
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
                    let report = align::Report::of(out, false);
                    row.warnings.extend(report.warnings);
                    row.warnings.extend(report.notes);
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

/// Episodes at once, and worker threads, per CPU at most. An episode's work is CPU-bound, so
/// more than that only adds memory (each holds its features) and thread overhead, and
/// thousands of threads exhaust the system's; four per CPU still leaves room for episodes
/// waiting on a slow disk or network share.
const JOBS_PER_CPU: usize = 4;

/// The options every episode shares, checked once: a bad one would fail each episode alike.
fn check_options(args: &Args) -> anyhow::Result<()> {
    let none = Episode {
        audio: PathBuf::new(),
        transcript: PathBuf::new(),
        output: None,
    };
    align::caption_config(&align_args(args, &none))?;
    if args.output == Path::new("-") {
        bail!(
            "-o -: batch writes each episode's files into a folder; give -o a folder (podcue \
             align -o - writes one episode's output to stdout)"
        );
    }
    if args.output.exists() && !args.output.is_dir() {
        bail!(
            "{}: is a file, not a folder; -o names the folder the outputs go into",
            args.output.display()
        );
    }
    Ok(())
}

/// An empty catalogue is an error: a mistyped folder or a manifest without rows would
/// otherwise pass for a finished batch.
fn check_not_empty(args: &Args, plan: &Plan) -> anyhow::Result<()> {
    if !plan.episodes.is_empty() {
        return Ok(());
    }
    if args.input.is_dir() {
        bail!(
            "no episodes found in {}: expected pairs like NAME.mp3 + NAME.txt (audio and \
             transcript with the same name; see podcue batch --help)",
            args.input.display()
        );
    }
    bail!(
        "no episodes listed in {}: expected CSV rows under the header audio,transcript[,output], \
         or JSON lines {{\"audio\": ..., \"transcript\": ...}}",
        args.input.display()
    );
}

/// Checks the `--report` file before any episode runs, so that a wrong path costs seconds,
/// not the whole batch: it must not be an input or an output of any episode (of any shard),
/// nor a folder, and its folder must be writable (it is created if missing, as `-o` is).
fn check_report(report: &Path, args: &Args, plan: &Plan) -> anyhow::Result<()> {
    const WHAT_TO_DO: &str = "choose another --report file";
    if report.is_dir() {
        bail!(
            "{}: is a folder; --report names the JSON file to write, e.g. {}",
            report.display(),
            report.join("report.json").display()
        );
    }
    // An existing file only: a missing one cannot be an input that exists. The files a folder
    // could not pair are the user's audio and transcripts too.
    if report.exists() {
        let mut inputs: Vec<&Path> = plan
            .episodes
            .iter()
            .flat_map(|e| [e.audio.as_path(), e.transcript.as_path()])
            .chain(plan.unpaired.iter().map(|u| u.path.as_path()))
            .collect();
        if args.input.is_file() {
            inputs.push(&args.input);
        }
        super::refuse_overwriting_input(report, &inputs, WHAT_TO_DO)?;
    }
    let folder = report
        .parent()
        .filter(|f| !f.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if folder.exists() && !folder.is_dir() {
        bail!(
            "{}: is a file, so the --report file cannot go in it; {WHAT_TO_DO}",
            folder.display()
        );
    }
    if let Err(e) = std::fs::create_dir_all(folder) {
        bail!(
            "{}: cannot create the folder of the --report file ({e}); {WHAT_TO_DO}",
            folder.display()
        );
    }
    // The report is written to a temporary file beside it and renamed: try just that.
    let probe = folder.join(format!(".podcue-report-check-{}.tmp", std::process::id()));
    match std::fs::File::create(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
        }
        Err(e) => {
            bail!(
                "{}: cannot write the report into {} ({e}); {WHAT_TO_DO}",
                report.display(),
                folder.display()
            );
        }
    }
    // Outputs may not exist yet: compared once the report's folder exists, which theirs is
    // if they are the same file. Only same-named ones can be (a link aside).
    let name = report.file_name().unwrap_or_default().to_string_lossy();
    for ep in &plan.episodes {
        for out in align::output_paths(&align_args(args, ep)) {
            let same_name = out
                .file_name()
                .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case(&name));
            if same_name && podcue::input::same_file(report, &out) {
                // Named as the episode names it when the spellings differ.
                let alias = if out == report {
                    String::new()
                } else {
                    format!(" (as {})", out.display())
                };
                bail!(
                    "{}: is also an output of {}{alias}; the report would overwrite it; \
                     {WHAT_TO_DO}",
                    report.display(),
                    ep.audio.display()
                );
            }
        }
    }
    Ok(())
}

/// Where an episode's outputs go, spelled one way: `out`, `./out`, `out/` and its absolute path
/// are one folder (a manifest may name it each way), and two episodes of one stem writing there
/// would race on the same files. A folder that exists is resolved through its links too.
fn output_key(output: &Path, stem: &str) -> PathBuf {
    let dir = std::fs::canonicalize(output)
        .or_else(|_| std::path::absolute(output))
        .unwrap_or_else(|_| output.to_path_buf());
    dir.join(stem)
}

/// Prints one finished episode's warnings (unless `-q`) and error (always: `-q` keeps errors).
fn print_outcome(ep: &Episode, row: &Row) {
    if progress::warnings_on() {
        for w in &row.warnings {
            eprintln!("podcue: warning: {}: {w}", ep.audio.display());
        }
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
}

/// Runs the episodes, `jobs` at a time, and returns their rows in the episodes' order.
fn run_all(
    args: &Args,
    episodes: &[Episode],
    clashes: &[Option<PathBuf>],
) -> anyhow::Result<Vec<Row>> {
    let cpus = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let threads = args.jobs.min(JOBS_PER_CPU * cpus);
    if threads < args.jobs.min(episodes.len()) && progress::warnings_on() {
        eprintln!(
            "podcue: note: -j {}: running {threads} at once ({JOBS_PER_CPU} per CPU; more would \
             only use more memory)",
            args.jobs
        );
    }
    // The episodes' own parallel stages run on this pool, as many threads as -j allows.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the worker threads; try a smaller -j")?;
    let bar = progress::bar(
        episodes.len() as u64,
        "{pos}/{len} episodes [{bar:40}] {elapsed_precise} eta {eta} {msg}",
    );
    let next = AtomicUsize::new(0);
    let rows: Mutex<Vec<Option<Row>>> = Mutex::new(vec![None; episodes.len()]);
    // One plain thread per job takes the next episode and waits for it: a rayon task per
    // episode would let a worker waiting inside one episode start another on its stack, so
    // more than -j episodes (and their memory) would be in flight.
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(ep) = episodes.get(i) else { break };
            bar.set_message(align::stem_of(&ep.audio));
            let row = pool.install(|| run_one(args, ep, clashes.get(i).and_then(Option::as_ref)));
            bar.suspend(|| print_outcome(ep, &row));
            bar.inc(1);
            if let Ok(mut rows) = rows.lock() {
                rows[i] = Some(row);
            }
        }
    };
    std::thread::scope(|s| -> anyhow::Result<()> {
        for _ in 0..threads.min(episodes.len()) {
            std::thread::Builder::new()
                .spawn_scoped(s, work)
                .context("cannot start the worker threads; try a smaller -j")?;
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    let rows = rows.into_inner().unwrap_or_default();
    Ok(rows.into_iter().flatten().collect())
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    check_options(&args)?;
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
    check_not_empty(&args, &plan)?;
    if let Some(report) = &args.report {
        check_report(report, &args, &plan)?;
    }
    let total = plan.episodes.len();
    let episodes = match args.shard {
        Some(s) => s.select(plan.episodes),
        None => plan.episodes,
    };
    if let (Some(s), true) = (args.shard, episodes.is_empty()) {
        progress::info(&format!(
            "shard {}/{} has no episodes: the catalogue has {total}",
            s.index, s.count
        ));
    }
    // Two episodes writing the same files would race: the later one is refused.
    let mut owners: HashMap<PathBuf, PathBuf> = HashMap::new();
    let clashes: Vec<Option<PathBuf>> = episodes
        .iter()
        .map(|ep| {
            let a = align_args(&args, ep);
            let key = output_key(&a.output, &align::stem_of(&ep.audio));
            match owners.get(&key) {
                Some(first) => Some(first.clone()),
                None => {
                    owners.insert(key, ep.audio.clone());
                    None
                }
            }
        })
        .collect();
    let rows = run_all(&args, &episodes, &clashes)?;
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
