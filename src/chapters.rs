//! Chapters: takes the document and its alignment, gives chapters (from `## ` headings, or from
//! the episode's structure), first at 0, each with a short title.
//!
//! - Headings: one chapter per `## ` marker, at the first spoken word under it.
//! - Interviews and panels (two speakers or more): the host's turns that open a new topic,
//!   scored by question form and lexical novelty against the preceding turns, then the best set
//!   of them that keeps every chapter at least the minimum length.
//! - Monologues: TextTiling-style lexical cohesion over sentences, boundaries at sentence starts,
//!   favouring paragraph breaks and long pauses.
//!
//! [`read`] parses any chapter format podcue writes back into [`Chapter`]s.

pub mod read;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::align::Alignment;
use crate::transcript::{Document, WordKind};

/// One chapter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    /// Start, seconds.
    pub start: f64,
    /// End, seconds (the next chapter's start, or the episode's end). A chapter read from a
    /// format that does not store ends has `end == start` until [`fill_ends`] is called.
    pub end: f64,
    /// Short title.
    pub title: String,
}

impl Chapter {
    /// True when the chapter's end is known (after its start).
    pub fn has_end(&self) -> bool {
        self.end > self.start
    }
}

/// Chapter finding settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChapterConfig {
    /// Shortest chapter, seconds (the larger of this and 1/20 of the episode is used).
    pub min_chapter_s: f64,
}

impl Default for ChapterConfig {
    fn default() -> Self {
        ChapterConfig {
            min_chapter_s: 30.0,
        }
    }
}

/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 50;

/// Finds chapters for an episode of `duration` seconds.
pub fn find(
    doc: &Document,
    alignment: &Alignment,
    duration: f64,
    config: &ChapterConfig,
) -> Vec<Chapter> {
    let duration = if duration.is_finite() && duration > 0.0 {
        duration
    } else {
        alignment.words.iter().map(|w| w.end).fold(0.0, f64::max)
    };
    // Paragraphs the audio does not have neither open nor title a chapter: they are read as
    // unspoken, so a heading over one alone gives way to the next (a QA pass: a 2 s chapter
    // that YouTube's format then refused), and a host's turn opens where it is heard.
    let heard;
    let doc = if alignment.unheard.is_empty() {
        doc
    } else {
        let mut copy = doc.clone();
        let unheard = alignment.unheard_mask(copy.words.len());
        for (w, _) in copy.words.iter_mut().zip(unheard).filter(|(_, u)| *u) {
            w.kind = WordKind::Insertion;
        }
        heard = copy;
        &heard
    };
    let min_len = config.min_chapter_s.max(duration / 20.0).max(0.0);
    let starts: Vec<(f64, String)> = if !doc.chapters.is_empty() {
        from_headings(doc, alignment)
    } else if doc.speakers.len() >= 2 && doc.turns.len() >= 2 {
        from_interview(doc, alignment, duration, min_len)
    } else {
        from_cohesion(doc, alignment, duration, min_len)
    };
    let mut chapters = assemble(starts, duration);
    if chapters.len() == 1 {
        chapters[0].title = episode_title(doc);
    }
    chapters
}

/// Sets each chapter's end to the next chapter's start, and the last one's to `duration` when
/// it is unknown (or past the end).
pub fn fill_ends(chapters: &mut [Chapter], duration: Option<f64>) {
    let n = chapters.len();
    for i in 0..n {
        if i + 1 < n {
            chapters[i].end = chapters[i + 1].start;
        } else if let Some(d) = duration
            && (!chapters[i].has_end() || chapters[i].end > d)
            && d > chapters[i].start
        {
            chapters[i].end = d;
        }
    }
}

