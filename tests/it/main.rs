//! The one integration-test binary: one module per area.

mod audio;
mod captions;
mod chapters;
mod check;
mod tag;
mod transcript;
