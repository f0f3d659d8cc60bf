//! Settings the admin changes at run time: the roles allowed to delete
//! contacts directly.

use crate::audit::{self, NewEntry};
use crate::db::Exec;
use crate::{args, now_ms, Ctx, Store, StoreError};
use kith_domain::Role;

impl Store {
    /// The roles whose deletions erase at once (besides admin and dpo).
    pub async fn direct_deletion_roles(&self) -> Result<Vec<Role>, StoreError> {
        let rows =
            self.pools.read.conn().await?.fetch_all("SELECT role FROM direct_deletion ORDER BY role", &[]).await?;
        let mut out = Vec::new();
        for r in &rows {
            let role: String = r.get(0)?;
            out.extend(Role::parse(&role));
        }
        Ok(out)
    }

    /// Replaces the roles allowed to delete directly; audited.
    pub async fn set_direct_deletion_roles(&self, ctx: &Ctx, roles: &[Role]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute("DELETE FROM direct_deletion", &[]).await?;
        for r in roles {
            tx.execute(
                "INSERT INTO direct_deletion (role, allowed_at) VALUES ($1, $2) ON CONFLICT (role) DO NOTHING",
                &args![r.as_str(), now_ms()],
            )
            .await?;
        }
        let entry = NewEntry {
            action: "settings.direct_deletion",
            subject: None,
            object_type: "settings",
            object_id: Some(roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")),
        };
        audit::append(&mut tx, ctx, &[entry]).await?;
        tx.commit().await
    }
}
