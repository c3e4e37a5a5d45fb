//! The command line: the only place with clap, printing, progress bars and exit codes.

mod align;
mod batch;
mod chapters;
mod check;
mod completions;
mod eval;
mod progress;
mod review;
mod segment;
mod split;
mod tag;

use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit codes, as documented in `--help` and the README.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// Failure (bad input, I/O error, ...).
    pub const FAILURE: u8 = 1;
    /// Usage error.
    pub const USAGE: u8 = 2;
    /// The transcript evidently does not match the audio.
    pub const MISMATCH: u8 = 3;
    /// Interrupted (Ctrl-C).
    pub const INTERRUPTED: u8 = 130;
}

const AFTER_HELP: &str = "\
Examples:
  podcue align episode.mp3 transcript.txt -o out/
  podcue segment episode.mp3 --json
  podcue check captions.vtt --style bbc
  podcue review episode.mp3 transcript.txt -o review.html
  podcue batch episodes/ -o out/ --report report.json
  podcue eval --truth episode.truth.json out/episode.vtt

Exit codes: 0 ok, 1 failure, 2 usage error, 3 transcript does not match the audio, 130 interrupted.";

/// Timed captions and chapters from an episode's audio and its plain transcript.
#[derive(Parser)]
#[command(name = "podcue", version, about, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print errors only: no warnings, no progress.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print how long each stage took.
    #[arg(short, long, global = true)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    Align(align::Args),
    Segment(segment::Args),
    Check(check::Args),
    Chapters(chapters::Args),
    Tag(tag::Args),
    Split(split::Args),
    Review(review::Args),
    Batch(batch::Args),
    Eval(eval::Args),
    Completions(completions::Args),
    Man(completions::ManArgs),
}

/// Parses the arguments, runs the subcommand, maps the outcome to an exit code.
pub fn run() -> ExitCode {
    // Ctrl-C: remove half-written temporary files, leave every finished output as it was.
    let _ = ctrlc::set_handler(|| {
        // Held until the process exits: no output is made or renamed after the clean-up.
        let _writers_stopped = podcue::write::atomic::remove_in_flight();
        eprintln!("podcue: interrupted");
        std::process::exit(i32::from(exit::INTERRUPTED));
    });
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    progress::set_level(if cli.quiet {
        progress::Level::Quiet
    } else if cli.verbose {
        progress::Level::Verbose
    } else {
        progress::Level::Normal
    });
    let result = match cli.command {
        Command::Align(args) => align::run(args),
        Command::Segment(args) => segment::run(args),
        Command::Check(args) => check::run(args),
        Command::Chapters(args) => chapters::run(args),
        Command::Tag(args) => tag::run(args),
        Command::Split(args) => split::run(args),
        Command::Review(args) => review::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => completions::run_man(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("podcue: error: {}", error_line(&e));
            ExitCode::from(exit::FAILURE)
        }
    }
}

/// True, having said why, when the audio path is `-`: a usage error (exit 2) said before any
/// work, as the audio cannot come from stdin.
pub(crate) fn stdin_audio(audio: &Path) -> bool {
    let stdin = audio == Path::new("-") && !audio.exists();
    if stdin {
        eprintln!("podcue: error: {}", podcue::input::STDIN_AUDIO);
    }
    stdin
}

/// An error and its causes on one line, as `{:#}` gives them, but without a cause that the
/// line already ends with (our I/O errors print their cause in their own message).
pub(crate) fn error_line(e: &anyhow::Error) -> String {
    let mut line = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !line.ends_with(&cause) {
            line.push_str(": ");
            line.push_str(&cause);
        }
    }
    line
}

/// Refuses to write `target` when it is one of `inputs` (under any name: a symbolic or hard
/// link, another spelling): the run would destroy what it reads. `what_to_do` ends the error.
pub(crate) fn refuse_overwriting_input(
    target: &Path,
    inputs: &[&Path],
    what_to_do: &str,
) -> anyhow::Result<()> {
    if inputs.iter().any(|i| podcue::input::same_file(target, i)) {
        anyhow::bail!(
            "{}: output would overwrite an input; {what_to_do}",
            target.display()
        );
    }
    Ok(())
}

/// `--max-chars`: characters per caption line, the same range for `align` (and the commands
/// that share its flags) as for `check`, which checks files made with it.
pub(crate) fn max_chars() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::<usize>::new().range(8..=1000)
}

/// A style's limits with `--max-chars` and `--max-lines` given, for `align` (and the commands
/// that share its flags) and for `check`, which checks the files made with them.
pub(crate) fn override_limits(
    style: &mut podcue::captions::CaptionConfig,
    max_chars: Option<usize>,
    max_lines: Option<usize>,
) {
    if let Some(n) = max_chars {
        style.max_chars = n;
    }
    if let Some(n) = max_lines {
        style.max_lines = n;
    }
}

/// `--max-lines`: lines per caption, as [`max_chars`].
pub(crate) fn max_lines() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::<usize>::new().range(1..=20)
}

/// A length in seconds, 0 or more (`--min-chapter`): clap's parser for it, so NaN, infinity
/// and negative numbers are usage errors, not silently 0.
pub(crate) fn seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && s >= 0.0 => Ok(s),
        _ => Err(format!(
            "{text:?} is not a number of seconds; give 0 or more, e.g. 30"
        )),
    }
}

/// A length in seconds above 0 (an episode's `--duration`).
pub(crate) fn positive_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 => Ok(s),
        _ => Err(format!(
            "{text:?} is not a length in seconds; give a number above 0, e.g. 3600.5"
        )),
    }
}

/// A `--speaker LABEL=Full Name` value: both sides non-empty.
pub(crate) fn speaker_name(text: &str) -> Result<String, String> {
    match text.split_once('=') {
        Some((label, name)) if !label.trim().is_empty() && !name.trim().is_empty() => {
            Ok(text.to_string())
        }
        _ => Err(format!(
            "{text:?}: expected LABEL=Full Name, e.g. 'TOM=Tom Kessler'"
        )),
    }
}
