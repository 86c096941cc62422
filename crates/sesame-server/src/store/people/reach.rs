//! How many people a visibility reaches: the count of a person's reach preview, from the
//! same SQL as their listing.

use sqlx::AssertSqlSafe;

use super::visibility::visible_people;
use crate::store::{Bind, Conn, bind_all, on_conn};
use sesame_core::domain::rules::Visibility;

impl Conn {
    pub async fn count_visible(
        &mut self,
        org_id: i64,
        visibility: Visibility,
    ) -> Result<i64, sqlx::Error> {
        let mut binds = vec![Bind::Int(org_id)];
        let filter = " WHERE a.org_id = $1 AND a.kind = 'person'";
        let sql = format!(
            "SELECT COUNT(*) FROM ({}) v",
            visible_people(visibility, "a.id", filter, "", &mut binds)
        );
        on_conn!(self, c => {
            bind_all!(sqlx::query_scalar::<_, i64>(AssertSqlSafe(sql)), &binds)
                .fetch_one(&mut *c)
                .await
        })
    }
}
