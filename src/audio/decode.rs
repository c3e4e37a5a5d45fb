//! Decoding (the only file that uses symphonia): any supported file to mono f32 at
//! [`ANALYSIS_RATE`](super::ANALYSIS_RATE), streamed to a sink in blocks, gapless.
//!
//! Takes a path; gives blocks of samples to a sink and an [`AudioInfo`]. The first audio track
//! is used (also in video files). Gapless like ffmpeg: MP3 encoder delay and padding come from
//! the LAME/Xing header (symphonia trims them); for MP4/M4A the edit list is read here (symphonia
//! 0.6 ignores it) and applied as a sample range. A packet that fails to decode is skipped,
//! counted and warned about once. Anything symphonia does on garbage, including a panic, ends
//! as an [`Error::Audio`], never a crash.

use std::cell::Cell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Once;

use symphonia::core::codecs::audio::{
    AudioCodecId, AudioCodecParameters, AudioDecoder, AudioDecoderOptions,
};
use symphonia::core::errors::Error as SymError;
use symphonia::core::formats::probe::Hint;
use symphonia::core::formats::{FormatOptions, FormatReader};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::units::Duration;

use super::AudioInfo;
use super::mix::{Mix, StereoEnergy};
use super::resample::{MAX_RATE, MIN_RATE, MonoResampler};
use crate::progress::Observer;
use crate::{Error, Result};

/// Most channels we accept; more is a corrupt header.
const MAX_CHANNELS: usize = 64;
/// Consecutive failed packets after which a stream is given up as garbage.
const MAX_CONSECUTIVE_FAILURES: u64 = 1_000;
/// Largest `moov` box read to find an MP4 edit list.
const MAX_MOOV_BYTES: u64 = 64 << 20;

/// Decodes `path` and pushes mono 16 kHz samples to `sink` in order, block by block.
/// Memory does not grow with the file's length. MP3 and M4A (AAC) are decoded on all cores
/// (rayon's thread count); the samples are the same bits whatever the thread count.
pub fn decode_to_mono(
    path: &Path,
    observer: &dyn Observer,
    sink: &mut dyn FnMut(&[f32]),
) -> Result<AudioInfo> {
    decode_to_mono_with(path, observer, sink, DecodePath::Auto)
}

/// How [`decode_to_mono_with`] decodes. Every path gives the same samples for a sound file;
/// they differ in speed (and, for a corrupt MP3, in whether a bad packet becomes silence).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DecodePath {
    /// MP3 and AAC in MP4 in parallel stretches on rayon's threads, anything else in one pass.
    Auto,
    /// One pass on two threads (decoding, resampling), whatever the format.
    Sequential,
    /// MP3 and AAC in MP4 in parallel stretches of `seconds` on `workers` threads; anything
    /// else in one pass.
    Chunked {
        /// Stretch length, seconds.
        seconds: f64,
        /// Decoding threads.
        workers: usize,
    },
}

/// [`decode_to_mono`] with the decoding path chosen.
pub fn decode_to_mono_with(
    path: &Path,
    observer: &dyn Observer,
    sink: &mut dyn FnMut(&[f32]),
    how: DecodePath,
) -> Result<AudioInfo> {
    decode_mixed(path, observer, sink, how, Mix::Mean).map(|(info, _)| info)
}

/// What [`decode_for_analysis`] gives its sink.
#[derive(Debug, Clone, Copy)]
pub enum Mono<'a> {
    /// The next mono 16 kHz samples.
    Samples(&'a [f32]),
    /// Forget every sample given so far: the file is decoded again from the start.
    StartOver,
}

/// [`decode_to_mono_with`] for analysis, where the mix must keep the speech: if the two
/// channels of a stereo file cancel when mixed (one is phase-inverted, see `mix.rs`), it
/// warns once, gives `sink` [`Mono::StartOver`] and decodes the file again as
/// (L − R) / 2. Any other file is decoded once, to the samples [`decode_to_mono_with`]
/// gives. The decision comes from whole-file totals that every path and thread count
/// computes alike.
pub fn decode_for_analysis(
    path: &Path,
    observer: &dyn Observer,
    sink: &mut dyn FnMut(Mono<'_>),
    how: DecodePath,
) -> Result<AudioInfo> {
    let (info, energy) = decode_mixed(
        path,
        observer,
        &mut |b| sink(Mono::Samples(b)),
        how,
        Mix::Mean,
    )?;
    if info.channels != 2 || !energy.cancels() {
        return Ok(info);
    }
    observer.warn(&format!(
        "{}: the two channels cancel when mixed (one is phase-inverted); using their \
         difference instead",
        path.display()
    ));
    sink(Mono::StartOver);
    // A second decode of a rare file rather than a second mix of every file all along. Its
    // warnings (skipped packets, truncation) were given by the first pass.
    let (info, _) = decode_mixed(
        path,
        &NoWarnings(observer),
        &mut |b| sink(Mono::Samples(b)),
        how,
        Mix::Side,
    )?;
    Ok(info)
}

/// Passes progress on and drops warnings.
struct NoWarnings<'a>(&'a dyn Observer);

impl Observer for NoWarnings<'_> {
    fn stage(&self, name: &str, total: Option<u64>) {
        self.0.stage(name, total);
    }
    fn advance(&self, n: u64) {
        self.0.advance(n);
    }
}

