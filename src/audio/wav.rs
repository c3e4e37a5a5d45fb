//! WAV writing and reading (the only file that uses hound): test fixtures and per-chapter export.
//!
//! Takes interleaved f32 samples in [-1, 1] and writes 16/24-bit PCM or 32-bit float WAV;
//! reads any hound-readable WAV back to interleaved f32.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// A WAV file read into memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WavData {
    /// Interleaved samples in [-1, 1].
    pub samples: Vec<f32>,
    /// Sample rate in Hz.
    pub rate: u32,
    /// Channel count.
    pub channels: u16,
}

/// Default bit depth for exported WAV files (16-bit PCM).
pub const DEFAULT_BITS: u16 = 16;

fn wav_err(path: &Path, e: hound::Error) -> Error {
    match e {
        hound::Error::IoError(source) => Error::io(path, source),
        other => Error::Audio {
            path: path.to_path_buf(),
            message: format!("WAV: {other}"),
        },
    }
}

fn spec(path: &Path, rate: u32, channels: u16, bits: u16) -> Result<hound::WavSpec> {
    let sample_format = match bits {
        16 | 24 => hound::SampleFormat::Int,
        32 => hound::SampleFormat::Float,
        _ => {
            return Err(Error::Audio {
                path: path.to_path_buf(),
                message: format!("cannot write {bits}-bit WAV; use 16, 24 or 32 (float)"),
            });
        }
    };
    if rate == 0 || channels == 0 {
        return Err(Error::Audio {
            path: path.to_path_buf(),
            message: format!("cannot write WAV with rate {rate} Hz and {channels} channels"),
        });
    }
    Ok(hound::WavSpec {
        channels,
        sample_rate: rate,
        bits_per_sample: bits,
        sample_format,
    })
}

/// Streaming WAV writer: create, write interleaved blocks, finish (for long exports that
/// must not be held in memory).
pub struct WavWriter {
    path: PathBuf,
    bits: u16,
    inner: hound::WavWriter<BufWriter<File>>,
}

impl WavWriter {
    /// Creates `path` (truncating it) for `channels` interleaved channels at `rate` Hz,
    /// `bits` = 16 or 24 (PCM) or 32 (float).
    pub fn create(path: &Path, rate: u32, channels: u16, bits: u16) -> Result<Self> {
        let spec = spec(path, rate, channels, bits)?;
        let inner = hound::WavWriter::create(path, spec).map_err(|e| wav_err(path, e))?;
        Ok(Self {
            path: path.to_path_buf(),
            bits,
            inner,
        })
    }

    /// Appends interleaved samples (clipped to [-1, 1] for integer formats).
    pub fn write(&mut self, interleaved: &[f32]) -> Result<()> {
        let path = &self.path;
        match self.bits {
            32 => {
                for &s in interleaved {
                    self.inner.write_sample(s).map_err(|e| wav_err(path, e))?;
                }
            }
            bits => {
                // Scale to the full positive range; round so a round trip is exact.
                let max = ((1i32 << (bits - 1)) - 1) as f32;
                for &s in interleaved {
                    let v = (s.clamp(-1.0, 1.0) * max).round() as i32;
                    self.inner.write_sample(v).map_err(|e| wav_err(path, e))?;
                }
            }
        }
        Ok(())
    }

    /// Writes the header sizes and closes the file.
    pub fn finish(self) -> Result<()> {
        let path = self.path;
        self.inner.finalize().map_err(|e| wav_err(&path, e))
    }
}

/// Writes interleaved samples to a WAV file in one go (16-bit PCM is [`DEFAULT_BITS`]).
pub fn write_wav(
    path: &Path,
    interleaved: &[f32],
    rate: u32,
    channels: u16,
    bits: u16,
) -> Result<()> {
    let mut w = WavWriter::create(path, rate, channels, bits)?;
    w.write(interleaved)?;
    w.finish()
}

/// Reads a whole WAV file to interleaved f32 samples in [-1, 1].
pub fn read_wav(path: &Path) -> Result<WavData> {
    let reader = hound::WavReader::open(path).map_err(|e| wav_err(path, e))?;
    let spec = reader.spec();
    let samples: std::result::Result<Vec<f32>, hound::Error> = match spec.sample_format {
        hound::SampleFormat::Float => reader.into_samples::<f32>().collect(),
        hound::SampleFormat::Int => {
            let scale = 1.0 / (1i64 << (spec.bits_per_sample.clamp(1, 32) - 1)) as f32;
            reader
                .into_samples::<i32>()
                .map(|s| s.map(|v| v as f32 * scale))
                .collect()
        }
    };
    Ok(WavData {
        samples: samples.map_err(|e| wav_err(path, e))?,
        rate: spec.sample_rate,
        channels: spec.channels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_16_24_float() {
        let dir = std::env::temp_dir().join(format!("podcue-wav-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let x: Vec<f32> = (0..200).map(|i| ((i as f32) * 0.1).sin() * 0.5).collect();
        for bits in [16u16, 24, 32] {
            let p = dir.join(format!("t{bits}.wav"));
            write_wav(&p, &x, 22_050, 2, bits).unwrap();
            let back = read_wav(&p).unwrap();
            assert_eq!(back.rate, 22_050);
            assert_eq!(back.channels, 2);
            assert_eq!(back.samples.len(), x.len());
            let tol = 2.0 / (1u32 << (bits.min(24) - 1)) as f32;
            for (a, b) in x.iter().zip(&back.samples) {
                assert!((a - b).abs() <= tol, "{bits}: {a} vs {b}");
            }
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn bad_bits_is_error() {
        let p = std::env::temp_dir().join("podcue-never-written.wav");
        assert!(write_wav(&p, &[0.0], 16_000, 1, 12).is_err());
    }
}
