//! Parallel decoding of MPEG audio (MP3) and AAC in MP4 (M4A): takes a path, gives the same
//! mono 16 kHz samples as the sequential path, bit for bit, decoded on all cores.
//!
//! One exception, AAC's perceptual noise substitution: the decoder fills those bands from a
//! random generator that runs through the whole stream, and a stretch starts it afresh. The
//! noise there then depends on the file and the (fixed) stretch length, never on the thread
//! count, and the one-thread run decodes the same stretches; it differs from a one-pass
//! decode only in that noise (frame energies within a dB; a test checks both).
//!
//! The file is cut into fixed stretches of [`CHUNK_SECONDS`] (a whole number of resampler
//! blocks, so the cut never depends on the thread count). Each worker thread owns a reader
//! and takes every `workers`-th stretch, moving only forward through the file. For a
//! stretch it reads past earlier packets, decodes a warm-up that is thrown away
//! ([`RangeDecoder`]), and runs a fresh resampler from one resampler block before the
//! stretch: the FFT resampler's state is the previous block's tail only, so its output from
//! the stretch's first block on is the sequential output exactly. The calling thread takes
//! the stretches in order and gives them to the sink; a bounded channel per worker keeps at
//! most one stretch per worker in memory (about 2 MB for 30 s).

use std::sync::mpsc::{Receiver, sync_channel};

use super::AudioInfo;
use super::decode::RangeDecoder;
use super::mix::{Mix, StereoEnergy};
use super::resample::{MonoResampler, output_len};
use crate::progress::Observer;
use crate::{Error, Result};

/// Length of one stretch, seconds (rounded up to whole resampler blocks).
pub const CHUNK_SECONDS: f64 = 30.0;
/// Resampler blocks run before a stretch to rebuild the resampler's state (one is enough).
const PREROLL_BLOCKS: u64 = 1;

/// One decoded stretch, resampled.
struct Stretch {
    samples: Vec<f32>,
    /// `Some(source frames from 0 to the end)` when the audio ends in this stretch (its
    /// samples then run to the end of the audio).
    end_frames: Option<u64>,
    bytes: u64,
    skipped: u64,
    first_skip: Option<String>,
    /// Stereo energy of the stretch's own frames.
    energy: StereoEnergy,
}

/// Decodes `path` in parallel stretches of `chunk_seconds` if it is MPEG audio or AAC in MP4
/// and pushes mono 16 kHz samples, mixed by `mix`, to `sink` in order; also gives the file's
/// stereo energy, added up stretch by stretch in order. `Ok(None)`: not a file this path
/// handles (the caller decodes it sequentially). `workers` threads decode; neither the
/// samples nor the energy depend on it.
pub(super) fn decode(
    path: &std::path::Path,
    observer: &dyn Observer,
    sink: &mut dyn FnMut(&[f32]),
    chunk_seconds: f64,
    workers: usize,
    mix: Mix,
) -> Result<Option<(AudioInfo, StereoEnergy)>> {
    let Some(first) = RangeDecoder::open(path, mix)? else {
        return Ok(None);
    };
    let rate = first.rate();
    let channels = first.channels();
    let codec = first.codec().to_string();
    // Mono in: the range decoder downmixes (the same bits the resampler's own downmix gives).
    let block = MonoResampler::new(rate, 1)
        .map_err(|e| Error::Audio {
            path: path.to_path_buf(),
            message: e,
        })?
        .block_frames() as u64;
    let stretch_frames =
        block * ((chunk_seconds.max(1.0) * f64::from(rate)) as u64).div_ceil(block);
    let workers = workers.clamp(1, 16);
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    observer.stage("decode", Some(len));

    let declared = first.declared_seconds();
    let mut readers = vec![first];
    for _ in 1..workers {
        match RangeDecoder::open(path, mix)? {
            Some(r) => readers.push(r),
            None => break,
        }
    }
    let workers = readers.len();
    let plan = Plan {
        path,
        rate,
        stretch_frames,
        block_frames: block,
    };

    std::thread::scope(|scope| {
        let mut inbox: Vec<Receiver<Result<Stretch>>> = Vec::with_capacity(workers);
        for (w, mut reader) in readers.into_iter().enumerate() {
            let (tx, rx) = sync_channel::<Result<Stretch>>(0);
            inbox.push(rx);
            scope.spawn(move || {
                let mut index = w as u64;
                loop {
                    let result = plan.run(&mut reader, index);
                    let stop = !matches!(&result, Ok(s) if s.end_frames.is_none());
                    // A closed channel: the consumer has what it needs or stopped on an error.
                    if tx.send(result).is_err() || stop {
                        return;
                    }
                    index += workers as u64;
                }
            });
        }
        let mut info = AudioInfo {
            codec,
            sample_rate: rate,
            channels: channels as u16,
            ..AudioInfo::default()
        };
        let mut first_skip: Option<String> = None;
        let mut energy = StereoEnergy::default();
        for index in 0u64.. {
            let Ok(stretch) = inbox[(index % workers as u64) as usize].recv() else {
                return Err(Error::Audio {
                    path: path.to_path_buf(),
                    message: "a decoding thread failed unexpectedly".into(),
                });
            };
            let stretch = stretch?;
            observer.advance(stretch.bytes);
            info.skipped_packets += stretch.skipped;
            energy.add(stretch.energy);
            if first_skip.is_none() {
                first_skip = stretch.first_skip;
            }
            if !stretch.samples.is_empty() {
                sink(&stretch.samples);
            }
            if let Some(end) = stretch.end_frames {
                info.source_frames = end;
                break;
            }
        }
        // Unblocks workers still sending stretches past the end.
        drop(inbox);
        info.duration = info.source_frames as f64 / f64::from(rate);
        super::decode::report_end(path, &info, first_skip.as_deref(), declared, observer)?;
        Ok(Some((info, energy)))
    })
}

