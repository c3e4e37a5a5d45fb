//! Messages and progress on stderr: the verbosity set by `-q/-v`, the observers the library
//! reports through, and the one place that uses indicatif.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use podcue::progress::Observer;

/// How much goes to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Errors only (`-q`).
    Quiet = 0,
    /// Warnings and progress bars (default).
    Normal = 1,
    /// Also stage timings (`-v`).
    Verbose = 2,
}

static LEVEL: AtomicU8 = AtomicU8::new(Level::Normal as u8);

/// Sets the verbosity for the whole run.
pub fn set_level(level: Level) {
    LEVEL.store(level as u8, Ordering::Relaxed);
}

fn level() -> Level {
    match LEVEL.load(Ordering::Relaxed) {
        0 => Level::Quiet,
        1 => Level::Normal,
        _ => Level::Verbose,
    }
}

/// True unless `-q`.
pub fn warnings_on() -> bool {
    level() >= Level::Normal
}

/// True with `-v`.
pub fn verbose() -> bool {
    level() >= Level::Verbose
}

/// Prints an informational line ("wrote ...") unless `-q`.
pub fn info(message: &str) {
    if warnings_on() {
        eprintln!("{message}");
    }
}

/// Progress bars are drawn only for a person: stderr is a terminal and `-q` is not given.
pub fn bars_on() -> bool {
    warnings_on() && std::io::stderr().is_terminal()
}

/// A bar drawing to stderr (hidden when [`bars_on`] is false). No colours: the template has no
/// style tags, so `NO_COLOR` needs nothing more.
pub fn bar(len: u64, template: &str) -> ProgressBar {
    let target = if bars_on() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(len), target);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Prints the library's warnings on stderr (unless `-q`); no progress.
pub struct StderrObserver;

impl Observer for StderrObserver {
    fn warn(&self, message: &str) {
        if warnings_on() {
            eprintln!("podcue: warning: {message}");
        }
    }
}

/// Warnings, a progress bar per stage when stderr is a terminal, and stage timings with `-v`.
pub struct Progress {
    state: Mutex<State>,
    started: Instant,
}

struct State {
    bar: Option<ProgressBar>,
    /// The current stage and when it started.
    stage: Option<(String, Instant)>,
    /// When the current stage last advanced (taken as its end).
    completed: Option<Instant>,
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}

impl Progress {
    /// A fresh observer; the clock for [`Progress::finish`] starts now.
    pub fn new() -> Self {
        Progress {
            state: Mutex::new(State {
                bar: None,
                stage: None,
                completed: None,
            }),
            started: Instant::now(),
        }
    }

    fn end_stage(state: &mut State) {
        if let Some(bar) = state.bar.take() {
            bar.finish_and_clear();
        }
        if let Some((name, t)) = state.stage.take()
            && verbose()
        {
            let end = state.completed.take().unwrap_or_else(Instant::now);
            eprintln!("podcue: {name}: {}", secs(end.duration_since(t)));
            if end.elapsed() > Duration::from_millis(1) {
                state.completed = Some(end);
            }
        }
    }

    /// Ends the current stage and, with `-v`, prints the time of what followed it under
    /// `rest` (the stages the library does not announce) and the total.
    pub fn finish(&self, rest: &str) {
        let mut rest_start = None;
        if let Ok(mut s) = self.state.lock() {
            Self::end_stage(&mut s);
            rest_start = s.completed.take();
        }
        if verbose() {
            if let Some(t) = rest_start {
                eprintln!("podcue: {rest}: {}", secs(t.elapsed()));
            }
            eprintln!("podcue: total: {}", secs(self.started.elapsed()));
        }
    }
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

impl Observer for Progress {
    fn stage(&self, name: &str, total: Option<u64>) {
        if let Ok(mut s) = self.state.lock() {
            Self::end_stage(&mut s);
            s.stage = Some((name.to_string(), Instant::now()));
            s.completed = None;
            if bars_on() {
                let b = match total {
                    Some(len) => bar(
                        len,
                        "{msg:>8} [{bar:40}] {percent:>3}% {elapsed_precise} eta {eta}",
                    ),
                    // The stages after decoding announce no amount of work: a spinner says
                    // podcue is still busy (aligning four hours takes a second or two).
                    None => {
                        let b = bar(0, "{msg:>8} {spinner} {elapsed_precise}");
                        b.enable_steady_tick(Duration::from_millis(120));
                        b
                    }
                };
                b.set_message(name.to_string());
                s.bar = Some(b);
            }
        }
    }

    fn advance(&self, n: u64) {
        if let Ok(mut s) = self.state.lock() {
            // The library announces stage starts only: the last unit done marks the end.
            s.completed = Some(Instant::now());
            if let Some(b) = &s.bar {
                b.inc(n);
            }
        }
    }

    fn warn(&self, message: &str) {
        if !warnings_on() {
            return;
        }
        let line = format!("podcue: warning: {message}");
        match self.state.lock() {
            Ok(s) if s.bar.is_some() => {
                if let Some(b) = &s.bar {
                    b.suspend(|| eprintln!("{line}"));
                }
            }
            _ => eprintln!("{line}"),
        }
    }
}