/// Decodes `path` by `how`, mixed by `mix`; also gives the file's [`StereoEnergy`] (zero
/// unless it is stereo).
fn decode_mixed(
    path: &Path,
    observer: &dyn Observer,
    sink: &mut dyn FnMut(&[f32]),
    how: DecodePath,
    mix: Mix,
) -> Result<(AudioInfo, StereoEnergy)> {
    crate::input::audio_file(path).map_err(|e| Error::io(path, e))?;
    let chunked = match how {
        DecodePath::Auto => Some((super::chunked::CHUNK_SECONDS, rayon::current_num_threads())),
        DecodePath::Sequential => None,
        DecodePath::Chunked { seconds, workers } => Some((seconds, workers)),
    };
    if let Some((seconds, workers)) = chunked
        && let Some(done) = super::chunked::decode(path, observer, sink, seconds, workers, mix)?
    {
        return Ok(done);
    }
    // Two stages on two threads: decoding here in a scoped thread, downmix + resample + the
    // caller's sink (features) on the calling thread. A bounded channel keeps memory flat
    // and the order (hence the result) identical to a single pass.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Block>(PIPELINE_DEPTH);
    // Emptied blocks go back to the decoder: no allocation (and no fresh page faults) per
    // block on the decoding thread, which is the one that bounds the wall time.
    let (recycle_tx, recycle_rx) = std::sync::mpsc::sync_channel::<Vec<f32>>(PIPELINE_DEPTH + 2);
    std::thread::scope(|scope| {
        let decoder = scope.spawn(move || {
            let fresh = || {
                recycle_rx
                    .try_recv()
                    .unwrap_or_else(|_| Vec::with_capacity(BLOCK_SAMPLES * 2))
            };
            let mut batch = Block {
                samples: fresh(),
                ..Block::default()
            };
            let mut on_block = |block: &[f32], info: &AudioInfo| {
                batch.rate = info.sample_rate;
                batch.channels = info.channels;
                batch.samples.extend_from_slice(block);
                if batch.samples.len() >= BLOCK_SAMPLES {
                    let full = std::mem::replace(
                        &mut batch,
                        Block {
                            samples: fresh(),
                            ..Block::default()
                        },
                    );
                    // A closed channel means the consumer stopped on an error; finish quietly.
                    let _ = tx.send(full);
                }
            };
            let info = decode_interleaved(path, observer, &mut on_block);
            if !batch.samples.is_empty() {
                let _ = tx.send(batch);
            }
            info
        });
        let mut resampler: Option<MonoResampler> = None;
        let mut setup_err: Option<String> = None;
        let mut energy = StereoEnergy::default();
        let mut frames = 0u64;
        for mut block in rx {
            if block.channels == 2 {
                energy.add_interleaved(frames, &block.samples);
                frames += block.samples.len() as u64 / 2;
                if mix == Mix::Side {
                    // The mean with the right channel negated is (L − R) / 2, bit for bit
                    // what the parallel path's downmix gives.
                    block
                        .samples
                        .iter_mut()
                        .skip(1)
                        .step_by(2)
                        .for_each(|r| *r = -*r);
                }
            }
            if resampler.is_none() && setup_err.is_none() {
                match MonoResampler::new(block.rate, block.channels) {
                    Ok(r) => resampler = Some(r),
                    Err(e) => setup_err = Some(e),
                }
            }
            if let Some(r) = resampler.as_mut() {
                r.push(&block.samples, sink);
            }
            let mut samples = block.samples;
            samples.clear();
            // Full (decoder done or ahead): the buffer is simply freed.
            let _ = recycle_tx.try_send(samples);
        }
        let info = match decoder.join() {
            Ok(r) => r?,
            Err(_) => {
                return Err(audio_err(path, "the decoder thread failed unexpectedly"));
            }
        };
        if let Some(e) = setup_err {
            return Err(audio_err(path, e));
        }
        if let Some(r) = resampler {
            r.finish(sink);
        }
        Ok((info, energy))
    })
}

/// Interleaved samples passed from the decoding thread to the resampling one.
#[derive(Default)]
struct Block {
    samples: Vec<f32>,
    rate: u32,
    channels: u16,
}

/// Samples per block sent between the pipeline's threads (about 0.4 s of 44.1 kHz stereo).
const BLOCK_SAMPLES: usize = 32_768;
/// Blocks in flight between the threads: bounds the memory the pipeline holds.
const PIPELINE_DEPTH: usize = 8;

/// Decodes `path` at its own sample rate with all its channels, gapless, and pushes
/// interleaved f32 blocks to `sink` (for per-chapter export). `AudioInfo` gives rate and channels.
pub fn decode_interleaved(
    path: &Path,
    observer: &dyn Observer,
    sink: &mut dyn FnMut(&[f32], &AudioInfo),
) -> Result<AudioInfo> {
    crate::input::audio_file(path).map_err(|e| Error::io(path, e))?;
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return Err(audio_err(
            path,
            "the file is empty; is the download complete?",
        ));
    }
    let (source, edit, _) = source_with_edit(path, file, len);
    install_quiet_hook();
    QUIET.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| {
        run(path, source, len, edit, observer, sink)
    }));
    QUIET.with(|q| q.set(false));
    match result {
        Ok(r) => r,
        Err(_) => Err(audio_err(
            path,
            "the decoder failed on malformed data; the file is corrupt or not audio \
             (try re-encoding it with ffmpeg)",
        )),
    }
}

/// The file as symphonia should read it, its MP4 edit list if it has one, and whether it is
/// an MP4-family file at all.
fn source_with_edit(path: &Path, file: File, len: u64) -> (DeclaredLen, Option<Edit>, bool) {
    let scan = scan_mp4(path);
    let is_mp4 = scan.is_some();
    let edit = scan
        .as_ref()
        .and_then(|s| s.moov.as_deref())
        .and_then(parse_moov_edit);
    // A truncated MP4 reports no length to the probe (its trailing-tag check would read past
    // the end) and its declared length to the MP4 reader (which rejects a cut `mdat`).
    let declared = scan.map_or(len, |s| s.declared_len);
    let source = DeclaredLen {
        file,
        len: (declared <= len).then_some(len),
        end: declared,
    };
    (source, edit, is_mp4)
}

/// What to tell the user when no format reader accepts the file. A file cut short (an
/// interrupted download) is the common case, so it gets its own words rather than "not audio".
fn probe_message(e: &SymError) -> String {
    let text = e.to_string();
    let truncated =
        matches!(e, SymError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof);
    if truncated {
        format!("the file ends inside its header ({text}); it is truncated or not audio")
    } else if text.contains("missing moov") {
        "the MP4/M4A index (moov box) is missing; the file is truncated (an incomplete \
         download?) or not an MP4"
            .to_string()
    } else {
        format!(
            "not a recognised audio format ({text}); supported: MP3, M4A/AAC, MP4, MKV, FLAC, \
             Ogg Vorbis, WAV, AIFF, CAF"
        )
    }
}

/// Formats no reader here decodes, named from the file's first bytes so the error can say what
/// the file is and how to convert it (rather than "not a recognised audio format").
fn unsupported_container(path: &Path) -> Option<&'static str> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .ok()?;
    let head = &head[..n];
    // The ASF header object's GUID (75B22630-668E-11CF-A6D9-00AA0062CE6C).
    const ASF: [u8; 16] = [
        0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE,
        0x6C,
    ];
    if head == ASF {
        Some(
            "Windows Media (WMA/ASF) is not supported; convert it first, e.g. \
             ffmpeg -i IN.wma OUT.flac",
        )
    } else if head.starts_with(&[0x0B, 0x77]) {
        Some("AC-3 (Dolby Digital) is not supported; convert it first, e.g. ffmpeg -i IN OUT.flac")
    } else if head.starts_with(b"#!AMR") {
        Some("AMR is not supported; convert it first, e.g. ffmpeg -i IN.amr OUT.flac")
    } else {
        None
    }
}

