//! What the rules need to know of people about to be acted on ([`Target`]), one or many at
//! once, with their rows.

use sqlx::AssertSqlSafe;

use super::PersonRow;
use crate::store::{Bind, Conn, bind_all, on_conn};
use sesame_core::domain::rules::Target;
use sesame_core::domain::{Level, Status};

/// The facts of [`Target`] about the people `a` of organization `$1`, seen from the reach
/// person `$2`. The last active level-1 user rule counts them once a statement, along the
/// level's index; the level's code is written in, not bound: PostgreSQL's generic plan took a
/// bound level for half the organization and scanned it whole for every row (12 s for one
/// look-up of 571 people in an import at 100,000).
fn target_facts(from: &str) -> String {
    format!(
        "SELECT a.id, a.org_id, a.level, a.status, \
         EXISTS (SELECT 1 FROM charges c WHERE c.manager_id = $2 AND c.subordinate_id = a.id), \
         (SELECT COALESCE(SUM(CASE WHEN l.status = 'active' THEN 1 ELSE 0 END), 0) \
          FROM accounts l WHERE l.org_id = $1 AND l.kind = 'person' AND l.level = {}), \
         a.totp_enabled \
         FROM {from} WHERE a.org_id = $1 AND a.kind = 'person'",
        Level::One.code()
    )
}

/// id, organization, level code, status, under the reach person's charge, active level-1 users,
/// two-factor enrolled.
pub(super) type TargetFacts = (i64, i64, Option<i64>, String, bool, i64, bool);

pub(super) fn target_of(
    (id, org_id, level, status, under_charge, active_level_one, two_factor): TargetFacts,
) -> Target {
    Target {
        id,
        org_id,
        level: level.and_then(Level::from_code).unwrap_or(Level::Three),
        status: Status::parse(&status).unwrap_or(Status::Suspended),
        under_charge,
        active_level_one,
        two_factor,
    }
}

impl Conn {
    /// The facts the rules need about a person, seen from `reach_person` (0 for nobody).
    pub async fn target(
        &mut self,
        org_id: i64,
        id: i64,
        reach_person: i64,
    ) -> Result<Option<Target>, sqlx::Error> {
        let row: Option<TargetFacts> = on_conn!(self, c => {
            sqlx::query_as(AssertSqlSafe(format!("{} AND a.id = $3", target_facts("accounts a"))))
                .bind(org_id)
                .bind(reach_person)
                .bind(id)
                .fetch_optional(&mut *c)
                .await?
        });
        Ok(row.map(target_of))
    }

    /// [`Conn::target`] and the row of several people at once: two queries whatever their
    /// number. People who are not in the organization are left out.
    pub async fn targets(
        &mut self,
        org_id: i64,
        ids: &[i64],
        reach_person: i64,
    ) -> Result<Vec<(Target, PersonRow)>, sqlx::Error> {
        let ids: Vec<Bind> = ids.iter().map(|i| Bind::Int(*i)).collect();
        self.targets_where(org_id, "a.id", &ids, reach_person).await
    }

    /// [`Conn::targets`] of the people whose `column` is one of `values`.
    pub(super) async fn targets_where(
        &mut self,
        org_id: i64,
        column: &str,
        values: &[Bind],
        reach_person: i64,
    ) -> Result<Vec<(Target, PersonRow)>, sqlx::Error> {
        if values.is_empty() {
            return Ok(vec![]);
        }
        // The values as one JSON array, a bound value whatever their number: thousands of
        // `$n` cost either database more to read than the look-ups themselves.
        let list =
            Bind::Text(serde_json::Value::from_iter(values.iter().map(Bind::json)).to_string());
        let postgres = matches!(self, Conn::Postgres(_));
        // On PostgreSQL driven from the list, each value found through the index of `column`
        // behind a fence (`OFFSET 0`): planned from statistics a moment old (between two
        // imports they said the organization held one person), it walked every person for
        // each value, 4.4 s for one look-up of 571 at 20,000 people.
        let from = |n: usize| {
            if postgres {
                // The array's elements come out as text: cast back to the values' own type.
                let ty = match values[0] {
                    Bind::Text(_) => "TEXT",
                    Bind::Int(_) | Bind::OptInt(_) => "BIGINT",
                };
                format!(
                    "(SELECT DISTINCT CAST(j.v AS {ty}) AS v \
                     FROM jsonb_array_elements_text(CAST(${n} AS jsonb)) AS j(v)) AS k \
                     CROSS JOIN LATERAL (SELECT * FROM accounts a \
                     WHERE a.org_id = $1 AND {column} = k.v OFFSET 0) AS a"
                )
            } else {
                "accounts a".to_owned()
            }
        };
        let within = |n: usize| {
            if postgres {
                String::new()
            } else {
                format!(" AND {column} IN (SELECT value FROM json_each(${n}))")
            }
        };
        let facts_binds = [Bind::Int(org_id), Bind::Int(reach_person), list.clone()];
        let rows_binds = [Bind::Int(org_id), list];
        let facts_sql = format!("{}{}", target_facts(&from(3)), within(3));
        let rows_sql = format!(
            "SELECT {} FROM {} WHERE a.org_id = $1 AND a.kind = 'person'{}",
            person_columns!(),
            from(2),
            within(2)
        );
        let facts: Vec<TargetFacts> = on_conn!(self, c => {
            bind_all!(sqlx::query_as::<_, TargetFacts>(AssertSqlSafe(facts_sql)), &facts_binds)
                .fetch_all(&mut *c)
                .await?
        });
        let rows: Vec<PersonRow> = on_conn!(self, c => {
            bind_all!(sqlx::query_as::<_, PersonRow>(AssertSqlSafe(rows_sql)), &rows_binds)
                .fetch_all(&mut *c)
                .await?
        });
        let mut rows: std::collections::HashMap<i64, PersonRow> =
            rows.into_iter().map(|r| (r.id, r)).collect();
        Ok(facts
            .into_iter()
            .filter_map(|facts| {
                let row = rows.remove(&facts.0)?;
                Some((target_of(facts), row))
            })
            .collect())
    }
}
