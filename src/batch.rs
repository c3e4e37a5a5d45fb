//! Batch planning: which episodes to process, from a folder or a manifest, and which of them
//! this shard and this run should do.
//!
//! Takes a folder (audio and transcripts paired by file stem) or a manifest (CSV with a header
//! `audio,transcript,output`, or JSON lines with those keys; relative paths are resolved
//! against the manifest's folder); gives a list of [`Episode`]s sorted by audio path. Running
//! them is the caller's business (the CLI runs [`crate::pipeline::run`] on each).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::{Error, Result};

/// Audio file extensions a folder scan pairs (lower case).
pub const AUDIO_EXTENSIONS: [&str; 9] = [
    "mp3", "m4a", "m4b", "mp4", "flac", "ogg", "opus", "wav", "aiff",
];

/// Transcript file extensions a folder scan pairs (lower case), in order of preference.
pub const TRANSCRIPT_EXTENSIONS: [&str; 4] = ["txt", "md", "srt", "vtt"];

/// One episode to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Episode {
    /// The audio file.
    pub audio: PathBuf,
    /// The transcript file.
    pub transcript: PathBuf,
    /// Output folder for this episode (`None`: the batch's default).
    pub output: Option<PathBuf>,
}

impl Episode {
    /// The stem outputs are named after (the audio file's name without extension).
    pub fn stem(&self) -> String {
        self.audio
            .file_stem()
            .map_or_else(|| "episode".into(), |s| s.to_string_lossy().into_owned())
    }
}

/// A file of a folder that could not be paired (it is reported, not processed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpaired {
    /// The file.
    pub path: PathBuf,
    /// Why it was left out.
    pub reason: String,
}

/// Episodes found in a folder, plus the files that could not be paired.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Episodes, sorted by audio path.
    pub episodes: Vec<Episode>,
    /// Audio files without a transcript and the like.
    pub unpaired: Vec<Unpaired>,
}

fn ext_of(p: &Path) -> Option<String> {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// True when the file at `path` starts as podcue's timed plain-text output does
/// (`[hh:mm:ss.ttt] `, see [`crate::write::html::write_text`]); an unreadable file is not.
fn is_podcue_timed_text(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64).read_to_end(&mut head));
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    let pattern = b"[00:00:00.000] ";
    read.is_ok()
        && head.len() >= pattern.len()
        && pattern.iter().zip(head).all(|(p, h)| {
            if p.is_ascii_digit() {
                h.is_ascii_digit()
            } else {
                p == h
            }
        })
}

/// Pairs audio and transcripts in `dir` (not recursive) by file stem. Files whose name
/// contains a second extension that podcue writes (`x.words.json`, `x.chapters.json`) are
/// never transcripts because only `.txt/.md/.srt/.vtt` are considered, and `.vtt/.srt`
/// outputs that podcue may have written into the same folder are skipped when a `.txt` or
/// `.md` transcript exists for that stem; so is a `.txt` of podcue's timed text beside a `.md`.
/// Left out, and listed in [`Plan::unpaired`]: audio
/// without a transcript, audio files sharing a stem, a transcript without audio, and a second
/// transcript of the same kind (`x.md` beside `x.txt`, `x.vtt` beside `x.srt`).
pub fn scan_folder(dir: &Path) -> Result<Plan> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut audio: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut text: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in rd {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let (Some(ext), Some(stem)) = (ext_of(&path), path.file_stem()) else {
            continue;
        };
        let stem = stem.to_string_lossy().into_owned();
        if AUDIO_EXTENSIONS.contains(&ext.as_str()) {
            audio.entry(stem).or_default().push(path);
        } else if TRANSCRIPT_EXTENSIONS.contains(&ext.as_str()) {
            text.entry(stem).or_default().push(path);
        }
    }
    let mut plan = Plan::default();
    for (stem, cands) in &text {
        if !audio.contains_key(stem) {
            for t in cands {
                plan.unpaired.push(Unpaired {
                    path: t.clone(),
                    reason: format!(
                        "no audio file with the same name ({stem}.mp3, .m4a, .wav, ...)"
                    ),
                });
            }
        }
    }
    for (stem, mut files) in audio {
        files.sort();
        if files.len() > 1 {
            for f in files {
                plan.unpaired.push(Unpaired {
                    path: f,
                    reason: format!("several audio files share the stem '{stem}'"),
                });
            }
            continue;
        }
        let Some(a) = files.pop() else { continue };
        let mut cands = text.remove(&stem).unwrap_or_default();
        // Sorted so that `x.TXT` beside `x.txt` resolves the same way on every run.
        cands.sort();
        let rank = |p: &PathBuf| {
            let ext = ext_of(p).unwrap_or_default();
            TRANSCRIPT_EXTENSIONS.iter().position(|e| *e == ext)
        };
        cands.sort_by_key(rank);
        // `--format txt` into this folder wrote `STEM.txt` beside the `STEM.md` transcript;
        // taken as the transcript (`.txt` ranks first), it would be the next run's input and
        // output at once. Podcue's own timed text beside a `.md` is an output, not a transcript.
        let has_md = cands.iter().any(|p| ext_of(p).as_deref() == Some("md"));
        if has_md {
            cands.retain(|p| !(ext_of(p).as_deref() == Some("txt") && is_podcue_timed_text(p)));
        }
        let mut cands = cands.into_iter();
        let Some(t) = cands.next() else {
            plan.unpaired.push(Unpaired {
                path: a,
                reason: "no transcript with the same stem (.txt, .md, .srt, .vtt)".into(),
            });
            continue;
        };
        let name = |p: &Path| {
            p.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        };
        // Captions podcue wrote into this folder sit beside the text transcript on every
        // rerun: only a second transcript of the same kind is worth a warning.
        let text_like = |p: &PathBuf| rank(p).is_some_and(|r| r < 2);
        for other in cands {
            if text_like(&t) == text_like(&other) {
                plan.unpaired.push(Unpaired {
                    reason: format!(
                        "{} is the transcript used for {} (the first of .{})",
                        name(&t),
                        name(&a),
                        TRANSCRIPT_EXTENSIONS.join(", .")
                    ),
                    path: other,
                });
            }
        }
        plan.episodes.push(Episode {
            audio: a,
            transcript: t,
            output: None,
        });
    }
    plan.unpaired.sort_by(|a, b| a.path.cmp(&b.path));
    plan.episodes.sort_by(|a, b| a.audio.cmp(&b.audio));
    Ok(plan)
}

