//! Reading the file: the separator sniffed, the byte-order mark dropped,
//! and every record's line number kept (LF, CRLF or a lone CR).

use crate::Result;
use kith_domain::Invalid;
use std::io::Read;

/// Counts the newlines a reader passes through, so a record's line number
/// comes from its byte offset (the CSV reader's own line counts differ
/// between LF and CRLF files and skip blank lines).
pub(super) struct Lines<R> {
    inner: R,
    state: std::sync::Arc<std::sync::Mutex<LineState>>,
}

#[derive(Default)]
pub(super) struct LineState {
    read: u64,
    /// Offsets of newlines read but not yet passed by a record.
    pending: std::collections::VecDeque<u64>,
    /// Newlines before the first pending one.
    passed: u64,
    /// A carriage return just read: a line end unless a `\n` follows
    /// (files saved as "CSV (Macintosh)" end lines with `\r` alone).
    cr_at: Option<u64>,
}

impl LineState {
    /// The 1-based line of the byte at `offset` (offsets never go back).
    pub(super) fn line_of(&mut self, offset: u64) -> u64 {
        while self.pending.front().is_some_and(|n| *n < offset) {
            self.pending.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let base = st.read;
        for (i, b) in buf[..n].iter().enumerate() {
            let at = base + i as u64;
            if *b == b'\n' {
                st.cr_at = None;
                st.pending.push_back(at);
                continue;
            }
            if let Some(cr) = st.cr_at.take() {
                st.pending.push_back(cr);
            }
            if *b == b'\r' {
                st.cr_at = Some(at);
            }
        }
        st.read += n as u64;
        Ok(n)
    }
}

fn sniff_delimiter(head: &[u8]) -> u8 {
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(head);
    let count = |d: u8| {
        let mut quoted = false;
        first_line
            .iter()
            .filter(|b| {
                if **b == b'"' {
                    quoted = !quoted;
                }
                !quoted && **b == d
            })
            .count()
    };
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// The reader type of an import: the file with its head put back, lines counted.
pub(super) type CsvReader<R> = csv::Reader<Lines<std::io::Chain<std::io::Cursor<Vec<u8>>, R>>>;
/// Where the reader's newlines are tracked.
pub(super) type LineTracker = std::sync::Arc<std::sync::Mutex<LineState>>;

/// A CSV reader over `input` (separator sniffed, UTF-8 byte-order mark
/// dropped), the line tracker it feeds, and the file's column names.
pub(super) fn open_csv<R: Read>(mut input: R) -> Result<(CsvReader<R>, LineTracker, Vec<String>)> {
    let mut head = vec![0u8; 64 * 1024];
    let mut n = 0;
    while n < head.len() {
        let got = input.read(&mut head[n..]).map_err(|_| Invalid::one("file", "the file could not be read"))?;
        if got == 0 {
            break;
        }
        n += got;
    }
    head.truncate(n);
    let start = if head.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    let delimiter = sniff_delimiter(&head[start..]);
    let lines = std::sync::Arc::new(std::sync::Mutex::new(LineState::default()));
    let stream = Lines { inner: std::io::Cursor::new(head[start..].to_vec()).chain(input), state: lines.clone() };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(stream);
    let headers: Vec<String> = reader
        .byte_headers()
        .map_err(|_| Invalid::one("file", "the file's first line (the column names) could not be read"))?
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_owned())
        .collect();
    Ok((reader, lines, headers))
}

/// The column names of a CSV file (the upload page's mapping step).
pub fn headers<R: Read>(input: R) -> Result<Vec<String>> {
    Ok(open_csv(input)?.2)
}

/// Line ends in a field: `\n`, `\r\n`, or `\r` alone.
pub(super) fn newlines(field: &[u8]) -> u64 {
    let lone_cr =
        field.windows(2).filter(|w| w[0] == b'\r' && w[1] != b'\n').count() + usize::from(field.last() == Some(&b'\r'));
    (field.iter().filter(|b| **b == b'\n').count() + lone_cr) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_with_lf_crlf_or_a_lone_cr() {
        let file = b"a\rb\r\nc\nd\re";
        let state = std::sync::Arc::new(std::sync::Mutex::new(LineState::default()));
        let mut r = Lines { inner: &file[..], state: state.clone() };
        std::io::copy(&mut r, &mut std::io::sink()).unwrap();
        let mut st = state.lock().unwrap();
        let lines: Vec<u64> = [0, 2, 5, 7, 9].iter().map(|o| st.line_of(*o)).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5], "a, b, c, d and e each start a line");
        assert_eq!(newlines(b"x\ry\r\nz\n"), 3);
    }

    #[test]
    fn the_separator_is_sniffed_outside_quotes() {
        assert_eq!(sniff_delimiter(b"name;email\nA;b@example.com"), b';');
        assert_eq!(sniff_delimiter(b"\"a;b;c\",email\n"), b',');
    }
}
