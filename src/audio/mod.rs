//! Audio input: decoding any supported file to mono f32 at 16 kHz, streamed (symphonia,
//! rubato), and WAV writing (hound).

pub mod decode;
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
