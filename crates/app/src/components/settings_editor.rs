//! The corpus settings editor: the question, sides, entities, people, outlets and stance words of `corpus.toml` in a form; the core checks the draft and writes the text that `on_save` gets.
use std::rc::Rc;

use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use counterclaim_core::config::{CorpusConfig, StanceLabels};
use counterclaim_core::settings::{
    savable, validate, Draft, Edit, EntityField, EntityRow, Field, FieldError, OutletField, OutletRow, PersonField, PersonRow, SideField,
    SideRow, StanceField,
};

#[derive(Properties, PartialEq)]
pub struct SettingsEditorProps {
    /// The corpus's settings, which the form starts from ("Start from this corpus").
    pub config: CorpusConfig,
    pub labels: StanceLabels,
    /// The ids of its background entities.
    pub background: Vec<String>,
    /// The complete `corpus.toml` of a valid draft, when Save is pressed.
    pub on_save: Callback<String>,
    pub on_close: Callback<()>,
}

/// The draft, and whether Save was tried (errors are shown from then on, as the fields change).
#[derive(Clone, PartialEq)]
struct Form {
    draft: Draft,
    tried: bool,
}

enum Msg {
    Edit(Edit),
    Start(Box<Draft>),
    Tried,
}

impl Reducible for Form {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut f = (*self).clone();
        match msg {
            Msg::Edit(e) => f.draft.edit(e),
            Msg::Start(d) => f = Form { draft: *d, tried: false },
            Msg::Tried => f.tried = true,
        }
        Rc::new(f)
    }
}

