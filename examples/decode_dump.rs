//! Decodes an audio file with podcue's decoder and writes mono 16 kHz f32le samples, for
//! comparing against `ffmpeg -i F -ac 1 -ar 16000 -f f32le OUT`.
//!
//! Usage: `cargo run --release --example decode_dump -- IN OUT.f32 [--interleaved]`

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        return Err("usage: decode_dump IN OUT.f32 [--interleaved]".into());
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(&args[2])?);
    let mut write_err = None;
    let t = std::time::Instant::now();
    let info = if args.get(3).map(String::as_str) == Some("--interleaved") {
        podcue::audio::decode::decode_interleaved(
            args[1].as_ref(),
            &podcue::progress::Silent,
            &mut |b, _| {
                for s in b {
                    if let Err(e) = out.write_all(&s.to_le_bytes()) {
                        write_err = Some(e);
                    }
                }
            },
        )?
    } else {
        podcue::audio::decode::decode_to_mono(
            args[1].as_ref(),
            &podcue::progress::Silent,
            &mut |b| {
                for s in b {
                    if let Err(e) = out.write_all(&s.to_le_bytes()) {
                        write_err = Some(e);
                    }
                }
            },
        )?
    };
    if let Some(e) = write_err {
        return Err(e.into());
    }
    out.flush()?;
    eprintln!("{} s {:?}", t.elapsed().as_secs_f64(), info);
    Ok(())
}