fn audio_err(path: &Path, message: impl Into<String>) -> Error {
    Error::Audio {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

thread_local! {
    /// True while this thread runs symphonia: a panic there becomes an error, so its message
    /// must not reach stderr.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Installs (once) a panic hook that stays silent for panics caught inside the decoder and
/// defers to the previous hook everywhere else.
fn install_quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                prev(info);
            }
        }));
    });
}

/// Frames to drop at the start and the number of frames to keep, from an MP4 edit list.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Edit {
    skip: u64,
    keep: Option<u64>,
    /// The `tkhd` track id the edit belongs to.
    track_id: u32,
}

/// A probed file: its format reader and a decoder for its first decodable audio track.
struct Stream {
    format: Box<dyn FormatReader>,
    decoder: Box<dyn AudioDecoder>,
    /// What the decoder was made from (a fresh one is made from it again).
    params: AudioCodecParameters,
    track_id: u32,
    codec: String,
    /// The declared sample rate and channel count, when the header gives them.
    rate: Option<u32>,
    channels: Option<usize>,
    /// The track's length in seconds as its header declares it (a truncated download
    /// decodes to less).
    declared_seconds: Option<f64>,
    /// For MPEG audio, the gapless end its LAME header declares, in frames.
    mpeg_end: Option<i64>,
}

impl Stream {
    /// Replaces the decoder with a new one. `reset` is not enough for AAC: its noise
    /// generator (perceptual noise substitution) runs on through a reset, so a decoder that
    /// has decoded other stretches would fill noise bands differently.
    fn fresh_decoder(&mut self) {
        if let Ok(d) = symphonia::default::get_codecs()
            .make_audio_decoder(&self.params, &AudioDecoderOptions::default().gapless(true))
        {
            self.decoder = d;
        } else {
            self.decoder.reset();
        }
    }

    /// MPEG audio joined with `cat` keeps the first file's LAME header, which declares only
    /// the first file's length; symphonia then trims every later packet to nothing. Packets
    /// wholly past that end are given back in full, as ffmpeg decodes them.
    fn untrim_past_declared_end(&self, packet: &mut symphonia::core::packet::Packet) {
        if let Some(end) = self.mpeg_end
            && packet.pts.get() >= end
        {
            packet.trim_start = Duration::new(0);
            packet.trim_end = Duration::new(0);
        }
    }
}

/// Warns when the audio decoded is clearly shorter than the header says: the file was cut
/// (an interrupted download); the result covers only what is there.
fn warn_if_truncated(path: &Path, decoded: f64, declared: Option<f64>, observer: &dyn Observer) {
    if let Some(declared) = declared
        && declared.is_finite()
        && decoded + 1.0 < declared * 0.99
    {
        observer.warn(&format!(
            "{}: the audio ends at {decoded:.1} s but the file declares {declared:.1} s; it is \
             truncated (an incomplete download?), so only the first {decoded:.1} s are used",
            path.display()
        ));
    }
}

/// The name of a codec a user may meet in a podcast feed that symphonia does not decode, so
/// the error can say which one it is.
fn unsupported_codec_name(codec: AudioCodecId) -> Option<&'static str> {
    use symphonia::core::codecs::audio::well_known as known;
    Some(match codec {
        known::CODEC_ID_OPUS => "Opus",
        known::CODEC_ID_AC3 => "AC-3",
        known::CODEC_ID_EAC3 => "E-AC-3",
        known::CODEC_ID_DCA => "DTS",
        known::CODEC_ID_WMA => "WMA",
        known::CODEC_ID_SPEEX => "Speex",
        known::CODEC_ID_MP1 => "MPEG Layer I",
        known::CODEC_ID_MP2 => "MPEG Layer II",
        _ => return None,
    })
}

/// Probes `source` and sets up a decoder for its first decodable audio track.
fn open_stream(path: &Path, source: DeclaredLen) -> Result<Stream> {
    let mss = MediaSourceStream::new(Box::new(source), Default::default());
    let mut hint = Hint::new();
    if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(ext);
    }
    let format: Box<dyn FormatReader> = symphonia::default::get_probe()
        .probe(
            &hint,
            mss,
            FormatOptions::default(),
            MetadataOptions::default(),
        )
        .map_err(|e| {
            let message =
                unsupported_container(path).map_or_else(|| probe_message(&e), str::to_owned);
            audio_err(path, message)
        })?;

    let tracks = format.tracks();
    let any_audio = tracks
        .iter()
        .any(|t| t.codec_params.as_ref().is_some_and(|c| c.audio().is_some()));
    if !any_audio {
        return Err(audio_err(
            path,
            "no audio track found; is this an audio file?",
        ));
    }
    let registry = symphonia::default::get_codecs();
    let mut chosen = None;
    for t in tracks {
        if let Some(params) = t.codec_params.as_ref().and_then(|c| c.audio()) {
            if registry.get_audio_decoder(params.codec).is_some() {
                chosen = Some((t.id, params.clone()));
                break;
            }
        }
    }
    let declared_seconds = chosen.as_ref().and_then(|(id, _)| {
        let t = tracks.iter().find(|t| t.id == *id)?;
        let tb = t.time_base?;
        let n = t.num_frames.or(t.duration.map(|d| d.get()))?;
        Some(n as f64 * f64::from(tb.numer.get()) / f64::from(tb.denom.get()))
    });
    let num_frames = chosen.as_ref().and_then(|(id, _)| {
        tracks
            .iter()
            .find(|t| t.id == *id)
            .and_then(|t| t.num_frames)
    });
    let Some((track_id, params)) = chosen else {
        let named = tracks
            .iter()
            .filter_map(|t| t.codec_params.as_ref()?.audio())
            .find_map(|p| unsupported_codec_name(p.codec));
        let codec = named.map_or(String::new(), |name| format!(" ({name})"));
        return Err(audio_err(
            path,
            format!(
                "the audio codec{codec} is not supported; convert it, e.g. \
                 `ffmpeg -i IN -c:a flac OUT.flac`"
            ),
        ));
    };
    if params.channels.as_ref().is_some_and(|c| c.count() == 0) {
        return Err(audio_err(
            path,
            "the audio track declares zero channels; the file is corrupt",
        ));
    }
    // A header rate outside what we can resample (0 Hz, 4 GHz) is a corrupt header: say so
    // up front instead of failing every packet. An MP4 sample entry stores the rate in 16
    // bits, so 88.2 and 96 kHz AAC reads as 0 there: the decoder's own configuration (the
    // AAC AudioSpecificConfig) then gives it.
    let impossible = |rate: u32| {
        audio_err(
            path,
            format!(
                "the audio track declares an impossible sample rate ({rate} Hz); the header is corrupt"
            ),
        )
    };
    if let Some(rate) = params
        .sample_rate
        .filter(|&r| r != 0 && !(MIN_RATE..=MAX_RATE).contains(&r))
    {
        return Err(impossible(rate));
    }
    let decoder: Box<dyn AudioDecoder> = registry
        .make_audio_decoder(&params, &AudioDecoderOptions::default().gapless(true))
        .map_err(|e| {
            // symphonia's AAC decoder takes AAC-LC in mono or stereo only (not 5.1, not
            // HE-AAC): say what to do about it.
            audio_err(
                path,
                format!(
                    "cannot decode this audio track ({e}); convert it, e.g. \
                     `ffmpeg -i IN -ac 2 -c:a flac OUT.flac`"
                ),
            )
        })?;
    let mut params = params;
    if params.sample_rate == Some(0) {
        params.sample_rate = decoder.codec_params().sample_rate;
    }
    if let Some(rate) = params
        .sample_rate
        .filter(|r| !(MIN_RATE..=MAX_RATE).contains(r))
    {
        return Err(impossible(rate));
    }
    let codec = decoder.codec_info().short_name.to_string();
    let mpeg_end = num_frames
        .filter(|_| is_mpeg(&codec))
        .and_then(|n| i64::try_from(n).ok());
    Ok(Stream {
        format,
        decoder,
        rate: params.sample_rate,
        channels: params.channels.as_ref().map(|c| c.count()),
        params,
        track_id,
        codec,
        declared_seconds,
        mpeg_end,
    })
}