#[function_component(SettingsEditor)]
pub fn settings_editor(p: &SettingsEditorProps) -> Html {
    let from_corpus = {
        let (c, l, b) = (p.config.clone(), p.labels.clone(), p.background.clone());
        move || Draft::from_config(&c, &l, &b)
    };
    let form = use_reducer({
        let start = from_corpus.clone();
        move || Form { draft: start(), tried: false }
    });
    let issues: Vec<FieldError> = validate(&form.draft).into_iter().filter(|e| e.warning || form.tried).collect();
    let edit = {
        let form = form.dispatcher();
        Callback::from(move |e: Edit| form.dispatch(Msg::Edit(e)))
    };
    let start = |d: Rc<dyn Fn() -> Draft>| {
        let form = form.dispatcher();
        Callback::from(move |_: MouseEvent| form.dispatch(Msg::Start(Box::new(d()))))
    };
    let on_submit = {
        let (form, on_save) = (form.clone(), p.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let issues = validate(&form.draft);
            if savable(&issues) {
                on_save.emit(form.draft.to_toml());
            } else {
                form.dispatch(Msg::Tried);
                if let Some(at) = issues.iter().find(|e| !e.warning).map(|e| e.at) {
                    gloo::timers::callback::Timeout::new(0, move || focus(at)).forget();
                }
            }
        })
    };
    let cancel = p.on_close.reform(|_: MouseEvent| ());
    let errors = issues.iter().filter(|e| !e.warning).count();
    let d = &form.draft;
    html! {
        <form class="settings" data-testid="settings-editor" onsubmit={on_submit} novalidate=true aria-labelledby="settings-title">
            <div class="settings-head">
                <h2 id="settings-title">{"Corpus settings"}</h2>
                <div class="settings-start" role="group" aria-label="Start from">
                    <button type="button" class="btn small" data-testid="settings-from-corpus" onclick={start(Rc::new(from_corpus))}>{"Start from this corpus"}</button>
                    <button type="button" class="btn small" data-testid="settings-empty" onclick={start(Rc::new(Draft::default))}>{"Start empty"}</button>
                </div>
            </div>
            { field(Field::Question, "Question", &d.question, Kind::Area, Some("What the claims take a stance on."), &issues, edit.reform(Edit::Question)) }
            <fieldset class="settings-rows" data-testid="settings-sides">
                <legend>{"Sides"}</legend>
                <p class="settings-hint muted">{"Who takes part. A speaker whose name, role or affiliation holds one of a side's markers is placed on that side."}</p>
                { messages(Field::Sides, &issues) }
                <ol>{ for d.sides.iter().enumerate().map(|(i, s)| side_row(i, s, &issues, &edit)) }</ol>
                <button type="button" class="btn small" data-testid="settings-add-side" onclick={edit.reform(|_| Edit::AddSide)}>{"+ Add a side"}</button>
            </fieldset>
            <fieldset class="settings-rows" data-testid="settings-entities">
                <legend>{"Entities"}</legend>
                <p class="settings-hint muted">{"What the claims are about, with the other names each goes by (search finds them under any of them)."}</p>
                <ol>{ for d.entities.iter().enumerate().map(|(i, e)| entity_row(i, e, &issues, &edit)) }</ol>
                <button type="button" class="btn small" data-testid="settings-add-entity" onclick={edit.reform(|_| Edit::AddEntity)}>{"+ Add an entity"}</button>
            </fieldset>
            <fieldset class="settings-rows" data-testid="settings-people">
                <legend>{"People"}</legend>
                <p class="settings-hint muted">{"Known speakers. A claim by one of them, under any of their names, carries their name and role, and their affiliation and side where the article gives none."}</p>
                <ol>{ for d.people.iter().enumerate().map(|(i, r)| person_row(i, r, &d.sides, &issues, &edit)) }</ol>
                <button type="button" class="btn small" data-testid="settings-add-person" onclick={edit.reform(|_| Edit::AddPerson)}>{"+ Add a person"}</button>
            </fieldset>
            <fieldset class="settings-rows" data-testid="settings-outlets">
                <legend>{"Outlets"}</legend>
                <p class="settings-hint muted">{"News outlets the articles come from. A page that names one, under any of its names, in its byline, dateline, a credit or copyright line, or a short line above or below the article, is filed under its name; a mention in the article's text does not count."}</p>
                <ol>{ for d.outlets.iter().enumerate().map(|(i, r)| outlet_row(i, r, &issues, &edit)) }</ol>
                <button type="button" class="btn small" data-testid="settings-add-outlet" onclick={edit.reform(|_| Edit::AddOutlet)}>{"+ Add an outlet"}</button>
            </fieldset>
            <fieldset class="settings-rows" data-testid="settings-stance">
                <legend>{"Stance words"}</legend>
                <p class="settings-hint muted">{"Words and phrases that answer the question, on top of the built-in ones; matched whole, in any case. Separated by commas, or one a line. A leading ~ makes a word count only in a sentence that names what the question is about."}</p>
                { for [(StanceField::Supports, "Supporting words", "Say yes to the question."), (StanceField::Refutes, "Refuting words", "Say no to it."),
                       (StanceField::Negators, "Negators", "Turn a word that follows them closely around (\"not\", \"no longer\").")]
                    .into_iter()
                    .map(|(f, label, hint)| field(Field::Stance(f), label, d.stance.get(f), Kind::Area, Some(hint), &issues, edit.reform(move |v| Edit::Stance(f, v)))) }
            </fieldset>
            <div class="settings-actions">
                <p class="settings-hint muted">{"Saving reads the articles again with these settings."}</p>
                if errors > 0 {
                    <p class="settings-summary" role="alert" data-testid="settings-summary">
                        { if errors == 1 { "1 field to fix before saving".to_string() } else { format!("{errors} fields to fix before saving") } }
                    </p>
                }
                <button type="submit" class="btn on" data-testid="settings-save">{"Save"}</button>
                <button type="button" class="btn" data-testid="settings-cancel" onclick={cancel}>{"Cancel"}</button>
            </div>
        </form>
    }
}

fn side_row(i: usize, s: &SideRow, issues: &[FieldError], edit: &Callback<Edit>) -> Html {
    let set = |f: SideField| edit.reform(move |v| Edit::Side(i, f, v));
    let markers_hint = Some("Separated by commas, or one a line.");
    html! {
        <li class="settings-row" data-testid="settings-side">
            { row_head("Side", i, edit.reform(move |_| Edit::RemoveSide(i))) }
            { field(Field::Side(i, SideField::Id), "Id", &s.id, Kind::Id, None, issues, set(SideField::Id)) }
            { field(Field::Side(i, SideField::Label), "Label", &s.label, Kind::Line, None, issues, set(SideField::Label)) }
            { field(Field::Side(i, SideField::Markers), "Markers", &s.markers, Kind::Area, markers_hint, issues, set(SideField::Markers)) }
        </li>
    }
}

