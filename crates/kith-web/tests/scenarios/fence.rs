//! The fence between layers: `kith-web` reaches storage only through the
//! use cases of `kith-app`, never the store itself (it names the records it
//! needs from `kith_app::records`). `kith-store` is only a dev-dependency of
//! this crate, for tests; this test keeps the sources from reaching it
//! through `App::store()`.

#[test]
fn the_web_layer_does_not_reach_the_store() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (n, line) in text.lines().enumerate() {
                    if line.contains(".store()") || line.contains("kith_store") {
                        offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(offenders.is_empty(), "kith-web reaches the store:\n{}", offenders.join("\n"));
    let manifest =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let deps = manifest.split("[dev-dependencies]").next().unwrap();
    assert!(!deps.contains("kith-store"), "kith-store must stay a dev-dependency of kith-web");
}
