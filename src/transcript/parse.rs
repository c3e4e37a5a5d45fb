//! Transcript parsing: styles `NAME: text`, `Full Name:` on its own line, web article pages,
//! Markdown with `## ` headings, plain paragraphs, one sentence or verse line per line,
//! SRT/VTT as a text source.
//!
//! Takes the transcript's bytes, gives a [`Document`]. The steps: decode (UTF-8/UTF-16,
//! clear errors otherwise), find the structure (labels, boilerplate of web pages, headings),
//! tokenize (the `tokens` module), guess the language and estimate syllables.

use std::collections::HashMap;
use std::path::Path;

use super::tokens::{Item, build};
use super::{Document, WordKind, decode, language, syllables};
use crate::{Error, Result};

/// Options for parsing.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Force a language (`en`, `fr`, ...); `None` guesses from the text.
    pub language: Option<String>,
    /// Keep an unlabelled paragraph between the last turn and the page's trailer heading
    /// ("About the author") as the last speaker's; by default it is page text (see
    /// [`Document::closing_paragraph_dropped`]).
    pub keep_closing_paragraph: bool,
}

/// Parses transcript bytes (UTF-8, BOM tolerated; UTF-16 with BOM converted).
/// `name` is used in error messages.
///
/// Errors ([`Error::Transcript`]): empty or whitespace-only text, binary data, text that is
/// not UTF-8 (Latin-1, UTF-16 without a byte-order mark), no words.
pub fn parse(bytes: &[u8], name: &Path, options: &ParseOptions) -> Result<Document> {
    let text = decode::decode(bytes, name)?;
    // A transcript saved as a web page: its text, not its markup.
    let text = if super::html::is_html(&text) {
        super::html::to_text(&text)
    } else {
        text
    };
    let structure = if is_subtitles(&text) {
        subtitles(&text)
    } else {
        structure(&text, options.keep_closing_paragraph)
    };
    let mut doc = build(&structure.items, structure.line_mode);
    doc.title = structure.title;
    doc.closing_paragraph_dropped = structure.closing_dropped;
    if doc.spoken_words() == 0 {
        return Err(Error::Transcript {
            path: name.to_path_buf(),
            message: "the transcript has no words to align (only punctuation, tags or page \
                      furniture); give the text that is spoken in the episode"
                .to_owned(),
        });
    }
    doc.language = match options.language.as_deref().map(str::trim) {
        Some(l) if !l.is_empty() => l.to_lowercase(),
        _ => language::guess(
            doc.words
                .iter()
                .filter(|w| w.kind == WordKind::Spoken)
                .map(|w| w.norm.as_str()),
        ),
    };
    let lang = doc.language.clone();
    // Words repeat a lot: estimate each distinct spelling once.
    let mut cache: HashMap<String, f32> = HashMap::new();
    for w in &mut doc.words {
        if w.kind == WordKind::Spoken {
            w.syllables = match cache.get(&w.text) {
                Some(&n) => n,
                None => {
                    let n = syllables::estimate(&w.text, &lang);
                    cache.insert(w.text.clone(), n);
                    n
                }
            };
        }
    }
    Ok(doc)
}

/// The transcript's structure before tokenizing.
#[derive(Debug, Default)]
struct Structure {
    items: Vec<Item>,
    title: Option<String>,
    line_mode: bool,
    /// An unlabelled closing paragraph was taken for page text.
    closing_dropped: bool,
}

// ---------------------------------------------------------------------------------------
// Speaker labels
// ---------------------------------------------------------------------------------------

/// Words before a colon that introduce page furniture, not a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "notes",
    "photo",
    "photos",
    "image",
    "images",
    "caption",
    "credit",
    "credits",
    "source",
    "sources",
    "update",
    "updated",
    "editor's note",
    "editor’s note",
    "correction",
    "disclaimer",
    "transcript",
    "tags",
    "tag",
    "related",
    "posted",
    "published",
    "filed under",
    "share",
    "music",
    "audio",
    "video",
    "listen",
    "subscribe",
    "warning",
    "content warning",
    "trigger warning",
    "episode",
    "chapter",
    "part",
    "section",
    "season",
    "act",
    "scene",
    "summary",
    "links",
    "resources",
    "references",
    "topics",
    "category",
    "categories",
    "by",
    "date",
    "time",
    "location",
    "producer",
    "produced by",
    "edited by",
    "transcribed by",
    "read more",
    "see also",
    "ps",
    "p.s",
    "nb",
    "n.b",
    "re",
    "subject",
    "from",
    "to",
    "cc",
    "email",
    "phone",
    "website",
    "http",
    "https",
    "www",
];

/// Particles allowed in lower case inside a name ("Ana de Souza").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "der", "van", "von", "le", "la", "bin", "al", "el", "du", "dos",
];

