//! Caption linter: takes the bytes of a WebVTT or SRT file and a style ([`CaptionConfig`]),
//! gives a [`Report`] of syntax errors (with line numbers), timing errors (end not after
//! start, overlaps, out-of-order cues), shape errors (lines or cues over the style's limits)
//! and warnings (cues too short or too long, reading speed above the style's limit).
//!
//! The WebVTT rules are those of the corpus README ("WebVTT validity"): UTF-8 with an optional
//! BOM, a `WEBVTT` signature line, blocks separated by blank lines, `NOTE` blocks ignored,
//! `STYLE`/`REGION` only before the first cue, `mm:ss.ttt` or `hh:mm:ss.ttt` timestamps.

use serde::Serialize;

use crate::captions::CaptionConfig;

/// Which caption format a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// WebVTT.
    Vtt,
    /// SubRip.
    Srt,
}

impl Format {
    /// The format by file extension (`.vtt`, `.srt`), else by content (a `WEBVTT` signature).
    pub fn detect(path: &std::path::Path, bytes: &[u8]) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("vtt") => Format::Vtt,
            Some("srt") => Format::Srt,
            _ => {
                let b = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
                if b.starts_with(b"WEBVTT") {
                    Format::Vtt
                } else {
                    Format::Srt
                }
            }
        }
    }
}

/// How serious an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file is broken or breaks a hard limit.
    Error,
    /// The file works but reads badly.
    Warning,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// 1-based line of the file (0: the whole file).
    pub line: usize,
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case name (`overlap`, `line-too-long`, `too-fast`, ...).
    pub code: &'static str,
    /// What is wrong, for people.
    pub message: String,
}

/// A cue as read from the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckedCue {
    /// 1-based line of its timing line.
    pub line: usize,
    /// Start, seconds.
    pub start: f64,
    /// End, seconds.
    pub end: f64,
    /// Displayed lines: markup removed, entities decoded.
    pub lines: Vec<String>,
}

/// The linter's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Report layout version.
    pub version: &'static str,
    /// The format checked.
    pub format: Format,
    /// The limits applied.
    pub style: StyleLimits,
    /// Cues read (valid syntax).
    pub cues: Vec<CheckedCue>,
    /// Findings in file order.
    pub issues: Vec<Issue>,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
}

/// The limits a report was checked against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StyleLimits {
    /// Characters per line at most.
    pub max_chars: usize,
    /// Lines per cue at most.
    pub max_lines: usize,
    /// Characters per second at most (warning).
    pub max_cps: f64,
    /// Shortest cue, seconds (warning).
    pub min_duration: f64,
    /// Longest cue, seconds (warning).
    pub max_duration: f64,
}

impl Report {
    /// True when the file passes: no errors, and no warnings either when `strict`.
    pub fn passes(&self, strict: bool) -> bool {
        self.errors == 0 && (!strict || self.warnings == 0)
    }
}

struct Lint {
    issues: Vec<Issue>,
}

impl Lint {
    fn error(&mut self, line: usize, code: &'static str, message: String) {
        self.issues.push(Issue {
            line,
            severity: Severity::Error,
            code,
            message,
        });
    }
    fn warn(&mut self, line: usize, code: &'static str, message: String) {
        self.issues.push(Issue {
            line,
            severity: Severity::Warning,
            code,
            message,
        });
    }
}

/// Checks a caption file's bytes against `style`.
pub fn check(bytes: &[u8], format: Format, style: &CaptionConfig) -> Report {
    let mut lint = Lint { issues: Vec::new() };
    let cues = match std::str::from_utf8(bytes) {
        Err(e) => {
            lint.error(
                0,
                "encoding",
                format!("not valid UTF-8 (byte {})", e.valid_up_to()),
            );
            Vec::new()
        }
        Ok(text) => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let lines = split_lines(text);
            match format {
                Format::Vtt => parse_vtt(&lines, &mut lint),
                Format::Srt => parse_srt(&lines, &mut lint),
            }
        }
    };
    check_cues(&cues, style, &mut lint);
    let mut issues = lint.issues;
    issues.sort_by_key(|i| i.line);
    let errors = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    Report {
        version: "1.0.0",
        format,
        style: StyleLimits {
            max_chars: style.max_chars,
            max_lines: style.max_lines,
            max_cps: style.max_cps,
            min_duration: style.min_duration,
            max_duration: style.max_duration,
        },
        cues,
        warnings: issues.len() - errors,
        errors,
        issues,
    }
}

