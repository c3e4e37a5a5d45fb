//! The one integration-test binary: one module per area.

mod audio;
mod batch;
mod captions;
mod chapters;
mod check;
mod cli;
mod common;
mod determinism;
mod eval;
mod fuzz_regressions;
mod review;
mod robust;
mod tag;
mod transcript;
