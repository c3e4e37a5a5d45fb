//! Reading chapters back: any format podcue writes (Podcasting 2.0 JSON, WebVTT chapters,
//! FFMETADATA, YouTube description lines, Podlove Simple Chapters) into [`Chapter`]s, detected
//! by extension and content. Errors name the file and the line.
//!
//! Formats that store no end (YouTube, Podlove) give each chapter the next one's start as its
//! end; the last one's end stays unknown (`end == start`) until [`super::fill_ends`].

use std::path::{Path, PathBuf};

use super::{Chapter, fill_ends};
use crate::{Error, Result};

/// A chapters file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Podcasting 2.0 JSON chapters.
    Json,
    /// WebVTT chapters.
    Vtt,
    /// ffmpeg's FFMETADATA.
    FfMetadata,
    /// YouTube description lines.
    YouTube,
    /// Podlove Simple Chapters XML.
    Podlove,
}

impl Format {
    /// The format's name, as messages say it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "Podcasting 2.0 JSON chapters",
            Format::Vtt => "WebVTT chapters",
            Format::FfMetadata => "FFMETADATA",
            Format::YouTube => "YouTube description lines",
            Format::Podlove => "Podlove Simple Chapters",
        }
    }
}

/// Reads the chapters file at `path`.
pub fn read(path: &Path) -> Result<Vec<Chapter>> {
    let bytes = crate::input::read_text(path).map_err(|e| Error::io(path, e))?;
    parse(&bytes, path)
}

/// Guesses the format from the content first (it cannot lie), then from the extension.
pub fn detect(text: &str, path: &Path) -> Format {
    let head = text.trim_start();
    if head.starts_with(";FFMETADATA") {
        return Format::FfMetadata;
    }
    if head.starts_with("WEBVTT") {
        return Format::Vtt;
    }
    if head.starts_with('{') {
        return Format::Json;
    }
    if head.starts_with('<') {
        return Format::Podlove;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match name.rsplit('.').next().unwrap_or("") {
        "json" => Format::Json,
        "vtt" => Format::Vtt,
        "ffmetadata" | "ffmeta" => Format::FfMetadata,
        "xml" | "psc" => Format::Podlove,
        _ => Format::YouTube,
    }
}

/// Parses chapters from `bytes` (UTF-8, BOM tolerated); `path` names the file in errors and
/// helps detect the format.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Vec<Chapter>> {
    let err = |message: String| Error::Format {
        path: path.to_path_buf(),
        message,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        err(format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let format = detect(text, path);
    let mut chapters = match format {
        Format::Json => json(text),
        Format::Vtt => vtt(text),
        Format::FfMetadata => ffmetadata(text),
        Format::YouTube => youtube(text),
        Format::Podlove => podlove(text),
    }
    .map_err(err)?;
    if chapters.is_empty() {
        return Err(err(format!(
            "no chapters found (read as {})",
            format.name()
        )));
    }
    // Stable: equal starts keep file order.
    chapters.sort_by(|a, b| a.start.total_cmp(&b.start));
    let ends_known = chapters.iter().all(Chapter::has_end);
    let last_end = chapters.last().filter(|c| c.has_end()).map(|c| c.end);
    if !ends_known || matches!(format, Format::YouTube | Format::Podlove) {
        fill_ends(&mut chapters, last_end);
    }
    Ok(chapters)
}

/// The fields of a Podcasting 2.0 JSON chapters file's chapters that a [`Chapter`] does not
/// keep (`img`, `url`, `toc`, `location`, ...: all but `startTime`, `endTime` and `title`),
/// sorted (JSON objects keep no order a build can rely on); empty for another format or a file that does not parse. A conversion
/// drops them, and the user should hear so (a QA pass: JSON to JSON lost every link silently).
pub fn unkept_fields(bytes: &[u8], path: &Path) -> Vec<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Vec::new();
    };
    if detect(text, path) != Format::Json {
        return Vec::new();
    }
    let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    let list = v.get("chapters").and_then(|c| c.as_array());
    for c in list.into_iter().flatten().filter_map(|c| c.as_object()) {
        for key in c.keys() {
            if !matches!(key.as_str(), "startTime" | "endTime" | "title") && !out.contains(key) {
                out.push(key.clone());
            }
        }
    }
    out.sort();
    out
}

