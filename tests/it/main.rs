//! The one integration-test binary: one module per area.

mod captions;
mod chapters;
mod check;
mod fuzz_regressions;
mod robust;
mod tag;
mod transcript;
