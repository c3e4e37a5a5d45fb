//! Audio input: decoding any supported file to mono f32 at 16 kHz, streamed (symphonia,
//! rubato), and WAV writing (hound).
//!
//! - [`decode::decode_to_mono`]: path -> mono 16 kHz blocks to a sink, gapless (sample 0 is
//!   ffmpeg's first sample). MP3 and AAC in MP4 are decoded in fixed stretches on all cores
//!   (`chunked.rs`: bit-identical to one pass, except the noise AAC substitutes for some
//!   bands); other formats decode and resample on two threads.
//! - [`decode::decode_interleaved`]: path -> interleaved blocks at the source rate (chapter
//!   export), same gapless trimming.
//! - [`decode::decode_to_mono_with`]: the same with the decoding path chosen (tests, benches).
//! - [`decode::decode_for_analysis`]: the same, except that a stereo file whose channels
//!   cancel when mixed (one phase-inverted, see `mix.rs`) is decoded again as (L − R) / 2.
//! - [`resample::MonoResampler`]: streaming downmix + resample, delay-compensated, output
//!   length `round(frames * 16000 / rate)`.
//! - [`wav::write_wav`], [`wav::WavWriter`], [`wav::read_wav`]: WAV fixtures and export.

mod chunked;
pub mod decode;
mod mix;
pub mod resample;
pub mod wav;

use serde::{Deserialize, Serialize};

/// The sample rate every analysis stage works at.
pub const ANALYSIS_RATE: u32 = 16_000;

/// What the decoder found out about a file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AudioInfo {
    /// Codec name (e.g. "mp3", "aac").
    pub codec: String,
    /// Source sample rate in Hz.
    pub sample_rate: u32,
    /// Source channel count.
    pub channels: u16,
    /// Decoded length in seconds (gapless: encoder delay and padding trimmed).
    pub duration: f64,
    /// Source frames (samples per channel) decoded.
    pub source_frames: u64,
    /// Packets that failed to decode and were skipped.
    pub skipped_packets: u64,
}
