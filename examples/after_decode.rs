//! Times the stages after decoding (segmentation, alignment) on one episode, several times
//! over the same decoded features, so a profiler sees them without the decoder around them.
//!
//! Usage: `cargo run --release --example after_decode -- AUDIO TRANSCRIPT [RUNS]`

use std::path::Path;
use std::time::Instant;

use podcue::pipeline::{self, Config};
use podcue::progress::Silent;
use podcue::{align, segment};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(audio), Some(transcript)) = (args.get(1), args.get(2)) else {
        return Err("usage: after_decode AUDIO TRANSCRIPT [RUNS]".into());
    };
    let runs: usize = args.get(3).map_or(Ok(5), |r| r.parse())?;
    let text = std::fs::read(transcript)?;
    let config = Config::default();
    let out = pipeline::run(
        Path::new(audio),
        &text,
        Path::new(transcript),
        &config,
        &Silent,
    )?;
    for run in 0..runs {
        let clock = Instant::now();
        let timeline = segment::segment(&out.features, &config.segment);
        let segment_s = clock.elapsed().as_secs_f64();
        let clock = Instant::now();
        let alignment = align::align(&out.document, &timeline, &out.features, &config.align);
        let align_s = clock.elapsed().as_secs_f64();
        eprintln!(
            "run {run}: segment {:.1} ms, align {:.1} ms ({} words)",
            segment_s * 1000.0,
            align_s * 1000.0,
            alignment.words.len()
        );
    }
    Ok(())
}
