//! Chaptered episodes: ID3v2 CHAP/CTOC into a copy of an MP3, QuickTime + Nero chapters into
//! a copy of an M4A. Takes an audio file and chapters, gives a new file (written atomically:
//! temporary file beside the target, then rename); the input is never modified unless the
//! caller asks for in-place tagging.

pub mod id3;
pub mod mp4;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::chapters::{self, Chapter};
use crate::progress::Observer;
use crate::{Error, Result, time};

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

/// The episode's length in seconds: an MP4's from its movie header, an MP3's by decoding it
/// (MP3 headers may state no length, or a wrong one; decoding takes about a second an hour).
pub fn duration(input: &Path, observer: &dyn Observer) -> Result<f64> {
    let container = container_of(input)?;
    let seconds = match container {
        Container::Mp4 => {
            mp4::duration(input).map_err(|m| fail(format!("{}: {m}", input.display())))?
        }
        Container::Mp3 => {
            crate::audio::decode::decode_to_mono(input, observer, &mut |_| {})?.duration
        }
    };
    if !(seconds.is_finite() && seconds > 0.0) {
        return Err(fail(format!(
            "{}: cannot tell how long the episode is; give its length with --duration SECONDS",
            input.display()
        )));
    }
    Ok(seconds)
}

/// Where the episode's length came from: it changes what an error advises.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// Measured from the file ([`duration`]).
    Measured(f64),
    /// Given by the user (`--duration`).
    Given(f64),
}

impl Length {
    /// The length in seconds.
    pub fn seconds(self) -> f64 {
        match self {
            Length::Measured(s) | Length::Given(s) => s,
        }
    }
}

/// Refuses chapters whose start times do not increase (a duplicate start gives a chapter of
/// no length, which players skip or show twice).
pub fn check_order(chapters: &[Chapter]) -> Result<()> {
    if chapters.is_empty() {
        return Err(fail("no chapters to write".into()));
    }
    for (i, pair) in chapters.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        // Compared in whole milliseconds, the resolution of ID3 and MP4 chapters.
        let (ma, mb) = (time::millis(a.start), time::millis(b.start));
        if mb == ma && a.start != b.start {
            // Distinct in the file, one in the tag: "at the same time" would not be true.
            let gap = (b.start - a.start).abs() * 1000.0;
            let how = if b.start > a.start { "after" } else { "before" };
            return Err(fail(format!(
                "chapter {} {:?} starts {} ms {how} chapter {} {:?}, too close to tell apart: \
                 ID3 and MP4 chapters count whole milliseconds, and both start at {}; move one \
                 of them by a millisecond or more, or remove one, in the chapters file",
                i + 2,
                b.title,
                short_number(gap),
                i + 1,
                a.title,
                time::vtt(b.start)
            )));
        }
        if mb <= ma {
            let how = if mb == ma {
                "at the same time as"
            } else {
                "before"
            };
            let (ta, tb) = clocks(a.start, b.start);
            return Err(fail(format!(
                "chapter {} {:?} starts at {tb}, {how} chapter {} {:?} ({ta}); each chapter must \
                 start after the one before: fix or remove one of them in the chapters file",
                i + 2,
                b.title,
                i + 1,
                a.title
            )));
        }
    }
    Ok(())
}

