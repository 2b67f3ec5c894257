//! Corpus settings as the page edits them: a draft of the question, sides, entities, people, outlets and stance words of a `CorpusConfig`, checked field by field and written back as `corpus.toml`.
use crate::config::{ActorDef, CorpusConfig, EntityDef, OutletDef, SideDef, StanceLabels, StanceLexicon};
use crate::corrections::push_string;
use crate::text::{fold, sort_by_key};

/// A side as its form row holds it: the markers as typed (one field, comma- or line-separated).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideRow {
    pub id: String,
    pub label: String,
    pub markers: String,
}

/// An entity as its form row holds it: the aliases as typed, and whether it is the corpus's background.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityRow {
    pub id: String,
    pub name: String,
    pub aliases: String,
    pub background: bool,
}

/// A known person (an actor of `corpus.toml`) as its form row holds it: the aliases as typed; role,
/// affiliation and side empty when not known.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonRow {
    pub name: String,
    pub aliases: String,
    pub role: String,
    pub affiliation: String,
    /// A side's id, or empty for none.
    pub side: String,
}

/// A news outlet as its form row holds it: the other names as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutletRow {
    pub name: String,
    pub aliases: String,
}

/// The stance lexicon as its three fields hold it (lists as typed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StanceRows {
    pub supports: String,
    pub refutes: String,
    pub negators: String,
}

/// The settings being edited. What the page does not edit (the stance badges' wording) is kept in `labels` and
/// written back untouched. The default is "start empty".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub question: String,
    pub sides: Vec<SideRow>,
    pub entities: Vec<EntityRow>,
    pub people: Vec<PersonRow>,
    pub outlets: Vec<OutletRow>,
    pub stance: StanceRows,
    pub labels: StanceLabels,
}

/// A field of a side's row (in the order of the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SideField {
    Id,
    Label,
    Markers,
}

/// A text field of an entity's row (in the order of the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntityField {
    Id,
    Name,
    Aliases,
}

/// A field of a person's row (in the order of the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PersonField {
    Name,
    Side,
    Role,
    Affiliation,
    Aliases,
}

/// A field of an outlet's row (in the order of the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OutletField {
    Name,
    Aliases,
}

/// A list of the stance lexicon (in the order of the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StanceField {
    Supports,
    Refutes,
    Negators,
}

/// One change the form makes to the draft (rows are 0-based).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Question(String),
    AddSide,
    RemoveSide(usize),
    Side(usize, SideField, String),
    AddEntity,
    RemoveEntity(usize),
    Entity(usize, EntityField, String),
    Background(usize, bool),
    AddPerson,
    RemovePerson(usize),
    Person(usize, PersonField, String),
    AddOutlet,
    RemoveOutlet(usize),
    Outlet(usize, OutletField, String),
    Stance(StanceField, String),
}

