//! Language guess from the words of a transcript: the script first (CJK, Thai, Cyrillic,
//! ...), then a stopword count for en/fr/es/de/it/pt/nl. English when unsure.

const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "it", "you", "was", "for", "with", "this",
            "are", "have", "not", "but", "what", "we", "they", "i", "my", "be", "at", "on",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "est", "une", "des", "du", "je", "pour", "pas", "que", "qui",
            "dans", "ce", "sur", "au", "avec", "sont", "nous", "vous", "mais", "cette", "à",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "es", "que", "un", "una", "por", "con", "para", "se", "muy",
            "del", "lo", "pero", "como", "está", "yo", "su", "al", "más", "también",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "ich", "mit", "ein", "eine", "zu", "den",
            "es", "auf", "für", "sie", "auch", "wir", "sich", "dem", "von", "war", "aber", "wie",
        ],
    ),
    (
        "it",
        &[
            "il", "che", "di", "è", "non", "per", "un", "una", "sono", "con", "del", "della",
            "gli", "mi", "ma", "questo", "anche", "come", "ci", "lo", "io", "si", "nel", "alla",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "e", "é", "que", "de", "não", "um", "uma", "para", "com", "do", "da", "em",
            "se", "por", "mas", "eu", "você", "muito", "isso", "está", "ao", "das",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "is", "niet", "van", "ik", "dat", "die", "te", "op", "voor",
            "met", "zijn", "maar", "ook", "wij", "je", "er", "naar", "om", "dit", "wat",
        ],
    ),
];

/// Guesses the language code of the given words (normalised, lowercase).
pub(crate) fn guess<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut scores = [0usize; 7];
    let mut cjk = 0usize;
    let mut kana = 0usize;
    let mut hangul = 0usize;
    let mut thai = 0usize;
    let mut cyrillic = 0usize;
    let mut arabic = 0usize;
    let mut hebrew = 0usize;
    let mut greek = 0usize;
    let mut latin = 0usize;
    for w in words.take(20_000) {
        for c in w.chars() {
            match c as u32 {
                0x3040..=0x30FF => kana += 1,
                0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => cjk += 1,
                0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
                0x0E00..=0x0E7F => thai += 1,
                0x0400..=0x04FF => cyrillic += 1,
                0x0600..=0x06FF => arabic += 1,
                0x0590..=0x05FF => hebrew += 1,
                0x0370..=0x03FF => greek += 1,
                _ if c.is_alphabetic() => latin += 1,
                _ => {}
            }
        }
        for (i, (_, list)) in STOPWORDS.iter().enumerate() {
            if list.contains(&w) {
                scores[i] += 1;
            }
        }
    }
    let scripts = [
        (kana + cjk / 4, if kana > 0 { "ja" } else { "zh" }),
        (cjk, "zh"),
        (hangul, "ko"),
        (thai, "th"),
        (cyrillic, "ru"),
        (arabic, "ar"),
        (hebrew, "he"),
        (greek, "el"),
    ];
    if let Some(&(n, code)) = scripts.iter().max_by_key(|(n, _)| *n)
        && n > latin
    {
        return code.to_owned();
    }
    // English unless another language clearly wins: short texts share many small words.
    let best = (1..scores.len()).max_by_key(|&i| scores[i]);
    match best {
        Some(i) if scores[i] >= 2 && scores[i] * 2 > scores[0] * 3 => STOPWORDS[i].0.to_owned(),
        _ => "en".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str) -> String {
        guess(text.split_whitespace())
    }

    #[test]
    fn guesses_common_languages() {
        assert_eq!(g("the boat was late and we waited for it"), "en");
        assert_eq!(
            g("je suis sur le quai et la mer est calme pour une fois"),
            "fr"
        );
        assert_eq!(
            g("el barco llegó tarde y no hay nadie en el muelle pero está bien"),
            "es"
        );
        assert_eq!(
            g("der zug ist nicht pünktlich und ich warte auf den nächsten"),
            "de"
        );
        assert_eq!(
            g("il treno non è arrivato e io sono qui con gli amici"),
            "it"
        );
        assert_eq!(g("o barco não chegou e eu estou com muito frio"), "pt");
        assert_eq!(
            g("de trein is niet op tijd en ik wacht op het perron"),
            "nl"
        );
        assert_eq!(g("今日は 天気が いいです"), "ja");
        assert_eq!(g("今天天气很好"), "zh");
        assert_eq!(g("오늘 날씨가 좋아요"), "ko");
        assert_eq!(g("สวัสดี ครับ"), "th");
        assert_eq!(g("12 34"), "en");
        assert_eq!(g("yes quite no never no no"), "en");
    }
}
