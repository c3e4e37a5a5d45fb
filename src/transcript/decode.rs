//! Transcript bytes to text: UTF-8 (BOM tolerated), UTF-16 LE/BE with a BOM converted;
//! anything else (Latin-1, UTF-16 without BOM, binary, empty) is an error that says what
//! is wrong and how to fix it.

use std::path::Path;

use crate::{Error, Result};

fn err(name: &Path, message: impl Into<String>) -> Error {
    Error::Transcript {
        path: name.to_path_buf(),
        message: message.into(),
    }
}

/// Decodes transcript bytes to a string with `\n` line endings.
pub(crate) fn decode(bytes: &[u8], name: &Path) -> Result<String> {
    if bytes.is_empty() {
        return Err(err(
            name,
            "the transcript is empty; give the text of the episode",
        ));
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest, name)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, name, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, name, u16::from_be_bytes)?
    } else {
        if let Some(endian) = utf16_without_bom(bytes) {
            return Err(err(
                name,
                format!(
                    "the transcript looks like UTF-16 ({endian}) without a byte-order mark; \
                     convert it to UTF-8, e.g. iconv -f utf-16{} -t utf-8 IN > OUT",
                    if endian == "little-endian" {
                        "le"
                    } else {
                        "be"
                    }
                ),
            ));
        }
        if bytes.contains(&0) {
            return Err(err(
                name,
                "the transcript looks binary (it contains NUL bytes), not text; \
                 give a plain-text transcript (UTF-8)",
            ));
        }
        utf8(bytes, name)?
    };
    if looks_binary(&text) {
        return Err(err(
            name,
            "the transcript looks binary (many control characters), not text; \
             give a plain-text transcript (UTF-8)",
        ));
    }
    if text.trim().is_empty() {
        return Err(err(
            name,
            "the transcript contains only whitespace; give the text of the episode",
        ));
    }
    Ok(normalize_newlines(&text))
}

fn utf8(bytes: &[u8], name: &Path) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(_) if looks_binary_bytes(bytes) => Err(err(
            name,
            "the transcript looks binary (many control bytes), not text; give a plain-text \
             transcript (UTF-8)",
        )),
        Err(e) => {
            let at = e.valid_up_to();
            Err(err(
                name,
                format!(
                    "the transcript is not valid UTF-8 (first bad byte at offset {at}); it is \
                     probably Latin-1 or Windows-1252: convert it to UTF-8, e.g. \
                     iconv -f latin1 -t utf-8 IN > OUT"
                ),
            ))
        }
    }
}

fn utf16(bytes: &[u8], name: &Path, unit: fn([u8; 2]) -> u16) -> Result<String> {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => unit([*a, *b]),
        // An odd trailing byte cannot be a code unit: make it fail below.
        _ => 0xDC00,
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    for ch in char::decode_utf16(units) {
        match ch {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(err(
                    name,
                    "the transcript has a UTF-16 byte-order mark but is not valid UTF-16; \
                     convert it to UTF-8, e.g. iconv -f utf-16 -t utf-8 IN > OUT",
                ));
            }
        }
    }
    if out.contains('\0') {
        return Err(err(
            name,
            "the transcript looks binary (it contains NUL characters)",
        ));
    }
    Ok(out)
}

/// Bytes that are not text in any 8-bit encoding either: more than 2 % control bytes (other
/// than tab, newline, carriage return, form feed) in the first 64 kB. Latin-1 and Windows-1252
/// text has next to none.
fn looks_binary_bytes(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    control * 50 > sample.len()
}

/// UTF-16 without a BOM shows as text with a NUL in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // ASCII-range text: one byte of each pair is zero, the other mostly not.
    if odd_zero * 10 >= pairs * 6 && even_zero * 10 <= pairs {
        Some("little-endian")
    } else if even_zero * 10 >= pairs * 6 && odd_zero * 10 <= pairs {
        Some("big-endian")
    } else {
        None
    }
}

/// Text with many control characters (other than tab, newline, carriage return, form
/// feed) is a binary file that happens to be valid UTF-8.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(8192) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            control += 1;
        }
    }
    total > 0 && control * 20 > total
}

/// CRLF and lone CR to LF; Unicode line and paragraph separators too.
fn normalize_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(bytes: &[u8]) -> String {
        match decode(bytes, Path::new("t.txt")) {
            Ok(s) => format!("ok:{s}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(msg(b"hello"), "ok:hello");
        assert_eq!(msg(b"\xEF\xBB\xBFhello"), "ok:hello");
    }

    #[test]
    fn utf16_with_bom_is_converted() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Hé, ok\r\n".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(msg(&le), "ok:Hé, ok\n");
        assert_eq!(msg(&be), "ok:Hé, ok\n");
    }

    #[test]
    fn bad_encodings_name_the_problem_and_the_fix() {
        let latin1 = b"caf\xe9 au lait";
        let m = msg(latin1);
        assert!(
            m.contains("not valid UTF-8") && m.contains("iconv -f latin1"),
            "{m}"
        );
        let mut le = Vec::new();
        for u in "Hello there, friend".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        let m = msg(&le);
        assert!(m.contains("UTF-16") && m.contains("iconv"), "{m}");
        let m = msg(b"\x00\x01\x02\x03\xff\x00binary");
        assert!(m.contains("binary"), "{m}");
        // Random bytes without a NUL are binary too, not "probably Latin-1".
        let mut x = 7u32;
        let noise: Vec<u8> = (0..4000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((x >> 16) as u8).max(1)
            })
            .collect();
        let m = msg(&noise);
        assert!(m.contains("binary") && !m.contains("Latin-1"), "{m}");
        assert!(msg(b"").contains("empty"));
        assert!(msg(b"  \n\t \r\n").contains("whitespace"));
        assert!(msg(&[0xFF, 0xFE, 0x00]).contains("not valid UTF-16"));
    }

    #[test]
    fn line_endings_are_unified() {
        assert_eq!(msg(b"a\r\nb\rc\n"), "ok:a\nb\nc\n");
    }
}
