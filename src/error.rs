//! The library's error type: typed, carrying the path, line or stage it concerns.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be opened, read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The audio could not be decoded (unsupported, corrupt, or no audio track).
    #[error("{path}: {message}")]
    Audio {
        /// The audio file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The transcript could not be used (empty, binary, wrong encoding, no words).
    #[error("{path}: {message}")]
    Transcript {
        /// The transcript file (or `-`).
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A chapters or captions file given as input could not be read.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line where known.
        message: String,
    },
    /// Anything else, with the stage that failed.
    #[error("{stage}: {message}")]
    Stage {
        /// The pipeline stage.
        stage: &'static str,
        /// What is wrong.
        message: String,
    },
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