/// The chapters as they go into an episode of `length`: in order (see [`check_order`]), each
/// ending where the next starts and the last at the episode's end, whatever ends the file
/// gives, so the chapters cover the whole episode (`split` loses no audio, and a player never
/// reaches audio in no chapter). A chapter starting at or after the end is an error (the
/// chapters are for another episode, or the length is wrong).
pub fn fit(chapters: &[Chapter], length: Length) -> Result<Vec<Chapter>> {
    check_order(chapters)?;
    let end = length.seconds();
    if !(end.is_finite() && end > 0.0) {
        return Err(fail(format!(
            "the episode's length ({end}) is not a positive number"
        )));
    }
    if let Some((i, c)) = chapters
        .iter()
        .enumerate()
        .find(|(_, c)| time::millis(c.start) >= time::millis(end))
    {
        let (start, end_text) = clocks(c.start, end);
        let (given, advice) = match length {
            Length::Measured(_) => ("", "are these the chapters of this episode?"),
            Length::Given(_) => (
                ", as --duration says",
                "correct --duration, or leave it out to have the episode measured",
            ),
        };
        let at = if time::millis(c.start) == time::millis(end) {
            "at"
        } else {
            "after"
        };
        return Err(fail(format!(
            "chapter {} {:?} starts at {start}, {at} the end of the episode ({end_text}{given}); {advice}",
            i + 1,
            c.title
        )));
    }
    let mut out = chapters.to_vec();
    chapters::fill_ends(&mut out, Some(end));
    if let Some(last) = out.last_mut() {
        last.end = end;
    }
    Ok(out)
}

/// What to tell the user when the chapters file's last chapter ends a second or more before
/// the episode does: [`fit`] runs it on to the end (`given` as read, `fitted` from [`fit`]).
pub fn tail_note(given: &[Chapter], fitted: &[Chapter]) -> Option<String> {
    let (g, f) = (given.last()?, fitted.last()?);
    if !g.has_end() || time::millis(f.end) < time::millis(g.end) + 1000 {
        return None;
    }
    let (at, end) = clocks(g.end, f.end);
    Some(format!(
        "chapter {} {:?} ends at {at} in the chapters file, {:.1} s before the episode ends \
         ({end}); it runs to the end, as each chapter runs to the next one's start (to keep \
         the last {:.1} s apart, give them a chapter of their own)",
        given.len(),
        g.title,
        f.end - g.end,
        f.end - g.end
    ))
}

/// Checks that `output` may be written for `input`: not the input itself unless `in_place`,
/// and a name that says the same container (an MP3 in a `.m4a` file plays nowhere). Gives the
/// input's container.
pub fn check_output(input: &Path, output: &Path, in_place: bool) -> Result<Container> {
    let container = container_of(input)?;
    if !in_place && crate::input::same_file(input, output) {
        return Err(fail(format!(
            "{}: output is the input file; choose another output, or pass --in-place to modify it",
            output.display()
        )));
    }
    let ext = output
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let other = match Container::of(output) {
        Some(c) => c != container,
        None => ext.as_deref().is_some_and(|e| OTHER_AUDIO.contains(&e)),
    };
    if other {
        let (is, want) = match container {
            Container::Mp3 => ("an MP3", ".mp3"),
            Container::Mp4 => ("an MPEG-4 file", ".m4a, .m4b or .mp4"),
        };
        return Err(fail(format!(
            "{}: the episode is {is} and tag does not convert it; name the output with {want} \
             (or convert the episode first, e.g. with ffmpeg, and tag the result)",
            output.display()
        )));
    }
    Ok(container)
}

/// Audio extensions of containers tag cannot write: an output named so would lie about its
/// content.
const OTHER_AUDIO: [&str; 12] = [
    "wav", "wave", "flac", "ogg", "oga", "opus", "aiff", "aif", "aac", "wma", "webm", "mka",
];

