//! Server-rendered SVG charts for the privacy overview: a stacked bar (one
//! link per part) and a monthly bar chart. Pure: text in, markup out.
//!
//! Every chart names itself (`<title>`, `aria-label`), writes its numbers
//! as text, and tells parts apart by fill *and* pattern (stripes, dots,
//! hatching) so it reads without colour and in print. Ids are prefixed per
//! chart so that several charts on one page do not share pattern ids.

use std::fmt::Write;

/// How a part is drawn: a colour from a palette safe for colour-blind
/// readers and a pattern, both chosen by [`Tone`]'s index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tone(pub usize);

/// (fill colour, pattern kind) per tone.
const TONES: [(&str, Pattern); 8] = [
    ("#009E73", Pattern::Solid),
    ("#0072B2", Pattern::Stripes),
    ("#E69F00", Pattern::Dots),
    ("#CC79A7", Pattern::Cross),
    ("#56B4E9", Pattern::Horizontal),
    ("#D55E00", Pattern::Vertical),
    ("#F0E442", Pattern::Stripes),
    ("#BBBBBB", Pattern::Hollow),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pattern {
    Solid,
    Stripes,
    Dots,
    Cross,
    Horizontal,
    Vertical,
    Hollow,
}

/// One part of a stacked bar: its label, count and the link it leads to.
#[derive(Clone, Debug)]
pub(crate) struct Part {
    pub label: String,
    pub count: i64,
    pub href: String,
    pub tone: Tone,
}

/// Width of every chart, in SVG units (it scales to its box).
pub(crate) const WIDTH: i64 = 640;
const LEGEND_COLS: i64 = 3;
const ROW: i64 = 22;

/// Escapes text for SVG/HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    crate::pages::templates::escape(s)
}

/// Splits `width` among `counts` in proportion (largest remainder), so the
/// widths are whole units and add up to `width` exactly; all zero when the
/// counts add up to zero (or less).
pub(crate) fn widths(counts: &[i64], width: i64) -> Vec<i64> {
    let total: i64 = counts.iter().map(|c| (*c).max(0)).sum();
    if total <= 0 {
        return vec![0; counts.len()];
    }
    let exact: Vec<(i64, i64)> = counts
        .iter()
        .map(|c| {
            let p = i128::from((*c).max(0)) * i128::from(width);
            ((p / i128::from(total)) as i64, (p % i128::from(total)) as i64)
        })
        .collect();
    let mut out: Vec<i64> = exact.iter().map(|(w, _)| *w).collect();
    let mut left = width - out.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1).then(a.cmp(b)));
    for i in order {
        if left == 0 {
            break;
        }
        if exact[i].1 > 0 {
            out[i] += 1;
            left -= 1;
        }
    }
    out
}

/// The `<defs>` with one pattern per tone used, ids prefixed by `id`.
fn defs(id: &str, tones: impl IntoIterator<Item = Tone>) -> String {
    let mut seen: Vec<usize> = tones.into_iter().map(|t| t.0 % TONES.len()).collect();
    seen.sort_unstable();
    seen.dedup();
    let mut s = String::from("<defs>");
    for t in seen {
        let (colour, pat) = TONES[t];
        let mark = match pat {
            Pattern::Solid => String::new(),
            Pattern::Stripes => r##"<path d="M0,8 L8,0" stroke="#000" stroke-width="1.5" opacity="0.55"/>"##.into(),
            Pattern::Dots => r##"<circle cx="4" cy="4" r="1.6" fill="#000" opacity="0.6"/>"##.into(),
            Pattern::Cross => {
                r##"<path d="M0,8 L8,0 M0,0 L8,8" stroke="#000" stroke-width="1" opacity="0.55"/>"##.into()
            }
            Pattern::Horizontal => r##"<path d="M0,4 L8,4" stroke="#000" stroke-width="1.5" opacity="0.5"/>"##.into(),
            Pattern::Vertical => r##"<path d="M4,0 L4,8" stroke="#000" stroke-width="1.5" opacity="0.5"/>"##.into(),
            Pattern::Hollow => r##"<path d="M0,8 L8,0" stroke="#666" stroke-width="0.8"/>"##.into(),
        };
        let bg = if pat == Pattern::Hollow { "#FFFFFF" } else { colour };
        let _ = write!(
            s,
            r#"<pattern id="{id}-p{t}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="{bg}"/>{mark}</pattern>"#
        );
    }
    s.push_str("</defs>");
    s
}

fn fill(id: &str, t: Tone) -> String {
    format!("url(#{id}-p{})", t.0 % TONES.len())
}

