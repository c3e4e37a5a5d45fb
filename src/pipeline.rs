//! The whole chain on one screen: decode, features, segment, parse, align, cues, chapters.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::align::{self, AlignConfig, Alignment};
use crate::audio::{self, AudioInfo};
use crate::captions::{self, CaptionConfig, Cue};
use crate::chapters::{self, Chapter, ChapterConfig};
use crate::features::{FeatureExtractor, Features};
use crate::progress::Observer;
use crate::segment::{self, SegmentConfig, Timeline};
use crate::transcript::{self, Document, parse::ParseOptions};

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
pub fn analyse(
    audio_path: &Path,
    config: &Config,
    observer: &dyn Observer,
) -> Result<(AudioInfo, Features, Timeline)> {
    let mut extractor = FeatureExtractor::new();
    let info =
        audio::decode::decode_to_mono(audio_path, observer, &mut |block| extractor.push(block))?;
    let features = extractor.finish();
    let mut timeline = segment::segment(&features, &config.segment);
    timeline.duration = info.duration;
    Ok((info, features, timeline))
}

/// The parsed transcript and the analysed audio, before alignment: enough to tell a
/// transcript that cannot belong to the audio (see [`Prepared::syllables_per_second`]) without
/// paying for an alignment whose cost grows with the transcript's length.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// About the audio.
    pub info: AudioInfo,
    /// Frame features.
    pub features: Features,
    /// Speech/pause structure.
    pub timeline: Timeline,
    /// The parsed transcript.
    pub document: Document,
}

impl Prepared {
    /// Syllables of the transcript per second of detected speech (infinite when the audio has
    /// no speech). People speak 3-6 syllables per second; far outside that, the transcript is
    /// for other audio (ten times too long, a tenth, or words over silence).
    pub fn syllables_per_second(&self) -> f64 {
        let syllables: f64 = self
            .document
            .words
            .iter()
            .map(|w| f64::from(w.syllables))
            .sum();
        let speech: f64 = self.timeline.speech.iter().map(|s| s.end - s.start).sum();
        if speech > 0.0 {
            syllables / speech
        } else if syllables > 0.0 {
            f64::INFINITY
        } else {
            0.0
        }
    }
}

/// Parses the transcript and analyses the audio (the transcript first: it fails fast).
pub fn prepare(
    audio_path: &Path,
    transcript_bytes: &[u8],
    transcript_path: &Path,
    config: &Config,
    observer: &dyn Observer,
) -> Result<Prepared> {
    let options = ParseOptions {
        language: config.language.clone(),
    };
    let document = transcript::parse(transcript_bytes, transcript_path, &options)?;
    let (info, features, timeline) = analyse(audio_path, config, observer)?;
    Ok(Prepared {
        info,
        features,
        timeline,
        document,
    })
}

/// Runs the whole chain on an audio file and transcript bytes.
pub fn run(
    audio_path: &Path,
    transcript_bytes: &[u8],
    transcript_path: &Path,
    config: &Config,
    observer: &dyn Observer,
) -> Result<Output> {
    let prepared = prepare(
        audio_path,
        transcript_bytes,
        transcript_path,
        config,
        observer,
    )?;
    Ok(finish(prepared, config))
}

/// Aligns a prepared transcript and builds cues and chapters.
pub fn finish(prepared: Prepared, config: &Config) -> Output {
    let Prepared {
        info,
        features,
        timeline,
        document,
    } = prepared;
    let alignment = align::align(&document, &timeline, &features, &config.align);
    let cues = captions::build(&document, &alignment, &config.captions);
    let chapters = chapters::find(&document, &alignment, info.duration, &config.chapters);
    Output {
        info,
        features,
        timeline,
        document,
        alignment,
        cues,
        chapters,
    }
}
