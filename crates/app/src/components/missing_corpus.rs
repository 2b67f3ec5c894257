//! What a link into a corpus this browser does not have shows: that, why, and the built-in corpus instead.
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MissingCorpusProps {
    /// The link's `corpus` id.
    pub id: AttrValue,
    /// What the built-in corpus is called.
    pub builtin: AttrValue,
    pub on_builtin: Callback<()>,
}

#[function_component(MissingCorpus)]
pub fn missing_corpus(p: &MissingCorpusProps) -> Html {
    let go = {
        let cb = p.on_builtin.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <main id="main" class="missing-corpus" data-testid="missing-corpus">
            <h2>{"This link is into a corpus this browser does not have"}</h2>
            <p>{ format!("The link names the corpus “{}”. Articles someone adds in Counterclaim stay in the browser where \
                they were added, so a link into them opens only there. Ask whoever sent it for the corpus as a single file \
                (in their Counterclaim: Corpus → Download as a single file).", p.id) }</p>
            <button class="btn" data-testid="open-builtin" onclick={go}>{ format!("Open {}", p.builtin) }</button>
        </main>
    }
}
