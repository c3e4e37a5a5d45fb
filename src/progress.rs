//! Progress and warnings from the library, through an observer the caller injects
//! (the library never prints).

/// Receives progress and warnings. All methods have empty defaults.
pub trait Observer: Sync {
    /// A stage starts; `total` is its amount of work in units of `advance` (if known).
    fn stage(&self, _name: &str, _total: Option<u64>) {}
    /// `n` more units of the current stage are done.
    fn advance(&self, _n: u64) {}
    /// A warning a user should see (skipped packets, low confidence, ...).
    fn warn(&self, _message: &str) {}
}

/// An observer that ignores everything.
pub struct Silent;

impl Observer for Silent {}
