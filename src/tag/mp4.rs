//! MPEG-4 chapters (the only file that uses `mp4ameta`): both the QuickTime chapter track
//! (the only one Apple Podcasts reads) and the Nero `chpl` list (ffmpeg, VLC, many Android
//! players), written into an existing file, keeping its other metadata.

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
    *tag.chapter_list_mut() = list.clone();
    *tag.chapter_track_mut() = list;
    tag.write_to_path(path)
        .map_err(|e| format!("cannot write the MP4 chapters: {e}"))
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