fn entity_row(i: usize, e: &EntityRow, issues: &[FieldError], edit: &Callback<Edit>) -> Html {
    let set = |f: EntityField| edit.reform(move |v| Edit::Entity(i, f, v));
    let on_background = edit.reform(move |ev: Event| Edit::Background(i, ev.target_unchecked_into::<HtmlInputElement>().checked()));
    let aliases_hint = Some("Separated by commas, or one a line.");
    html! {
        <li class="settings-row" data-testid="settings-entity">
            { row_head("Entity", i, edit.reform(move |_| Edit::RemoveEntity(i))) }
            { field(Field::Entity(i, EntityField::Id), "Id", &e.id, Kind::Id, None, issues, set(EntityField::Id)) }
            { field(Field::Entity(i, EntityField::Name), "Name", &e.name, Kind::Line, None, issues, set(EntityField::Name)) }
            { field(Field::Entity(i, EntityField::Aliases), "Aliases", &e.aliases, Kind::Area, aliases_hint, issues, set(EntityField::Aliases)) }
            <label class="settings-check">
                <input type="checkbox" checked={e.background} onchange={on_background} data-testid="settings-background" />
                {"Background: the setting of the whole corpus (searched and a facet, not coloured)"}
            </label>
        </li>
    }
}

fn person_row(i: usize, r: &PersonRow, sides: &[SideRow], issues: &[FieldError], edit: &Callback<Edit>) -> Html {
    let set = |f: PersonField| edit.reform(move |v| Edit::Person(i, f, v));
    let optional = Some("Optional.");
    html! {
        <li class="settings-row" data-testid="settings-person">
            { row_head("Person", i, edit.reform(move |_| Edit::RemovePerson(i))) }
            { field(Field::Person(i, PersonField::Name), "Name", &r.name, Kind::Line, None, issues, set(PersonField::Name)) }
            { field(Field::Person(i, PersonField::Side), "Side", &r.side, Kind::Side(side_options(sides, &r.side)), None, issues, set(PersonField::Side)) }
            { field(Field::Person(i, PersonField::Role), "Role", &r.role, Kind::Line, optional, issues, set(PersonField::Role)) }
            { field(Field::Person(i, PersonField::Affiliation), "Affiliation", &r.affiliation, Kind::Line, optional, issues, set(PersonField::Affiliation)) }
            { field(Field::Person(i, PersonField::Aliases), "Other names", &r.aliases, Kind::Area, Some("Separated by commas, or one a line."), issues, set(PersonField::Aliases)) }
        </li>
    }
}

fn outlet_row(i: usize, r: &OutletRow, issues: &[FieldError], edit: &Callback<Edit>) -> Html {
    let set = |f: OutletField| edit.reform(move |v| Edit::Outlet(i, f, v));
    html! {
        <li class="settings-row" data-testid="settings-outlet">
            { row_head("Outlet", i, edit.reform(move |_| Edit::RemoveOutlet(i))) }
            { field(Field::Outlet(i, OutletField::Name), "Name", &r.name, Kind::Line, None, issues, set(OutletField::Name)) }
            { field(Field::Outlet(i, OutletField::Aliases), "Other names", &r.aliases, Kind::Area, Some("Separated by commas, or one a line."), issues, set(OutletField::Aliases)) }
        </li>
    }
}

/// The choices of a person's side: none, each side with an id (by its label), and the current value when it is
/// no longer a side (so that it shows as it is, with its warning).
fn side_options(sides: &[SideRow], current: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), "No side".to_string())];
    for s in sides.iter().filter(|s| !s.id.trim().is_empty()) {
        let label = if s.label.trim().is_empty() { s.id.trim() } else { s.label.trim() };
        out.push((s.id.trim().to_string(), label.to_string()));
    }
    if !out.iter().any(|(id, _)| id == current.trim()) {
        out.push((current.to_string(), format!("{} (no longer a side)", current.trim())));
    }
    out
}