/// MPEG audio (MP1/2/3): the codecs with exact packet times and short decoder state.
fn is_mpeg(codec: &str) -> bool {
    matches!(codec, "mp3" | "mp2" | "mp1")
}

fn run(
    path: &Path,
    source: DeclaredLen,
    len: u64,
    edit: Option<Edit>,
    observer: &dyn Observer,
    sink: &mut dyn FnMut(&[f32], &AudioInfo),
) -> Result<AudioInfo> {
    let mut stream = open_stream(path, source)?;
    let (track_id, codec, declared_seconds) = (
        stream.track_id,
        stream.codec.clone(),
        stream.declared_seconds,
    );
    // The edit list applies only if it belongs to the track we decode.
    let edit = edit.filter(|e| e.track_id == track_id).unwrap_or_default();

    observer.stage("decode", Some(len));
    let mut info = AudioInfo {
        codec,
        ..AudioInfo::default()
    };
    let mut interleaved: Vec<f32> = Vec::new();
    let mut to_skip = edit.skip;
    let mut remaining = edit.keep;
    let mut consecutive_failures = 0u64;
    // The first skip's reason, warned about only once decoding succeeded: a file that ends in
    // an error must give one error line, not a warning and then the error.
    let mut first_skip: Option<String> = None;
    let mut warn_skip = |info: &mut AudioInfo, what: &str| {
        info.skipped_packets += 1;
        if first_skip.is_none() {
            first_skip = Some(what.to_string());
        }
    };

    loop {
        let mut packet = match stream.format.next_packet() {
            Ok(Some(p)) => p,
            Ok(None) => break,
            // A chained stream or a truncated file: what was decoded so far is the audio.
            Err(SymError::ResetRequired) => break,
            Err(SymError::IoError(_)) => break,
            Err(SymError::DecodeError(e)) => {
                consecutive_failures += 1;
                warn_skip(&mut info, e);
                if consecutive_failures > MAX_CONSECUTIVE_FAILURES {
                    break;
                }
                continue;
            }
            Err(e) => {
                if info.source_frames > 0 {
                    break;
                }
                return Err(audio_err(
                    path,
                    format!("cannot read the audio stream: {e}"),
                ));
            }
        };
        if packet.track_id != track_id {
            continue;
        }
        observer.advance(packet.data.len() as u64);
        stream.untrim_past_declared_end(&mut packet);
        let kept = packet
            .dur
            .get()
            .saturating_sub(packet.trim_start.get())
            .saturating_sub(packet.trim_end.get());
        let decoded: std::result::Result<(), String> = match stream.decoder.decode(&packet) {
            Ok(buf) => {
                let spec = buf.spec();
                let rate = spec.rate();
                let channels = spec.channels().count();
                if channels == 0
                    || channels > MAX_CHANNELS
                    || !(MIN_RATE..=MAX_RATE).contains(&rate)
                {
                    Err("impossible channel count or sample rate".into())
                } else if info.sample_rate != 0
                    && (info.sample_rate != rate || usize::from(info.channels) != channels)
                {
                    // A mid-stream format change cannot be stitched into one signal.
                    Err("the sample rate or channel count changed mid-stream".into())
                } else {
                    info.sample_rate = rate;
                    info.channels = channels as u16;
                    buf.copy_to_vec_interleaved(&mut interleaved);
                    Ok(())
                }
            }
            Err(SymError::ResetRequired) => {
                stream.decoder.reset();
                Err("the decoder had to be reset".into())
            }
            Err(e) => Err(e.to_string()),
        };
        if let Err(what) = decoded {
            consecutive_failures += 1;
            warn_skip(&mut info, &what);
            if consecutive_failures > MAX_CONSECUTIVE_FAILURES {
                break;
            }
            if info.sample_rate == 0 {
                // Nothing decoded yet, so no format to make silence in.
                continue;
            }
            // Silence of the packet's length keeps every later sample at its time (and
            // the parallel path does the same).
            interleaved.clear();
            interleaved.resize(
                kept.min(MAX_SILENT_PACKET) as usize * usize::from(info.channels),
                0.0,
            );
        } else {
            consecutive_failures = 0;
        }
        let channels = usize::from(info.channels);
        let frames = interleaved.len() / channels;
        // Apply the MP4 edit list: drop priming, stop at the edit's duration.
        let skip = to_skip.min(frames as u64) as usize;
        to_skip -= skip as u64;
        let mut end = frames;
        if let Some(rem) = remaining.as_mut() {
            let avail = (frames - skip) as u64;
            let take = avail.min(*rem);
            *rem -= take;
            end = skip + take as usize;
        }
        if end > skip {
            info.source_frames += (end - skip) as u64;
            info.duration = info.source_frames as f64 / f64::from(info.sample_rate);
            sink(&interleaved[skip * channels..end * channels], &info);
        }
        if remaining == Some(0) {
            break;
        }
    }

    // The edit list's own length is what a complete file would give.
    let declared = match edit.keep {
        Some(keep) if info.sample_rate > 0 => Some(keep as f64 / f64::from(info.sample_rate)),
        _ => declared_seconds.map(|d| d - edit.skip as f64 / f64::from(info.sample_rate.max(1))),
    };
    report_end(path, &info, first_skip.as_deref(), declared, observer)?;
    Ok(info)
}

