//! The users under this user's charge: searching level-3 users to link, then linking and
//! unlinking in the form. Like the identity, the links are sent by Save and forgotten by
//! Cancel (`save_links`, after the identity).

use sesame_client::{Client, ClientError};
use sesame_core::api::{PeopleQuery, PersonRecord, PersonRef};
use sesame_core::domain::Level;

use super::{Action, Message, Person};
use crate::screen::{Ctx, request};

impl Person {
    /// The messages of the users under charge; their failures are answered by `update`.
    pub(super) fn on_under_charge(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        match message {
            Message::LinkSearch(q) => {
                self.link_query = q.clone();
                if q.trim().chars().count() < 2 {
                    self.link_results.clear();
                    return Action::None;
                }
                let query = PeopleQuery {
                    q: Some(q),
                    level: Some(Level::Three),
                    limit: Some(8),
                    ..PeopleQuery::default()
                };
                return Action::Run(request(
                    ctx.client,
                    |c| async move { c.people(&query).await },
                    Message::LinkResults,
                ));
            }
            Message::LinkResults(Ok(page)) => {
                let already: Vec<i64> = self.form.under_charge.iter().map(|p| p.id).collect();
                self.link_results = page
                    .items
                    .into_iter()
                    .filter(|p| !already.contains(&p.id) && Some(p.id) != self.id)
                    .collect();
                // They appear under the search field, maybe below the window's edge.
                return Action::Run(crate::widget::reveal::show("link-results"));
            }
            // Links need a saved record.
            Message::Link(_) | Message::Unlink(_) if self.id.is_none() => {}
            Message::Link(sub) => {
                if let Some(at) = self.link_results.iter().position(|p| p.id == sub) {
                    let p = self.link_results.remove(at);
                    let mut linked = self.form.under_charge.clone();
                    linked.push(PersonRef {
                        id: p.id,
                        user_id: p.user_id,
                        last_name: p.last_name,
                        first_name: p.first_name,
                        email: Some(p.email),
                        level: Some(p.level),
                    });
                    self.form.under_charge = in_order(linked);
                    // The keyboard back in the search, to link another; the list shows who
                    // was added.
                    return Action::Run(
                        crate::widget::reveal::focus("link-search")
                            .chain(crate::widget::reveal::show("under-charge-list")),
                    );
                }
            }
            Message::Unlink(sub) => self.form.under_charge.retain(|p| p.id != sub),
            _ => {}
        }
        Action::None
    }

    /// The links the form adds (PUT) and removes (DELETE) against the stored record.
    pub(super) fn link_changes(&self) -> Vec<(reqwest::Method, i64)> {
        let stored: Vec<i64> = self
            .record
            .iter()
            .flat_map(|r| r.under_charge.iter().map(|p| p.id))
            .collect();
        let wanted: Vec<i64> = self.form.under_charge.iter().map(|p| p.id).collect();
        let added = wanted.iter().filter(|id| !stored.contains(id));
        let removed = stored.iter().filter(|id| !wanted.contains(id));
        added
            .map(|id| (reqwest::Method::PUT, *id))
            .chain(removed.map(|id| (reqwest::Method::DELETE, *id)))
            .collect()
    }
}

/// Sends the links added and removed, one by one, after the identity was saved; the record as
/// the last answer gives it (or `rec` when nothing changed).
pub(super) async fn save_links(
    c: &Client,
    id: i64,
    changes: Vec<(reqwest::Method, i64)>,
    mut rec: PersonRecord,
) -> Result<PersonRecord, ClientError> {
    for (method, sub) in changes {
        rec = c
            .call::<(), _>(method, &format!("/people/{id}/under-charge/{sub}"), None)
            .await?;
    }
    Ok(rec)
}

/// The users under charge in the order the record lists them: by name.
pub(super) fn in_order(mut people: Vec<PersonRef>) -> Vec<PersonRef> {
    people.sort_by(|a, b| {
        (&a.last_name, &a.first_name, &a.user_id).cmp(&(&b.last_name, &b.first_name, &b.user_id))
    });
    people
}
