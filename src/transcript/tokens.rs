//! From the transcript's structure (speaker labels, paragraphs, chapter headings) to the
//! [`Document`]: words with their kinds and breaks, sentences, turns, chapter markers.

use super::{Break, ChapterMarker, Document, Sentence, Turn, Word, WordKind};

/// One piece of the transcript's structure, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A speaker label: what follows is said by this speaker.
    Speaker(String),
    /// A paragraph of spoken text (`\n` inside marks the line breaks of the source).
    Para(String),
    /// A heading that is not spoken: a chapter starts at the next word.
    Chapter(String),
    /// A heading that is read aloud ("Sonnet I"): a chapter starts at its first word.
    SpokenHeading(String),
}

/// One token while building: the word and what is known about its punctuation.
#[derive(Debug, Clone)]
struct Tok {
    text: String,
    kind: WordKind,
    brk: Break,
    /// The break the token's punctuation gives if a final dot turns out not to end a
    /// sentence (an abbreviation or an initial).
    alt: Break,
    /// Ends with a dot that may be an abbreviation's.
    period: bool,
    /// Ends with an ellipsis.
    ellipsis: bool,
    /// A line break follows it in the source paragraph.
    newline_after: bool,
}

/// Builds the document from the structure. `line_mode`: every source line ends a sentence
/// (verse, one sentence per line).
pub(crate) fn build(items: &[Item], line_mode: bool) -> Document {
    let mut doc = Document::default();
    let mut current_label: Option<String> = None;
    let mut turn_label: Option<Option<String>> = None; // label of the open turn, if one is open
    let mut pending_chapters: Vec<String> = Vec::new();
    let mut paragraph = 0usize;
    for item in items {
        let text = match item {
            Item::Speaker(label) => {
                current_label = Some(label.clone());
                continue;
            }
            Item::Chapter(title) => {
                pending_chapters.push(title.clone());
                continue;
            }
            Item::SpokenHeading(title) => {
                pending_chapters.push(title.clone());
                title
            }
            Item::Para(text) => text,
        };
        let mut toks = tokenize(text);
        if toks.is_empty() {
            continue;
        }
        finish_breaks(&mut toks, line_mode);
        // A new turn at every change of speaker (the same label twice in a row stays one
        // turn: a turn is everything one speaker says before another takes over).
        if turn_label.as_ref() != Some(&current_label) {
            close_turn(&mut doc);
            let speaker = current_label.as_ref().map(|l| intern(&mut doc.speakers, l));
            doc.turns.push(Turn {
                speaker,
                sentences: doc.sentences.len()..doc.sentences.len(),
                words: doc.words.len()..doc.words.len(),
            });
            turn_label = Some(current_label.clone());
        }
        for title in pending_chapters.drain(..) {
            doc.chapters.push(ChapterMarker {
                title,
                first_word: doc.words.len(),
            });
        }
        push_paragraph(&mut doc, toks, paragraph);
        paragraph += 1;
    }
    close_turn(&mut doc);
    doc
}

fn intern(speakers: &mut Vec<String>, label: &str) -> usize {
    match speakers.iter().position(|s| s == label) {
        Some(i) => i,
        None => {
            speakers.push(label.to_owned());
            speakers.len() - 1
        }
    }
}

fn close_turn(doc: &mut Document) {
    let (n_sent, n_words) = (doc.sentences.len(), doc.words.len());
    if let Some(turn) = doc.turns.last_mut() {
        turn.sentences.end = n_sent;
        turn.words.end = n_words;
    }
}

