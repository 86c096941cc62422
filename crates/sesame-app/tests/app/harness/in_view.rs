//! Whether a control shows in the window as it is scrolled now (see `Ui::in_view`).

/// Finds a control and says whether it is in view (see `Ui::in_view`).
pub(super) struct InView {
    pub(super) id: iced::widget::Id,
    /// The scrolled areas around the widget being visited: shown bounds and scroll offset.
    pub(super) around: Vec<(iced::Rectangle, f32)>,
    pub(super) entering: Option<(iced::Rectangle, f32)>,
    pub(super) seen: Option<bool>,
}

impl iced::advanced::widget::Operation for InView {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn iced::advanced::widget::Operation)) {
        let entered = self.entering.take();
        if let Some(area) = entered {
            self.around.push(area);
        }
        operate(self);
        if entered.is_some() {
            self.around.pop();
        }
    }

    fn scrollable(
        &mut self,
        _id: Option<&iced::widget::Id>,
        bounds: iced::Rectangle,
        _content: iced::Rectangle,
        translation: iced::Vector,
        _state: &mut dyn iced::advanced::widget::operation::Scrollable,
    ) {
        self.entering = Some((bounds, translation.y));
    }

    fn focusable(
        &mut self,
        id: Option<&iced::widget::Id>,
        bounds: iced::Rectangle,
        _state: &mut dyn iced::advanced::widget::operation::Focusable,
    ) {
        if id != Some(&self.id) {
            return;
        }
        let scrolled: f32 = self.around.iter().map(|(_, y)| y).sum();
        let (top, bottom) = (bounds.y - scrolled, bounds.y + bounds.height - scrolled);
        let in_areas = self
            .around
            .iter()
            .all(|(area, _)| top >= area.y && bottom <= area.y + area.height);
        self.seen = Some(in_areas && top >= 0.0 && bottom <= super::WINDOW.height);
    }
}
