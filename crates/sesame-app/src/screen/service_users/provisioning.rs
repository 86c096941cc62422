//! A service user's provisioning token: the long-lived bearer token an identity provider
//! (Entra ID, Okta) keeps for `/scim/v2`. Offered when the server says so (an active service
//! user marked for provisioning, to a level-1 user); shown once, to copy into the provider.

use iced::widget::{column, container, row, text};
use iced::{Element, Font};

use super::{Action, Message, Mode, ServiceUsers};
use crate::locale::Locale;
use crate::screen::{Ctx, request};
use crate::widget::{Look, button_for, notice, primary, secondary};
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

impl ServiceUsers {
    pub(super) fn on_token(&mut self, message: Message, ctx: Ctx<'_>) -> Action {
        let Mode::Record { id, token, .. } = &mut self.mode else {
            return Action::None;
        };
        let id = *id;
        match message {
            Message::AskToken => *token = TokenStep::Confirm,
            Message::ConfirmToken => {
                return Action::Run(request(
                    ctx.client,
                    move |c| async move { c.issue_provisioning_token(id).await },
                    Message::Token,
                ));
            }
            Message::Token(Ok(t)) => *token = TokenStep::Shown(t),
            Message::CopyToken => {
                if let TokenStep::Shown(t) = token {
                    return Action::Copy(t.token.clone());
                }
            }
            // Closing forgets the token: the provider has it now.
            Message::CloseToken => *token = TokenStep::None,
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
                    secondary(t("action-cancel"), Some(Message::CloseToken)),
                    primary(t("action-confirm"), Some(Message::ConfirmToken)),
                ]
                .spacing(10),
            ]
            .spacing(10)
            .into(),
            TokenStep::Shown(token) => column![
                text(t("provisioning-token-done")),
                container(text(token.token.clone()).size(18).font(Font::MONOSPACE)).padding(10),
                text(l.t_with(
                    "provisioning-token-until",
                    &[("date", &l.short_date(token.expires_at))]
                ))
                .size(13),
                row![
                    secondary(t("action-copy"), Some(Message::CopyToken)),
                    primary(t("action-close"), Some(Message::CloseToken)),
                ]
                .spacing(10),
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