/// Appends the part of `block` (whose first sample has output index `*next_out`) that lies
/// in `range`, and advances `*next_out`.
fn keep(block: &[f32], samples: &mut Vec<f32>, next_out: &mut u64, range: std::ops::Range<u64>) {
    let g0 = *next_out;
    let g1 = g0 + block.len() as u64;
    let lo = range.start.clamp(g0, g1);
    let hi = range.end.clamp(lo, g1);
    samples.extend_from_slice(&block[(lo - g0) as usize..(hi - g0) as usize]);
    *next_out = g1;
}

/// How the file is cut.
#[derive(Clone, Copy)]
struct Plan<'a> {
    path: &'a std::path::Path,
    rate: u32,
    /// Source frames per stretch, a multiple of `block_frames`.
    stretch_frames: u64,
    /// Source frames per resampler block.
    block_frames: u64,
}

impl Plan<'_> {
    /// Decodes and resamples stretch `index`: source frames `[a, b)`, output samples
    /// `[output_len(a), output_len(b))`, or to the end of the audio if it ends first.
    fn run(&self, reader: &mut RangeDecoder, index: u64) -> Result<Stretch> {
        let a = index.saturating_mul(self.stretch_frames);
        let b = a.saturating_add(self.stretch_frames);
        // Where the fresh resampler starts: whole blocks, so its block grid is the
        // sequential one and every output it keeps is exact.
        let r0 = a.saturating_sub(PREROLL_BLOCKS * self.block_frames);
        let (out_r0, out_a, out_b) = (
            output_len(r0, self.rate),
            output_len(a, self.rate),
            output_len(b, self.rate),
        );
        let mut resampler = MonoResampler::new(self.rate, 1).map_err(|e| Error::Audio {
            path: self.path.to_path_buf(),
            message: e,
        })?;
        let mut samples = Vec::with_capacity((out_b - out_a) as usize);
        // Output index (global) of the next sample the resampler emits.
        let mut next_out = out_r0;
        let report = reader.decode_from(r0, a..b, &mut |frames| {
            resampler.push(frames, &mut |block| {
                keep(block, &mut samples, &mut next_out, out_a..out_b);
            });
            next_out < out_b
        })?;
        let mut end_frames = None;
        let mut energy = report.energy;
        if report.eof {
            energy.add(report.energy_after);
            // The audio ends in this stretch: flush the resampler's tail and keep everything
            // to the end, including what lies past `b`. (A stretch is only reached when the
            // one before it got all its samples, so the audio runs at least to `a`.)
            end_frames = Some((r0 + resampler.input_frames()).max(a));
            resampler.finish(&mut |block| {
                keep(block, &mut samples, &mut next_out, out_a..u64::MAX);
            });
        }
        Ok(Stretch {
            samples,
            end_frames,
            bytes: report.bytes,
            skipped: report.skipped,
            first_skip: report.first_skip,
            energy,
        })
    }
}
