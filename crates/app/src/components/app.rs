//! The application shell: owns the one `ViewState` (via the reducer), keeps the URL in step, lays out the panels.
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::claim_list::ClaimList;
use super::compare::Compare;
use super::compare_dock::CompareDock;
use super::copy_link::CopyLink;
use super::corpus_notes::CorpusNotes;
use super::correct_menu::SpeakerNames;
use super::corrections_panel::CorrectionsPanel;
use super::disagreements::Disagreements;
use super::doc_compare::DocCompare;
use super::doc_list::DocList;
use super::facets::Facets;
use super::reader::Reader;
use super::result_bar::ResultBar;
use super::search_box::SearchBox;
use super::speaker_panel::SpeakerPanel;
use super::stance_map::StanceMap;
use super::tabs::Tabs;
use super::timeline::Timeline;
use super::update_banner::UpdateBanner;
use super::url_notice::UrlNotice;
use super::{CorpusRef, Ctx, ViewCtx};
use crate::state::{HistoryOp, Model, Msg};
use crate::url;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::corrections::{self, Corrections, Edit};
use counterclaim_core::search::Index;
use counterclaim_core::view::{Action, Panel, ViewState};
use counterclaim_core::window::{start_stage, Stage, SHOWN_STAGE};

#[derive(Properties)]
pub struct AppProps {
    pub corpus: CorpusRef,
    /// The index of `corpus` (packed at build time; see `crate::embedded`).
    pub index: Rc<Index>,
    /// The corpus menu and "Add articles" in the top bar (`Root` makes them; the prerendered view has none).
    #[prop_or_default]
    pub menu: Html,
    /// The library id of the corpus (one of the reader's own), which keys its corrections; none for the page's own.
    #[prop_or_default]
    pub library_id: Option<String>,
}

impl PartialEq for AppProps {
    fn eq(&self, o: &Self) -> bool {
        self.corpus == o.corpus && Rc::ptr_eq(&self.index, &o.index) && self.menu == o.menu && self.library_id == o.library_id
    }
}

impl AppProps {
    pub fn new(corpus: Corpus, index: Index) -> AppProps {
        AppProps { corpus: CorpusRef(Rc::new(corpus)), index: Rc::new(index), menu: Html::default(), library_id: None }
    }
}

