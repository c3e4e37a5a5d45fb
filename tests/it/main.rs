//! The one integration test binary.

mod chapters;
