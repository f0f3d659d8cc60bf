use super::*;
use proptest::prelude::*;

fn part(label: &str, count: i64, tone: usize) -> Part {
    Part { label: label.into(), count, href: format!("/contacts?x={count}&y=1"), tone: Tone(tone) }
}

/// The widths of the bar's rectangles (the legend's swatches are 14 wide
/// at y ≥ 62; the bar's are at y = 24).
fn bar_widths(svg: &str) -> Vec<i64> {
    svg.split("<rect ")
        .skip(1)
        .filter(|r| r.contains(r#"y="24""#) && r.contains("url(#"))
        .map(|r| {
            let w = r.split(r#"width=""#).nth(1).unwrap();
            w[..w.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

#[test]
fn labels_and_titles_are_escaped() {
    let svg =
        stacked_bar("c1", "News <&> \"letters\"", &[part("<script>alert('x')</script>", 3, 0)], "No contacts to count");
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;: 3"));
    assert!(svg.contains("<title>News &lt;&amp;&gt; &quot;letters&quot;</title>"));
    assert!(svg.contains(r#"aria-label="News &lt;&amp;&gt; &quot;letters&quot;""#));
    // Links keep their query, with & escaped in the attribute.
    assert!(svg.contains(r#"href="/contacts?x=3&amp;y=1""#));
    let m = monthly_bars(
        "t",
        "Trend <b>",
        &["Jan & Feb".into()],
        &[Series { label: "<i>".into(), values: vec![1], tone: Tone(0) }],
        "Nothing recorded in these months",
    );
    assert!(!m.contains("<b>") && !m.contains("<i>"));
    assert!(m.contains("Jan &amp; Feb"));
}

#[test]
fn each_part_is_a_link_with_its_label_and_count() {
    let svg = stacked_bar(
        "c",
        "Lawful basis",
        &[part("Consent", 7, 0), part("No basis", 3, 7), part("Contract", 0, 1)],
        "No contacts to count",
    );
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(svg.contains("<title>Lawful basis</title>"));
    assert!(svg.contains("Lawful basis (10)"));
    assert!(svg.contains("Consent: 7") && svg.contains("No basis: 3") && svg.contains("Contract: 0"));
    // Bar: two parts (a zero part has no width); legend: three links.
    assert_eq!(bar_widths(&svg).len(), 2);
    assert_eq!(svg.matches("<a href=").count(), 5);
    // Patterns, not colour alone, and ids are the chart's own.
    assert!(svg.contains(r#"<pattern id="c-p0""#) && svg.contains(r#"<pattern id="c-p7""#));
    assert!(svg.contains("url(#c-p7)"));
}

#[test]
fn zero_total_renders_an_empty_state_without_links() {
    let svg = stacked_bar("z", "Email", &[part("Given", 0, 0), part("Withdrawn", 0, 5)], "No contacts to count");
    assert!(svg.contains("No contacts to count"));
    assert!(!svg.contains("<a "));
    assert!(svg.ends_with("</svg>"));
    let none = stacked_bar("z", "Email", &[], "No contacts to count");
    assert!(none.contains("No contacts to count"));
    let m = monthly_bars(
        "m",
        "Trend",
        &["Jan".into(), "Feb".into()],
        &[Series { label: "Given".into(), values: vec![0, 0], tone: Tone(0) }],
        "Nothing recorded in these months",
    );
    assert!(m.contains("Nothing recorded in these months"));
    assert!(!m.contains("<title>Jan"));
}

#[test]
fn widths_sum_to_the_total_width() {
    assert_eq!(widths(&[1, 1, 1], 640), vec![214, 213, 213]);
    assert_eq!(widths(&[0, 0], 640), vec![0, 0]);
    assert_eq!(widths(&[5, 0], 640), vec![640, 0]);
    assert_eq!(widths(&[], 640), Vec::<i64>::new());
    let svg = stacked_bar("s", "S", &[part("a", 1, 0), part("b", 1, 1), part("c", 1, 2)], "No contacts to count");
    assert_eq!(bar_widths(&svg).iter().sum::<i64>(), WIDTH);
}

#[test]
fn the_scale_is_a_round_number_at_or_above_the_peak() {
    assert_eq!(nice_max(0), 1);
    assert_eq!(nice_max(1), 1);
    assert_eq!(nice_max(3), 5);
    assert_eq!(nice_max(7), 10);
    assert_eq!(nice_max(11), 20);
    assert_eq!(nice_max(200), 200);
    assert_eq!(nice_max(201), 500);
}

#[test]
fn monthly_bars_show_each_nonzero_value_in_a_title() {
    let months: Vec<String> = ["Jan 2026", "Feb 2026", "Mar 2026"].map(String::from).to_vec();
    let m = monthly_bars(
        "t",
        "Trend",
        &months,
        &[
            Series { label: "Given".into(), values: vec![4, 0, 2], tone: Tone(0) },
            Series { label: "Withdrawn".into(), values: vec![1, 0, 0], tone: Tone(5) },
        ],
        "Nothing recorded in these months",
    );
    assert!(m.contains("<title>Jan 2026, Given: 4</title>"));
    assert!(m.contains("<title>Mar 2026, Given: 2</title>"));
    assert!(m.contains("<title>Jan 2026, Withdrawn: 1</title>"));
    assert!(!m.contains("Feb 2026, Given"));
    assert!(m.contains(">5</text>"), "scale top");
    // Month on one line, the year once below it.
    assert_eq!(m.matches(">2026</text>").count(), 1);
    assert!(m.contains(">Feb</text>"));
}

proptest! {
    #[test]
    fn widths_always_sum_to_the_width(counts in prop::collection::vec(0i64..1_000_000, 0..9), width in 1i64..2000) {
        let w = widths(&counts, width);
        prop_assert_eq!(w.len(), counts.len());
        let total: i64 = counts.iter().sum();
        if total == 0 {
            prop_assert!(w.iter().all(|x| *x == 0));
        } else {
            prop_assert_eq!(w.iter().sum::<i64>(), width);
            for (c, x) in counts.iter().zip(&w) {
                // Each width is within one unit of its exact share.
                let exact = *c as f64 * width as f64 / total as f64;
                prop_assert!((*x as f64 - exact).abs() < 1.0 + 1e-9);
                if *c == 0 { prop_assert_eq!(*x, 0); }
            }
        }
    }
}
