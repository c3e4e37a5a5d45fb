//! Writers: pure serializers from cues, words and chapters to each output format, to any
//! `impl Write`. Timestamps come from [`crate::time`].

pub mod atomic;
pub mod chapters_json;
pub mod chapters_vtt;
pub mod ffmetadata;
pub mod html;
pub mod podlove;
pub mod srt;
pub mod transcript_json;
pub mod vtt;
pub mod words_json;
pub mod youtube;

/// The error a chapter writer gives for a chapter whose end is unknown or not after its start
/// (`index` from 0).
pub(crate) fn chapter_without_length(index: usize, title: &str) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!(
            "chapter {} ({title:?}) has no length: its end is unknown or not after its start",
            index + 1
        ),
    )
}
