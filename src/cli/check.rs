//! `podcue check`: lint a caption file; the report goes to stdout (it is the command's data).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use podcue::captions::CaptionConfig;
use podcue::check::{self, Format, Severity};

use super::exit;

/// Lint a WebVTT or SRT caption file: syntax, overlaps, order, line limits, reading speed.
#[derive(clap::Args)]
#[command(after_help = "Examples:
  podcue check out/episode.vtt
  podcue check out/episode.srt --style bbc --strict --json > report.json
  podcue check out/episode.vtt --max-chars 32     # made with `align --max-chars 32`")]
pub struct Args {
    /// The caption file (.vtt or .srt; other names are sniffed).
    pub file: PathBuf,
    /// Limits to check against.
    #[arg(long, default_value = "netflix", value_parser = clap::builder::PossibleValuesParser::new(CaptionConfig::PRESETS))]
    pub style: String,
    /// Characters per caption line at most, 8 or more (overrides the style), as given to
    /// `align --max-chars`.
    #[arg(long, value_parser = super::max_chars())]
    pub max_chars: Option<usize>,
    /// Lines per caption at most, 1 or more (overrides the style), as given to
    /// `align --max-lines`.
    #[arg(long, value_parser = super::max_lines())]
    pub max_lines: Option<usize>,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let bytes = podcue::input::read_text(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let mut style = CaptionConfig::preset(&args.style).unwrap_or_default();
    // The same overrides as align's, so a file is checked against the limits it was made with.
    super::override_limits(&mut style, args.max_chars, args.max_lines);
    let limits = match (args.max_chars, args.max_lines) {
        (None, None) => format!("{} style", args.style),
        _ => format!(
            "{} style, {} characters x {} lines",
            args.style, style.max_chars, style.max_lines
        ),
    };
    let format = Format::detect(&args.file, &bytes);
    let report = check::check(&bytes, format, &style);
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        serde_json::to_writer_pretty(&mut out, &report)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        (|| {
            for i in &report.issues {
                let kind = match i.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                writeln!(
                    out,
                    "{}:{}: {kind}: {} [{}]",
                    args.file.display(),
                    i.line,
                    i.message,
                    i.code
                )?;
            }
            writeln!(
                out,
                "{}: {} cues, {} errors, {} warnings ({limits})",
                args.file.display(),
                report.cues.len(),
                report.errors,
                report.warnings,
            )
        })()
    };
    // A closed pipe (`| head`) is not an error.
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(if report.passes(args.strict) {
        exit::OK
    } else {
        exit::FAILURE
    })
}
