//! `podcue review` and `align --review`: one self-contained page with the cues and chapters.

use std::process::Command;

use super::batch::{temp_dir, write_episode};

fn check_page(html: &str) {
    assert!(html.starts_with("<!doctype html>"), "doctype");
    assert!(html.trim_end().ends_with("</html>"));
    let lower = html.to_ascii_lowercase();
    for bad in [
        "src=\"http",
        "href=\"http",
        "src=\"//",
        "href=\"//",
        "@import",
        "url(http",
    ] {
        assert!(!lower.contains(bad), "network reference {bad}");
    }
    assert_eq!(html.matches("<li").count(), html.matches("</li>").count());
    assert_eq!(
        html.matches("<script").count(),
        html.matches("</script>").count()
    );
    assert!(html.contains("<audio id=\"player\""));
    assert!(html.contains("<track id=\"captions\""));
    assert!(html.contains("src=\"data:text/vtt;base64,"));
    assert!(html.contains("id=\"chapters\""));
    // Transcript text is in the cue list, escaped.
    assert!(html.contains("welcome"));
    assert!(html.contains("fish &amp; chips &lt;3"), "escaped text");
    assert!(!html.contains("chips <3"));
}

#[test]
fn review_page_is_self_contained() {
    let dir = temp_dir("review");
    let (audio, transcript) = write_episode(&dir, "show");
    let page = dir.join("pages/review.html");
    let o = Command::new(env!("CARGO_BIN_EXE_podcue"))
        .arg("review")
        .arg(&audio)
        .arg(&transcript)
        .arg("-o")
        .arg(&page)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty(), "data only on stdout; nothing here");
    let html = std::fs::read_to_string(&page).unwrap();
    check_page(&html);
    assert!(
        html.contains("src=\"../show.wav\""),
        "audio relative to the page"
    );
    let cues =
        html.matches("<li data-t=").count() + html.matches("<li class=\"low\" data-t=").count();
    assert!(cues >= 2, "cue and chapter rows: {cues}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn align_review_writes_the_page_beside_the_captions() {
    let dir = temp_dir("align-review");
    let (audio, transcript) = write_episode(&dir, "ep");
    let out = dir.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_podcue"))
        .arg("align")
        .arg(&audio)
        .arg(&transcript)
        .arg("-o")
        .arg(&out)
        .args(["--review", "--force", "--format", "vtt", "-q"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        o.stderr.is_empty(),
        "-q: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.join("ep.vtt").is_file());
    let html = std::fs::read_to_string(out.join("ep.review.html")).unwrap();
    check_page(&html);
    assert!(html.contains("src=\"../ep.wav\""));
    std::fs::remove_dir_all(&dir).ok();
}

/// `-o -` writes the page to standard output (the audio referred to from the current folder),
/// and `-o` naming a folder writes `STEM.review.html` in it, as `align -o` does (a QA pass:
/// `-o -` wrote a file named `-`, and `-o pages/` failed with "Not a directory").
#[test]
fn review_writes_to_stdout_or_into_a_folder() {
    let dir = temp_dir("review-targets");
    let (audio, transcript) = write_episode(&dir, "show");
    let review = |output: &str| {
        Command::new(env!("CARGO_BIN_EXE_podcue"))
            .arg("review")
            .arg(&audio)
            .arg(&transcript)
            .args(["-o", output, "-q"])
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    let o = review("-");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = String::from_utf8(o.stdout).unwrap();
    check_page(&html);
    assert!(
        html.contains("src=\"show.wav\""),
        "audio from the current folder"
    );
    assert!(!dir.join("-").exists(), "no file named -");
    for folder in ["pages/", "existing"] {
        std::fs::create_dir_all(dir.join("existing")).unwrap();
        let o = review(folder);
        assert!(
            o.status.success(),
            "{folder}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let html = std::fs::read_to_string(dir.join(folder).join("show.review.html")).unwrap();
        check_page(&html);
        assert!(html.contains("src=\"../show.wav\""), "{folder}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
