//! `kith restore`: put a backup in place, then erase again everyone erased
//! since it was taken, from the erasure journal.

use crate::config::{open_store, sqlite_file, StoreArgs};
use crate::error::CliError;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct RestoreArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// The backup file (not needed with --reapply-only).
    pub file: Option<PathBuf>,
    /// Only re-apply the erasure journal (after a pg_restore).
    #[arg(long)]
    pub reapply_only: bool,
}

pub async fn run(a: RestoreArgs) -> Result<(), CliError> {
    if !a.reapply_only {
        let file = a.file.ok_or_else(|| CliError::Usage("name the backup file to restore".into()))?;
        let target = sqlite_file(&a.store)?;
        if !file.is_file() {
            return Err(CliError::Usage(format!("{} is not a file", file.display())));
        }
        let tmp = target.with_extension("db.restoring");
        std::fs::copy(&file, &tmp).map_err(CliError::io("cannot copy the backup"))?;
        for ext in ["db-wal", "db-shm"] {
            let _ = std::fs::remove_file(target.with_extension(ext));
        }
        std::fs::rename(&tmp, &target).map_err(CliError::io("cannot put the backup in place"))?;
    }
    let s = open_store(&a.store, true).await?;
    let journal = a.store.data_dir.join(kith_store::backup::JOURNAL_FILE);
    let ctx =
        kith_store::Ctx { actor: "system:restore".into(), request_id: uuid::Uuid::now_v7().to_string(), token: None };
    let n = s.reapply_erasures(&ctx, &journal).await.map_err(CliError::store("re-applying erasures failed"))?;
    println!("restored; {n} person(s) erased after the backup was taken were erased again");
    Ok(())
}
