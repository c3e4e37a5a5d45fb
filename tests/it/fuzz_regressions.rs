//! Replays every saved fuzz input (`tests/fixtures/fuzz-regressions/{parse,decode}/`) through
//! the transcript parser and the decoder: each must return, Ok or Err, without a panic.
//! Decode inputs carry the fuzz target's leading byte that picks the extension hint.

use std::path::{Path, PathBuf};

use podcue::audio::decode::decode_to_mono;
use podcue::progress::Silent;
use podcue::transcript::{ParseOptions, parse};

const EXTS: &[&str] = &[
    "wav", "mp3", "m4a", "flac", "ogg", "mkv", "caf", "aiff", "bin",
];

fn inputs(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz-regressions")
        .join(kind);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"));
    v.sort();
    v
}

#[test]
fn parse_regressions() {
    for p in inputs("parse") {
        let bytes = std::fs::read(&p).unwrap();
        let _ = parse(&bytes, &p, &ParseOptions::default());
    }
}

#[test]
fn decode_regressions() {
    let tmp = std::env::temp_dir().join(format!("podcue-fuzzreg-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for p in inputs("decode") {
        let bytes = std::fs::read(&p).unwrap();
        let Some((&pick, body)) = bytes.split_first() else {
            continue;
        };
        let ext = EXTS[usize::from(pick) % EXTS.len()];
        let f = tmp.join(format!("input.{ext}"));
        std::fs::write(&f, body).unwrap();
        let _ = decode_to_mono(&f, &Silent, &mut |_| {});
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