fn manifest_err(path: &Path, line: usize, message: impl Into<String>) -> Error {
    Error::Format {
        path: path.to_path_buf(),
        message: format!("line {line}: {}", message.into()),
    }
}

/// Splits one CSV record (RFC 4180 quoting within the line; no embedded newlines).
fn csv_fields(line: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cur.push(c),
            (false, '"') if cur.trim().is_empty() => {
                cur.clear();
                quoted = true;
            }
            (false, ',') => fields.push(std::mem::take(&mut cur).trim().to_string()),
            (false, c) => cur.push(c),
        }
    }
    if quoted {
        return None;
    }
    fields.push(cur.trim().to_string());
    Some(fields)
}

/// Reads a manifest: CSV with a header naming `audio`, `transcript` and optionally `output`
/// columns, or JSON lines (`{"audio": ..., "transcript": ..., "output": ...}`; a file whose
/// first non-blank character is `{`). Blank lines and lines starting with `#` are ignored.
pub fn read_manifest(path: &Path) -> Result<Plan> {
    let bytes = crate::input::read_text(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        let not_text = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "the manifest is not UTF-8 text",
        );
        Error::io(path, not_text)
    })?;
    let base = path.parent().unwrap_or(Path::new(""));
    let resolve = |s: &str| -> PathBuf {
        let p = PathBuf::from(s);
        if p.is_absolute() { p } else { base.join(p) }
    };
    let text = text.trim_start_matches('\u{feff}');
    let json = text.trim_start().starts_with('{');
    let mut plan = Plan::default();
    let mut columns: Option<(usize, usize, Option<usize>)> = None;
    for (k, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let n = k + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (audio, transcript, output) = if json {
            #[derive(serde::Deserialize)]
            struct Row {
                audio: String,
                transcript: String,
                #[serde(default)]
                output: Option<String>,
            }
            let row: Row = serde_json::from_str(line).map_err(|e| {
                manifest_err(
                    path,
                    n,
                    format!("not a JSON object with audio and transcript: {e}"),
                )
            })?;
            (row.audio, row.transcript, row.output)
        } else {
            let fields = csv_fields(line).ok_or_else(|| manifest_err(path, n, "unclosed quote"))?;
            let Some((a, t, o)) = columns else {
                let find = |name: &str| fields.iter().position(|f| f.eq_ignore_ascii_case(name));
                match (find("audio"), find("transcript")) {
                    (Some(a), Some(t)) => columns = Some((a, t, find("output"))),
                    _ => {
                        return Err(manifest_err(
                            path,
                            n,
                            "the CSV header must name the columns audio,transcript[,output]",
                        ));
                    }
                }
                continue;
            };
            let get = |i: usize| fields.get(i).cloned().unwrap_or_default();
            (get(a), get(t), o.map(get))
        };
        if audio.is_empty() || transcript.is_empty() {
            return Err(manifest_err(
                path,
                n,
                "audio and transcript must both be given",
            ));
        }
        plan.episodes.push(Episode {
            audio: resolve(&audio),
            transcript: resolve(&transcript),
            output: output.filter(|o| !o.is_empty()).map(|o| resolve(&o)),
        });
    }
    plan.episodes.sort_by(|a, b| a.audio.cmp(&b.audio));
    Ok(plan)
}

