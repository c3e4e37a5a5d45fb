//! Chaptered episodes: ID3v2 CHAP/CTOC into a copy of an MP3, read back with the `id3` crate and
//! with symphonia; the audio after the tag unchanged; output == input refused; M4A chapters.
//! Then `podcue tag` end to end: inputs never overwritten, in-place keeps modes and links,
//! chapters checked against the episode's measured length, bad arguments refused.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use podcue::chapters::Chapter;
use podcue::tag::Length;

fn temp_dir(name: &str) -> PathBuf {
    super::common::temp_dir("tag", name)
}

/// `frames` silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono): a 4-byte header, then
/// zero side info and zero main data, which decoders play as silence. The data bytes carry a
/// counter so a moved or changed byte would show.
/// The length of [`silent_mp3_frames`]`(24)`: 24 frames of 1152 samples at 44.1 kHz.
const MP3_24: Length = Length::Measured(24.0 * 1152.0 / 44100.0);

fn silent_mp3_frames(frames: usize) -> Vec<u8> {
    const FRAME_LEN: usize = 417; // 144 * 128000 / 44100, no padding
    let mut out = Vec::with_capacity(frames * FRAME_LEN);
    for _ in 0..frames {
        out.extend_from_slice(&[0xFF, 0xFB, 0x90, 0xC4]);
        out.extend(std::iter::repeat_n(0u8, FRAME_LEN - 4));
    }
    out
}

fn sample_chapters() -> Vec<Chapter> {
    vec![
        Chapter {
            start: 0.0,
            end: 0.2,
            title: "Introduction".into(),
        },
        Chapter {
            start: 0.2,
            end: 0.35,
            title: "How the co-op started".into(),
        },
        // Ends with the episode ([`MP3_24`], in whole ms): the last chapter always does.
        Chapter {
            start: 0.35,
            end: 0.627,
            title: "Ünïcode & advice".into(),
        },
    ]
}

/// An MP3 with an existing ID3v2.3 tag (title, album) and old chapters that must go.
fn mp3_with_tag(audio: &[u8]) -> Vec<u8> {
    use id3::TagLike;
    let mut tag = id3::Tag::new();
    tag.set_title("Episode 12");
    tag.set_album("Prairie Current");
    tag.add_frame(id3::frame::Chapter {
        element_id: "old".into(),
        start_time: 0,
        end_time: 10,
        start_offset: u32::MAX,
        end_offset: u32::MAX,
        frames: vec![],
    });
    let mut out = Vec::new();
    tag.write_to(&mut out, id3::Version::Id3v23).unwrap();
    out.extend_from_slice(audio);
    out
}

