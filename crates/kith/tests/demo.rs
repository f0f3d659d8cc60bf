//! `kith demo` fills an empty CRM, requests included: the queue shows one
//! overdue request and one waiting on the person (the completed one has left it).

use std::process::Command;

#[test]
fn the_demo_seeds_requests_in_every_state_the_queue_shows() {
    let dir = std::env::temp_dir().join(format!("kith-demo-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let kith = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_kith"))
            .args(args)
            .arg("--data-dir")
            .arg(&dir)
            .env_remove("KITH_DATABASE_URL")
            .env_remove("KITH_MASTER_KEY")
            .env_remove("KITH_DATA_DIR")
            .output()
            .expect("run kith");
        assert!(out.status.success(), "kith {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let seeded = kith(&["demo"]);
    assert!(seeded.contains("data-subject requests: 4"), "{seeded}");
    let queue = kith(&["dsr", "list"]);
    let lines: Vec<&str> = queue.lines().collect();
    assert_eq!(lines.len(), 3, "overdue, waiting and new are open; the completed one is not: {queue}");
    assert!(lines.iter().any(|l| l.contains("OVERDUE") && l.contains("access")), "{queue}");
    assert!(lines.iter().any(|l| l.contains("paused") && l.contains("rectification")), "{queue}");
    assert!(lines.iter().any(|l| l.contains("erasure")), "{queue}");
    let _ = std::fs::remove_dir_all(&dir);
}
