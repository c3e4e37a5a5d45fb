//! Per-stage benchmarks on the bundled 2.5-minute sample episode (criterion, no harness).
//!
//! Every group's throughput is in *seconds of audio*, so criterion's "elem/s" figure reads
//! directly as times real time (e.g. `1.2 Kelem/s` = 1200x real time). Stages: MP3 decode
//! (source rate), decode + downmix + resample to 16 kHz, resample alone, features on 1 and 2
//! threads, segmentation, alignment, cue building, chapters, and the caption writers.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use podcue::audio::decode::{decode_interleaved, decode_to_mono};
use podcue::audio::resample::MonoResampler;
use podcue::captions::{self, Speakers};
use podcue::features;
use podcue::pipeline::{self, Config};
use podcue::progress::Silent;
use podcue::write::{srt, transcript_json, vtt, words_json};
use podcue::{align, chapters, segment};

const AUDIO: &str = "audio/sample-episode.mp3";
const TRANSCRIPT: &str = "transcripts/sample-episode.txt";

fn bench(c: &mut Criterion) {
    let audio = Path::new(AUDIO);
    let transcript = Path::new(TRANSCRIPT);
    let Ok(text) = std::fs::read(transcript) else {
        eprintln!("stages bench: {TRANSCRIPT} missing; run from the crate root");
        return;
    };
    let config = Config::default();
    let out = match pipeline::run(audio, &text, transcript, &config, &Silent) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("stages bench: the pipeline failed on the sample: {e}");
            return;
        }
    };
    let secs = out.info.duration;
    let tput = Throughput::Elements(secs.round().max(1.0) as u64);

    // Source-rate interleaved audio, for the resampler alone.
    let mut source = Vec::new();
    let _ = decode_interleaved(audio, &Silent, &mut |b, _| source.extend_from_slice(b));
    let mut mono16 = Vec::new();
    let _ = decode_to_mono(audio, &Silent, &mut |b| mono16.extend_from_slice(b));

    let mut g = c.benchmark_group("decode");
    g.sample_size(10);
    g.throughput(tput.clone());
    g.bench_function("mp3_source_rate", |b| {
        b.iter(|| {
            let mut n = 0usize;
            let _ = decode_interleaved(audio, &Silent, &mut |s, _| n += s.len());
            black_box(n)
        })
    });
    g.bench_function("mp3_to_mono_16k", |b| {
        b.iter(|| {
            let mut n = 0usize;
            let _ = decode_to_mono(audio, &Silent, &mut |s| n += s.len());
            black_box(n)
        })
    });
    g.finish();

    let mut g = c.benchmark_group("resample");
    g.sample_size(10);
    g.throughput(tput.clone());
    let (rate, ch) = (out.info.sample_rate, out.info.channels);
    g.bench_function(format!("{rate}hz_x{ch}_to_16k_mono"), |b| {
        b.iter(|| {
            let Ok(mut r) = MonoResampler::new(rate, ch) else {
                return 0;
            };
            let mut n = 0usize;
            for block in source.chunks(32_768) {
                r.push(block, &mut |s| n += s.len());
            }
            r.finish(&mut |s| n += s.len());
            black_box(n)
        })
    });
    g.finish();

    let mut g = c.benchmark_group("features");
    g.sample_size(10);
    g.throughput(tput.clone());
    for threads in [1usize, 2] {
        let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(threads).build() else {
            continue;
        };
        g.bench_function(format!("{threads}_threads"), |b| {
            b.iter(|| pool.install(|| black_box(features::compute(&mono16))))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("after_decode");
    g.sample_size(20);
    g.throughput(tput);
    g.bench_function("segment", |b| {
        b.iter(|| black_box(segment::segment(&out.features, &config.segment)))
    });
    g.bench_function("align", |b| {
        b.iter(|| {
            black_box(align::align(
                &out.document,
                &out.timeline,
                &out.features,
                &config.align,
            ))
        })
    });
    g.bench_function("cues", |b| {
        b.iter(|| {
            black_box(captions::build(
                &out.document,
                &out.alignment,
                &config.captions,
            ))
        })
    });
    g.bench_function("chapters", |b| {
        b.iter(|| {
            black_box(chapters::find(
                &out.document,
                &out.alignment,
                secs,
                &config.chapters,
            ))
        })
    });
    let speakers = Speakers::new(&out.document.speakers, &BTreeMap::new());
    g.bench_function("write_vtt_srt_json_words", |b| {
        b.iter(|| {
            let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
            let _ = vtt::write(&mut buf, &out.cues, &speakers);
            let _ = srt::write(&mut buf, &out.cues, &speakers);
            let _ = transcript_json::write(&mut buf, &out.cues, &speakers);
            let _ = words_json::write(
                &mut buf,
                &out.document,
                &out.alignment,
                &out.cues,
                &speakers,
            );
            black_box(buf.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
