//! Decoding, resampling and features on WAV/AIFF files generated here (hound), and hostile
//! input that must give an error, never a panic.

use std::path::{Path, PathBuf};

use podcue::audio::decode::{decode_interleaved, decode_to_mono};
use podcue::audio::resample::output_len;
use podcue::audio::wav::{read_wav, write_wav};
use podcue::features::{self, FeatureExtractor, Features};
use podcue::progress::Observer;

/// A fresh temporary folder for one test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let p = std::env::temp_dir().join(format!("podcue-it-audio-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn path(&self, f: &str) -> PathBuf {
        self.0.join(f)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// 1 s of silence with a 1 kHz tone burst from `on` to `off` seconds, same in every channel
/// (channel c scaled by 1/(c+1) so a wrong downmix changes the level, not the timing).
fn burst(rate: u32, channels: u16, secs: f64, on: f64, off: f64) -> Vec<f32> {
    let n = (f64::from(rate) * secs).round() as usize;
    let mut v = Vec::with_capacity(n * usize::from(channels));
    for i in 0..n {
        let t = i as f64 / f64::from(rate);
        let s = if t >= on && t < off {
            (0.5 * (2.0 * std::f64::consts::PI * 1000.0 * t).sin()) as f32
        } else {
            0.0
        };
        for c in 0..channels {
            v.push(s / f32::from(c + 1));
        }
    }
    v
}

fn decode_mono(p: &Path) -> (Vec<f32>, podcue::audio::AudioInfo) {
    let mut out = Vec::new();
    let info = decode_to_mono(p, &podcue::progress::Silent, &mut |b| {
        out.extend_from_slice(b)
    })
    .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    (out, info)
}

/// First and last frame whose energy is within 6 dB of the loudest frame, in seconds.
fn burst_span(f: &Features) -> (f64, f64) {
    let peak = f.energy_db.iter().copied().fold(f32::MIN, f32::max);
    let on: Vec<usize> = (0..f.len())
        .filter(|&i| f.energy_db[i] > peak - 6.0)
        .collect();
    (
        *on.first().unwrap() as f64 * features::HOP_S,
        *on.last().unwrap() as f64 * features::HOP_S,
    )
}

#[test]
fn wav_rates_channels_and_depths_decode_in_time() {
    let dir = TempDir::new("rates");
    for &rate in &[8_000u32, 16_000, 22_050, 44_100, 48_000, 96_000] {
        for &channels in &[1u16, 2, 6] {
            for &bits in &[16u16, 24, 32] {
                let x = burst(rate, channels, 1.0, 0.3, 0.6);
                let p = dir.path(&format!("b{rate}_{channels}_{bits}.wav"));
                write_wav(&p, &x, rate, channels, bits).unwrap();
                let (y, info) = decode_mono(&p);
                let frames = x.len() as u64 / u64::from(channels);
                assert_eq!(info.sample_rate, rate);
                assert_eq!(info.channels, channels);
                assert_eq!(info.source_frames, frames);
                assert_eq!(y.len() as u64, output_len(frames, rate), "{p:?}");
                let f = features::compute(&y);
                let (on, off) = burst_span(&f);
                assert!((on - 0.3).abs() <= 0.010, "{p:?}: onset {on}");
                assert!((off - 0.6).abs() <= 0.010, "{p:?}: offset {off}");
                // Silence stays silent (no resampler ringing far from the burst).
                assert!(f.energy_db[10] < -80.0, "{p:?}: {}", f.energy_db[10]);
            }
        }
    }
}

#[test]
fn interleaved_decode_is_sample_exact() {
    let dir = TempDir::new("inter");
    let x = burst(44_100, 2, 0.5, 0.1, 0.2);
    let p = dir.path("s.wav");
    write_wav(&p, &x, 44_100, 2, 32).unwrap();
    let mut y = Vec::new();
    let info = decode_interleaved(&p, &podcue::progress::Silent, &mut |b, i| {
        assert_eq!((i.sample_rate, i.channels), (44_100, 2));
        y.extend_from_slice(b);
    })
    .unwrap();
    assert_eq!(info.source_frames as usize * 2, x.len());
    assert_eq!(y, x);
    assert_eq!(read_wav(&p).unwrap().samples, x);
}

