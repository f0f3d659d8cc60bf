//! The log as a server writes it, captured to a file while a scenario asks
//! for it. The subscriber is global, so the capture also holds what runs on
//! other threads (blocking tasks, the SQLite workers) and what scenarios
//! running at the same time log: none of them holds another's values.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::Layer;

static INSTALL: Once = Once::new();
static CAPTURING: AtomicBool = AtomicBool::new(false);
static SINK: Mutex<Option<File>> = Mutex::new(None);

/// Captures the log at debug level into `path` until the guard is dropped.
/// One capture at a time.
pub fn capture(path: &Path) -> Capture {
    INSTALL.call_once(|| {
        let layer = tracing_subscriber::fmt::layer().with_writer(|| Sink).with_ansi(false).with_filter(
            tracing_subscriber::filter::filter_fn(|m| {
                CAPTURING.load(Ordering::Relaxed) && *m.level() <= tracing::Level::DEBUG
            }),
        );
        tracing::subscriber::set_global_default(tracing_subscriber::registry().with(layer))
            .expect("one global subscriber");
    });
    let mut sink = SINK.lock().unwrap();
    assert!(sink.is_none(), "one capture at a time");
    *sink = Some(File::create(path).unwrap());
    CAPTURING.store(true, Ordering::Relaxed);
    Capture
}

/// An ongoing capture; dropping it stops it and closes the file.
pub struct Capture;

impl Drop for Capture {
    fn drop(&mut self) {
        CAPTURING.store(false, Ordering::Relaxed);
        if let Ok(mut sink) = SINK.lock() {
            *sink = None;
        }
    }
}

/// Writes to the capture file, if there is one.
struct Sink;

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match SINK.lock().unwrap().as_mut() {
            Some(f) => f.write(buf),
            None => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match SINK.lock().unwrap().as_mut() {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}
