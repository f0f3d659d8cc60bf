//! A contact's activity timeline: interactions and the stage changes of
//! the deals the contact is on, newest first.

use crate::{App, Principal, Result};
use kith_domain::{DealId, SubjectId};
use kith_store::deals::{DealFilter, StageChange};
use kith_store::interactions::Interaction;

/// Deals whose history a timeline shows at most.
const MAX_DEALS: i64 = 50;

#[derive(Clone, Debug)]
pub enum TimelineItem {
    Interaction(Interaction),
    DealStage { deal: DealId, title: String, change: StageChange },
}

impl TimelineItem {
    pub fn at(&self) -> time::OffsetDateTime {
        match self {
            TimelineItem::Interaction(i) => i.occurred_at,
            TimelineItem::DealStage { change, .. } => change.changed_at,
        }
    }
}

impl App {
    /// The newest `limit` events about a contact (audited as an interaction
    /// listing).
    pub async fn contact_timeline(&self, p: &Principal, id: SubjectId, limit: i64) -> Result<Vec<TimelineItem>> {
        let interactions = self.list_interactions(p, id, None, Some(limit)).await?;
        let mut items: Vec<TimelineItem> = interactions.items.into_iter().map(TimelineItem::Interaction).collect();
        let filter = DealFilter { contact: Some(id), ..Default::default() };
        for d in self.store.list_deals(&filter, None, MAX_DEALS).await? {
            for change in self.store.deal_history(d.id).await? {
                items.push(TimelineItem::DealStage { deal: d.id, title: d.title.clone(), change });
            }
        }
        items.sort_by_key(|i| std::cmp::Reverse(i.at()));
        items.truncate(limit as usize);
        Ok(items)
    }
}