/// The shell. Claims first: the first view on screen is the header, the filters, the result bar, the tabs and the
/// first screenful of cards (what the build prerenders into `index.html`, so the same cards stay in the
/// same place when the app takes over), built out of sight a part a task at the page's start; the rest (other
/// panels, the document list, the remaining cards) follows in more renders, each after a yield to the browser and
/// each adding a few cards (`core::window::start_stage`). `main[data-complete]` marks the full view.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let base = props.corpus.clone();
    let (fixes, correct) = use_corrections(&base, props.library_id.clone());
    let (corpus, index) = {
        let (c, i) = (base.clone(), props.index.clone());
        let d = use_memo(fixes.clone(), move |f| corrected(&c, &i, f));
        (d.0.clone(), d.1.clone())
    };
    let hl = {
        let i = index.clone();
        use_memo((), move |_| i.highlighter().clone())
    };
    let model = {
        let c = base.clone();
        use_reducer(move || {
            let (view, notices) = url::read(&c);
            Model::new(view, notices)
        })
    };
    use_address_bar(&model, &base);
    let view = Rc::new(model.view.clone());
    let result = {
        let (c, i) = (corpus.clone(), index.clone());
        // The corpus (compared by pointer) changes with the corrections, and the index with it.
        use_memo((view.clone(), corpus.clone()), move |(v, _)| i.query(&c, v))
    };
    let stage = use_start_stage(result.claims.len());
    let (complete, cards) = (stage.complete, stage.cards);
    let act = {
        let d = model.dispatcher();
        use_callback((), move |a: Action, _| d.dispatch(Msg::Act(a)))
    };
    // Stable callbacks, so the document list does not re-render on every view change.
    let open_doc = {
        let a = act.clone();
        use_callback((), move |doc: String, _| a.emit(Action::OpenDoc { doc, claim: None }))
    };
    let compare_docs = {
        let a = act.clone();
        use_callback((), move |(x, y): (String, String), _| a.emit(Action::CompareDocs(x, y)))
    };
    let dismiss = {
        let d = model.dispatcher();
        Callback::from(move |_| d.dispatch(Msg::DismissNotices))
    };
    let ctx = Ctx { corpus: corpus.clone(), index, hl, act, base: base.clone(), fixes, correct };
    if !stage.shell {
        // The start's first task: the state (the address read, the query run, the corrections loaded), no DOM yet.
        return html! {};
    }
    let claims = Rc::new(result.claims.clone());
    let facets = Rc::new(result.facets.clone());
    html! {
        <ContextProvider<Ctx> context={ctx}>
        <ContextProvider<ViewCtx> context={ViewCtx(view.clone())}>
        <a class="skip" href="#main">{"Skip to the claims"}</a>
        { top_bar(&corpus, if props.menu == Html::default() { super::corpus_switcher::inert_menu(&corpus) } else { props.menu.clone() }) }
        if complete {
            <UrlNotice notices={model.url_notices.clone()} on_dismiss={dismiss} />
            <UpdateBanner />
        }
        <CorpusNotes />
        <div class={classes!("layout", view.doc.is_some().then_some("with-reader"))}>
            if stage.facets { <Facets facets={facets} /> }
            <main id="main" tabindex="-1" data-complete={stage.last.then_some("")}>
                if complete {
                    <Compare />
                    <DocCompare />
                    <SpeakerPanel />
                }
                <ResultBar n={claims.len()} />
                <Tabs claims={claims.clone()} />
                // One place in the tree for the list at every stage, so that the start's later renders keep its cards.
                { match view.panel {
                    Panel::Disagreements | Panel::Timeline if !complete => html! {},
                    Panel::Disagreements => html! { <Disagreements /> },
                    Panel::Timeline => html! { <>
                        <Timeline claims={claims.clone()} />
                        <StanceMap claims={claims.clone()} />
                    </> },
                    Panel::Claims => html! { <ClaimList claims={claims} first={cards} /> },
                } }
                if complete {
                    <DocList corpus={corpus.clone()} on_open={open_doc} on_compare={compare_docs} />
                }
            </main>
            if complete {
                if let Some(d) = view.doc.clone() {
                    <Reader doc={d} claim={view.claim.clone()} />
                }
            }
        </div>
        <footer class="foot muted">
            { format!("{} documents · {} claims · works offline, no server needed", corpus.documents.len(), corpus.claims.len()) }
            if complete { <CorrectionsPanel /><CorpusNotes /><SpeakerNames /> }
        </footer>
        </ContextProvider<ViewCtx>>
        </ContextProvider<Ctx>>
    }
}

/// The packed corpus and index as the reader's corrections make them (the packed ones when there are none).
fn corrected(base: &CorpusRef, index: &Rc<Index>, fixes: &Corrections) -> (CorpusRef, Rc<Index>) {
    if fixes.is_empty() {
        return (base.clone(), index.clone());
    }
    let (c, i, _) = fixes.apply_to(base, index);
    (CorpusRef(Rc::new(c)), Rc::new(i))
}

/// The reader's corrections of this corpus: read from the browser's storage at start, written back on change.
#[hook]
fn use_corrections(base: &CorpusRef, library_id: Option<String>) -> (Rc<Corrections>, Callback<Edit>) {
    let key = {
        let c = base.clone();
        use_memo((), move |_| corrections::storage_key_of(&c, library_id.as_deref()))
    };
    let fixes = {
        let k = key.clone();
        use_reducer(move || Fixes(Rc::new(crate::stored::load(&k))))
    };
    {
        let (k, f) = (key.clone(), fixes.0.clone());
        use_effect_with(f, move |f| crate::stored::save(&k, f));
    }
    let correct = {
        let d = fixes.dispatcher();
        use_callback((), move |e: Edit, _| d.dispatch(e))
    };
    (fixes.0.clone(), correct)
}