/// Adds one paragraph's tokens as sentences of the open turn.
fn push_paragraph(doc: &mut Document, toks: Vec<Tok>, paragraph: usize) {
    let turn = doc.turns.len().saturating_sub(1);
    // Sentence groups: the token index after every sentence end.
    let mut ends: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.brk == Break::Sentence)
        .map(|(i, _)| i + 1)
        .collect();
    if ends.last() != Some(&toks.len()) {
        ends.push(toks.len());
    }
    // Tags after the last sentence end ("dry. [Laughs]") belong to that sentence.
    if ends.len() > 1 {
        let tail_start = ends[ends.len() - 2];
        if toks[tail_start..]
            .iter()
            .all(|t| t.kind != WordKind::Spoken)
        {
            ends.remove(ends.len() - 2);
        }
    }
    let all_silent = toks.iter().all(|t| t.kind != WordKind::Spoken);
    // A paragraph of tags only joins the turn's previous sentence when there is one.
    let join_previous = all_silent
        && doc
            .turns
            .last()
            .is_some_and(|t| t.sentences.start < doc.sentences.len());
    let mut toks = toks.into_iter();
    let mut start = 0;
    for end in ends {
        let first = doc.words.len();
        let sentence = if join_previous {
            doc.sentences.len() - 1
        } else {
            doc.sentences.len()
        };
        for t in toks.by_ref().take(end - start) {
            let norm = normalize(&t.text);
            doc.words.push(Word {
                text: t.text,
                norm,
                kind: t.kind,
                syllables: 0.0,
                break_after: t.brk,
                sentence,
                turn,
                paragraph,
            });
        }
        start = end;
        if join_previous {
            if let Some(s) = doc.sentences.last_mut() {
                s.words.end = doc.words.len();
            }
        } else {
            doc.sentences.push(Sentence {
                turn,
                paragraph,
                words: first..doc.words.len(),
            });
        }
    }
}

/// Lowercased, apostrophes unified, leading and trailing punctuation removed. A symbol
/// said as a word (`&`) keeps itself.
pub(crate) fn normalize(text: &str) -> String {
    if text.is_ascii() && text.bytes().any(|b| b.is_ascii_alphanumeric()) {
        let t = text.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        return t.to_ascii_lowercase().replace('`', "'");
    }
    let unified: String = text
        .chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
            c => c,
        })
        .collect();
    let trimmed = unified.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() {
        unified.trim().to_lowercase()
    } else {
        trimmed.to_lowercase()
    }
}

/// The break given by the punctuation after a word: (break, alt, period, ellipsis).
fn trailing_break(trail: &str) -> (Break, Break, bool, bool) {
    let ellipsis = trail.contains("...") || trail.contains('…');
    let term = trail.contains(['!', '?', '。', '！', '？', '‼', '⁉', '؟']);
    let dot = trail.contains(['.', '…']);
    let clause = trail.contains([';', ':', '—', '–', '；', '：'])
        || trail.contains("--")
        || trail.ends_with('-');
    let comma = trail.contains([',', '、', '，', '،']);
    let alt = if clause {
        Break::Clause
    } else if comma {
        Break::Comma
    } else if trail.contains(')') {
        Break::Clause
    } else {
        Break::None
    };
    if term {
        (Break::Sentence, alt, false, false)
    } else if dot {
        (Break::Sentence, alt, !ellipsis, ellipsis)
    } else {
        (alt, alt, false, false)
    }
}

/// Words in brackets that name a sound, not an editorial insertion.
const SOUND_WORDS: &[&str] = &[
    "laugh",
    "laughs",
    "laughing",
    "laughter",
    "chuckle",
    "chuckles",
    "chuckling",
    "giggles",
    "giggling",
    "inaudible",
    "unintelligible",
    "indiscernible",
    "crosstalk",
    "cross-talk",
    "music",
    "applause",
    "clapping",
    "silence",
    "pause",
    "pauses",
    "cough",
    "coughs",
    "coughing",
    "sigh",
    "sighs",
    "sniffs",
    "noise",
    "overlapping",
    "cheers",
    "cheering",
    "beep",
    "bleep",
    "static",
    "sound",
    "sfx",
    "theme",
    "jingle",
    "groans",
    "gasps",
    "gasp",
    "whispers",
    "whispering",
    "singing",
    "sings",
    "humming",
    "unclear",
    "break",
    "interruption",
    "background",
    "ad",
    "sponsor",
    "transition",
    "intro",
    "outro",
    "audio",
    "clip",
    "video",
    "both",
    "all",
    "audience",
    "phone",
    "rings",
    "ringing",
    "door",
    "bell",
    "sneezes",
    "snorts",
    "claps",
    "whistles",
    "sobbing",
    "crying",
    "yawns",
    "murmuring",
    "chatter",
    "off-mic",
    "chant",
    "chants",
    "chanting",
    "shouting",
    "yelling",
    "screams",
    "screaming",
    "booing",
    "knocking",
    "knocks",
    "footsteps",
    "barking",
    "typing",
    "exhales",
    "inhales",
    "sniffles",
    "buzzer",
    "gavel",
    "stinger",
    "interlude",
    "soundbite",
    "voicemail",
];

