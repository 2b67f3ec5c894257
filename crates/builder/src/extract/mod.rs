//! Claim extraction: who said what (quotes and reported speech), speaker profiles, entities and stance.
//
// A document is lexed into tokens, quotations and sentences (`lex`); each sentence is searched
// for attributions (`cues`): quotations with a cue and speaker on either side, floating
// quotations that continue the previous speaker, reported clauses ("said that …", bare clauses,
// "according to …", trailing ", he said."), denials. Speakers are resolved (`speakers`) through
// names, titles, appositives, pronouns and the configured actors; consecutive statements of one
// speaker that continue each other (split quotations, "he added", "according to him") form one
// claim, whose `text` is the parts joined and whose `start..end` spans them all. Stance comes
// from the configured lexicon (`stance`).
mod cues;
mod lex;
mod phrases;
mod quoting;
mod speakers;
mod stance;

use counterclaim_core::config::CorpusConfig;
use counterclaim_core::model::{claim_id, Claim, ClaimKind, Document, Stance};
use counterclaim_core::text::fold;
use cues::{CueTable, Finder};
use phrases::{Folded, Phrases};
use speakers::{SKind, Speakers};
use stance::{Rule, StanceModel};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Claim extractor for one corpus configuration; build it once and reuse it for every document.
#[derive(Debug, Clone)]
pub struct Extractor {
    pub(crate) config: CorpusConfig,
    actor_m: Phrases,
    side_m: Phrases,
    entity_m: Phrases,
    /// Folded one-word names of entities and outlets (never a person's name).
    pub(crate) org_words: HashSet<String>,
    /// Folded alias → entity id.
    entity_alias: HashMap<String, String>,
    cues: CueTable,
    pub(crate) stance: StanceModel,
}

/// A statement before merging: a speaker and byte ranges of what they said.
#[derive(Debug, Clone)]
struct Stmt {
    speaker: usize,
    pieces: Vec<(usize, usize)>,
    cue: Option<String>,
    direct: bool,
    b0: u32,
    b1: u32,
    floating: bool,
    cont: bool,
    anaphoric: bool,
    /// First token of its sentence.
    sent: usize,
}