/// Builds the final list: sorted, first at 0, no duplicate starts, ends filled.
fn assemble(mut starts: Vec<(f64, String)>, duration: f64) -> Vec<Chapter> {
    starts.retain(|(s, _)| s.is_finite());
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<Chapter> = Vec::new();
    for (start, title) in starts {
        let start = start.max(0.0);
        match out.last_mut() {
            // Two markers on the same instant: keep the later title (the one with words under it).
            Some(last) if start - last.start < 0.001 => last.title = title,
            _ => out.push(Chapter {
                start,
                end: start,
                title,
            }),
        }
    }
    if out.is_empty() {
        out.push(Chapter {
            start: 0.0,
            end: duration,
            title: String::new(),
        });
    }
    out[0].start = 0.0;
    let last_start = out.last().map_or(0.0, |c| c.start);
    fill_ends(&mut out, Some(duration.max(last_start)));
    out
}

/// The episode's title: the document's, or its first sentence shortened.
fn episode_title(doc: &Document) -> String {
    if let Some(t) = doc
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return shorten(t);
    }
    doc.sentences
        .first()
        .map(|s| title_from_words(doc, s.words.clone()))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Episode".to_string())
}

fn from_headings(doc: &Document, alignment: &Alignment) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    let first_marker_word = doc.chapters.iter().map(|m| m.first_word).min().unwrap_or(0);
    // Spoken words before the first heading make an untitled opening: an introduction.
    if doc.words[..first_marker_word.min(doc.words.len())]
        .iter()
        .any(|w| w.kind == WordKind::Spoken)
    {
        out.push((0.0, "Introduction".to_string()));
    }
    for m in &doc.chapters {
        let start = first_spoken_from(doc, m.first_word)
            .and_then(|i| alignment.words.get(i))
            .map(|t| t.start);
        if let Some(start) = start {
            out.push((start, shorten(&m.title)));
        }
    }
    out
}

/// The spoken words of `doc.words[range]` (tags and insertions left out).
fn spoken(
    doc: &Document,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = &crate::transcript::Word> {
    doc.words[range]
        .iter()
        .filter(|w| w.kind == WordKind::Spoken)
}

fn first_spoken_from(doc: &Document, from: usize) -> Option<usize> {
    (from..doc.words.len()).find(|&i| doc.words[i].kind == WordKind::Spoken)
}

/// Function words that say nothing about a topic.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "actually",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "each",
    "even",
    "ever",
    "every",
    "few",
    "first",
    "for",
    "from",
    "get",
    "gets",
    "give",
    "go",
    "going",
    "good",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "he's",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "kind",
    "know",
    "let",
    "let's",
    "like",
    "little",
    "lot",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "need",
    "never",
    "new",
    "no",
    "not",
    "now",
    "of",
    "off",
    "oh",
    "ok",
    "okay",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "people",
    "pretty",
    "quite",
    "really",
    "right",
    "said",
    "same",
    "say",
    "see",
    "she",
    "she's",
    "should",
    "so",
    "some",
    "something",
    "still",
    "such",
    "sure",
    "take",
    "talk",
    "tell",
    "than",
    "thank",
    "thanks",
    "that",
    "that's",
    "the",
    "their",
    "them",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "through",
    "time",
    "to",
    "today",
    "too",
    "two",
    "under",
    "up",
    "us",
    "very",
    "want",
    "was",
    "way",
    "we",
    "we're",
    "well",
    "went",
    "were",
    "what",
    "what's",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yeah",
    "yes",
    "yet",
    "you",
    "you're",
    "your",
    "yours",
];

/// The content-word stem of a normalised word, or `None` for function words and short tokens.
fn content_stem(norm: &str) -> Option<String> {
    let w = norm.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    if w.chars().count() < 3 || STOPWORDS.contains(&w) || !w.chars().any(char::is_alphabetic) {
        return None;
    }
    let w = w.strip_suffix("'s").unwrap_or(w);
    // Crude plural/verb folding so "panels" meets "panel" and "crossing" meets "crossings".
    let mut s = w.to_string();
    for suf in ["ings", "ing", "ies", "es", "ed", "s"] {
        if s.len() > suf.len() + 3 && s.ends_with(suf) {
            s.truncate(s.len() - suf.len());
            break;
        }
    }
    Some(s)
}

