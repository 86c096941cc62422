//! The audit log: one line of history per change, and its filtered reading.

use sqlx::AssertSqlSafe;

use super::{Bind, Conn, bind_all, now, on_conn, to_time};
use sesame_core::api::{AuditDetail, AuditEntry};
use sesame_core::domain::rules::Visibility;

/// One line of history. Never holds a secret: callers pass names and changed fields only.
#[derive(Debug, Clone)]
pub struct AuditRecord<'a> {
    pub org_id: i64,
    pub actor_id: Option<i64>,
    pub actor_label: &'a str,
    pub action: sesame_core::domain::AuditAction,
    pub target_id: Option<i64>,
    pub target_label: &'a str,
    pub detail: Option<AuditDetail>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct AuditRow {
    id: i64,
    at: i64,
    actor_id: Option<i64>,
    actor_label: String,
    action: String,
    target_id: Option<i64>,
    target_label: String,
    detail: String,
}

/// Filters of the audit log (all optional).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<i64>,
    pub target: Option<i64>,
    pub action: Option<String>,
    /// Part of the actor's label / of the target's label.
    pub who: Option<String>,
    pub whom: Option<String>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Entries with an id below this one (the next page, newest first).
    pub before: Option<i64>,
    pub limit: i64,
}

impl Conn {
    /// Several lines of history in one statement (a batch's lines).
    pub async fn audit_many(&mut self, records: &[AuditRecord<'_>]) -> Result<(), sqlx::Error> {
        // A statement binds at most a few thousand values on both databases.
        for chunk in records.chunks(1000) {
            self.audit_chunk(chunk).await?;
        }
        Ok(())
    }

    async fn audit_chunk(&mut self, records: &[AuditRecord<'_>]) -> Result<(), sqlx::Error> {
        if records.is_empty() {
            return Ok(());
        }
        let at = now();
        let postgres = matches!(self, Conn::Postgres(_));
        let mut binds = Vec::with_capacity(records.len() * 8);
        let mut rows = Vec::with_capacity(records.len());
        for r in records {
            let values = super::row_placeholders(postgres, binds.len() + 1, 8);
            rows.push(format!("({values})"));
            binds.extend([
                Bind::Int(r.org_id),
                Bind::Int(at),
                Bind::OptInt(r.actor_id),
                Bind::Text(r.actor_label.to_owned()),
                Bind::Text(r.action.as_str().to_owned()),
                Bind::OptInt(r.target_id),
                Bind::Text(r.target_label.to_owned()),
                Bind::Text(AuditDetail::to_stored(r.detail.as_ref())),
            ]);
        }
        let sql = format!(
            "INSERT INTO audit (org_id, at, actor_id, actor_label, action, target_id, target_label, detail) VALUES {}",
            rows.join(", ")
        );
        on_conn!(self, c => {
            bind_all!(sqlx::query(AssertSqlSafe(sql)), &binds).execute(&mut *c).await?;
        });
        Ok(())
    }

    pub async fn audit(&mut self, r: AuditRecord<'_>) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "INSERT INTO audit (org_id, at, actor_id, actor_label, action, target_id, target_label, detail) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(r.org_id)
            .bind(now())
            .bind(r.actor_id)
            .bind(r.actor_label)
            .bind(r.action.as_str())
            .bind(r.target_id)
            .bind(r.target_label)
            .bind(AuditDetail::to_stored(r.detail.as_ref()))
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Newest first. A level-2 reader sees only entries about the people they may see.
    pub async fn audit_entries(
        &mut self,
        org_id: i64,
        visibility: Visibility,
        f: &AuditFilter,
    ) -> Result<Vec<AuditEntry>, sqlx::Error> {
        let mut binds = vec![Bind::Int(org_id)];
        let mut sql = String::from(
            "SELECT e.id, e.at, e.actor_id, e.actor_label, e.action, e.target_id, e.target_label, e.detail \
             FROM audit e WHERE e.org_id = $1",
        );
        if visibility != Visibility::Everyone {
            let visible = super::people::visible_people(
                visibility,
                "a.id",
                " WHERE a.org_id = $1 AND a.kind = 'person'",
                "",
                &mut binds,
            );
            sql.push_str(&format!(" AND e.target_id IN ({visible})"));
        }
        if let Some(w) = &f.who {
            binds.push(Bind::Text(super::people::like_pattern(w)));
            sql.push_str(&format!(
                " AND LOWER(e.actor_label) LIKE ${} ESCAPE '\\'",
                binds.len()
            ));
        }
        if let Some(w) = &f.whom {
            binds.push(Bind::Text(super::people::like_pattern(w)));
            sql.push_str(&format!(
                " AND LOWER(e.target_label) LIKE ${} ESCAPE '\\'",
                binds.len()
            ));
        }
        let mut push = |sql: &mut String, cond: &str, b: Bind| {
            binds.push(b);
            sql.push_str(&format!(" AND {cond} ${}", binds.len()));
        };
        if let Some(a) = f.actor {
            push(&mut sql, "e.actor_id =", Bind::Int(a));
        }
        if let Some(t) = f.target {
            push(&mut sql, "e.target_id =", Bind::Int(t));
        }
        if let Some(a) = &f.action {
            push(&mut sql, "e.action =", Bind::Text(a.clone()));
        }
        if let Some(from) = f.from {
            push(&mut sql, "e.at >=", Bind::Int(from));
        }
        if let Some(to) = f.to {
            push(&mut sql, "e.at <=", Bind::Int(to));
        }
        if let Some(before) = f.before {
            push(&mut sql, "e.id <", Bind::Int(before));
        }
        sql.push_str(&format!(" ORDER BY e.id DESC LIMIT {}", f.limit));
        let rows: Vec<AuditRow> = on_conn!(self, c => {
            bind_all!(sqlx::query_as::<_, AuditRow>(AssertSqlSafe(sql)), &binds).fetch_all(&mut *c).await?
        });
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                id: r.id,
                at: to_time(r.at),
                actor_id: r.actor_id,
                actor: r.actor_label,
                action: r.action,
                target_id: r.target_id,
                target: r.target_label,
                detail: AuditDetail::from_stored(&r.detail),
            })
            .collect())
    }
}
