//! A claim card's "Correct" menu: set the stance, name the speaker, mark it "not a claim", or undo the correction.
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::use_ctx;
use counterclaim_core::corrections::{Correction, Edit};
use counterclaim_core::model::Stance;

#[derive(Properties, PartialEq)]
pub struct CorrectMenuProps {
    /// The claim's position in the (corrected) corpus.
    pub claim: usize,
}

/// The `id` of the page's one list of speaker names (rendered by [`SpeakerNames`]).
pub const SPEAKERS_LIST: &str = "speaker-names";

#[function_component(CorrectMenu)]
pub fn correct_menu(p: &CorrectMenuProps) -> Html {
    let ctx = use_ctx();
    let c = ctx.claim(p.claim);
    let id = c.id.clone();
    let on_stance = {
        let (correct, id) = (ctx.correct.clone(), id.clone());
        Callback::from(move |e: Event| {
            let Some(s) = e.target_dyn_into::<HtmlSelectElement>().and_then(|s| Stance::parse(&s.value())) else { return };
            correct.emit(Edit::Set(Correction { claim: id.clone(), stance: Some(s), ..Correction::default() }));
        })
    };
    let speaker = use_node_ref();
    let on_speaker = {
        let (correct, id, speaker) = (ctx.correct.clone(), id.clone(), speaker.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = speaker.cast::<HtmlInputElement>().map(|i| i.value().trim().to_string()).unwrap_or_default();
            if !name.is_empty() {
                correct.emit(Edit::Set(Correction { claim: id.clone(), speaker: Some(name), ..Correction::default() }));
            }
        })
    };
    let not_a_claim = {
        let (correct, id) = (ctx.correct.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            correct.emit(Edit::Set(Correction { claim: id.clone(), not_a_claim: true, ..Correction::default() }))
        })
    };
    let undo = {
        let (correct, id) = (ctx.correct.clone(), id.clone());
        Callback::from(move |_: MouseEvent| correct.emit(Edit::Undo(id.clone())))
    };
    let labels = &ctx.corpus.stance_labels;
    // The items exist only while the menu is open: every card has a menu, and few are ever opened.
    let (open, ontoggle) = super::use_details_open();
    html! {
        <details class="correct-menu" data-testid="correct-menu" onkeydown={super::close_on_escape()} {ontoggle}>
            <summary class="btn quiet" data-action="correct" title="Correct the stance or the speaker, or mark this as no claim">{"Correct"}</summary>
            if open {
                <div class="correct-items" role="group" aria-label="Correct this claim">
                    <label class="correct-row">{"Stance"}
                        <select data-testid="correct-stance" onchange={on_stance}>
                        { for Stance::ALL.iter().map(|s| html! {
                            <option value={s.as_str()} selected={*s == c.stance} title={labels.title(*s).to_string()}>{ s.label() }</option>
                        }) }
                        </select>
                    </label>
                    <form class="correct-row" onsubmit={on_speaker}>
                        <label>{"Speaker"}
                            <input ref={speaker} name="speaker" data-testid="correct-speaker" list={SPEAKERS_LIST} value={c.speaker.clone()} autocomplete="off" />
                        </label>
                        <button class="btn small" type="submit" data-testid="correct-speaker-apply">{"Set"}</button>
                    </form>
                    <button class="btn small" onclick={not_a_claim} data-testid="correct-not-claim"
                        title="An event, a caption or a headline, not something someone said: hide it">{"Not a claim"}</button>
                    if ctx.fixes.get(&id).is_some() {
                        <button class="btn small" onclick={undo} data-testid="correct-undo">{"Undo correction"}</button>
                    }
                </div>
            }
        </details>
    }
}

/// The speaker names the corpus has, suggested when a speaker is corrected (one `<datalist>` for the page).
#[function_component(SpeakerNames)]
pub fn speaker_names() -> Html {
    let ctx = use_ctx();
    let names = {
        let base = ctx.base.clone();
        use_memo((), move |_| counterclaim_core::corrections::speakers(&base.claims))
    };
    html! {
        <datalist id={SPEAKERS_LIST}>{ for names.iter().map(|n| html! { <option value={n.clone()} /> }) }</datalist>
    }
}