fn content_words(doc: &Document, words: std::ops::Range<usize>) -> Vec<String> {
    doc.words[words.start.min(doc.words.len())..words.end.min(doc.words.len())]
        .iter()
        .filter(|w| w.kind == WordKind::Spoken)
        .filter_map(|w| content_stem(&w.norm))
        .collect()
}

fn turn_start(doc: &Document, alignment: &Alignment, t: usize) -> Option<f64> {
    let turn = doc.turns.get(t)?;
    let w = first_spoken_from(doc, turn.words.start).filter(|&w| w < turn.words.end)?;
    alignment.words.get(w).map(|x| x.start)
}

/// How many turns before a host turn count as "the preceding section".
const CONTEXT_TURNS: usize = 4;

/// A possible chapter start with its score.
#[derive(Debug, Clone)]
struct Candidate {
    start: f64,
    score: f64,
    /// Only a question may open the first topic before the minimum length.
    question: bool,
    title: String,
}

fn from_interview(
    doc: &Document,
    alignment: &Alignment,
    duration: f64,
    min_len: f64,
) -> Vec<(f64, String)> {
    let asks: Vec<bool> = (0..doc.turns.len())
        .map(|t| is_question_turn(doc, t))
        .collect();
    let host = interviewer(doc, &asks);
    // Host turns that take the floor back from a guest.
    let host_turns: Vec<usize> = (1..doc.turns.len())
        .filter(|&i| doc.turns[i].speaker == host && doc.turns[i - 1].speaker != host)
        .collect();
    let questions: Vec<usize> = host_turns.iter().copied().filter(|&i| asks[i]).collect();
    let mut cands = Vec::new();
    for &i in &host_turns {
        let Some(start) = turn_start(doc, alignment, i) else {
            continue;
        };
        // How long the topic runs: until the host's next question.
        let next_q = questions
            .iter()
            .find(|&&q| q > i)
            .and_then(|&q| turn_start(doc, alignment, q));
        let developed = next_q.unwrap_or(duration) - start;
        let first_question = questions.first() == Some(&i);
        let f = interview_features(doc, i, asks[i]);
        let mut score = f.score() + (developed / 20.0).min(1.5);
        if first_question {
            score += 2.0;
        }
        // A turn that goes on after a break opens its topic there ("Good luck, Dennis." ...
        // sponsor read ... "Welcome back. Our next caller is Anita.").
        let (start, title) = match after_break(doc, alignment, i) {
            Some((start, sentence)) => (start, sentence_title(doc, i, sentence)),
            None => (start, host_turn_title(doc, i)),
        };
        cands.push(Candidate {
            start,
            score,
            question: f.question,
            title,
        });
    }
    // A cold open (a guest's clip before the host's welcome) is a chapter of its own, and
    // the welcome opens the introduction, when each lasts YouTube's 10 s.
    let host_first = doc
        .turns
        .iter()
        .position(|t| t.speaker == host)
        .and_then(|t| turn_start(doc, alignment, t));
    // Or the host opens with a teaser of their own (a question from later on, and its
    // answer) and then welcomes the listener: the welcome opens the introduction.
    let welcome = (1..doc.turns.len().min(WELCOME_TURNS))
        .find(|&t| doc.turns[t].speaker == host && welcomes(doc, t))
        .and_then(|t| turn_start(doc, alignment, t));
    let intro_start = host_first
        .filter(|&t| t >= MIN_INTRO_S && doc.turns.first().is_some_and(|t| t.speaker != host))
        .or(welcome.filter(|&t| t >= MIN_INTRO_S && t < duration / 4.0))
        .unwrap_or(0.0);
    cands.retain(|c| c.start > intro_start);
    // The welcome and introductions before the first topic question are a chapter of their
    // own however short (podcast apps and the corpus truth both show it), down to YouTube's 10 s.
    let chosen = select(
        &cands,
        intro_start,
        duration,
        min_len,
        MIN_INTRO_S.min(min_len),
        INTERVIEW_THRESHOLD,
    );
    let mut out = if intro_start > 0.0 {
        vec![(0.0, "Cold open".to_string())]
    } else {
        Vec::new()
    };
    out.push((intro_start, "Introduction".to_string()));
    out.extend(chosen.into_iter().map(|c| (c.start, c.title)));
    out
}

