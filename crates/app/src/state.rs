//! The Yew side of the reducer: wraps the pure `ViewState::apply` and records how the URL must follow.
use std::rc::Rc;

use yew::prelude::*;

use counterclaim_core::view::{Action, ViewState};

/// How the browser history follows a state change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryOp {
    /// The change came from the URL itself (load, back/forward): leave history alone.
    None,
    /// A navigation: a new history entry.
    Push,
    /// Typing: replace the current entry.
    Replace,
}

/// What the app shows plus bookkeeping for the URL and the notices.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub view: ViewState,
    pub op: HistoryOp,
    /// Increases on every change, so effects can depend on it.
    pub seq: u64,
    /// What the link contained that could not be shown (`[data-testid=url-notice]`).
    pub url_notices: Vec<String>,
    /// Whether the last change was a search edit (the next one replaces its history entry).
    pub typing: bool,
}

pub enum Msg {
    Act(Action),
    /// Back/forward or a pasted link: the new state and what was ignored in it.
    Popped(ViewState, Vec<String>),
    DismissNotices,
}

impl Model {
    pub fn new(view: ViewState, url_notices: Vec<String>) -> Model {
        Model { view, op: HistoryOp::None, seq: 0, url_notices, typing: false }
    }
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Act(a) => {
                let (push, typing) = (a.pushes_history(self.typing), !a.is_navigation());
                let view = self.view.apply(a);
                if view == self.view {
                    return self;
                }
                let op = if push { HistoryOp::Push } else { HistoryOp::Replace };
                Rc::new(Model { view, op, seq: self.seq + 1, url_notices: self.url_notices.clone(), typing })
            }
            Msg::Popped(view, url_notices) => Rc::new(Model { view, op: HistoryOp::None, seq: self.seq + 1, url_notices, typing: false }),
            Msg::DismissNotices => Rc::new(Model { url_notices: vec![], op: HistoryOp::None, ..(*self).clone() }),
        }
    }
}
