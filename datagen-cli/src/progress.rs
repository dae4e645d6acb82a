//! Progress while writing: a bar on a terminal, JSON lines for pipelines, and the final summary.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use clap::ValueEnum;
use datagen_sinks::writer::{EntityReport, Progress};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How progress is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum ProgressMode {
    /// A bar when stderr is a terminal, nothing otherwise.
    #[default]
    Auto,
    /// One JSON object a line on stderr, about twice a second and when an entity ends.
    Json,
    /// Nothing.
    None,
}

/// The progress reporter of one run.
pub(crate) struct Reporter {
    mode: ProgressMode,
    bar: Mutex<Option<ProgressBar>>,
    state: Mutex<State>,
}

struct State {
    entity: String,
    total: u64,
    rows: u64,
    bytes: u64,
    started: Instant,
    last: Instant,
}

impl Reporter {
    pub(crate) fn new(mode: ProgressMode) -> Self {
        let mode = match mode {
            ProgressMode::Auto if !std::io::stderr().is_terminal() => ProgressMode::None,
            m => m,
        };
        let now = Instant::now();
        Self {
            mode,
            bar: Mutex::new(None),
            state: Mutex::new(State {
                entity: String::new(),
                total: 0,
                rows: 0,
                bytes: 0,
                started: now,
                last: now,
            }),
        }
    }

    fn json_line(state: &State, done: bool) {
        let secs = state.started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            state.rows as f64 / secs
        } else {
            0.0
        };
        let mut line = String::new();
        line.push_str("{\"entity\":");
        line.push_str(&json_string(&state.entity));
        line.push_str(&format!(
            ",\"rows\":{},\"total\":{},\"bytes\":{},\"seconds\":{:.3},\"rows_per_second\":{:.0},\"done\":{done}}}",
            state.rows, state.total, state.bytes, secs, rate
        ));
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}

impl Progress for Reporter {
    fn begin(&self, entity: &str, rows: u64) {
        let mut s = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        s.entity = entity.to_string();
        s.total = rows;
        s.rows = 0;
        s.bytes = 0;
        s.started = Instant::now();
        s.last = s.started;
        if self.mode == ProgressMode::Auto {
            let bar = ProgressBar::with_draw_target(Some(rows), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{prefix:>12} [{bar:30}] {human_pos}/{human_len} rows {per_sec} ETA {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar.set_prefix(entity.to_string());
            *self
                .bar
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(bar);
        }
    }

    fn advance(&self, rows: u64, bytes: u64) {
        let mut s = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        s.rows += rows;
        s.bytes = bytes;
        match self.mode {
            ProgressMode::Auto => {
                if let Some(bar) = &*self
                    .bar
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                {
                    bar.inc(rows);
                }
            }
            ProgressMode::Json if s.last.elapsed() >= Duration::from_millis(500) => {
                s.last = Instant::now();
                Self::json_line(&s, false);
            }
            _ => {}
        }
    }

    fn end(&self, report: &EntityReport) {
        let mut s = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        s.bytes = report.bytes;
        match self.mode {
            ProgressMode::Auto => {
                if let Some(bar) = self
                    .bar
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .take()
                {
                    bar.finish_and_clear();
                }
            }
            ProgressMode::Json => Self::json_line(&s, true),
            ProgressMode::None => {}
        }
    }
}

/// The final summary: one line per entity and a total, to stderr.
pub(crate) fn summary(reports: &[EntityReport], seconds: f64) {
    let mut err = std::io::stderr().lock();
    let (mut rows, mut bytes) = (0u64, 0u64);
    for r in reports {
        rows += r.rows;
        bytes += r.bytes;
        let _ = writeln!(
            err,
            "{:>16}  {:>12} rows  {:>10}  {:>8.2} s  {:>12} rows/s",
            r.entity,
            r.rows,
            human_bytes(r.bytes),
            r.seconds,
            rate(r.rows, r.seconds)
        );
    }
    let _ = writeln!(
        err,
        "{:>16}  {:>12} rows  {:>10}  {:>8.2} s  {:>12} rows/s",
        "total",
        rows,
        human_bytes(bytes),
        seconds,
        rate(rows, seconds)
    );
}

#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn rate(rows: u64, seconds: f64) -> u64 {
    if seconds > 0.0 {
        (rows as f64 / seconds) as u64
    } else {
        0
    }
}

#[allow(clippy::cast_precision_loss)]
fn human_bytes(b: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut x = b as f64;
    let mut u = 0;
    while x >= 1024.0 && u + 1 < UNITS.len() {
        x /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{b} B")
    } else {
        format!("{x:.1} {}", UNITS[u])
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
