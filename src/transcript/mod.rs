//! Transcript: takes the text a user has (any of the supported styles), gives a [`Document`]:
//! turns > sentences > words, with syllable estimates, tags and chapter markers.

mod decode;
mod html;
mod language;
pub mod parse;
pub mod syllables;
mod tokens;

use serde::{Deserialize, Serialize};

pub use parse::{ParseOptions, parse};

/// What kind of token a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WordKind {
    /// A word expected to be heard in the audio.
    Spoken,
    /// A sound tag such as `[Laughs]`, `[inaudible]`, `[crosstalk]`: shown in captions, not spoken.
    SoundTag,
    /// An editorial insertion such as `[to start]`: written, not spoken.
    Insertion,
}

/// Punctuation that follows a word: how strong a boundary the text marks after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Break {
    /// No punctuation.
    None,
    /// A comma.
    Comma,
    /// A clause break: `;`, `:`, a dash, a closing parenthesis.
    Clause,
    /// The end of a sentence.
    Sentence,
}

/// One token of the transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    /// As written, with its attached punctuation (a tag keeps its brackets: `[Laughs]`).
    pub text: String,
    /// Lowercased, apostrophes unified, leading/trailing punctuation removed.
    pub norm: String,
    /// Spoken, sound tag or insertion.
    pub kind: WordKind,
    /// Estimated syllables when spoken (0 for tags and insertions).
    pub syllables: f32,
    /// The punctuation after this word.
    pub break_after: Break,
    /// Index of its sentence in [`Document::sentences`].
    pub sentence: usize,
    /// Index of its turn in [`Document::turns`].
    pub turn: usize,
    /// Index of its paragraph (counted across the document).
    pub paragraph: usize,
}

/// A sentence: a run of words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Its turn.
    pub turn: usize,
    /// Its paragraph.
    pub paragraph: usize,
    /// Word indices `[first, end)`.
    pub words: std::ops::Range<usize>,
}

/// A speaker turn: everything one speaker says before another takes over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// Index into [`Document::speakers`], or `None` in unlabelled transcripts.
    pub speaker: Option<usize>,
    /// Sentence indices `[first, end)`.
    pub sentences: std::ops::Range<usize>,
    /// Word indices `[first, end)`.
    pub words: std::ops::Range<usize>,
}

/// A `## Heading` chapter marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChapterMarker {
    /// The heading text.
    pub title: String,
    /// The first word under it.
    pub first_word: usize,
}

/// The parsed transcript.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Speaker labels as written (`PRIYA`, `Gordon Pike`), in order of first appearance.
    pub speakers: Vec<String>,
    /// Turns in order.
    pub turns: Vec<Turn>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Every token in order (spoken words, tags, insertions).
    pub words: Vec<Word>,
    /// Chapter markers from headings, in order.
    pub chapters: Vec<ChapterMarker>,
    /// The title (a `# Title` line or an article headline), when there is one.
    pub title: Option<String>,
    /// Language code guessed from the text or given (`en`, `fr`, ...).
    pub language: String,
    /// An unlabelled paragraph between the last turn and the page's trailer heading was taken
    /// for page text and left out ([`ParseOptions::keep_closing_paragraph`] keeps it).
    #[serde(default)]
    pub closing_paragraph_dropped: bool,
}

impl Word {
    /// The last character of the word as written once closing quotes and brackets are set
    /// aside: `?` for `work?"`, `.` for `(done.)`.
    pub fn final_mark(&self) -> Option<char> {
        self.text
            .trim_end_matches(['"', '\'', '’', '”', ')'])
            .chars()
            .next_back()
    }
}

/// Spoken words per full stop, question or exclamation mark above which a transcript counts
/// as unpunctuated: edited speech has one every 10-20 words, text exported from
/// auto-captions none.
const MAX_WORDS_PER_SENTENCE_END: usize = 100;
/// Mean spoken words per parsed sentence at or under which the text is set out in lines
/// (verse, a reading one line at a time), each line a sentence: not unpunctuated.
const MAX_WORDS_PER_LINE: usize = 10;

impl Document {
    /// Number of spoken words.
    pub fn spoken_words(&self) -> usize {
        self.words
            .iter()
            .filter(|w| w.kind == WordKind::Spoken)
            .count()
    }

    /// Whether the text has almost no sentence punctuation (under one full stop, question or
    /// exclamation mark per 100 spoken words, with 100 or more) and is not set out a line per
    /// sentence: the aligner's anchors are sentences, so its times are rougher.
    pub fn lacks_sentence_punctuation(&self) -> bool {
        let spoken = self.spoken_words();
        let ends = self
            .words
            .iter()
            .filter(|w| w.kind == WordKind::Spoken)
            .filter(|w| matches!(w.final_mark(), Some('.' | '?' | '!')))
            .count();
        spoken >= MAX_WORDS_PER_SENTENCE_END
            && ends * MAX_WORDS_PER_SENTENCE_END < spoken
            && spoken > MAX_WORDS_PER_LINE * self.sentences.len()
    }
}
