//! Results do not depend on the thread count or on how the work is split: `podcue align` on
//! the bundled sample gives byte-identical files with 1 rayon thread and with the default, and
//! the two-thread streaming decoder gives the same samples and features as a plain single pass.

use std::path::{Path, PathBuf};
use std::process::Command;

use podcue::audio::decode::{
    DecodePath, Mono, decode_for_analysis, decode_interleaved, decode_to_mono, decode_to_mono_with,
};
use podcue::audio::resample::MonoResampler;
use podcue::audio::wav::write_wav;
use podcue::features;
use podcue::progress::Silent;

fn crate_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn temp_dir(name: &str) -> PathBuf {
    super::common::temp_dir("det", name)
}

/// Runs `podcue align` with `threads` rayon threads (`None`: the default) into a fresh folder;
/// returns the folder and its files' names and bytes, sorted.
fn align_outputs(threads: Option<&str>, tag: &str) -> (PathBuf, Vec<(String, Vec<u8>)>) {
    let out = temp_dir(tag);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_podcue"));
    cmd.arg("align")
        .arg(crate_file("audio/sample-episode.mp3"))
        .arg(crate_file("transcripts/sample-episode.txt"))
        .arg("--format")
        .arg("vtt,srt,json,words,chapters,html,txt")
        .arg("-o")
        .arg(&out);
    match threads {
        Some(n) => cmd.env("RAYON_NUM_THREADS", n),
        None => cmd.env_remove("RAYON_NUM_THREADS"),
    };
    let status = cmd.output().unwrap();
    assert!(
        status.status.success(),
        "podcue align failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    (out, files)
}

#[test]
fn align_is_identical_with_one_thread_and_many() {
    let (d1, one) = align_outputs(Some("1"), "one");
    let (dd, default) = align_outputs(None, "default");
    let (d4, four) = align_outputs(Some("4"), "four");
    assert!(one.len() >= 5, "expected every output, got {}", one.len());
    for other in [&default, &four] {
        assert_eq!(
            one.iter().map(|f| &f.0).collect::<Vec<_>>(),
            other.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        for (a, b) in one.iter().zip(other.iter()) {
            assert!(a.1 == b.1, "{} differs between thread counts", a.0);
        }
    }
    for d in [d1, dd, d4] {
        let _ = std::fs::remove_dir_all(d);
    }
}

/// The same mono 16 kHz signal by a plain single-threaded pass: decode, then downmix and
/// resample in `block`-frame pieces on this thread.
fn single_pass_mono(path: &Path, block: usize) -> Vec<f32> {
    let mut source = Vec::new();
    let info = decode_interleaved(path, &Silent, &mut |b, _| source.extend_from_slice(b)).unwrap();
    let mut r = MonoResampler::new(info.sample_rate, info.channels).unwrap();
    let mut out = Vec::new();
    for piece in source.chunks(block * usize::from(info.channels)) {
        r.push(piece, &mut |s| out.extend_from_slice(s));
    }
    r.finish(&mut |s| out.extend_from_slice(s));
    out
}

fn bits(x: &[f32]) -> Vec<u32> {
    x.iter().map(|v| v.to_bits()).collect()
}

fn assert_pipeline_matches_single_pass(path: &Path) {
    let mut streamed = Vec::new();
    decode_to_mono(path, &Silent, &mut |b| streamed.extend_from_slice(b)).unwrap();
    assert!(!streamed.is_empty());
    for block in [1152usize, 4096, 100_003] {
        let single = single_pass_mono(path, block);
        assert!(
            bits(&streamed) == bits(&single),
            "{}: streamed decode differs from a single pass (block {block})",
            path.display()
        );
    }
    // Features: 1 thread vs 3 threads, bit for bit.
    let pool = |n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    };
    let a = pool(1).install(|| features::compute(&streamed));
    let b = pool(3).install(|| features::compute(&streamed));
    assert_eq!(a.len(), b.len());
    let flat = |f: &features::Features| -> Vec<u32> {
        f.energy_db
            .iter()
            .map(|v| v.to_bits())
            .chain(f.band_db.iter().map(|&b| u32::from(b as u16)))
            .chain(f.bands.iter().flatten().map(|&b| b as u32))
            .collect()
    };
    assert!(flat(&a) == flat(&b), "features depend on the thread count");
}

#[test]
fn streamed_decode_matches_single_pass_on_the_sample() {
    assert_pipeline_matches_single_pass(&crate_file("audio/sample-episode.mp3"));
}

#[test]
fn streamed_decode_matches_single_pass_on_synthetic_audio() {
    let dir = temp_dir("synth");
    // 95 s of stereo 44.1 kHz: tone bursts, noise and silences, different in each channel,
    // long enough to cross many pipeline blocks and feature batches.
    let rate = 44_100usize;
    let mut s = 7u64;
    let mut x = Vec::with_capacity(rate * 95 * 2);
    for i in 0..rate * 95 {
        let t = i as f32 / rate as f32;
        let on = (t * 0.7).fract() < 0.6;
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let n = ((s >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 0.1;
        let l = if on {
            0.4 * (t * 220.0 * std::f32::consts::TAU).sin() + n
        } else {
            0.0
        };
        let r = if on {
            0.3 * (t * 1330.0 * std::f32::consts::TAU).sin() - n
        } else {
            n * 0.01
        };
        x.push(l);
        x.push(r);
    }
    let wav = dir.join("synth.wav");
    write_wav(&wav, &x, rate as u32, 2, 16).unwrap();
    assert_pipeline_matches_single_pass(&wav);
    let _ = std::fs::remove_dir_all(dir);
}

/// MP3 is decoded in parallel stretches (seek, warm-up, fresh resampler): whatever the
/// stretch length and the number of threads, the samples are those of one sequential pass.
fn assert_chunked_matches_sequential(path: &Path) {
    // 1.3 s stretches put dozens of boundaries inside the audio; 7 s and the default put
    // few; 1000 s is a single stretch.
    assert_chunked_matches_sequential_with(
        path,
        &[(1.3, 1), (1.3, 3), (7.0, 2), (1000.0, 2), (60.0, 4)],
    );
}

fn assert_chunked_matches_sequential_with(path: &Path, splits: &[(f64, usize)]) {
    let decode = |how| {
        let mut out = Vec::new();
        let info =
            decode_to_mono_with(path, &Silent, &mut |b| out.extend_from_slice(b), how).unwrap();
        (info, out)
    };
    let (seq_info, sequential) = decode(DecodePath::Sequential);
    assert!(sequential.len() > 16_000 * 20, "{}", sequential.len());
    for &(seconds, workers) in splits {
        let (info, chunked) = decode(DecodePath::Chunked { seconds, workers });
        assert_eq!(
            chunked.len(),
            sequential.len(),
            "{}: {seconds} s x {workers}",
            path.display()
        );
        let first_diff = chunked
            .iter()
            .zip(&sequential)
            .position(|(a, b)| a.to_bits() != b.to_bits());
        assert_eq!(
            first_diff,
            None,
            "{}: chunked ({seconds} s, {workers} threads) differs from one pass",
            path.display()
        );
        assert_eq!(info.source_frames, seq_info.source_frames);
        assert_eq!(info.sample_rate, seq_info.sample_rate);
        assert_eq!(info.channels, seq_info.channels);
    }
}

#[test]
fn chunked_mp3_decode_matches_one_pass_on_the_sample() {
    assert_chunked_matches_sequential_with(
        &crate_file("audio/sample-episode.mp3"),
        &[(1.3, 3), (7.0, 2), (30.0, 2)],
    );
}

#[test]
fn chunked_mp3_decode_matches_one_pass_on_synthetic_audio() {
    assert_chunked_matches_sequential(&crate_file(
        "tests/fixtures/tone-bursts-40s-stereo-44k-64k.mp3",
    ));
    assert_chunked_matches_sequential(&crate_file(
        "tests/fixtures/tone-sweeps-40s-mono-22k-vbr.mp3",
    ));
    assert_chunked_matches_sequential(&crate_file(
        "tests/fixtures/tone-sweeps-40s-mono-22k-8k.mp3",
    ));
}

#[test]
fn chunked_mp3_decode_matches_one_pass_on_joined_and_damaged_files() {
    let dir = temp_dir("joined");
    let sample = std::fs::read(crate_file("audio/sample-episode.mp3")).unwrap();
    // Joined with `cat`: the first LAME header declares only the first file's length.
    let joined = dir.join("joined.mp3");
    std::fs::write(&joined, [&sample[..], &sample[..]].concat()).unwrap();
    let mut one = 0usize;
    decode_to_mono_with(
        &crate_file("audio/sample-episode.mp3"),
        &Silent,
        &mut |b| one += b.len(),
        DecodePath::Sequential,
    )
    .unwrap();
    let mut two = 0usize;
    decode_to_mono(&joined, &Silent, &mut |b| two += b.len()).unwrap();
    // Both halves are decoded (less the second file's trimmed encoder delay and padding).
    assert!(
        two.abs_diff(2 * one) < 16_000 / 10,
        "joined file gave {two} samples for 2 x {one}"
    );
    assert_chunked_matches_sequential_with(&joined, &[(7.0, 2), (30.0, 2)]);
    // Damaged: runs of flipped bytes in the middle; bad packets become silence in both paths.
    let mut damaged = sample.clone();
    for at in [sample.len() / 3, sample.len() / 2, 2 * sample.len() / 3] {
        for b in &mut damaged[at..at + 700] {
            *b ^= 0x5a;
        }
    }
    let damaged_path = dir.join("damaged.mp3");
    std::fs::write(&damaged_path, damaged).unwrap();
    assert_chunked_matches_sequential_with(&damaged_path, &[(1.3, 3), (7.0, 2)]);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn chunked_aac_decode_matches_one_pass_without_noise_substitution() {
    // Without perceptual noise substitution an AAC-LC decoder's state is the previous
    // packet's overlap: after the warm-up every sample is the one-pass sample. The edit list
    // (priming) is applied the same way in both paths.
    assert_chunked_matches_sequential(&crate_file(
        "tests/fixtures/noise-bursts-40s-stereo-44k-aac-48k-nopns.m4a",
    ));
}

/// Samples of `path` decoded by `how`.
fn mono(path: &Path, how: DecodePath) -> Vec<f32> {
    let mut out = Vec::new();
    decode_to_mono_with(path, &Silent, &mut |b| out.extend_from_slice(b), how).unwrap();
    out
}

#[test]
fn chunked_aac_with_noise_substitution_depends_only_on_the_file() {
    // Noise-substituted bands are filled from a generator that runs through the whole
    // stream, so a stretch decoded on its own gets other noise there than one pass does.
    // What must hold: the samples depend on the file and the stretch length only, never
    // on the number of threads, and differ from one pass only by that noise.
    let path = crate_file("tests/fixtures/noise-bursts-40s-stereo-44k-aac-48k.m4a");
    let sequential = mono(&path, DecodePath::Sequential);
    let reference = mono(
        &path,
        DecodePath::Chunked {
            seconds: 1.3,
            workers: 1,
        },
    );
    for workers in [2, 3, 4] {
        let other = mono(
            &path,
            DecodePath::Chunked {
                seconds: 1.3,
                workers,
            },
        );
        assert!(
            bits(&other) == bits(&reference),
            "{workers} threads give other samples than one"
        );
    }
    assert_eq!(reference.len(), sequential.len());
    // The fixture does use noise substitution (or this test would show nothing).
    assert!(bits(&reference) != bits(&sequential));
    // Same signal, other noise: per 10 ms frame the energies agree closely.
    let energy = |x: &[f32]| features::compute(x).energy_db;
    let (a, b) = (energy(&reference), energy(&sequential));
    let worst = a
        .iter()
        .zip(&b)
        .filter(|(x, _)| **x > -60.0)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0f32, f32::max);
    assert!(worst < 1.0, "frame energy differs by up to {worst:.2} dB");
}

/// Warnings an observer was given.
#[derive(Default)]
struct Warnings(std::sync::Mutex<Vec<String>>);

impl podcue::progress::Observer for Warnings {
    fn warn(&self, message: &str) {
        self.0.lock().unwrap().push(message.to_string());
    }
}

/// What [`decode_for_analysis`] gives by `how`: the samples after its last start-over, how
/// many start-overs, and the warnings.
fn analysed(path: &Path, how: DecodePath) -> (Vec<f32>, usize, Vec<String>) {
    let mut out = Vec::new();
    let mut restarts = 0;
    let warnings = Warnings::default();
    decode_for_analysis(
        path,
        &warnings,
        &mut |m| match m {
            Mono::Samples(b) => out.extend_from_slice(b),
            Mono::StartOver => {
                restarts += 1;
                out.clear();
            }
        },
        how,
    )
    .unwrap();
    (out, restarts, warnings.0.into_inner().unwrap())
}

fn rms_db(x: &[f32]) -> f64 {
    let e: f64 = x.iter().map(|&v| f64::from(v) * f64::from(v)).sum::<f64>() / x.len() as f64;
    10.0 * e.max(1e-30).log10()
}

const SPLITS: [DecodePath; 5] = [
    DecodePath::Sequential,
    DecodePath::Chunked {
        seconds: 1.3,
        workers: 1,
    },
    DecodePath::Chunked {
        seconds: 1.3,
        workers: 3,
    },
    DecodePath::Chunked {
        seconds: 7.0,
        workers: 2,
    },
    DecodePath::Auto,
];

#[test]
fn phase_inverted_mp3_is_decoded_from_the_channels_difference_on_every_path() {
    // The sample's first 30 s with the right channel inverted, as LAME encodes it (see
    // tests/fixtures/README.md): the mean is near silence, the difference is the speech.
    let path = crate_file("tests/fixtures/speech-30s-stereo-inverted-44k-48k.mp3");
    let mean = mono(&path, DecodePath::Sequential);
    assert!(rms_db(&mean) < -80.0, "mean at {:.1} dB", rms_db(&mean));
    let (reference, restarts, warnings) = analysed(&path, DecodePath::Sequential);
    assert_eq!(restarts, 1);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("phase-inverted"), "{warnings:?}");
    assert_eq!(reference.len(), mean.len());
    assert!(
        rms_db(&reference) > -35.0,
        "difference at {:.1} dB",
        rms_db(&reference)
    );
    // The decision and the samples are the same whatever the stretches and threads.
    for how in SPLITS {
        let (other, restarts, warnings) = analysed(&path, how);
        assert_eq!((restarts, warnings.len()), (1, 1), "{how:?}");
        assert!(
            bits(&other) == bits(&reference),
            "{how:?} differs from one pass"
        );
    }
}

#[test]
fn normal_stereo_is_decoded_once_to_the_mean() {
    // Different content per channel (tones and noise, AAC with mid/side coding): no
    // start-over, no warning, and exactly the samples `decode_to_mono_with` gives.
    for fixture in [
        "tests/fixtures/tone-bursts-40s-stereo-44k-64k.mp3",
        "tests/fixtures/noise-bursts-40s-stereo-44k-aac-48k-nopns.m4a",
    ] {
        let path = crate_file(fixture);
        for how in SPLITS {
            let (samples, restarts, warnings) = analysed(&path, how);
            assert_eq!((restarts, warnings.len()), (0, 0), "{fixture} {how:?}");
            assert!(
                bits(&samples) == bits(&mono(&path, how)),
                "{fixture} {how:?}: not the mean"
            );
        }
    }
}

#[test]
fn segment_of_a_phase_inverted_file_is_identical_with_one_thread_and_many() {
    let path = crate_file("tests/fixtures/speech-30s-stereo-inverted-44k-48k.mp3");
    let run = |threads: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_podcue"));
        cmd.arg("segment").arg("--json").arg(&path);
        match threads {
            Some(n) => cmd.env("RAYON_NUM_THREADS", n),
            None => cmd.env_remove("RAYON_NUM_THREADS"),
        };
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(stderr.matches("phase-inverted").count(), 1, "{stderr}");
        out.stdout
    };
    let one = run(Some("1"));
    let speech: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert!(
        speech["speech"].as_array().is_some_and(|s| s.len() > 3),
        "{speech}"
    );
    assert!(run(None) == one, "default thread count differs from one");
    assert!(run(Some("3")) == one, "three threads differ from one");
}
