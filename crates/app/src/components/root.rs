//! Above `App`: which corpus is shown — the page's built-in one or one of the reader's own, kept in the browser
//! (`crate::library`) — and the corpus menu: switch, rename, delete, add articles, settings, download as one file.
//! `App` is re-keyed when the corpus changes, so every hook below starts afresh.
use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::app::App;
use super::corpus_switcher::{builtin_name, corpus_menu, CorpusSwitcherProps, MenuActions};
use super::missing_corpus::MissingCorpus;
use super::studio_host::{StudioHost, Tool};
use super::CorpusRef;
use crate::library::{self, Entry, Stored};
use crate::studio::Imported;
use counterclaim_core::corpus::Corpus;
use counterclaim_core::library::{corpus_id, resolve, unique_name, Source};
use counterclaim_core::search::Index;
use counterclaim_core::view::ViewState;

#[derive(Properties)]
pub struct RootProps {
    /// The page's own corpus and its index.
    pub corpus: CorpusRef,
    pub index: Rc<Index>,
    /// The id the page's own corpus goes by in links (a single file handed on), if any.
    pub embedded_id: Option<String>,
}

impl PartialEq for RootProps {
    fn eq(&self, o: &Self) -> bool {
        self.corpus == o.corpus && Rc::ptr_eq(&self.index, &o.index) && self.embedded_id == o.embedded_id
    }
}

impl RootProps {
    pub fn new(corpus: Corpus, index: Index, embedded_id: Option<String>) -> RootProps {
        RootProps { corpus: CorpusRef(Rc::new(corpus)), index: Rc::new(index), embedded_id }
    }
}

/// What is on screen: a corpus (`id` none for the built-in one; `key` re-keys `App`), or a link's missing corpus.
#[derive(Clone)]
enum Screen {
    Loading,
    Corpus { id: Option<String>, corpus: CorpusRef, index: Rc<Index>, key: u32 },
    Missing(String),
}

/// Which dialog is open.
#[derive(Clone, Copy, PartialEq)]
enum Dialog {
    None,
    Import,
    Settings,
}

/// The handles the menu's actions work on.
#[derive(Clone)]
struct Handles {
    screen: UseStateHandle<Screen>,
    /// The screen as last set, for the actions that run later (a state handle holds the value of its render).
    now: Rc<RefCell<Screen>>,
    entries: UseStateHandle<Rc<Vec<Entry>>>,
    builtin: (CorpusRef, Rc<Index>),
    embedded_id: Option<String>,
    status: UseStateHandle<Option<String>>,
    /// How far "Make available offline" is: (shards fetched, of).
    progress: UseStateHandle<Option<(usize, usize)>>,
    /// The `corpus.toml` the next import extracts with (saved in the settings while the built-in corpus is shown).
    next_config: UseStateHandle<String>,
}

#[function_component(Root)]
pub fn root(props: &RootProps) -> Html {
    // The built-in corpus right away unless the address names another (no empty frame after the prerendered view).
    let first = {
        let (c, i, e) = (props.corpus.clone(), props.index.clone(), props.embedded_id.clone());
        move || match crate::url::read_corpus() {
            Some(w) if Some(&w) != e.as_ref() => Screen::Loading,
            _ => Screen::Corpus { id: None, corpus: c, index: i, key: 0 },
        }
    };
    let now = use_mut_ref(first.clone());
    let h = Handles {
        now,
        screen: use_state(first),
        entries: use_state(|| Rc::new(Vec::new())),
        builtin: (props.corpus.clone(), props.index.clone()),
        embedded_id: props.embedded_id.clone(),
        status: use_state(|| None),
        progress: use_state(|| None),
        next_config: use_state(String::new),
    };
    let dialog = use_state(|| Dialog::None);
    {
        let h = h.clone();
        use_effect_with((), move |_| {
            // In a task of its own (the library's database opens meanwhile), not in the app's first render.
            let first = h.clone();
            gloo::timers::callback::Timeout::new(0, move || spawn_local(async move { first.follow_address().await })).forget();
            let l = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                let h = h.clone();
                spawn_local(async move { h.follow_address().await });
            });
            move || drop(l)
        });
    }
    let open_dialog = |d: Dialog| {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| dialog.set(d))
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: ()| dialog.set(Dialog::None))
    };
    // A corpus the reader does not have is said at once (a corpus's view shows itself once built: `App`).
    use_effect_with(matches!(&*h.screen, Screen::Missing(_)), |&missing| {
        if missing {
            crate::takeover::reveal();
        }
    });
    let main = match &*h.screen {
        Screen::Loading => html! {},
        Screen::Missing(id) => {
            let h2 = h.clone();
            let on_builtin = Callback::from(move |_| h2.show(None, true));
            html! { <MissingCorpus id={id.clone()} builtin={builtin_name(&h.builtin.0)} {on_builtin} /> }
        }
        Screen::Corpus { corpus, index, key, id } => {
            let menu = menu(&h, open_dialog(Dialog::Import), open_dialog(Dialog::Settings));
            html! { <App key={*key} corpus={corpus.clone()} index={index.clone()} {menu} library_id={id.clone()} /> }
        }
    };
    html! { <>
        { main }
        { dialogs(&h, *dialog, close) }
    </> }
}

