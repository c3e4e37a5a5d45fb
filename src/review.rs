//! The review page: one self-contained HTML file (inline CSS and JS, no network) for a person
//! to check an alignment before publishing.
//!
//! Takes the pipeline's [`Output`] and the audio's URL relative to the page; gives an HTML
//! document with an overview of the episode (energy envelope downsampled to at most
//! [`MAX_POINTS`] points, speech and music spans, chapter bands, cue ticks with low-confidence
//! cues marked, and the speech no cue covers), an `<audio>` player whose `<track>` carries
//! the WebVTT captions as a `data:` URL, a chapter list and a cue list. Clicking a cue, a
//! chapter or the overview seeks the player; the cue being played is highlighted. Opening the page with `?selftest` runs a few
//! checks in the browser and writes the result as JSON into `#selftest`.
//!
//! Everything drawn is aggregated (one SVG path per kind of span), so a three-hour episode
//! stays a light page: its DOM grows with the number of cues, never with the number of frames.

use std::io::{self, Write};
use std::path::{Component, Path};

use crate::captions::{Cue, Speakers};
use crate::pipeline::Output;
use crate::time;
use crate::write::vtt;

/// Most points drawn for the energy envelope.
pub const MAX_POINTS: usize = 2000;

/// Cues below this confidence are marked on the page.
pub const LOW_CONFIDENCE: f32 = 0.5;

/// Frames per second of [`crate::features::Features`] (10 ms hop).
const FRAMES_PER_S: f64 = 100.0;

/// How the page refers to things outside itself.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// The page title (usually the episode's file name).
    pub title: &'a str,
    /// The audio's URL as the page should use it (see [`relative_url`]).
    pub audio_url: &'a str,
    /// Speaker display names.
    pub speakers: &'a Speakers,
}

pub use crate::write::html::escape_all as escape;

/// Standard base64 (with padding), for the `data:` URL of the captions track.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Percent-encodes one path segment for a URL (unreserved characters kept).
fn encode_segment(seg: &str) -> String {
    let mut out = String::new();
    for b in seg.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The URL of `target` relative to the folder `base` (both made absolute first), with each
/// segment percent-encoded. Falls back to a `file://` URL when no relative path exists
/// (e.g. another drive).
pub fn relative_url(base: &Path, target: &Path) -> String {
    let abs = |p: &Path| {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        })
    };
    let (base, target) = (abs(base), abs(target));
    let b: Vec<Component> = base.components().collect();
    let t: Vec<Component> = target.components().collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    if common == 0 {
        let segs: Vec<String> = target
            .iter()
            .skip(1)
            .map(|s| encode_segment(&s.to_string_lossy()))
            .collect();
        return format!("file:///{}", segs.join("/"));
    }
    let mut parts: Vec<String> = vec!["..".into(); b.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| encode_segment(&c.as_os_str().to_string_lossy())),
    );
    parts.join("/")
}

/// The energy envelope as (time, level 0..1) points: per bucket the loudest frame, so short
/// bursts stay visible; levels span the loudest 60 dB.
pub fn envelope(energy_db: &[f32], max_points: usize) -> Vec<(f64, f32)> {
    if energy_db.is_empty() || max_points == 0 {
        return Vec::new();
    }
    let top = energy_db
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(f32::MIN, f32::max);
    if top == f32::MIN {
        return Vec::new();
    }
    let floor = top - 60.0;
    let per = energy_db.len().div_ceil(max_points).max(1);
    energy_db
        .chunks(per)
        .enumerate()
        .map(|(k, chunk)| {
            let m = chunk
                .iter()
                .copied()
                .filter(|v| v.is_finite())
                .fold(floor, f32::max);
            let t = (k * per) as f64 / FRAMES_PER_S;
            (t, ((m - floor) / 60.0).clamp(0.0, 1.0))
        })
        .collect()
}

