//! Stereo files whose channels cancel when mixed: one channel phase-inverted (L = −R), a
//! wiring fault of some USB interfaces and mis-set balanced cables. Their mean is near silence.
//!
//! While decoding, [`StereoEnergy`] adds up the energy of L + R and of L − R over the whole
//! file; if the sum carries far less than the channels ([`StereoEnergy::cancels`]), the
//! file is decoded again mixed as [`Mix::Side`]. Whole-file totals (not a prefix, which may
//! be silence or an intro) in integers: the frames can be added in any order (threads,
//! stretches, blocks) and give the same totals, so the decision is the same in every path.
//! Only every [`STRIDE`]-th frame of the file counts: the energy ratio needs no more, and
//! every frame cost 7 % of an hour's decoding CPU (an integer energy is twenty times dearer
//! than the mix itself).

/// How a stereo source becomes mono.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mix {
    /// The mean of the channels: every file, unless its channels cancel.
    #[default]
    Mean,
    /// Half the difference of a stereo file's channels, (L − R) / 2: the mean with the
    /// second channel's polarity flipped. Rather than one channel: it keeps what only the
    /// other channel carries, at the level a normal mix has. Files of other channel counts
    /// are mixed as [`Mix::Mean`].
    Side,
}

/// Quantisation of a sample for [`StereoEnergy`]: 16 bits, saturating; NaN is 0.
const SCALE: f32 = 32_768.0;

/// [`StereoEnergy`] takes the frames whose index from the start of the audio is a multiple
/// of this: about 1,400 a second at 44.1 kHz, 5 million in an hour. Prime, so that no common
/// tone frequency is always caught at the same phase.
pub const STRIDE: u64 = 31;

/// How many frames, the first of which has index `first`, to pass over to reach the first
/// one [`StereoEnergy`] takes.
fn offset(first: u64) -> usize {
    ((STRIDE - first % STRIDE) % STRIDE) as usize
}

/// Energy of L + R and of L − R of a stereo source, from samples quantised to 16 bits.
/// Integer sums are exact, so the totals do not depend on the order frames are added in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StereoEnergy {
    sum: u128,
    diff: u128,
}

impl StereoEnergy {
    /// Adds another part of the file.
    pub fn add(&mut self, other: StereoEnergy) {
        self.sum += other.sum;
        self.diff += other.diff;
    }

    /// Adds frames given as left and right planes (of equal length); `first` is the index
    /// of their first frame from the start of the audio.
    pub fn add_planes(&mut self, first: u64, left: &[f32], right: &[f32]) {
        // Per call in u64: a frame adds at most 2^32, so 2^32 frames would be needed to
        // overflow; calls are a packet or a pipeline block.
        let (mut sum, mut diff) = (0u64, 0u64);
        let frames = left.iter().zip(right).skip(offset(first));
        for (&l, &r) in frames.step_by(STRIDE as usize) {
            let (s, d) = sum_diff(l, r);
            sum += s;
            diff += d;
        }
        self.sum += u128::from(sum);
        self.diff += u128::from(diff);
    }

    /// Adds interleaved stereo frames; `first` is the index of the first from the start of
    /// the audio.
    pub fn add_interleaved(&mut self, first: u64, frames: &[f32]) {
        let (mut sum, mut diff) = (0u64, 0u64);
        let frames = frames.chunks_exact(2).skip(offset(first));
        for f in frames.step_by(STRIDE as usize) {
            let (s, d) = sum_diff(f[0], f[1]);
            sum += s;
            diff += d;
        }
        self.sum += u128::from(sum);
        self.diff += u128::from(diff);
    }

    /// True when the mean of the channels is 20 dB or more below the mean channel energy.
    ///
    /// Mixed, identical channels keep their level (0 dB); uncorrelated ones (two
    /// microphones, one voice each, as in a split-track interview) lose 3 dB; music and
    /// stereo reverb a few dB more. With channels of equal level the mix is
    /// `(1 + correlation) / 2` of the channel energy, so 20 dB below means a correlation of
    /// −0.98 or less: no mixing choice makes that, a polarity fault does (L = −0.9 R is
    /// −26 dB). What is left of such a mix is mostly the channels' differences (noise, codec
    /// error), too weak and too unlike the speech to segment.
    pub fn cancels(&self) -> bool {
        // mix = Σ(L+R)²/4, mean channel = (ΣL² + ΣR²)/2 = (Σ(L+R)² + Σ(L−R)²)/4;
        // mix <= mean channel / 100  <=>  99 Σ(L+R)² <= Σ(L−R)².
        self.diff > 0 && self.sum.saturating_mul(99) <= self.diff
    }
}

/// (L + R)² and (L − R)² of one frame, quantised.
#[inline]
fn sum_diff(l: f32, r: f32) -> (u64, u64) {
    let l = i64::from((l * SCALE) as i16);
    let r = i64::from((r * SCALE) as i16);
    let (s, d) = (l + r, l - r);
    ((s * s) as u64, (d * d) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn energy(l: &[f32], r: &[f32]) -> StereoEnergy {
        let mut e = StereoEnergy::default();
        e.add_planes(0, l, r);
        e
    }

    fn tone(n: usize, f: f32) -> Vec<f32> {
        (0..n).map(|i| 0.5 * (i as f32 * f).sin()).collect()
    }

    #[test]
    fn inverted_channels_cancel_and_others_do_not() {
        let x = tone(10_000, 0.05);
        let neg: Vec<f32> = x.iter().map(|v| -v).collect();
        let y = tone(10_000, 0.031);
        assert!(energy(&x, &neg).cancels());
        // Partly: one channel at 0.9 of the other's level, inverted, plus a little noise.
        let mut s = 1u64;
        let partly: Vec<f32> = x
            .iter()
            .map(|v| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1);
                -0.9 * v + ((s >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 0.005
            })
            .collect();
        assert!(energy(&x, &partly).cancels());
        assert!(!energy(&x, &x).cancels());
        assert!(!energy(&x, &y).cancels());
        let silent = vec![0.0f32; 10_000];
        assert!(!energy(&x, &silent).cancels());
        assert!(!energy(&silent, &silent).cancels());
        // Half the file inverted, half not: the mix keeps its level there, no decision.
        let half: Vec<f32> = x
            .iter()
            .enumerate()
            .map(|(i, v)| if i < 5_000 { -v } else { *v })
            .collect();
        assert!(!energy(&x, &half).cancels());
    }

    #[test]
    fn totals_do_not_depend_on_how_frames_are_split() {
        let x = tone(9_999, 0.05);
        let y = tone(9_999, 0.07);
        let whole = energy(&x, &y);
        assert_ne!(whole, StereoEnergy::default());
        for size in [1, 30, 31, 32, 777] {
            let mut parts = StereoEnergy::default();
            for (i, (a, b)) in x.chunks(size).zip(y.chunks(size)).enumerate().rev() {
                let mut e = StereoEnergy::default();
                e.add_planes((i * size) as u64, a, b);
                parts.add(e);
            }
            assert_eq!(whole, parts, "{size}");
        }
        let interleaved: Vec<f32> = x.iter().zip(&y).flat_map(|(&l, &r)| [l, r]).collect();
        let mut e = StereoEnergy::default();
        for (i, block) in interleaved.chunks(2 * 100).enumerate() {
            e.add_interleaved((i * 100) as u64, block);
        }
        assert_eq!(whole, e);
        // Out-of-range and non-finite samples saturate instead of overflowing.
        let wild = [f32::INFINITY, f32::NAN, -1e30, 7.0];
        let _ = energy(&wild, &wild).cancels();
    }
}
