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