fn is_sound_description(inner: &str) -> bool {
    let lower = inner.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let first_is_sound = words.first().is_some_and(|w| SOUND_WORDS.contains(w));
    first_is_sound
        || (words.len() <= 4 && words.iter().any(|w| SOUND_WORDS.contains(w)))
        || lower.contains("inaudible")
        || lower.contains("laugh")
        || lower.contains("crosstalk")
        || is_timestamp(inner)
}

/// `00:12:34`, `12:34.5`, `1:02:03,000`.
pub(super) fn is_timestamp(s: &str) -> bool {
    let s = s.trim();
    s.contains(':')
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.ends_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ','))
}

/// Splits a paragraph into tokens: bracketed tags and insertions as one token each,
/// whitespace-separated words, punctuation-only pieces folded into the previous word's
/// break.
fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut i = 0usize;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            if c == '\n'
                && let Some(last) = toks.last_mut()
            {
                last.newline_after = true;
            }
            i += c.len_utf8();
            continue;
        }
        if let Some((end, kind)) = bracket_span(text, i, &toks) {
            let raw = &text[i..end];
            // Just past the closing mark (a `♪` is three bytes).
            let close = raw
                .char_indices()
                .rfind(|&(_, c)| matches!(c, ']' | ')' | '♪'))
                .map_or(raw.len(), |(p, c)| p + c.len_utf8());
            let (brk, alt, _, ellipsis) = trailing_break(&raw[close..]);
            if is_timestamp(raw[..close].trim_matches(|c| matches!(c, '[' | ']' | '(' | ')'))) {
                // Timestamps in the text are neither spoken nor shown.
                i = end;
                continue;
            }
            toks.push(Tok {
                text: raw.to_owned(),
                kind,
                brk,
                alt,
                period: false,
                ellipsis,
                newline_after: false,
            });
            i = end;
            continue;
        }
        let end = text[i..]
            .find(char::is_whitespace)
            .map_or(text.len(), |p| i + p);
        let piece = &text[i..end];
        for sub in split_cjk_punct(piece) {
            push_piece(&mut toks, sub);
        }
        i = end;
    }
    toks
}

/// Splits after CJK punctuation, which separates clauses without spaces.
fn split_cjk_punct(piece: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in piece.char_indices() {
        if matches!(c, '。' | '！' | '？' | '、' | '，' | '；' | '：') {
            let end = i + c.len_utf8();
            out.push(&piece[start..end]);
            start = end;
        }
    }
    if start < piece.len() {
        out.push(&piece[start..]);
    }
    out
}