impl Extractor {
    pub fn new(config: &CorpusConfig) -> Self {
        let actor_m = Phrases::new(
            config
                .actors
                .iter()
                .enumerate()
                .flat_map(|(i, a)| std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str)).map(move |p| (p, i))),
        );
        let side_m = Phrases::new(config.sides.iter().enumerate().flat_map(|(i, s)| s.markers.iter().map(move |m| (m.as_str(), i))));
        let entity_m = Phrases::new(config.entities.iter().enumerate().flat_map(|(i, e)| e.names().into_iter().map(move |a| (a, i))));
        let mut org_words = HashSet::new();
        let mut entity_alias = HashMap::new();
        for e in &config.entities {
            for a in e.names() {
                let f = fold(a);
                if !f.contains(' ') {
                    org_words.insert(f.clone());
                }
                entity_alias.insert(f, e.id.clone());
            }
        }
        for o in &config.outlets {
            for a in o.aliases.iter().chain(std::iter::once(&o.name)) {
                let f = fold(a);
                if !f.contains(' ') {
                    org_words.insert(f);
                }
            }
        }
        // The question's topic: entities named before its first stance word ("Are militant groups … active …").
        let q = &config.question;
        let cue_m = Phrases::new(config.stance.supports.iter().chain(&config.stance.refutes).map(|p| (p.trim_start_matches('~'), 0)));
        let qf = Folded::new(q);
        let corpus_cue = cue_m.find(&qf).first().map(|m| m.s);
        let first_cue = corpus_cue.into_iter().chain(stance::predicate_start(&qf.f)).min().unwrap_or(qf.f.len());
        let mut topic_ids: Vec<usize> = entity_m.find(&qf).iter().filter(|m| m.s < first_cue).map(|m| m.value).collect();
        if topic_ids.is_empty() {
            topic_ids = entity_m.find(&qf).iter().map(|m| m.value).collect();
        }
        // A question that names no entity ("Did the companies lay off workers?"): any configured entity is its topic.
        if topic_ids.is_empty() {
            topic_ids = (0..config.entities.len()).collect();
        }
        topic_ids.dedup();
        let topic_aliases: Vec<String> = topic_ids.iter().flat_map(|&i| config.entities[i].names()).map(str::to_string).collect();
        let names: Vec<String> = config
            .entities
            .iter()
            .flat_map(|e| e.names())
            .flat_map(|a| fold(a).split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect::<Vec<_>>())
            .filter(|w| !w.is_empty())
            .collect();
        let stance = StanceModel::new(&config.stance, &config.question, &names, &topic_aliases);
        Extractor { config: config.clone(), actor_m, side_m, entity_m, org_words, entity_alias, cues: CueTable::default(), stance }
    }

    /// The configured actor named in `s` (longest alias).
    pub(crate) fn actor_in(&self, s: &str) -> Option<usize> {
        self.actor_m.longest(s)
    }

    /// The side whose marker appears in `s` (longest marker).
    pub(crate) fn side_in(&self, s: &str) -> Option<String> {
        // Proper names first ("UN report" is the UN's), then the longest marker.
        let t = Folded::new(s);
        let best = self.side_m.find(&t).into_iter().max_by_key(|m| {
            let proper = s[t.orig(m.s)..].chars().next().is_some_and(char::is_uppercase);
            (proper, m.e - m.s, usize::MAX - m.s)
        })?;
        Some(self.config.sides[best.value].id.clone())
    }

    /// The entity `s` names exactly ("the UN" → the entity whose alias it is).
    pub(crate) fn entity_exact(&self, s: &str) -> Option<String> {
        self.entity_alias.get(&fold(s)).cloned()
    }

    fn entities_in(&self, t: &Folded) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.entity_m.find(t) {
            let id = &self.config.entities[m.value].id;
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
        out
    }

    /// Every claim of one document.
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        let body = doc.body.as_str();
        let lx = lex::lex(body);
        let finder = Finder { cues: &self.cues, lx: &lx, text: body };
        let toks = &lx.toks;
        let mut speakers = Speakers::default();
        let mut stmts: Vec<Stmt> = Vec::new();
        for &(sa, sb) in &lx.sents {
            let named = speakers::documents_named(toks, sa, sb);
            for f in finder.sentence(sa, sb) {
                let (Some(&(pa, _)), Some(&(_, pb))) = (f.pieces.first(), f.pieces.last()) else { continue };
                if too_short(toks, &f.pieces) {
                    continue;
                }
                let b0 = toks[pa].block;
                let b1 = toks[pb - 1].block;
                let speaker = match f.subj {
                    Some(subj) => speakers.resolve(self, toks, body, &subj, sa),
                    // A floating quotation continues the previous speaker in this or the previous paragraph.
                    None => stmts.last().filter(|p| p.b1 + 1 >= b0).map(|p| p.speaker),
                };
                let Some(speaker) = speaker else { continue };
                speakers.heard(speaker, &named);
                let anaphoric = f.subj.is_some_and(|s| {
                    s.pron.is_some()
                        || toks[s.a].lc == "the" && toks[s.a + 1..s.b].iter().all(|t| !t.cap)
                        || toks[s.a].lc == "him"
                        || toks[s.a].lc == "her"
                });
                stmts.push(Stmt {
                    speaker,
                    pieces: f.pieces.iter().map(|&(a, b)| (toks[a].s, toks[b - 1].e)).collect(),
                    cue: f.cue,
                    direct: f.direct,
                    b0,
                    b1,
                    floating: f.floating,
                    cont: f.cont,
                    anaphoric,
                    sent: sa,
                });
            }
        }
        let merged = merge(stmts, &speakers);
        let mut claims: Vec<Claim> = Vec::with_capacity(merged.len());
        let mut seen = HashSet::new();
        for st in merged {
            let sp = &speakers.list[st.speaker];
            let (text, pieces) = quoting::compose(body, &st.pieces);
            let (Some(first_piece), Some(last_piece)) = (pieces.first(), pieces.last()) else { continue };
            let (start, end) = (first_piece.start, last_piece.end);
            // Mostly inside quote marks: a quotation, whatever carried it.
            let direct = quoting::quoted_share(&text).map_or(st.direct, |s| s >= 0.5);
            let first = toks.partition_point(|t| t.block + 1 < st.b0);
            let ctx_start = toks.get(first).map(|t| t.s).unwrap_or(0).min(start);
            let folded = Folded::new(&text);
            let context = &body[ctx_start..start];
            let judged = self.stance.judge(&folded, context);
            let judged = match &judged.refers {
                Some(r) => match referent_stance(&claims, sp, r.agrees).or_else(|| self.stance.context_stance(context)) {
                    Some(r) => judged.resolved(r),
                    None => judged,
                },
                None => judged,
            };
            let entities = self.entities_in(&folded);
            drop(folded);
            let id = claim_id(&doc.id, &quoting::plain(body, &st.pieces));
            if !seen.insert(id.clone()) {
                continue;
            }
            let side = sp.side.clone().or_else(|| sp.affiliation.as_deref().and_then(|a| self.side_in(a)));
            claims.push(Claim {
                id,
                doc: doc.id.clone(),
                speaker: sp.name.clone(),
                speaker_id: sp.id.clone(),
                role: sp.role.clone(),
                affiliation: sp.affiliation.clone(),
                side,
                entities,
                text,
                kind: if direct { ClaimKind::Direct } else { ClaimKind::Indirect },
                start,
                end,
                pieces,
                cue: st.cue,
                stance: judged.stance,
                stance_cues: judged.cues,
                stance_confidence: judged.confidence,
                stance_rule: judged.rule.as_str().to_string(),
                speaker_confidence: speaker_confidence(sp, st.anaphoric, st.floating),
                date: doc.date,
                corrected: None,
            });
        }
        claims
    }
}

