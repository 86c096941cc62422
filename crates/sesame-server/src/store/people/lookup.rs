//! People found by user ID, many at once: how an import learns which of its rows name
//! someone who already exists.

use std::collections::HashMap;

use super::PersonRow;
use crate::store::{Bind, Conn};
use sesame_core::domain::rules::Target;

/// Keys per query (bound as one JSON array).
const CHUNK: usize = 5000;

impl Conn {
    /// The people of `org_id` whose user ID is one of `keys` (lower-cased), by key, as the
    /// rules see them from `reach_person`.
    pub async fn people_by_user_ids(
        &mut self,
        org_id: i64,
        keys: &[String],
        reach_person: i64,
    ) -> Result<HashMap<String, (Target, PersonRow)>, sqlx::Error> {
        let mut out = HashMap::with_capacity(keys.len());
        for chunk in keys.chunks(CHUNK) {
            let values: Vec<Bind> = chunk.iter().map(|k| Bind::Text(k.clone())).collect();
            let found = self
                .targets_where(org_id, "a.user_id_key", &values, reach_person)
                .await?;
            out.extend(
                found
                    .into_iter()
                    .map(|(t, p)| (p.user_id_key.clone(), (t, p))),
            );
        }
        Ok(out)
    }
}