/// A line that starts with a speaker label: the label and the rest of the line.
///
/// Besides `NAME: text`, the exports of transcription services: a time stamp before the
/// label (`[00:01:02] Name: text`, `00:01:02 - Name`), after it (`Name (00:01:02): text`,
/// `Name [01:02]:`), or a line that is only a name and a time stamp, the text following on
/// the next line (`Name  1:02`, as Otter writes it; `Name (00:01:02)`).
fn split_label(line: &str) -> Option<(String, &str)> {
    if let Some(found) = bold_label(line).or_else(|| dash_label(line)) {
        return Some(found);
    }
    let mut t = line.trim_start();
    t = t.trim_start_matches(['*', '_', '>', ' ']);
    let unstamped = strip_timestamp(t);
    let stamped = unstamped.len() != t.len();
    if stamped {
        t = unstamped.trim_start_matches(['-', '–', '—', '|', ' ']);
    }
    let head_end = t.char_indices().nth(64).map_or(t.len(), |(p, _)| p);
    let head = &t[..head_end];
    // The label's colon ends a word; a time stamp's colons are followed by digits.
    // A full-width colon needs no space after it: Chinese and Japanese use none.
    let label_colon = head.char_indices().find(|&(c, ch)| {
        ch == '：'
            || ch == ':'
                && t[c + ch.len_utf8()..]
                    .trim_start_matches(['*', '_'])
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
    });
    let Some((colon, _)) = label_colon else {
        // No label colon: a name and a time stamp alone on the line, either way round (a
        // sentence after a time stamp is not a name: "[01:10] Thanks.").
        let name = match strip_trailing_timestamp(t) {
            Some(name) => name,
            None if stamped && !t.ends_with(['.', '?', '!', ',', ';']) => t.trim(),
            None => return None,
        };
        return valid_label(name).then(|| (name.to_owned(), ""));
    };
    let colon_len = t[colon..].chars().next().map_or(1, char::len_utf8);
    let label = t[..colon].trim().trim_matches(['*', '_']).trim();
    let label = strip_role(strip_trailing_timestamp(label).unwrap_or(label));
    let rest = &t[colon + colon_len..];
    let rest = rest.trim_start_matches(['*', '_']);
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace) || colon_len > 1) {
        return None;
    }
    valid_label(label).then(|| (label.to_owned(), rest.trim()))
}

/// A name in bold with no colon at the start of a line (`**Ada** Morning.`): the name and
/// the rest of the line.
fn bold_label(line: &str) -> Option<(String, &str)> {
    let inner = line.trim_start().strip_prefix("**")?;
    let close = inner.find("**")?;
    let name = strip_role(inner[..close].trim());
    let rest = inner[close + 2..].trim();
    (!name.ends_with([':', '：']) && !rest.starts_with([':', '：']) && valid_label(name))
        .then(|| (name.to_owned(), rest))
}

/// A name in capitals before a spaced dash (`MARCUS — Hello.`, `ELSIE – Thanks.`): the name
/// and the rest of the line. Capitals only: "Yes — I think so" is a sentence.
fn dash_label(line: &str) -> Option<(String, &str)> {
    let t = line.trim_start();
    let head = &t[..t.char_indices().nth(48).map_or(t.len(), |(p, _)| p)];
    let (at, len) = [" \u{2014} ", " \u{2013} "]
        .iter()
        .filter_map(|d| head.find(d).map(|p| (p, d.len())))
        .min()?;
    let name = strip_role(t[..at].trim());
    (is_all_caps(name) && valid_label(name)).then(|| (name.to_owned(), t[at + len..].trim()))
}

/// `label` without a role in parentheses at its end: `MARCUS (host)` gives `MARCUS`.
fn strip_role(label: &str) -> &str {
    if let Some(body) = label.strip_suffix(')')
        && let Some(open) = body.rfind('(')
    {
        let (name, role) = (body[..open].trim_end(), &body[open + 1..]);
        let words = role.split_whitespace().count();
        if !name.is_empty()
            && (1..=3).contains(&words)
            && role
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        {
            return name;
        }
    }
    label
}

/// True for a time stamp: `01:02`, `1:02:03.5`, `[00:01:02]`, `(01:02)`, with an optional
/// trailing colon (`(00:01:02):`).
fn is_timestamp(word: &str) -> bool {
    let w = word.strip_suffix([':', '：']).unwrap_or(word);
    let w = w
        .strip_prefix(['[', '('])
        .and_then(|x| x.strip_suffix([']', ')']))
        .unwrap_or(w);
    super::tokens::is_timestamp(w)
}

/// `label` without a time stamp at its end (`Name (00:01:02)` gives `Name`); `None` when it
/// has none or nothing is left before it.
fn strip_trailing_timestamp(label: &str) -> Option<&str> {
    let label = label.trim_end();
    let start = label.rfind(char::is_whitespace)?;
    let (name, stamp) = label.split_at(start);
    let name = name
        .trim_end()
        .trim_end_matches(['-', '–', '—', '|', ','])
        .trim_end();
    (is_timestamp(stamp.trim()) && !name.is_empty()).then_some(name)
}

/// True when `label` looks like a speaker's name or role: one to four capitalised words
/// (particles such as "de" allowed), none of them page words like "Note" or "Website".
fn valid_label(label: &str) -> bool {
    if label.is_empty() || label.chars().count() > 40 {
        return false;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    // A name starts with a capital, or with a letter of a script without case (Arabic,
    // Chinese: "المذيع:", "主持人：").
    let name_start = |c: char| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase());
    if !words[0].chars().next().is_some_and(name_start) {
        return false;
    }
    let word_ok = |w: &&str| {
        let Some(first) = w.chars().next() else {
            return false;
        };
        let ok_start = name_start(first) || first.is_ascii_digit() || NAME_PARTICLES.contains(w);
        ok_start
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '(' | ')'))
    };
    words.iter().all(word_ok) && !NOT_SPEAKERS.contains(&label.to_lowercase().as_str())
}

/// Removes a leading `[00:01:02]`, `(01:02)` or `00:01:02` time stamp.
fn strip_timestamp(t: &str) -> &str {
    let inner_ok = super::tokens::is_timestamp;
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && inner_ok(&rest[..end])
        {
            return rest[end + 1..].trim_start();
        }
    }
    let end = t.find(char::is_whitespace).unwrap_or(t.len());
    if end < t.len() && end >= 4 && inner_ok(&t[..end]) {
        return t[end..].trim_start();
    }
    t
}