/// A claim of one word, or of two that open with a determiner ("He added that the Chinese" cut off by an excerpt),
/// says nothing; "prices rose" does.
fn too_short(toks: &[lex::Tok], pieces: &[(usize, usize)]) -> bool {
    let words: Vec<&lex::Tok> = pieces.iter().flat_map(|&(a, b)| &toks[a..b]).filter(|t| t.kind == lex::Kind::Word).collect();
    match words.as_slice() {
        [] | [_] => true,
        [first, _] => matches!(first.lc.as_str(), "the" | "a" | "an" | "this" | "that" | "these" | "those" | "its" | "their"),
        _ => false,
    }
}

/// The stance of the claim a bare denial or confirmation by `speaker` refers to: the latest earlier claim that takes a
/// side, of another speaker for a denial, of the same one for a confirmation ("the intelligence is correct"). A
/// denial answers what the other side stated: not a claim of the speaker's own side, nor another bare denial.
fn referent_stance(earlier: &[Claim], speaker: &speakers::Speaker, agrees: bool) -> Option<Stance> {
    let own_side = |c: &Claim| c.side.is_some() && c.side == speaker.side;
    let bare = |c: &Claim| c.stance_rule == Rule::DeniedClaim.as_str() || c.stance_rule == Rule::ConfirmedClaim.as_str();
    let fits = |c: &&Claim| match agrees {
        true => c.speaker_id == speaker.id,
        false => c.speaker_id != speaker.id && !own_side(c) && !bare(c),
    };
    earlier.iter().rev().take(6).filter(|c| c.stance != Stance::Neutral).find(fits).map(|c| c.stance)
}