/// A row's title ("Person 2") and its Remove button (`data-testid="settings-remove-person"`).
fn row_head(title: &str, i: usize, on_remove: Callback<MouseEvent>) -> Html {
    let what = title.to_lowercase();
    html! {
        <div class="settings-row-head">
            <span class="settings-row-title">{ format!("{title} {}", i + 1) }</span>
            <button type="button" class="btn small quiet" data-testid={format!("settings-remove-{what}")} aria-label={format!("Remove {what} {}", i + 1)}
                onclick={on_remove}>{"Remove"}</button>
        </div>
    }
}

/// What kind of control a field is.
#[derive(Clone, PartialEq)]
enum Kind {
    /// One line, an identifier (no spell checking).
    Id,
    Line,
    Area,
    /// A choice of a side: (value, what it says) each.
    Side(Vec<(String, String)>),
}

/// A labelled control with its hint and its messages, tied to them by `aria-describedby`.
fn field(at: Field, label: &str, value: &str, kind: Kind, hint: Option<&str>, issues: &[FieldError], on: Callback<String>) -> Html {
    let id = at.dom_id();
    let mine: Vec<&FieldError> = issues.iter().filter(|e| e.at == at).collect();
    let hint_id = format!("{id}-hint");
    let described: Vec<String> =
        hint.map(|_| hint_id.clone()).into_iter().chain((0..mine.len()).map(|k| format!("{id}-msg-{k}"))).collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = mine.iter().any(|e| !e.warning).then_some("true");
    let wide = kind == Kind::Area;
    let control = match kind {
        Kind::Side(options) => html! {
            <select id={id.clone()} data-field={at.name()} aria-invalid={invalid} aria-describedby={described}
                onchange={on.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value())}>
                { for options.into_iter().map(|(v, l)| html! { <option selected={v == value} value={v.clone()}>{l}</option> }) }
            </select>
        },
        kind => control(&id, at, value, kind, invalid, described, on),
    };
    html! {
        <div class={classes!("settings-field", wide.then_some("wide"))}>
            <label for={id.clone()}>{label}</label>
            { control }
            if let Some(h) = hint { <p id={hint_id} class="settings-hint muted">{h}</p> }
            { for mine.iter().enumerate().map(|(k, e)| message(&format!("{id}-msg-{k}"), e)) }
        </div>
    }
}

/// A text control: a textarea or a one-line input.
fn control(
    id: &str,
    at: Field,
    value: &str,
    kind: Kind,
    invalid: Option<&'static str>,
    described: Option<String>,
    on: Callback<String>,
) -> Html {
    let oninput = on.reform(|e: InputEvent| value_of(&e));
    if kind == Kind::Area {
        return html! {
            <textarea id={id.to_string()} data-field={at.name()} rows="2" value={value.to_string()} aria-invalid={invalid} aria-describedby={described} {oninput} />
        };
    }
    html! {
        <input id={id.to_string()} data-field={at.name()} type="text" value={value.to_string()} aria-invalid={invalid} aria-describedby={described}
            spellcheck={(kind == Kind::Id).then_some("false")} autocomplete="off" {oninput} />
    }
}

/// The messages about a field that has no control of its own (the list of sides).
fn messages(at: Field, issues: &[FieldError]) -> Html {
    let id = at.dom_id();
    html! { <>{ for issues.iter().filter(|e| e.at == at).enumerate().map(|(k, e)| message(&format!("{id}-msg-{k}"), e)) }</> }
}

/// One message, naming its field: an error, or a warning that does not stop a save.
fn message(id: &str, e: &FieldError) -> Html {
    let (class, testid) = if e.warning { ("field-warning", "settings-warning") } else { ("field-error", "settings-error") };
    html! { <p id={id.to_string()} class={class} data-testid={testid} data-field={e.field.clone()}>{ format!("{}: {}", e.field, e.message) }</p> }
}

/// The text of the input or textarea an input event came from.
fn value_of(e: &InputEvent) -> String {
    if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
        return t.value();
    }
    e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// Move the focus to a field's control (the first one to fix, after a refused save, once its message is shown).
fn focus(at: Field) {
    let el = gloo::utils::document().get_element_by_id(&at.dom_id());
    if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok()) {
        let _ = el.focus();
    }
}