/// The items of a list field: one a line when the text has a line break (so an item may hold a comma),
/// else comma-separated; each trimmed, empty ones dropped.
pub fn parse_list(text: &str) -> Vec<String> {
    let sep = if text.contains('\n') { '\n' } else { ',' };
    text.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// A list as its field shows it, read back by [`parse_list`]: comma-separated, or one a line when an item
/// holds a comma (with a final line break when there is one item only, so that it stays one).
pub fn format_list(items: &[String]) -> String {
    if !items.iter().any(|i| i.contains(',')) {
        return items.join(", ");
    }
    let mut s = items.join("\n");
    if items.len() == 1 {
        s.push('\n');
    }
    s
}

impl Draft {
    /// The draft of a corpus's settings ("start from this corpus"); `background`: its background entity ids.
    pub fn from_config(config: &CorpusConfig, labels: &StanceLabels, background: &[String]) -> Draft {
        let side = |s: &SideDef| SideRow { id: s.id.clone(), label: s.label.clone(), markers: format_list(&s.markers) };
        let entity = |e: &EntityDef| EntityRow {
            id: e.id.clone(),
            name: e.label.clone(),
            aliases: format_list(&e.aliases),
            background: background.contains(&e.id),
        };
        let person = |a: &ActorDef| PersonRow {
            name: a.name.clone(),
            aliases: format_list(&a.aliases),
            role: a.role.clone().unwrap_or_default(),
            affiliation: a.affiliation.clone().unwrap_or_default(),
            side: a.side.clone().unwrap_or_default(),
        };
        let outlet = |o: &OutletDef| OutletRow { name: o.name.clone(), aliases: format_list(&o.aliases) };
        let l = &config.stance;
        Draft {
            question: config.question.clone(),
            sides: config.sides.iter().map(side).collect(),
            entities: config.entities.iter().map(entity).collect(),
            people: config.actors.iter().map(person).collect(),
            outlets: config.outlets.iter().map(outlet).collect(),
            stance: StanceRows { supports: format_list(&l.supports), refutes: format_list(&l.refutes), negators: format_list(&l.negators) },
            labels: labels.clone(),
        }
    }

    /// Apply one change of the form; an edit of a row that is not there changes nothing.
    pub fn edit(&mut self, e: Edit) {
        match e {
            Edit::Question(q) => self.question = q,
            Edit::AddSide => self.sides.push(SideRow::default()),
            Edit::RemoveSide(i) if i < self.sides.len() => drop(self.sides.remove(i)),
            Edit::AddEntity => self.entities.push(EntityRow::default()),
            Edit::RemoveEntity(i) if i < self.entities.len() => drop(self.entities.remove(i)),
            Edit::AddPerson => self.people.push(PersonRow::default()),
            Edit::RemovePerson(i) if i < self.people.len() => drop(self.people.remove(i)),
            Edit::AddOutlet => self.outlets.push(OutletRow::default()),
            Edit::RemoveOutlet(i) if i < self.outlets.len() => drop(self.outlets.remove(i)),
            Edit::Side(i, f, v) => {
                if let Some(r) = self.sides.get_mut(i) {
                    *match f {
                        SideField::Id => &mut r.id,
                        SideField::Label => &mut r.label,
                        SideField::Markers => &mut r.markers,
                    } = v;
                }
            }
            Edit::Entity(i, f, v) => {
                if let Some(r) = self.entities.get_mut(i) {
                    *match f {
                        EntityField::Id => &mut r.id,
                        EntityField::Name => &mut r.name,
                        EntityField::Aliases => &mut r.aliases,
                    } = v;
                }
            }
            Edit::Background(i, on) => {
                if let Some(r) = self.entities.get_mut(i) {
                    r.background = on;
                }
            }
            Edit::Person(i, f, v) => {
                if let Some(r) = self.people.get_mut(i) {
                    *r.field(f) = v;
                }
            }
            Edit::Outlet(i, f, v) => {
                if let Some(r) = self.outlets.get_mut(i) {
                    *match f {
                        OutletField::Name => &mut r.name,
                        OutletField::Aliases => &mut r.aliases,
                    } = v;
                }
            }
            Edit::Stance(f, v) => *self.stance.field(f) = v,
            Edit::RemoveSide(_) | Edit::RemoveEntity(_) | Edit::RemovePerson(_) | Edit::RemoveOutlet(_) => {}
        }
    }

    /// The configuration the draft says (text fields trimmed) and its background entity ids.
    pub fn to_config(&self) -> (CorpusConfig, Vec<String>) {
        let side = |r: &SideRow| SideDef { id: r.id.trim().into(), label: r.label.trim().into(), markers: parse_list(&r.markers) };
        let entity = |r: &EntityRow| EntityDef { id: r.id.trim().into(), label: r.name.trim().into(), aliases: parse_list(&r.aliases) };
        let given = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
        let person = |r: &PersonRow| ActorDef {
            name: r.name.trim().into(),
            aliases: parse_list(&r.aliases),
            role: given(&r.role),
            affiliation: given(&r.affiliation),
            side: given(&r.side),
        };
        let outlet = |r: &OutletRow| OutletDef { name: r.name.trim().into(), aliases: parse_list(&r.aliases) };
        let l = &self.stance;
        let config = CorpusConfig {
            question: self.question.trim().into(),
            sides: self.sides.iter().map(side).collect(),
            entities: self.entities.iter().map(entity).collect(),
            outlets: self.outlets.iter().map(outlet).collect(),
            actors: self.people.iter().map(person).collect(),
            stance: StanceLexicon { supports: parse_list(&l.supports), refutes: parse_list(&l.refutes), negators: parse_list(&l.negators) },
        };
        let background = self.entities.iter().filter(|r| r.background).map(|r| r.id.trim().to_string()).collect();
        (config, background)
    }

    /// The complete `corpus.toml` the draft says.
    pub fn to_toml(&self) -> String {
        let (config, background) = self.to_config();
        to_toml(&config, &self.labels, &background)
    }
}

impl PersonRow {
    fn field(&mut self, f: PersonField) -> &mut String {
        match f {
            PersonField::Name => &mut self.name,
            PersonField::Aliases => &mut self.aliases,
            PersonField::Role => &mut self.role,
            PersonField::Affiliation => &mut self.affiliation,
            PersonField::Side => &mut self.side,
        }
    }
}

impl StanceRows {
    fn field(&mut self, f: StanceField) -> &mut String {
        [&mut self.supports, &mut self.refutes, &mut self.negators].into_iter().nth(f as usize).expect("three lists")
    }

    /// The text of a list field.
    pub fn get(&self, f: StanceField) -> &str {
        [&self.supports, &self.refutes, &self.negators][f as usize]
    }
}

/// Which field a message is about; they sort in the order of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Question,
    /// The list of sides as a whole.
    Sides,
    Side(usize, SideField),
    Entity(usize, EntityField),
    Person(usize, PersonField),
    Outlet(usize, OutletField),
    Stance(StanceField),
}

impl Field {
    /// What the field is called in a message: "question", "side 2 · id" (rows counted from 1).
    pub fn name(self) -> String {
        match self {
            Field::Question => "question".into(),
            Field::Sides => "sides".into(),
            Field::Side(i, f) => format!("side {} · {}", i + 1, ["id", "label", "markers"][f as usize]),
            Field::Entity(i, f) => format!("entity {} · {}", i + 1, ["id", "name", "aliases"][f as usize]),
            Field::Person(i, f) => format!("person {} · {}", i + 1, ["name", "side", "role", "affiliation", "other names"][f as usize]),
            Field::Outlet(i, f) => format!("outlet {} · {}", i + 1, ["name", "other names"][f as usize]),
            Field::Stance(f) => ["supporting words", "refuting words", "negators"][f as usize].into(),
        }
    }

    /// The field's element id in the page ("settings-side-2-id").
    pub fn dom_id(self) -> String {
        format!("settings-{}", self.name().replace(" · ", "-").replace(' ', "-"))
    }
}

/// What is wrong with a field (or, when `warning`, worth knowing while saving is still allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as the message says it ("side 2 · id").
    pub field: String,
    pub at: Field,
    pub message: String,
    pub warning: bool,
}