/// How sure a speaker is: a configured actor or a named person more than a body, a description or an
/// indefinite one ("a senior official"); less again when reached through a pronoun or a floating quotation.
fn speaker_confidence(sp: &speakers::Speaker, anaphoric: bool, floating: bool) -> f32 {
    let base = match (sp.named, sp.kind, sp.indefinite) {
        (true, _, _) => 0.9,
        (false, _, true) => 0.55,
        (false, SKind::Person, false) => 0.7,
        (false, _, false) => 0.8,
    };
    let reach = if floating {
        0.85
    } else if anaphoric {
        0.9
    } else {
        1.0
    };
    base * reach
}

/// Join statements that continue each other: same speaker and, in the same paragraph, a floating
/// or split quotation, a pronoun or "the spokesman", or a continuation cue ("added", "further");
/// in the next paragraph, a continuation cue. An indefinite speaker in the lead paragraph ("a senior
/// official said …") is the named person of the next statement.
fn merge(stmts: Vec<Stmt>, speakers: &Speakers) -> Vec<Stmt> {
    let mut out: Vec<Stmt> = Vec::new();
    for s in stmts {
        if let Some(p) = out.last_mut() {
            let same_block = s.b0 == p.b1;
            let adjacent = s.b0 == p.b1 + 1;
            let same = p.speaker == s.speaker;
            let ps = &speakers.list[p.speaker];
            let ss = &speakers.list[s.speaker];
            // Lead style: present tense ("A senior official says …").
            let lead_cue = p.cue.as_deref().is_some_and(|c| c.ends_with('s'));
            if !same
                && ps.indefinite
                && ps.kind == SKind::Person
                && p.b0 == 0
                && lead_cue
                && (same_block || adjacent)
                && ss.named
                && ss.kind == SKind::Person
                && !s.floating
            {
                // The lead's summary is the named person's, but a claim of its own: not stitched to their words.
                p.speaker = s.speaker;
                out.push(s);
                continue;
            }
            // Two statements of one sentence, each with its own attribution, stay two ("…, and he insisted that …").
            let own_clause = s.sent == p.sent && !s.floating;
            let join =
                same && !own_clause && ((same_block && (s.floating || s.anaphoric || s.cont)) || (adjacent && s.cont && !s.floating));
            if join {
                p.pieces.extend(s.pieces);
                p.b1 = s.b1;
                p.direct &= s.direct;
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// Give a person named only by surname in one document the full name used in another, when the
/// corpus names exactly one such person ("Holm" → "Petra Holm"), so one person has one
/// `speaker_id` across documents. Configured actors are already unified by [`Extractor`].
pub fn unify_speakers(claims: &mut [Claim]) {
    let mut full: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        let words: Vec<&str> = c.speaker.split_whitespace().collect();
        if words.len() >= 2 && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            let e = full.entry(fold(words[words.len() - 1])).or_default();
            if !e.iter().any(|&j| claims[j].speaker_id == c.speaker_id) {
                e.push(i);
            }
        }
    }
    for i in 0..claims.len() {
        let c = &claims[i];
        if c.speaker.contains(' ') || !c.speaker.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        if let Some([j]) = full.get(&fold(&c.speaker)).map(Vec::as_slice) {
            let src = claims[*j].clone();
            let c = &mut claims[i];
            c.speaker = src.speaker;
            c.speaker_id = src.speaker_id;
            c.role = c.role.take().or(src.role);
            c.affiliation = c.affiliation.take().or(src.affiliation);
            c.side = c.side.take().or(src.side);
        }
    }
}

thread_local! {
    static CACHE: RefCell<Option<Rc<Extractor>>> = const { RefCell::new(None) };
}

/// Extract every claim of a clean document (the extractor for `config` is built once per thread and reused).
pub fn extract(doc: &Document, config: &CorpusConfig) -> Vec<Claim> {
    let ex = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        match &*c {
            Some(e) if e.config == *config => e.clone(),
            _ => {
                let e = Rc::new(Extractor::new(config));
                *c = Some(e.clone());
                e
            }
        }
    });
    ex.extract(doc)
}

#[cfg(test)]
mod tests;
