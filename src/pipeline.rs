//! The whole chain on one screen: decode, features, segment, parse, align, cues, chapters.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::align::{self, AlignConfig, Alignment};
use crate::audio::{self, AudioInfo};
use crate::captions::{self, CaptionConfig, Cue};
use crate::chapters::{self, ChapterConfig, Chapter};
use crate::features::{FeatureExtractor, Features};
use crate::progress::Observer;
use crate::segment::{self, SegmentConfig, Timeline};
use crate::transcript::{self, parse::ParseOptions, Document};
use crate::Result;

/// Settings of every stage.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Config {
    /// Segmentation.
    pub segment: SegmentConfig,
    /// Alignment.
    pub align: AlignConfig,
    /// Caption rules.
    pub captions: CaptionConfig,
    /// Chapter finding.
    pub chapters: ChapterConfig,
    /// Forced language (`None`: guessed).
    pub language: Option<String>,
}

/// Everything the pipeline computed.
#[derive(Debug, Clone)]
pub struct Output {
    /// About the audio.
    pub info: AudioInfo,
    /// Frame features.
    pub features: Features,
    /// Speech/pause structure.
    pub timeline: Timeline,
    /// The parsed transcript.
    pub document: Document,
    /// Times for every unit.
    pub alignment: Alignment,
    /// Caption cues.
    pub cues: Vec<Cue>,
    /// Chapters.
    pub chapters: Vec<Chapter>,
}

/// Decodes `audio_path` and computes its features and timeline.
pub fn analyse(audio_path: &Path, config: &Config, observer: &dyn Observer) -> Result<(AudioInfo, Features, Timeline)> {
    let mut extractor = FeatureExtractor::new();
    let info = audio::decode::decode_to_mono(audio_path, observer, &mut |block| extractor.push(block))?;
    let features = extractor.finish();
    let mut timeline = segment::segment(&features, &config.segment);
    timeline.duration = info.duration;
    Ok((info, features, timeline))
}

/// Runs the whole chain on an audio file and transcript bytes.
pub fn run(
    audio_path: &Path,
    transcript_bytes: &[u8],
    transcript_path: &Path,
    config: &Config,
    observer: &dyn Observer,
) -> Result<Output> {
    let options = ParseOptions { language: config.language.clone() };
    let document = transcript::parse(transcript_bytes, transcript_path, &options)?;
    let (info, features, timeline) = analyse(audio_path, config, observer)?;
    let alignment = align::align(&document, &timeline, &features, &config.align);
    let cues = captions::build(&document, &alignment, &config.captions);
    let chapters = chapters::find(&document, &alignment, info.duration, &config.chapters);
    Ok(Output { info, features, timeline, document, alignment, cues, chapters })
}