/// A `[...]`, `♪...♪` or `(laughs)`-style span starting at `i`: its end (after any
/// punctuation attached to it) and its kind.
fn bracket_span(text: &str, i: usize, toks: &[Tok]) -> Option<(usize, WordKind)> {
    let rest = &text[i..];
    let open = rest.chars().next()?;
    let close = match open {
        '[' => ']',
        '♪' => '♪',
        '(' => ')',
        _ => return None,
    };
    // Look a bounded distance ahead so a stray bracket cannot make this quadratic.
    let window_end = rest.char_indices().nth(300).map_or(rest.len(), |(p, _)| p);
    let window = &rest[open.len_utf8()..window_end];
    let inner_len = window.find(close)?;
    let inner = &window[..inner_len];
    if inner.contains(['[', '\n']) || inner.trim().is_empty() && open != '♪' {
        return None;
    }
    if open == '(' && !is_sound_description(inner) {
        return None;
    }
    let mut end = i + open.len_utf8() + inner_len + close.len_utf8();
    // Attached punctuation ("[Laughs]." ); a letter right after means it is part of a word.
    let after = &text[end..];
    let punct_len = after
        .find(|c: char| c.is_whitespace() || c.is_alphanumeric())
        .unwrap_or(after.len());
    if after[punct_len..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    end += punct_len;
    let standalone = toks.last().is_none_or(|t| t.brk == Break::Sentence);
    let starts_upper = inner
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let kind = if open == '♪' || is_sound_description(inner) || (standalone && starts_upper) {
        WordKind::SoundTag
    } else {
        WordKind::Insertion
    };
    Some((end, kind))
}

/// Punctuation outside ASCII that may end a word ("…", "—", "«", "»", "¿", "、", "。").
fn is_unicode_punctuation(c: char) -> bool {
    matches!(
        c,
        '…' | '—'
            | '–'
            | '―'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '¿'
            | '¡'
            | '、'
            | '。'
            | '，'
            | '！'
            | '？'
            | '：'
            | '；'
    )
}

/// Symbols that are said as a word when they stand alone.
fn is_spoken_symbol(piece: &str) -> bool {
    matches!(piece, "&" | "+" | "@" | "=" | "%" | "#")
}

fn push_piece(toks: &mut Vec<Tok>, piece: &str) {
    // Markdown emphasis is never spoken nor shown.
    let piece = piece.trim_matches(|c| c == '*');
    if piece.is_empty() {
        return;
    }
    if piece.chars().any(char::is_alphanumeric) || is_spoken_symbol(piece) {
        let core_end = piece
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_alphanumeric() || is_spoken_symbol(c.encode_utf8(&mut [0; 4])))
            .map_or(piece.len(), |(p, c)| p + c.len_utf8());
        let (brk, alt, period, ellipsis) = trailing_break(&piece[core_end..]);
        toks.push(Tok {
            text: piece.to_owned(),
            kind: WordKind::Spoken,
            brk,
            alt,
            period,
            ellipsis,
            newline_after: false,
        });
        return;
    }
    // Punctuation alone ("—", "--", "...", French " ?"): a break for the previous word.
    let (brk, alt, _, ellipsis) = trailing_break(piece);
    let brk = if piece.chars().all(|c| matches!(c, '-' | '—' | '–' | '―')) {
        Break::Clause
    } else {
        brk
    };
    if let Some(last) = toks.last_mut() {
        // Emoji and other symbols are neither said nor shown, but the punctuation after them
        // is the sentence's ("coffee ☕️😂." ends a sentence): the word before keeps it.
        let after_symbols = piece
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_ascii_punctuation() && !is_unicode_punctuation(c))
            .map(|(at, c)| &piece[at + c.len_utf8()..]);
        if let Some(punctuation) = after_symbols.filter(|p| !p.is_empty())
            && last.kind == WordKind::Spoken
        {
            last.text.push_str(punctuation);
        }
        if ellipsis {
            last.ellipsis = true;
            last.period = false;
            last.alt = last.alt.max(alt);
        }
        if brk > last.brk {
            last.brk = brk;
            if brk == Break::Sentence && !ellipsis {
                last.period = false; // "! ?" or a lone "." after a space: a real end
            }
        }
    }
}

/// Abbreviations after which a dot does not end a sentence.
const NEVER_END: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "sen", "rep", "gov", "gen", "capt", "lt", "col",
    "sgt", "rev", "hon", "fr", "vs", "v", "e.g", "i.e", "cf", "approx", "fig", "vol", "pp", "ca",
    "no", "nos", "ph.d", "messrs", "mme", "mlle", "sr", "jr", "pres", "supt", "det", "insp",
];

/// Abbreviations that end a sentence only when a capitalised word follows.
const MAYBE_END: &[&str] = &[
    "etc", "u.s", "u.k", "a.m", "p.m", "inc", "ltd", "co", "corp", "d.c", "u.s.a", "al", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "bros", "dept", "univ",
];

