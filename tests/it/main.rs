//! The one integration-test binary: one module per area.

mod audio;
mod batch;
mod captions;
mod chapters;
mod check;
mod determinism;
mod review;
mod tag;
mod transcript;