/// Writes a 16-bit big-endian AIFF (hound cannot).
fn write_aiff(p: &Path, x: &[f32], rate: u32, channels: u16) {
    let frames = (x.len() / usize::from(channels)) as u32;
    let mut comm = Vec::new();
    comm.extend_from_slice(&channels.to_be_bytes());
    comm.extend_from_slice(&frames.to_be_bytes());
    comm.extend_from_slice(&16u16.to_be_bytes());
    // 80-bit extended float of the rate.
    let r = f64::from(rate);
    let exp = r.log2().floor() as i32;
    let mant = (r / 2f64.powi(exp) * (1u64 << 63) as f64) as u64;
    comm.extend_from_slice(&((16383 + exp) as u16).to_be_bytes());
    comm.extend_from_slice(&mant.to_be_bytes());
    let mut ssnd = vec![0u8; 8];
    for &s in x {
        ssnd.extend_from_slice(&((s * 32767.0).round() as i16).to_be_bytes());
    }
    let mut body = b"AIFF".to_vec();
    for (k, c) in [(b"COMM", &comm), (b"SSND", &ssnd)] {
        body.extend_from_slice(k);
        body.extend_from_slice(&(c.len() as u32).to_be_bytes());
        body.extend_from_slice(c);
    }
    let mut f = b"FORM".to_vec();
    f.extend_from_slice(&(body.len() as u32).to_be_bytes());
    f.extend_from_slice(&body);
    std::fs::write(p, f).unwrap();
}

#[test]
fn aiff_decodes_in_time() {
    let dir = TempDir::new("aiff");
    let x = burst(44_100, 2, 1.0, 0.3, 0.6);
    let p = dir.path("b.aiff");
    write_aiff(&p, &x, 44_100, 2);
    let (y, info) = decode_mono(&p);
    assert_eq!(info.sample_rate, 44_100);
    assert_eq!(y.len() as u64, output_len(44_100, 44_100));
    let (on, off) = burst_span(&features::compute(&y));
    assert!(
        (on - 0.3).abs() <= 0.010 && (off - 0.6).abs() <= 0.010,
        "{on} {off}"
    );
}

#[test]
fn features_are_thread_invariant_on_decoded_audio() {
    let dir = TempDir::new("threads");
    let mut x = burst(48_000, 2, 30.0, 3.0, 17.0);
    // Some noise so every frame has content.
    let mut s = 9u64;
    for v in &mut x {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *v += ((s >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 0.01;
    }
    let p = dir.path("n.wav");
    write_wav(&p, &x, 48_000, 2, 16).unwrap();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let mut fx = FeatureExtractor::new();
            decode_to_mono(&p, &podcue::progress::Silent, &mut |b| fx.push(b)).unwrap();
            fx.finish()
        })
    };
    let a = run(1);
    let b = run(4);
    assert_eq!(a.len(), 3000);
    let bits = |f: &Features| {
        let mut v: Vec<u32> = f.energy_db.iter().map(|x| x.to_bits()).collect();
        v.extend(f.band_db.iter().map(|&x| u32::from(x as u16)));
        v.extend(f.bands.iter().flatten().map(|&x| x as u32));
        v
    };
    assert_eq!(bits(&a), bits(&b));
}

#[derive(Default)]
struct Recorder {
    warnings: std::sync::Mutex<Vec<String>>,
    stages: std::sync::Mutex<Vec<(String, Option<u64>)>>,
    advanced: std::sync::atomic::AtomicU64,
}

impl Observer for Recorder {
    fn stage(&self, name: &str, total: Option<u64>) {
        self.stages.lock().unwrap().push((name.to_string(), total));
    }
    fn advance(&self, n: u64) {
        self.advanced
            .fetch_add(n, std::sync::atomic::Ordering::Relaxed);
    }
    fn warn(&self, message: &str) {
        self.warnings.lock().unwrap().push(message.to_string());
    }
}

#[test]
fn progress_is_reported() {
    let dir = TempDir::new("progress");
    let p = dir.path("p.wav");
    write_wav(&p, &burst(16_000, 1, 2.0, 0.5, 1.0), 16_000, 1, 16).unwrap();
    let rec = Recorder::default();
    decode_to_mono(&p, &rec, &mut |_| {}).unwrap();
    let stages = rec.stages.lock().unwrap().clone();
    assert_eq!(stages.len(), 1);
    assert_eq!(stages[0].0, "decode");
    assert!(rec.advanced.load(std::sync::atomic::Ordering::Relaxed) > 0);
    assert!(rec.warnings.lock().unwrap().is_empty());
}