/// One SVG path drawing a rectangle per span, in a viewBox whose x unit is one second.
fn spans_path(spans: impl Iterator<Item = (f64, f64)>, y: f64, h: f64) -> String {
    let mut d = String::new();
    for (s, e) in spans {
        if e > s && s.is_finite() && e.is_finite() {
            d.push_str(&format!("M{s:.2} {y}h{:.2}v{h}h{:.2}z", e - s, s - e));
        }
    }
    d
}

/// A step for time-axis labels giving at most about a dozen ticks.
fn tick_step(duration: f64) -> f64 {
    const STEPS: [f64; 12] = [
        1.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0,
    ];
    STEPS
        .iter()
        .copied()
        .find(|s| duration / s <= 12.0)
        .unwrap_or(14_400.0)
}

/// `h:mm:ss` or `m:ss`, for labels.
fn clock(t: f64) -> String {
    let s = t.max(0.0).round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// Embeds JSON in a `<script>` element safely (no `</script>` or `<!--` possible).
fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// The episode's length: the decoder's, else the frames', else the last cue's end.
fn episode_duration(out: &Output) -> f64 {
    [
        out.info.duration,
        out.timeline.duration,
        out.features.energy_db.len() as f64 / FRAMES_PER_S,
        out.cues.last().map_or(0.0, |c| c.end),
    ]
    .into_iter()
    .find(|d| d.is_finite() && *d > 0.0)
    .unwrap_or(1.0)
}

/// The WebVTT captions as written by [`crate::write::vtt`].
fn vtt_bytes(cues: &[Cue], speakers: &Speakers) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    vtt::write(&mut buf, cues, speakers)?;
    Ok(buf)
}

