//! MPEG-4 chapters (the only file that uses `mp4ameta`): both the QuickTime chapter track
//! (the only one Apple Podcasts reads) and the Nero `chpl` list (ffmpeg, VLC, many Android
//! players), written into an existing file, keeping its other metadata.
//!
//! `mp4ameta` 0.13 writes the Nero list as version 0 (no reserved word after the flags).
//! ffmpeg reads that, but ffmpeg's muxer, Nero, mp4v2 and GPAC all write version 1 with four
//! reserved bytes before the count, and readers that know only that layout (mutagen,
//! MediaInfo) read a version 0 list as no chapters at all. So the list is turned into
//! version 1 here, after `mp4ameta` wrote it (`nero_version_1`).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::Duration;

use mp4ameta::{Chapter as Mp4Chapter, Tag};

use crate::chapters::Chapter;

fn to_duration(seconds: f64) -> Duration {
    Duration::from_millis(crate::time::millis(seconds))
}

/// Longest title the Nero list holds, bytes (its length is one byte; `mp4ameta` cut a
/// longer one inside a character, and panicked).
const MAX_TITLE_BYTES: usize = 255;

/// `title` cut to at most [`MAX_TITLE_BYTES`], at a character boundary.
fn fit_title(title: &str) -> String {
    let mut end = title.len().min(MAX_TITLE_BYTES);
    while !title.is_char_boundary(end) {
        end -= 1;
    }
    title[..end].to_string()
}

/// Bytes a version 1 Nero list has beyond a version 0 one: the reserved word after the flags.
const V1_EXTRA: usize = 4;

/// Replaces the chapters of the MP4 file at `path` (modified in place: call on a copy).
pub fn write_chapters(path: &Path, chapters: &[Chapter]) -> Result<(), String> {
    let mut tag =
        Tag::read_from_path(path).map_err(|e| format!("cannot read the MP4 structure: {e}"))?;
    let mut list: Vec<Mp4Chapter> = chapters
        .iter()
        .map(|c| Mp4Chapter::new(to_duration(c.start), fit_title(&c.title)))
        .collect();
    // The chapter track's samples run back to back from 0: chapters that start later get an
    // untitled one before them, or the track would put every chapter that much early while
    // the Nero list says otherwise.
    if list.first().is_some_and(|c| !c.start.is_zero()) {
        list.insert(0, Mp4Chapter::new(Duration::ZERO, String::new()));
    }
    // The Nero list counts its chapters in one byte (`mp4ameta` would wrap the count).
    if list.len() > usize::from(u8::MAX) {
        return Err(format!(
            "{} chapters: an MP4 file's Nero chapter list holds at most 255",
            list.len()
        ));
    }
    // The Nero list goes through `mp4ameta` 4 bytes longer than its version 1 form (spaces
    // after one title), so that turning it into version 1 is a rewrite in place: the atoms
    // around it, and the audio's chunk offsets when the movie box comes first, stay right.
    let nero = nero_titles(&list);
    let mut padded = list.clone();
    for (chapter, title) in padded.iter_mut().zip(&nero.padded) {
        chapter.title.clone_from(title);
    }
    *tag.chapter_list_mut() = padded;
    *tag.chapter_track_mut() = list;
    tag.write_to_path(path)
        .map_err(|e| format!("cannot write the MP4 chapters: {e}"))?;
    nero_version_1(path, &nero)
        .map_err(|e| format!("cannot write the MP4 chapters' Nero list: {e}"))
}

/// The Nero list's titles: as written in the end, and as handed to `mp4ameta`, with
/// [`V1_EXTRA`] spaces after one of them.
struct NeroTitles {
    titles: Vec<String>,
    padded: Vec<String>,
}

fn nero_titles(list: &[Mp4Chapter]) -> NeroTitles {
    let mut titles: Vec<String> = list.iter().map(|c| c.title.clone()).collect();
    let room = |t: &String| t.len() + V1_EXTRA <= MAX_TITLE_BYTES;
    let at = titles.iter().position(room).unwrap_or_else(|| {
        // Every title is within 4 bytes of the limit: the first loses a few bytes of its
        // end in the Nero list (the chapter track keeps it whole).
        let mut end = MAX_TITLE_BYTES - V1_EXTRA;
        while !titles[0].is_char_boundary(end) {
            end -= 1;
        }
        titles[0].truncate(end);
        0
    });
    let mut padded = titles.clone();
    padded[at].push_str(&" ".repeat(V1_EXTRA));
    NeroTitles { titles, padded }
}