/// Error text with a 1-based line number.
fn at(line: usize, message: impl std::fmt::Display) -> String {
    format!("line {line}: {message}")
}

fn json(text: &str) -> std::result::Result<Vec<Chapter>, String> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| at(e.line(), format!("invalid JSON: {e}")))?;
    let list = v
        .get("chapters")
        .and_then(|c| c.as_array())
        .ok_or_else(|| "not Podcasting 2.0 chapters: no \"chapters\" list".to_string())?;
    let mut out = Vec::with_capacity(list.len());
    for (i, c) in list.iter().enumerate() {
        let start = c
            .get("startTime")
            .and_then(|s| s.as_f64())
            .filter(|s| s.is_finite() && *s >= 0.0)
            .ok_or_else(|| {
                format!(
                    "chapter {}: \"startTime\" missing or not a number >= 0",
                    i + 1
                )
            })?;
        let end = match c.get("endTime") {
            None | Some(serde_json::Value::Null) => start,
            Some(e) => e
                .as_f64()
                .filter(|e| e.is_finite())
                .ok_or_else(|| format!("chapter {}: \"endTime\" is not a number", i + 1))?,
        };
        let title = match c.get("title") {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(t) => t
                .as_str()
                .ok_or_else(|| format!("chapter {}: \"title\" is not a string", i + 1))?
                .to_string(),
        };
        out.push(Chapter {
            start,
            end: end.max(start),
            title,
        });
    }
    Ok(out)
}

/// Parses a clock time: `ss[.fff]`, `m:ss[.fff]` or `h:mm:ss[.fff]` (`,` accepted as the
/// decimal mark). Minutes and seconds after the first field must be below 60.
pub fn parse_clock(s: &str) -> Option<f64> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(':').collect();
    if parts.is_empty() || parts.len() > 3 {
        return None;
    }
    let mut total = 0.0;
    for (i, p) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let p = if last {
            p.replace(',', ".")
        } else {
            p.to_string()
        };
        let valid = !p.is_empty()
            && p.chars().all(|c| c.is_ascii_digit() || (last && c == '.'))
            && p.chars().filter(|&c| c == '.').count() <= 1
            && !p.starts_with('.');
        if !valid {
            return None;
        }
        let v: f64 = p.parse().ok()?;
        if i > 0 && v >= 60.0 {
            return None;
        }
        total = total * 60.0 + v;
    }
    Some(total)
}

fn vtt(text: &str) -> std::result::Result<Vec<Chapter>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    // Header block: up to the first blank line.
    while i < lines.len() && !lines[i].trim().is_empty() {
        i += 1;
    }
    while i < lines.len() {
        while i < lines.len() && lines[i].trim().is_empty() {
            i += 1;
        }
        let block_start = i;
        let mut block = Vec::new();
        while i < lines.len() && !lines[i].trim().is_empty() {
            block.push((i + 1, lines[i]));
            i += 1;
        }
        if block.is_empty() {
            break;
        }
        let first = block[0].1.trim_start();
        if first.starts_with("NOTE") || first.starts_with("STYLE") || first.starts_with("REGION") {
            continue;
        }
        let Some(t) = block.iter().position(|(_, l)| l.contains("-->")) else {
            return Err(at(
                block_start + 1,
                "cue without a timing line (START --> END)",
            ));
        };
        let (line_no, timing) = block[t];
        let (a, rest) = timing.split_once("-->").unwrap_or((timing, ""));
        let b = rest.split_whitespace().next().unwrap_or("");
        let start =
            parse_clock(a).ok_or_else(|| at(line_no, format!("bad start time {:?}", a.trim())))?;
        let end = parse_clock(b).ok_or_else(|| at(line_no, format!("bad end time {b:?}")))?;
        if end <= start {
            return Err(at(line_no, "the cue's end is not after its start"));
        }
        let title = block[t + 1..]
            .iter()
            .map(|(_, l)| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Chapter {
            start,
            end,
            title: crate::check::display(&title),
        });
    }
    Ok(out)
}

