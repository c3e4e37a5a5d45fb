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
//! Around it: [`mod@write`] serializes the results, [`review`] renders a self-contained HTML page
//! to check them, [`batch`] plans runs over a folder or manifest, and the library never prints:
//! progress and warnings go to the [`progress::Observer`] you pass.
//!
//! # Example
//!
//! Align a two-sentence transcript with a (synthetic) recording and write WebVTT captions:
//!
//! ```
//! use std::path::Path;
//! use podcue::captions::Speakers;
//! use podcue::pipeline::{self, Config};
//! use podcue::progress::Silent;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = std::env::temp_dir().join(format!("podcue-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let audio = dir.join("episode.wav");
//!
//! // Speech-like audio: 22 syllable-sized bursts of uneven length (speech is no metronome)
//! // in two groups with a long pause between.
//! let rate = 16_000;
//! let mut samples = vec![0.0f32; 8_000];
//! for syllables in [10, 12] {
//!     for k in 0..syllables {
//!         let len = 2_000 + (k * 797 + syllables * 131) % 1_800;
//!         samples.extend((0..len).map(|i| {
//!             let t = i as f32 / rate as f32;
//!             let shape = (std::f32::consts::PI * i as f32 / len as f32).sin();
//!             0.3 * shape * (2.0 * std::f32::consts::PI * 140.0 * t).sin()
//!         }));
//!         samples.extend(std::iter::repeat_n(0.0, 1_100));
//!     }
//!     samples.extend(std::iter::repeat_n(0.0, 11_000));
//! }
//! podcue::audio::wav::write_wav(&audio, &samples, rate, 1, 16)?;
//!
//! let transcript = b"Hello and welcome to the little show.\n\nToday we talk about the weather.\n";
//! let out = pipeline::run(&audio, transcript, Path::new("episode.txt"), &Config::default(), &Silent)?;
//!
//! // Every word has a time; the cues are in order and inside the recording.
//! assert_eq!(out.alignment.words.len(), out.document.words.len());
//! assert!(!out.cues.is_empty());
//! assert!(out.cues.windows(2).all(|w| w[0].end <= w[1].start));
//! assert!(out.cues.last().map_or(false, |c| c.end <= out.info.duration + 0.5));
//!
//! let speakers = Speakers::new(&out.document.speakers, &Default::default());
//! let mut vtt = Vec::new();
//! podcue::write::vtt::write(&mut vtt, &out.cues, &speakers)?;
//! assert!(String::from_utf8(vtt)?.starts_with("WEBVTT"));
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok(())
//! # }
//! ```

pub mod align;
pub mod audio;
pub mod batch;
pub mod captions;
pub mod chapters;
pub mod check;
pub mod error;
pub mod eval;
pub mod features;
pub mod input;
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