/// Writes the review page for `output`.
pub fn write(out: &mut dyn Write, output: &Output, page: &Page<'_>) -> io::Result<()> {
    let duration = episode_duration(output);
    let pct = |t: f64| (t / duration * 100.0).clamp(0.0, 100.0);
    let cues = &output.cues;
    let low = cues
        .iter()
        .filter(|c| c.confidence < LOW_CONFIDENCE)
        .count();
    let vtt_url = format!(
        "data:text/vtt;base64,{}",
        base64(&vtt_bytes(cues, page.speakers)?)
    );

    // Overview drawing, x in seconds.
    let env = envelope(&output.features.energy_db, MAX_POINTS);
    let mut energy = String::from("M0 100");
    for (t, v) in &env {
        energy.push_str(&format!("L{t:.2} {:.1}", 100.0 - f64::from(*v) * 100.0));
    }
    if let Some((t, _)) = env.last() {
        energy.push_str(&format!("L{:.2} 100z", t.max(0.0)));
    }
    let speech = spans_path(
        output.timeline.speech.iter().map(|s| (s.start, s.end)),
        0.0,
        10.0,
    );
    let music = spans_path(
        output.timeline.music.iter().map(|s| (s.start, s.end)),
        0.0,
        10.0,
    );
    let cue_ok = spans_path(
        cues.iter()
            .filter(|c| c.confidence >= LOW_CONFIDENCE)
            .map(|c| (c.start, c.end)),
        0.0,
        10.0,
    );
    // Speech the aligner left uncaptioned: a sponsor read, or text the transcript dropped.
    let uncovered = output.uncovered_speech();
    let uncovered_path = spans_path(
        uncovered.iter().map(|(span, _)| (span.start, span.end)),
        0.0,
        10.0,
    );
    let uncovered_s: f64 = uncovered.iter().map(|(_, speech)| speech).sum();
    let cue_low = spans_path(
        cues.iter()
            .filter(|c| c.confidence < LOW_CONFIDENCE)
            .map(|c| (c.start, c.end)),
        0.0,
        10.0,
    );

    let mut ticks = String::new();
    let step = tick_step(duration);
    let mut t = 0.0;
    // The last label would overflow the right edge.
    while t <= duration * 0.97 {
        ticks.push_str(&format!(
            "<span style=\"left:{:.3}%\">{}</span>",
            pct(t),
            clock(t)
        ));
        t += step;
    }

    let mut bands = String::new();
    for (k, c) in output.chapters.iter().enumerate() {
        let end = if c.has_end() { c.end } else { duration };
        bands.push_str(&format!(
            "<div class=\"band b{}\" data-t=\"{:.3}\" style=\"left:{:.3}%;width:{:.3}%\" title=\"{} {}\">{}</div>",
            k % 2,
            c.start,
            pct(c.start),
            (pct(end) - pct(c.start)).max(0.0),
            clock(c.start),
            escape(&c.title),
            escape(&c.title)
        ));
    }

    let mut chapter_list = String::new();
    for c in &output.chapters {
        chapter_list.push_str(&format!(
            "<li data-t=\"{:.3}\"><time>{}</time> {}</li>\n",
            c.start,
            clock(c.start),
            escape(&c.title)
        ));
    }

    let mut cue_list = String::new();
    for (k, c) in cues.iter().enumerate() {
        let who = page
            .speakers
            .name(c.speaker)
            .filter(|_| c.speaker_change || k == 0)
            .map(|n| format!("<b>{}</b> ", escape(n)))
            .unwrap_or_default();
        let class = if c.confidence < LOW_CONFIDENCE {
            " class=\"low\""
        } else {
            ""
        };
        cue_list.push_str(&format!(
            "<li{class} data-t=\"{:.3}\"><time>{}</time><span>{who}{}</span><i>{:.2}</i></li>\n",
            c.start,
            time::vtt(c.start),
            escape(&c.text()),
            c.confidence
        ));
    }

    // Paragraphs of the transcript the audio does not have: listed apart, at their place.
    let mut unheard_list = String::new();
    for u in &output.alignment.unheard {
        let words = output
            .document
            .words
            .get(u.words.clone())
            .unwrap_or_default();
        let text: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        unheard_list.push_str(&format!(
            "<li data-t=\"{:.3}\"><time>{}</time> {}</li>\n",
            u.at,
            clock(u.at),
            escape(&text.join(" "))
        ));
    }
    let unheard_section = if unheard_list.is_empty() {
        String::new()
    } else {
        format!(
            "<h2>Not in the audio</h2><p class=\"legend\">Transcript paragraphs cut in the \
             edit? No captions; shown at the pause where they were.</p>\n<ol id=\"unheard\">\n\
             {unheard_list}</ol>"
        )
    };

    let data = serde_json::json!({
        "duration": duration,
        "starts": cues.iter().map(|c| c.start).collect::<Vec<_>>(),
        "ends": cues.iter().map(|c| c.end).collect::<Vec<_>>(),
        "chapters": output.chapters.iter().map(|c| c.start).collect::<Vec<_>>(),
    });

    let title = escape(page.title);
    let lang = escape(&output.document.language);
    let stats = format!(
        "{} · {} cues · {} chapters · mean confidence {:.2} · {} low-confidence cue{} · match evidence {:.2}{}",
        clock(duration),
        cues.len(),
        output.chapters.len(),
        output.alignment.mean_confidence,
        low,
        if low == 1 { "" } else { "s" },
        output.alignment.match_evidence,
        if uncovered.is_empty() {
            String::new()
        } else {
            format!(" · {uncovered_s:.0} s of speech not in the transcript")
        }
    );
    let stats = match output.alignment.unheard.len() {
        0 => stats,
        1 => format!("{stats} · 1 paragraph not in the audio"),
        n => format!("{stats} · {n} paragraphs not in the audio"),
    };
    let audio_url = escape(page.audio_url);

    write!(
        out,
        r#"<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: {title}</title>
<style>{CSS}</style></head>
<body>
<header><h1>{title}</h1><p class="stats">{stats}</p>
<audio id="player" controls preload="metadata" src="{audio_url}"><track id="captions" kind="captions" label="Captions" srclang="{lang}" src="{vtt_url}" default></audio>
<div id="now" aria-live="polite">&nbsp;</div></header>
<section id="overview" title="Click to play from here">
<div class="bands">{bands}</div>
<svg class="energy" viewBox="0 0 {duration:.2} 100" preserveAspectRatio="none"><path d="{energy}"/></svg>
<svg class="lane" viewBox="0 0 {duration:.2} 10" preserveAspectRatio="none"><path class="speech" d="{speech}"/><path class="music" d="{music}"/></svg>
<svg class="lane" viewBox="0 0 {duration:.2} 10" preserveAspectRatio="none"><path class="cue" d="{cue_ok}"/><path class="cuelow" d="{cue_low}"/><path class="uncov" d="{uncovered_path}"/></svg>
<div class="ticks">{ticks}</div>
<div id="playhead"></div>
</section>
<p class="legend"><span class="k speech"></span>speech <span class="k music"></span>music <span class="k cue"></span>cue <span class="k cuelow"></span>low confidence (&lt; {LOW_CONFIDENCE}) <span class="k uncov"></span>speech the transcript does not cover · gaps in the speech row are pauses · rows: chapters, energy, speech/music, cues</p>
<main>
<nav><h2>Chapters</h2><ol id="chapters">
{chapter_list}</ol>{unheard_section}</nav>
<section id="cuebox"><h2>Cues <label><input type="checkbox" id="follow" checked> follow playback</label></h2><ol id="cues">
{cue_list}</ol></section>
</main>
<pre id="selftest" hidden></pre>
<script id="data" type="application/json">{data}</script>
<script>{JS}</script>
</body></html>
"#,
        data = script_json(&data),
    )
}