/// A stacked horizontal bar of `parts`, each part (and its legend entry) a
/// link; `title` names the chart for people and assistive technology. No
/// total (all counts zero): an empty outline saying so, and no links.
pub(crate) fn stacked_bar(id: &str, title: &str, parts: &[Part], empty: &str) -> String {
    let id = esc(id);
    let title_e = esc(title);
    let total: i64 = parts.iter().map(|p| p.count.max(0)).sum();
    let rows = (parts.len() as i64 + LEGEND_COLS - 1) / LEGEND_COLS;
    let height = 26 + 30 + rows * ROW + 4;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="group" viewBox="0 0 {WIDTH} {height}" width="100%" aria-label="{title_e}"><title>{title_e}</title>"#
    );
    s.push_str(&defs(&id, parts.iter().map(|p| p.tone)));
    let _ = write!(s, r#"<text x="0" y="16" font-size="14" font-weight="bold">{title_e} ({total})</text>"#);
    if total == 0 {
        let _ = write!(
            s,
            r##"<rect x="0.5" y="24.5" width="{}" height="27" fill="none" stroke="#888" stroke-dasharray="4 3"/><text x="{}" y="43" font-size="13" text-anchor="middle" fill="#444">{}</text></svg>"##,
            WIDTH - 1,
            WIDTH / 2,
            esc(empty)
        );
        return s;
    }
    let ws = widths(&parts.iter().map(|p| p.count).collect::<Vec<_>>(), WIDTH);
    let mut x = 0;
    for (p, w) in parts.iter().zip(&ws) {
        if *w == 0 {
            continue;
        }
        let label = esc(&p.label);
        let _ = write!(
            s,
            r##"<a href="{}" aria-label="{label}: {}"><title>{label}: {}</title><rect x="{x}" y="24" width="{w}" height="28" fill="{}" stroke="#fff" stroke-width="1"/></a>"##,
            esc(&p.href),
            p.count,
            p.count,
            fill(&id, p.tone)
        );
        x += w;
    }
    let col_w = WIDTH / LEGEND_COLS;
    for (i, p) in parts.iter().enumerate() {
        let (cx, cy) = ((i as i64 % LEGEND_COLS) * col_w, 62 + (i as i64 / LEGEND_COLS) * ROW);
        let label = esc(&p.label);
        let _ = write!(
            s,
            r##"<a href="{}" aria-label="{label}: {}"><rect x="{}" y="{cy}" width="14" height="14" fill="{}" stroke="#333" stroke-width="0.8"/><text x="{}" y="{}" font-size="13">{label}: {}</text></a>"##,
            esc(&p.href),
            p.count,
            cx + 1,
            fill(&id, p.tone),
            cx + 20,
            cy + 12,
            p.count
        );
    }
    s.push_str("</svg>");
    s
}

/// One series of a monthly chart.
#[derive(Clone, Debug)]
pub(crate) struct Series {
    pub label: String,
    pub values: Vec<i64>,
    pub tone: Tone,
}

/// The smallest of 1, 2, 5 × 10ⁿ at or above `n` (at least 1).
pub(crate) fn nice_max(n: i64) -> i64 {
    let mut step = 1i64;
    loop {
        for m in [1, 2, 5] {
            if step.saturating_mul(m) >= n {
                return step.saturating_mul(m);
            }
        }
        step = step.saturating_mul(10);
    }
}

/// Grouped bars per month (`months` are the x labels), one bar per series,
/// with a legend, the scale's top value, and each bar's number in its
/// `<title>`. Nothing to show: the axes and a sentence saying so.
pub(crate) fn monthly_bars(id: &str, title: &str, months: &[String], series: &[Series], empty: &str) -> String {
    let id = esc(id);
    let title_e = esc(title);
    let (left, top, plot_h) = (44i64, 44i64, 150i64);
    let height = top + plot_h + 40;
    let max = series.iter().flat_map(|s| s.values.iter().copied()).max().unwrap_or(0);
    let scale = nice_max(max);
    let n = months.len().max(1) as i64;
    let group = (WIDTH - left) / n;
    let bar = ((group - 6) / series.len().max(1) as i64).max(1);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" aria-label="{title_e}"><title>{title_e}</title>"#
    );
    s.push_str(&defs(&id, series.iter().map(|x| x.tone)));
    let _ = write!(s, r#"<text x="0" y="16" font-size="14" font-weight="bold">{title_e}</text>"#);
    for (i, se) in series.iter().enumerate() {
        let lx = i as i64 * 200;
        let _ = write!(
            s,
            r##"<rect x="{}" y="22" width="14" height="14" fill="{}" stroke="#333" stroke-width="0.8"/><text x="{}" y="34" font-size="13">{}</text>"##,
            lx + 1,
            fill(&id, se.tone),
            lx + 20,
            esc(&se.label)
        );
    }
    let base = top + plot_h;
    let _ = write!(
        s,
        r##"<line x1="{left}" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#333"/><line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#333"/><text x="{}" y="{}" font-size="11" text-anchor="end">{scale}</text><text x="{}" y="{base}" font-size="11" text-anchor="end">0</text>"##,
        left - 4,
        top + 10,
        left - 4
    );
    let mut shown_tail = "";
    for (m, label) in months.iter().enumerate() {
        let gx = left + m as i64 * group;
        // "Jan 2026": the month on the first line, the year below it only
        // where it changes, so that twelve labels fit side by side.
        let (head, tail) = label.split_once(' ').unwrap_or((label, ""));
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text>"#,
            gx + group / 2,
            base + 16,
            esc(head)
        );
        if tail != shown_tail {
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text>"#,
                gx + group / 2,
                base + 30,
                esc(tail)
            );
            shown_tail = tail;
        }
        for (k, se) in series.iter().enumerate() {
            let v = se.values.get(m).copied().unwrap_or(0).max(0);
            let h = (i128::from(v) * i128::from(plot_h) / i128::from(scale)) as i64;
            if v == 0 {
                continue;
            }
            let h = h.max(1);
            let _ = write!(
                s,
                r##"<rect x="{}" y="{}" width="{bar}" height="{h}" fill="{}" stroke="#333" stroke-width="0.5"><title>{}, {}: {v}</title></rect>"##,
                gx + 3 + k as i64 * bar,
                base - h,
                fill(&id, se.tone),
                esc(label),
                esc(&se.label)
            );
        }
    }
    if max == 0 {
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" font-size="13" text-anchor="middle" fill="#444">{}</text>"##,
            left + (WIDTH - left) / 2,
            top + plot_h / 2,
            esc(empty)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
#[path = "chart_tests.rs"]
mod tests;