/// What every decoding path says at the end: an error if nothing was decoded, else a warning
/// for skipped packets and one if the file is shorter than its header says.
pub(super) fn report_end(
    path: &Path,
    info: &AudioInfo,
    first_skip: Option<&str>,
    declared_seconds: Option<f64>,
    observer: &dyn Observer,
) -> Result<()> {
    if info.source_frames == 0 {
        let message = if info.skipped_packets > 0 {
            format!(
                "no decodable audio: all {} packets were corrupt (first: {}); is the file damaged?",
                info.skipped_packets,
                first_skip.unwrap_or("?")
            )
        } else {
            "no audio in the file (zero samples)".to_string()
        };
        return Err(audio_err(path, message));
    }
    if let Some(what) = first_skip {
        observer.warn(&format!(
            "{}: skipped {} corrupt audio packet(s) (first: {what}); the audio there is silence",
            path.display(),
            info.skipped_packets
        ));
    }
    warn_if_truncated(path, info.duration, declared_seconds, observer);
    Ok(())
}

// ---- Range decoding (the parallel MP3 and AAC path, see `chunked.rs`) ----

/// Longest packet filled with silence when it fails to decode, frames (a corrupt header can
/// declare anything).
const MAX_SILENT_PACKET: u64 = 1 << 16;

/// Source frames decoded before a range's first frame and thrown away. MPEG audio needs its
/// bit reservoir (up to 511 bytes back: about ten frames of 8 kbit/s MPEG-2), the previous
/// granule for the IMDCT overlap and a few hundred samples of synthesis history. Half of
/// this was enough on every file we tried, 8 kbit/s included; after it the samples are
/// bit-identical to a decode from the start (a test checks it). AAC needs one packet (1024
/// frames) for its overlap; it gets the same.
const WARMUP_FRAMES: u64 = 16 * 1152;

/// What [`RangeDecoder::decode_from`] saw.
#[derive(Debug, Default)]
pub(super) struct RangeReport {
    /// Packet bytes read whose first frame falls in the counted range (progress).
    pub bytes: u64,
    /// Packets in the counted range that failed to decode (their frames are silence).
    pub skipped: u64,
    /// What the first of them said.
    pub first_skip: Option<String>,
    /// The stream ended (or became unreadable) before the sink had enough.
    pub eof: bool,
    /// Stereo energy of the frames in the counted range.
    pub energy: StereoEnergy,
    /// Stereo energy of the frames decoded after the counted range (the stretch's own when
    /// the audio ends in it).
    pub energy_after: StereoEnergy,
}

/// A decoder that can start anywhere: reads forward, warms up, and gives the frames from a
/// chosen frame on. For MPEG audio (MP3) and AAC-LC in MP4 (symphonia decodes no other
/// AAC), whose packets have exact lengths and whose decoders forget their past within a few
/// packets: the frames are bit-identical to a decode from the start, except in AAC's
/// noise-substituted bands (see [`Stream::fresh_decoder`]), whose noise depends only on
/// where the range starts.
pub(super) struct RangeDecoder {
    path: std::path::PathBuf,
    stream: Stream,
    rate: u32,
    channels: usize,
    /// Frames the MP4 edit list drops at the start (AAC priming), in decoder frames.
    lead: u64,
    /// Where the edit list ends the audio, in decoder frames (`None`: at the stream's end).
    end: Option<u64>,
    /// The current packet downmixed to mono.
    mono: Vec<f32>,
    /// Scratch for buffers that are not f32.
    interleaved: Vec<f32>,
    /// Frames from the start of the audio to the next packet's first frame, counted as a
    /// decode from the start counts them (packet lengths after trimming).
    cursor: u64,
    /// How stereo becomes mono.
    mix: Mix,
}

impl RangeDecoder {
    /// Opens `path` if it is MPEG audio or AAC in MP4 with a declared rate and channel count,
    /// to be mixed by `mix`; `Ok(None)` for anything else (decoded by the sequential path,
    /// which also gives the errors).
    pub(super) fn open(path: &Path, mix: Mix) -> Result<Option<Self>> {
        let Ok(file) = File::open(path) else {
            return Ok(None);
        };
        if file.metadata().map_or(0, |m| m.len()) == 0 {
            return Ok(None);
        }
        let len = file.metadata().map_or(0, |m| m.len());
        let (source, edit, is_mp4) = source_with_edit(path, file, len);
        let Ok(Ok(stream)) = quiet(|| open_stream(path, source)) else {
            return Ok(None);
        };
        let (Some(rate), Some(channels)) = (stream.rate, stream.channels) else {
            return Ok(None);
        };
        // AAC only from MP4, whose sample table gives every packet's exact length (what
        // places a stretch); other containers may leave packet lengths unknown.
        let exact = is_mpeg(&stream.codec) || (stream.codec == "aac" && is_mp4);
        if !exact || !(1..=MAX_CHANNELS).contains(&channels) {
            return Ok(None);
        }
        // The edit list applies only if it belongs to the track we decode.
        let edit = edit
            .filter(|e| e.track_id == stream.track_id)
            .unwrap_or_default();
        Ok(Some(Self {
            path: path.to_path_buf(),
            stream,
            rate,
            channels,
            lead: edit.skip,
            end: edit.keep.map(|k| edit.skip.saturating_add(k)),
            mono: Vec::new(),
            interleaved: Vec::new(),
            cursor: 0,
            mix,
        }))
    }