#[test]
fn hostile_files_are_errors_not_panics() {
    let dir = TempDir::new("hostile");
    let mut s = 5u64;
    let random: Vec<u8> = (0..200_000)
        .map(|_| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1);
            (s >> 56) as u8
        })
        .collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.mp3", Vec::new()),
        ("random.mp3", random.clone()),
        ("random.m4a", random.clone()),
        ("random", random),
        (
            "text.mp3",
            b"Episode 12 show notes\nThis is a text file.\n".repeat(50),
        ),
    ];
    for (name, bytes) in cases {
        let p = dir.path(name);
        std::fs::write(&p, bytes).unwrap();
        let r = decode_to_mono(&p, &podcue::progress::Silent, &mut |_| {});
        let Err(e) = r else {
            panic!("{name}: decoded garbage");
        };
        assert!(!e.to_string().is_empty());
    }
    let missing = decode_to_mono(
        &dir.path("nope.mp3"),
        &podcue::progress::Silent,
        &mut |_| {},
    );
    assert!(matches!(missing, Err(podcue::Error::Io { .. })));
}

#[test]
fn broken_wav_headers_never_panic() {
    let dir = TempDir::new("badwav");
    let good = dir.path("good.wav");
    write_wav(&good, &burst(44_100, 2, 0.2, 0.05, 0.1), 44_100, 2, 16).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    // Every header byte set to 0x00 and 0xFF in turn, and truncations at every header
    // length: each gives Ok or Err, never a panic.
    for i in 0..44 {
        for v in [0u8, 0xFF] {
            let mut b = bytes.clone();
            b[i] = v;
            let p = dir.path("mut.wav");
            std::fs::write(&p, &b).unwrap();
            let _ = decode_to_mono(&p, &podcue::progress::Silent, &mut |_| {});
        }
    }
    for cut in [1usize, 12, 30, 43, 44, 45, 1000] {
        let p = dir.path("cut.wav");
        std::fs::write(&p, &bytes[..cut]).unwrap();
        let r = decode_to_mono(&p, &podcue::progress::Silent, &mut |_| {});
        if cut <= 44 {
            assert!(r.is_err(), "cut {cut}");
        }
    }
}

#[test]
fn corpus_files_decode_when_present() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} absent, skipping", dir.display());
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        // WAV and FLAC only: cheap enough in a debug build.
        if !matches!(p.extension().and_then(|x| x.to_str()), Some("wav" | "flac")) {
            continue;
        }
        let (y, info) = decode_mono(&p);
        assert_eq!(
            y.len() as u64,
            output_len(info.source_frames, info.sample_rate)
        );
        assert!(info.duration > 1.0);
    }
}

#[test]
fn corrupt_mp3_packets_are_skipped_counted_and_warned_once() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev03_island_ferry.mp3");
    let Ok(bytes) = std::fs::read(&src) else {
        eprintln!("note: {} absent, skipping", src.display());
        return;
    };
    let dir = TempDir::new("corrupt");
    let mut b = bytes[..bytes.len().min(400_000)].to_vec();
    // Overwrite scattered bytes after the header with a fixed pattern.
    let mut s = 11u64;
    for _ in 0..300 {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let i = 2_000 + (s >> 33) as usize % (b.len() - 2_000);
        b[i] = (s >> 13) as u8;
    }
    let p = dir.path("corrupt.mp3");
    std::fs::write(&p, &b).unwrap();
    let rec = Recorder::default();
    let mut n = 0usize;
    let info = decode_to_mono(&p, &rec, &mut |x| n += x.len()).unwrap();
    assert!(info.skipped_packets > 0, "{info:?}");
    let warnings = rec.warnings.lock().unwrap();
    // One warning for the skipped packets, one because the copy is cut short of the length
    // its LAME header declares.
    assert_eq!(
        warnings.iter().filter(|w| w.contains("skipped")).count(),
        1,
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("truncated")),
        "{warnings:?}"
    );
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(n > 16_000 * 10, "{n}");
}

#[test]
fn aac_at_96_khz_decodes_in_time() {
    // An MP4 sample entry holds the rate in 16 bits, so 96 kHz reads as 0 there; the AAC
    // configuration has the real rate. It was refused as a corrupt header.
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tone-after-silence-1.5s-mono-96k.m4a");
    let (mono, info) = decode_mono(&p);
    assert_eq!(info.sample_rate, 96_000);
    assert!((info.duration - 1.5).abs() < 0.01, "{}", info.duration);
    assert_eq!(mono.len() as u64, output_len(info.source_frames, 96_000));
    let (on, off) = burst_span(&features::compute(&mono));
    assert!((on - 0.5).abs() < 0.03, "tone starts at {on}");
    assert!((off - 1.5).abs() < 0.03, "tone ends at {off}");
}