/// The corrections as a reducer over their edits.
#[derive(PartialEq)]
struct Fixes(Rc<Corrections>);

impl Reducible for Fixes {
    type Action = Edit;
    fn reduce(self: Rc<Self>, e: Edit) -> Rc<Self> {
        let mut next = (*self.0).clone();
        next.edit(e);
        if next == *self.0 {
            return self;
        }
        Rc::new(Fixes(Rc::new(next)))
    }
}

/// The brand, the question every stance refers to, the search box, "Copy link" and the corpus menu.
fn top_bar(corpus: &CorpusRef, menu: Html) -> Html {
    html! {
        <header class="topbar">
            <div class="brand-row">
                <h1 class="brand"><span aria-hidden="true">{"⚖ "}</span>{"Counterclaim"}</h1>
                <p class="question" title="The question every stance refers to">{ corpus.config.question.clone() }</p>
            </div>
            <div class="tools-row">
                <SearchBox />
                <CompareDock />
                <CopyLink />
                { menu }
            </div>
        </header>
    }
}

/// The start's render stage for a list of `n` claims: one more in each task after the first (after the browser has had
/// a chance to paint) until the last; from then on the whole view, whatever `n` becomes. A start out of sight (the
/// page's own, `takeover`) begins at stage 0 and shows the view at its first stage on screen; any other (the build's
/// prerender, a corpus opened later, the component tests) begins at that stage.
#[hook]
fn use_start_stage(n: usize) -> Stage {
    let stage = use_state(|| if crate::takeover::pending() { 0 } else { SHOWN_STAGE });
    let finished = use_mut_ref(|| false);
    let now = if *finished.borrow() { Stage::WHOLE } else { start_stage(*stage, n) };
    *finished.borrow_mut() |= now.last;
    use_effect_with(now.shown, |&shown| {
        if shown {
            crate::takeover::reveal();
        }
    });
    {
        let (stage, more) = (stage.clone(), !now.last);
        use_effect_with(*stage, move |&at| {
            let t = more.then(|| gloo::timers::callback::Timeout::new(0, move || stage.set(at + 1)));
            move || drop(t)
        });
    }
    now
}

/// The address bar and the state in step: back/forward dispatch the address's state (the address is the
/// truth); every change of state is written to the address: pushed for navigations, replaced while typing.
#[hook]
fn use_address_bar(model: &UseReducerHandle<Model>, corpus: &CorpusRef) {
    {
        let (dispatcher, c) = (model.dispatcher(), corpus.clone());
        use_effect_with((), move |_| {
            let l = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                url::drop_pending_writes();
                let (v, n) = url::read(&c);
                dispatcher.dispatch(Msg::Popped(v, n));
            });
            move || drop(l)
        });
    }
    // A change that replaces the entry is written at once, unless another came less than a pause ago: then
    // the address follows when typing pauses (each replaceState costs the browser a few ms). A navigation
    // first writes what is pending, so the entry it leaves holds what was typed.
    let pending = use_mut_ref(|| None::<(Timeout, ViewState)>);
    let last = use_mut_ref(|| f64::NEG_INFINITY);
    let m = (**model).clone();
    use_effect_with(model.seq, move |_| {
        let flushed = pending.borrow_mut().take();
        let now = js_sys::Date::now();
        match m.op {
            HistoryOp::Push => {
                if let Some((_, typed)) = flushed {
                    url::write_soon(&typed, false);
                }
                url::write_soon(&m.view, true)
            }
            HistoryOp::Replace if flushed.is_none() && now - *last.borrow() >= f64::from(TYPING_PAUSE_MS) => {
                url::write_soon(&m.view, false)
            }
            HistoryOp::Replace => {
                let view = m.view.clone();
                let write = Timeout::new(TYPING_PAUSE_MS, move || url::write_soon(&view, false));
                *pending.borrow_mut() = Some((write, m.view));
            }
            HistoryOp::None => {}
        }
        *last.borrow_mut() = now;
    });
}

/// How long typing pauses before the address follows (ms).
const TYPING_PAUSE_MS: u32 = 150;
