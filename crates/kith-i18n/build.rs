//! Embeds every `locales/<language>/<area>.ftl` in the binary: a language is
//! a folder, so adding one needs no code.

use std::{env, fs, path::Path};

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    let mut langs: Vec<_> = fs::read_dir(&root).expect("locales/").flatten().filter(|e| e.path().is_dir()).collect();
    langs.sort_by_key(|e| e.file_name());
    for lang in langs {
        let code = lang.file_name().to_string_lossy().into_owned();
        let mut ftl: Vec<_> = fs::read_dir(lang.path())
            .expect("a language folder")
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
            .collect();
        ftl.sort_by_key(|e| e.file_name());
        for f in ftl {
            let path = f.path();
            println!("cargo:rerun-if-changed={}", path.display());
            files.push(format!(
                "    ({code:?}, {:?}, include_str!({:?})),\n",
                f.file_name().to_string_lossy(),
                path.display().to_string()
            ));
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets it")).join("catalogue.rs");
    let body = format!(
        "/// Every message file: (language, file name, text).\npub static FILES: &[(&str, &str, &str)] = &[\n{}];\n",
        files.concat()
    );
    fs::write(out, body).expect("write the catalogue list");
}