    /// Source sample rate.
    pub(super) fn rate(&self) -> u32 {
        self.rate
    }
    /// Source channel count.
    pub(super) fn channels(&self) -> usize {
        self.channels
    }
    /// Codec short name.
    pub(super) fn codec(&self) -> &str {
        &self.stream.codec
    }
    /// The track's length as the header declares it, seconds (the edit list's, if any: what
    /// a complete file gives).
    pub(super) fn declared_seconds(&self) -> Option<f64> {
        let rate = f64::from(self.rate.max(1));
        match self.end {
            Some(end) => Some((end - self.lead) as f64 / rate),
            None => self
                .stream
                .declared_seconds
                .map(|d| d - self.lead as f64 / rate),
        }
    }

    /// Gives `sink` the frames, downmixed to mono, from frame `from` on (frame 0 is the first
    /// gapless frame), contiguous, until the sink returns `false` or the stream ends. Positions
    /// are the sum of trimmed packet lengths, as a decode from the start counts them; a packet
    /// that fails to decode becomes silence of its length. Moving forward between calls reads
    /// past packets without decoding them; moving back reopens the file. Packets starting in
    /// `count` are counted in the report, and the stereo energy of the frames in `count` and
    /// after it.
    pub(super) fn decode_from(
        &mut self,
        from: u64,
        count: std::ops::Range<u64>,
        sink: &mut dyn FnMut(&[f32]) -> bool,
    ) -> Result<RangeReport> {
        let path = self.path.clone();
        match quiet(|| self.decode_from_inner(from, count, sink)) {
            Ok(r) => r,
            Err(()) => Err(audio_err(
                &path,
                "the decoder failed on malformed data; the file is corrupt or not audio \
                 (try re-encoding it with ffmpeg)",
            )),
        }
    }

    fn decode_from_inner(
        &mut self,
        from: u64,
        count: std::ops::Range<u64>,
        sink: &mut dyn FnMut(&[f32]) -> bool,
    ) -> Result<RangeReport> {
        let mut report = RangeReport::default();
        let ch = self.channels;
        // Positions below are in decoder frames, before the edit list's lead is dropped.
        let from = from.saturating_add(self.lead);
        let count = count.start.saturating_add(self.lead)..count.end.saturating_add(self.lead);
        let warm_from = from.saturating_sub(WARMUP_FRAMES);
        if self.cursor > warm_from {
            // Backward (one worker taking consecutive stretches): start the file over.
            match RangeDecoder::open(&self.path, self.mix)? {
                Some(fresh) => *self = fresh,
                None => {
                    report.eof = true;
                    return Ok(report);
                }
            }
        }
        if from > 0 {
            self.stream.fresh_decoder();
        }
        let track_id = self.stream.track_id;
        let mut consecutive_failures = 0u64;
        let mut silence: Vec<f32> = Vec::new();
        loop {
            let mut packet = match self.stream.format.next_packet() {
                Ok(Some(p)) => p,
                Ok(None) | Err(SymError::ResetRequired) | Err(SymError::IoError(_)) => {
                    report.eof = true;
                    return Ok(report);
                }
                Err(SymError::DecodeError(_))
                    if consecutive_failures < MAX_CONSECUTIVE_FAILURES =>
                {
                    consecutive_failures += 1;
                    continue;
                }
                Err(_) => {
                    report.eof = true;
                    return Ok(report);
                }
            };
            if packet.track_id != track_id {
                continue;
            }
            self.stream.untrim_past_declared_end(&mut packet);
            // Frames this packet gives after trimming: where the next packet's frames start
            // in a decode from the start (which `run` counts the same way).
            let kept = packet
                .dur
                .get()
                .saturating_sub(packet.trim_start.get())
                .saturating_sub(packet.trim_end.get());
            let start = self.cursor;
            if start.saturating_add(kept) < warm_from {
                // Before the warm-up: read past, not decoded. (Strictly before: at the start
                // of the file the fully trimmed first packets still prime the decoder.)
                self.cursor = start.saturating_add(kept);
                continue;
            }
            let counted = count.contains(&start);
            if counted {
                report.bytes += packet.data.len() as u64;
            }
            let decoded = match self.stream.decoder.decode(&packet) {
                Ok(buf) => {
                    let spec = buf.spec();
                    if spec.rate() == self.rate && spec.channels().count() == ch {
                        downmix(&buf, ch, &mut self.mono, &mut self.interleaved, self.mix);
                        if ch == 2 {
                            // Packet-local frame ranges, cut where `sink` below stops.
                            let n = self.mono.len() as u64;
                            let end = self.end.map_or(n, |e| e.saturating_sub(start).min(n));
                            let at = |x: u64| x.saturating_sub(start).min(end) as usize;
                            let (c0, c1) = (at(count.start), at(count.end));
                            // Frame `i` of the packet is frame `start + i - lead` of the audio
                            // (counted frames are never before the lead).
                            let lead = self.lead;
                            let audio = |i: usize| (start + i as u64).saturating_sub(lead);
                            let planes = &self.interleaved;
                            let e = &mut report.energy;
                            add_energy(&buf, planes, audio(c0), c0..c1, e);
                            let e = &mut report.energy_after;
                            add_energy(&buf, planes, audio(c1), c1..end as usize, e);
                        }
                        true
                    } else {
                        false
                    }
                }
                Err(SymError::ResetRequired) => {
                    self.stream.decoder.reset();
                    false
                }
                Err(_) => false,
            };
            let frames: &[f32] = if decoded {
                consecutive_failures = 0;
                &self.mono
            } else {
                consecutive_failures += 1;
                if consecutive_failures > MAX_CONSECUTIVE_FAILURES {
                    report.eof = true;
                    return Ok(report);
                }
                if counted {
                    report.skipped += 1;
                    let what = if is_mpeg(&self.stream.codec) {
                        "a corrupt MPEG frame"
                    } else {
                        "a corrupt packet"
                    };
                    report.first_skip.get_or_insert_with(|| what.to_string());
                }
                if start == 0 {
                    // Nothing decoded yet: a decode from the start has no format to make
                    // silence in either.
                    continue;
                }
                silence.clear();
                silence.resize(kept.min(MAX_SILENT_PACKET) as usize, 0.0);
                &silence
            };
            let n = frames.len() as u64;
            self.cursor = start + n;
            if self.cursor <= from {
                continue;
            }
            let lo = from.saturating_sub(start) as usize;
            let hi = self.end.map_or(n, |e| e.saturating_sub(start).min(n)) as usize;
            if hi > lo && !sink(&frames[lo..hi]) {
                return Ok(report);
            }
            if self.end.is_some_and(|e| self.cursor >= e) {
                // The edit list ends the audio here.
                report.eof = true;
                return Ok(report);
            }
        }
    }
}

