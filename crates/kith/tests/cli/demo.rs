//! `kith demo` fills an empty CRM, requests included: the queue shows one
//! overdue request and one waiting on the person (the completed one has left it).

use crate::run::{kith, ok, temp_dir};

#[test]
fn the_demo_seeds_requests_in_every_state_the_queue_shows() {
    let dir = temp_dir("demo");
    let seeded = ok(&kith(&dir, &[], &["demo"]));
    assert!(seeded.contains("data-subject requests: 4"), "{seeded}");
    let queue = ok(&kith(&dir, &[], &["dsr", "list"]));
    let lines: Vec<&str> = queue.lines().collect();
    assert_eq!(lines.len(), 3, "overdue, waiting and new are open; the completed one is not: {queue}");
    assert!(lines.iter().any(|l| l.contains("OVERDUE") && l.contains("access")), "{queue}");
    assert!(lines.iter().any(|l| l.contains("paused") && l.contains("rectification")), "{queue}");
    assert!(lines.iter().any(|l| l.contains("erasure")), "{queue}");
    // The breach register: one closed and notified in time, one open whose clock runs.
    assert!(seeded.contains("breaches: 2"), "{seeded}");
    let breaches = ok(&kith(&dir, &[], &["breach", "list"]));
    let lines: Vec<&str> = breaches.lines().collect();
    assert_eq!(lines.len(), 2, "{breaches}");
    assert!(lines.iter().any(|l| l.starts_with("BR-DEMO-001\tclosed") && l.ends_with("\t-\tnotified")), "{breaches}");
    let open = lines.iter().find(|l| l.starts_with("BR-DEMO-002\topen")).expect("the open breach");
    assert!(open.contains("66 h") && open.contains(" left\tnot-notified"), "{breaches}");
    let _ = std::fs::remove_dir_all(&dir);
}