fn is_all_caps(label: &str) -> bool {
    label.chars().any(char::is_alphabetic) && !label.chars().any(char::is_lowercase)
}

/// Chooses which label candidates are speakers. Returns the accepted labels (as written).
fn accepted_labels(cands: &[(usize, String, bool)], first_content_line: usize) -> Vec<String> {
    if cands.is_empty() {
        return Vec::new();
    }
    if cands.len() == 1 {
        // A single labelled line is a speaker only when it opens the text.
        return if cands[0].0 == first_content_line {
            vec![cands[0].1.clone()]
        } else {
            Vec::new()
        };
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, l, _) in cands {
        *counts.entry(l.as_str()).or_default() += 1;
    }
    let repeated: Vec<&(usize, String, bool)> = cands
        .iter()
        .filter(|(_, l, _)| counts[l.as_str()] >= 2)
        .collect();
    if repeated.is_empty() {
        return cands.iter().map(|(_, l, _)| l.clone()).collect();
    }
    // A label seen once must look like the others: same capitals style, same placement
    // (alone on its line or before the text).
    let caps = repeated.iter().filter(|(_, l, _)| is_all_caps(l)).count() * 2 >= repeated.len();
    let alone = repeated.iter().filter(|(_, _, a)| *a).count() * 2 >= repeated.len();
    cands
        .iter()
        .filter(|(_, l, a)| counts[l.as_str()] >= 2 || (is_all_caps(l) == caps && *a == alone))
        .map(|(_, l, _)| l.clone())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Page furniture
// ---------------------------------------------------------------------------------------

/// Lines that start the part of a web page after the transcript.
const TRAILER_HEADINGS: &[&str] = &[
    "about the author",
    "about the authors",
    "about the host",
    "about the hosts",
    "about the guest",
    "about the guests",
    "about the podcast",
    "about the show",
    "adjacent posts",
    "related posts",
    "related",
    "related articles",
    "related stories",
    "more from",
    "more episodes",
    "recent episodes",
    "related episodes",
    "latest episodes",
    "share this",
    "tags",
    "comments",
    "leave a comment",
    "leave a reply",
    "recent posts",
    "previous post",
    "next post",
    "you might also like",
    "you may also like",
    "read more",
    "footnotes",
    "show notes",
    "links",
    "resources",
    "further reading",
    "credits",
    "subscribe",
    "support us",
    "newsletter",
    "sign up",
];

/// Beginnings of closing lines that are page text, not speech.
const CLOSING_STARTS: &[&str] = &[
    "for listeners",
    "for more information",
    "for more on",
    "for more about",
    "to learn more",
    "learn more",
    "find out more",
    "more information",
    "this transcript",
    "transcript edited",
    "transcript by",
    "transcription by",
    "transcribed by",
    "this episode was produced",
    "this episode was edited",
    "this episode was recorded",
    "produced by",
    "edited by",
    "music by",
    "music:",
    "copyright",
    "©",
    "(note",
    "(this",
    "note:",
    "editor's note",
    "editor’s note",
    "photo:",
    "listen to the full",
    "subscribe to",
    "follow us",
    "you can listen",
    "(photo",
    "[note",
    "posted in",
    "filed under",
    "share this",
];

fn is_trailer_heading(line: &str) -> bool {
    let l = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_end_matches([':', '.'])
        .to_lowercase();
    TRAILER_HEADINGS.contains(&l.as_str())
}

fn is_closing_line(line: &str) -> bool {
    let l = line.trim().trim_start_matches(['*', '_']).to_lowercase();
    is_trailer_heading(line) || CLOSING_STARTS.iter().any(|s| l.starts_with(s))
}

/// A credit line naming the show first: "Second Act is produced by Nell Garroway", "The
/// Signal is a production of ...". Page text only where the page's trailer follows it (see
/// [`cut_trailer`]): a speaker may say "The cheese is produced by hand."
fn is_credit(line: &str) -> bool {
    let line = line.trim().to_lowercase();
    const CREDITS: &[&str] = &[
        " is produced by ",
        " was produced by ",
        " are produced by ",
        " is a production of ",
        " is edited by ",
        " was edited by ",
    ];
    CREDITS.iter().any(|c| {
        line.find(c)
            .is_some_and(|at| line[..at].split_whitespace().count() <= CREDIT_NAME_WORDS)
    })
}

/// Words a show's name may have before "is produced by" in a credit line.
const CREDIT_NAME_WORDS: usize = 6;

// ---------------------------------------------------------------------------------------
// Markdown and headings
// ---------------------------------------------------------------------------------------

/// `# Title` (level 1) or `## Heading` (level 2+): (level, text).
fn markdown_heading(line: &str) -> Option<(usize, String)> {
    let t = line.trim_start();
    let level = t.chars().take_while(|&c| c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &t[level..];
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim();
    Some((level, text.to_owned()))
}

/// A line wholly in emphasis: `*Notes from ...*`, `_..._`.
fn is_emphasis_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && ((t.starts_with('*') && t.ends_with('*')) || (t.starts_with('_') && t.ends_with('_')))
}

fn is_roman(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 8
        && s.chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// A heading read aloud in plain text: "Sonnet I", "Chapter 3", "12", "IV".
fn is_plain_heading(line: &str) -> bool {
    let t = line.trim().trim_end_matches('.');
    let words: Vec<&str> = t.split_whitespace().collect();
    let numeral = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 4 || is_roman(w);
    match words.as_slice() {
        [w] => numeral(w),
        [kw, n] | [kw, n, _] => {
            matches!(
                kw.to_lowercase().as_str(),
                "sonnet"
                    | "chapter"
                    | "part"
                    | "section"
                    | "canto"
                    | "book"
                    | "act"
                    | "scene"
                    | "psalm"
                    | "letter"
                    | "episode"
                    | "stanza"
                    | "poem"
                    | "chapitre"
                    | "partie"
                    | "capítulo"
                    | "kapitel"
            ) && (numeral(n) || n.chars().next().is_some_and(char::is_uppercase))
        }
        _ => false,
    }
}

/// `[text](url)` to `text`, in one pass.
fn strip_links(line: &str) -> String {
    if !line.contains("](") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let tail = &after[close + 1..];
        if let Some(url_part) = tail.strip_prefix('(')
            && let Some(end) = url_part.find(')')
            && !url_part[..end].contains(char::is_whitespace)
        {
            out.push_str(&rest[..open]);
            out.push_str(&after[..close]);
            rest = &url_part[end + 1..];
        } else {
            out.push_str(&rest[..open + 1]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A list bullet or quote marker at the start of a line.
fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    for p in ["- ", "* ", "• ", "> ", "– "] {
        if let Some(r) = t.strip_prefix(p) {
            return r;
        }
    }
    t
}

// ---------------------------------------------------------------------------------------
// Plain-text structure
// ---------------------------------------------------------------------------------------

fn structure(text: &str, keep_closing: bool) -> Structure {
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| strip_links(l.trim_end()))
        .collect();
    let markdown = lines.iter().any(|l| markdown_heading(l).is_some());
    let first_content_line = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);

    // Speaker labels.
    let mut cands: Vec<(usize, String, bool)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if markdown_heading(l).is_some() {
            continue;
        }
        if let Some((label, rest)) = split_label(l) {
            cands.push((i, label, rest.is_empty()));
        }
    }
    // A bold phrase opening a paragraph is more often emphasis than a name: without a
    // colon, bold names speakers only when one of them comes back.
    let bold = |i: usize| bold_label(&lines[i]).is_some();
    let mut bold_counts: HashMap<&str, usize> = HashMap::new();
    for (i, label, _) in &cands {
        if bold(*i) {
            *bold_counts.entry(label.as_str()).or_default() += 1;
        }
    }
    if bold_counts.values().all(|&c| c < 2) {
        cands.retain(|(i, _, _)| !bold(*i));
    }
    let accepted = accepted_labels(&cands, first_content_line);
    let labels: HashMap<usize, String> = cands
        .into_iter()
        .filter(|(_, l, _)| accepted.contains(l))
        .map(|(i, l, _)| (i, l))
        .collect();
    let label_mode = !labels.is_empty();

    let mut s = Structure::default();
    let mut preamble_title: Option<String> = None;
    // A `## Heading` right before the first turn titles the opening chapter ("## Opening
    // chat", then "MARCUS: Hello ..."); page text after it means it belonged to the page.
    let mut heading_before_first_turn: Option<String> = None;
    let mut in_speech = !label_mode;
    let mut para = String::new();
    let mut spoken_seen = false;
    let flush = |para: &mut String, items: &mut Vec<Item>, spoken_seen: &mut bool| {
        if !para.trim().is_empty() {
            items.push(Item::Para(std::mem::take(para)));
            *spoken_seen = true;
        }
        para.clear();
    };
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let trimmed = line.trim();
        // A time stamp on its own line (a transcription service's export) is not said.
        if trimmed.is_empty() || is_timestamp(trimmed) {
            flush(&mut para, &mut s.items, &mut spoken_seen);
            i += 1;
            continue;
        }
        if let Some((level, heading)) = markdown_heading(line) {
            flush(&mut para, &mut s.items, &mut spoken_seen);
            if level == 1 && s.title.is_none() {
                s.title = Some(heading);
            } else if level >= 2 && in_speech && !heading.is_empty() {
                s.items.push(Item::Chapter(heading));
            } else if level >= 2 && !heading.to_lowercase().contains("transcript") {
                heading_before_first_turn = Some(heading).filter(|h| !h.is_empty());
            }
            i += 1;
            continue;
        }
        if let Some(label) = labels.get(&i) {
            flush(&mut para, &mut s.items, &mut spoken_seen);
            if !in_speech && let Some(heading) = heading_before_first_turn.take() {
                s.items.push(Item::Chapter(heading));
            }
            in_speech = true;
            s.items.push(Item::Speaker(label.clone()));
            if let Some((_, rest)) = split_label(line)
                && !rest.is_empty()
            {
                para.push_str(rest);
            }
            i += 1;
            continue;
        }
        if !in_speech {
            heading_before_first_turn = None;
            // Page text before the first turn: keep the headline as the title.
            if preamble_title.is_none() && trimmed.chars().count() <= 200 {
                preamble_title = Some(trimmed.trim_start_matches('#').trim().to_owned());
            }
            i += 1;
            continue;
        }
        // Markdown intro in emphasis before anything spoken is not speech.
        if markdown && !spoken_seen && para.is_empty() && is_emphasis_line(line) {
            i += 1;
            continue;
        }
        let block_start = para.is_empty();
        if !label_mode && block_start && is_plain_heading(trimmed) {
            let next_blank = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
            let prev_blank = i == 0 || lines[i - 1].trim().is_empty();
            if prev_blank && (next_blank || lines.len() > i + 1) {
                s.items.push(Item::SpokenHeading(trimmed.to_owned()));
                spoken_seen = true;
                i += 1;
                continue;
            }
        }
        if !para.is_empty() {
            para.push('\n');
        }
        para.push_str(strip_bullet(line));
        i += 1;
    }
    flush(&mut para, &mut s.items, &mut spoken_seen);
    if label_mode {
        s.closing_dropped = cut_trailer(&mut s.items, keep_closing);
        if s.title.is_none() {
            s.title = preamble_title;
        }
    }
    s.line_mode = detect_line_mode(&s.items);
    s
}