/// Downmixes a decoded buffer to mono straight from its planes (MP3 decodes to f32 planes;
/// interleaving them first was 5 % of an hour's CPU). The arithmetic is
/// [`MonoResampler::push`]'s, in the same order, so the samples are the same bits (for
/// [`Mix::Side`], its push of the frames with the right channel negated). A buffer that is
/// not f32 planes is left interleaved in `scratch`.
///
/// [`MonoResampler::push`]: super::resample::MonoResampler::push
fn downmix(
    buf: &symphonia::core::audio::GenericAudioBufferRef<'_>,
    ch: usize,
    mono: &mut Vec<f32>,
    scratch: &mut Vec<f32>,
    mix: Mix,
) {
    use symphonia::core::audio::{Audio, GenericAudioBufferRef};
    mono.clear();
    let inv = 1.0 / ch as f32;
    if let GenericAudioBufferRef::F32(b) = buf {
        let planes: Vec<&[f32]> = (0..ch).filter_map(|c| b.plane(c)).collect();
        if planes.len() == ch {
            match planes.as_slice() {
                [one] => mono.extend_from_slice(one),
                [l, r] if mix == Mix::Side => {
                    mono.extend(l.iter().zip(r.iter()).map(|(&l, &r)| (l - r) * inv));
                }
                [l, r] => mono.extend(l.iter().zip(r.iter()).map(|(&l, &r)| (l + r) * inv)),
                _ => {
                    let n = planes[0].len();
                    mono.extend((0..n).map(|i| planes.iter().map(|p| p[i]).sum::<f32>() * inv));
                }
            }
            return;
        }
    }
    buf.copy_to_vec_interleaved(scratch);
    match ch {
        1 => mono.extend_from_slice(scratch),
        2 if mix == Mix::Side => mono.extend(scratch.chunks_exact(2).map(|f| (f[0] - f[1]) * inv)),
        2 => mono.extend(scratch.chunks_exact(2).map(|f| (f[0] + f[1]) * inv)),
        _ => mono.extend(
            scratch
                .chunks_exact(ch)
                .map(|f| f.iter().sum::<f32>() * inv),
        ),
    }
}

/// Adds to `energy` the frames `range` of a decoded stereo buffer that [`downmix`] has mixed
/// (frame `range.start` is frame `first` of the audio): from its planes, or from `scratch`
/// where `downmix` interleaved it.
fn add_energy(
    buf: &symphonia::core::audio::GenericAudioBufferRef<'_>,
    scratch: &[f32],
    first: u64,
    range: std::ops::Range<usize>,
    energy: &mut StereoEnergy,
) {
    use symphonia::core::audio::{Audio, GenericAudioBufferRef};
    if range.is_empty() {
        return;
    }
    if let GenericAudioBufferRef::F32(b) = buf
        && let (Some(l), Some(r)) = (b.plane(0), b.plane(1))
    {
        if let (Some(l), Some(r)) = (l.get(range.clone()), r.get(range)) {
            energy.add_planes(first, l, r);
        }
        return;
    }
    if let Some(frames) = scratch.get(range.start * 2..range.end * 2) {
        energy.add_interleaved(first, frames);
    }
}

/// Runs `f` with symphonia's panics silenced and caught.
fn quiet<T>(f: impl FnOnce() -> T) -> std::result::Result<T, ()> {
    install_quiet_hook();
    QUIET.with(|q| q.set(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.map_err(|_| ())
}

// ---- MP4 edit list (symphonia 0.6's isomp4 reader does not apply it) ----

fn be_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}
fn be_u64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// Iterates the boxes in `b` as (type, payload).
fn boxes(b: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let size32 = be_u32(b, pos)? as usize;
        let kind = b.get(pos + 4..pos + 8)?;
        let (hdr, size) = match size32 {
            0 => (8, b.len() - pos),
            1 => (16, usize::try_from(be_u64(b, pos + 8)?).ok()?),
            s => (8, s),
        };
        if size < hdr {
            return None;
        }
        let payload = b.get(pos + hdr..pos.checked_add(size)?)?;
        pos += size;
        Some((kind, payload))
    })
}

fn child<'a>(b: &'a [u8], kind: &[u8]) -> Option<&'a [u8]> {
    boxes(b).find(|(k, _)| *k == kind).map(|(_, p)| p)
}

/// What a walk over the top-level boxes of an MP4/M4A/MOV file found.
#[derive(Default)]
struct Mp4Scan {
    /// The `moov` box payload (bounded read).
    moov: Option<Vec<u8>>,
    /// The file length the boxes declare; more than the real length when it is truncated.
    declared_len: u64,
}

/// Walks the top-level boxes of `path` if it is an MP4-family file.
fn scan_mp4(path: &Path) -> Option<Mp4Scan> {
    let mut f = File::open(path).ok()?;
    let len = f.metadata().ok()?.len();
    let mut scan = Mp4Scan::default();
    let mut pos = 0u64;
    let mut first = true;
    while pos + 8 <= len {
        f.seek(SeekFrom::Start(pos)).ok()?;
        let mut h = [0u8; 16];
        f.read_exact(&mut h[..8]).ok()?;
        let kind = &h[4..8];
        if first && kind != b"ftyp" && kind != b"moov" && kind != b"wide" && kind != b"mdat" {
            return None;
        }
        first = false;
        let (hdr, size) = match be_u32(&h, 0)? {
            0 => (8u64, len - pos),
            1 => {
                f.read_exact(&mut h[8..16]).ok()?;
                (16, be_u64(&h, 8)?)
            }
            s => (8, u64::from(s)),
        };
        if size < hdr {
            break;
        }
        if &h[4..8] == b"moov" && scan.moov.is_none() {
            let body = size - hdr;
            if body <= MAX_MOOV_BYTES && pos + size <= len {
                let mut v = vec![0u8; body as usize];
                f.read_exact(&mut v).ok()?;
                scan.moov = Some(v);
            }
        }
        pos = pos.saturating_add(size);
    }
    scan.declared_len = pos.max(len);
    Some(scan)
}

/// A file that can hide its length: symphonia's MP4 reader refuses a truncated `mdat` box
/// (and with it the whole file) when it knows the real length; without it, reads past the
/// real end hit end-of-file, which ends decoding with the audio that is there (as ffmpeg does).
struct DeclaredLen {
    file: File,
    /// The real length, or `None` for a truncated MP4.
    len: Option<u64>,
    /// Where `SeekFrom::End` counts from: the declared length of a truncated MP4.
    end: u64,
}

