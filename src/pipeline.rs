//! The whole chain on one screen: decode, features, segment, parse, align, cues, chapters.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::align::{self, AlignConfig, Alignment};
use crate::audio::decode::{DecodePath, Mono};
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
    let info = audio::decode::decode_for_analysis(
        audio_path,
        observer,
        &mut |mono| match mono {
            Mono::Samples(block) => extractor.push(block),
            Mono::StartOver => extractor = FeatureExtractor::new(),
        },
        DecodePath::Auto,
    )?;
    let features = extractor.finish();
    observer.stage("segment", None);
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
    /// The transcript with the closing paragraph the parser took for page text kept (see
    /// [`Document::closing_paragraph_dropped`]), aligned instead when the audio goes on
    /// speaking after the last turn.
    pub document_with_closing: Option<Document>,
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
        keep_closing_paragraph: false,
    };
    let document = transcript::parse(transcript_bytes, transcript_path, &options)?;
    let document_with_closing = if document.closing_paragraph_dropped {
        let keep = ParseOptions {
            keep_closing_paragraph: true,
            ..options
        };
        Some(transcript::parse(transcript_bytes, transcript_path, &keep)?)
    } else {
        None
    };
    let (info, features, timeline) = analyse(audio_path, config, observer)?;
    Ok(Prepared {
        info,
        features,
        timeline,
        document,
        document_with_closing,
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
    Ok(finish(prepared, config, observer))
}

/// Speech the transcript leaves uncovered, at least this long, is worth telling the user
/// about (seconds): a sponsor read, a cold open, or words the transcript left out. Shorter
/// skips are fillers, coughs and crosstalk.
pub const UNCOVERED_SPEECH_S: f64 = 2.0;

impl Output {
    /// The stretches of audio the aligner skipped, and the audio before the first word and
    /// after the last, that hold at least [`UNCOVERED_SPEECH_S`] of speech, each with its
    /// seconds of speech, in order.
    pub fn uncovered_speech(&self) -> Vec<(crate::time::Span, f64)> {
        let timed = self.alignment.words.iter().filter(|w| w.end > w.start);
        let first = timed.clone().map(|w| w.start).fold(f64::INFINITY, f64::min);
        let last = timed.map(|w| w.end).fold(0.0, f64::max);
        let mut spans = self.alignment.skipped.clone();
        if first.is_finite() {
            spans.push(crate::time::Span::new(0.0, first));
            spans.push(crate::time::Span::new(
                last,
                self.timeline.duration.max(last),
            ));
        }
        spans.sort_by(|a, b| a.start.total_cmp(&b.start));
        spans
            .into_iter()
            .map(|span| (span, self.timeline.speech_within(span)))
            .filter(|&(_, speech)| speech >= UNCOVERED_SPEECH_S)
            .collect()
    }

    /// The very quiet stretches of the audio (see [`segment::quiet_stretches`]): where words
    /// go unplaced there, the level is why.
    pub fn quiet_stretches(&self) -> Vec<segment::QuietStretch> {
        segment::quiet_stretches(&self.features, &self.timeline)
    }
}

/// Share of a closing paragraph's expected speaking time that must follow the last turn for
/// it to count as said (outro music leaves a stray second at most; a said paragraph, all of it).
const CLOSING_SPOKEN_SHARE: f64 = 0.5;

/// How long the words `longer` has beyond `shorter` take at the speakers' mean measured rate.
fn expected_extra_time(shorter: &Document, longer: &Document, alignment: &Alignment) -> f64 {
    let syllables = |d: &Document| -> f64 {
        d.words
            .iter()
            .filter(|w| w.kind == transcript::WordKind::Spoken)
            .map(|w| f64::from(w.syllables))
            .sum()
    };
    let rates = &alignment.seconds_per_syllable;
    let rate = rates.iter().sum::<f64>() / rates.len().max(1) as f64;
    (syllables(longer) - syllables(shorter)).max(0.0) * rate
}

/// Seconds of detected speech after the end of the alignment's last word.
fn speech_after(timeline: &Timeline, alignment: &Alignment) -> f64 {
    let end = alignment.words.iter().map(|w| w.end).fold(0.0, f64::max);
    timeline
        .speech
        .iter()
        .map(|s| (s.end - s.start.max(end)).max(0.0))
        .sum()
}

/// Aligns a prepared transcript and builds cues and chapters.
pub fn finish(prepared: Prepared, config: &Config, observer: &dyn Observer) -> Output {
    let Prepared {
        info,
        features,
        timeline,
        document,
        document_with_closing,
    } = prepared;
    observer.stage("align", None);
    let mut document = document;
    let mut alignment = align::align(&document, &timeline, &features, &config.align);
    // The closing paragraph was taken for page text; if the audio goes on speaking after the
    // last turn for at least half the time the paragraph would take, it was said after all.
    if let Some(with_closing) = document_with_closing {
        let needed = expected_extra_time(&document, &with_closing, &alignment);
        if needed > 0.0 && speech_after(&timeline, &alignment) >= CLOSING_SPOKEN_SHARE * needed {
            alignment = align::align(&with_closing, &timeline, &features, &config.align);
            document = with_closing;
        }
    }
    observer.stage("cues, chapters", None);
    // Cues and chapters read the same alignment and nothing of each other.
    let (mut cues, chapters) = rayon::join(
        || captions::build(&document, &alignment, &config.captions),
        || chapters::find(&document, &alignment, info.duration, &config.chapters),
    );
    captions::end_within(&mut cues, info.duration);
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