/// How many turns from the start a host's welcome after a teaser may come.
const WELCOME_TURNS: usize = 6;

/// Whether turn `t` welcomes the listener to the show: "Welcome to ...", "You're listening
/// to ...", or a sentence that opens "This is" and a name ("This is Outside In, I'm ...").
fn welcomes(doc: &Document, t: usize) -> bool {
    let turn = &doc.turns[t];
    let lower: Vec<String> = spoken(doc, turn.words.clone())
        .map(|w| w.text.to_lowercase())
        .collect();
    let phrase = |a: &str, b: &str| lower.windows(2).any(|p| p[0] == a && p[1] == b);
    let opens_this_is_name = doc.sentences[turn.sentences.clone()].iter().any(|sentence| {
        let mut words = spoken(doc, sentence.words.clone()).map(|w| w.text.as_str());
        matches!((words.next(), words.next(), words.next()), (Some(this), Some("is"), Some(name))
            if this.eq_ignore_ascii_case("this")
                && name.chars().next().is_some_and(char::is_uppercase))
    });
    phrase("welcome", "to")
        || phrase("you're", "listening")
        || phrase("you’re", "listening")
        || opens_this_is_name
}

/// Audio skipped between two paragraphs of a turn that makes the second a new segment,
/// seconds (a sponsor read or a music break; a filler or a cough is shorter).
const BREAK_S: f64 = 5.0;

/// Where turn `t` goes on after a break: the start of its last paragraph that follows at
/// least [`BREAK_S`] of skipped audio, with that paragraph's first sentence. A transcript
/// writes the host's label again after a sponsor read, and the two paragraphs join one turn.
fn after_break(doc: &Document, alignment: &Alignment, t: usize) -> Option<(f64, usize)> {
    // Where sentence `k`'s spoken words start and end.
    let span = |k: usize| {
        let range = doc.sentences.get(k)?.words.clone();
        let is_spoken = |&w: &usize| doc.words[w].kind == WordKind::Spoken;
        let first = range.clone().find(is_spoken)?;
        let last = range.rev().find(is_spoken)?;
        Some((
            alignment.words.get(first)?.start,
            alignment.words.get(last)?.end,
        ))
    };
    doc.turns[t].sentences.clone().skip(1).rev().find_map(|k| {
        if doc.sentences[k].paragraph == doc.sentences[k - 1].paragraph {
            return None;
        }
        let ((_, before), (start, _)) = (span(k - 1)?, span(k)?);
        alignment
            .skipped
            .iter()
            .any(|s| s.len() >= BREAK_S && s.start >= before - 0.5 && s.end <= start + 0.5)
            .then_some((start, k))
    })
}

/// Title of a chapter opened at sentence `k` of turn `t`: that sentence, or the first after it
/// in its paragraph with three words or more ("Welcome back." says nothing of the topic).
fn sentence_title(doc: &Document, t: usize, k: usize) -> String {
    let paragraph = doc.sentences[k].paragraph;
    let titled = (k..doc.turns[t].sentences.end)
        .take_while(|&j| doc.sentences[j].paragraph == paragraph)
        .find(|&j| spoken(doc, doc.sentences[j].words.clone()).count() >= MIN_TOPIC_QUESTION_WORDS)
        .unwrap_or(k);
    title_from_words(doc, doc.sentences[titled].words.clone())
}