impl FieldError {
    fn new(at: Field, message: impl Into<String>) -> FieldError {
        FieldError { field: at.name(), at, message: message.into(), warning: false }
    }

    fn warn(at: Field, message: impl Into<String>) -> FieldError {
        FieldError { warning: true, ..FieldError::new(at, message) }
    }
}

/// Whether the draft may be saved: no errors (warnings allowed).
pub fn savable(issues: &[FieldError]) -> bool {
    issues.iter().all(|e| e.warning)
}

/// Everything wrong with the draft, in the order of the form (so the first error is the first field to fix):
/// errors, and warnings that do not stop a save.
pub fn validate(d: &Draft) -> Vec<FieldError> {
    let mut out = vec![];
    if d.question.trim().is_empty() {
        out.push(FieldError::warn(Field::Question, "No question yet: allowed, but stances are easier to read against one"));
    }
    let side_ids: Vec<&str> = d.sides.iter().map(|s| s.id.trim()).collect();
    id_errors(&side_ids, "side", |i| Field::Side(i, SideField::Id), &mut out);
    for (i, _) in d.sides.iter().enumerate().filter(|(_, s)| s.label.trim().is_empty()) {
        out.push(FieldError::new(Field::Side(i, SideField::Label), "Needs a label (what the side badge says)"));
    }
    let markers: Vec<Vec<String>> = d.sides.iter().map(|s| parse_list(&s.markers)).collect();
    for (i, n, j) in shared(&markers) {
        out.push(FieldError::new(
            Field::Side(i, SideField::Markers),
            format!("\"{n}\" is also a marker of side {}: a marker places a speaker on one side only", j + 1),
        ));
    }
    let entity_ids: Vec<&str> = d.entities.iter().map(|e| e.id.trim()).collect();
    id_errors(&entity_ids, "entity", |i| Field::Entity(i, EntityField::Id), &mut out);
    for (i, _) in d.entities.iter().enumerate().filter(|(_, e)| e.name.trim().is_empty()) {
        out.push(FieldError::new(Field::Entity(i, EntityField::Name), "Needs a name"));
    }
    entity_names(d, &mut out);
    person_errors(d, &mut out);
    actor_sides(d, &mut out);
    outlet_errors(d, &mut out);
    stance_words(d, &mut out);
    sort_by_key(&mut out, |e| e.at);
    out
}

/// An error on each id that is empty, not of `[a-z0-9-]`, or the same as a row's above it.
fn id_errors(ids: &[&str], what: &str, field: impl Fn(usize) -> Field, out: &mut Vec<FieldError>) {
    for (i, id) in ids.iter().enumerate() {
        let problem = if id.is_empty() {
            Some(format!("Needs an id: a–z, 0–9 and hyphens (e.g. \"my-{what}\")"))
        } else if let Some(bad) = id.chars().find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '-')) {
            Some(format!("\"{bad}\" is not allowed in an id: lowercase letters a–z, digits and hyphens only"))
        } else {
            ids[..i].iter().position(|b| b == id).map(|k| format!("The same id as {what} {}: each {what} needs its own", k + 1))
        };
        out.extend(problem.map(|m| FieldError::new(field(i), m)));
    }
}

/// Names given to two rows, compared case- and accent-insensitively: (the later row, the name, the earlier
/// row) for each.
fn shared(rows: &[Vec<String>]) -> Vec<(usize, String, usize)> {
    let mut seen: Vec<(String, usize)> = vec![];
    let mut out = vec![];
    for (i, names) in rows.iter().enumerate() {
        let mut mine: Vec<String> = vec![];
        for n in names {
            let k = fold(n);
            if let Some((_, j)) = seen.iter().find(|(s, _)| *s == k) {
                out.push((i, n.clone(), *j));
            } else if !mine.contains(&k) {
                mine.push(k);
            }
        }
        seen.extend(mine.into_iter().map(|k| (k, i)));
    }
    out
}

/// Names shared by two entities (their aliases and the parts of their names, which are matched too): an
/// error on the later entity's aliases, or its name when the name is what repeats.
fn entity_names(d: &Draft, out: &mut Vec<FieldError>) {
    let (config, _) = d.to_config();
    let names: Vec<Vec<String>> = config.entities.iter().map(|e| e.names().into_iter().map(str::to_string).collect()).collect();
    for (i, n, j) in shared(&names) {
        let f = if config.entities[i].aliases.contains(&n) { EntityField::Aliases } else { EntityField::Name };
        out.push(FieldError::new(
            Field::Entity(i, f),
            format!("\"{n}\" is also a name of entity {}: a name belongs to one entity only", j + 1),
        ));
    }
}

/// How the checks of rows that go by names (people, outlets) word their messages.
struct Named {
    /// What a row is ("person").
    what: &'static str,
    /// The message on a row with no name.
    missing: &'static str,
    /// Why a name belongs to one row only.
    why: &'static str,
}

const PEOPLE: Named = Named { what: "person", missing: "Needs a name (as the articles write it)", why: "each name places a speaker once" };

const OUTLETS: Named =
    Named { what: "outlet", missing: "Needs a name (as the pages write it)", why: "each name files a page under one outlet" };

/// People with no name, and names (or other names) given to two people: an error on the later person's field.
fn person_errors(d: &Draft, out: &mut Vec<FieldError>) {
    let rows: Vec<(&str, &str)> = d.people.iter().map(|p| (p.name.as_str(), p.aliases.as_str())).collect();
    name_errors(&rows, &PEOPLE, |i, name| Field::Person(i, if name { PersonField::Name } else { PersonField::Aliases }), out);
}