fn ffmetadata(text: &str) -> std::result::Result<Vec<Chapter>, String> {
    // Join escaped newlines first: a line ending in an odd number of backslashes continues.
    let mut logical: Vec<(usize, String)> = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (k, raw) in text.lines().enumerate() {
        let (line_no, mut acc) = pending.take().unwrap_or((k + 1, String::new()));
        acc.push_str(raw);
        let trailing = raw.chars().rev().take_while(|&c| c == '\\').count();
        if trailing % 2 == 1 {
            acc.pop();
            acc.push('\n');
            pending = Some((line_no, acc));
        } else {
            logical.push((line_no, acc));
        }
    }
    if let Some(p) = pending {
        logical.push(p);
    }
    struct Partial {
        line: usize,
        num: u64,
        den: u64,
        start: Option<i64>,
        end: Option<i64>,
        title: String,
    }
    let finish = |p: Partial| -> std::result::Result<Chapter, String> {
        let unit = p.num as f64 / p.den as f64;
        let start = p
            .start
            .ok_or_else(|| at(p.line, "[CHAPTER] without START"))?;
        let end = p.end.ok_or_else(|| at(p.line, "[CHAPTER] without END"))?;
        if start < 0 || end < start {
            return Err(at(p.line, "[CHAPTER] START must be >= 0 and END >= START"));
        }
        Ok(Chapter {
            start: start as f64 * unit,
            end: end as f64 * unit,
            title: p.title,
        })
    };
    let mut out = Vec::new();
    let mut current: Option<Partial> = None;
    let mut first = true;
    for (line_no, line) in logical {
        if first {
            first = false;
            if !line.trim_start().starts_with(";FFMETADATA") {
                return Err(at(
                    line_no,
                    "not FFMETADATA: the first line must be ;FFMETADATA1",
                ));
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with(';') || trimmed.starts_with('#') {
            continue;
        }
        if trimmed.starts_with('[') {
            if let Some(p) = current.take() {
                out.push(finish(p)?);
            }
            if trimmed.eq_ignore_ascii_case("[CHAPTER]") {
                // ffmpeg's default time base when TIMEBASE is absent is nanoseconds.
                current = Some(Partial {
                    line: line_no,
                    num: 1,
                    den: 1_000_000_000,
                    start: None,
                    end: None,
                    title: String::new(),
                });
            }
            continue;
        }
        let Some(p) = current.as_mut() else { continue };
        let (key, value) =
            split_unescaped_eq(&line).ok_or_else(|| at(line_no, "expected key=value"))?;
        match key.to_ascii_uppercase().as_str() {
            "TIMEBASE" => {
                let (n, d) = value
                    .trim()
                    .split_once('/')
                    .ok_or_else(|| at(line_no, "TIMEBASE must be N/D"))?;
                p.num = n
                    .trim()
                    .parse()
                    .map_err(|_| at(line_no, "bad TIMEBASE numerator"))?;
                p.den = d
                    .trim()
                    .parse()
                    .map_err(|_| at(line_no, "bad TIMEBASE denominator"))?;
                if p.num == 0 || p.den == 0 {
                    return Err(at(line_no, "TIMEBASE must not be zero"));
                }
            }
            "START" => {
                p.start = Some(
                    value
                        .trim()
                        .parse()
                        .map_err(|_| at(line_no, "START is not an integer"))?,
                )
            }
            "END" => {
                p.end = Some(
                    value
                        .trim()
                        .parse()
                        .map_err(|_| at(line_no, "END is not an integer"))?,
                )
            }
            "TITLE" => p.title = value,
            _ => {}
        }
    }
    if let Some(p) = current.take() {
        out.push(finish(p)?);
    }
    Ok(out)
}

/// Splits `key=value` at the first unescaped `=`, unescaping the value.
fn split_unescaped_eq(line: &str) -> Option<(String, String)> {
    let mut key = String::new();
    let mut chars = line.chars();
    let mut escaped = false;
    for c in chars.by_ref() {
        if escaped {
            key.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '=' {
            let mut value = String::new();
            let mut esc = false;
            for v in chars.by_ref() {
                if esc {
                    value.push(v);
                    esc = false;
                } else if v == '\\' {
                    esc = true;
                } else {
                    value.push(v);
                }
            }
            return Some((key, value));
        } else {
            key.push(c);
        }
    }
    None
}

fn youtube(text: &str) -> std::result::Result<Vec<Chapter>, String> {
    let mut out = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let l = line.trim().trim_start_matches(['(', '[']);
        if l.is_empty() {
            continue;
        }
        let token: String = l
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ':' || *c == '.')
            .collect();
        // Lines without a leading timestamp are ordinary description text.
        if !token.contains(':') || !token.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let start =
            parse_clock(&token).ok_or_else(|| at(k + 1, format!("bad timestamp {token:?}")))?;
        let title = l[token.len()..]
            .trim_start_matches([')', ']'])
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | '.')
            })
            .trim()
            .to_string();
        out.push(Chapter {
            start,
            end: start,
            title,
        });
    }
    if out.is_empty() {
        return Err("no chapter lines (a timestamp such as 0:00 followed by a title) found".into());
    }
    Ok(out)
}

