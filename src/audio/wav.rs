//! WAV writing and reading (the only file that uses hound): test fixtures and per-chapter export.
