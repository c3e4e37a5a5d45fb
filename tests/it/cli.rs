//! The binary end to end on the bundled sample: the outputs' invariants (every word once and in
//! order, cues sorted and non-overlapping, line limits, valid JSON), and `-o -`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn podcue() -> Command {
    Command::new(env!("CARGO_BIN_EXE_podcue"))
}

fn temp_dir(name: &str) -> PathBuf {
    super::common::temp_dir("cli", name)
}

fn secs(ts: &str) -> f64 {
    let parts: Vec<f64> = ts.split(':').map(|p| p.parse().unwrap()).collect();
    parts[0] * 3600.0 + parts[1] * 60.0 + parts[2]
}

/// (start, end, display lines) of every cue in a WebVTT file we wrote.
fn cues(vtt: &str) -> Vec<(f64, f64, Vec<String>)> {
    let mut out = Vec::new();
    for block in vtt.split("\n\n").skip(1) {
        let mut lines = block.lines();
        let Some(timing) = lines.next() else { continue };
        let (a, b) = timing.split_once(" --> ").expect("a timing line");
        let text = lines
            .map(|l| {
                let mut s = String::new();
                let mut in_tag = false;
                for c in l.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' => in_tag = false,
                        _ if !in_tag => s.push(c),
                        _ => {}
                    }
                }
                s.replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
            })
            .collect();
        out.push((secs(a), secs(b.split_whitespace().next().unwrap()), text));
    }
    out
}

