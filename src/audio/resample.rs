//! Downmix and resampling (the only file that uses rubato), streamed.
//!
//! Takes interleaved f32 blocks at the source rate, gives mono f32 at
//! [`ANALYSIS_RATE`]. The resampler's own delay is dropped and the tail
//! flushed, so output sample `k` is the signal at time `k / 16000` s and the output length is
//! `round(frames * 16000 / rate)` ([`output_len`]). Deterministic for a given input and
//! independent of how the input is split into blocks.

use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{Fft, FixedSync, Indexing, Resampler, WindowFunction};

use super::ANALYSIS_RATE;

/// Lowest and highest source rates accepted (anything outside is a corrupt header).
pub const MIN_RATE: u32 = 1_000;
/// See [`MIN_RATE`].
pub const MAX_RATE: u32 = 768_000;

/// Source frames per resampler call, at least: about 80 ms at 44.1 kHz, small enough that
/// the pending buffer stays tiny, big enough that the FFT cost per sample is low. 3528 is
/// 8 x 441, so 44.1 kHz gets FFTs of 2^3 3^2 7^2 and 2^8 5 points: the first choice from 4096
/// (4410 = 2 3^2 5 7^2, a radix-5 pass on the long side) took 39 % longer (a minute of 44.1
/// kHz stereo: 17.2 against 12.4 ms; 48 kHz: 14.9 against 13.5 ms).
const CHUNK_IN: usize = 3528;

/// Output length for `frames` source frames at `rate` Hz: `round(frames * 16000 / rate)`.
pub fn output_len(frames: u64, rate: u32) -> u64 {
    if rate == 0 {
        return 0;
    }
    let r = u128::from(rate);
    ((u128::from(frames) * u128::from(ANALYSIS_RATE) + r / 2) / r) as u64
}

/// True when `n` has no prime factor above 7 (fast FFT sizes).
fn smooth(mut n: usize) -> bool {
    if n == 0 {
        return false;
    }
    for p in [2, 3, 5, 7] {
        while n % p == 0 {
            n /= p;
        }
    }
    n == 1
}

fn gcd(mut a: u32, mut b: u32) -> u32 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Streaming downmix (mean of channels) + resampler to mono 16 kHz.
pub struct MonoResampler {
    channels: usize,
    rate: u32,
    /// `None`: the source is already at 16 kHz (pass-through after downmix).
    inner: Option<Fft<f32>>,
    chunk_in: usize,
    /// Mono source-rate samples not yet given to the resampler (< `chunk_in`).
    pending: Vec<f32>,
    out: Vec<f32>,
    /// Output frames still to drop for the resampler's delay.
    to_skip: usize,
    in_frames: u64,
    emitted: u64,
}

impl MonoResampler {
    /// A resampler for `channels` interleaved channels at `rate` Hz.
    pub fn new(rate: u32, channels: u16) -> std::result::Result<Self, String> {
        if channels == 0 {
            return Err("the audio declares zero channels".into());
        }
        if !(MIN_RATE..=MAX_RATE).contains(&rate) {
            return Err(format!(
                "unsupported sample rate {rate} Hz (expected {MIN_RATE}..{MAX_RATE})"
            ));
        }
        let (inner, chunk_in, to_skip) = if rate == ANALYSIS_RATE {
            (None, CHUNK_IN, 0)
        } else {
            // An even FFT output size makes the delay (half of it) a whole number of
            // output samples, so it can be dropped exactly.
            let g = gcd(rate, ANALYSIS_RATE) as usize;
            let (min_in, min_out) = (rate as usize / g, ANALYSIS_RATE as usize / g);
            let mut blocks = CHUNK_IN.div_ceil(min_in).max(1);
            // The FFT sizes must have only small prime factors: from a target of 4096, 48 kHz
            // first got 4098 = 2 x 3 x 683, and a prime-length FFT made the hour 40 % slower
            // than ffmpeg's decode. The first smooth choice at or above the target is taken.
            let usable =
                |b: usize| (b * min_out) % 2 == 0 && smooth(b * min_in) && smooth(b * min_out);
            if let Some(b) = (blocks..blocks * 2 + 2).find(|&b| usable(b)) {
                blocks = b;
            } else if (blocks * min_out) % 2 == 1 {
                blocks += 1;
            }
            let fft = Fft::<f32>::new_custom(
                rate as usize,
                ANALYSIS_RATE as usize,
                blocks * min_in,
                1,
                1,
                WindowFunction::BlackmanHarris2,
                FixedSync::Input,
            )
            .map_err(|e| format!("cannot resample from {rate} Hz: {e}"))?;
            let chunk_in = fft.input_frames_next();
            let delay = fft.output_delay();
            (Some(fft), chunk_in, delay)
        };
        let out_max = inner.as_ref().map_or(0, |f| f.output_frames_max());
        Ok(Self {
            channels: usize::from(channels),
            rate,
            inner,
            chunk_in,
            pending: Vec::with_capacity(chunk_in),
            out: vec![0.0; out_max],
            to_skip,
            in_frames: 0,
            emitted: 0,
        })
    }

