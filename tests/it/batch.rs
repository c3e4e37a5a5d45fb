//! `podcue batch`: good episodes written, a broken one reported, reruns skip, shards partition.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("podcue-it-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A two-sentence transcript.
pub(crate) const TRANSCRIPT: &str = "Hello and welcome to the little show.\n\nToday we talk about the weather, and fish & chips <3.\n";

/// Writes a speech-like WAV for [`TRANSCRIPT`]: syllable-sized voiced bursts (a 140 Hz
/// harmonic tone with noise, shaped like a syllable) with short gaps, and a long pause
/// between the sentences, at 16 kHz.
pub(crate) fn write_episode(dir: &Path, stem: &str) -> (PathBuf, PathBuf) {
    let rate = 16_000usize;
    let mut x: Vec<f32> = vec![0.0; rate / 2];
    let mut seed = 12345u32;
    let mut noise = move || {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (seed >> 8) as f32 / (1u32 << 24) as f32 - 0.5
    };
    for syllables in [10usize, 14] {
        for k in 0..syllables {
            let len = rate * (160 + 30 * (k % 3)) / 1000;
            for i in 0..len {
                let t = i as f32 / rate as f32;
                let env = (std::f32::consts::PI * i as f32 / len as f32).sin();
                let tone: f32 = (1..6)
                    .map(|h| (2.0 * std::f32::consts::PI * 140.0 * h as f32 * t).sin() / h as f32)
                    .sum();
                x.push(0.3 * env * (0.8 * tone + 0.3 * noise()));
            }
            x.extend(std::iter::repeat_n(0.0, rate * 70 / 1000));
        }
        x.extend(std::iter::repeat_n(0.0, rate * 700 / 1000));
    }
    for s in x.iter_mut() {
        *s += 0.0005 * noise();
    }
    let audio = dir.join(format!("{stem}.wav"));
    podcue::audio::wav::write_wav(&audio, &x, rate as u32, 1, 16).unwrap();
    let transcript = dir.join(format!("{stem}.txt"));
    std::fs::write(&transcript, TRANSCRIPT).unwrap();
    (audio, transcript)
}

fn podcue(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podcue"))
        .args(args)
        .output()
        .unwrap()
}