/// Lines split at `\r\n`, `\r` or `\n`, as WebVTT defines them.
fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            out.push(&text[start..i]);
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

/// Blocks of non-blank lines: (1-based first line, lines).
fn blocks<'a>(lines: &[&'a str], from: usize) -> Vec<(usize, Vec<&'a str>)> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut first = 0;
    for (k, l) in lines.iter().enumerate().skip(from) {
        if l.trim().is_empty() {
            if !cur.is_empty() {
                out.push((first, std::mem::take(&mut cur)));
            }
        } else {
            if cur.is_empty() {
                first = k + 1;
            }
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        out.push((first, cur));
    }
    out
}

fn is_keyword_block(first: &str, word: &str) -> bool {
    first == word
        || first
            .strip_prefix(word)
            .is_some_and(|r| r.starts_with([' ', '\t']))
}

fn parse_vtt(lines: &[&str], lint: &mut Lint) -> Vec<CheckedCue> {
    let sig = lines.first().copied().unwrap_or("");
    if !is_keyword_block(sig, "WEBVTT") {
        lint.error(
            1,
            "missing-header",
            "missing 'WEBVTT' signature on line 1".into(),
        );
    }
    let mut i = 1;
    while i < lines.len() && !lines[i].trim().is_empty() {
        if lines[i].contains("-->") {
            lint.error(
                i + 1,
                "header",
                "cue timing inside the header (a blank line must follow WEBVTT)".into(),
            );
            break;
        }
        i += 1;
    }
    let mut cues = Vec::new();
    let mut seen_cue = false;
    for (ln, blk) in blocks(lines, i) {
        let first = blk[0];
        if is_keyword_block(first, "NOTE") {
            if blk.iter().any(|l| l.contains("-->")) {
                lint.error(ln, "syntax", "'-->' inside a NOTE block".into());
            }
            continue;
        }
        if (is_keyword_block(first, "STYLE") || is_keyword_block(first, "REGION"))
            && !first.contains("-->")
        {
            if seen_cue {
                lint.error(
                    ln,
                    "syntax",
                    format!(
                        "{} block after the first cue",
                        first.split_whitespace().next().unwrap_or("")
                    ),
                );
            }
            continue;
        }
        let (tline, tln, payload) = if first.contains("-->") {
            (first, ln, &blk[1..])
        } else if blk.len() > 1 && blk[1].contains("-->") {
            (blk[1], ln + 1, &blk[2..])
        } else {
            lint.error(
                ln,
                "syntax",
                format!(
                    "block is neither a cue nor a NOTE/STYLE/REGION: {:?}",
                    clip(first)
                ),
            );
            continue;
        };
        seen_cue = true;
        let Some((a, b, settings)) = split_timing(tline) else {
            lint.error(
                tln,
                "bad-timing",
                format!("bad timing line {:?}", clip(tline)),
            );
            continue;
        };
        let (Some(start), Some(end)) = (parse_vtt_ts(a), parse_vtt_ts(b)) else {
            lint.error(
                tln,
                "bad-timestamp",
                format!(
                    "bad timestamp in {:?} (want hh:mm:ss.ttt or mm:ss.ttt)",
                    clip(tline)
                ),
            );
            continue;
        };
        for setting in settings.split_whitespace() {
            let name = setting.split(':').next().unwrap_or("");
            if !setting.contains(':')
                || !["vertical", "line", "position", "size", "align", "region"].contains(&name)
            {
                lint.error(
                    tln,
                    "bad-setting",
                    format!("unknown cue setting {setting:?}"),
                );
            }
        }
        if let Some(k) = payload.iter().position(|l| l.contains("-->")) {
            lint.error(
                tln + 1 + k,
                "syntax",
                "'-->' in cue payload (missing blank line between cues?)".into(),
            );
            continue;
        }
        cues.push(CheckedCue {
            line: tln,
            start,
            end,
            lines: payload.iter().map(|l| display(l)).collect(),
        });
    }
    cues
}

fn parse_srt(lines: &[&str], lint: &mut Lint) -> Vec<CheckedCue> {
    let mut cues = Vec::new();
    let mut expected = 1u64;
    for (ln, blk) in blocks(lines, 0) {
        let (tline, tln, payload) = if blk[0].contains("-->") {
            lint.error(
                ln,
                "syntax",
                "cue number missing before the timing line".into(),
            );
            (blk[0], ln, &blk[1..])
        } else if blk.len() > 1 && blk[1].contains("-->") {
            match blk[0].trim().parse::<u64>() {
                Ok(n) if n == expected => {}
                Ok(n) => lint.warn(
                    ln,
                    "numbering",
                    format!("cue number {n}, expected {expected}"),
                ),
                Err(_) => lint.error(
                    ln,
                    "syntax",
                    format!("cue number expected, found {:?}", clip(blk[0])),
                ),
            }
            (blk[1], ln + 1, &blk[2..])
        } else {
            lint.error(
                ln,
                "syntax",
                format!("block without a timing line: {:?}", clip(blk[0])),
            );
            continue;
        };
        expected += 1;
        let Some((a, b, _)) = split_timing(tline) else {
            lint.error(
                tln,
                "bad-timing",
                format!("bad timing line {:?}", clip(tline)),
            );
            continue;
        };
        let (Some(start), Some(end)) = (parse_srt_ts(a), parse_srt_ts(b)) else {
            lint.error(
                tln,
                "bad-timestamp",
                format!("bad timestamp in {:?} (want hh:mm:ss,ttt)", clip(tline)),
            );
            continue;
        };
        cues.push(CheckedCue {
            line: tln,
            start,
            end,
            lines: payload.iter().map(|l| display(l)).collect(),
        });
    }
    cues
}

fn check_cues(cues: &[CheckedCue], s: &CaptionConfig, lint: &mut Lint) {
    let mut prev_start: Option<f64> = None;
    let mut max_end: Option<f64> = None;
    for c in cues {
        let ln = c.line;
        if c.end <= c.start {
            lint.error(
                ln,
                "end-before-start",
                format!("end {:.3} is not after start {:.3}", c.end, c.start),
            );
        }
        if prev_start.is_some_and(|p| c.start < p - 1e-6) {
            lint.error(
                ln,
                "out-of-order",
                format!("starts at {:.3}, before the previous cue's start", c.start),
            );
        } else if let Some(m) = max_end.filter(|&m| c.start < m - 1e-3) {
            lint.error(
                ln,
                "overlap",
                format!(
                    "starts at {:.3}, before an earlier cue ends ({m:.3})",
                    c.start
                ),
            );
        }
        prev_start = Some(c.start);
        max_end = Some(max_end.map_or(c.end, |m: f64| m.max(c.end)));
        if c.lines.len() > s.max_lines {
            lint.error(
                ln,
                "too-many-lines",
                format!("{} lines (at most {})", c.lines.len(), s.max_lines),
            );
        }
        for (k, l) in c.lines.iter().enumerate() {
            let n = l.chars().count();
            if n > s.max_chars {
                lint.error(
                    ln + 1 + k,
                    "line-too-long",
                    format!("{n} characters (at most {})", s.max_chars),
                );
            }
        }
        let chars = c
            .lines
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .count();
        if chars == 0 {
            lint.warn(ln, "empty", "cue shows no text".into());
        }
        let d = c.end - c.start;
        if d <= 0.0 {
            continue;
        }
        if d < s.min_duration - 1e-9 {
            lint.warn(
                ln,
                "too-short",
                format!("{d:.3} s on screen (at least {} s)", s.min_duration),
            );
        }
        if d > s.max_duration + 1e-9 {
            lint.warn(
                ln,
                "too-long",
                format!("{d:.3} s on screen (at most {} s)", s.max_duration),
            );
        }
        let cps = chars as f64 / d;
        if cps > s.max_cps + 1e-9 {
            lint.warn(
                ln,
                "too-fast",
                format!("{cps:.1} characters per second (at most {})", s.max_cps),
            );
        }
    }
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// `START --> END [settings]`, separated by spaces or tabs.
fn split_timing(line: &str) -> Option<(&str, &str, &str)> {
    let (a_raw, rest) = line.trim().split_once("-->")?;
    let a = a_raw.trim_end_matches([' ', '\t']);
    // Whitespace is required before the arrow, and nothing but the start may precede it.
    if a.len() == a_raw.len() || a.contains([' ', '\t']) || a.is_empty() {
        return None;
    }
    let rest = rest
        .strip_prefix([' ', '\t'])?
        .trim_start_matches([' ', '\t']);
    let (b, settings) = rest.split_once([' ', '\t']).unwrap_or((rest, ""));
    if b.is_empty() {
        None
    } else {
        Some((a, b, settings))
    }
}

fn two_digits(s: &str, max: u32) -> Option<u32> {
    if s.len() == 2 && s.bytes().all(|c| c.is_ascii_digit()) {
        s.parse().ok().filter(|&v| v <= max)
    } else {
        None
    }
}

/// Parses `[hh:]mm:ss<sep>ttt` (hours of two or more digits; required when `hours_required`).
fn parse_ts(s: &str, sep: char, hours_required: bool) -> Option<f64> {
    let (hms, frac) = s.split_once(sep)?;
    if frac.len() != 3 || !frac.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = hms.split(':').collect();
    let (h, m, sec) = match parts.as_slice() {
        [m, s] if !hours_required => (0u64, *m, *s),
        [h, m, s] if h.len() >= 2 && h.bytes().all(|c| c.is_ascii_digit()) => {
            (h.parse().ok()?, *m, *s)
        }
        _ => return None,
    };
    let m = two_digits(m, 59)?;
    let sec = two_digits(sec, 59)?;
    let ms: u64 = frac.parse().ok()?;
    Some((h * 3600 + u64::from(m) * 60 + u64::from(sec)) as f64 + ms as f64 / 1000.0)
}

fn parse_vtt_ts(s: &str) -> Option<f64> {
    parse_ts(s, '.', false)
}

fn parse_srt_ts(s: &str) -> Option<f64> {
    parse_ts(s, ',', true)
}

/// A payload line as displayed: tags removed, character references decoded.
pub fn display(line: &str) -> String {
    let mut stripped = String::with_capacity(line.len());
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => stripped.push(c),
            _ => {}
        }
    }
    decode_entities(&stripped)
}