    /// Source frames pushed so far.
    pub fn input_frames(&self) -> u64 {
        self.in_frames
    }

    /// Source frames per resampler block: the resampler's state at a multiple of this is
    /// rebuilt exactly by running one block from zero state (parallel decoding relies on it).
    pub fn block_frames(&self) -> usize {
        self.chunk_in
    }

    /// Adds interleaved source frames; pushes whatever 16 kHz output is ready to `sink`.
    /// Non-finite samples (a hostile float WAV) count as zero: one would spread over a whole
    /// FFT block.
    pub fn push(&mut self, interleaved: &[f32], sink: &mut dyn FnMut(&[f32])) {
        let ch = self.channels;
        let frames = interleaved.len() / ch;
        self.in_frames += frames as u64;
        let inv = 1.0 / ch as f32;
        let mut rest = &interleaved[..frames * ch];
        while !rest.is_empty() {
            let room = if self.inner.is_none() {
                usize::MAX
            } else {
                self.chunk_in - self.pending.len()
            };
            let take = room.min(rest.len() / ch);
            let (now, later) = rest.split_at(take * ch);
            rest = later;
            // Per-frame mean in a fixed order: the same bits whatever the block split.
            let finite = |x: f32| if x.is_finite() { x } else { 0.0 };
            match ch {
                1 => self.pending.extend(now.iter().map(|&x| finite(x))),
                2 => self
                    .pending
                    .extend(now.chunks_exact(2).map(|f| finite((f[0] + f[1]) * inv))),
                _ => self.pending.extend(
                    now.chunks_exact(ch)
                        .map(|f| finite(f.iter().sum::<f32>() * inv)),
                ),
            }
            if self.inner.is_none() {
                // Pass-through at 16 kHz: straight to the sink.
                self.emitted += self.pending.len() as u64;
                sink(&self.pending);
                self.pending.clear();
            } else if self.pending.len() == self.chunk_in {
                self.run_chunk(None, sink);
                self.pending.clear();
            }
        }
    }

    /// Resamples `pending` (all of it, or `partial` frames padded with silence).
    fn run_chunk(&mut self, partial: Option<usize>, sink: &mut dyn FnMut(&[f32])) {
        let Some(fft) = self.inner.as_mut() else {
            return;
        };
        let n_in = self.chunk_in;
        self.pending.resize(n_in, 0.0);
        let out_len = self.out.len();
        let (Ok(input), Ok(mut output)) = (
            InterleavedSlice::new(&self.pending[..], 1, n_in),
            InterleavedSlice::new_mut(&mut self.out[..], 1, out_len),
        ) else {
            return;
        };
        let indexing = Indexing {
            input_offset: 0,
            output_offset: 0,
            partial_len: partial,
            active_channels_mask: None,
        };
        // Buffers are sized from the resampler itself, so this cannot fail; if it did we
        // would emit silence rather than panic, and the length would still be right.
        let produced = match fft.process_into_buffer(&input, &mut output, Some(&indexing)) {
            Ok((_, n)) => n,
            Err(_) => {
                let n = fft.output_frames_next();
                self.out[..n.min(out_len)].fill(0.0);
                n.min(out_len)
            }
        };
        let mut block = &self.out[..produced];
        let skip = self.to_skip.min(block.len());
        self.to_skip -= skip;
        block = &block[skip..];
        if !block.is_empty() {
            self.emitted += block.len() as u64;
            sink(block);
        }
    }

