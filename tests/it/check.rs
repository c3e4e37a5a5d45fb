//! `podcue check` through the real binary on hand-broken caption files.

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name)
}

/// Runs `podcue check --json FILE extra...`; gives the exit code and the issue codes.
fn run(name: &str, extra: &[&str]) -> (i32, Vec<(String, String, u64)>) {
    let out = Command::new(env!("CARGO_BIN_EXE_podcue"))
        .arg("check")
        .arg(fixture(name))
        .arg("--json")
        .args(extra)
        .output()
        .expect("run podcue");
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("JSON report on stdout");
    let issues = report["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .map(|i| {
            (
                i["severity"].as_str().unwrap_or("").to_string(),
                i["code"].as_str().unwrap_or("").to_string(),
                i["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    (out.status.code().unwrap_or(-1), issues)
}

fn has(issues: &[(String, String, u64)], severity: &str, code: &str, line: u64) -> bool {
    issues
        .iter()
        .any(|(s, c, l)| s == severity && c == code && *l == line)
}

#[test]
fn good_files_pass_even_strict() {
    for name in ["good.vtt", "good.srt"] {
        let (code, issues) = run(name, &["--strict"]);
        assert_eq!((code, issues.len()), (0, 0), "{name}: {issues:?}");
    }
}

#[test]
fn errors_exit_1_with_line_numbers() {
    let cases: &[(&str, &str, u64)] = &[
        ("overlap.vtt", "overlap", 6),
        ("missing-header.vtt", "missing-header", 1),
        ("end-before-start.srt", "end-before-start", 2),
        ("line-too-long.vtt", "line-too-long", 4),
        ("bad-timestamp.vtt", "bad-timestamp", 6),
        ("out-of-order.vtt", "out-of-order", 6),
        ("three-lines.vtt", "too-many-lines", 3),
        ("no-blank-after-header.vtt", "header", 2),
        ("missing-blank-line.vtt", "syntax", 5),
    ];
    for (name, code, line) in cases {
        let (exit, issues) = run(name, &[]);
        assert_eq!(exit, 1, "{name}: {issues:?}");
        assert!(
            has(&issues, "error", code, *line),
            "{name}: want {code} at line {line}, got {issues:?}"
        );
    }
}

#[test]
fn warnings_exit_0_unless_strict() {
    let (exit, issues) = run("too-fast.vtt", &[]);
    assert_eq!(exit, 0, "{issues:?}");
    assert!(has(&issues, "warning", "too-fast", 3), "{issues:?}");
    assert!(issues.iter().all(|(s, _, _)| s == "warning"), "{issues:?}");
    assert_eq!(run("too-fast.vtt", &["--strict"]).0, 1);
    let (exit, issues) = run("too-short-too-long.vtt", &[]);
    assert_eq!(exit, 0);
    assert!(
        has(&issues, "warning", "too-short", 3) && has(&issues, "warning", "too-long", 6),
        "{issues:?}"
    );
}

#[test]
fn style_changes_limits() {
    // 39 characters: fine for netflix (42), too long for bbc (37).
    let (exit, _) = run("good.vtt", &["--style", "bbc"]);
    assert_eq!(exit, 0);
    let (exit, issues) = run("line-too-long.vtt", &["--style", "podcast"]);
    assert_eq!(exit, 1);
    assert!(has(&issues, "error", "line-too-long", 4));
}

#[test]
fn human_report_and_usage_errors() {
    let out = Command::new(env!("CARGO_BIN_EXE_podcue"))
        .args(["check"])
        .arg(fixture("overlap.vtt"))
        .output()
        .expect("run podcue");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("overlap.vtt:6: error:"), "{text}");
    assert!(text.contains("2 cues, 1 errors, 0 warnings"), "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_podcue"))
        .args(["check", "x.vtt", "--style", "nope"])
        .output()
        .expect("run podcue");
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_podcue"))
        .args(["check", "/nonexistent/x.vtt"])
        .output()
        .expect("run podcue");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

/// `check --max-chars`/`--max-lines` check a file against the limits `align` made it with (a
/// QA pass: files made with `--max-chars 32` passed the default 42 whatever their lines, and
/// `--max-chars 60` ones failed). The same range as align's.
#[test]
fn max_chars_and_max_lines_override_the_style() {
    let dir = super::common::temp_dir("check", "max-chars");
    let file = |name: &str, lines: &[&str]| {
        let path = dir.join(name);
        let text = format!(
            "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n{}\n",
            lines.join("\n")
        );
        std::fs::write(&path, text).unwrap();
        path
    };
    let check = |path: &std::path::Path, extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_podcue"))
            .arg("check")
            .arg(path)
            .args(extra)
            .output()
            .expect("run podcue");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        (out.status.code().unwrap_or(-1), text)
    };
    // 38 characters: within netflix's 42, over a 32 given.
    let made_for_32 = file("32.vtt", &["Thirty-eight characters on this line."]);
    assert_eq!(check(&made_for_32, &[]).0, 0);
    let (code, text) = check(&made_for_32, &["--max-chars", "32"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("(at most 32) [line-too-long]"), "{text}");
    assert!(
        text.contains("(netflix style, 32 characters x 2 lines)"),
        "{text}"
    );
    // 55 characters: over 42, within a 60 given.
    let made_for_60 = file(
        "60.vtt",
        &["A line of fifty-five characters, as --max-chars 60 makes"],
    );
    assert_eq!(check(&made_for_60, &[]).0, 1);
    assert_eq!(check(&made_for_60, &["--max-chars", "60"]).0, 0);
    // Three lines: too many for any style, fine with --max-lines 3.
    let three = file("three.vtt", &["One.", "Two.", "Three."]);
    assert_eq!(check(&three, &[]).0, 1);
    assert_eq!(check(&three, &["--max-lines", "3"]).0, 0);
    // Out of align's range: a usage error.
    for bad in [
        ["--max-chars", "7"],
        ["--max-chars", "1001"],
        ["--max-lines", "0"],
    ] {
        assert_eq!(check(&three, &bad).0, 2, "{bad:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// End to end, as the QA pass did it: `align --max-chars 10`, then `check --max-chars 10` on
/// both caption files finds no error (the SRT's `NAME:` labels included).
#[test]
fn align_with_max_chars_passes_check_with_the_same() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = super::common::temp_dir("check", "align-10");
    let out = Command::new(env!("CARGO_BIN_EXE_podcue"))
        .arg("align")
        .arg(root.join("audio/sample-episode.mp3"))
        .arg(root.join("transcripts/sample-episode.txt"))
        .args(["--max-chars", "10", "--format", "vtt,srt", "-q", "-o"])
        .arg(&dir)
        .output()
        .expect("run podcue");
    assert!(out.status.success(), "{out:?}");
    for name in ["sample-episode.vtt", "sample-episode.srt"] {
        let out = Command::new(env!("CARGO_BIN_EXE_podcue"))
            .arg("check")
            .arg(dir.join(name))
            .args(["--max-chars", "10"])
            .output()
            .expect("run podcue");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{name}: {text}");
        assert!(text.contains(" 0 errors"), "{name}: {text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
