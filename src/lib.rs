//! podcue: align an episode's audio with its plain transcript, from energy alone, and write
//! timed captions and chapters.
//!
//! ```text
//! audio file --decode--> mono f32 @ 16 kHz (streamed) --features--> frame features (10 ms)
//!     --segment--> Timeline (speech, pauses, syllable nuclei)
//! transcript --parse--> Document (turns > sentences > words, chapter markers, tags)
//! align(Document, Timeline) --> Alignment (time + confidence for every word)
//!     --> cues (captions)  --> chapters  --> writers (vtt, srt, json, chapters, ...)
//! ```
//!
//! The whole chain is [`pipeline::run`]; each stage is a module with plain data in and out.

pub mod align;
pub mod audio;
pub mod batch;
pub mod captions;
pub mod chapters;
pub mod check;
pub mod error;
pub mod features;
pub mod pipeline;
pub mod progress;
pub mod review;
pub mod segment;
pub mod split;
pub mod tag;
pub mod time;
pub mod transcript;
pub mod write;

pub use error::{Error, Result};
