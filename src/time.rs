//! Time values and their formatting: every timestamp in every output is formatted here.

use serde::{Deserialize, Serialize};

/// A time span in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Span {
    /// Start, seconds.
    pub start: f64,
    /// End, seconds (>= start).
    pub end: f64,
}

impl Span {
    /// A span from `start` to `end` seconds.
    pub fn new(start: f64, end: f64) -> Self {
        Span { start, end }
    }
    /// Length in seconds.
    pub fn len(&self) -> f64 {
        self.end - self.start
    }
    /// True when the span has no length.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// Seconds this span and `other` share (0 when they do not meet).
    pub fn overlap(&self, other: &Span) -> f64 {
        (self.end.min(other.end) - self.start.max(other.start)).max(0.0)
    }
}

/// Seconds to whole milliseconds, rounded to nearest, never negative.
pub fn millis(seconds: f64) -> u64 {
    if seconds.is_finite() && seconds > 0.0 {
        (seconds * 1000.0).round() as u64
    } else {
        0
    }
}

/// Seconds rounded to milliseconds, as a float for JSON outputs.
pub fn round_ms(seconds: f64) -> f64 {
    millis(seconds) as f64 / 1000.0
}

fn hmsm(seconds: f64) -> (u64, u64, u64, u64) {
    let ms = millis(seconds);
    (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
}

/// WebVTT timestamp, always with two-digit hours: `hh:mm:ss.ttt`.
pub fn vtt(seconds: f64) -> String {
    let (h, m, s, ms) = hmsm(seconds);
    format!("{h:02}:{m:02}:{s:02}.{ms:03}")
}

/// SubRip timestamp: `hh:mm:ss,ttt`.
pub fn srt(seconds: f64) -> String {
    let (h, m, s, ms) = hmsm(seconds);
    format!("{h:02}:{m:02}:{s:02},{ms:03}")
}

/// Normal Play Time as Podlove Simple Chapters uses it: `hh:mm:ss.ttt`.
pub fn npt(seconds: f64) -> String {
    vtt(seconds)
}

/// YouTube description timestamp: `m:ss`, or `h:mm:ss` from an hour on (whole seconds, floor).
pub fn youtube(seconds: f64) -> String {
    let total = millis(seconds) / 1000;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_timestamps() {
        assert_eq!(vtt(0.0), "00:00:00.000");
        assert_eq!(vtt(3723.4567), "01:02:03.457");
        assert_eq!(srt(61.001), "00:01:01,001");
        assert_eq!(youtube(59.9), "0:59");
        assert_eq!(youtube(3600.0), "1:00:00");
        assert_eq!(youtube(754.0), "12:34");
        assert_eq!(millis(-1.0), 0);
        assert_eq!(millis(f64::NAN), 0);
    }
}
