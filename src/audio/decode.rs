//! Decoding (the only file that uses symphonia): any supported file to mono f32 at
//! [`ANALYSIS_RATE`](super::ANALYSIS_RATE), streamed to a sink in blocks, gapless.

use std::path::Path;

use super::AudioInfo;
use crate::progress::Observer;
use crate::Result;

/// Decodes `path` and pushes mono 16 kHz samples to `sink` in order, block by block.
/// Memory does not grow with the file's length.
pub fn decode_to_mono(
    path: &Path,
    observer: &dyn Observer,
    sink: &mut dyn FnMut(&[f32]),
) -> Result<AudioInfo> {
    let _ = (path, observer, sink);
    unimplemented!("decode_to_mono")
}

/// Decodes `path` at its own sample rate with all its channels, gapless, and pushes
/// interleaved f32 blocks to `sink` (for per-chapter export). `AudioInfo` gives rate and channels.
pub fn decode_interleaved(
    path: &Path,
    observer: &dyn Observer,
    sink: &mut dyn FnMut(&[f32], &AudioInfo),
) -> Result<AudioInfo> {
    let _ = (path, observer, sink);
    unimplemented!("decode_interleaved")
}
