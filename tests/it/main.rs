//! The one integration-test binary: one module per area.

mod captions;
mod chapters;
mod check;
mod tag;
mod transcript;