const CSS: &str = r#"
:root{--bg:#fafafa;--fg:#222;--mut:#666;--acc:#1565c0;--low:#d32f2f;--sp:#9ccc65;--mu:#ba68c8;--unc:#ff8f00}
*{box-sizing:border-box}body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid #ddd;padding:8px 16px}
h1{font-size:18px;margin:0}h2{font-size:15px;margin:8px 0}.stats{margin:2px 0 6px;color:var(--mut);font-size:13px}
audio{width:100%}#now{min-height:1.4em;font-size:16px;color:#000;padding:2px 0}
#overview{position:relative;margin:10px 16px 0;background:#fff;border:1px solid #ddd;cursor:pointer;user-select:none}
.bands{position:relative;height:26px;border-bottom:1px solid #eee}
.band{position:absolute;top:0;height:26px;padding:4px 4px;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;border-left:2px solid var(--acc)}
.band.b0{background:#e3f2fd}.band.b1{background:#fff3e0}
svg{display:block;width:100%}svg.energy{height:90px}svg.energy path{fill:#90a4ae;stroke:none}
svg.lane{height:14px;border-top:1px solid #eee}
.speech{fill:var(--sp)}.music{fill:var(--mu)}.cue{fill:var(--acc)}.cuelow{fill:var(--low)}.uncov{fill:var(--unc)}
.ticks{position:relative;height:18px;border-top:1px solid #eee;font-size:11px;color:var(--mut)}
.ticks span{position:absolute;top:2px;padding-left:2px;border-left:1px solid #bbb}
#playhead{position:absolute;top:0;bottom:0;width:2px;background:#e53935;left:0;pointer-events:none}
.legend{margin:4px 16px;font-size:12px;color:var(--mut)}.k{display:inline-block;width:12px;height:10px;margin:0 3px 0 8px;vertical-align:middle}
.k.speech{background:var(--sp)}.k.music{background:var(--mu)}.k.cue{background:var(--acc)}.k.cuelow{background:var(--low)}.k.uncov{background:var(--unc)}
main{display:flex;gap:16px;padding:0 16px 16px;align-items:flex-start}
nav{flex:0 0 280px;position:sticky;top:130px}
ol{margin:0;padding:0;list-style:none}
#chapters li{padding:5px 8px;border-radius:4px;cursor:pointer}#chapters li:hover{background:#e3f2fd}
#chapters li.on{background:#bbdefb;font-weight:600}
#cuebox{flex:1;min-width:0}#cuebox label{font-weight:normal;font-size:12px;color:var(--mut);margin-left:12px}
#cues li{display:flex;gap:10px;padding:3px 8px;border-bottom:1px solid #eee;cursor:pointer}
#cues li:hover{background:#f1f8e9}#cues li.on{background:#fff59d}
#cues li.low{border-left:4px solid var(--low)}#cues li.low i{color:var(--low);font-weight:600}
#cues time,#chapters time{font-variant-numeric:tabular-nums;color:var(--mut);font-size:13px;flex:0 0 auto}
#cues span{flex:1}#cues i{font-style:normal;font-size:12px;color:var(--mut)}
"#;

const JS: &str = r#"
"use strict";
const errors = [];
window.addEventListener('error', e => errors.push(String(e.message || e)));
const D = JSON.parse(document.getElementById('data').textContent);
const audio = document.getElementById('player');
const trackEl = document.getElementById('captions');
const cueItems = document.querySelectorAll('#cues li');
const chapterItems = document.querySelectorAll('#chapters li');
const playhead = document.getElementById('playhead');
const overview = document.getElementById('overview');
const now = document.getElementById('now');
const follow = document.getElementById('follow');
trackEl.track.mode = 'hidden';
function seek(t) { audio.currentTime = t; update(); }
function last(arr, t) { let lo = 0, hi = arr.length - 1, k = -1;
  while (lo <= hi) { const m = (lo + hi) >> 1; if (arr[m] <= t) { k = m; lo = m + 1; } else hi = m - 1; }
  return k; }
let curCue = -1, curCh = -1;
function update() {
  const t = audio.currentTime;
  playhead.style.left = (100 * t / D.duration) + '%';
  let k = last(D.starts, t); if (k >= 0 && t >= D.ends[k]) k = -1;
  if (k !== curCue) {
    if (curCue >= 0) cueItems[curCue].classList.remove('on');
    curCue = k;
    if (k >= 0) { cueItems[k].classList.add('on');
      if (follow.checked && !audio.paused) cueItems[k].scrollIntoView({block: 'nearest'}); }
  }
  const c = last(D.chapters, t);
  if (c !== curCh) { if (curCh >= 0) chapterItems[curCh].classList.remove('on');
    curCh = c; if (c >= 0) chapterItems[c].classList.add('on'); }
}
audio.addEventListener('timeupdate', update);
audio.addEventListener('seeked', update);
trackEl.track.addEventListener('cuechange', () => {
  const a = trackEl.track.activeCues;
  now.textContent = a && a.length ? Array.from(a).map(c => c.getCueAsHTML().textContent).join(' ') : '\u00a0';
});
function onClick(e) { const li = e.target.closest('[data-t]'); if (li) { seek(parseFloat(li.dataset.t)); e.stopPropagation(); } }
document.getElementById('cues').addEventListener('click', onClick);
document.getElementById('chapters').addEventListener('click', onClick);
const unheardList = document.getElementById('unheard');
if (unheardList) unheardList.addEventListener('click', onClick);
overview.addEventListener('click', e => {
  const band = e.target.closest('.band'); if (band) { seek(parseFloat(band.dataset.t)); return; }
  const r = overview.getBoundingClientRect();
  seek(Math.max(0, Math.min(1, (e.clientX - r.left) / r.width)) * D.duration);
});
update();
if (location.search.indexOf('selftest') >= 0) {
  const out = document.getElementById('selftest');
  const wait = ms => new Promise(r => setTimeout(r, ms));
  (async () => {
    const r = {errors};
    for (let i = 0; i < 100 && trackEl.readyState < 2; i++) await wait(100);
    const cues = trackEl.track.cues ? Array.from(trackEl.track.cues) : [];
    r.trackState = trackEl.readyState; r.trackCues = cues.length; r.expectedCues = D.starts.length;
    r.cueTimesMatch = cues.length === D.starts.length &&
      cues.every((c, i) => Math.abs(c.startTime - D.starts[i]) < 0.002 && Math.abs(c.endTime - D.ends[i]) < 0.002);
    for (let i = 0; i < 100 && audio.readyState < 1 && !audio.error; i++) await wait(100);
    r.audioReadyState = audio.readyState; r.audioError = audio.error ? audio.error.code : null;
    r.audioDuration = audio.duration;
    const li = chapterItems[Math.min(1, chapterItems.length - 1)];
    if (li) { r.chapterStart = parseFloat(li.dataset.t); li.click(); await wait(300);
      r.currentTime = audio.currentTime; r.chapterSeek = Math.abs(audio.currentTime - r.chapterStart) < 0.1;
      r.chapterHighlighted = li.classList.contains('on'); }
    const cueLi = cueItems[Math.min(2, cueItems.length - 1)];
    if (cueLi) { cueLi.click(); await wait(300); r.cueSeek = Math.abs(audio.currentTime - parseFloat(cueLi.dataset.t)) < 0.1;
      r.cueHighlighted = cueLi.classList.contains('on'); }
    r.ok = errors.length === 0 && r.trackCues === r.expectedCues && r.cueTimesMatch && r.chapterSeek !== false && r.cueSeek !== false;
    out.textContent = JSON.stringify(r); out.hidden = false;
  })().catch(e => { out.textContent = JSON.stringify({ok: false, errors: errors.concat([String(e)])}); out.hidden = false; });
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (i, o) in cases {
            assert_eq!(base64(i.as_bytes()), o, "{i}");
        }
    }

    #[test]
    fn escape_covers_markup() {
        assert_eq!(
            escape(r#"<b>"Tom" & 'Jo'</b>"#),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn envelope_is_bounded_and_normalised() {
        let e: Vec<f32> = (0..1_080_000)
            .map(|i| -60.0 + (i % 700) as f32 * 0.05)
            .collect();
        let env = envelope(&e, MAX_POINTS);
        assert!(
            env.len() <= MAX_POINTS && env.len() > MAX_POINTS / 2,
            "{}",
            env.len()
        );
        assert!(env.iter().all(|(_, v)| (0.0..=1.0).contains(v)));
        assert!(env.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(envelope(&[], 10).is_empty());
        assert!(envelope(&[f32::NEG_INFINITY; 5], 10).is_empty());
    }

    #[test]
    fn relative_url_walks_up_and_encodes() {
        let u = relative_url(Path::new("/a/b/out"), Path::new("/a/b/my ep#1.mp3"));
        assert_eq!(u, "../my%20ep%231.mp3");
        assert_eq!(
            relative_url(Path::new("/a"), Path::new("/a/x.mp3")),
            "x.mp3"
        );
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let v = serde_json::json!({"t": "</script><!--"});
        assert!(!script_json(&v).contains('<'));
    }

    fn empty_output() -> Output {
        Output {
            info: Default::default(),
            features: Default::default(),
            timeline: Default::default(),
            document: Default::default(),
            alignment: Default::default(),
            cues: Vec::new(),
            chapters: Vec::new(),
        }
    }

    /// A paragraph the audio does not have is listed apart, escaped, at its place, and
    /// counted in the header; a page without one has neither.
    #[test]
    fn paragraphs_not_in_the_audio_are_listed() {
        use crate::transcript::{Word, WordKind};
        let mut out = empty_output();
        out.info.duration = 60.0;
        let page_of = |out: &Output| {
            let speakers = Speakers::new(&[], &Default::default());
            let page = Page {
                title: "t",
                audio_url: "a.mp3",
                speakers: &speakers,
            };
            let mut buf = Vec::new();
            write(&mut buf, out, &page).unwrap();
            String::from_utf8(buf).unwrap()
        };
        assert!(!page_of(&out).contains("not in the audio"));
        for text in ["Thanks", "to", "<the>", "wardens."] {
            out.document.words.push(Word {
                text: text.into(),
                norm: text.to_lowercase(),
                kind: WordKind::Spoken,
                syllables: 1.0,
                break_after: crate::transcript::Break::None,
                sentence: 0,
                turn: 0,
                paragraph: 0,
            });
        }
        out.alignment.unheard = vec![crate::align::Unheard {
            words: 1..4,
            at: 75.5,
        }];
        let html = page_of(&out);
        assert!(html.contains("1 paragraph not in the audio"));
        assert!(
            html.contains("<li data-t=\"75.500\"><time>1:16</time> to &lt;the&gt; wardens.</li>"),
            "{html}"
        );
    }

    /// A three-hour episode with a cue every 3 s: the page grows with the cues, not the
    /// frames (one path per kind of span, the envelope capped at MAX_POINTS).
    #[test]
    fn three_hour_page_stays_light() {
        use crate::chapters::Chapter;
        use crate::time::Span;
        let hours = 3.0 * 3600.0;
        let mut out = empty_output();
        out.info.duration = hours;
        out.features.energy_db = (0..1_080_000).map(|i| -50.0 + (i % 37) as f32).collect();
        out.timeline.speech = (0..5400)
            .map(|k| Span::new(k as f64 * 2.0, k as f64 * 2.0 + 1.6))
            .collect();
        // A sponsor read the transcript leaves out: 8 of the 10 s are speech.
        out.alignment.skipped = vec![Span::new(100.0, 110.0)];
        out.document.speakers = vec!["A <b>".into(), "B".into()];
        out.document.language = "en".into();
        out.cues = (0..3600)
            .map(|k| Cue {
                start: k as f64 * 3.0,
                end: k as f64 * 3.0 + 2.5,
                speaker: Some(k % 2),
                speaker_change: true,
                lines: vec![format!("cue {k} says <i>this</i> & that")],
                words: 0..0,
                confidence: (k % 10) as f32 / 10.0,
                continued: Vec::new(),
                label: crate::captions::LabelPlace::default(),
            })
            .collect();
        out.chapters = (0..18)
            .map(|k| Chapter {
                start: k as f64 * 600.0,
                end: (k + 1) as f64 * 600.0,
                title: format!("Part {k} \"quoted\""),
            })
            .collect();
        let speakers = Speakers::new(&out.document.speakers, &Default::default());
        let page = Page {
            title: "long <episode>",
            audio_url: "long.mp3",
            speakers: &speakers,
        };
        let mut buf = Vec::new();
        write(&mut buf, &out, &page).unwrap();
        let html = String::from_utf8(buf).unwrap();
        assert!(html.len() < 3_000_000, "{} bytes", html.len());
        assert_eq!(html.matches("<path").count(), 6);
        assert!(html.contains("8 s of speech not in the transcript"));
        assert!(
            html.contains("<path class=\"uncov\" d=\"M100.00"),
            "the read is drawn"
        );
        assert_eq!(html.matches("<li").count(), 3600 + 18);
        assert_eq!(html.matches("<li class=\"low\"").count(), 1800);
        let energy = html.split("class=\"energy\"").nth(1).unwrap();
        let energy = &energy[..energy.find("</svg>").unwrap()];
        assert!(energy.matches('L').count() <= MAX_POINTS + 1);
        assert!(!html.contains("<i>this</i>") && !html.contains("A <b>"));
        assert!(html.contains("<title>Review: long &lt;episode&gt;</title>"));
        if let Some(p) = std::env::var_os("PODCUE_REVIEW_DUMP") {
            std::fs::write(p, &html).unwrap();
        }
    }

    #[test]
    fn ticks_are_few() {
        for d in [3.0, 95.0, 1800.0, 10_800.0, 100_000.0] {
            assert!(d / tick_step(d) <= 13.0, "{d}");
        }
    }
}