/// Decides which dots end sentences; applies line breaks (verse) and the paragraph end.
fn finish_breaks(toks: &mut [Tok], line_mode: bool) {
    let n = toks.len();
    for k in 0..n {
        if toks[k].kind == WordKind::Spoken && (toks[k].period || toks[k].ellipsis) {
            let next_upper = toks.get(k + 1).map(|t| {
                t.text
                    .chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(char::is_uppercase)
            });
            let next_digit = toks
                .get(k + 1)
                .is_some_and(|t| t.text.chars().next().is_some_and(|c| c.is_ascii_digit()));
            let core = abbreviation_core(&toks[k].text);
            let t = &mut toks[k];
            let ends = match next_upper {
                None => true, // the paragraph's last word
                Some(upper) => {
                    if t.ellipsis {
                        upper
                    } else if core == "no" || core == "nos" {
                        !next_digit
                    } else if NEVER_END.contains(&core.as_str()) {
                        false
                    } else if MAYBE_END.contains(&core.as_str()) || is_dotted(&core) {
                        upper
                    } else {
                        !is_initial(&t.text)
                    }
                }
            };
            if !ends {
                t.brk = if t.ellipsis {
                    t.alt.max(Break::Comma)
                } else {
                    t.alt
                };
            }
        }
        if line_mode && toks[k].newline_after {
            toks[k].brk = Break::Sentence;
        }
    }
    // The paragraph ends a sentence, at its last token and its last spoken word.
    if let Some(last) = toks.last_mut() {
        last.brk = Break::Sentence;
    }
    if let Some(w) = toks.iter_mut().rev().find(|t| t.kind == WordKind::Spoken) {
        w.brk = Break::Sentence;
    }
}

/// Lowercase word without surrounding punctuation, keeping inner dots ("u.s", "e.g", "mr").
fn abbreviation_core(text: &str) -> String {
    text.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Letters separated by dots: "u.s", "d.c", "j.r.r".
fn is_dotted(core: &str) -> bool {
    core.contains('.')
        && core
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// A capital initial: "L." in "David L. Lawrence".
fn is_initial(text: &str) -> bool {
    let core = text.trim_matches(|c: char| !c.is_alphanumeric());
    let mut chars = core.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, WordKind, Break)> {
        let mut t = tokenize(text);
        finish_breaks(&mut t, false);
        t.into_iter().map(|t| (t.text, t.kind, t.brk)).collect()
    }

    #[test]
    fn breaks_and_abbreviations() {
        let w = words(
            "Mr. Okoro met Dr. Wu at St. Clair, e.g. near the U.S. embassy; it cost $13.60 — a lot... then J. K. left. Done?",
        );
        let br: Vec<Break> = w.iter().map(|x| x.2).collect();
        let texts: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts.len(), 23, "{texts:?}");
        let b = |word: &str| br[texts.iter().position(|t| *t == word).unwrap_or(0)];
        assert_eq!(b("Mr."), Break::None);
        assert_eq!(b("Dr."), Break::None);
        assert_eq!(b("Clair,"), Break::Comma);
        assert_eq!(b("e.g."), Break::None);
        assert_eq!(b("U.S."), Break::None);
        assert_eq!(b("embassy;"), Break::Clause);
        assert_eq!(b("$13.60"), Break::Clause); // from the lone dash
        assert_eq!(b("lot..."), Break::Comma);
        assert_eq!(b("J."), Break::None);
        assert_eq!(b("left."), Break::Sentence);
        assert_eq!(b("Done?"), Break::Sentence);
    }

    #[test]
    fn tags_and_insertions() {
        let w = words(
            "So, [to start] tell me. [Laughs] Fine [inaudible] ok [sic] (laughs) yes, [chant] sold.",
        );
        let kinds: Vec<(&str, WordKind)> = w.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert!(kinds.contains(&("[to start]", WordKind::Insertion)));
        assert!(kinds.contains(&("[Laughs]", WordKind::SoundTag)));
        assert!(kinds.contains(&("[inaudible]", WordKind::SoundTag)));
        assert!(kinds.contains(&("[sic]", WordKind::Insertion)));
        assert!(kinds.contains(&("(laughs)", WordKind::SoundTag)));
        assert!(kinds.contains(&("[chant]", WordKind::SoundTag)));
        assert_eq!(w.len(), 13);
    }

    #[test]
    fn norm_rules() {
        assert_eq!(normalize("Co-op’s,"), "co-op's");
        assert_eq!(normalize("“Hello!”"), "hello");
        assert_eq!(normalize("members’"), "members");
        assert_eq!(normalize("‘22"), "22");
        assert_eq!(normalize("&"), "&");
    }
}