/// The open dialog, if any: the import (extracting with the settings saved for it) or the corpus settings.
fn dialogs(h: &Handles, dialog: Dialog, on_close: Callback<()>) -> Html {
    match (dialog, &*h.screen) {
        (Dialog::Import, _) => {
            let h = h.clone();
            let config_toml = (*h.next_config).clone();
            let on_imported = Callback::from(move |i: Rc<Imported>| h.keep(i));
            html! { <StudioHost tool={Tool::Import { config_toml, on_imported }} {on_close} /> }
        }
        (Dialog::Settings, Screen::Corpus { corpus, id, .. }) => {
            let (h, id, close) = (h.clone(), id.clone(), on_close.clone());
            let on_save = Callback::from(move |toml: String| {
                h.settings_saved(id.clone(), toml);
                close.emit(());
            });
            let config_toml = counterclaim_core::settings::to_toml(&corpus.config, &corpus.stance_labels, &corpus.background);
            html! { <StudioHost tool={Tool::Settings { config_toml, on_save }} {on_close} /> }
        }
        _ => html! {},
    }
}

/// The corpus menu and "Add articles".
fn menu(h: &Handles, import: Callback<MouseEvent>, settings: Callback<MouseEvent>) -> Html {
    let Screen::Corpus { id, corpus, .. } = &*h.screen else { return html! {} };
    let (h1, h2, h3, h4, h5) = (h.clone(), h.clone(), h.clone(), h.clone(), h.clone());
    let switcher = CorpusSwitcherProps {
        current: id.clone(),
        builtin: builtin_name(&h.builtin.0),
        entries: (*h.entries).clone(),
        on_open: Callback::from(move |id: Option<String>| h1.show(id, true)),
        on_rename: Callback::from(move |(id, name): (String, String)| h2.rename(id, name)),
        on_delete: Callback::from(move |id: String| h3.delete(id)),
        children: Html::default(),
    };
    let download = Callback::from(move |_: MouseEvent| h4.download_single());
    let prefetch = Callback::from(|_| crate::studio::prefetch());
    let offline = (!corpus.shelf.is_empty()).then(|| Callback::from(move |_: MouseEvent| h5.make_offline()));
    let (status, progress) = ((*h.status).clone(), *h.progress);
    corpus_menu(switcher, MenuActions { import, settings, download, offline, status, progress, prefetch })
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl Handles {
    fn set(&self, s: Screen) {
        *self.now.borrow_mut() = s.clone();
        self.screen.set(s);
    }

    /// Show the corpus the address names (at start, and after back/forward).
    async fn follow_address(&self) {
        let entries = self.refresh().await;
        let wanted = crate::url::read_corpus();
        if let Screen::Corpus { id, .. } = &*self.now.borrow() {
            if *id == wanted || (wanted.is_some() && wanted == self.embedded_id && id.is_none()) {
                return;
            }
        }
        match resolve(wanted.as_deref(), self.embedded_id.as_deref(), entries.iter().map(|e| e.id.as_str())) {
            Source::Embedded => self.show(None, false),
            Source::Stored(id) => self.show(Some(id), false),
            Source::Missing(id) => self.set(Screen::Missing(id)),
        }
    }

    /// The library's entries, read again.
    async fn refresh(&self) -> Rc<Vec<Entry>> {
        let list = Rc::new(library::list().await.unwrap_or_else(|e| {
            gloo::console::warn!(format!("Counterclaim: the corpora kept in this browser cannot be read: {e}"));
            Vec::new()
        }));
        self.entries.set(list.clone());
        list
    }

    /// Show corpus `id` (`None`: the built-in one); `push` writes its address as a new history entry first.
    fn show(&self, id: Option<String>, push: bool) {
        let h = self.clone();
        spawn_local(async move {
            let Some((corpus, index)) = h.corpus_of(id.as_deref()).await else { return };
            if push {
                crate::url::write(&ViewState { corpus: id.clone(), ..ViewState::default() }, true);
            }
            let key = match &*h.now.borrow() {
                Screen::Corpus { key, .. } => key + 1,
                _ => 0,
            };
            h.set(Screen::Corpus { id, corpus, index, key });
        });
    }

    /// The corpus and index of `id`: the built-in ones, or unpacked from the library (a failure is said in the menu).
    async fn corpus_of(&self, id: Option<&str>) -> Option<(CorpusRef, Rc<Index>)> {
        let Some(id) = id else { return Some(self.builtin.clone()) };
        let stored = library::get(id).await.ok().flatten();
        match stored.map(|s| counterclaim_core::pack::unpack(&s.pack)) {
            Some(Ok((c, i))) => Some((CorpusRef(Rc::new(c)), Rc::new(i))),
            Some(Err(e)) => self.say(format!("That corpus could not be read ({e}); it is still kept.")),
            None => {
                self.set(Screen::Missing(id.to_string()));
                None
            }
        }
    }

    fn say<T>(&self, s: String) -> Option<T> {
        self.status.set(Some(s));
        None
    }

    /// Keep an import in the library, under a name of its own, and show it.
    fn keep(&self, i: Rc<Imported>) {
        let h = self.clone();
        spawn_local(async move {
            let Ok((corpus, _)) = counterclaim_core::pack::unpack(&i.pack) else { return };
            let names: Vec<String> = h.entries.iter().map(|e| e.name.clone()).collect();
            let name = unique_name(names.iter().map(String::as_str), &i.name);
            let entry =
                Entry { id: corpus_id(&i.pack), name, created: now_ms(), docs: corpus.documents.len(), claims: corpus.claims.len() };
            let stored = Stored { config_toml: i.config_toml.clone(), files: i.files.clone(), pack: i.pack.clone() };
            if let Err(e) = library::put(&entry, &stored).await {
                h.status.set(Some(format!("Shown, but not kept in this browser: {e}")));
            }
            h.refresh().await;
            h.show(Some(entry.id), true);
        });
    }

    fn rename(&self, id: String, name: String) {
        let h = self.clone();
        spawn_local(async move {
            let others: Vec<String> = h.entries.iter().filter(|e| e.id != id).map(|e| e.name.clone()).collect();
            let name = unique_name(others.iter().map(String::as_str), &name);
            if let Err(e) = library::rename(&id, &name).await {
                h.status.set(Some(format!("Could not rename: {e}")));
            }
            h.refresh().await;
        });
    }

    /// Delete a corpus from the library; deleting the one shown shows the built-in one.
    fn delete(&self, id: String) {
        let h = self.clone();
        spawn_local(async move {
            if let Err(e) = library::delete(&id).await {
                h.status.set(Some(format!("Could not delete: {e}")));
            }
            h.refresh().await;
            let shown = matches!(&*h.now.borrow(), Screen::Corpus { id: Some(shown), .. } if *shown == id);
            if shown {
                h.show(None, true);
            }
        });
    }

    /// New settings: for one of the reader's corpora, extract its articles again with them; for the built-in one,
    /// keep them for the next import.
    fn settings_saved(&self, id: Option<String>, toml: String) {
        let Some(id) = id else {
            self.next_config.set(toml);
            self.status.set(Some("Saved: the articles you add next are read with these settings.".into()));
            return;
        };
        let h = self.clone();
        spawn_local(async move {
            let Ok(Some(old)) = library::get(&id).await else { return };
            h.status.set(Some("Extracting the claims again with the new settings…".into()));
            match crate::studio::rebuild(&toml, &old.files).await {
                Ok(pack) => h.replace(&id, Stored { config_toml: toml, files: old.files, pack }).await,
                Err(e) => h.status.set(Some(format!("The settings were not applied: {e}"))),
            }
        });
    }

    /// Keep `stored` as corpus `id` (same id, so its links and corrections stay) and show it afresh.
    async fn replace(&self, id: &str, stored: Stored) {
        let Some(old) = self.entries.iter().find(|e| e.id == id).cloned() else { return };
        let Ok((c, _)) = counterclaim_core::pack::unpack(&stored.pack) else { return };
        let entry = Entry { docs: c.documents.len(), claims: c.claims.len(), ..old };
        match library::put(&entry, &stored).await {
            Ok(()) => self.status.set(Some("The claims were extracted again with the new settings.".into())),
            Err(e) => self.status.set(Some(format!("Not kept: {e}"))),
        }
        self.refresh().await;
        self.show(Some(id.to_string()), false);
    }

    /// "Make available offline": fetch every text shard of the corpus shown (the service worker keeps each), with
    /// a progress bar; a shard that cannot be had stops it with its name and why.
    fn make_offline(&self) {
        let Screen::Corpus { corpus, .. } = self.now.borrow().clone() else { return };
        let h = self.clone();
        spawn_local(async move {
            let shards = &corpus.shelf.shards;
            let bytes: u64 = shards.iter().map(|s| u64::from(s.bytes)).sum();
            for (k, shard) in shards.iter().enumerate() {
                h.progress.set(Some((k, shards.len())));
                h.status.set(Some(format!("Fetching the articles' texts: file {} of {}…", k + 1, shards.len())));
                if let Err(e) = crate::texts::fetch(shard).await {
                    h.progress.set(None);
                    return h.status.set(Some(format!("Not available offline: {e}. Connect and try again.")));
                }
            }
            h.progress.set(None);
            let (n, size) = (corpus.documents.len(), size_label(bytes));
            h.status.set(Some(format!("Available offline: the texts of all {n} articles ({size}) are on this device.")));
        });
    }

    /// "Download as a single file": the corpus shown, with the reader's corrections written in, as one HTML file.
    fn download_single(&self) {
        let Screen::Corpus { id, corpus, .. } = self.now.borrow().clone() else { return };
        if let Some(why) = crate::studio::unavailable("Writing a single file") {
            return self.status.set(Some(why));
        }
        let h = self.clone();
        spawn_local(async move {
            h.status.set(Some("Writing the single file…".into()));
            let pack = match &id {
                Some(i) => {
                    library::get(i).await.ok().flatten().map(|s| s.pack).ok_or_else(|| "it is not in this browser's library".to_string())
                }
                None => crate::data::packed(&h.builtin.0.shelf).await,
            };
            let pack = match pack {
                Ok(p) => p,
                Err(e) => return h.status.set(Some(format!("The corpus could not be read for the file: {e}."))),
            };
            let fixes = crate::stored::load(&counterclaim_core::corrections::storage_key_of(&corpus, id.as_deref())).to_text();
            let link_id = id.clone().or_else(|| h.embedded_id.clone());
            match crate::studio::single_file(&pack, &fixes, link_id.as_deref()).await {
                Ok(html) => {
                    let name = format!("{}.html", file_stem(&h.entries, id.as_deref()));
                    super::export_menu::download_file(&name, "text/html", &html);
                    h.status.set(Some(format!("Downloaded {name}: open it in any browser, offline.")));
                }
                Err(e) => h.status.set(Some(format!("The single file could not be written: {e}"))),
            }
        });
    }
}

/// A size as the menu says it: "13 KB", "4.2 MB" (integers only: no float formatting in the page's wasm for it).
fn size_label(bytes: u64) -> String {
    if bytes < 1_000_000 {
        return format!("{} KB", (bytes + 500) / 1000);
    }
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The downloaded file's name: the corpus's name in plain characters.
fn file_stem(entries: &[Entry], id: Option<&str>) -> String {
    let name = id.and_then(|i| entries.iter().find(|e| e.id == i)).map_or("counterclaim", |e| e.name.as_str());
    let stem: String = name.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let stem = stem.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    if stem.is_empty() {
        "counterclaim".into()
    } else {
        stem
    }
}
