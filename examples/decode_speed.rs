//! Times podcue's decoding stages on one file: decode only (source rate), decode + downmix +
//! resample, and decode + resample + features, for comparison with
//! `ffmpeg -threads 1 -i F -f null -`.
//!
//! Usage: `cargo run --release --example decode_speed -- FILE [decode|mono|features]...`

use std::time::Instant;

use podcue::audio::decode::{decode_interleaved, decode_to_mono};
use podcue::features::FeatureExtractor;
use podcue::progress::Silent;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        return Err("usage: decode_speed FILE [decode|mono|features]...".into());
    };
    let path = std::path::Path::new(path);
    let modes: Vec<&str> = if args.len() > 2 {
        args[2..].iter().map(String::as_str).collect()
    } else {
        vec!["decode", "mono", "features"]
    };
    for mode in modes {
        let t = Instant::now();
        let (info, n) = match mode {
            "decode" => {
                let mut n = 0usize;
                let info = decode_interleaved(path, &Silent, &mut |b, _| n += b.len())?;
                (info, n)
            }
            "mono" => {
                let mut n = 0usize;
                let info = decode_to_mono(path, &Silent, &mut |b| n += b.len())?;
                (info, n)
            }
            "features" => {
                let mut fx = FeatureExtractor::new();
                let info = decode_to_mono(path, &Silent, &mut |b| fx.push(b))?;
                let f = fx.finish();
                (info, f.len())
            }
            other => return Err(format!("unknown mode {other}").into()),
        };
        let s = t.elapsed().as_secs_f64();
        println!(
            "{mode:9} {s:8.3} s  {:7.0}x real time  ({n} values, {:.1} s of {} Hz x{})",
            info.duration / s,
            info.duration,
            info.sample_rate,
            info.channels
        );
    }
    Ok(())
}
