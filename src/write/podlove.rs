//! Podlove Simple Chapters (XML, version 1.2): `<psc:chapter start="hh:mm:ss.ttt" title="..."/>`.

use std::io::Write;

use crate::chapters::Chapter;
use crate::time;

/// The Podlove Simple Chapters namespace.
pub const NAMESPACE: &str = "http://podlove.org/simple-chapters";

/// Escapes text for an XML attribute value.
pub fn escape_attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\r' | '\t' => out.push(' '),
            // Other control characters are not allowed in XML 1.0 at all.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `chapters` as a Podlove Simple Chapters document (Normal Play Time starts).
pub fn write(chapters: &[Chapter], w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(w, r#"<psc:chapters version="1.2" xmlns:psc="{NAMESPACE}">"#)?;
    for c in chapters {
        writeln!(
            w,
            r#"  <psc:chapter start="{}" title="{}"/>"#,
            time::npt(c.start),
            escape_attr(&c.title)
        )?;
    }
    writeln!(w, "</psc:chapters>")
}