/// Drops the page text after the last turn: from the first closing line ("Share this
/// page"), trailer heading ("About the author") or credit line ("Second Act is produced by
/// ...") that follows the last speaker's first paragraph, and (unless `keep_closing`) the
/// unlabelled paragraph right before a heading or credit: an article's closing note ("The
/// station publishes its measurements in spring."), written by the page, not said. True when
/// that paragraph was dropped (the caller checks the audio for it). Only that one: a
/// paragraph further up is the speaker going on ("Goodnight, everybody.") more often than
/// page text, and the audio cannot tell which when applause follows the last turn.
fn cut_trailer(items: &mut Vec<Item>, keep_closing: bool) -> bool {
    let Some(last_speaker) = items.iter().rposition(|it| matches!(it, Item::Speaker(_))) else {
        return false;
    };
    let closing_line_at = |k: usize| matches!(&items[k], Item::Para(p) if is_closing_line(p));
    // A credit line opens the trailer when a closing line or trailer heading follows it
    // within two paragraphs.
    let credit_at = |k: usize| {
        matches!(&items[k], Item::Para(p) if is_credit(p))
            && (k + 1..items.len()).take(2).any(closing_line_at)
    };
    let mut seen_para = false;
    for k in last_speaker + 1..items.len() {
        let Item::Para(text) = &items[k] else {
            continue;
        };
        let credit = credit_at(k);
        if seen_para && (closing_line_at(k) || credit) {
            // A paragraph right before a heading or a credit line is the page's closing note;
            // before a note to the reader ("For listeners who want to donate, ...") it is the
            // host's sign-off (the NPI page).
            let closing = !keep_closing
                && (is_trailer_heading(text) || credit)
                && k >= last_speaker + 3
                && matches!(&items[k - 1], Item::Para(p) if !is_closing_line(p));
            items.truncate(if closing { k - 1 } else { k });
            return closing;
        }
        seen_para = true;
    }
    false
}