/// Outlets with no name, and names (or other names) given to two outlets: an error on the later outlet's field.
fn outlet_errors(d: &Draft, out: &mut Vec<FieldError>) {
    let rows: Vec<(&str, &str)> = d.outlets.iter().map(|o| (o.name.as_str(), o.aliases.as_str())).collect();
    name_errors(&rows, &OUTLETS, |i, name| Field::Outlet(i, if name { OutletField::Name } else { OutletField::Aliases }), out);
}

/// Rows with no name, and names (a row's name or one of its other names) given to two rows: an error on the
/// later row's field. `rows`: each row's name and other names as typed; `field(i, true)` is row `i`'s name,
/// `field(i, false)` its other names.
fn name_errors(rows: &[(&str, &str)], named: &Named, field: impl Fn(usize, bool) -> Field, out: &mut Vec<FieldError>) {
    for (i, _) in rows.iter().enumerate().filter(|(_, (name, _))| name.trim().is_empty()) {
        out.push(FieldError::new(field(i, true), named.missing));
    }
    let names: Vec<Vec<String>> = rows
        .iter()
        .map(|(name, aliases)| std::iter::once(name.trim().to_string()).chain(parse_list(aliases)).filter(|n| !n.is_empty()).collect())
        .collect();
    for (i, n, j) in shared(&names) {
        let on_name = fold(&n) == fold(rows[i].0.trim());
        let m = format!("\"{n}\" is also a name of {} {}: {}", named.what, j + 1, named.why);
        out.push(FieldError::new(field(i, on_name), m));
    }
}

/// The people whose side is no longer one: a warning per side, at the sides (where the side went), and the
/// same on each of their side fields.
fn actor_sides(d: &Draft, out: &mut Vec<FieldError>) {
    let mut gone: Vec<(&str, Vec<&str>)> = vec![];
    for (i, p) in d.people.iter().enumerate() {
        let side = p.side.trim();
        if side.is_empty() || d.sides.iter().any(|r| r.id.trim() == side) {
            continue;
        }
        out.push(FieldError::warn(
            Field::Person(i, PersonField::Side),
            format!("\"{side}\" is no longer a side: their claims will have no side"),
        ));
        match gone.iter_mut().find(|(s, _)| *s == side) {
            Some((_, names)) => names.push(p.name.trim()),
            None => gone.push((side, vec![p.name.trim()])),
        }
    }
    for (side, names) in gone {
        let m = format!("People are on side \"{side}\", which is no longer a side: {} (their claims will have no side)", names.join(", "));
        out.push(FieldError::warn(Field::Sides, m));
    }
}

/// A word listed both as supporting and as refuting: an error on the refuting words (a cue carries one stance).
fn stance_words(d: &Draft, out: &mut Vec<FieldError>) {
    let lists = [parse_list(&d.stance.supports), parse_list(&d.stance.refutes)];
    for (_, n, _) in shared(&lists) {
        out.push(FieldError::new(
            Field::Stance(StanceField::Refutes),
            format!("\"{n}\" is also a supporting word: a word carries one stance"),
        ));
    }
}

/// A complete `corpus.toml`: the question, every `[[side]]`, `[[entity]]` (with `background = true` for the
/// ids in `background`), `[[outlet]]` and `[[actor]]`, the `[stance]` lexicon and `[stance_labels]`.
/// Hand-written (the app links no TOML crate); the builder's reader reads it back equal.
pub fn to_toml(c: &CorpusConfig, labels: &StanceLabels, background: &[String]) -> String {
    let mut out = String::from("# Corpus configuration, written by Counterclaim's settings editor.\nquestion = ");
    push_string(&mut out, &c.question);
    out.push('\n');
    for s in &c.sides {
        table(&mut out, "side", &[("id", &s.id), ("label", &s.label)]);
        list(&mut out, "markers", &s.markers);
    }
    for e in &c.entities {
        table(&mut out, "entity", &[("id", &e.id), ("label", &e.label)]);
        list(&mut out, "aliases", &e.aliases);
        if background.contains(&e.id) {
            out.push_str("background = true\n");
        }
    }
    for o in &c.outlets {
        table(&mut out, "outlet", &[("name", &o.name)]);
        list(&mut out, "aliases", &o.aliases);
    }
    for a in &c.actors {
        table(&mut out, "actor", &[("name", &a.name)]);
        list(&mut out, "aliases", &a.aliases);
        let optional = [("role", &a.role), ("affiliation", &a.affiliation), ("side", &a.side)];
        for (k, v) in optional.iter().filter_map(|(k, v)| Some((*k, v.as_deref()?))) {
            key(&mut out, k, v);
        }
    }
    out.push_str("\n[stance]\n");
    list(&mut out, "supports", &c.stance.supports);
    list(&mut out, "refutes", &c.stance.refutes);
    list(&mut out, "negators", &c.stance.negators);
    let given = [("supports", &labels.supports), ("refutes", &labels.refutes), ("neutral", &labels.neutral)];
    let given: Vec<(&str, &str)> = given.iter().filter_map(|(k, v)| Some((*k, v.as_deref()?))).collect();
    if !given.is_empty() {
        out.push_str("\n[stance_labels]\n");
        given.iter().for_each(|(k, v)| key(&mut out, k, v));
    }
    out
}

/// `[[name]]` and its string keys.
fn table(out: &mut String, name: &str, keys: &[(&str, &String)]) {
    out.push_str(&format!("\n[[{name}]]\n"));
    keys.iter().for_each(|(k, v)| key(out, k, v));
}

