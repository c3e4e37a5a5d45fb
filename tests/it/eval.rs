//! `podcue eval` through the real binary: align the bundled sample, then measure it against its
//! truth. These are the figures the aligner must keep (see the tolerances below).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn podcue(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_podcue"))
        .args(args)
        .output()
        .expect("run podcue")
}

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("podcue-it-eval-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn num(v: &serde_json::Value, path: &[&str]) -> f64 {
    let mut cur = v;
    for p in path {
        cur = &cur[*p];
    }
    cur.as_f64()
        .unwrap_or_else(|| panic!("{path:?} is not a number in {v}"))
}

fn eval_json(args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let mut all: Vec<&std::ffi::OsStr> = vec!["eval".as_ref(), "--json".as_ref()];
    all.extend_from_slice(args);
    let out = podcue(&all);
    assert!(
        out.status.success(),
        "podcue eval failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn align_sample(dir: &Path) {
    let root = root();
    let out = podcue(&[
        "align".as_ref(),
        root.join("audio/sample-episode.mp3").as_os_str(),
        root.join("transcripts/sample-episode.txt").as_os_str(),
        "-o".as_ref(),
        dir.as_os_str(),
        "--quiet".as_ref(),
    ]);
    assert!(
        out.status.success(),
        "podcue align failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn aligned_sample_meets_its_figures() {
    let dir = out_dir("sample");
    align_sample(&dir);
    let truth = root().join("audio/sample-episode.truth.json");
    let r = eval_json(&[
        "--truth".as_ref(),
        truth.as_os_str(),
        dir.join("sample-episode.vtt").as_os_str(),
        "--chapters".as_ref(),
        dir.join("sample-episode.chapters.json").as_os_str(),
        "--words".as_ref(),
        dir.join("sample-episode.words.json").as_os_str(),
    ]);
    // Tolerances: exact for counts; 0.05 s for medians (today ~0.01 s on both).
    assert_eq!(num(&r, &["coverage", "coverage"]), 1.0, "coverage 100%");
    assert_eq!(num(&r, &["vtt", "invalid"]), 0.0, "no invalid cue");
    assert_eq!(r["vtt"]["header_ok"], true);
    assert_eq!(num(&r, &["shape", "overlapping"]), 0.0, "no overlap");
    assert!(
        num(&r, &["shape", "max_chars_per_line"]) <= 42.0,
        "no line over 42"
    );
    assert_eq!(num(&r, &["shape", "pct_line_over_42"]), 0.0);
    let cue_median = num(&r, &["cue_start", "median"]);
    assert!(
        cue_median <= 0.05,
        "cue start median {cue_median} s > 0.05 s"
    );
    let turn_median = num(&r, &["turn_start", "median"]);
    assert!(
        turn_median <= 0.05,
        "turn start median {turn_median} s > 0.05 s"
    );
    assert_eq!(num(&r, &["turn_start", "missing"]), 0.0);
    assert_eq!(r["chapters"]["first_at_zero"], true, "chapters first at 0");
    assert_eq!(r["chapters"]["valid"], true);
    assert_eq!(num(&r, &["words", "coverage"]), 1.0, "every word timed");

    // The same captions as their own reference: nothing to find.
    let vtt = dir.join("sample-episode.vtt");
    let same = eval_json(&["--reference".as_ref(), vtt.as_os_str(), vtt.as_os_str()]);
    assert_eq!(num(&same, &["coverage", "coverage"]), 1.0);
    assert_eq!(num(&same, &["cue_start", "max"]), 0.0);
    assert_eq!(num(&same, &["cue_end", "max"]), 0.0);

    // A whole set: the folder form gives the AGGREGATE line.
    let truths = out_dir("truths");
    std::fs::copy(&truth, truths.join("sample-episode.truth.json")).expect("copy truth");
    let out = podcue(&[
        "eval".as_ref(),
        "--dir".as_ref(),
        truths.as_os_str(),
        "--out-dir".as_ref(),
        dir.as_os_str(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("AGGREGATE 1 episodes"), "{text}");
    assert!(text.contains("coverage 100.0%"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&truths);
}

#[test]
fn broken_captions_are_measured_not_fatal() {
    let dir = out_dir("broken");
    let vtt = dir.join("broken.vtt");
    std::fs::write(
        &vtt,
        "00:00.500 --> 00:00.900\nno header\n\n00:01.000 --> 00:02.000\nhello\n\n00:03.000 --> 00:02.500\nend before start\n",
    )
    .expect("write vtt");
    let truth = root().join("audio/sample-episode.truth.json");
    let r = eval_json(&["--truth".as_ref(), truth.as_os_str(), vtt.as_os_str()]);
    assert_eq!(r["vtt"]["header_ok"], false);
    assert_eq!(num(&r, &["vtt", "invalid"]), 2.0);
    assert!(num(&r, &["coverage", "coverage"]) < 0.1);

    // A truth file that is not one: an error, exit 1, no panic.
    std::fs::write(dir.join("bad.json"), "{\"words\": 3}").expect("write");
    let out = podcue(&[
        "eval".as_ref(),
        "--truth".as_ref(),
        dir.join("bad.json").as_os_str(),
        vtt.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a truth file"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn srt_is_named_as_captions_and_as_reference() {
    let dir = out_dir("srt");
    let srt = dir.join("human.srt");
    std::fs::write(&srt, "1\n00:00:01,000 --> 00:00:02,000\nHello there\n").expect("write srt");
    let vtt = dir.join("out.vtt");
    std::fs::write(
        &vtt,
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there\n",
    )
    .expect("write vtt");
    // The same message whichever argument the SRT file is given as.
    for (reference, captions) in [(&srt, &vtt), (&vtt, &srt)] {
        let out = podcue(&[
            "eval".as_ref(),
            "--reference".as_ref(),
            reference.as_os_str(),
            captions.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("human.srt: this is SRT; eval reads WebVTT")
                && stderr.contains("ffmpeg"),
            "{stderr}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn chapters_against_a_reference_are_a_usage_error() {
    let dir = out_dir("refchapters");
    let vtt = dir.join("out.vtt");
    std::fs::write(
        &vtt,
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there\n",
    )
    .expect("write vtt");
    let chapters = dir.join("out.chapters.json");
    std::fs::write(
        &chapters,
        r#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"}]}"#,
    )
    .expect("write chapters");
    let out = podcue(&[
        "eval".as_ref(),
        "--reference".as_ref(),
        vtt.as_os_str(),
        vtt.as_os_str(),
        "--chapters".as_ref(),
        chapters.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--truth"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
