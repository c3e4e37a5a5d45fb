//! Chaptered episodes: ID3v2 CHAP/CTOC into a copy of an MP3, QuickTime + Nero chapters into
//! a copy of an M4A. Takes an audio file and chapters, gives a new file (written atomically:
//! temporary file beside the target, then rename); the input is never modified unless the
//! caller asks for in-place tagging.

pub mod id3;
pub mod mp4;

use std::fs;
use std::path::{Path, PathBuf};

use crate::chapters::Chapter;
use crate::{Error, Result};

/// The container families podcue can put chapters into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// MP3 with an ID3v2 tag.
    Mp3,
    /// MPEG-4 audio (`.m4a`, `.m4b`, `.mp4`, `.aac` in MP4).
    Mp4,
}

impl Container {
    /// The container of `path`, from its extension.
    pub fn of(path: &Path) -> Option<Container> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "mp3" => Some(Container::Mp3),
            "m4a" | "m4b" | "mp4" | "m4v" | "mov" => Some(Container::Mp4),
            _ => None,
        }
    }
}

/// Writes `chapters` into a copy of `input` at `output`. Existing tags are kept (earlier
/// chapters replaced). `output` equal to `input` is refused unless `in_place`.
/// Chapters must have known ends, except the last one in an MP4 (the file's length is used).
pub fn tag_file(input: &Path, output: &Path, chapters: &[Chapter], in_place: bool) -> Result<()> {
    let fail = |message: String| Error::Stage {
        stage: "tag",
        message,
    };
    if chapters.is_empty() {
        return Err(fail("no chapters to write".into()));
    }
    crate::input::audio_file(input).map_err(|e| Error::io(input, e))?;
    let container = Container::of(input).ok_or_else(|| {
        fail(format!(
            "{}: can only tag .mp3 (ID3v2) and .m4a/.m4b/.mp4 files",
            input.display()
        ))
    })?;
    if !in_place && crate::input::same_file(input, output) {
        return Err(fail(format!(
            "{}: output is the input file; choose another output, or pass --in-place to modify it",
            output.display()
        )));
    }
    match container {
        Container::Mp3 => {
            let bytes = fs::read(input).map_err(|e| Error::io(input, e))?;
            let tagged = id3::with_chapters(&bytes, chapters)
                .map_err(|m| fail(format!("{}: {m}", input.display())))?;
            crate::write::atomic::write_bytes(output, &tagged)
        }
        Container::Mp4 => {
            let tmp = temp_beside(output);
            let result = (|| {
                fs::copy(input, &tmp).map_err(|e| Error::io(&tmp, e))?;
                mp4::write_chapters(&tmp, chapters)
                    .map_err(|m| fail(format!("{}: {m}", input.display())))?;
                fs::File::open(&tmp)
                    .and_then(|f| f.sync_all())
                    .map_err(|e| Error::io(&tmp, e))?;
                fs::rename(&tmp, output).map_err(|e| Error::io(output, e))
            })();
            if result.is_err() {
                let _ = fs::remove_file(&tmp);
            }
            result
        }
    }
}

fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.podcue-tag-{}.tmp", std::process::id()))
}