    /// Flushes the tail so exactly [`output_len`] samples have been emitted in total.
    /// Returns that total.
    pub fn finish(mut self, sink: &mut dyn FnMut(&[f32])) -> u64 {
        let target = output_len(self.in_frames, self.rate);
        if self.inner.is_none() {
            return self.emitted;
        }
        // Flush into a small buffer, then cap it: the final chunks run past the end.
        let mut tail: Vec<f32> = Vec::new();
        let partial = self.pending.len();
        let before = self.emitted;
        self.run_chunk(Some(partial), &mut |b| tail.extend_from_slice(b));
        let mut guard = 0;
        while before + (tail.len() as u64) < target && guard < 64 {
            self.pending.clear();
            self.run_chunk(Some(0), &mut |b| tail.extend_from_slice(b));
            guard += 1;
        }
        let n = (target.saturating_sub(before) as usize).min(tail.len());
        if n > 0 {
            sink(&tail[..n]);
        }
        before + n as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(rate: u32, channels: u16, x: &[f32], block: usize) -> Vec<f32> {
        let mut r = MonoResampler::new(rate, channels).unwrap();
        let mut out = Vec::new();
        for b in x.chunks(block.max(1) * usize::from(channels)) {
            r.push(b, &mut |s| out.extend_from_slice(s));
        }
        let n = r.finish(&mut |s| out.extend_from_slice(s));
        assert_eq!(n as usize, out.len());
        out
    }

    #[test]
    fn length_is_rounded_ratio() {
        for &(rate, frames) in &[
            (44_100u32, 44_100usize),
            (48_000, 12_345),
            (8_000, 999),
            (22_050, 1),
            (96_000, 100_003),
            (16_000, 777),
        ] {
            let x = vec![0.1f32; frames];
            let y = run(rate, 1, &x, 1000);
            assert_eq!(
                y.len() as u64,
                output_len(frames as u64, rate),
                "{rate} {frames}"
            );
        }
    }

    #[test]
    fn click_lands_at_its_time() {
        // A click at 0.5 s must peak at output sample 8000 (delay compensated).
        for &rate in &[8_000u32, 22_050, 44_100, 48_000, 96_000] {
            let n = rate as usize;
            let mut x = vec![0.0f32; n];
            x[n / 2] = 1.0;
            let y = run(rate, 1, &x, 333);
            let peak = y
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
                .map(|(i, _)| i)
                .unwrap();
            assert_eq!(peak, 8000, "rate {rate}");
        }
    }

    #[test]
    fn block_size_does_not_change_output() {
        let x: Vec<f32> = (0..50_000).map(|i| ((i as f32) * 0.01).sin()).collect();
        let a = run(44_100, 2, &x, 17);
        let b = run(44_100, 2, &x, 4096);
        assert_eq!(a, b);
    }

    #[test]
    fn downmix_is_mean_and_passthrough_at_16k() {
        let x = [1.0f32, 0.0, 0.5, 0.5, -1.0, 0.0];
        let mut r = MonoResampler::new(16_000, 2).unwrap();
        let mut y = Vec::new();
        r.push(&x, &mut |s| y.extend_from_slice(s));
        r.finish(&mut |s| y.extend_from_slice(s));
        assert_eq!(y, vec![0.5, 0.5, -0.5]);
    }

    #[test]
    fn non_finite_samples_count_as_silence() {
        let mut x = vec![0.25f32; 20_000];
        x[5_000] = f32::NAN;
        x[9_000] = f32::INFINITY;
        for rate in [16_000u32, 44_100] {
            let y = run(rate, 1, &x, 1000);
            assert!(y.iter().all(|v| v.is_finite()), "{rate}");
        }
    }

    #[test]
    fn fft_blocks_have_small_prime_factors() {
        for rate in [
            8_000u32, 11_025, 22_050, 24_000, 32_000, 44_100, 48_000, 88_200, 96_000,
        ] {
            let r = MonoResampler::new(rate, 1).unwrap();
            let block = r.block_frames();
            assert!(smooth(block), "{rate} Hz: block {block}");
            assert!(smooth(output_len(block as u64, rate) as usize), "{rate} Hz");
        }
        // 44.1 kHz gets the block without a radix-5 pass (see `CHUNK_IN`).
        assert_eq!(MonoResampler::new(44_100, 2).unwrap().block_frames(), 3528);
    }

    #[test]
    fn bad_params_are_errors() {
        assert!(MonoResampler::new(44_100, 0).is_err());
        assert!(MonoResampler::new(0, 2).is_err());
        assert!(MonoResampler::new(u32::MAX, 2).is_err());
    }
}