/// The host: the speaker whose turns ask the most questions (`asks[t]`: turn `t` asks), the
/// first to speak among equals. Not simply the first speaker: a cold open starts with the
/// guest's best anecdote.
fn interviewer(doc: &Document, asks: &[bool]) -> Option<usize> {
    let first = doc.turns.iter().find_map(|t| t.speaker)?;
    let mut asked = vec![0usize; doc.speakers.len()];
    for (turn, &asks) in doc.turns.iter().zip(asks) {
        if let Some(k) = turn.speaker
            && k < asked.len()
            && asks
        {
            asked[k] += 1;
        }
    }
    // Strictly more than the first speaker, or the first speaker stays host.
    let best = (0..asked.len()).max_by_key(|&k| (asked[k], k == first))?;
    Some(if asked[best] > asked.get(first).copied().unwrap_or(0) {
        best
    } else {
        first
    })
}

/// Shortest opening (introduction) chapter of an interview, seconds.
pub const MIN_INTRO_S: f64 = 10.0;

/// Scores at or below this never start a chapter; above it, the excess is what a chapter is
/// worth when choosing among candidates too close together.
const INTERVIEW_THRESHOLD: f64 = 2.6;

/// Spoken words a question needs to open a topic: "Days?" or "Not once?" echoes the answer
/// and asks for more of it (a held-out interview put its first chapter on "Days?").
const MIN_TOPIC_QUESTION_WORDS: usize = 3;

/// Requests that ask as a question does ("So tell me how it works."): hosts open topics with
/// them as often as with a question mark.
const PROMPTS: &[&str] = &[
    "tell me ",
    "tell us ",
    "walk me through ",
    "walk us through ",
    "talk me through ",
    "talk us through ",
    "take me through ",
    "take us through ",
    "describe ",
    "explain ",
];

/// True when host turn `t` asks something that can open a topic: a sentence ending in a
/// question mark, or one opening with a request ([`PROMPTS`]), and more than an echo.
fn is_question_turn(doc: &Document, t: usize) -> bool {
    let turn = &doc.turns[t];
    if spoken(doc, turn.words.clone()).count() < MIN_TOPIC_QUESTION_WORDS {
        return false;
    }
    turn.sentences.clone().any(|k| {
        let words: Vec<_> = spoken(doc, doc.sentences[k].words.clone()).collect();
        let asks = words.iter().any(|w| w.final_mark() == Some('?'));
        // The request after the lead-ins ("So, now, tell me ...").
        let lead = words
            .iter()
            .take_while(|w| LEAD_INS.contains(&w.norm.as_str()))
            .count();
        let opening = words[lead..]
            .iter()
            .take(3)
            .map(|w| format!("{} ", w.norm))
            .collect::<String>();
        asks || PROMPTS.iter().any(|p| opening.starts_with(p))
    })
}

/// What the words of a host turn say about it opening a topic.
#[derive(Debug)]
struct TurnFeatures {
    /// It asks something.
    question: bool,
    /// Distinct content words not heard in the preceding turns.
    novel: usize,
    /// Share of the reply's content words that are new.
    answer_novelty: f64,
    /// Opens with "and"/"but"/"or": a follow-up.
    follow_up: bool,
    /// Names a guest first ("Samuel, ..."): handing a new subject to someone.
    vocative: bool,
    /// "Let's talk about", "let's start with", "moving on", ...
    topic_phrase: bool,
    /// "Thank you", "before we wrap up", "any last word": the episode is closing.
    closing: bool,
}

impl TurnFeatures {
    fn score(&self) -> f64 {
        let mut s = (self.novel.min(3) as f64) * 0.4 + self.answer_novelty * 1.5;
        if self.question {
            s += 1.0;
        }
        if self.follow_up {
            s -= 1.5;
        }
        if self.vocative {
            s += 0.75;
        }
        if self.topic_phrase {
            s += 1.0;
        }
        if self.closing {
            s -= 2.0;
        }
        s
    }
}

