//! Downmix and resampling (the only file that uses rubato), streamed.
