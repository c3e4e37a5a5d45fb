//! Decode, resample and feature benchmarks (criterion). Throughput is in audio samples (at
//! the stage's input rate); divide by the rate for seconds of audio per second, i.e. times
//! real time. For the 60-minute MP3 against ffmpeg use the `decode_speed` example.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use podcue::audio::decode::decode_to_mono;
use podcue::audio::resample::MonoResampler;
use podcue::audio::wav::write_wav;
use podcue::features;
use podcue::progress::Silent;

fn noise(n: usize) -> Vec<f32> {
    let mut s = 1u64;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 0.5
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let secs = 60;
    let mono16 = noise(16_000 * secs);
    let mut g = c.benchmark_group("features");
    g.sample_size(10);
    g.throughput(Throughput::Elements(mono16.len() as u64));
    for threads in [1usize, 2] {
        let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(threads).build() else {
            continue;
        };
        g.bench_function(format!("60s_{threads}_threads"), |b| {
            b.iter(|| pool.install(|| black_box(features::compute(&mono16))))
        });
    }
    g.finish();

    let stereo44 = noise(44_100 * secs * 2);
    let mut g = c.benchmark_group("resample");
    g.sample_size(10);
    g.throughput(Throughput::Elements((stereo44.len() / 2) as u64));
    // The same samples read as 44.1 and as 48 kHz: the resampler's FFT sizes differ.
    for (rate, name) in [
        (44_100, "60s_44k1_stereo_to_16k_mono"),
        (48_000, "60s_48k_stereo_to_16k_mono"),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let Ok(mut r) = MonoResampler::new(rate, 2) else {
                    return 0;
                };
                let mut n = 0usize;
                for block in stereo44.chunks(2304) {
                    r.push(block, &mut |s| n += s.len());
                }
                r.finish(&mut |s| n += s.len());
                black_box(n)
            })
        });
    }
    g.finish();

    let wav = std::env::temp_dir().join(format!("podcue-bench-{}.wav", std::process::id()));
    if write_wav(&wav, &stereo44, 44_100, 2, 16).is_ok() {
        let mut g = c.benchmark_group("decode");
        g.sample_size(10);
        g.throughput(Throughput::Elements((stereo44.len() / 2) as u64));
        g.bench_function("60s_wav_44k1_stereo_to_16k_mono", |b| {
            b.iter(|| {
                let mut n = 0usize;
                let _ = decode_to_mono(&wav, &Silent, &mut |s| n += s.len());
                black_box(n)
            })
        });
        g.finish();
        let _ = std::fs::remove_file(&wav);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
