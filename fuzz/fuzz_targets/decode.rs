//! Fuzz target: decoding arbitrary bytes must give samples or an Error, never a crash.
//! The decoder takes a path (it probes by extension and reads the MP4 edit list itself), so
//! each input is written to a temporary file; the first byte picks the extension hint.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podcue::audio::decode::decode_to_mono;
use podcue::progress::Silent;

const EXTS: &[&str] = &["wav", "mp3", "m4a", "flac", "ogg", "mkv", "caf", "aiff", "bin"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let ext = EXTS[usize::from(pick) % EXTS.len()];
    let path = std::env::temp_dir().join(format!("podcue-fuzz-{}.{ext}", std::process::id()));
    if std::fs::write(&path, body).is_err() {
        return;
    }
    let _ = decode_to_mono(&path, &Silent, &mut |_| {});
    let _ = std::fs::remove_file(&path);
});