/// `key = "value"`.
fn key(out: &mut String, k: &str, v: &str) {
    out.push_str(k);
    out.push_str(" = ");
    push_string(out, v);
    out.push('\n');
}

/// `key = ["a", "b"]`.
fn list(out: &mut String, k: &str, items: &[String]) {
    out.push_str(k);
    out.push_str(" = [");
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_string(out, s);
    }
    out.push_str("]\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ActorDef, OutletDef};
    use proptest::prelude::*;

    fn side(id: &str, label: &str, markers: &str) -> SideRow {
        SideRow { id: id.into(), label: label.into(), markers: markers.into() }
    }

    fn entity(id: &str, name: &str, aliases: &str) -> EntityRow {
        EntityRow { id: id.into(), name: name.into(), aliases: aliases.into(), background: false }
    }

    /// A draft with nothing wrong: a question, two sides and two entities.
    fn good() -> Draft {
        Draft {
            question: "Is the bridge safe?".into(),
            sides: vec![side("city", "City council", "council, mayor"), side("residents", "Residents", "resident")],
            entities: vec![entity("bridge", "Old Bridge", "the bridge"), entity("river", "River Ouse", "Ouse")],
            ..Draft::default()
        }
    }

    /// The messages about `at`.
    fn about(d: &Draft, at: Field) -> Vec<FieldError> {
        validate(d).into_iter().filter(|e| e.at == at).collect()
    }

    #[test]
    fn a_good_draft_and_the_seeds_have_nothing_wrong() {
        assert_eq!(validate(&good()), vec![]);
        let seeds = include_str!("../../../seeds/corpus.toml");
        let config: CorpusConfig = toml::from_str(seeds).unwrap();
        assert_eq!(validate(&Draft::from_config(&config, &StanceLabels::default(), &["afghanistan".into()])), vec![]);
    }

    #[test]
    fn an_empty_question_is_a_warning_that_allows_saving() {
        let d = Draft { question: "  \n".into(), ..good() };
        let issues = validate(&d);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(issues[0].warning && issues[0].at == Field::Question && issues[0].field == "question");
        assert!(savable(&issues));
        assert!(savable(&validate(&Draft::default())), "start empty can be saved as it is");
    }

    #[test]
    fn a_side_id_must_be_given() {
        let mut d = good();
        d.edit(Edit::Side(1, SideField::Id, " ".into()));
        let e = about(&d, Field::Side(1, SideField::Id));
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].field, "side 2 · id");
        assert!(e[0].message.starts_with("Needs an id") && !e[0].warning);
        assert!(!savable(&validate(&d)));
    }

    #[test]
    fn ids_are_lowercase_letters_digits_and_hyphens() {
        for bad in ["City", "the city", "city_2", "café"] {
            let mut d = good();
            d.edit(Edit::Side(0, SideField::Id, bad.into()));
            d.edit(Edit::Entity(1, EntityField::Id, bad.into()));
            assert_eq!(about(&d, Field::Side(0, SideField::Id)).len(), 1, "{bad}");
            let e = about(&d, Field::Entity(1, EntityField::Id));
            assert!(e.len() == 1 && e[0].message.contains("is not allowed"), "{bad}: {e:?}");
        }
        let mut d = good();
        d.edit(Edit::Side(0, SideField::Id, " city-2 ".into()));
        assert_eq!(validate(&d), vec![], "spaces around an id are trimmed");
    }

    #[test]
    fn ids_are_unique_among_sides_and_among_entities() {
        let mut d = good();
        d.edit(Edit::Side(1, SideField::Id, "city".into()));
        d.edit(Edit::Entity(1, EntityField::Id, "bridge".into()));
        let e = about(&d, Field::Side(1, SideField::Id));
        assert!(e.len() == 1 && e[0].message.contains("side 1"), "{e:?}");
        assert_eq!(about(&d, Field::Side(0, SideField::Id)), vec![], "the first keeps its id");
        let e = about(&d, Field::Entity(1, EntityField::Id));
        assert!(e.len() == 1 && e[0].message.contains("entity 1"), "{e:?}");
        d.edit(Edit::Entity(0, EntityField::Id, "city".into()));
        assert_eq!(about(&d, Field::Entity(0, EntityField::Id)), vec![], "a side and an entity may share an id");
    }

    #[test]
    fn labels_and_names_must_be_given() {
        let mut d = good();
        d.edit(Edit::Side(0, SideField::Label, "".into()));
        d.edit(Edit::Entity(1, EntityField::Name, " ".into()));
        assert_eq!(about(&d, Field::Side(0, SideField::Label))[0].field, "side 1 · label");
        assert_eq!(about(&d, Field::Entity(1, EntityField::Name))[0].field, "entity 2 · name");
        assert_eq!(validate(&d).len(), 2);
    }

    #[test]
    fn a_name_belongs_to_one_entity() {
        let mut d = good();
        d.edit(Edit::Entity(1, EntityField::Aliases, "Ouse, THE BRÎDGE".into()));
        let e = about(&d, Field::Entity(1, EntityField::Aliases));
        assert!(e.len() == 1 && e[0].message.contains("\"THE BRÎDGE\"") && e[0].message.contains("entity 1"), "{e:?}");
        let mut d = good();
        d.edit(Edit::Entity(1, EntityField::Name, "River / Old Bridge".into()));
        let e = about(&d, Field::Entity(1, EntityField::Name));
        assert!(e.len() == 1 && e[0].message.contains("\"Old Bridge\""), "a part of a name is a name: {e:?}");
        let mut d = good();
        d.edit(Edit::Entity(0, EntityField::Aliases, "the bridge, The Bridge, Old Bridge".into()));
        assert_eq!(validate(&d), vec![], "repeats within one entity are harmless");
    }

    #[test]
    fn a_marker_belongs_to_one_side() {
        let mut d = good();
        d.edit(Edit::Side(1, SideField::Markers, "resident, Mayor".into()));
        let e = about(&d, Field::Side(1, SideField::Markers));
        assert!(e.len() == 1 && e[0].message.contains("\"Mayor\"") && e[0].message.contains("side 1"), "{e:?}");
        assert_eq!(e[0].field, "side 2 · markers");
    }

    fn person(name: &str, aliases: &str, side: &str) -> PersonRow {
        PersonRow { name: name.into(), aliases: aliases.into(), side: side.into(), ..PersonRow::default() }
    }

    #[test]
    fn a_person_whose_side_is_gone_is_a_warning() {
        let people =
            vec![person("Ann Lee", "", "residents"), person("Cy", "", ""), person("Di", "", "city"), person("Bob", "", "residents")];
        let mut d = Draft { people, ..good() };
        assert_eq!(validate(&d), vec![]);
        d.edit(Edit::RemoveSide(1));
        let e = validate(&d);
        assert!(e.iter().all(|e| e.warning) && savable(&e), "{e:?}");
        let at_sides: Vec<&FieldError> = e.iter().filter(|e| e.at == Field::Sides).collect();
        assert_eq!(at_sides.len(), 1, "one warning for the side: {e:?}");
        assert!(at_sides[0].message.contains("\"residents\"") && at_sides[0].message.contains("Ann Lee, Bob"), "{e:?}");
        let rows: Vec<Field> = e.iter().map(|e| e.at).filter(|f| *f != Field::Sides).collect();
        assert_eq!(rows, [Field::Person(0, PersonField::Side), Field::Person(3, PersonField::Side)], "and on each person's side");
    }

    #[test]
    fn a_person_needs_a_name_of_their_own() {
        let mut d = Draft { people: vec![person("Ann Lee", "Lee", ""), person(" ", "", "")], ..good() };
        let e = about(&d, Field::Person(1, PersonField::Name));
        assert!(e.len() == 1 && e[0].field == "person 2 · name" && !e[0].warning, "{e:?}");
        d.edit(Edit::Person(1, PersonField::Name, "Bo Lee".into()));
        d.edit(Edit::Person(1, PersonField::Aliases, "Bo, LEE".into()));
        let e = about(&d, Field::Person(1, PersonField::Aliases));
        assert!(e.len() == 1 && e[0].message.contains("\"LEE\"") && e[0].message.contains("person 1"), "{e:?}");
        d.edit(Edit::Person(1, PersonField::Aliases, "Bo".into()));
        d.edit(Edit::Person(1, PersonField::Name, "ann lee".into()));
        let e = about(&d, Field::Person(1, PersonField::Name));
        assert!(e.len() == 1 && e[0].message.contains("person 1"), "a repeated name is an error on the name: {e:?}");
    }

    #[test]
    fn people_are_added_edited_and_saved() {
        let mut d = good();
        d.edit(Edit::AddPerson);
        d.edit(Edit::AddPerson);
        d.edit(Edit::Person(0, PersonField::Name, " Ann Lee ".into()));
        d.edit(Edit::Person(0, PersonField::Aliases, "Lee, Dr Lee".into()));
        d.edit(Edit::Person(0, PersonField::Role, "engineer".into()));
        d.edit(Edit::Person(0, PersonField::Affiliation, "  ".into()));
        d.edit(Edit::Person(0, PersonField::Side, "residents".into()));
        d.edit(Edit::Person(1, PersonField::Name, "Bob".into()));
        d.edit(Edit::RemovePerson(1));
        d.edit(Edit::Person(5, PersonField::Name, "nobody".into()));
        assert_eq!(validate(&d), vec![]);
        let want = ActorDef {
            name: "Ann Lee".into(),
            aliases: vec!["Lee".into(), "Dr Lee".into()],
            role: Some("engineer".into()),
            affiliation: None,
            side: Some("residents".into()),
        };
        assert_eq!(d.to_config().0.actors, [want]);
        assert!(d
            .to_toml()
            .contains("[[actor]]\nname = \"Ann Lee\"\naliases = [\"Lee\", \"Dr Lee\"]\nrole = \"engineer\"\nside = \"residents\"\n"));
    }

    fn outlet(name: &str, aliases: &str) -> OutletRow {
        OutletRow { name: name.into(), aliases: aliases.into() }
    }

    #[test]
    fn outlets_are_added_edited_removed_and_saved() {
        let mut d = good();
        d.edit(Edit::AddOutlet);
        d.edit(Edit::AddOutlet);
        d.edit(Edit::Outlet(0, OutletField::Name, " The Harbour Courier ".into()));
        d.edit(Edit::Outlet(0, OutletField::Aliases, "Harbour Courier, Courier".into()));
        d.edit(Edit::Outlet(1, OutletField::Name, "Valley Post".into()));
        assert_eq!(d.outlets[1], outlet("Valley Post", ""));
        d.edit(Edit::RemoveOutlet(1));
        let before = d.clone();
        d.edit(Edit::RemoveOutlet(1));
        d.edit(Edit::Outlet(1, OutletField::Name, "nobody".into()));
        assert_eq!(d, before, "an edit of an outlet that is not there changes nothing");
        assert_eq!(validate(&d), vec![]);
        let want = OutletDef { name: "The Harbour Courier".into(), aliases: vec!["Harbour Courier".into(), "Courier".into()] };
        assert_eq!(d.to_config().0.outlets, [want]);
        let t = d.to_toml();
        assert!(t.contains("[[outlet]]\nname = \"The Harbour Courier\"\naliases = [\"Harbour Courier\", \"Courier\"]\n"), "{t}");
    }

    #[test]
    fn an_outlet_needs_a_name_of_its_own() {
        let mut d = Draft { outlets: vec![outlet("The Harbour Courier", "Courier"), outlet(" ", "Post")], ..good() };
        let e = validate(&d);
        assert!(e.len() == 1 && e[0].at == Field::Outlet(1, OutletField::Name) && !e[0].warning, "{e:?}");
        assert_eq!(e[0].field, "outlet 2 · name");
        d.edit(Edit::Outlet(1, OutletField::Name, "Valley Post".into()));
        d.edit(Edit::Outlet(1, OutletField::Aliases, "Post, COURÎER".into()));
        let e = validate(&d);
        assert!(e.len() == 1 && e[0].at == Field::Outlet(1, OutletField::Aliases), "{e:?}");
        assert!(e[0].message.contains("\"COURÎER\"") && e[0].message.contains("outlet 1"), "{e:?}");
        assert_eq!(e[0].field, "outlet 2 · other names");
        d.edit(Edit::Outlet(1, OutletField::Aliases, "Post".into()));
        d.edit(Edit::Outlet(1, OutletField::Name, "the harbour courier".into()));
        let e = validate(&d);
        assert!(e.len() == 1 && e[0].at == Field::Outlet(1, OutletField::Name), "a repeated name is an error on the name: {e:?}");
        assert!(!savable(&e));
        d.edit(Edit::Outlet(1, OutletField::Name, "Valley Post".into()));
        d.edit(Edit::Outlet(1, OutletField::Aliases, "valley post, Post".into()));
        assert_eq!(validate(&d), vec![], "an outlet may list its own name again");
    }

    #[test]
    fn a_word_carries_one_stance() {
        let mut d = good();
        d.edit(Edit::Stance(StanceField::Supports, "safe, sound".into()));
        d.edit(Edit::Stance(StanceField::Refutes, "unsafe\nSOUND".into()));
        d.edit(Edit::Stance(StanceField::Negators, "not, no longer".into()));
        let e = validate(&d);
        assert!(e.len() == 1 && e[0].at == Field::Stance(StanceField::Refutes) && e[0].message.contains("\"SOUND\""), "{e:?}");
        assert_eq!(e[0].field, "refuting words");
        d.edit(Edit::Stance(StanceField::Refutes, "unsafe".into()));
        let l = d.to_config().0.stance;
        assert_eq!(
            (l.supports, l.refutes, l.negators),
            (vec!["safe".into(), "sound".into()], vec!["unsafe".into()], vec!["not".into(), "no longer".into()])
        );
        assert_eq!(d.stance.get(StanceField::Negators), "not, no longer");
    }

    #[test]
    fn messages_come_in_the_order_of_the_form() {
        let mut d = good();
        d.edit(Edit::Entity(0, EntityField::Id, "".into()));
        d.edit(Edit::Side(1, SideField::Id, "".into()));
        d.edit(Edit::Side(0, SideField::Label, "".into()));
        d.edit(Edit::Side(0, SideField::Markers, "Ouse, Mayor".into()));
        d.edit(Edit::Side(1, SideField::Markers, "mayor".into()));
        d.edit(Edit::Stance(StanceField::Supports, "safe".into()));
        d.edit(Edit::Stance(StanceField::Refutes, "safe".into()));
        d.edit(Edit::AddOutlet);
        d.edit(Edit::AddPerson);
        let at: Vec<Field> = validate(&d).into_iter().map(|e| e.at).collect();
        let want = [
            Field::Side(0, SideField::Label),
            Field::Side(1, SideField::Id),
            Field::Side(1, SideField::Markers),
            Field::Entity(0, EntityField::Id),
            Field::Person(0, PersonField::Name),
            Field::Outlet(0, OutletField::Name),
            Field::Stance(StanceField::Refutes),
        ];
        assert_eq!(at, want);
    }

    #[test]
    fn lists_are_split_by_commas_or_by_lines() {
        assert_eq!(parse_list(" a, b ,,c "), ["a", "b", "c"]);
        assert_eq!(parse_list("Washington, D.C.\nParis\n\n"), ["Washington, D.C.", "Paris"]);
        assert_eq!(parse_list(" \n "), Vec::<String>::new());
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(format_list(&s(&["a", "b"])), "a, b");
        assert_eq!(format_list(&s(&["Washington, D.C.", "DC"])), "Washington, D.C.\nDC");
        for v in [s(&[]), s(&["a"]), s(&["a, b"]), s(&["a, b", "c"]), s(&["x y", "z"])] {
            assert_eq!(parse_list(&format_list(&v)), v);
        }
    }

    #[test]
    fn rows_are_added_edited_and_removed() {
        let mut d = good();
        d.edit(Edit::AddSide);
        d.edit(Edit::Side(2, SideField::Label, "Engineers".into()));
        d.edit(Edit::AddEntity);
        d.edit(Edit::Entity(2, EntityField::Aliases, "a, b".into()));
        d.edit(Edit::Background(2, true));
        assert_eq!(d.sides[2], side("", "Engineers", ""));
        assert_eq!(d.entities[2], EntityRow { aliases: "a, b".into(), background: true, ..EntityRow::default() });
        d.edit(Edit::RemoveSide(0));
        d.edit(Edit::RemoveEntity(1));
        assert_eq!(d.sides.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["residents", ""]);
        assert_eq!(d.entities.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["bridge", ""]);
        let before = d.clone();
        for e in [Edit::RemoveSide(9), Edit::RemoveEntity(9), Edit::Side(9, SideField::Id, "x".into()), Edit::Background(9, true)] {
            d.edit(e);
        }
        assert_eq!(d, before, "an edit of a row that is not there changes nothing");
        d.edit(Edit::Question("Q?".into()));
        assert_eq!(d.question, "Q?");
    }

    #[test]
    fn fields_are_named_from_one() {
        assert_eq!(Field::Side(0, SideField::Markers).name(), "side 1 · markers");
        assert_eq!(Field::Entity(11, EntityField::Aliases).name(), "entity 12 · aliases");
        assert_eq!(Field::Side(1, SideField::Id).dom_id(), "settings-side-2-id");
        assert_eq!(Field::Question.dom_id(), "settings-question");
        assert_eq!(Field::Person(1, PersonField::Side).dom_id(), "settings-person-2-side");
        assert_eq!(Field::Stance(StanceField::Supports).dom_id(), "settings-supporting-words");
        assert_eq!(Field::Outlet(0, OutletField::Name).name(), "outlet 1 · name");
        assert_eq!(Field::Outlet(2, OutletField::Aliases).name(), "outlet 3 · other names");
        assert_eq!(Field::Outlet(0, OutletField::Name).dom_id(), "settings-outlet-1-name");
        assert_eq!(Field::Outlet(1, OutletField::Aliases).dom_id(), "settings-outlet-2-other-names");
    }

    #[test]
    fn the_draft_keeps_what_it_does_not_edit() {
        let base = CorpusConfig {
            question: "Old?".into(),
            outlets: vec![OutletDef { name: "The Herald".into(), aliases: vec!["Herald".into()] }],
            ..CorpusConfig::default()
        };
        let labels = StanceLabels { refutes: Some("Says it is unsafe".into()), ..StanceLabels::default() };
        let mut d = Draft::from_config(&base, &labels, &[]);
        assert_eq!(d.outlets, [outlet("The Herald", "Herald")], "the outlets are in the form");
        d.edit(Edit::Question(" New? ".into()));
        let (c, bg) = d.to_config();
        assert_eq!(c, CorpusConfig { question: "New?".into(), ..base }, "and come back as they were");
        assert!(bg.is_empty());
        let t = d.to_toml();
        assert!(t.contains("question = \"New?\"\n") && t.contains("[stance_labels]\nrefutes = \"Says it is unsafe\"\n"), "{t}");
        assert_eq!(Draft::default().to_config(), (CorpusConfig::default(), vec![]), "start empty is the default configuration");
    }

    #[test]
    fn strings_are_escaped() {
        let c = CorpusConfig { question: "Is \"it\" a\\b\nc\u{7f} é?".into(), ..CorpusConfig::default() };
        let t = to_toml(&c, &StanceLabels::default(), &[]);
        assert!(t.contains(r#"question = "Is \"it\" a\\b\nc\u007F é?""#), "{t}");
        let back: CorpusConfig = toml::from_str(&t).unwrap();
        assert_eq!(back, c);
    }

    fn item() -> impl Strategy<Value = String> {
        "[a-zé,. ]{0,3}[a-zé,.]".prop_map(|s| s.trim().to_string()).prop_filter("non-empty", |s| !s.is_empty())
    }

    proptest! {
        /// Start from a corpus, save without edits: its settings come back as they were (lists of trimmed,
        /// non-empty items that may hold commas; optional fields given or not).
        #[test]
        fn a_draft_of_a_configuration_says_that_configuration(
            rows in prop::collection::vec(("[a-z-]{1,4}", "[A-Za-z]{1,4}", prop::collection::vec(item(), 0..4), any::<bool>()), 0..4),
            people in prop::collection::vec((item(), prop::collection::vec(item(), 0..3), prop::option::of(item()), prop::option::of("[a-z-]{1,4}")), 0..3),
            outlets in prop::collection::vec((item(), prop::collection::vec(item(), 0..3)), 0..3),
            words in prop::collection::vec(prop::collection::vec(item(), 0..3), 3),
        ) {
            let sides = rows.iter().map(|(id, l, m, _)| SideDef { id: id.clone(), label: l.clone(), markers: m.clone() }).collect();
            let entities = rows.iter().map(|(id, l, a, _)| EntityDef { id: id.clone(), label: l.clone(), aliases: a.clone() }).collect();
            let background: Vec<String> = rows.iter().filter(|r| r.3).map(|r| r.0.clone()).collect();
            let actors = people.into_iter().map(|(name, aliases, role, side)| ActorDef { name, aliases, affiliation: role.clone(), role, side }).collect();
            let stance = crate::config::StanceLexicon { supports: words[0].clone(), refutes: words[1].clone(), negators: words[2].clone() };
            let outlets = outlets.into_iter().map(|(name, aliases)| OutletDef { name, aliases }).collect();
            let c = CorpusConfig { question: "Q".into(), sides, entities, outlets, actors, stance };
            let (back, bg) = Draft::from_config(&c, &StanceLabels::default(), &background).to_config();
            prop_assert_eq!(back, c);
            let flagged: Vec<String> = rows.iter().filter(|r| background.contains(&r.0)).map(|r| r.0.clone()).collect();
            prop_assert_eq!(bg, flagged);
        }
    }
}