/// Verse and one-sentence-per-line texts: most lines inside paragraphs end with
/// punctuation, so a line break is a boundary the reader pauses at.
fn detect_line_mode(items: &[Item]) -> bool {
    let mut inner_lines = 0usize;
    let mut punctuated = 0usize;
    for it in items {
        if let Item::Para(text) = it {
            let lines: Vec<&str> = text.split('\n').collect();
            for l in &lines[..lines.len().saturating_sub(1)] {
                inner_lines += 1;
                if l.trim_end().ends_with([
                    '.', ',', ';', ':', '!', '?', '—', '-', '…', '"', '”', '’', ')',
                ]) {
                    punctuated += 1;
                }
            }
        }
    }
    inner_lines >= 2 && punctuated * 10 >= inner_lines * 6
}

// ---------------------------------------------------------------------------------------
// SRT / WebVTT given as the transcript
// ---------------------------------------------------------------------------------------

fn is_timing_line(line: &str) -> bool {
    line.contains("-->") && line.contains(':') && line.chars().any(|c| c.is_ascii_digit())
}

fn is_subtitles(text: &str) -> bool {
    let first = text.trim_start_matches('\u{feff}').trim_start();
    if first.starts_with("WEBVTT") {
        return true;
    }
    // SRT: a cue number, then a timing line, near the top.
    let lines: Vec<&str> = first.lines().take(6).collect();
    lines.len() >= 2
        && lines[0].trim().chars().all(|c| c.is_ascii_digit())
        && is_timing_line(lines[1])
}

/// Cue payloads joined into paragraphs, one per run of cues by the same speaker.
fn subtitles(text: &str) -> Structure {
    let mut s = Structure::default();
    let mut para = String::new();
    let mut current: Option<String> = None;
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block.lines().collect();
        let Some(timing) = lines.iter().position(|l| is_timing_line(l)) else {
            continue; // header, NOTE, STYLE, REGION
        };
        for raw in &lines[timing + 1..] {
            let (voice, clean) = strip_cue_markup(raw);
            let mut line = clean.trim().to_owned();
            for p in [">>", "- ", "–"] {
                if let Some(r) = line.strip_prefix(p) {
                    line = r.trim().to_owned();
                }
            }
            let mut speaker = voice;
            if let Some((label, rest)) = split_label(&line) {
                speaker = Some(label);
                line = rest.to_owned();
            }
            if let Some(sp) = speaker
                && current.as_ref() != Some(&sp)
            {
                if !para.trim().is_empty() {
                    s.items.push(Item::Para(std::mem::take(&mut para)));
                }
                para.clear();
                s.items.push(Item::Speaker(sp.clone()));
                current = Some(sp);
            }
            if !line.is_empty() {
                if !para.is_empty() {
                    para.push(' ');
                }
                para.push_str(&line);
            }
        }
    }
    if !para.trim().is_empty() {
        s.items.push(Item::Para(para));
    }
    s
}

