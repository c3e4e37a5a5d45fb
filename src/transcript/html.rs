//! A transcript saved as a web page (HTML) to the plain text the parser reads: tags dropped,
//! paragraphs and line breaks kept as blank lines and newlines, `<h1>` as the title and
//! `<h2>`-`<h6>` as `## ` chapter headings, character references decoded. Script, style and
//! comments are never text. Without this, every tag was read as words and the speakers
//! (`<strong>Marcus:</strong>`) were lost.

/// True for a whole HTML page, or a fragment of block tags. Page structure is required, not a
/// tag in prose: a developer podcast's transcript quoting `<script>` or `<p>` is text, and
/// read as HTML its `## ` chapters inside a quoted "script" would vanish.
pub(crate) fn is_html(text: &str) -> bool {
    let lower = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return true;
    }
    // A page after a comment or an XML declaration: `<html` or `<body` opening a line.
    let lines = || lower.lines().map(str::trim_start);
    if lines().any(|l| l.starts_with("<html") || l.starts_with("<body")) {
        return true;
    }
    // A fragment: markup from its first character (minified paragraphs), or block tags opening
    // several lines.
    let block = |l: &str| {
        let Some(tag) = l.strip_prefix('<') else {
            return false;
        };
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let known = matches!(
            name.as_str(),
            "p" | "div"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "br"
                | "li"
                | "ul"
                | "ol"
                | "section"
                | "article"
                | "blockquote"
                | "table"
                | "tr"
                | "main"
        );
        known && tag[name.len()..].starts_with(['>', ' ', '/'])
    };
    if block(&lower) && (lower.matches("</p>").count() >= 2 || lower.matches("<br").count() >= 3) {
        return true;
    }
    lines().filter(|l| block(l)).count() >= 2
}

/// The page's text, laid out as a plain transcript.
pub(crate) fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_references(&rest[..open]));
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            // A lone '<' in text.
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            // Never text: skip to the closing tag.
            "script" | "style" | "head" | "noscript" | "template" if !closing => {
                rest = closing_tag(rest, &name)
                    .and_then(|at| rest[at..].find('>').map(|gt| &rest[at + gt + 1..]))
                    .unwrap_or("");
            }
            "br" => out.push('\n'),
            "h1" if !closing => out.push_str("\n\n# "),
            "h2" | "h3" | "h4" | "h5" | "h6" if !closing => out.push_str("\n\n## "),
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr" | "blockquote"
            | "section" | "article" | "header" | "footer" | "table" | "ul" | "ol" | "dt" | "dd"
            | "figure" | "figcaption" | "main" | "aside" | "nav" | "pre" | "hr" => {
                out.push_str("\n\n")
            }
            _ => {}
        }
    }
    out.push_str(&decode_references(rest));
    tidy(&out)
}

/// Where `</name` (any case) starts in `text`, without lower-casing the rest of the page for
/// each script.
fn closing_tag(text: &str, name: &str) -> Option<usize> {
    text.match_indices("</").map(|(at, _)| at).find(|&at| {
        text.get(at + 2..at + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
    })
}

/// Spaces inside lines collapsed, lines trimmed, at most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        out.push_str(&line);
        out.push('\n');
        blank = false;
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;` and the other common references decoded.
fn decode_references(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| reference(&rest[1..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_becomes_paragraphs_with_its_labels_and_headings() {
        let page = "<!DOCTYPE html><html><head><title>Ep 12</title><style>p{}</style></head>\
            <body><h1>Episode 12</h1><!-- nav --><script>var a = '<p>';</script>\
            <p><strong>Marcus:</strong> Hello &amp; welcome&nbsp;to it&#8217;s <em>show</em>.</p>\
            <h2>Borrowing</h2><p><strong>Elsie:</strong> Thanks,<br>Marcus.</p></body></html>";
        assert!(is_html(page));
        assert_eq!(
            to_text(page),
            "# Episode 12\n\nMarcus: Hello & welcome to it’s show.\n\n## Borrowing\n\n\
             Elsie: Thanks,\nMarcus.\n"
        );
    }

    #[test]
    fn plain_text_with_angle_brackets_is_not_html() {
        assert!(!is_html("HOST: 3 < 4 and <this> is fine.\n\nGUEST: Yes."));
        assert!(!is_html(
            "HOST: Write <p>a</p><p>b</p> in a <script>, then <br><br><br>.\n\nGUEST: <html>?"
        ));
        assert!(is_html("<p>HOST: Hello.</p><p>GUEST: Hi.</p>"));
        assert!(is_html(
            "<?xml version=\"1.0\"?>\n<html><body><p>Hi.</p></body></html>"
        ));
        assert_eq!(decode_references("A & B &bogus; &#65;"), "A & B &bogus; A");
    }
}
