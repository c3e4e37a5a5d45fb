//! The one integration test binary.

mod chapters;
mod tag;
