//! Transcript parsing: styles `NAME: text`, `Full Name:` on its own line, web article pages,
//! Markdown with `## ` headings, plain paragraphs, SRT/VTT as a text source.

use super::Document;
use crate::Result;

/// Options for parsing.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Force a language (`en`, `fr`, ...); `None` guesses from the text.
    pub language: Option<String>,
}

/// Parses transcript bytes (UTF-8, BOM tolerated; UTF-16 with BOM converted).
/// `name` is used in error messages.
pub fn parse(bytes: &[u8], name: &std::path::Path, options: &ParseOptions) -> Result<Document> {
    let _ = (bytes, name, options);
    unimplemented!("parse")
}
