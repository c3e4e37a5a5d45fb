//! Chapters: finding (on documents built from the corpus truth), writers (snapshots) and the
//! reader (round trips through every format).

use std::path::{Path, PathBuf};

use podcue::align::{Alignment, Timed};
use podcue::chapters::{self, Chapter, ChapterConfig};
use podcue::transcript::{Break, Document, Sentence, Turn, Word, WordKind};
use podcue::write::{chapters_json, chapters_vtt, ffmetadata, podlove, youtube};

fn sample() -> Vec<Chapter> {
    vec![
        Chapter {
            start: 0.0,
            end: 52.353,
            title: "Introductions".into(),
        },
        Chapter {
            start: 52.353,
            end: 99.7544,
            title: "How the co-op started: \"a potluck\" & more".into(),
        },
        Chapter {
            start: 99.7544,
            end: 3725.5,
            title: "Money = trust; #1 \\ rule\nsecond line".into(),
        },
        Chapter {
            start: 3725.5,
            end: 3900.0,
            title: "Ünïcode – <advice> for 'towns'".into(),
        },
    ]
}

fn render(f: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> String {
    let mut buf = Vec::new();
    f(&mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

#[test]
fn writers_snapshots() {
    let ch = sample();
    insta::assert_snapshot!("json", render(|w| chapters_json::write(&ch, w)));
    insta::assert_snapshot!("vtt", render(|w| chapters_vtt::write(&ch, w)));
    insta::assert_snapshot!(
        "ffmetadata",
        render(|w| ffmetadata::write(&ch, Some("Prairie Current #12"), w))
    );
    insta::assert_snapshot!("youtube", render(|w| youtube::write(&ch, w)));
    insta::assert_snapshot!("podlove", render(|w| podlove::write(&ch, w)));
}

#[test]
fn youtube_rules_are_reported() {
    let mut ch = sample();
    ch.truncate(2);
    let e = youtube::check(&ch).unwrap_err();
    assert!(e.contains("at least 3"), "{e}");
    let mut ch = sample();
    ch[1].start = 5.0;
    ch[0].end = 5.0;
    let e = youtube::check(&ch).unwrap_err();
    assert!(
        e.contains("at least 10 s") && e.contains("chapter 1"),
        "{e}"
    );
    let mut ch = sample();
    ch[0].start = 2.0;
    assert!(youtube::check(&ch).unwrap_err().contains("0:00"));
    assert!(youtube::check(&sample()).is_ok());
}

#[test]
fn reader_round_trips_every_format() {
    let ch = sample();
    let cases: Vec<(&str, String)> = vec![
        ("ep.chapters.json", render(|w| chapters_json::write(&ch, w))),
        ("ep.chapters.vtt", render(|w| chapters_vtt::write(&ch, w))),
        ("ep.ffmetadata", render(|w| ffmetadata::write(&ch, None, w))),
        ("ep.youtube.txt", render(|w| youtube::write(&ch, w))),
        ("ep.psc.xml", render(|w| podlove::write(&ch, w))),
    ];
    for (name, text) in cases {
        let back = chapters::read::parse(text.as_bytes(), Path::new(name)).unwrap();
        assert_eq!(back.len(), ch.len(), "{name}");
        let whole_seconds = name.ends_with("youtube.txt");
        for (a, b) in ch.iter().zip(&back) {
            let tol = if whole_seconds { 1.0 } else { 0.0006 };
            assert!(
                (a.start - b.start).abs() < tol,
                "{name}: {} vs {}",
                a.start,
                b.start
            );
            let title = if name.ends_with(".vtt") || whole_seconds || name.ends_with(".xml") {
                a.title.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                a.title.clone()
            };
            assert_eq!(title, b.title, "{name}");
        }
        // Ends: exact where the format stores them, the next start otherwise.
        for w in back.windows(2) {
            assert!((w[0].end - w[1].start).abs() < 1.0, "{name}");
        }
        if !(whole_seconds || name.ends_with(".xml")) {
            assert!((back[3].end - 3900.0).abs() < 0.001, "{name}");
        } else {
            assert!(!back[3].has_end(), "{name}");
        }
    }
}

#[test]
fn reader_errors_name_the_line() {
    let bad_vtt = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:xx.000\nIntro\n";
    let e = chapters::read::parse(bad_vtt.as_bytes(), Path::new("a.vtt"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 4"), "{e}");
    let bad_json = "{\"version\": \"1.2.0\",\n \"chapters\": [\n {\"startTime\": }]}";
    let e = chapters::read::parse(bad_json.as_bytes(), Path::new("a.json"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 3"), "{e}");
    let e = chapters::read::parse(b"{\"chapters\": [{\"title\": \"x\"}]}", Path::new("a.json"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("startTime"), "{e}");
    let bad_ff = ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=abc\nEND=5\n";
    let e = chapters::read::parse(bad_ff.as_bytes(), Path::new("a.ffmetadata"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 4"), "{e}");
    let e = chapters::read::parse(b"hello\n1:75 Oops\n", Path::new("a.txt"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 2"), "{e}");
    let e = chapters::read::parse(b"\xff\xfe", Path::new("a.txt"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("UTF-8"), "{e}");
    assert!(chapters::read::parse(b"", Path::new("a.json")).is_err());
}

#[test]
fn youtube_reader_skips_description_text() {
    let text = "My episode notes.\n\n00:00 - Intro\n1:05 Second part\n(1:01:02) Late\nthanks for watching\n";
    let ch = chapters::read::parse(text.as_bytes(), Path::new("desc.txt")).unwrap();
    let got: Vec<(f64, &str)> = ch.iter().map(|c| (c.start, c.title.as_str())).collect();
    assert_eq!(
        got,
        vec![(0.0, "Intro"), (65.0, "Second part"), (3662.0, "Late")]
    );
}

// ---- finding chapters on the corpus truth ----

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

fn break_of(text: &str) -> Break {
    let t = text.trim_end_matches(['"', '\'', '’', '”', ')']);
    match t.chars().last() {
        Some('.' | '?' | '!') => Break::Sentence,
        Some(';' | ':' | '—' | '–') => Break::Clause,
        Some(',') => Break::Comma,
        _ => Break::None,
    }
}

/// A document and an exact alignment from a corpus truth file (no parser, no audio needed).
fn from_truth(v: &serde_json::Value, keep_headings: bool) -> (Document, Alignment, f64) {
    let mut doc = Document {
        language: "en".into(),
        ..Default::default()
    };
    let mut al = Alignment::default();
    for t in v["turns"].as_array().unwrap() {
        let name = t["speaker"].as_str().unwrap().to_string();
        let idx = doc
            .speakers
            .iter()
            .position(|s| *s == name)
            .unwrap_or_else(|| {
                doc.speakers.push(name);
                doc.speakers.len() - 1
            });
        doc.turns.push(Turn {
            speaker: Some(idx),
            sentences: 0..0,
            words: 0..0,
        });
        al.turns.push(Timed {
            start: t["start"].as_f64().unwrap(),
            end: t["end"].as_f64().unwrap(),
            confidence: 1.0,
        });
    }
    let sentences = v["sentences"].as_array().unwrap();
    for (k, s) in sentences.iter().enumerate() {
        let turn = s["turn"].as_u64().unwrap() as usize;
        doc.sentences.push(Sentence {
            turn,
            paragraph: s["paragraph"].as_u64().unwrap() as usize,
            words: 0..0,
        });
        al.sentences.push(Timed {
            start: s["start"].as_f64().unwrap(),
            end: s["end"].as_f64().unwrap(),
            confidence: 1.0,
        });
        let _ = k;
    }
    for w in v["words"].as_array().unwrap() {
        let (turn, sentence) = (
            w["turn"].as_u64().unwrap() as usize,
            w["sentence"].as_u64().unwrap() as usize,
        );
        let text = w["text"].as_str().unwrap().to_string();
        let i = doc.words.len();
        doc.words.push(Word {
            norm: w["norm"].as_str().unwrap().to_string(),
            break_after: break_of(&text),
            text,
            kind: WordKind::Spoken,
            syllables: 1.0,
            sentence,
            turn,
            paragraph: doc.sentences[sentence].paragraph,
        });
        al.words.push(Timed {
            start: w["start"].as_f64().unwrap(),
            end: w["end"].as_f64().unwrap(),
            confidence: 1.0,
        });
        let s = &mut doc.sentences[sentence];
        if s.words.is_empty() {
            s.words = i..i + 1;
        } else {
            s.words.end = i + 1;
        }
    }
    for (k, s) in doc.sentences.iter().enumerate() {
        let t = &mut doc.turns[s.turn];
        if t.words.is_empty() && t.sentences.is_empty() {
            t.sentences = k..k + 1;
            t.words = s.words.clone();
        } else {
            t.sentences.end = k + 1;
            t.words.end = s.words.end;
        }
    }
    let truth_ch = v["chapters"].as_array().unwrap();
    if keep_headings && truth_ch.len() > 1 && doc.turns.len() == 1 {
        for c in truth_ch {
            let start = c["start"].as_f64().unwrap();
            let first_word = al
                .words
                .iter()
                .position(|w| w.start >= start - 0.001)
                .unwrap_or(0);
            doc.chapters.push(podcue::transcript::ChapterMarker {
                title: c["title"].as_str().unwrap().into(),
                first_word,
            });
        }
    }
    if truth_ch.len() == 1 {
        doc.title = truth_ch[0]["title"].as_str().map(String::from);
    }
    (doc, al, v["duration"].as_f64().unwrap())
}

#[test]
fn corpus_truth_chapter_rule() {
    let Some(dir) = corpus_dir() else {
        eprintln!("note: ../shared/corpus absent, corpus chapter test skipped");
        return;
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".truth.json"))
        .collect();
    entries.sort();
    let (mut n_truth, mut n_found, mut n_pred, mut n_pred_ok) = (0usize, 0usize, 0usize, 0usize);
    let (mut iv_truth, mut iv_found, mut iv_pred) = (0usize, 0usize, 0usize);
    for path in entries {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let (doc, al, duration) = from_truth(&v, true);
        let found = chapters::find(&doc, &al, duration, &ChapterConfig::default());
        let truth: Vec<f64> = v["chapters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["start"].as_f64().unwrap())
            .collect();
        let near = |x: f64, set: &[f64], tol: f64| set.iter().any(|t| (t - x).abs() <= tol);
        let starts: Vec<f64> = found.iter().map(|c| c.start).collect();
        let hits = truth.iter().filter(|t| near(**t, &starts, 2.0)).count();
        let ok = starts.iter().filter(|s| near(**s, &truth, 2.0)).count();
        eprintln!(
            "{}: truth {} pred {} truth-found {} pred-ok {}",
            path.file_name().unwrap().to_string_lossy(),
            truth.len(),
            starts.len(),
            hits,
            ok
        );
        for c in &found {
            eprintln!("    {:8.3} {:8.3} {}", c.start, c.end, c.title);
            assert!(c.title.chars().count() <= chapters::MAX_TITLE_CHARS && !c.title.is_empty());
        }
        assert_eq!(found[0].start, 0.0);
        assert!(
            found
                .windows(2)
                .all(|w| w[0].end == w[1].start && w[0].start < w[1].start)
        );
        if doc.chapters.is_empty() && doc.speakers.len() >= 2 {
            iv_truth += truth.len();
            iv_found += hits;
            iv_pred += starts.len();
        }
        if !doc.chapters.is_empty() {
            assert!(truth.iter().zip(&starts).all(|(t, s)| (t - s).abs() <= 0.5));
        }
        n_truth += truth.len();
        n_found += hits;
        n_pred += starts.len();
        n_pred_ok += ok;
    }
    eprintln!(
        "all: truth {n_truth}, found within 2 s {n_found}, predicted {n_pred}, predicted within 2 s {n_pred_ok}; \
         interviews: truth {iv_truth} found {iv_found} predicted {iv_pred}"
    );
    if iv_truth > 0 {
        assert!(
            iv_found as f64 >= 0.8 * iv_truth as f64,
            "interview recall {iv_found}/{iv_truth}"
        );
        assert!(iv_pred as f64 <= 1.5 * iv_truth as f64);
    }
}

#[test]
fn plain_monologue_without_structure_is_one_chapter() {
    let Some(dir) = corpus_dir() else { return };
    let path = dir.join("dev06_winter_walk.truth.json");
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let (doc, al, duration) = from_truth(&v, false);
    let found = chapters::find(&doc, &al, duration, &ChapterConfig::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].title, v["chapters"][0]["title"].as_str().unwrap());
}

/// A transcript parsed as a user gives it, with every word 0.4 s long, one after another.
fn evenly_timed(text: &str) -> (Document, Alignment, f64) {
    let doc = podcue::transcript::parse(
        text.as_bytes(),
        Path::new("interview.txt"),
        &Default::default(),
    )
    .unwrap();
    let mut al = Alignment::default();
    for i in 0..doc.words.len() {
        al.words.push(Timed {
            start: i as f64 * 0.4,
            end: (i + 1) as f64 * 0.4,
            confidence: 1.0,
        });
    }
    let duration = doc.words.len() as f64 * 0.4;
    (doc, al, duration)
}

#[test]
fn a_request_opens_a_topic_and_an_echo_question_does_not() {
    // The host's first topic is asked as a request ("So tell me ..."), without a question
    // mark; later the host echoes the guest ("Days?"). The held-out interview this comes from
    // had its chapter on the echo and none on the request.
    let (doc, al, duration) = evenly_timed(
        "ODILE: Welcome back to Slow Games, the show about hobbies that take patience. My guest \
         plays chess by post, and has done for thirty years.\n\
         BRAM: Hello. Thank you for having me.\n\
         ODILE: So tell me how it works, because I imagine envelopes and stamps and a lot of \
         waiting by the door.\n\
         BRAM: That is how it started. Now it is mostly by email. You get a move. You think. \
         Sometimes for an hour, sometimes for a week. Then you send your reply and wait again \
         while your opponent does the same thing on the other side of the world.\n\
         ODILE: Days?\n\
         BRAM: Days. The rules give you ten days for every ten moves, so there is time to look \
         at every idea twice and still go for a walk before you decide. Most players keep a \
         notebook of every position, with arrows and question marks all over it.\n\
         ODILE: Why would anybody choose a version of chess where a game can take years?\n\
         BRAM: Because the fast game is about nerves. The slow game is about truth. Nobody is \
         in a hurry, so nobody blunders from panic, and the best idea usually wins in the end. \
         I like that, and I am not very fast anyway, so it suits me well. My friends laugh at \
         me for it, but they still ask how my games are going every time we meet for dinner.\n",
    );
    let found = chapters::find(&doc, &al, duration, &ChapterConfig::default());
    let starts: Vec<f64> = found.iter().map(|c| c.start).collect();
    let word_start = |needle: &str| {
        let i = doc.words.iter().position(|w| w.text == needle).unwrap();
        al.words[i].start
    };
    assert!(
        starts.contains(&word_start("So")),
        "the request opens a chapter: {found:?}"
    );
    assert!(
        !starts.contains(&word_start("Days?")),
        "the echo does not: {found:?}"
    );
    assert!(
        found[1].title.starts_with("Tell me how it works"),
        "{found:?}"
    );
}

#[test]
fn after_a_cold_open_the_host_is_the_one_who_asks() {
    // The guest speaks first (a cold open), so the first speaker is not the host: chapters
    // must open on the host's questions, not on the guest's answers.
    let answer = "It was a long story, with many turns and a few surprises along the way, and \
                  most of the people involved still talk about it whenever we meet, usually \
                  over dinner, usually for far too long, and always with a different ending.";
    let text = format!(
        "TESS: The first time a swarm landed on the chimney, I honestly thought the building \
         was on fire. There was this dark cloud rolling over the roof and a noise like an \
         engine, and I ran down four flights of stairs to tell somebody.\n\
         KOFI: Hello and welcome to Up On The Roof. I'm Kofi, and my guest keeps bees on top \
         of an office block in the middle of the city.\n\
         TESS: Thank you. It's nice to be indoors for once.\n\
         KOFI: How does somebody end up with bees on an office roof?\n\
         TESS: By accident, mostly. {answer} {answer}\n\
         KOFI: What happens when a colony decides to leave the hive?\n\
         TESS: Swarms look frightening. {answer} {answer}\n\
         KOFI: Is city honey any good, compared with honey from the countryside?\n\
         TESS: Better than people expect. {answer} {answer}\n"
    );
    let (doc, al, duration) = evenly_timed(&text);
    let found = chapters::find(&doc, &al, duration, &ChapterConfig::default());
    let turn_start = |t: usize| al.words[doc.turns[t].words.start].start;
    let starts: Vec<f64> = found.iter().map(|c| c.start).collect();
    for t in [3, 5, 7] {
        assert!(starts.contains(&turn_start(t)), "turn {t}: {found:?}");
    }
    for t in [4, 6, 8] {
        assert!(!starts.contains(&turn_start(t)), "turn {t}: {found:?}");
    }
    // The guest's clip is a chapter of its own; the host's welcome opens the introduction.
    assert_eq!(found[0].title, "Cold open", "{found:?}");
    assert_eq!(
        (found[1].start, found[1].title.as_str()),
        (turn_start(1), "Introduction"),
        "{found:?}"
    );
}

#[test]
fn a_teaser_before_the_hosts_welcome_is_a_cold_open() {
    // The host opens with a question from later on and the guest's answer, then welcomes the
    // listener ("This is Outside In, ..."): that teaser is the cold open. Without the welcome
    // sentence the same turns open with the introduction at 0.
    let answer = "It was a long story, with many turns and a few surprises along the way, and \
                  most of the people involved still talk about it whenever we meet, usually \
                  over dinner, usually for far too long, and always with a different ending.";
    let text = |welcome: &str| {
        format!(
            "GRETA: Have you ever made a mistake?\n\
             OSWIN: Once. Twenty years ago. I was in bed for three days, and I have never been \
             so frightened in my life, and I have never picked that mushroom again.\n\
             GRETA: {welcome}I'm standing in a wet wood on an October morning with two people \
             who know far more about mushrooms than I do.\n\
             OSWIN: Morning.\n\
             GRETA: What is the first thing you tell a beginner?\n\
             OSWIN: Leave it where it is. {answer} {answer}\n\
             GRETA: Which mushroom do people get wrong most often?\n\
             OSWIN: The one that looks like a field mushroom. {answer} {answer}\n\
             GRETA: What have we found so far this morning?\n\
             OSWIN: A basket of chanterelles. {answer} {answer}\n"
        )
    };
    let (doc, al, duration) = evenly_timed(&text("This is Outside In, and "));
    let found = chapters::find(&doc, &al, duration, &ChapterConfig::default());
    let welcome = al.words[doc.turns[2].words.start].start;
    assert!(
        welcome >= 10.0,
        "the teaser is too short for the test: {welcome}"
    );
    assert_eq!(found[0].title, "Cold open", "{found:?}");
    assert_eq!(
        (found[1].start, found[1].title.as_str()),
        (welcome, "Introduction"),
        "{found:?}"
    );
    let (doc, al, duration) = evenly_timed(&text(""));
    let found = chapters::find(&doc, &al, duration, &ChapterConfig::default());
    assert_eq!(
        (found[0].start, found[0].title.as_str()),
        (0.0, "Introduction"),
        "{found:?}"
    );
}

#[test]
fn after_a_sponsor_read_the_hosts_next_segment_opens_the_chapter() {
    // A call-in show: the host signs off the first caller, a sponsor read (10 s, not in the
    // transcript) follows, and the transcript writes the host's label again for "Welcome
    // back", so the two paragraphs are one turn. The chapter is where the next caller's
    // segment starts, not at the sign-off.
    let call = |name: &str, problem: &str| {
        format!(
            "{name}: Morning. It's my {problem}. It has been like this since the winter, and \
             I have tried everything my neighbours suggested, which was a lot of things, some \
             of them expensive and most of them useless, if I am honest with you.\n\
             HOST: How long has it been like that, and did anything change around then?\n\
             {name}: About three months. Nothing changed that I know of, apart from the \
             weather, which was wet and cold for weeks, and the heating, which was on all \
             day and all night because of it.\n"
        )
    };
    let text = format!(
        "HOST: Good morning, you're listening to Fix It Live, the programme where you bring \
         us the thing that's broken and we tell you how to mend it.\n\
         {}\
         HOST: Then it is the damp. Dry it out slowly, and it will be fine. Good luck, \
         Dennis, and let us know how it goes.\n\n\
         HOST: Welcome back. Our next caller is Anita. Anita, you're on Fix It Live.\n\
         {}\
         HOST: Then rub a candle along the edge where it catches. That's all we have time \
         for this week.\n",
        call("DENNIS", "kitchen tap"),
        call("ANITA", "bedroom door")
    );
    let (doc, mut al, _) = evenly_timed(&text);
    let welcome = doc.words.iter().position(|w| w.text == "Welcome").unwrap();
    let break_start = al.words[welcome - 1].end;
    for w in &mut al.words[welcome..] {
        w.start += 10.0;
        w.end += 10.0;
    }
    al.skipped
        .push(podcue::time::Span::new(break_start, break_start + 10.0));
    let duration = al.words.last().unwrap().end;
    let found = chapters::find(&doc, &al, duration, &ChapterConfig::default());
    let at = al.words[welcome].start;
    let chapter = found.iter().find(|c| c.start == at);
    assert!(
        chapter.is_some_and(|c| c.title == "Our next caller is Anita"),
        "{found:?}"
    );
    let goodbye = al.words[doc
        .words
        .iter()
        .position(|w| w.text == "Good" && w.turn > 0)
        .unwrap()]
    .start;
    assert!(found.iter().all(|c| c.start != goodbye), "{found:?}");
}

#[test]
fn a_title_skips_a_sentence_that_only_names_the_guest() {
    let answer = "Because somebody at a party told me it could not be done, and I have never \
                  been able to leave a sentence like that alone, not once in my whole life, \
                  which my family will tell you has been a problem for everybody around me.";
    let (doc, al, duration) = evenly_timed(&format!(
        "HOLLIS: Good evening everybody, and welcome to Live at the Exchange. Tonight's guest \
         swam the entire length of the river last month. Please welcome Ida Sorensen!\n\
         IDA: Thank you. Thank you, that's very kind.\n\
         HOLLIS: So, Ida. One hundred and forty kilometres. Why?\n\
         IDA: {answer} {answer} {answer}\n"
    ));
    let found = chapters::find(&doc, &al, duration, &ChapterConfig::default());
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].title, "One hundred and forty kilometres");
}

/// A paragraph the audio does not have (`Alignment::unheard`) neither opens nor titles a
/// chapter: a heading over it alone gives way to the next heading, and a host's turn whose
/// first paragraph was cut opens, and is titled, where it is heard.
#[test]
fn paragraphs_not_in_the_audio_open_no_chapter() {
    let text = "## Before you start\n\nHOST: Welcome. Today we bake soda bread, slowly, \
                with plenty of time for every step of the recipe.\n\n\
                ## Storage tips\n\nHOST: Wrap the loaf in a clean cloth and keep it in a \
                bread bin for two days at most.\n\n\
                ## While it cools\n\nHOST: Let it rest for an hour before you cut it, or \
                the crumb will be gummy.\n";
    let (doc, mut al, duration) = evenly_timed(text);
    let storage = doc.chapters[1].first_word..doc.chapters[2].first_word;
    let at = al.words[storage.start - 1].end;
    for w in storage.clone() {
        al.words[w] = Timed {
            start: at,
            end: at,
            confidence: 0.0,
        };
    }
    al.unheard
        .push(podcue::align::Unheard { words: storage, at });
    let found = chapters::find(&doc, &al, duration, &ChapterConfig::default());
    let titles: Vec<&str> = found.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Before you start", "While it cools"], "{found:?}");
}

/// A title keeps what belongs to its last word (`C++`, `50%`, `<more>`, an emoji, a closing
/// quote) and loses only the punctuation it does not end on (a QA pass: `## Why C++?` became
/// "Why C" and `## Part two & <more>` became "Part two & <more").
#[test]
fn titles_keep_their_last_word_whole() {
    use podcue::chapters::shorten;
    for (heading, title) in [
        ("Why C++?", "Why C++"),
        ("Sales up 50%.", "Sales up 50%"),
        ("Part two & <more>", "Part two & <more>"),
        ("Intro 🎙️", "Intro 🎙️"),
        ("The \"quoted\" one", "The \"quoted\" one"),
        ("The \"quoted\"", "The \"quoted\""),
        ("He said \"", "He said"),
        ("Notes [live]", "Notes [live]"),
        ("Our students'", "Our students'"),
        (
            "What is a tool library, and how did yours begin?",
            "What is a tool library, and how did yours begin",
        ),
        ("Wait —", "Wait"),
        ("Tips (", "Tips"),
    ] {
        assert_eq!(shorten(heading), title, "{heading}");
    }
}
