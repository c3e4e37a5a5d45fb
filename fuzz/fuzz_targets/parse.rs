//! Fuzz target: the transcript parser on arbitrary bytes must return a Document or an Error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podcue::transcript::{ParseOptions, parse};

fuzz_target!(|data: &[u8]| {
    let _ = parse(data, std::path::Path::new("fuzz.txt"), &ParseOptions::default());
});
