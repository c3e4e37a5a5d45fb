//! ID3v2 chapters (the only file that uses the `id3` crate): one `CHAP` frame per chapter
//! (element ids `chp0`, `chp1`, ...; start/end in ms; an embedded `TIT2` title) and one
//! top-level, ordered `CTOC` listing them all, as Apple Podcasts and Overcast read them.

use std::io::Cursor;

use id3::frame::{Chapter as ChapFrame, Content, Frame, TableOfContents};
use id3::{Tag, TagLike, Version};

use crate::chapters::Chapter;
use crate::time;

/// The element id of the table of contents podcue writes.
pub const TOC_ID: &str = "toc";

/// Length in bytes of the ID3v2 tag at the start of `bytes` (0 when there is none).
pub fn tag_len(bytes: &[u8]) -> usize {
    if bytes.len() < 10 || &bytes[..3] != b"ID3" || bytes[6..10].iter().any(|b| b & 0x80 != 0) {
        return 0;
    }
    let size = bytes[6..10]
        .iter()
        .fold(0usize, |acc, b| (acc << 7) | usize::from(*b));
    let footer = if bytes[5] & 0x10 != 0 { 10 } else { 0 };
    (10 + size + footer).min(bytes.len())
}

/// The file `bytes` (an MP3) with its ID3v2 tag replaced by one that keeps every existing frame
/// except earlier chapters and tables of contents, and adds `chapters`. Everything after the old
/// tag (the audio frames, an ID3v1 tag) is copied byte for byte.
pub fn with_chapters(bytes: &[u8], chapters: &[Chapter]) -> Result<Vec<u8>, String> {
    let old_len = tag_len(bytes);
    // Written as ID3v2.3 whatever the old tag's version: ffmpeg reads the sizes of a v2.4
    // CHAP's sub-frames as plain integers, not v2.4's syncsafe ones, and loses every chapter
    // whose title passes about 117 bytes (a QA pass: a 130-character title vanished from
    // ffprobe); podcast tools write v2.3 for that reason. v2.2 has no CHAP/CTOC at all.
    let version = Version::Id3v23;
    let mut tag = if old_len > 0 {
        Tag::read_from2(Cursor::new(&bytes[..old_len]))
            .map_err(|e| format!("cannot read the existing ID3v2 tag: {e}"))?
    } else {
        Tag::new()
    };
    tag.remove_all_chapters();
    tag.remove_all_tables_of_contents();
    let mut ids = Vec::with_capacity(chapters.len());
    for (i, c) in chapters.iter().enumerate() {
        if !c.has_end() {
            return Err(format!(
                "chapter {} ({:?}) has no known end",
                i + 1,
                c.title
            ));
        }
        let id = format!("chp{i}");
        let ms = |s: f64| {
            u32::try_from(time::millis(s))
                .map_err(|_| format!("chapter {} is past ID3's 49-day limit", i + 1))
        };
        tag.add_frame(ChapFrame {
            element_id: id.clone(),
            start_time: ms(c.start)?,
            end_time: ms(c.end)?,
            // No byte offsets: players use the times.
            start_offset: u32::MAX,
            end_offset: u32::MAX,
            frames: vec![Frame::with_content("TIT2", Content::Text(c.title.clone()))],
        });
        ids.push(id);
    }
    tag.add_frame(TableOfContents {
        element_id: TOC_ID.into(),
        top_level: true,
        ordered: true,
        elements: ids,
        frames: vec![Frame::with_content(
            "TIT2",
            Content::Text("Chapters".into()),
        )],
    });
    let mut out = Vec::with_capacity(bytes.len() + 4096);
    tag.write_to(&mut out, version)
        .map_err(|e| format!("cannot write the ID3v2 tag: {e}"))?;
    out.extend_from_slice(&bytes[old_len..]);
    Ok(out)
}

/// Chapters read back from an MP3's ID3v2 tag, in CTOC order when there is a top-level CTOC,
/// otherwise by start time.
pub fn read_chapters(bytes: &[u8]) -> Result<Vec<Chapter>, String> {
    let len = tag_len(bytes);
    if len == 0 {
        return Ok(Vec::new());
    }
    let tag = Tag::read_from2(Cursor::new(&bytes[..len]))
        .map_err(|e| format!("cannot read the ID3v2 tag: {e}"))?;
    let chaps: Vec<&ChapFrame> = tag.chapters().collect();
    let order: Option<Vec<String>> = tag
        .tables_of_contents()
        .find(|t| t.top_level)
        .map(|t| t.elements.clone());
    let to_chapter = |c: &ChapFrame| Chapter {
        start: f64::from(c.start_time) / 1000.0,
        end: f64::from(c.end_time) / 1000.0,
        title: c
            .frames
            .iter()
            .find(|f| f.id() == "TIT2")
            .and_then(|f| f.content().text())
            .unwrap_or("")
            .to_string(),
    };
    let mut out: Vec<Chapter> = match order {
        Some(ids) => ids
            .iter()
            .filter_map(|id| chaps.iter().find(|c| &c.element_id == id))
            .map(|c| to_chapter(c))
            .collect(),
        None => chaps.iter().map(|c| to_chapter(c)).collect(),
    };
    if out.is_empty() {
        out = chaps.iter().map(|c| to_chapter(c)).collect();
        out.sort_by(|a, b| a.start.total_cmp(&b.start));
    }
    Ok(out)
}