fn interview_features(doc: &Document, t: usize, question: bool) -> TurnFeatures {
    let turn = &doc.turns[t];
    let ctx_from = t.saturating_sub(CONTEXT_TURNS);
    let context: HashSet<String> = (ctx_from..t)
        .flat_map(|k| content_words(doc, doc.turns[k].words.clone()))
        .collect();
    let own: HashSet<String> = content_words(doc, turn.words.clone()).into_iter().collect();
    let novel = own.iter().filter(|w| !context.contains(*w)).count();
    // The answer that follows: a new topic brings new words into it too.
    let answer: Vec<String> = doc
        .turns
        .get(t + 1)
        .map(|a| content_words(doc, a.words.clone()))
        .unwrap_or_default();
    let answer_novelty = if answer.is_empty() {
        0.0
    } else {
        let fresh = answer
            .iter()
            .filter(|w| !context.contains(*w) && !own.contains(*w))
            .count();
        fresh as f64 / answer.len() as f64
    };
    let spoken: Vec<&str> = doc.words[turn.words.clone()]
        .iter()
        .filter(|w| w.kind == WordKind::Spoken)
        .map(|w| w.norm.as_str())
        .collect();
    let text = format!(" {} ", spoken.join(" "));
    let first_text = doc.words[turn.words.clone()]
        .iter()
        .find(|w| w.kind == WordKind::Spoken)
        .map(|w| w.text.as_str());
    let vocative = first_text.is_some_and(|w| {
        w.ends_with(',')
            && doc.speakers.iter().enumerate().any(|(k, name)| {
                Some(k) != turn.speaker
                    && name
                        .split_whitespace()
                        .any(|p| p.eq_ignore_ascii_case(w.trim_end_matches(',')))
            })
    });
    let has = |phrases: &[&str]| phrases.iter().any(|p| text.contains(p));
    TurnFeatures {
        question,
        novel,
        answer_novelty,
        follow_up: matches!(spoken.first().copied(), Some("and" | "but" | "or")),
        vocative,
        topic_phrase: has(&[
            " let's talk ",
            " let's start ",
            " let's turn ",
            " let's move ",
            " moving on ",
            " turn to ",
            " switch gears ",
            " change the subject ",
        ]),
        closing: has(&[
            " thank you ",
            " thanks for ",
            " wrap up ",
            " last word ",
            " that's all ",
            " until next time ",
            " before we go ",
            " final question ",
        ]),
    }
}

/// The best-scoring set of candidates above `threshold` such that every chapter (including
/// the last, to `duration`) is at least `min_len` long; the first (from `origin`) at least
/// `first_min`.
fn select(
    cands: &[Candidate],
    origin: f64,
    duration: f64,
    min_len: f64,
    first_min: f64,
    threshold: f64,
) -> Vec<Candidate> {
    let mut c: Vec<&Candidate> = cands
        .iter()
        .filter(|c| c.score > threshold && duration - c.start >= min_len)
        .filter(|c| c.start - origin >= min_len || (c.question && c.start - origin >= first_min))
        .collect();
    c.sort_by(|a, b| a.start.total_cmp(&b.start));
    // best[i]: best total of a chain ending with c[i]; prev[i]: the one before it.
    let mut best = vec![0.0; c.len()];
    let mut prev: Vec<Option<usize>> = vec![None; c.len()];
    for i in 0..c.len() {
        best[i] = c[i].score - threshold;
        for j in 0..i {
            if c[i].start - c[j].start >= min_len && best[j] + c[i].score - threshold > best[i] {
                best[i] = best[j] + c[i].score - threshold;
                prev[i] = Some(j);
            }
        }
    }
    let Some(mut i) = (0..c.len()).max_by(|&a, &b| best[a].total_cmp(&best[b])) else {
        return Vec::new();
    };
    let mut chain = vec![c[i].clone()];
    while let Some(j) = prev[i] {
        chain.push(c[j].clone());
        i = j;
    }
    chain.reverse();
    chain
}

