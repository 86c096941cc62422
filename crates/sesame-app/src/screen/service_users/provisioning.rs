//! A service user's provisioning token: the long-lived bearer token an identity provider
//! (Entra ID, Okta) keeps for `/scim/v2`. Offered when the server says so (an active service
//! user marked for provisioning, to a level-1 user); shown once, to copy into the provider.

use iced::Element;
use iced::widget::{column, container, row, text};

use super::{Action, Message, Mode, ServiceUsers};
use crate::locale::Locale;
use crate::screen::{Ctx, request};
use crate::widget::reveal::focus;
use crate::widget::{Look, button_for, notice, primary};
use sesame_core::api::{ProvisioningToken, ServiceUser};
use sesame_core::domain::rules::ServiceUserAction as Act;

/// Where the record stands with the token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum TokenStep {
    #[default]
    None,
    /// "The provider's current token stops working": asked before a new one.
    Confirm,
    /// The new token, on screen until closed.
    Shown(ProvisioningToken),
}

/// The token as shown: groups of eleven characters separated by spaces.
fn grouped(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    chars
        .chunks(11)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

impl ServiceUsers {
    pub(super) fn on_token(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let Mode::Record { id, token, .. } = &mut self.mode else {
            return Action::None;
        };
        let id = *id;
        match message {
            // The question takes the focus from the button it replaces: on Cancel, the safe
            // answer.
            Message::AskToken => {
                *token = TokenStep::Confirm;
                return Action::Run(focus("token-cancel"));
            }
            Message::ConfirmToken => {
                return Action::Run(request(
                    ctx.client,
                    move |c| async move { c.issue_provisioning_token(id).await },
                    Message::Token,
                ));
            }
            Message::Token(Ok(t)) => {
                *token = TokenStep::Shown(t);
                return Action::Run(focus("token-copy"));
            }
            Message::CopyToken => {
                if let TokenStep::Shown(t) = token {
                    return Action::Copy(t.token.clone());
                }
            }
            // Closing forgets the token (the provider has it now) and gives the focus back.
            Message::CloseToken => {
                *token = TokenStep::None;
                return Action::Run(focus("new-provisioning-token"));
            }
            _ => {}
        }
        Action::None
    }

    /// The token part of the record: the button, the question, or the token shown once.
    pub(super) fn token_view<'a>(
        &'a self,
        l: Locale,
        su: &'a ServiceUser,
        step: &'a TokenStep,
    ) -> Element<'a, Message> {
        let t = |id: &str| l.t(id);
        if !su.provisioning {
            return column![].into();
        }
        match step {
            TokenStep::None => column![
                text(t("provisioning-token-help")).size(13),
                button_for(
                    Look::Secondary,
                    t("action-new-provisioning-token"),
                    su.may(Act::IssueProvisioningToken)
                        .then_some(Message::AskToken)
                )
                .id("new-provisioning-token"),
            ]
            .spacing(8)
            .into(),
            TokenStep::Confirm => column![
                notice(&t("provisioning-token-confirm"), false),
                row![
                    button_for(
                        Look::Secondary,
                        t("action-cancel"),
                        Some(Message::CloseToken)
                    )
                    .id("token-cancel"),
                    primary(t("action-confirm"), Some(Message::ConfirmToken)),
                ]
                .spacing(10)
                .wrap()
                .vertical_spacing(10),
            ]
            .spacing(10)
            .into(),
            TokenStep::Shown(token) => column![
                text(t("provisioning-token-done")),
                // In groups of eleven, which wrap on a narrow window; Copy gives it whole.
                container(text(grouped(&token.token)).size(18)).padding(10),
                text(l.t_with(
                    "provisioning-token-until",
                    &[("date", &l.date(token.expires_at))]
                ))
                .size(13),
                row![
                    button_for(Look::Secondary, t("action-copy"), Some(Message::CopyToken))
                        .id("token-copy"),
                    primary(t("action-close"), Some(Message::CloseToken)),
                ]
                .spacing(10)
                .wrap()
                .vertical_spacing(10),
            ]
            .spacing(10)
            .into(),
        }
    }

    /// The provisioning token on screen, if any (tests).
    pub fn shown_token(&self) -> Option<&str> {
        match &self.mode {
            Mode::Record {
                token: TokenStep::Shown(t),
                ..
            } => Some(&t.token),
            _ => None,
        }
    }
}
