//! `podcue batch`: good episodes written, a broken one reported, reruns skip, shards partition.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) fn temp_dir(name: &str) -> PathBuf {
    super::common::temp_dir("batch", name)
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

/// Two manifest rows of one stem whose output folders are the same folder spelled two ways
/// (`out` and `./out`, the manifest given by a relative path) would write the same files at
/// once: the second is refused, as it is when both rows say `out` (a QA pass: the spellings
/// were compared as text, both ran, and one failed on the other's temporary file).
#[test]
fn one_output_folder_spelled_two_ways_is_one_folder() {
    let dir = temp_dir("batch-spelled-twice");
    write_episode(&dir, "one");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    write_episode(&dir.join("sub"), "one");
    std::fs::write(
        dir.join("list.csv"),
        "audio,transcript,output\none.wav,one.txt,out\nsub/one.wav,sub/one.txt,./out\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_podcue"))
        .args([
            "batch",
            "list.csv",
            "--report",
            "r.json",
            "--allow-mismatch",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("r.json")).unwrap()).unwrap();
    let got = rows(&r);
    let statuses: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(statuses, ["ok", "failed"], "{got:?}\n{stderr}");
    assert!(
        got[1].2.contains("would overwrite those of"),
        "{got:?}\n{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `-q` prints errors only, and a failed episode's error is one: it is printed, and the
/// warnings are not (a QA pass: `-q` printed nothing at all and exited 1).
#[test]
fn quiet_still_names_a_failed_episode() {
    let dir = temp_dir("batch-quiet");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    write_episode(&input, "ep1");
    std::fs::write(input.join("broken.mp3"), b"this is not audio at all").unwrap();
    std::fs::write(input.join("broken.txt"), TRANSCRIPT).unwrap();
    std::fs::write(input.join("lonely.txt"), TRANSCRIPT).unwrap();
    let out = dir.join("out");
    let (code, stderr) = run_batch(&[
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "-q".as_ref(),
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("error:") && stderr.contains("broken.mp3"),
        "{stderr}"
    );
    assert!(!stderr.contains("warning:"), "{stderr}");
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

fn run_batch(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let mut all: Vec<&std::ffi::OsStr> = vec!["batch".as_ref()];
    all.extend_from_slice(args);
    let o = podcue(&all);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// A `--report` file that is an input or an output of the batch is refused before any episode
/// runs: the input is left as it was and nothing is written.
#[test]
fn the_report_never_overwrites_an_input_or_an_output() {
    let dir = temp_dir("batch-report-clash");
    let input = dir.join("in");
    let out = dir.join("out");
    std::fs::create_dir_all(&input).unwrap();
    let (audio, transcript) = write_episode(&input, "ep");
    let lonely = input.join("lonely.wav");
    std::fs::write(&lonely, b"no transcript yet").unwrap();
    let manifest = dir.join("list.csv");
    std::fs::write(&manifest, "audio,transcript\nin/ep.wav,in/ep.txt\n").unwrap();
    let audio_bytes = std::fs::read(&audio).unwrap();
    for (source, report) in [
        (&input, &transcript),
        (&input, &audio),
        (&input, &lonely),
        (&input, &out.join("ep.vtt")),
        (&input, &out.join("ep.words.json")),
        (&manifest, &manifest),
        (&manifest, &out.join("ep.srt")),
    ] {
        let (code, stderr) = run_batch(&[
            source.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--report".as_ref(),
            report.as_os_str(),
        ]);
        let report_name = report.file_name().unwrap().to_string_lossy();
        assert_eq!(code, Some(1), "--report {report_name}: {stderr}");
        assert!(
            stderr.contains(&*report_name) && stderr.contains("choose another --report file"),
            "the error names the file and what to do: {stderr}"
        );
        assert!(!stderr.contains("episodes:"), "no episode ran: {stderr}");
        assert!(!out.join("ep.vtt").exists(), "nothing written: {stderr}");
    }
    assert_eq!(std::fs::read_to_string(&transcript).unwrap(), TRANSCRIPT);
    assert_eq!(std::fs::read(&audio).unwrap(), audio_bytes);
    assert_eq!(std::fs::read(&lonely).unwrap(), b"no transcript yet");
    assert!(
        std::fs::read_to_string(&manifest)
            .unwrap()
            .starts_with("audio,")
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A `--report` that cannot be written is said before any episode runs; a missing folder is
/// created, as `-o`'s is.
#[test]
fn an_unwritable_report_is_refused_up_front() {
    let dir = temp_dir("batch-report-path");
    let input = dir.join("in");
    let out = dir.join("out");
    std::fs::create_dir_all(&input).unwrap();
    write_episode(&input, "ep");
    let a_file = dir.join("a-file");
    std::fs::write(&a_file, "x").unwrap();
    for (report, says) in [
        (dir.clone(), "is a folder"),
        (a_file.join("report.json"), "is a file"),
    ] {
        let (code, stderr) = run_batch(&[
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--report".as_ref(),
            report.as_os_str(),
        ]);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!stderr.contains("episodes:"), "no episode ran: {stderr}");
        assert!(!out.exists(), "nothing written: {stderr}");
    }
    let report = dir.join("new/folder/report.json");
    let (code, stderr) = run_batch(&[
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
        "--allow-mismatch".as_ref(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("\"episodes\""), "{text}");
    let left: Vec<_> = std::fs::read_dir(report.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        ["report.json"],
        "the write check leaves nothing behind"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `-j 0` and an absurd `-j` are usage errors; a large one on a small batch starts no more
/// workers than it has episodes (it used to start one thread per job: slow, or a panic and a
/// hang when threads ran out).
#[test]
fn jobs_are_bounded() {
    let dir = temp_dir("batch-jobs");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    write_episode(&input, "ep");
    let out = dir.join("out");
    let run = |jobs: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_podcue"))
            .args(["batch".as_ref(), input.as_os_str(), "-o".as_ref()])
            .arg(&out)
            .args(["--allow-mismatch", "--force", "-j", jobs])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let t0 = std::time::Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return (status.code(), t0.elapsed());
            }
            if t0.elapsed() > std::time::Duration::from_secs(60) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("-j {jobs}: still running after 60 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    assert_eq!(run("0").0, Some(2), "-j 0 is a usage error");
    assert_eq!(run("100000").0, Some(2), "-j 100000 is a usage error");
    let (one, _) = run("1");
    assert_eq!(one, Some(0));
    let (code, took) = run("1024");
    assert_eq!(code, Some(0));
    assert!(out.join("ep.vtt").is_file());
    // One episode with 1024 jobs used to start 1024 threads (19 s for 2000); capped, it takes
    // about what one job does.
    assert!(took.as_secs_f64() < 10.0, "-j 1024 took {took:?}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A bad option shared by every episode fails once, up front, not once per episode.
#[test]
fn a_bad_style_fails_before_any_episode() {
    let dir = temp_dir("batch-style");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    write_episode(&input, "one");
    write_episode(&input, "two");
    let report = dir.join("report.json");
    let (code, stderr) = run_batch(&[
        input.as_os_str(),
        "-o".as_ref(),
        dir.join("out").as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
        "--style".as_ref(),
        "foo".as_ref(),
    ]);
    // A usage error, as for `podcue align --style foo`.
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(
        stderr.matches("invalid value 'foo' for '--style").count(),
        1,
        "said once: {stderr}"
    );
    assert!(stderr.contains("netflix"), "says what to use: {stderr}");
    assert!(!stderr.contains("episodes:"), "no episode ran: {stderr}");
    assert!(!report.exists());
    std::fs::remove_dir_all(&dir).ok();
}

/// An empty folder or manifest is an error that says what a batch expects; files a folder
/// cannot pair, or pairs one of two ways, are named in warnings; an empty shard is fine.
#[test]
fn odd_catalogues_are_explained() {
    let dir = temp_dir("batch-odd");
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("lonely.wav"), b"no transcript").unwrap();
    let out = dir.join("out");
    let (code, stderr) = run_batch(&[empty.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("no episodes found in") && stderr.contains("NAME.mp3 + NAME.txt"),
        "{stderr}"
    );
    let manifest = dir.join("empty.csv");
    std::fs::write(&manifest, "audio,transcript\n# none yet\n").unwrap();
    let (code, stderr) = run_batch(&[manifest.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("no episodes listed in"), "{stderr}");

    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    write_episode(&input, "dup");
    std::fs::write(input.join("dup.md"), TRANSCRIPT).unwrap();
    std::fs::write(input.join("orphan.txt"), TRANSCRIPT).unwrap();
    let (code, stderr) = run_batch(&[
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--allow-mismatch".as_ref(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let line = |name: &str| {
        stderr
            .lines()
            .find(|l| l.starts_with("podcue: warning: ") && l.contains(name))
            .unwrap_or_else(|| panic!("no warning about {name}: {stderr}"))
            .to_string()
    };
    assert!(
        line("dup.md").contains("dup.txt is the transcript used"),
        "{stderr}"
    );
    assert!(line("orphan.txt").contains("no audio file"), "{stderr}");
    // The captions written beside the transcript (-o in) are no second transcript.
    let beside = [
        input.as_os_str(),
        "-o".as_ref(),
        input.as_os_str(),
        "--allow-mismatch".as_ref(),
    ];
    let (code, stderr) = run_batch(&beside);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(input.join("dup.vtt").is_file());
    let (code, stderr) = run_batch(&beside);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        !stderr.contains("dup.vtt") && !stderr.contains("dup.srt"),
        "{stderr}"
    );

    let (code, stderr) = run_batch(&[
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--shard".as_ref(),
        "2/2".as_ref(),
    ]);
    assert_eq!(code, Some(0), "an empty shard is no failure: {stderr}");
    assert!(stderr.contains("shard 2/2 has no episodes"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}