fn batch(input: &Path, out: &Path, report: &Path, extra: &[&str]) -> (Output, serde_json::Value) {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "batch".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
        "--allow-mismatch".as_ref(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    let o = podcue(&args);
    let text = std::fs::read_to_string(report)
        .unwrap_or_else(|_| panic!("no report; stderr: {}", String::from_utf8_lossy(&o.stderr)));
    (o, serde_json::from_str(&text).unwrap())
}

fn rows(report: &serde_json::Value) -> Vec<(String, String, String)> {
    report["episodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let name = Path::new(r["audio"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (
                name,
                r["status"].as_str().unwrap().to_string(),
                r["error"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn folder_with_a_broken_episode() {
    let dir = temp_dir("batch");
    let input = dir.join("in");
    let out = dir.join("out");
    std::fs::create_dir_all(&input).unwrap();
    write_episode(&input, "ep1");
    write_episode(&input, "ep2");
    std::fs::write(
        input.join("broken.mp3"),
        b"this is not audio at all, just text",
    )
    .unwrap();
    std::fs::write(input.join("broken.txt"), TRANSCRIPT).unwrap();
    std::fs::write(input.join("lonely.wav"), b"no transcript").unwrap();
    let report = dir.join("report.json");

    let (o, r) = batch(&input, &out, &report, &["--jobs", "2"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let got = rows(&r);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].0, "broken.mp3");
    assert_eq!(got[0].1, "failed");
    assert!(!got[0].2.is_empty(), "a failure says why");
    assert_eq!(
        (got[1].1.as_str(), got[2].1.as_str()),
        ("ok", "ok"),
        "{got:?}\n{stderr}"
    );
    for ep in &r["episodes"].as_array().unwrap()[1..] {
        assert!(ep["duration_s"].as_f64().unwrap() > 5.0);
        assert!(ep["mean_confidence"].as_f64().is_some());
        assert!(ep["seconds"].as_f64().unwrap() >= 0.0);
    }
    for stem in ["ep1", "ep2"] {
        for ext in ["vtt", "srt", "json", "words.json", "chapters.json"] {
            assert!(out.join(format!("{stem}.{ext}")).is_file(), "{stem}.{ext}");
        }
    }
    assert!(!out.join("broken.vtt").exists());
    assert!(
        stderr.contains("broken.mp3"),
        "summary names the failure: {stderr}"
    );
    assert!(
        stderr.contains("lonely.wav"),
        "unpaired file is reported: {stderr}"
    );

    // A second run skips what is done; the broken one fails again.
    let before = std::fs::metadata(out.join("ep1.vtt"))
        .unwrap()
        .modified()
        .unwrap();
    let (o, r) = batch(&input, &out, &report, &[]);
    assert_eq!(o.status.code(), Some(1));
    let got = rows(&r);
    assert_eq!(got[1].1, "skipped");
    assert_eq!(got[2].1, "skipped");
    let after = std::fs::metadata(out.join("ep1.vtt"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after, "a skipped episode is not rewritten");

    // --force redoes them.
    let (_, r) = batch(&input, &out, &report, &["--force"]);
    assert_eq!(rows(&r)[1].1, "ok");

    // Shards: 1/2 and 2/2 together cover every episode exactly once.
    let mut seen = Vec::new();
    for shard in ["1/2", "2/2"] {
        let (_, r) = batch(&input, &out, &report, &["--shard", shard]);
        let names: Vec<String> = rows(&r).into_iter().map(|x| x.0).collect();
        assert!(!names.is_empty(), "{shard}");
        seen.extend(names);
    }
    seen.sort();
    assert_eq!(seen, ["broken.mp3", "ep1.wav", "ep2.wav"]);
    let o = podcue(&[
        "batch".as_ref(),
        input.as_os_str(),
        "--shard".as_ref(),
        "3/2".as_ref(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "shard outside 1..=N is a usage error"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn manifest_paths_are_relative_to_it() {
    let dir = temp_dir("batch-manifest");
    let eps = dir.join("eps");
    std::fs::create_dir_all(&eps).unwrap();
    write_episode(&eps, "one");
    std::fs::write(
        dir.join("list.csv"),
        "audio,transcript,output\neps/one.wav,eps/one.txt,written/one\n",
    )
    .unwrap();
    let report = dir.join("r.json");
    let (o, r) = batch(&dir.join("list.csv"), &dir.join("unused"), &report, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(rows(&r)[0].1, "ok");
    assert!(dir.join("written/one/one.vtt").is_file());
    std::fs::remove_dir_all(&dir).ok();
}

/// The report carries, per episode, the speech its transcript does not cover: the sample with
/// two sentences cut from its transcript gets such a warning, the whole sample none.
#[test]
fn the_report_names_speech_the_transcript_leaves_out() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = temp_dir("batch-uncovered");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let full = std::fs::read_to_string(root.join("transcripts/sample-episode.txt")).unwrap();
    let cut = crate::cli::sample_without_two_sentences();
    for (stem, text) in [("cut", cut), ("whole", full)] {
        std::fs::copy(
            root.join("audio/sample-episode.mp3"),
            input.join(format!("{stem}.mp3")),
        )
        .unwrap();
        std::fs::write(input.join(format!("{stem}.txt")), text).unwrap();
    }
    let report = dir.join("report.json");
    let (o, r) = batch(&input, &dir.join("out"), &report, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let warnings = |stem: &str| -> Vec<String> {
        r["episodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| {
                e["audio"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("{stem}.mp3"))
            })
            .unwrap()["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        warnings("cut").iter().any(|w| w.contains("does not cover")),
        "{:?}",
        warnings("cut")
    );
    assert!(warnings("whole").is_empty(), "{:?}", warnings("whole"));
    let _ = std::fs::remove_dir_all(&dir);
}