/// Rewrites the version 0 Nero list `mp4ameta` wrote into `path` (with `nero.padded` titles)
/// as version 1 with `nero.titles`, in the same number of bytes. Anything other than the list
/// expected is an error, and the file is left as it was.
fn nero_version_1(path: &Path, nero: &NeroTitles) -> Result<(), String> {
    let mut file = File::options()
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| e.to_string())?;
    let len = file.metadata().map_err(|e| e.to_string())?.len();
    let not_found = || "not found where it was written".to_string();
    let moov = find_box(&mut file, 0..len, *b"moov")?.ok_or_else(not_found)?;
    let udta = find_box(&mut file, moov.content.clone(), *b"udta")?.ok_or_else(not_found)?;
    let chpl = find_box(&mut file, udta.content.clone(), *b"chpl")?.ok_or_else(not_found)?;
    let size = usize::try_from(chpl.content.end - chpl.content.start).map_err(|_| not_found())?;
    let mut body = vec![0u8; size];
    file.seek(SeekFrom::Start(chpl.content.start))
        .and_then(|_| file.read_exact(&mut body))
        .map_err(|e| e.to_string())?;
    let starts = parse_v0(&body, &nero.padded)
        .ok_or_else(|| "not the list that was written (an mp4ameta change?)".to_string())?;
    // Version 1, no flags, the reserved word, the count, then each start and title.
    let mut v1 = vec![1, 0, 0, 0, 0, 0, 0, 0];
    v1.push(u8::try_from(starts.len()).map_err(|_| not_found())?);
    for (start, title) in starts.iter().zip(&nero.titles) {
        v1.extend_from_slice(&start.to_be_bytes());
        v1.push(u8::try_from(title.len()).map_err(|_| not_found())?);
        v1.extend_from_slice(title.as_bytes());
    }
    if v1.len() != body.len() {
        return Err(format!(
            "{} bytes where {} were written",
            v1.len(),
            body.len()
        ));
    }
    file.seek(SeekFrom::Start(chpl.content.start))
        .and_then(|_| file.write_all(&v1))
        .map_err(|e| e.to_string())
}

/// The starts (100 ns units) of a version 0 Nero list's body, when it holds exactly `titles`.
fn parse_v0(body: &[u8], titles: &[String]) -> Option<Vec<u64>> {
    let (head, mut rest) = body.split_at_checked(5)?;
    if head[..4] != [0, 0, 0, 0] || usize::from(head[4]) != titles.len() {
        return None;
    }
    let mut starts = Vec::with_capacity(titles.len());
    for title in titles {
        let (start, after) = rest.split_first_chunk::<8>()?;
        let (&n, after) = after.split_first()?;
        let (text, after) = after.split_at_checked(usize::from(n))?;
        if text != title.as_bytes() {
            return None;
        }
        starts.push(u64::from_be_bytes(*start));
        rest = after;
    }
    rest.is_empty().then_some(starts)
}

/// A box found in a file: where its content lies.
struct Found {
    content: std::ops::Range<u64>,
}

/// The first box named `name` among the boxes that fill `range` of `file`.
fn find_box(
    file: &mut File,
    range: std::ops::Range<u64>,
    name: [u8; 4],
) -> Result<Option<Found>, String> {
    let mut at = range.start;
    while at + 8 <= range.end {
        let mut head = [0u8; 16];
        file.seek(SeekFrom::Start(at))
            .and_then(|_| file.read_exact(&mut head[..8]))
            .map_err(|e| e.to_string())?;
        let mut header = 8;
        let mut size = u64::from(u32::from_be_bytes([head[0], head[1], head[2], head[3]]));
        if size == 1 {
            file.read_exact(&mut head[8..]).map_err(|e| e.to_string())?;
            size = u64::from_be_bytes([
                head[8], head[9], head[10], head[11], head[12], head[13], head[14], head[15],
            ]);
            header = 16;
        } else if size == 0 {
            size = range.end - at;
        }
        if size < header || at + size > range.end {
            return Err(format!("a malformed box at byte {at}"));
        }
        if head[4..8] == name {
            return Ok(Some(Found {
                content: at + header..at + size,
            }));
        }
        at += size;
    }
    Ok(None)
}

/// The file's duration in seconds, as its movie header says.
pub fn duration(path: &Path) -> Result<f64, String> {
    let tag =
        Tag::read_from_path(path).map_err(|e| format!("cannot read the MP4 structure: {e}"))?;
    Ok(tag.duration().as_secs_f64())
}

/// Chapter starts (seconds) and titles.
pub type ChapterList = Vec<(f64, String)>;

/// Chapters read back: (chapter list, chapter track), each as (start seconds, title).
pub fn read_chapters(path: &Path) -> Result<(ChapterList, ChapterList), String> {
    let tag =
        Tag::read_from_path(path).map_err(|e| format!("cannot read the MP4 structure: {e}"))?;
    let conv = |l: &[Mp4Chapter]| {
        l.iter()
            .map(|c| (c.start.as_secs_f64(), c.title.clone()))
            .collect()
    };
    Ok((conv(tag.chapter_list()), conv(tag.chapter_track())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_fit_the_nero_list_at_a_character_boundary() {
        assert_eq!(fit_title("short"), "short");
        let long = "Ü".repeat(200);
        let fitted = fit_title(&long);
        assert!(fitted.len() <= MAX_TITLE_BYTES && long.starts_with(&fitted));
        assert_eq!(fitted.chars().count(), 127);
    }
}
