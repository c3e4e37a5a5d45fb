//! The one integration-test binary: one module per area.

mod captions;
mod check;
//! The one integration test binary.

mod chapters;
mod tag;