/// Decodes the character references WebVTT, HTML and XML use (`&amp;`, `&#39;`, `&#x2014;`, ...).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let decoded = tail.find(';').filter(|&e| e <= 10).and_then(|e| {
            let name = &tail[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "lrm" => Some('\u{200e}'),
                "rlm" => Some('\u{200f}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str, format: Format) -> Vec<&'static str> {
        check(text.as_bytes(), format, &CaptionConfig::default())
            .issues
            .iter()
            .map(|i| i.code)
            .collect()
    }

    #[test]
    fn good_vtt_passes() {
        let r = check(
            b"WEBVTT\n\nNOTE hi\n\n1\n00:00:01.000 --> 00:00:03.000 align:start\n<v Ana>Hello &amp; welcome.</v>\n",
            Format::Vtt,
            &CaptionConfig::default(),
        );
        assert!(r.passes(true), "{r:?}");
        assert_eq!(r.cues[0].lines, ["Hello & welcome."]);
    }

    #[test]
    fn timestamps() {
        assert_eq!(parse_vtt_ts("01:02.500"), Some(62.5));
        assert_eq!(parse_vtt_ts("100:00:00.000"), Some(360000.0));
        assert_eq!(parse_vtt_ts("1:00:00.000"), None);
        assert_eq!(parse_vtt_ts("00:60.000"), None);
        assert_eq!(parse_vtt_ts("00:01.00"), None);
        assert_eq!(parse_srt_ts("00:00:01,250"), Some(1.25));
        assert_eq!(parse_srt_ts("00:01,250"), None);
    }

    #[test]
    fn flags_defects() {
        assert_eq!(
            codes("WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nx\n", Format::Vtt),
            ["end-before-start"]
        );
        assert!(
            codes("00:00:01.000 --> 00:00:02.000\nx\n", Format::Vtt).contains(&"missing-header")
        );
        assert!(codes("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nab\n\n00:00:02.000 --> 00:00:04.000\nab\n", Format::Vtt).contains(&"overlap"));
        assert!(
            codes(
                "1\n00:00:01,000 --> 00:00:03,000\nok\n\n2\n00:00:00,500 --> 00:00:00,900\nok\n",
                Format::Srt
            )
            .contains(&"out-of-order")
        );
        assert!(
            codes("1\n00:00:01.000 --> 00:00:03,000\nok\n", Format::Srt).contains(&"bad-timestamp")
        );
    }

    #[test]
    fn entities_and_tags() {
        assert_eq!(
            display("<v A B><i>x</i> &lt;3 &#65;&#x42; & fine"),
            "x <3 AB & fine"
        );
    }
}