/// Writes `chapters` (fitted to `length` with [`fit`]) into a copy of `input` at `output`, and
/// gives the chapters written. Existing tags are kept (earlier chapters replaced). `output`
/// equal to `input` is refused unless `in_place`. An existing output keeps its permission bits,
/// and one that is a symbolic link keeps the link: its target is rewritten.
pub fn tag_file(
    input: &Path,
    output: &Path,
    chapters: &[Chapter],
    in_place: bool,
    length: Length,
) -> Result<Vec<Chapter>> {
    crate::input::audio_file(input).map_err(|e| Error::io(input, e))?;
    let container = check_output(input, output, in_place)?;
    let chapters = fit(chapters, length)?;
    let target = resolve_link(output);
    // The rename replaces the file: without this a private (0600) episode became 0644.
    let mode = fs::metadata(&target).ok().map(|m| m.permissions());
    let bytes = match container {
        Container::Mp3 => {
            let bytes = fs::read(input).map_err(|e| Error::io(input, e))?;
            Some(
                id3::with_chapters(&bytes, &chapters)
                    .map_err(|m| fail(format!("{}: {m}", input.display())))?,
            )
        }
        Container::Mp4 => None,
    };
    replace(&target, mode, |file, tmp| match &bytes {
        Some(tagged) => file.write_all(tagged).map_err(|e| Error::io(tmp, e)),
        None => {
            let mut source = fs::File::open(input).map_err(|e| Error::io(input, e))?;
            std::io::copy(&mut source, file).map_err(|e| Error::io(tmp, e))?;
            mp4::write_chapters(tmp, &chapters)
                .map_err(|m| fail(format!("{}: {m}", input.display())))
        }
    })?;
    Ok(chapters)
}

/// The file a path names: a symbolic link's target (replacing the link would leave the
/// episode it points to unchanged), or the path itself.
fn resolve_link(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && let Ok(resolved) = fs::canonicalize(path) {
        return resolved;
    }
    path.to_path_buf()
}

/// Writes `target` atomically: `fill` writes a temporary file beside it (given open and by
/// path), which gets `mode` (the old file's permissions, or the default for a new file) and
/// then replaces the target. On error the temporary file goes.
fn replace(
    target: &Path,
    mode: Option<fs::Permissions>,
    fill: impl FnOnce(&mut fs::File, &Path) -> Result<()>,
) -> Result<()> {
    let tmp = temp_beside(target);
    // A leftover from an interrupted run with the same process id.
    let _ = fs::remove_file(&tmp);
    // Removed by the Ctrl-C handler if the run is interrupted while it exists.
    let _in_flight = crate::write::atomic::InFlight::new(&tmp);
    let result = (|| {
        let mut options = fs::OpenOptions::new();
        options.read(true).write(true).create_new(true);
        // Created with the old file's mode (the umask can only narrow it), so a private
        // episode is never readable by others, not even half-written.
        #[cfg(unix)]
        if let Some(mode) = &mode {
            use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
            options.mode(mode.mode() & 0o7777);
        }
        let mut file = options.open(&tmp).map_err(|e| Error::io(&tmp, e))?;
        fill(&mut file, &tmp)?;
        if let Some(mode) = mode {
            fs::set_permissions(&tmp, mode).map_err(|e| Error::io(&tmp, e))?;
        }
        // Reopened: the MP4 writer rewrote the file through its own handle.
        fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&tmp, e))?;
        fs::rename(&tmp, target).map_err(|e| Error::io(target, e))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn container_of(input: &Path) -> Result<Container> {
    Container::of(input).ok_or_else(|| {
        fail(format!(
            "{}: can only tag .mp3 (ID3v2) and .m4a/.m4b/.mp4 files; convert the episode to one \
             of them first",
            input.display()
        ))
    })
}

fn fail(message: String) -> Error {
    Error::Stage {
        stage: "tag",
        message,
    }
}

/// Two times as `m:ss`, or as `hh:mm:ss.ttt` when whole seconds would hide what they are (two
/// times in the same second).
fn clocks(a: f64, b: f64) -> (String, String) {
    let (x, y) = (time::youtube(a), time::youtube(b));
    let whole = |s: f64| time::millis(s) % 1000 == 0;
    if x == y && !(whole(a) && whole(b)) {
        (time::vtt(a), time::vtt(b))
    } else {
        (x, y)
    }
}

/// `x` with at most three decimals and no trailing zeros (`0.4`, `0.025`, `2`).
fn short_number(x: f64) -> String {
    let text = format!("{x:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.podcue-tag-{}.tmp", std::process::id()))
}