impl Read for DeclaredLen {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.file.read(buf)
    }
}

impl Seek for DeclaredLen {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        match pos {
            SeekFrom::End(off) if self.len.is_none() => {
                let to = self.end.checked_add_signed(off).ok_or_else(|| {
                    std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek out of range")
                })?;
                self.file.seek(SeekFrom::Start(to))
            }
            other => self.file.seek(other),
        }
    }
}

impl symphonia::core::io::MediaSource for DeclaredLen {
    fn is_seekable(&self) -> bool {
        true
    }
    fn byte_len(&self) -> Option<u64> {
        self.len
    }
}

fn parse_moov_edit(moov: &[u8]) -> Option<Edit> {
    let mvhd = child(moov, b"mvhd")?;
    let movie_ts = if mvhd.first()? == &1 {
        be_u32(mvhd, 20)?
    } else {
        be_u32(mvhd, 12)?
    };
    for (kind, trak) in boxes(moov) {
        if kind != b"trak" {
            continue;
        }
        let Some(mdia) = child(trak, b"mdia") else {
            continue;
        };
        if child(mdia, b"hdlr").and_then(|h| h.get(8..12)) != Some(b"soun") {
            continue;
        }
        let tkhd = child(trak, b"tkhd")?;
        let track_id = if tkhd.first()? == &1 {
            be_u32(tkhd, 20)?
        } else {
            be_u32(tkhd, 12)?
        };
        let mdhd = child(mdia, b"mdhd")?;
        let media_ts = if mdhd.first()? == &1 {
            be_u32(mdhd, 20)?
        } else {
            be_u32(mdhd, 12)?
        };
        // The sample rate from the sample description: a 16.16 value in the audio entry.
        let rate = child(mdia, b"minf")
            .and_then(|m| child(m, b"stbl"))
            .and_then(|s| child(s, b"stsd"))
            .and_then(|s| s.get(8..))
            .and_then(|entries| boxes(entries).next())
            .and_then(|(_, e)| be_u32(e, 24))
            .map(|r| r >> 16)
            .filter(|&r| r > 0)
            .unwrap_or(media_ts);
        let elst = child(trak, b"edts").and_then(|e| child(e, b"elst"));
        let Some(elst) = elst else {
            return Some(Edit {
                skip: 0,
                keep: None,
                track_id,
            });
        };
        let v1 = elst.first()? == &1;
        let n = be_u32(elst, 4)? as usize;
        let entry = if v1 { 20 } else { 12 };
        let mut skip = None;
        let mut keep = 0u64;
        for i in 0..n.min(1024) {
            let at = 8 + i * entry;
            let (dur, media_time) = if v1 {
                (be_u64(elst, at)?, be_u64(elst, at + 8)? as i64)
            } else {
                (
                    u64::from(be_u32(elst, at)?),
                    i64::from(be_u32(elst, at + 4)? as i32),
                )
            };
            if media_time < 0 {
                // An empty edit (a delay before the track starts): not audio we decode.
                continue;
            }
            if skip.is_none() {
                skip = Some(scale(media_time as u64, rate, media_ts));
            }
            keep = keep.saturating_add(scale(dur, rate, movie_ts));
        }
        let skip = skip.unwrap_or(0);
        return Some(Edit {
            skip,
            keep: (keep > 0).then_some(keep),
            track_id,
        });
    }
    None
}

/// `v` in timescale `from` converted to timescale `to`, rounded.
fn scale(v: u64, to: u32, from: u32) -> u64 {
    if from == 0 {
        return v;
    }
    let f = u128::from(from);
    ((u128::from(v) * u128::from(to) + f / 2) / f).min(u128::from(u64::MAX)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("podcue-dec-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn garbage_is_an_error() {
        let mut s = 1u64;
        let junk: Vec<u8> = (0..100_000)
            .map(|_| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1);
                (s >> 56) as u8
            })
            .collect();
        for (name, bytes) in [
            ("junk.mp3", &junk[..]),
            ("junk.bin", &junk[..]),
            ("text.mp3", b"hello, this is not audio\n".as_slice()),
            ("empty.wav", b"".as_slice()),
        ] {
            let p = tmp(name, bytes);
            let r = decode_to_mono(&p, &Silent, &mut |_| {});
            assert!(r.is_err(), "{name}: {r:?}");
        }
        if let Some(dir) = tmp("done", b"").parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }

    #[test]
    fn edit_list_parse() {
        // moov > mvhd(v0, ts 1000) + trak > tkhd(id 1) + edts > elst + mdia > hdlr(soun) + mdhd
        fn bx(kind: &[u8], body: &[u8]) -> Vec<u8> {
            let mut v = ((body.len() + 8) as u32).to_be_bytes().to_vec();
            v.extend_from_slice(kind);
            v.extend_from_slice(body);
            v
        }
        let mut mvhd = vec![0u8; 100];
        mvhd[12..16].copy_from_slice(&1000u32.to_be_bytes());
        let mut tkhd = vec![0u8; 84];
        tkhd[12..16].copy_from_slice(&1u32.to_be_bytes());
        let mut elst = vec![0u8, 0, 0, 0, 0, 0, 0, 1];
        elst.extend_from_slice(&2000u32.to_be_bytes()); // 2 s
        elst.extend_from_slice(&1024u32.to_be_bytes());
        elst.extend_from_slice(&[0, 1, 0, 0]);
        let mut hdlr = vec![0u8; 24];
        hdlr[8..12].copy_from_slice(b"soun");
        let mut mdhd = vec![0u8; 24];
        mdhd[12..16].copy_from_slice(&44_100u32.to_be_bytes());
        let mdia = [bx(b"hdlr", &hdlr), bx(b"mdhd", &mdhd)].concat();
        let trak = [
            bx(b"tkhd", &tkhd),
            bx(b"edts", &bx(b"elst", &elst)),
            bx(b"mdia", &mdia),
        ]
        .concat();
        let moov = [bx(b"mvhd", &mvhd), bx(b"trak", &trak)].concat();
        let e = parse_moov_edit(&moov).unwrap();
        assert_eq!(
            e,
            Edit {
                skip: 1024,
                keep: Some(88_200),
                track_id: 1
            }
        );
        // Truncated boxes never panic.
        for cut in 0..moov.len() {
            let _ = parse_moov_edit(&moov[..cut]);
        }
    }
}