fn podlove(text: &str) -> std::result::Result<Vec<Chapter>, String> {
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    let mut out = Vec::new();
    let mut search = 0;
    let mut seen_root = false;
    while let Some(rel) = text[search..].find('<') {
        let pos = search + rel;
        let Some(close) = text[pos..].find('>') else {
            return Err(at(line_of(pos), "unterminated tag"));
        };
        let tag = &text[pos + 1..pos + close];
        search = pos + close + 1;
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        let local = name.rsplit(':').next().unwrap_or(name);
        if local == "chapters" {
            seen_root = true;
        }
        if local != "chapter" {
            continue;
        }
        let attrs = parse_attrs(tag).map_err(|m| at(line_of(pos), m))?;
        let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
        let start_s =
            get("start").ok_or_else(|| at(line_of(pos), "chapter without a start attribute"))?;
        let start = parse_clock(&start_s)
            .ok_or_else(|| at(line_of(pos), format!("bad start time {start_s:?}")))?;
        out.push(Chapter {
            start,
            end: start,
            title: get("title").unwrap_or_default(),
        });
    }
    if !seen_root {
        return Err("not Podlove Simple Chapters: no <psc:chapters> element".into());
    }
    Ok(out)
}

/// Attributes of a tag's inner text (`name a="x" b='y'`), values unescaped.
fn parse_attrs(tag: &str) -> std::result::Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let body = tag.trim_end_matches('/');
    let mut rest = body
        .trim_start()
        .split_once(char::is_whitespace)
        .map_or("", |(_, r)| r);
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Ok(out);
        }
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("attribute without a value in <{}>", tag.trim()))?;
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let quote = after
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or("attribute value not quoted")?;
        let end = after[1..]
            .find(quote)
            .ok_or("unterminated attribute value")?;
        out.push((key, crate::check::decode_entities(&after[1..1 + end])));
        rest = &after[end + 2..];
    }
}

/// The stem podcue names outputs after: `ep.chapters.json` gives `ep`.
pub fn stem_of(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = name.as_str();
    for suffix in [
        ".chapters.json",
        ".chapters.vtt",
        ".ffmetadata",
        ".youtube.txt",
        ".psc.xml",
    ] {
        if let Some(s) = stem.strip_suffix(suffix) {
            return PathBuf::from(s);
        }
    }
    if let Some((s, _)) = stem.rsplit_once('.') {
        stem = s;
    }
    PathBuf::from(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_chapters_names_the_format_in_words() {
        let e = parse(
            br#"{"version":"1.2.0","chapters":[]}"#,
            Path::new("ep.chapters.json"),
        )
        .expect_err("no chapters");
        let message = e.to_string();
        assert!(
            message.contains("no chapters found (read as Podcasting 2.0 JSON chapters)"),
            "{message}"
        );
        let e = parse(b"WEBVTT\n\n", Path::new("ep.chapters.vtt")).expect_err("no chapters");
        assert!(e.to_string().contains("read as WebVTT chapters"), "{e}");
    }
}
