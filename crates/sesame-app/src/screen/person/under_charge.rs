//! The users under this user's charge: searching level-3 users to link, linking, unlinking.

use sesame_client::Client;
use sesame_core::api::PeopleQuery;
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
                let already: Vec<i64> = self
                    .record
                    .iter()
                    .flat_map(|r| r.under_charge.iter().map(|p| p.id))
                    .collect();
                self.link_results = page
                    .items
                    .into_iter()
                    .filter(|p| !already.contains(&p.id) && Some(p.id) != self.id)
                    .collect();
            }
            // Links need a saved record.
            Message::Link(_) | Message::Unlink(_) if self.id.is_none() => {}
            Message::Link(sub) => {
                self.link_results.retain(|p| p.id != sub);
                return self.set_link(ctx.client, reqwest::Method::PUT, sub);
            }
            Message::Unlink(sub) => return self.set_link(ctx.client, reqwest::Method::DELETE, sub),
            // Only the links changed: keep the identity being edited.
            Message::Linked(Ok(rec)) => self.refill_keeping_form(rec),
            _ => {}
        }
        Action::None
    }

    /// Links (PUT) or unlinks (DELETE) one user under this one's charge.
    fn set_link(&self, client: &Client, method: reqwest::Method, sub: i64) -> Action {
        let id = self.id.unwrap_or_default();
        Action::Run(request(
            client,
            move |c| async move {
                c.call::<(), _>(method, &format!("/people/{id}/under-charge/{sub}"), None)
                    .await
            },
            Message::Linked,
        ))
    }
}