/// Title of a chapter opened by host turn `t`: its question (or first sentence), shortened.
fn host_turn_title(doc: &Document, t: usize) -> String {
    let turn = &doc.turns[t];
    // Sentences that say something: "So, Ida." (a lead-in and a name) does not.
    let says_something = |k: usize| {
        spoken(doc, doc.sentences[k].words.clone())
            .filter(|w| !LEAD_INS.contains(&w.norm.as_str()))
            .filter(|w| {
                !doc.speakers.iter().any(|name| {
                    name.split_whitespace()
                        .any(|part| part.eq_ignore_ascii_case(&w.norm))
                })
            })
            .count()
            >= MIN_TOPIC_QUESTION_WORDS
    };
    let all: Vec<usize> = turn.sentences.clone().collect();
    let telling: Vec<usize> = all.iter().copied().filter(|&k| says_something(k)).collect();
    let sentences = if telling.is_empty() { all } else { telling };
    let is_question = |s: usize| {
        doc.sentences.get(s).is_some_and(|se| {
            doc.words[se.words.clone()]
                .iter()
                .rev()
                .find(|w| w.kind == WordKind::Spoken)
                .is_some_and(|w| w.text.contains('?'))
        })
    };
    // A leading statement ("Let's talk about money.") usually names the topic better than the
    // question after it; a bare question is the topic itself.
    let pick = if sentences.len() > 1 && !is_question(sentences[0]) {
        sentences[0]
    } else {
        sentences
            .iter()
            .copied()
            .find(|&s| is_question(s))
            .or(sentences.first().copied())
            .unwrap_or(0)
    };
    doc.sentences
        .get(pick)
        .map(|s| title_from_words(doc, s.words.clone()))
        .unwrap_or_default()
}

/// Words that open a sentence without carrying its topic.
const LEAD_INS: &[&str] = &[
    "so", "and", "but", "well", "now", "okay", "ok", "right", "alright", "then",
];

/// A title from a sentence's words: lead-ins and a leading vocative dropped, shortened.
fn title_from_words(doc: &Document, range: std::ops::Range<usize>) -> String {
    let words: Vec<&crate::transcript::Word> = doc.words
        [range.start.min(doc.words.len())..range.end.min(doc.words.len())]
        .iter()
        .filter(|w| w.kind == WordKind::Spoken)
        .collect();
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let bare = w.text.trim_end_matches([',', ';', ':']);
        let comma = bare.len() != w.text.len();
        let is_name = doc.speakers.iter().any(|s| {
            s.split_whitespace().any(|part| {
                part.eq_ignore_ascii_case(bare.trim_matches(|c: char| !c.is_alphanumeric()))
            })
        });
        // Skip lead-ins ("So,") and the guest's name ("Samuel,") before the salient words.
        if (LEAD_INS.contains(&w.norm.as_str()) || (is_name && comma)) && i + 1 < words.len() {
            i += 1;
        } else {
            break;
        }
    }
    let text: Vec<&str> = words[i.min(words.len())..]
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    let mut title = shorten(&text.join(" "));
    if let Some(first) = title.chars().next()
        && first.is_lowercase()
    {
        title = first.to_uppercase().collect::<String>() + &title[first.len_utf8()..];
    }
    title
}

/// At most [`MAX_TITLE_CHARS`] characters, cut at a word boundary, without trailing punctuation.
pub fn shorten(text: &str) -> String {
    let clean: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let trim = |s: &str| trim_dangling(s).to_string();
    if clean.chars().count() <= MAX_TITLE_CHARS {
        return trim(&clean);
    }
    let mut out = String::new();
    for word in clean.split(' ') {
        let candidate_len =
            out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if candidate_len > MAX_TITLE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One giant word: cut at a character boundary rather than give nothing.
        out = clean.chars().take(MAX_TITLE_CHARS).collect();
    }
    // A cut title should not end on a dangling function word ("... of the").
    let mut words: Vec<&str> = out.split(' ').collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            STOPWORDS.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        })
    {
        words.pop();
    }
    trim(&words.join(" "))
}

