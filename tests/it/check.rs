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