#[test]
fn mp3_gets_chap_and_ordered_ctoc_and_keeps_tags_and_audio() {
    let dir = temp_dir("mp3");
    let audio = silent_mp3_frames(24);
    let input = dir.join("episode.mp3");
    std::fs::write(&input, mp3_with_tag(&audio)).unwrap();
    let before = std::fs::read(&input).unwrap();
    let output = dir.join("chaptered.mp3");
    podcue::tag::tag_file(&input, &output, &sample_chapters(), false, MP3_24).unwrap();

    // The input is untouched; the output's audio is byte-for-byte the input's.
    assert_eq!(std::fs::read(&input).unwrap(), before);
    let out = std::fs::read(&output).unwrap();
    let len = podcue::tag::id3::tag_len(&out);
    assert!(len > 10);
    assert_eq!(&out[len..], &audio[..]);

    use id3::TagLike;
    let tag = id3::Tag::read_from_path(&output).unwrap();
    assert_eq!(tag.title(), Some("Episode 12"));
    assert_eq!(tag.album(), Some("Prairie Current"));
    let chaps: Vec<&id3::frame::Chapter> = tag.chapters().collect();
    assert_eq!(chaps.len(), 3, "old chapters replaced");
    let tocs: Vec<&id3::frame::TableOfContents> = tag.tables_of_contents().collect();
    assert_eq!(tocs.len(), 1);
    assert!(tocs[0].top_level && tocs[0].ordered);
    assert_eq!(tocs[0].elements, vec!["chp0", "chp1", "chp2"]);
    for (id, want) in tocs[0].elements.iter().zip(sample_chapters()) {
        let c = chaps.iter().find(|c| &c.element_id == id).unwrap();
        assert_eq!(c.start_time, (want.start * 1000.0).round() as u32);
        assert_eq!(c.end_time, (want.end * 1000.0).round() as u32);
        let title = c
            .frames
            .iter()
            .find(|f| f.id() == "TIT2")
            .and_then(|f| f.content().text());
        assert_eq!(title, Some(want.title.as_str()));
    }
    // Our own reader agrees.
    let back = podcue::tag::id3::read_chapters(&out).unwrap();
    assert_eq!(back, sample_chapters());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn symphonia_reads_the_chapters() {
    use symphonia::core::formats::probe::Hint;
    use symphonia::core::io::MediaSourceStream;
    use symphonia::core::meta::{ChapterGroupItem, RawValue};
    let dir = temp_dir("symphonia");
    let input = dir.join("plain.mp3");
    std::fs::write(&input, silent_mp3_frames(24)).unwrap();
    let output = dir.join("out.mp3");
    podcue::tag::tag_file(&input, &output, &sample_chapters(), false, MP3_24).unwrap();
    let file = std::fs::File::open(&output).unwrap();
    let mss = MediaSourceStream::new(Box::new(file), Default::default());
    let mut hint = Hint::new();
    hint.with_extension("mp3");
    let format = symphonia::default::get_probe()
        .probe(&hint, mss, Default::default(), Default::default())
        .unwrap();
    let Some(group) = format.chapters() else {
        // Symphonia's MP3 reader does not hand ID3 chapters on in this version.
        eprintln!("note: symphonia exposes no chapters for this MP3");
        return;
    };
    fn flatten(items: &[ChapterGroupItem], out: &mut Vec<(f64, String)>) {
        for item in items {
            match item {
                ChapterGroupItem::Group(g) => flatten(&g.items, out),
                ChapterGroupItem::Chapter(c) => {
                    let title = c
                        .tags
                        .iter()
                        .find_map(|t| match &t.raw.value {
                            RawValue::String(s) if t.raw.key.contains("TIT2") => {
                                Some(s.to_string())
                            }
                            _ => None,
                        })
                        .unwrap_or_default();
                    out.push((c.start_time.as_secs_f64(), title));
                }
            }
        }
    }
    let mut got = Vec::new();
    flatten(&group.items, &mut got);
    let want: Vec<(f64, String)> = sample_chapters()
        .into_iter()
        .map(|c| (c.start, c.title))
        .collect();
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((gs, gt), (ws, wt)) in got.iter().zip(&want) {
        assert!((gs - ws).abs() < 0.001, "{gs} vs {ws}");
        if !gt.is_empty() {
            assert_eq!(gt, wt);
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_equal_to_input_is_refused_unless_in_place() {
    let dir = temp_dir("inplace");
    let input = dir.join("ep.mp3");
    let audio = silent_mp3_frames(8);
    std::fs::write(&input, &audio).unwrap();
    let err = podcue::tag::tag_file(&input, &input, &sample_chapters(), false, MP3_24)
        .unwrap_err()
        .to_string();
    assert!(err.contains("--in-place"), "{err}");
    assert_eq!(std::fs::read(&input).unwrap(), audio);
    podcue::tag::tag_file(&input, &input, &sample_chapters(), true, MP3_24).unwrap();
    let out = std::fs::read(&input).unwrap();
    assert_eq!(&out[podcue::tag::id3::tag_len(&out)..], &audio[..]);
    // No temporary file left behind.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_container_is_an_error_and_an_unknown_last_end_is_the_episode_end() {
    let dir = temp_dir("errors");
    let wav = dir.join("ep.wav");
    std::fs::write(&wav, b"RIFF").unwrap();
    let e = podcue::tag::tag_file(&wav, &dir.join("o.wav"), &sample_chapters(), false, MP3_24)
        .unwrap_err()
        .to_string();
    assert!(e.contains("can only tag"), "{e}");
    let mp3 = dir.join("ep.mp3");
    std::fs::write(&mp3, silent_mp3_frames(24)).unwrap();
    let mut ch = sample_chapters();
    ch[2].end = ch[2].start;
    let written = podcue::tag::tag_file(&mp3, &dir.join("o.mp3"), &ch, false, MP3_24).unwrap();
    assert_eq!(written[2].end, MP3_24.seconds());
    let back = podcue::tag::id3::read_chapters(&std::fs::read(dir.join("o.mp3")).unwrap()).unwrap();
    assert_eq!(back[2].end, 0.627);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn m4a_gets_chapter_track_and_chpl() {
    let src = fixture("sine-440hz-1s-mono.m4a");
    if !src.exists() {
        eprintln!("note: {} missing, skipped", src.display());
        return;
    }
    let dir = temp_dir("m4a");
    let output = dir.join("out.m4a");
    let ch = vec![
        Chapter {
            start: 0.0,
            end: 0.4,
            title: "One".into(),
        },
        Chapter {
            start: 0.4,
            end: 1.0,
            title: "Two & more".into(),
        },
    ];
    podcue::tag::tag_file(&src, &output, &ch, false, Length::Measured(1.0)).unwrap();
    let (list, track) = podcue::tag::mp4::read_chapters(&output).unwrap();
    let want = vec![(0.0, "One".to_string()), (0.4, "Two & more".to_string())];
    for got in [list, track] {
        assert_eq!(got.len(), 2);
        for ((gs, gt), (ws, wt)) in got.iter().zip(&want) {
            assert!((gs - ws).abs() < 0.002, "{gs} vs {ws}");
            assert_eq!(gt, wt);
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Chapters that start after 0: the chapter track (back to back from 0) gets an untitled
/// chapter first, as the Nero list does, so the two agree and neither puts a chapter early.
/// A title longer than the Nero list's 255 bytes is cut at a character boundary.
#[test]
fn m4a_chapters_after_zero_and_long_titles() {
    let src = fixture("sine-440hz-1s-mono.m4a");
    let dir = temp_dir("m4a-late");
    let output = dir.join("out.m4a");
    let long = "Ü".repeat(200);
    let ch = vec![
        Chapter {
            start: 0.25,
            end: 0.5,
            title: "One".into(),
        },
        Chapter {
            start: 0.5,
            end: 1.0,
            title: long.clone(),
        },
    ];
    podcue::tag::tag_file(&src, &output, &ch, false, Length::Measured(1.0)).unwrap();
    let (list, track) = podcue::tag::mp4::read_chapters(&output).unwrap();
    for got in [list, track] {
        let starts: Vec<f64> = got.iter().map(|c| c.0).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        for (g, w) in starts.iter().zip([0.0, 0.25, 0.5]) {
            assert!((g - w).abs() < 0.002, "{starts:?}");
        }
        assert_eq!(got[0].1, "");
        assert_eq!(got[1].1, "One");
        assert!(got[2].1.len() <= 255 && long.starts_with(&got[2].1));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The boxes that fill `bytes` (one level of an MP4 file): name and content.
fn mp4_boxes(bytes: &[u8]) -> Vec<([u8; 4], &[u8])> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let size = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let (header, size) = match size {
            0 => (8, bytes.len() - at),
            1 => (
                16,
                u64::from_be_bytes(bytes[at + 8..at + 16].try_into().unwrap()) as usize,
            ),
            n => (8, n),
        };
        out.push((
            bytes[at + 4..at + 8].try_into().unwrap(),
            &bytes[at + header..at + size],
        ));
        at += size;
    }
    out
}

fn mp4_box<'a>(bytes: &'a [u8], name: &[u8; 4]) -> &'a [u8] {
    mp4_boxes(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {} box", String::from_utf8_lossy(name)))
        .1
}

/// The Nero list (`moov/udta/chpl`) of an MP4 file: its version byte, and its chapters read as
/// mutagen and MediaInfo read every list (the layout of ffmpeg, Nero, mp4v2 and GPAC: version
/// 1, four reserved bytes, a count, then 100 ns starts and titles).
fn nero_list(file: &[u8]) -> (u8, Vec<(f64, String)>) {
    let chpl = mp4_box(mp4_box(mp4_box(file, b"moov"), b"udta"), b"chpl");
    let mut out = Vec::new();
    let mut at = 9;
    for _ in 0..chpl[8] {
        let start = u64::from_be_bytes(chpl[at..at + 8].try_into().unwrap());
        let len = usize::from(chpl[at + 8]);
        let title = String::from_utf8(chpl[at + 9..at + 9 + len].to_vec()).unwrap();
        out.push((start as f64 / 1e7, title));
        at += 9 + len;
    }
    assert_eq!(at, chpl.len(), "the list's length");
    (chpl[0], out)
}

/// The Nero list is version 1 with the reserved word, as ffmpeg writes it: `mp4ameta` writes
/// version 0, which mutagen and MediaInfo read as no chapters (a QA pass). With the movie box
/// before the audio too, whose bytes and chunk offsets must not move; titles near the list's
/// 255-byte limit keep the list's length right.
#[test]
fn m4a_nero_list_is_version_1_as_ffmpeg_writes_it() {
    let dir = temp_dir("m4a-nero");
    for name in ["sine-440hz-1s-mono.m4a", "sine-440hz-1s-mono-faststart.m4a"] {
        let src = fixture(name);
        let output = dir.join(name);
        let long = "X".repeat(300);
        for titles in [vec!["One", "Two & Ünïcode"], vec![long.as_str()]] {
            let ch: Vec<Chapter> = titles
                .iter()
                .enumerate()
                .map(|(i, t)| Chapter {
                    start: i as f64 * 0.4,
                    end: (i as f64 * 0.4 + 0.4).min(1.0),
                    title: (*t).into(),
                })
                .collect();
            podcue::tag::tag_file(&src, &output, &ch, false, Length::Measured(1.0)).unwrap();
            let bytes = std::fs::read(&output).unwrap();
            let (version, list) = nero_list(&bytes);
            assert_eq!(version, 1, "{name}");
            assert_eq!(list.len(), ch.len(), "{name}: {list:?}");
            for ((start, title), want) in list.iter().zip(&ch) {
                assert!((start - want.start).abs() < 0.001, "{name}: {list:?}");
                if want.title.len() <= 251 {
                    assert_eq!(title, &want.title);
                } else {
                    assert!(title.len() <= 255 && want.title.starts_with(title.as_str()));
                }
            }
            // The audio is where the chunk offsets say (the same samples), and the chapter
            // track still reads.
            let samples = |p: &Path| {
                let mut out = Vec::new();
                podcue::audio::decode::decode_to_mono(p, &podcue::progress::Silent, &mut |b| {
                    out.extend_from_slice(b);
                })
                .unwrap();
                out
            };
            assert_eq!(samples(&output), samples(&src), "{name}");
            let (_, track) = podcue::tag::mp4::read_chapters(&output).unwrap();
            assert_eq!(track.len(), ch.len(), "{name}");
            assert_eq!(
                track[0].1,
                ch[0].title.chars().take(255).collect::<String>()
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An MP3 whose tag is ID3v2.4 gets its chapters in ID3v2.3 (ffmpeg misreads the sizes of
/// a v2.4 CHAP's sub-frames and drops chapters with long titles), keeping its other frames.
#[test]
fn mp3_chapters_are_written_as_id3v23() {
    use id3::TagLike;
    let dir = temp_dir("mp3-v24");
    let mut tag = id3::Tag::new();
    tag.set_title("Episode 12");
    let mut bytes = Vec::new();
    tag.write_to(&mut bytes, id3::Version::Id3v24).unwrap();
    bytes.extend_from_slice(&silent_mp3_frames(24));
    let input = dir.join("episode.mp3");
    std::fs::write(&input, &bytes).unwrap();
    let output = dir.join("chaptered.mp3");
    podcue::tag::tag_file(&input, &output, &sample_chapters(), false, MP3_24).unwrap();
    let out = id3::Tag::read_from_path(&output).unwrap();
    assert_eq!(out.version(), id3::Version::Id3v23);
    assert_eq!(out.title(), Some("Episode 12"));
    assert_eq!(out.chapters().count(), 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fit_names_chapters_out_of_order_or_past_the_end_and_clamps_the_last_end() {
    let ch = |start: f64, end: f64, title: &str| Chapter {
        start,
        end,
        title: title.into(),
    };
    let fit = |list: &[Chapter], length: Length| {
        podcue::tag::fit(list, length).map_err(|e| e.to_string())
    };
    // Duplicate and decreasing starts name both chapters and their times.
    let e = fit(
        &[ch(0.0, 20.0, "A"), ch(20.0, 20.0, "B"), ch(20.0, 40.0, "C")],
        Length::Measured(100.0),
    )
    .unwrap_err();
    assert!(
        e.contains(r#"chapter 3 "C" starts at 0:20, at the same time as chapter 2 "B" (0:20)"#),
        "{e}"
    );
    let e = fit(
        &[
            ch(0.0, 90.0, "A"),
            ch(90.0, 100.0, "B"),
            ch(30.0, 40.0, "C"),
        ],
        Length::Measured(100.0),
    )
    .unwrap_err();
    assert!(
        e.contains(r#"chapter 3 "C" starts at 0:30, before chapter 2 "B" (1:30)"#),
        "{e}"
    );
    // Starts apart in the file but in the same millisecond are not "at the same time": the
    // error says how far apart they are and why that is too close (a QA pass: 0.5 ms; 4.0005
    // is 4000.4999... ms in floating point, so it rounds to 4000).
    let e = fit(
        &[ch(0.0, 1.0, "A"), ch(4.0, 1.0, "B"), ch(4.0005, 21.0, "C")],
        Length::Measured(100.0),
    )
    .unwrap_err();
    assert!(
        e.contains(r#"chapter 3 "C" starts 0.5 ms after chapter 2 "B", too close to tell apart: ID3 and MP4 chapters count whole milliseconds, and both start at 00:00:04.000; move one of them by a millisecond or more"#),
        "{e}"
    );
    assert!(!e.contains("same time"), "{e}");
    let e = fit(
        &[ch(0.0, 1.0, "A"), ch(1.0004, 1.0, "B"), ch(1.0, 2.0, "C")],
        Length::Measured(100.0),
    )
    .unwrap_err();
    assert!(
        e.contains(r#"chapter 3 "C" starts 0.4 ms before chapter 2 "B""#),
        "{e}"
    );
    // The first chapter at or after the end is named, with the episode's length.
    let e = fit(
        &[
            ch(0.0, 20.0, "A"),
            ch(20.0, 149.0, "B"),
            ch(149.0, 149.0, "Outro"),
        ],
        Length::Measured(34.133),
    )
    .unwrap_err();
    assert!(
        e.contains(r#"chapter 3 "Outro" starts at 2:29, after the end of the episode (0:34)"#),
        "{e}"
    );
    // A last chapter of no length (starting right at the end) is refused too.
    let e = fit(&[ch(0.0, 5.0, "A"), ch(5.0, 5.0, "B")], Length::Given(5.0)).unwrap_err();
    assert!(e.contains("at the end of the episode"), "{e}");
    assert!(e.contains("--duration"), "{e}");
    // Times that whole seconds would show as equal are shown to the millisecond.
    let e = fit(
        &[ch(0.0, 20.5, "A"), ch(20.9, 21.0, "B")],
        Length::Given(20.6),
    )
    .unwrap_err();
    assert!(
        e.contains("00:00:20.900") && e.contains("00:00:20.600"),
        "{e}"
    );
    // A last end past the episode's end is clamped; an unknown one is filled.
    let got = fit(
        &[ch(0.0, 10.0, "A"), ch(10.0, 200.0, "B")],
        Length::Measured(53.3),
    )
    .unwrap();
    assert_eq!((got[0].end, got[1].end), (10.0, 53.3));
    let got = fit(
        &[ch(0.0, 10.0, "A"), ch(10.0, 10.0, "B")],
        Length::Measured(53.3),
    )
    .unwrap();
    assert_eq!(got[1].end, 53.3);
    // A last end before the episode's end runs on to it, as every chapter runs to the next.
    let got = fit(
        &[ch(0.0, 5.0, "A"), ch(10.0, 20.0, "B")],
        Length::Measured(53.3),
    )
    .unwrap();
    assert_eq!((got[0].end, got[1].end), (10.0, 53.3));
}

// ---- `podcue tag` end to end ----

fn podcue(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podcue"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `podcue tag` with `args` (paths or flags); gives the exit code and stderr.
fn tag(args: &[&dyn AsRef<std::ffi::OsStr>]) -> (i32, String) {
    let mut all: Vec<&std::ffi::OsStr> = vec!["tag".as_ref()];
    all.extend(args.iter().map(|a| a.as_ref()));
    let out = podcue(&all);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A folder with a 0.627 s silent MP3 (`ep.mp3`) and Podcasting 2.0 chapters without end times
/// (`ch.json`: 0 "Intro", 0.3 "Talk").
fn cli_dir(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::write(dir.join("ep.mp3"), silent_mp3_frames(24)).unwrap();
    write_chapters(&dir.join("ch.json"), &[(0.0, "Intro"), (0.3, "Talk")]);
    dir
}

fn write_chapters(path: &Path, list: &[(f64, &str)]) {
    let chapters: Vec<serde_json::Value> = list
        .iter()
        .map(|(s, t)| serde_json::json!({"startTime": s, "title": t}))
        .collect();
    let json = serde_json::json!({"version": "1.2.0", "chapters": chapters});
    std::fs::write(path, json.to_string()).unwrap();
}

fn mp3_chapters(path: &Path) -> Vec<Chapter> {
    podcue::tag::id3::read_chapters(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn cli_never_writes_over_the_chapters_file_or_the_episode() {
    let dir = cli_dir("cli-inputs");
    let (ep, ch) = (dir.join("ep.mp3"), dir.join("ch.json"));
    let (ep_before, ch_before) = (std::fs::read(&ep).unwrap(), std::fs::read(&ch).unwrap());
    let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &ch]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("would overwrite an input"), "{err}");
    let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &ep]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--in-place"), "{err}");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&ch, dir.join("link.json")).unwrap();
        let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &dir.join("link.json")]);
        assert_eq!(code, 1, "{err}");
    }
    assert_eq!(std::fs::read(&ep).unwrap(), ep_before);
    assert_eq!(std::fs::read(&ch).unwrap(), ch_before);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn cli_in_place_keeps_the_mode_and_writes_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = cli_dir("cli-mode");
    let (ep, ch) = (dir.join("ep.mp3"), dir.join("ch.json"));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    std::fs::set_permissions(&ep, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, err) = tag(&[&ep, &"--chapters", &ch, &"--in-place"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&ep), 0o600);
    assert_eq!(mp3_chapters(&ep).len(), 2);

    // Through a symbolic link: the link stays, its target gets the chapters.
    let target = dir.join("target.mp3");
    std::fs::write(&target, silent_mp3_frames(24)).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.join("link.mp3");
    std::os::unix::fs::symlink("target.mp3", &link).unwrap();
    let (code, err) = tag(&[&link, &"--chapters", &ch, &"--in-place"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(mp3_chapters(&target).len(), 2);
    assert_eq!(mode(&target), 0o640);

    // An M4A too (its chapters are written by another library, through its own handle).
    let src = fixture("sine-440hz-1s-mono.m4a");
    if src.exists() {
        let m4a = dir.join("ep.m4a");
        std::fs::copy(&src, &m4a).unwrap();
        std::fs::set_permissions(&m4a, std::fs::Permissions::from_mode(0o600)).unwrap();
        let (code, err) = tag(&[&m4a, &"--chapters", &ch, &"--in-place"]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(mode(&m4a), 0o600);
        assert_eq!(podcue::tag::mp4::read_chapters(&m4a).unwrap().0.len(), 2);
    }
    // No temporary file left behind.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_measures_the_episode_for_chapters_without_end_times() {
    let dir = cli_dir("cli-measure");
    let (ep, ch, out) = (dir.join("ep.mp3"), dir.join("ch.json"), dir.join("out.mp3"));
    let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &out]);
    assert_eq!(code, 0, "{err}");
    let got = mp3_chapters(&out);
    assert_eq!(got.len(), 2);
    assert_eq!((got[0].end, got[1].end), (0.3, 0.627));

    // A last end past the episode's end is clamped, with no error.
    let long = dir.join("long.json");
    std::fs::write(
        &long,
        r#"{"chapters":[{"startTime":0,"endTime":0.3,"title":"A"},{"startTime":0.3,"endTime":149,"title":"B"}]}"#,
    )
    .unwrap();
    let (code, err) = tag(&[&ep, &"--chapters", &long, &"-o", &out]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mp3_chapters(&out)[1].end, 0.627);
    // --duration overrides the measured length.
    let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &out, &"--duration", &"0.5"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mp3_chapters(&out)[1].end, 0.5);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_refuses_chapters_past_the_end_or_out_of_order() {
    let dir = cli_dir("cli-past");
    let (ep, out) = (dir.join("ep.mp3"), dir.join("out.mp3"));
    let late = dir.join("late.json");
    write_chapters(&late, &[(0.0, "Intro"), (0.3, "Talk"), (149.0, "Outro")]);
    let (code, err) = tag(&[&ep, &"--chapters", &late, &"-o", &out]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(r#"chapter 3 "Outro" starts at 2:29, after the end of the episode (0:00)"#),
        "{err}"
    );
    assert!(!err.contains("--duration SECONDS"), "{err}");
    // With --duration the error says so.
    let ch = dir.join("ch.json");
    let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &out, &"--duration", &"0.2"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(r#"chapter 2 "Talk""#) && err.contains("--duration"),
        "{err}"
    );
    // Duplicate starts: both chapters named, not "no known end"; within a second, to the ms.
    let dup = dir.join("dup.json");
    write_chapters(&dup, &[(0.0, "Intro"), (0.3, "Talk"), (0.3, "More")]);
    let (code, err) = tag(&[&ep, &"--chapters", &dup, &"-o", &out]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            r#"chapter 3 "More" starts at 00:00:00.300, at the same time as chapter 2 "Talk" (00:00:00.300)"#
        ),
        "{err}"
    );
    assert!(!out.exists());

    // An M4A's length comes from its header.
    let src = fixture("sine-440hz-1s-mono.m4a");
    if src.exists() {
        let (code, err) = tag(&[&src, &"--chapters", &late, &"-o", &dir.join("out.m4a")]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("after the end of the episode (0:01)"), "{err}");
        assert!(!dir.join("out.m4a").exists());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_refuses_bad_lengths_conflicting_flags_and_another_container() {
    let dir = cli_dir("cli-args");
    let (ep, ch, out) = (dir.join("ep.mp3"), dir.join("ch.json"), dir.join("out.mp3"));
    for bad in ["nan", "-1", "0", "inf", "abc"] {
        let flag = format!("--duration={bad}");
        let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &out, &flag]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("above 0"), "{bad}: {err}");
    }
    let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &out, &"--in-place"]);
    assert_eq!(code, 2, "{err}");
    assert!(!out.exists());
    for wrong in ["out.m4a", "out.wav"] {
        let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &dir.join(wrong)]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(".mp3"), "{err}");
        assert!(!dir.join(wrong).exists());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A chapters file whose last chapter ends before the episode does (an outro left out): `tag`
/// ran the MP3's last CHAP to that end, leaving the tail in no chapter, while `split` put the
/// tail in the last part. Both now run it to the end of the episode, and say so.
#[test]
fn cli_tag_and_split_run_an_early_last_chapter_to_the_end() {
    let dir = temp_dir("cli-tail");
    let ep = dir.join("ep.mp3");
    std::fs::write(&ep, silent_mp3_frames(200)).unwrap();
    let length = 200.0 * 1152.0 / 44100.0;
    let ch = dir.join("ch.json");
    std::fs::write(
        &ch,
        r#"{"chapters":[{"startTime":0,"endTime":1,"title":"Intro"},{"startTime":1,"endTime":2,"title":"Talk"}]}"#,
    )
    .unwrap();
    let note = r#"chapter 2 "Talk" ends at 0:02 in the chapters file, 3.2 s before the episode ends (0:05); it runs to the end"#;
    let out = dir.join("out.mp3");
    let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &out]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(note), "{err}");
    let got = mp3_chapters(&out);
    assert_eq!((got[0].end, got[1].end), (1.0, 5.224));

    let parts = dir.join("parts");
    let r = podcue(&[
        "split".as_ref(),
        ep.as_os_str(),
        "--chapters".as_ref(),
        ch.as_os_str(),
        "-o".as_ref(),
        parts.as_os_str(),
    ]);
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(0), "{err}");
    assert!(err.contains(note), "{err}");
    let seconds = |name: &str| {
        let r = hound::WavReader::open(parts.join(name)).unwrap();
        f64::from(r.duration()) / f64::from(r.spec().sample_rate)
    };
    assert!((seconds("01-intro.wav") - 1.0).abs() < 1e-3);
    assert!((seconds("02-talk.wav") - (length - 1.0)).abs() < 1e-3);

    // Ends that match the episode's (as align writes them) get no note.
    std::fs::write(
        &ch,
        r#"{"chapters":[{"startTime":0,"endTime":1,"title":"Intro"},{"startTime":1,"endTime":5.224,"title":"Talk"}]}"#,
    )
    .unwrap();
    let (code, err) = tag(&[&ep, &"--chapters", &ch, &"-o", &out]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("note"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
