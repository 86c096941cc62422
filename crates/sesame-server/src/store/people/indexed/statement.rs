//! The statement of a page a search's candidates make.

use super::Request;
use crate::store::Bind;
use crate::store::people::listing::{BadCursor, order_by, page_filter};
use crate::store::people::visibility::visible_condition;

/// The page's statement: the candidates the database confirms, and the rows changed since the
/// build that match, in the sort's order if `ordered`; the last column says which part a row
/// came from.
pub(super) fn statement(
    r: &Request<'_>,
    candidates: &[i64],
    limit: usize,
    ordered: bool,
) -> Result<(String, Vec<Bind>), BadCursor> {
    let (filter, mut binds) = page_filter(false, r.org_id, r.query, true, !r.sqlite)?;
    let sight = visible_condition(r.visibility, &mut binds);
    // The build's change number written in the statement, not bound: PostgreSQL then plans
    // with it (the changed rows are few), where a generic plan took a third of the organization
    // for them and walked an order's index. It changes only when the index is built again.
    let seq = r.ready.index.seq;
    let columns = r.columns;
    let order = order_by(r.query, false);
    let inner_order = order_by(r.query, true);
    // Driven from the candidates and from the changed rows, each row read by its id alone:
    // otherwise, where one value fills a sort's leading column (everyone active, nearly
    // everyone of level 3), a database took the cursor's comparison for a range of one row and
    // walked that order's index through the organization, or gathered every match of the term
    // through the trigram index: 2–9 % of the page's rate at 100,000 people. SQLite is kept to
    // the ids by its CROSS JOIN; PostgreSQL by a fence (`OFFSET 0`: its planner neither
    // flattens the subquery nor pushes the filter into it), inside which the only condition is
    // on the primary key. The candidates go to PostgreSQL as one array scanned by that key:
    // a tenth less of its time than a row read per element of a list, in orders whose rows lie
    // scattered in the table.
    let candidates = if r.sqlite {
        serde_json::to_string(candidates).unwrap_or_else(|_| "[]".into())
    } else {
        let ids: Vec<String> = candidates.iter().map(i64::to_string).collect();
        format!("{{{}}}", ids.join(","))
    };
    binds.push(Bind::Text(candidates));
    let list = binds.len();
    // The candidates (`changed` false) or the rows changed since the build.
    let reach = |changed: bool, more: &str| match (r.sqlite, changed) {
        (true, false) => format!(
            "json_each(${list}) AS c CROSS JOIN accounts a{filter} AND a.id = c.value\
             {more}{sight}"
        ),
        (true, true) => format!("d CROSS JOIN accounts a{filter} AND a.id = d.changed{sight}"),
        (false, false) => format!(
            "(SELECT * FROM accounts a WHERE a.id = ANY(CAST(${list} AS BIGINT[])) OFFSET 0) \
             AS a{filter}{more}{sight}"
        ),
        (false, true) => format!(
            "d CROSS JOIN LATERAL (SELECT * FROM accounts a WHERE a.id = d.changed OFFSET 0) \
             AS a{filter}{sight}"
        ),
    };
    let base = format!(
        "SELECT {columns}, CAST(0 AS BIGINT) AS delta FROM {}",
        reach(false, &format!(" AND a.change_seq <= {seq}"))
    );
    // The changed rows are gathered first (usually none: one probe of an index).
    let sql = format!(
        "WITH d AS MATERIALIZED (SELECT id AS changed FROM accounts \
         WHERE org_id = $1 AND change_seq > {seq}) \
         SELECT * FROM ({base} UNION ALL SELECT * FROM (SELECT {columns}, \
         CAST(1 AS BIGINT) AS delta FROM {} ORDER BY {inner_order} LIMIT {}) AS d2) \
         AS page{}",
        reach(true, ""),
        limit + 1,
        if ordered {
            format!(" ORDER BY {order}")
        } else {
            String::new()
        }
    );
    Ok((sql, binds))
}