/// Spoken words: bracketed tags and insertions (`[Laughs]`, `[in 2019]`) are not words.
fn words_of(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

#[test]
fn align_on_the_bundled_sample_keeps_every_invariant() {
    let out = temp_dir("sample");
    let status = podcue()
        .args(["align", "-q"])
        .arg(root().join("audio/sample-episode.mp3"))
        .arg(root().join("transcripts/sample-episode.txt"))
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    let vtt = read("sample-episode.vtt");
    assert!(vtt.starts_with("WEBVTT\n\n"));
    let cues = cues(&vtt);
    assert!(cues.len() >= 20, "{} cues", cues.len());
    let mut prev_end = 0.0;
    for (start, end, lines) in &cues {
        assert!(end > start, "cue ends before it starts at {start}");
        assert!(*start >= prev_end - 1e-9, "overlap at {start}");
        assert!(
            lines.len() <= 2 && lines.iter().all(|l| l.chars().count() <= 42),
            "{lines:?}"
        );
        prev_end = *end;
    }
    // Every spoken word of the transcript once, in order (the speaker labels are not words).
    let transcript = read_transcript(&root().join("transcripts/sample-episode.txt"));
    let captioned: Vec<String> = cues.iter().flat_map(|c| words_of(&c.2.join(" "))).collect();
    assert_eq!(captioned, words_of(&transcript));
    for json in [
        "sample-episode.json",
        "sample-episode.words.json",
        "sample-episode.chapters.json",
    ] {
        let v: serde_json::Value =
            serde_json::from_str(&read(json)).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert!(v.is_object(), "{json}");
    }
    let chapters: serde_json::Value =
        serde_json::from_str(&read("sample-episode.chapters.json")).unwrap();
    assert_eq!(chapters["version"], "1.2.0");
    assert_eq!(chapters["chapters"][0]["startTime"], 0.0);
    let words: serde_json::Value =
        serde_json::from_str(&read("sample-episode.words.json")).unwrap();
    assert_eq!(
        words["words"].as_array().unwrap().len(),
        words_of(&transcript).len()
    );
    std::fs::remove_dir_all(out).unwrap();
}

/// The transcript's spoken text: each `NAME:` label removed.
fn read_transcript(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| match l.split_once(": ") {
            Some((label, rest)) if label.chars().all(|c| c.is_uppercase()) => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn dash_output_writes_one_format_to_stdout_and_nothing_else() {
    let cwd = temp_dir("stdout");
    let run = |formats: &str| {
        podcue()
            .current_dir(&cwd)
            .args(["align", "-q", "-o", "-", "--format", formats])
            .arg(root().join("audio/sample-episode.mp3"))
            .arg(root().join("transcripts/sample-episode.txt"))
            .output()
            .unwrap()
    };
    let one = run("srt");
    assert!(one.status.success());
    assert!(String::from_utf8_lossy(&one.stdout).starts_with("1\n00:00:"));
    // A usage error, exit 2 as for `chapters -o -` (a QA pass: align exited 1).
    let two = run("vtt,srt");
    assert_eq!(two.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&two.stderr).contains("exactly one --format"));
    assert_eq!(
        std::fs::read_dir(&cwd).unwrap().count(),
        0,
        "nothing written to the folder"
    );
    std::fs::remove_dir_all(cwd).unwrap();
}

#[test]
fn debug_dump_writes_every_stage_and_agrees_with_the_outputs() {
    let dir = temp_dir("debug-dump");
    let dump = dir.join("debug");
    let status = podcue()
        .arg("align")
        .arg(root().join("audio/sample-episode.mp3"))
        .arg(root().join("transcripts/sample-episode.txt"))
        .arg("-o")
        .arg(&dir)
        .arg("--debug-dump")
        .arg(&dump)
        .arg("-q")
        .status()
        .unwrap();
    assert!(status.success());
    let read = |stage: &str| -> serde_json::Value {
        let path = dump.join(format!("sample-episode.debug.{stage}.json"));
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
    };
    for stage in ["config", "audio", "timeline"] {
        assert!(read(stage).is_object(), "{stage}");
    }
    // One time per document word, and the cues and chapters are the ones written.
    let document = read("document");
    let alignment = read("alignment");
    assert_eq!(
        document["words"].as_array().unwrap().len(),
        alignment["words"].as_array().unwrap().len()
    );
    let vtt = std::fs::read_to_string(dir.join("sample-episode.vtt")).unwrap();
    assert_eq!(read("cues").as_array().unwrap().len(), cues(&vtt).len());
    let chapters: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("sample-episode.chapters.json")).unwrap())
            .unwrap();
    assert_eq!(
        read("chapters").as_array().unwrap().len(),
        chapters["chapters"].as_array().unwrap().len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `podcue align` on the bundled sample's audio with `transcript`, into `out`: its stderr
/// (the run must succeed).
fn align_sample_stderr(transcript: &Path, out: &Path) -> String {
    let run = podcue()
        .arg("align")
        .arg(root().join("audio/sample-episode.mp3"))
        .arg(transcript)
        .arg("-o")
        .arg(out)
        .arg("--force")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stderr).into_owned()
}

#[test]
fn a_transcript_without_full_stops_is_named_as_the_reason_for_rough_times() {
    let dir = temp_dir("unpunctuated");
    let transcript = dir.join("unpunctuated.txt");
    std::fs::write(&transcript, crate::transcript::unpunctuated_sample()).unwrap();
    let run = |transcript: &Path| align_sample_stderr(transcript, &dir.join("out"));
    assert!(run(&transcript).contains("no full stops"));
    assert!(!run(&root().join("transcripts/sample-episode.txt")).contains("no full stops"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The sample's transcript without two of Elsie's sentences (34.4-44.0 s in its audio).
pub(crate) fn sample_without_two_sentences() -> String {
    let full = std::fs::read_to_string(root().join("transcripts/sample-episode.txt")).unwrap();
    let cut = " Neighbours kept knocking to borrow my hedge trimmer, so I thought, why not make it \
               official? Within a month the garage was full, and my car was living on the street.";
    assert!(full.contains(cut), "the sample's text changed");
    full.replace(cut, "")
}

/// Two sentences left out of the sample's transcript (34.4-44.0 s in the audio) are named on
/// stderr as speech the transcript does not cover, and so is its ending when the transcript
/// stops early; the whole transcript gets no such note.
#[test]
fn speech_the_transcript_leaves_out_is_named() {
    let dir = temp_dir("uncovered");
    let transcript = dir.join("cut.txt");
    std::fs::write(&transcript, sample_without_two_sentences()).unwrap();
    let notes = |transcript: &Path| -> Vec<(f64, f64)> {
        align_sample_stderr(transcript, &dir.join("out"))
            .lines()
            .filter_map(|l| l.strip_prefix("podcue: note: "))
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                let start = secs(parts.next()?);
                parts.next()?; // "to"
                let end = secs(parts.next()?.trim_end_matches(':'));
                Some((start, end))
            })
            .collect()
    };
    let cut_notes = notes(&transcript);
    assert!(
        cut_notes.iter().any(|&(a, b)| a < 44.0 && b > 34.4),
        "no note over the left-out sentences: {cut_notes:?}"
    );
    assert!(notes(&root().join("transcripts/sample-episode.txt")).is_empty());
    // The last two turns left out (142.5-148.7 s): the audio after the last word is named.
    let full = std::fs::read_to_string(root().join("transcripts/sample-episode.txt")).unwrap();
    let ending = full
        .find("MARCUS: Elsie Brandt,")
        .expect("the sample's text changed");
    let short = dir.join("short.txt");
    std::fs::write(&short, &full[..ending]).unwrap();
    let short_notes = notes(&short);
    assert!(
        short_notes.iter().any(|&(a, b)| a < 143.0 && b > 148.0),
        "no note over the left-out ending: {short_notes:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_run_that_fails_on_one_output_writes_none() {
    // align: a folder where the JSON transcript would go makes that output fail after the
    // VTT and SRT are ready; neither may be left behind.
    let out = temp_dir("all-or-none-align");
    std::fs::create_dir_all(out.join("sample-episode.json")).unwrap();
    let run = podcue()
        .args(["align", "-q"])
        .arg(root().join("audio/sample-episode.mp3"))
        .arg(root().join("transcripts/sample-episode.txt"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    assert_eq!(
        super::common::files_in(&out),
        vec!["sample-episode.json".to_string()]
    );
    // chapters: JSON is fine, YouTube's 10 s minimum is broken; neither file is written.
    let dir = temp_dir("all-or-none-chapters");
    let source = dir.join("in.json");
    std::fs::write(
        &source,
        r#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"},{"startTime":5,"title":"B"},{"startTime":60,"title":"C","endTime":90}]}"#,
    )
    .unwrap();
    let run = podcue()
        .args(["chapters", "--chapters"])
        .arg(&source)
        .args(["--format", "json,youtube", "-o"])
        .arg(dir.join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(super::common::files_in(&dir.join("out")).is_empty());
}

#[test]
fn chapters_to_stdout_and_usage_errors() {
    let dir = temp_dir("chapters-stdout");
    let source = dir.join("in.json");
    std::fs::write(
        &source,
        r#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"},{"startTime":30,"title":"B"},{"startTime":60,"title":"C","endTime":90}]}"#,
    )
    .unwrap();
    let run = |args: &[&str]| {
        let mut c = podcue();
        c.current_dir(&dir).args(args);
        c.output().unwrap()
    };
    // -o - writes the one format asked for to stdout, and no folder named "-".
    let out = run(&[
        "chapters",
        "--chapters",
        "in.json",
        "--format",
        "youtube",
        "-o",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "0:00 A\n0:30 B\n1:00 C\n"
    );
    assert!(!dir.join("-").exists());
    // Usage errors exit 2: two formats to stdout, audio without a transcript, an unknown
    // style, a speaker name without its label.
    for args in [
        &[
            "chapters",
            "--chapters",
            "in.json",
            "--format",
            "json,vtt",
            "-o",
            "-",
        ][..],
        &["chapters", "in.json"][..],
        &["align", "a.mp3", "t.txt", "--style", "foo"][..],
        &["align", "a.mp3", "t.txt", "--speaker", "=Tom"][..],
        &["align", "a.mp3", "t.txt", "--min-chapter", "nan"][..],
        &["align", "a.mp3", "t.txt", "--min-chapter", "-5"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
    // A negative number is a value out of range, not an unknown option.
    let out = run(&["review", "a.mp3", "t.txt", "--min-chapter", "-5"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("give 0 or more"),
        "{out:?}"
    );
    // Converting a chapters file into the folder it is in would overwrite it.
    std::fs::copy(&source, dir.join("ep.chapters.json")).unwrap();
    let out = run(&["chapters", "--chapters", "ep.chapters.json", "-o", "."]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("overwrite an input"));
}

/// A paragraph the audio does not have (cut in the edit), in the middle of Elsie's turn or
/// first in it: named on stderr, in no caption, its words in `words.json` with no cue, and
/// every other cue where it is with the sample's own transcript.
#[test]
fn a_paragraph_cut_from_the_audio_is_named_and_not_captioned() {
    let dir = temp_dir("unheard");
    let original = std::fs::read_to_string(root().join("transcripts/sample-episode.txt")).unwrap();
    let cut = "We also run a seed swap in the spring, where gardeners bring packets of tomatoes, \
               beans and marigolds, and everyone leaves with something new to plant in their \
               window boxes.";
    let middle = original.replace(
        "sewing machines. It began",
        &format!("sewing machines.\n\n{cut}\n\nIt began"),
    );
    let first = original.replace("ELSIE: Sometimes.", &format!("ELSIE: {cut}\n\nSometimes."));
    assert!(middle != original && first != original);
    align_sample_stderr(
        &root().join("transcripts/sample-episode.txt"),
        &dir.join("own"),
    );
    let own = cues(&std::fs::read_to_string(dir.join("own/sample-episode.vtt")).unwrap());
    for (name, text) in [("middle", middle), ("first", first)] {
        let transcript = dir.join(format!("{name}.txt"));
        std::fs::write(&transcript, text).unwrap();
        let out = dir.join(name);
        let stderr = align_sample_stderr(&transcript, &out);
        assert!(
            stderr.contains("is not in the audio") && stderr.contains("\"We also run a seed"),
            "{name}: {stderr}"
        );
        let vtt = std::fs::read_to_string(out.join("sample-episode.vtt")).unwrap();
        assert!(!vtt.contains("seed swap"), "{name}: captioned");
        let starts: Vec<f64> = cues(&vtt).iter().map(|c| c.0).collect();
        let own_starts: Vec<f64> = own.iter().map(|c| c.0).collect();
        assert_eq!(starts, own_starts, "{name}: other cues moved");
        let words: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.join("sample-episode.words.json")).unwrap(),
        )
        .unwrap();
        let uncued: Vec<&str> = words["words"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["cue"].is_null())
            .map(|w| w["text"].as_str().unwrap())
            .collect();
        assert_eq!(uncued.len(), 30, "{name}: {uncued:?}");
        assert_eq!(uncued[0], "We");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A paragraph 40 dB quieter than the rest (the sample's "Write everything down ...", 132.4-
/// 141.7 s, a paragraph of its own): it was called missing from the audio ("cut in the edit?")
/// while a note called the same seconds speech the transcript does not cover (a QA pass). Now
/// one warning says the audio there is very quiet, names the paragraph and what to do; the
/// captions are what they were.
#[test]
fn a_very_quiet_paragraph_gets_one_warning_that_says_so() {
    let dir = temp_dir("quiet");
    let original = std::fs::read_to_string(root().join("transcripts/sample-episode.txt")).unwrap();
    let text = original.replace(
        "for money. Write everything",
        "for money.\n\nWrite everything",
    );
    assert!(text != original, "the sample's text changed");
    let transcript = dir.join("ep.txt");
    std::fs::write(&transcript, text).unwrap();
    // The sample decoded, the paragraph's seconds 40 dB down, as a 16-bit WAV.
    let (mut samples, mut spec) = (Vec::new(), None);
    podcue::audio::decode::decode_interleaved(
        &root().join("audio/sample-episode.mp3"),
        &podcue::progress::Silent,
        &mut |block, info| {
            samples.extend_from_slice(block);
            spec = Some((info.sample_rate, info.channels));
        },
    )
    .unwrap();
    let (rate, channels) = spec.unwrap();
    let audio = dir.join("ep.wav");
    let mut wav = hound::WavWriter::create(
        &audio,
        hound::WavSpec {
            channels,
            sample_rate: rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        },
    )
    .unwrap();
    for (i, s) in samples.iter().enumerate() {
        let t = (i / usize::from(channels)) as f64 / f64::from(rate);
        let gain = if (132.36..141.71).contains(&t) {
            0.01
        } else {
            1.0
        };
        wav.write_sample((s * gain * 32767.0).round() as i16)
            .unwrap();
    }
    wav.finalize().unwrap();
    let run = podcue()
        .arg("align")
        .arg(&audio)
        .arg(&transcript)
        .arg("-o")
        .arg(dir.join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    let quiet: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("very quiet"))
        .collect();
    assert_eq!(quiet.len(), 1, "{stderr}");
    let line = quiet[0].strip_prefix("podcue: warning: ").expect(quiet[0]);
    let mut parts = line.split_whitespace();
    let start = secs(parts.next().unwrap());
    parts.next(); // "to"
    let end = secs(parts.next().unwrap().trim_end_matches(':'));
    assert!(
        (131.5..=132.6).contains(&start) && (141.5..=143.0).contains(&end),
        "{line}"
    );
    assert!(
        line.contains("40 dB under")
            || line.contains("39 dB under")
            || line.contains("41 dB under"),
        "{line}"
    );
    assert!(line.contains("\"Write everything down"), "{line}");
    assert!(line.contains("raise the level"), "{line}");
    // Nothing else about that place: no paragraph "not in the audio", no uncovered speech.
    assert!(!stderr.contains("is not in the audio"), "{stderr}");
    assert!(!stderr.contains("does not cover"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `chapters AUDIO TRANSCRIPT` refuses a transcript that evidently belongs to other audio, as
/// `align` does (exit 3, nothing written), and writes with `--force`.
#[test]
fn chapters_from_a_mismatched_pair_exit_3_unless_forced() {
    let dir = temp_dir("chapters-mismatch");
    let original = std::fs::read_to_string(root().join("transcripts/sample-episode.txt")).unwrap();
    let transcript = dir.join("ten-times.txt");
    std::fs::write(&transcript, original.repeat(10)).unwrap();
    let run = |extra: &[&str]| {
        podcue()
            .arg("chapters")
            .arg(root().join("audio/sample-episode.mp3"))
            .arg(&transcript)
            .arg("-o")
            .arg(dir.join("out"))
            .args(extra)
            .output()
            .unwrap()
    };
    let refused = run(&[]);
    assert_eq!(refused.status.code(), Some(3), "{refused:?}");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("does not seem to match"));
    assert!(!dir.join("out/sample-episode.chapters.json").exists());
    let forced = run(&["--force"]);
    assert_eq!(forced.status.code(), Some(0), "{forced:?}");
    assert!(dir.join("out/sample-episode.chapters.json").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Converting Podcasting 2.0 chapters with links and images says that those are not carried
/// into the outputs (a QA pass: JSON to JSON dropped every `url` and `img` without a word); a
/// file with only starts, ends and titles gets no such warning.
#[test]
fn converting_chapters_names_the_fields_it_drops() {
    let dir = temp_dir("chapters-unkept");
    std::fs::write(
        dir.join("links.json"),
        r#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"A","url":"https://example.com/a"},{"startTime":30,"title":"B","img":"https://example.com/b.jpg","endTime":60}]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("plain.json"),
        r#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"},{"startTime":30,"title":"B","endTime":60}]}"#,
    )
    .unwrap();
    let convert = |file: &str| {
        podcue()
            .current_dir(&dir)
            .args([
                "chapters",
                "--chapters",
                file,
                "--format",
                "json",
                "-o",
                "out",
            ])
            .output()
            .unwrap()
    };
    let o = convert("links.json");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: links.json: the chapters' img, url are not carried"),
        "{stderr}"
    );
    let o = convert("plain.json");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn dash_as_the_audio_is_a_usage_error_that_says_to_give_a_file() {
    let dir = temp_dir("stdin-audio");
    let transcript = root().join("transcripts/sample-episode.txt");
    let review = dir.join("review.html");
    let chapters = dir.join("chapters.json");
    std::fs::write(
        &chapters,
        r#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"}]}"#,
    )
    .expect("write chapters");
    let tagged = dir.join("tagged.mp3");
    let runs: [Vec<&std::ffi::OsStr>; 6] = [
        vec![
            "align".as_ref(),
            "-".as_ref(),
            transcript.as_os_str(),
            "-o".as_ref(),
            dir.as_os_str(),
        ],
        vec!["segment".as_ref(), "-".as_ref()],
        vec![
            "chapters".as_ref(),
            "-".as_ref(),
            transcript.as_os_str(),
            "-o".as_ref(),
            dir.as_os_str(),
        ],
        vec![
            "review".as_ref(),
            "-".as_ref(),
            transcript.as_os_str(),
            "-o".as_ref(),
            review.as_os_str(),
        ],
        vec![
            "tag".as_ref(),
            "-".as_ref(),
            "--chapters".as_ref(),
            chapters.as_os_str(),
            "-o".as_ref(),
            tagged.as_os_str(),
        ],
        vec![
            "split".as_ref(),
            "-".as_ref(),
            "--chapters".as_ref(),
            chapters.as_os_str(),
            "-o".as_ref(),
            dir.as_os_str(),
        ],
    ];
    for args in runs {
        let out = podcue().args(&args).output().expect("run podcue");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("reading audio from stdin is not supported")
                && stderr.contains("give the audio file's path"),
            "{args:?}: {stderr}"
        );
    }
    // The library says the same, for any other caller.
    let e = podcue::input::audio_file(std::path::Path::new("-")).expect_err("- is not a file");
    assert!(e.to_string().contains("stdin"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}