/// A folder is scanned, anything else is read as a manifest.
pub fn plan(input: &Path) -> Result<Plan> {
    if input.is_dir() {
        scan_folder(input)
    } else {
        read_manifest(input)
    }
}

/// Shard `index` of `count` (1-based), as given on the command line as `I/N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based index.
    pub index: usize,
    /// Number of shards.
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let (i, n) = s
            .split_once('/')
            .ok_or_else(|| format!("'{s}': expected I/N, e.g. 1/4"))?;
        let parse = |x: &str| {
            x.trim()
                .parse::<usize>()
                .map_err(|_| format!("'{s}': I and N must be whole numbers"))
        };
        let (index, count) = (parse(i)?, parse(n)?);
        if count == 0 || index == 0 || index > count {
            return Err(format!("'{s}': need 1 <= I <= N"));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// This shard's episodes: those at positions `p` (in audio-path order) with
    /// `p % count == index - 1`. Every episode belongs to exactly one shard, whatever order the
    /// list came in.
    pub fn select(&self, mut episodes: Vec<Episode>) -> Vec<Episode> {
        episodes.sort_by(|a, b| a.audio.cmp(&b.audio));
        episodes
            .into_iter()
            .enumerate()
            .filter(|(p, _)| p % self.count == self.index - 1)
            .map(|(_, e)| e)
            .collect()
    }
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// True when every one of `outputs` exists and is newer than both inputs (then the episode
/// can be skipped). Unknown times count as stale.
pub fn up_to_date(audio: &Path, transcript: &Path, outputs: &[PathBuf]) -> bool {
    let (Some(a), Some(t)) = (modified(audio), modified(transcript)) else {
        return false;
    };
    let newest_input = a.max(t);
    !outputs.is_empty()
        && outputs
            .iter()
            .all(|o| modified(o).is_some_and(|m| m > newest_input))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("podcue-batch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).ok();
        d
    }

    fn ep(a: &str) -> Episode {
        Episode {
            audio: a.into(),
            transcript: format!("{a}.txt").into(),
            output: None,
        }
    }

    #[test]
    fn shards_partition() {
        let all: Vec<Episode> = ["e", "b", "a", "d", "c", "f", "g"]
            .iter()
            .map(|s| ep(s))
            .collect();
        for n in 1..5 {
            let mut seen = Vec::new();
            for i in 1..=n {
                seen.extend(Shard { index: i, count: n }.select(all.clone()));
            }
            seen.sort_by(|a, b| a.audio.cmp(&b.audio));
            let mut want = all.clone();
            want.sort_by(|a, b| a.audio.cmp(&b.audio));
            assert_eq!(seen, want, "n={n}");
        }
    }

    #[test]
    fn shard_parse_validates() {
        assert_eq!("2/3".parse::<Shard>(), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "1/0", "x/2", "3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn folder_pairs_by_stem() {
        let d = tmp("scan");
        for f in [
            "a.mp3", "a.txt", "a.vtt", "b.WAV", "b.md", "c.ogg", "d.txt", "e.mp3", "e.flac",
            "e.txt",
        ] {
            std::fs::write(d.join(f), b"x").ok();
        }
        let plan = scan_folder(&d).unwrap();
        let got: Vec<(String, String)> = plan
            .episodes
            .iter()
            .map(|e| {
                (
                    e.audio.file_name().unwrap().to_string_lossy().into_owned(),
                    e.transcript
                        .file_name()
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a.mp3".into(), "a.txt".into()),
                ("b.WAV".into(), "b.md".into())
            ]
        );
        let left_out: Vec<String> = plan
            .unpaired
            .iter()
            .map(|u| u.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        // a.vtt is a caption file podcue may have written beside a.txt: not worth a warning.
        assert_eq!(
            left_out,
            ["c.ogg", "d.txt", "e.flac", "e.mp3"],
            "{:?}",
            plan.unpaired
        );
        assert!(plan.unpaired[1].reason.contains("no audio file"));
        std::fs::remove_dir_all(&d).ok();
    }

    /// The transcript each planned episode is aligned with, in order.
    fn transcripts_used(plan: &Plan) -> Vec<&Path> {
        plan.episodes
            .iter()
            .map(|e| e.transcript.as_path())
            .collect()
    }

    #[test]
    fn a_second_transcript_of_the_same_kind_is_named() {
        let d = tmp("dup");
        for f in ["x.mp3", "x.md", "x.txt", "y.wav", "y.vtt", "y.srt"] {
            std::fs::write(d.join(f), b"x").ok();
        }
        let plan = scan_folder(&d).unwrap();
        let used = transcripts_used(&plan);
        assert_eq!(used, [d.join("x.txt"), d.join("y.srt")]);
        let notes: Vec<(PathBuf, &str)> = plan
            .unpaired
            .iter()
            .map(|u| (u.path.clone(), u.reason.as_str()))
            .collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert_eq!(notes[0].0, d.join("x.md"));
        assert!(
            notes[0]
                .1
                .starts_with("x.txt is the transcript used for x.mp3"),
            "{notes:?}"
        );
        assert_eq!(notes[1].0, d.join("y.vtt"));
        assert!(
            notes[1].1.starts_with("y.srt is the transcript used"),
            "{notes:?}"
        );
        std::fs::remove_dir_all(&d).ok();
    }

    #[test]
    fn podcue_timed_text_beside_markdown_is_an_output_not_a_transcript() {
        let d = tmp("own-txt");
        std::fs::write(d.join("x.mp3"), b"x").ok();
        std::fs::write(d.join("x.md"), b"# Title\n\n## Intro\n\nHOST: Hello.\n").ok();
        std::fs::write(d.join("x.txt"), b"[00:00:01.250] HOST: Hello.\n").ok();
        // A hand-written .txt beside a .md is still the transcript, the .md named.
        std::fs::write(d.join("y.mp3"), b"x").ok();
        std::fs::write(d.join("y.md"), b"HOST: Hello.\n").ok();
        std::fs::write(d.join("y.txt"), b"HOST: Hello.\n").ok();
        // Timed text alone is a transcript (a service's export, say).
        std::fs::write(d.join("z.mp3"), b"x").ok();
        std::fs::write(d.join("z.txt"), b"[00:00:01.250] HOST: Hello.\n").ok();
        let plan = scan_folder(&d).unwrap();
        let used = transcripts_used(&plan);
        assert_eq!(used, [d.join("x.md"), d.join("y.txt"), d.join("z.txt")]);
        let named: Vec<&Path> = plan.unpaired.iter().map(|u| u.path.as_path()).collect();
        assert_eq!(named, [d.join("y.md")]);
        std::fs::remove_dir_all(&d).ok();
    }

    #[test]
    fn manifests_csv_and_jsonl() {
        let d = tmp("manifest");
        let csv = d.join("m.csv");
        std::fs::write(
            &csv,
            "transcript,audio,output\n\"x, y.txt\",x.mp3,out/x\n# note\n/abs/t.txt,/abs/a.mp3,\n",
        )
        .ok();
        let p = read_manifest(&csv).unwrap();
        assert_eq!(p.episodes.len(), 2);
        assert_eq!(p.episodes[0].audio, PathBuf::from("/abs/a.mp3"));
        assert_eq!(p.episodes[0].output, None);
        assert_eq!(p.episodes[1].transcript, d.join("x, y.txt"));
        assert_eq!(p.episodes[1].output, Some(d.join("out/x")));
        let jl = d.join("m.jsonl");
        std::fs::write(&jl, "{\"audio\":\"a.mp3\",\"transcript\":\"a.txt\"}\n\n{\"audio\":\"b.mp3\",\"transcript\":\"b.txt\",\"output\":\"o\"}\n").ok();
        let p = read_manifest(&jl).unwrap();
        assert_eq!(p.episodes.len(), 2);
        assert_eq!(p.episodes[1].output, Some(d.join("o")));
        std::fs::write(&csv, "a,b\n1,2\n").ok();
        assert!(read_manifest(&csv).is_err());
        std::fs::write(&jl, "{\"audio\":\"a.mp3\"}\n").ok();
        assert!(read_manifest(&jl).is_err());
        std::fs::remove_dir_all(&d).ok();
    }

    #[test]
    fn freshness() {
        let d = tmp("fresh");
        let (a, t, o) = (d.join("a.wav"), d.join("a.txt"), d.join("a.vtt"));
        std::fs::write(&a, b"x").ok();
        std::fs::write(&t, b"x").ok();
        assert!(!up_to_date(&a, &t, std::slice::from_ref(&o)));
        std::fs::write(&o, b"x").ok();
        let later = SystemTime::now() + std::time::Duration::from_secs(10);
        std::fs::File::options()
            .write(true)
            .open(&o)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert!(up_to_date(&a, &t, std::slice::from_ref(&o)));
        assert!(!up_to_date(&a, &t, &[o.clone(), d.join("missing")]));
        std::fs::remove_dir_all(&d).ok();
    }
}