/// Removes `<...>` tags and decodes entities; returns the `<v Name>` voice if any.
fn strip_cue_markup(line: &str) -> (Option<String>, String) {
    let mut voice = None;
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &after[..close];
        if (tag.starts_with("v ") || tag.starts_with("v."))
            && let Some(sp) = tag.find(' ')
        {
            let name = tag[sp + 1..].trim();
            if !name.is_empty() {
                voice = Some(name.to_owned());
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lrm;", "")
        .replace("&rlm;", "");
    (voice, decoded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Break, Document};

    fn doc(text: &str) -> Document {
        match parse(
            text.as_bytes(),
            Path::new("t.txt"),
            &ParseOptions::default(),
        ) {
            Ok(d) => d,
            Err(e) => panic!("parse failed: {e}"),
        }
    }

    fn spoken(d: &Document) -> Vec<&str> {
        d.words
            .iter()
            .filter(|w| w.kind == WordKind::Spoken)
            .map(|w| w.norm.as_str())
            .collect()
    }

    fn turn_speakers(d: &Document) -> Vec<Option<&str>> {
        d.turns
            .iter()
            .map(|t| t.speaker.map(|s| d.speakers[s].as_str()))
            .collect()
    }

    #[test]
    fn name_colon_style() {
        let d = doc(
            "ADA: Morning, all. The kettle is on.\n\nBEN: Thanks, Ada.\n\nADA: [Laughs] You're welcome.\nAnd the toast?\n\nBEN: Burnt.",
        );
        assert_eq!(
            turn_speakers(&d),
            vec![Some("ADA"), Some("BEN"), Some("ADA"), Some("BEN")]
        );
        assert_eq!(d.speakers, vec!["ADA", "BEN"]);
        assert_eq!(spoken(&d)[..4], ["morning", "all", "the", "kettle"]);
        assert_eq!(d.sentences.len(), 6);
        let tag = d
            .words
            .iter()
            .find(|w| w.text == "[Laughs]")
            .map(|w| w.kind);
        assert_eq!(tag, Some(WordKind::SoundTag));
    }

    #[test]
    fn full_name_on_its_own_line() {
        let d = doc(
            "Marta Quill:\nWe sailed at dawn.\n\nThe wind rose by noon.\n\nOscar Venn:\nDid you turn back?\n\nMarta Quill:\nNo.",
        );
        assert_eq!(
            turn_speakers(&d),
            vec![Some("Marta Quill"), Some("Oscar Venn"), Some("Marta Quill")]
        );
        assert_eq!(d.turns[0].sentences.len(), 2);
        assert_eq!(spoken(&d).len(), 4 + 5 + 4 + 1);
    }

    #[test]
    fn article_page_drops_furniture() {
        let text = "Baking bread at sea: a talk with a ship's cook\nThe galley of the Orla (Photo: K. Lund)\n\nThis week we talk about bread.\n\nRead the transcript\n\n(Note: edited for length)\n\nJO: Welcome aboard. What do you bake?\n\nPIM: Rye, mostly.\n\nIt keeps well in the damp.\n\nJO: Thanks, Pim.\n\nFor listeners who want the recipe, see our site.\n\nAbout the author\n\nJo writes about food.\n\nAdjacent posts";
        let d = doc(text);
        assert_eq!(
            d.title.as_deref(),
            Some("Baking bread at sea: a talk with a ship's cook")
        );
        assert_eq!(turn_speakers(&d), vec![Some("JO"), Some("PIM"), Some("JO")]);
        let w = spoken(&d);
        assert_eq!(w.first(), Some(&"welcome"));
        assert_eq!(w.last(), Some(&"pim"));
        assert!(!w.contains(&"recipe") && !w.contains(&"bread"));
    }

    #[test]
    fn closing_paragraph_before_the_trailer_is_page_text_unless_kept() {
        let text = "Read the transcript\n\nJO: Welcome aboard. What do you bake?\n\nPIM: Rye, mostly.\n\nIt keeps well in the damp.\n\nJO: Thanks, Pim.\n\nThe Orla sails again in May, with a new oven.\n\nAbout the author\n\nJo writes about food.";
        let d = doc(text);
        assert!(d.closing_paragraph_dropped);
        assert_eq!(spoken(&d).last(), Some(&"pim"));
        // A speaker's further paragraph in the middle stays theirs.
        assert!(spoken(&d).contains(&"damp"));
        let kept = parse(
            text.as_bytes(),
            Path::new("t.txt"),
            &ParseOptions {
                keep_closing_paragraph: true,
                ..ParseOptions::default()
            },
        )
        .map(|d| {
            (
                d.closing_paragraph_dropped,
                spoken(&d).last().map(|w| w.to_string()),
            )
        });
        assert_eq!(kept.ok(), Some((false, Some("oven".to_string()))));
        // The note may come before a credit line that opens the trailer, and a further
        // paragraph before it stays the speaker's.
        let credits = "JO: Welcome aboard.\n\nPIM: Thanks, Jo.\n\nGoodnight, everybody.\n\nThe Orla sails again in May.\n\nThe Galley is produced by Jo Lund.\n\nMore episodes\n\nShare this page";
        let d = doc(credits);
        assert!(d.closing_paragraph_dropped);
        assert_eq!(spoken(&d).last(), Some(&"everybody"));
        // A credit-like sentence the speaker says, with no trailer after it, is theirs.
        let said = "JO: Welcome aboard.\n\nPIM: Thanks, Jo.\n\nOur cheese is produced by hand.\n\nIt takes a year.";
        assert_eq!(spoken(&doc(said)).last(), Some(&"year"));
        // With no unlabelled paragraph before the trailer, nothing is dropped.
        let d = doc("JO: Welcome aboard.\n\nPIM: Thanks, Jo.\n\nAbout the author\n\nJo writes.");
        assert!(!d.closing_paragraph_dropped);
        assert_eq!(spoken(&d).last(), Some(&"jo"));
    }

    #[test]
    fn markdown_headings_are_chapters() {
        let d = doc(
            "# The Mill\n\n*Notes from a walk by the river.*\n\n## The wheel\n\nThe wheel turns slowly.\n\n## The stones\n\nTwo stones grind the grain. It takes hours.",
        );
        assert_eq!(d.title.as_deref(), Some("The Mill"));
        assert_eq!(d.chapters.len(), 2);
        assert_eq!(d.chapters[0].first_word, 0);
        assert_eq!(d.words[d.chapters[1].first_word].norm, "two");
        assert_eq!(spoken(&d)[0], "the");
        assert!(!spoken(&d).contains(&"notes"));
        assert_eq!(d.turns.len(), 1);
        assert_eq!(d.turns[0].speaker, None);
        assert_eq!(d.sentences.len(), 3);
    }

    #[test]
    fn a_heading_right_before_the_first_turn_titles_the_opening() {
        let titles = |text: &str| -> Vec<String> {
            doc(text).chapters.iter().map(|c| c.title.clone()).collect()
        };
        let turns = "JO: Welcome aboard.\n\nPIM: Thanks, Jo.\n\n## Bread\n\nJO: What do you bake?";
        assert_eq!(
            titles(&format!("## Opening chat\n\n{turns}")),
            ["Opening chat", "Bread"]
        );
        assert_eq!(
            doc(&format!("## Opening chat\n\n{turns}")).chapters[0].first_word,
            0
        );
        // A heading of the page's, or one with page text after it, is not a chapter.
        assert_eq!(titles(&format!("## Transcript\n\n{turns}")), ["Bread"]);
        assert_eq!(
            titles(&format!(
                "## About\n\nA talk with a ship's cook.\n\n{turns}"
            )),
            ["Bread"]
        );
    }

    #[test]
    fn punctuation_after_emoji_stays_with_the_word_before() {
        let d = doc("HOST: Hello 👋🎙️, welcome. I love coffee ☕️😂. Do you? — Yes 🙂");
        let texts: Vec<&str> = d.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Hello,", "welcome.", "I", "love", "coffee.", "Do", "you?", "Yes"
            ]
        );
        assert_eq!(d.sentences.len(), 4);
    }

    #[test]
    fn labels_in_scripts_without_capitals() {
        let d = doc("主持人：你好，欢迎收听。\n\n埃尔西：谢谢你。");
        assert_eq!(d.speakers, ["主持人", "埃尔西"]);
        assert_eq!(d.words[0].text, "你好，");
        let d = doc("المذيع: مرحبا بكم.\n\nإلسي: شكرا.");
        assert_eq!(d.speakers, ["المذيع", "إلسي"]);
        // A lower-case word before a colon is still text, not a speaker.
        assert!(
            doc("note: this is text.\n\nmore: text.")
                .speakers
                .is_empty()
        );
    }

    #[test]
    fn plain_paragraphs_and_verse() {
        let d = doc("Snow fell on the yard. The dog did not care.\n\nBy noon it had stopped.");
        assert_eq!(d.turns.len(), 1);
        assert_eq!(d.sentences.len(), 3);
        assert_eq!(d.words[0].paragraph, 0);
        assert_eq!(d.words.last().map(|w| w.paragraph), Some(1));
        let v = doc(
            "Poem II\nThe lamp is low,\nthe hour is late,\nand still the kettle sings.\n\nPoem III\nA short one.",
        );
        assert_eq!(v.chapters.len(), 2);
        assert_eq!(v.chapters[0].title, "Poem II");
        assert_eq!(v.words[v.chapters[1].first_word].norm, "poem");
        // heading + three lines, heading + one line
        assert_eq!(v.sentences.len(), 6);
    }

    /// The exports of transcription services put time stamps around the speaker's name, or
    /// the name and a time stamp on a line of their own. Each must give the same turns and
    /// spoken words as `NAME: text`, with no time stamp read as words.
    #[test]
    fn transcription_service_exports() {
        let plain = doc(
            "Ada Lind: Morning, all. The kettle is on.\n\nBen: Thanks, Ada.\n\nAda Lind: You're welcome.",
        );
        let exports = [
            // Otter: the name and a clock time, the text on the next line.
            "Ada Lind  0:00\nMorning, all. The kettle is on.\n\nBen  0:04\nThanks, Ada.\n\nAda Lind  0:06\nYou're welcome.",
            // Rev: the time in parentheses after the name, then a colon.
            "Ada Lind (00:00:00):\nMorning, all. The kettle is on.\n\nBen (00:00:04):\nThanks, Ada.\n\nAda Lind (00:00:06):\nYou're welcome.",
            "Ada Lind (00:00): Morning, all. The kettle is on.\nBen (00:04): Thanks, Ada.\nAda Lind (00:06): You're welcome.",
            // The time in brackets between the name and the colon.
            "Ada Lind [00:00:00]: Morning, all. The kettle is on.\n\nBen [00:00:04]: Thanks, Ada.\n\nAda Lind [00:00:06]: You're welcome.",
            // The time first, then the name alone (Happy Scribe, Trint).
            "[00:00:00.00] - Ada Lind\nMorning, all. The kettle is on.\n\n[00:00:04.10] - Ben\nThanks, Ada.\n\n[00:00:06.00] - Ada Lind\nYou're welcome.",
            "00:00:00 Ada Lind\nMorning, all. The kettle is on.\n\n00:00:04 Ben\nThanks, Ada.\n\n00:00:06 Ada Lind\nYou're welcome.",
            // A time stamp on a line of its own before each turn.
            "00:00:00\nAda Lind: Morning, all. The kettle is on.\n\n00:00:04\nBen: Thanks, Ada.\n\n[00:00:06]\nAda Lind: You're welcome.",
            // A role after the name, or the name in bold without a colon.
            "Ada Lind (host): Morning, all. The kettle is on.\n\nBen (guest): Thanks, Ada.\n\nAda Lind (host): You're welcome.",
            "**Ada Lind** Morning, all. The kettle is on.\n\n**Ben** Thanks, Ada.\n\n**Ada Lind** You're welcome.",
        ];
        // Each text against the `NAME:` text it stands for.
        let same_as = |reference: &Document, text: &str| {
            let d = doc(text);
            assert_eq!(turn_speakers(&d), turn_speakers(reference), "{text}");
            assert_eq!(spoken(&d), spoken(reference), "{text}");
        };
        for text in exports {
            same_as(&plain, text);
        }
        // A name in capitals before a spaced dash; a sentence with a dash is not a name.
        let caps = doc(
            "ADA LIND: Morning, all. The kettle is on.\n\nBEN: Thanks, Ada.\n\nADA LIND: You're welcome.",
        );
        for text in [
            "ADA LIND — Morning, all. The kettle is on.\n\nBEN — Thanks, Ada.\n\nADA LIND — You're welcome.",
            "ADA LIND \u{2013} Morning, all. The kettle is on.\n\nBEN \u{2013} Thanks, Ada.\n\nADA LIND \u{2013} You're welcome.",
        ] {
            same_as(&caps, text);
        }
        let d = doc("ADA: Well.\n\nBEN: So.\n\nYes — I think so.\n\nADA: Good.");
        assert_eq!(turn_speakers(&d), [Some("ADA"), Some("BEN"), Some("ADA")]);
        // Bold phrases that open paragraphs once each are emphasis, not speakers.
        let d = doc(
            "**Shade matters.** Streets with trees are cooler.\n\n**Water too** Fountains help.\n\n**Finally** plant early.",
        );
        assert!(d.speakers.is_empty(), "{:?}", d.speakers);
        assert_eq!(spoken(&d).len(), 14);
        // A sentence after a time stamp is not a name.
        let d = doc("ADA: Morning.\n\nBEN: Hello.\n\n[00:01:10] Thanks.\n\nADA: Bye.");
        assert_eq!(turn_speakers(&d), [Some("ADA"), Some("BEN"), Some("ADA")]);
        assert!(spoken(&d).contains(&"thanks"));
    }

    #[test]
    fn one_turn_per_line_with_labels() {
        let d = doc("Speaker 1: hello there.\nSpeaker 2: hi. how are you\nSpeaker 2: fine thanks");
        assert_eq!(
            turn_speakers(&d),
            vec![Some("Speaker 1"), Some("Speaker 2")]
        );
        assert_eq!(d.words.iter().filter(|w| w.paragraph == 2).count(), 2);
    }

    #[test]
    fn subtitles_as_source() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nHOST: Hello and <i>welcome</i>.\n\n2\n00:00:02,500 --> 00:00:04,000\nGUEST: Thanks for\nhaving me.\n\n3\n00:00:04,500 --> 00:00:05,000\nit's fun.\n";
        let d = doc(srt);
        assert_eq!(turn_speakers(&d), vec![Some("HOST"), Some("GUEST")]);
        assert_eq!(
            spoken(&d),
            vec![
                "hello", "and", "welcome", "thanks", "for", "having", "me", "it's", "fun"
            ]
        );
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Good day to you.\n\nNOTE skip me\n\n00:02.500 --> 00:03.000\n<v Raj>And to you.</v>\n";
        let d = doc(vtt);
        assert_eq!(turn_speakers(&d), vec![Some("Ana"), Some("Raj")]);
        assert_eq!(spoken(&d).len(), 7);
    }

    #[test]
    fn dashes_and_hyphens() {
        let d = doc("Find the folks — the clerk, the owner -- and ask. A well-known co-op’s rule.");
        let w = spoken(&d);
        assert!(w.contains(&"well-known") && w.contains(&"co-op's"));
        assert!(!w.iter().any(|x| x.is_empty()));
        let folks = d
            .words
            .iter()
            .find(|w| w.norm == "folks")
            .map(|w| w.break_after);
        assert_eq!(folks, Some(Break::Clause));
        let owner = d
            .words
            .iter()
            .find(|w| w.norm == "owner")
            .map(|w| w.break_after);
        assert_eq!(owner, Some(Break::Clause));
    }

    #[test]
    fn errors_are_clear() {
        let e = |b: &[u8]| match parse(b, Path::new("x.txt"), &ParseOptions::default()) {
            Ok(_) => String::from("ok"),
            Err(e) => e.to_string(),
        };
        assert!(e(b"").contains("empty"));
        assert!(e(b"   \n ").contains("whitespace"));
        assert!(e(b"-- ... [Laughs]").contains("no words"));
        assert!(e(b"caf\xe9").contains("iconv -f latin1 -t utf-8"));
    }

    #[test]
    fn language_and_syllables_are_filled() {
        let d = doc("Je suis programmeur. Nous sommes dans la salle avec les autres.");
        assert_eq!(d.language, "fr");
        let forced = parse(
            "Hello there".as_bytes(),
            Path::new("t"),
            &ParseOptions {
                language: Some("DE".into()),
                ..ParseOptions::default()
            },
        );
        assert_eq!(forced.map(|d| d.language).ok().as_deref(), Some("de"));
        let d = doc("NPI was founded in 2022.");
        let syl: Vec<f32> = d.words.iter().map(|w| w.syllables).collect();
        assert_eq!(syl, vec![3.0, 1.0, 2.0, 1.0, 5.0]);
    }
}