/// `s` without the punctuation a title does not end on: a sentence's or clause's end
/// (`.`, `,`, `?`, a dash), and an opening bracket or quote left by a cut. What belongs to the
/// last word stays: `50%`, `C++`, `C#`, `<more>`, `[live]`, a closing quote, an emoji (a QA pass:
/// every character but a letter, a digit, `)` and an apostrophe was cut, so a heading
/// `## Why C++` became "Why C").
fn trim_dangling(s: &str) -> &str {
    let mut t = s;
    loop {
        let Some(c) = t.chars().next_back() else {
            return t;
        };
        let dangling = c.is_whitespace()
            || matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '¿'
                    | '¡'
                    | '…'
                    | '-'
                    | '–'
                    | '—'
                    | '/'
                    | '|'
                    | '('
                    | '['
                    | '{'
                    | '“'
                    | '‘'
                    | '«'
                    | '„'
            )
            // A straight quote closes one only when the title has an even number of them.
            || (c == '"' && t.matches('"').count() % 2 == 1);
        if !dangling {
            return t;
        }
        t = &t[..t.len() - c.len_utf8()];
    }
}

/// Sentences per block on each side of a gap (TextTiling's block size).
const TILE_BLOCK: usize = 4;
/// Depth (drop in cohesion) a monologue boundary needs.
const COHESION_THRESHOLD: f64 = 0.35;

fn from_cohesion(
    doc: &Document,
    alignment: &Alignment,
    duration: f64,
    min_len: f64,
) -> Vec<(f64, String)> {
    let n = doc.sentences.len();
    let mut out = vec![(0.0, String::new())];
    if n < 2 * TILE_BLOCK {
        return out;
    }
    let bags: Vec<Vec<String>> = doc
        .sentences
        .iter()
        .map(|s| content_words(doc, s.words.clone()))
        .collect();
    // Similarity across the gap before sentence g (g in 1..n).
    let sim: Vec<f64> = (1..n)
        .map(|g| {
            let left = &bags[g.saturating_sub(TILE_BLOCK)..g];
            let right = &bags[g..(g + TILE_BLOCK).min(n)];
            cosine(left, right)
        })
        .collect();
    let mut cands = Vec::new();
    for (k, &s) in sim.iter().enumerate() {
        let g = k + 1;
        // Depth: how far the similarity dips below the peaks on either side.
        let lpeak = climb(s, sim[..k].iter().rev());
        let rpeak = climb(s, sim[k + 1..].iter());
        let depth = (lpeak - s) + (rpeak - s);
        let Some(start) = alignment.sentences.get(g).map(|t| t.start) else {
            continue;
        };
        let pause = alignment
            .sentences
            .get(g - 1)
            .map_or(0.0, |p| (start - p.end).max(0.0));
        let para = doc.sentences[g].paragraph != doc.sentences[g - 1].paragraph;
        let score = depth + if para { 0.15 } else { 0.0 } + (pause.min(2.0) * 0.1);
        let title = title_from_words(doc, doc.sentences[g].words.clone());
        cands.push(Candidate {
            start,
            score,
            question: false,
            title,
        });
    }
    let chosen = select(&cands, 0.0, duration, min_len, min_len, COHESION_THRESHOLD);
    if !chosen.is_empty() {
        out[0].1 = title_from_words(doc, doc.sentences[0].words.clone());
    }
    out.extend(chosen.into_iter().map(|c| (c.start, c.title)));
    out
}

/// The peak reached by walking from `s` while the values keep rising.
fn climb<'a>(s: f64, values: impl Iterator<Item = &'a f64>) -> f64 {
    let mut m = s;
    for &x in values {
        if x < m {
            break;
        }
        m = x;
    }
    m
}

fn cosine(left: &[Vec<String>], right: &[Vec<String>]) -> f64 {
    use std::collections::HashMap;
    fn count(bags: &[Vec<String>]) -> HashMap<&str, f64> {
        let mut m: HashMap<&str, f64> = HashMap::new();
        for w in bags.iter().flatten() {
            *m.entry(w.as_str()).or_default() += 1.0;
        }
        m
    }
    let (a, b) = (count(left), count(right));
    let dot: f64 = a.iter().filter_map(|(k, v)| b.get(k).map(|u| u * v)).sum();
    let na: f64 = a.values().map(|v| v * v).sum::<f64>().sqrt();
    let nb: f64 = b.values().map(|v| v * v).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}
