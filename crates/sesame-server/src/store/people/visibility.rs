//! The domain's [`Visibility`] turned into SQL: the one place that says, for the database,
//! which people an actor sees.

use crate::store::Bind;
use sesame_core::domain::Level;
use sesame_core::domain::rules::Visibility;

/// `SELECT {columns}` of the people `a` matching `filter` (a `WHERE …` clause on `accounts a`)
/// that `visibility` lets the actor see. A compound statement for level 2, so the caller orders
/// it by result column names (`sort_name`, not `a.sort_name`); `each_part` (`ORDER BY … LIMIT
/// n`, or nothing) then also bounds each of its parts.
pub fn visible_people(
    visibility: Visibility,
    columns: &str,
    filter: &str,
    each_part: &str,
    binds: &mut Vec<Bind>,
) -> String {
    let select = format!("SELECT {columns} FROM accounts a{filter}");
    match visibility {
        Visibility::Everyone => select,
        // Two parts merged: an index range of the level-2 users, and the few level-3 users
        // under charge, reached from `charges` (CROSS JOIN keeps SQLite from walking the whole
        // name index to find them). One scan that skips most of the organization would make
        // the level-2 list many times slower. Each part ordered and limited on its own: else
        // PostgreSQL sorts every level-2 user to keep the first hundred. The actor is among the
        // level-2 users: this visibility is only ever theirs.
        Visibility::LevelTwoAndCharge { person_id } => {
            binds.push(Bind::Int(person_id));
            let p = binds.len();
            let part = |sql: String| match each_part {
                "" => sql,
                bound => format!("SELECT * FROM ({sql}{bound}) AS part"),
            };
            format!(
                "{} UNION ALL {}",
                part(format!("{select} AND a.level_rank = {}", Level::Two.rank())),
                part(format!(
                    "SELECT {columns} FROM charges c CROSS JOIN accounts a{filter} \
                     AND c.manager_id = ${p} AND a.id = c.subordinate_id AND a.level_rank = {}",
                    Level::Three.rank()
                ))
            )
        }
        Visibility::OnlySelf { person_id } => {
            binds.push(Bind::Int(person_id));
            format!("{select} AND a.id = ${}", binds.len())
        }
        Visibility::Nobody => format!("{select} AND 1 = 0"),
    }
}

/// The same sight as [`visible_people`], as a condition on the people `a` to add to a `WHERE`
/// clause (empty for everyone): for statements that reach people by id, as a search through
/// the index does.
pub fn visible_condition(visibility: Visibility, binds: &mut Vec<Bind>) -> String {
    match visibility {
        Visibility::Everyone => String::new(),
        Visibility::LevelTwoAndCharge { person_id } => {
            binds.push(Bind::Int(person_id));
            format!(
                " AND (a.level_rank = {} OR (a.level_rank = {} AND a.id IN \
                 (SELECT subordinate_id FROM charges WHERE manager_id = ${})))",
                Level::Two.rank(),
                Level::Three.rank(),
                binds.len()
            )
        }
        Visibility::OnlySelf { person_id } => {
            binds.push(Bind::Int(person_id));
            format!(" AND a.id = ${}", binds.len())
        }
        Visibility::Nobody => " AND 1 = 0".into(),
    }
}
