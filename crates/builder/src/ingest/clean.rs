//! The cleaning pass: every line of a page given a role (metadata, body, page extra, related teaser) in named
//! steps over one `Page`, then the document assembled from the roles and the best metadata candidates.
use std::collections::HashSet;

use counterclaim_core::date::PartialDate;
use counterclaim_core::model::{CorpusNote, Document, NoteLevel, Paragraph, DATE_UNCERTAIN};
use counterclaim_core::text::fold;

use super::dateline::parse_dateline;
use super::furniture::Furniture;
use super::lines::{ends_sentence, headline_sentence, is_prose, split_lines, title_like, word_count, Line};
use super::meta::{analyse, header_key, HeaderKey, Info};
use super::outlets::Outlets;
use super::paragraphs::join_block;
use super::{doc_id, note};

#[derive(Debug, Clone, PartialEq)]
enum Role {
    Unset,
    Meta,
    Extra,
    Related(String),
    Body,
}

/// A metadata candidate: lower rank wins, then the earlier line.
struct Cand<T> {
    rank: u8,
    line: usize,
    value: T,
}

fn best<T: Clone>(c: &[Cand<T>]) -> Option<T> {
    c.iter().min_by_key(|c| (c.rank, c.line)).map(|c| c.value.clone())
}

// Ranks.
const DATE_HEADER: u8 = 0;
const DATE_LINE: u8 = 1;
const DATE_BYLINE: u8 = 2;
const DATE_UPDATED: u8 = 3;
const DATE_DATELINE: u8 = 4;
const OUTLET_HEADER: u8 = 0;
const OUTLET_DATELINE: u8 = 1;
const OUTLET_SITE_LINE: u8 = 2;
const OUTLET_BYLINE: u8 = 3;
const OUTLET_COPYRIGHT: u8 = 4;
const OUTLET_MENTION: u8 = 5;

/// One page being cleaned: its lines, what each line is, and the metadata candidates found so far.
struct Page<'a> {
    outlets: &'a Outlets,
    lines: Vec<Line>,
    infos: Vec<Info>,
    role: Vec<Role>,
    dates: Vec<Cand<(PartialDate, String)>>,
    /// Date lines that look like the site's "today" bar rather than the article's date (never asserted).
    chrome_dates: Vec<String>,
    outlet: Vec<Cand<String>>,
    author: Vec<Cand<String>>,
    /// Header lines kept aside as they are (`url: …`).
    extra_keys: Vec<String>,
    title: Option<String>,
    /// The line taken as the title, when the title comes from the text.
    title_line: Option<usize>,
    /// First and last line of the article text.
    first: Option<usize>,
    last: Option<usize>,
}

/// Clean one decoded page into a document, with the notes on what could not be found.
pub(super) fn clean(name: &str, text: &str, outlets: &Outlets) -> (Document, Vec<CorpusNote>) {
    let mut p = Page::new(split_lines(text), outlets);
    p.header_keys();
    p.infos = p.lines.iter().map(|l| analyse(&l.text, outlets)).collect();
    p.author_widgets();
    p.related_sections();
    p.headline_first_line();
    p.article_span();
    p.title_above_article();
    p.metadata_lines();
    p.zones();
    p.outlet_mentions();
    let (paras, dateline) = p.paragraphs_and_dateline();
    p.assemble(name, paras, dateline)
}

impl<'a> Page<'a> {
    fn new(lines: Vec<Line>, outlets: &'a Outlets) -> Page<'a> {
        let n = lines.len();
        Page {
            outlets,
            lines,
            infos: Vec::new(),
            role: vec![Role::Unset; n],
            dates: Vec::new(),
            chrome_dates: Vec::new(),
            outlet: Vec::new(),
            author: Vec::new(),
            extra_keys: Vec::new(),
            title: None,
            title_line: None,
            first: None,
            last: None,
        }
    }

    fn n(&self) -> usize {
        self.lines.len()
    }

    fn unset(&self, i: usize) -> bool {
        self.role[i] == Role::Unset
    }

    fn text(&self, i: usize) -> &str {
        &self.lines[i].text
    }

    /// 1. Header keys at the top of the file ("date 2024-01-01 …", "title: …"), up to the first prose line.
    fn header_keys(&mut self) {
        for i in 0..self.n() {
            match header_key(&self.lines[i].text) {
                Some(HeaderKey::Date { found, source, rest }) => {
                    self.dates.push(Cand { rank: DATE_HEADER, line: i, value: (found.date, format!("header {source:?}")) });
                    self.lines[i].text = rest;
                }
                Some(HeaderKey::Title(t)) => {
                    self.title.get_or_insert(t);
                    self.lines[i].text.clear();
                }
                Some(HeaderKey::Outlet(o)) => {
                    if let Some(o) = self.outlets.credit(&o) {
                        self.outlet.push(Cand { rank: OUTLET_HEADER, line: i, value: o });
                    }
                    self.lines[i].text.clear();
                }
                Some(HeaderKey::Url) => {
                    self.extra_keys.push(self.lines[i].text.clone());
                    self.lines[i].text.clear();
                }
                None => {}
            }
            if self.lines[i].text.is_empty() {
                self.role[i] = Role::Meta;
                continue;
            }
            if is_prose(self.text(i), word_count(self.text(i))) {
                break;
            }
        }
    }

    /// 2. Author widgets: a name line repeated, or followed by a biography that starts with the name.
    fn author_widgets(&mut self) {
        for i in 0..self.n() {
            if !self.unset(i) || !self.infos[i].name_like {
                continue;
            }
            let t = self.text(i);
            let next = self.lines.get(i + 1).map(|l| l.text.as_str());
            let repeated = next == Some(t) || (i > 0 && self.lines[i - 1].text == t && self.role[i - 1] == Role::Meta);
            let bio_next =
                next.is_some_and(|x| x.len() > t.len() && x.starts_with(t) && x[t.len()..].starts_with(' ')) && self.infos[i + 1].bio;
            if repeated || bio_next {
                let value = t.to_string();
                self.role[i] = Role::Meta;
                self.author.push(Cand { rank: 1, line: i, value });
            }
        }
        let names: Vec<String> = self.author.iter().map(|c| c.value.clone()).collect();
        for i in 0..self.n() {
            if self.unset(i) && self.infos[i].bio && names.iter().any(|a| self.text(i).starts_with(a.as_str())) {
                self.role[i] = Role::Extra;
            }
        }
    }

    /// 3. Related-article sections: after a heading, headline-like items (and a teaser sentence under each)
    ///    are related until a furniture line or ordinary article text.
    fn related_sections(&mut self) {
        let (mut in_section, mut after_item) = (false, false);
        for i in 0..self.n() {
            if !self.unset(i) {
                continue;
            }
            let info = &self.infos[i];
            let t = self.lines[i].text.as_str();
            let role = if info.related_heading {
                (in_section, after_item) = (true, false);
                Role::Extra
            } else if let Some(item) = &info.inline_related {
                Role::Related(item.clone())
            } else if !in_section {
                continue;
            } else if let Some(f) = info.furniture {
                after_item = false;
                in_section = !(f.ends_article() || f == Furniture::Ad);
                Role::Extra
            } else if info.date.is_some() || info.byline.is_some() {
                Role::Extra
            } else if title_like(t, info.words) || (info.words >= 2 && info.words <= 25 && !ends_sentence(t) && !info.prose) {
                after_item = true;
                Role::Related(t.to_string())
            } else if info.prose && after_item && info.words <= 80 {
                after_item = false;
                Role::Extra
            } else {
                in_section = false;
                continue;
            };
            self.role[i] = role;
        }
    }

    /// 4. A first line that is a headline even though it reads like a sentence.
    fn headline_first_line(&mut self) {
        if self.title.is_some() {
            return;
        }
        let n = self.n();
        if let Some(i) = (0..n).find(|&i| self.unset(i) && self.infos[i].content()) {
            let later_prose = (i + 1..n).any(|j| self.unset(j) && self.infos[j].prose && self.infos[j].content());
            if headline_sentence(self.text(i), self.infos[i].words) && later_prose {
                self.title_line = Some(i);
            }
        }
    }

    fn body_prose(&self, i: usize) -> bool {
        self.unset(i) && Some(i) != self.title_line && self.infos[i].prose && self.infos[i].content()
    }

    /// 5. The article: from the first prose line to the last one before furniture that only follows articles.
    fn article_span(&mut self) {
        let n = self.n();
        let mut first = (0..n).find(|&i| self.body_prose(i));
        self.last = first.map(|f| {
            let stop = (f + 1..n).find(|&i| self.infos[i].furniture.is_some_and(Furniture::ends_article)).unwrap_or(n);
            let mut l = (f..stop).rev().find(|&i| self.body_prose(i)).unwrap_or(f);
            // Short closing sentences ("He denied it.") and unpunctuated paragraphs right after the last prose line.
            while l + 1 < stop && self.unset(l + 1) && self.infos[l + 1].content() && {
                let w = self.infos[l + 1].words;
                (w >= 3 && ends_sentence(self.text(l + 1))) || w >= 8
            } {
                l += 1;
            }
            l
        });
        // The start of a sentence broken over lines belongs with its continuation.
        if let Some(f) = first.as_mut() {
            while *f > 0
                && self.lines[*f - 1].block == self.lines[*f].block
                && self.unset(*f - 1)
                && Some(*f - 1) != self.title_line
                && self.infos[*f - 1].content()
                && !ends_sentence(self.text(*f - 1))
                && self.text(*f).chars().next().is_some_and(char::is_lowercase)
            {
                *f -= 1;
            }
        }
        self.first = first;
    }

    /// 6. Title: the first headline-like line above the article (preferring four words or more).
    fn title_above_article(&mut self) {
        if self.title.is_some() {
            return;
        }
        if self.title_line.is_none() {
            self.title_line = self.headline_above(self.first.unwrap_or(self.n()));
        }
        if let Some(i) = self.title_line {
            self.role[i] = Role::Meta;
            self.title = Some(self.lines[i].text.clone());
        }
    }

    fn headline_above(&self, header_end: usize) -> Option<usize> {
        let n = self.n();
        let cands: Vec<usize> = (0..header_end)
            .filter(|&i| {
                self.unset(i) && self.infos[i].content() && self.infos[i].words >= 3 && title_like(self.text(i), self.infos[i].words)
            })
            .collect();
        let mut title_line = cands.iter().copied().find(|&i| self.infos[i].words >= 4).or(cands.first().copied());
        // A two-word headline alone in its block as the first text of the file ("Mixed endings"): when there is
        // no longer candidate, or the file has no sentence at all (so later lines are not headlines either).
        if let Some(i) = (0..header_end).find(|&i| self.unset(i) && self.infos[i].content()) {
            let block = self.lines[i].block;
            let alone = (i + 1 >= n || self.lines[i + 1].block != block) && (i == 0 || self.lines[i - 1].block != block);
            let no_better = title_line.is_none() || (self.first.is_none() && title_line.is_some_and(|t| t > i));
            if self.infos[i].words == 2 && alone && no_better && title_like(self.text(i), 2) {
                title_line = Some(i);
            }
        }
        title_line
    }

    /// 7. Metadata lines anywhere outside related sections: date lines, bylines, outlet-name lines.
    fn metadata_lines(&mut self) {
        for i in 0..self.n() {
            if !self.unset(i) {
                continue;
            }
            let t = self.lines[i].text.clone();
            if let Some(dl) = self.infos[i].date {
                self.role[i] = Role::Meta;
                // "Sunday, March 3, 2024" alone above the headline: the page's date bar (the day it was
                // viewed), not when the article appeared. Labelled lines and dates below the headline are kept.
                if dl.weekday && !dl.labelled && self.title_line.or(self.first).is_some_and(|t| i < t) {
                    self.chrome_dates.push(t);
                    continue;
                }
                let (rank, what) = if dl.updated { (DATE_UPDATED, "updated line") } else { (DATE_LINE, "date line") };
                self.dates.push(Cand { rank, line: i, value: (dl.found.date, format!("{what} {t:?}")) });
            } else if let Some(b) = self.infos[i].byline.clone() {
                self.role[i] = Role::Meta;
                if let Some(a) = b.author {
                    self.author.push(Cand { rank: 0, line: i, value: a });
                }
                if let Some(o) = b.credit {
                    self.outlet.push(Cand { rank: OUTLET_BYLINE, line: i, value: o });
                }
                if let Some(d) = b.date {
                    self.dates.push(Cand { rank: DATE_BYLINE, line: i, value: (d.date, format!("byline {t:?}")) });
                }
            } else if let Some(o) = self.infos[i].site.clone() {
                self.role[i] = Role::Meta;
                self.outlet.push(Cand { rank: OUTLET_SITE_LINE, line: i, value: o });
            }
        }
    }

    /// 8. Zones: inside the article, text is body and furniture is kept aside; above and below it, everything is kept aside.
    fn zones(&mut self) {
        let mut any_body = false;
        for i in 0..self.n() {
            if !self.unset(i) {
                continue;
            }
            let in_article = matches!((self.first, self.last), (Some(f), Some(l)) if i >= f && i <= l);
            self.role[i] = if in_article && self.infos[i].furniture.is_none() && !self.infos[i].related_heading {
                any_body = true;
                Role::Body
            } else {
                Role::Extra
            };
        }
        if !any_body && self.first.is_none() {
            // No sentence anywhere: keep whatever is not furniture as the body rather than lose it.
            for i in 0..self.n() {
                if self.role[i] == Role::Extra && self.infos[i].content() {
                    self.role[i] = Role::Body;
                }
            }
        }
    }

    /// 9. Outlets named in credits, copyright lines, author bios and short page-header/footer lines.
    fn outlet_mentions(&mut self) {
        for i in 0..self.n() {
            if self.role[i] != Role::Extra {
                continue;
            }
            if let Some((rank, o)) = self.outlet_named(i) {
                self.outlet.push(Cand { rank, line: i, value: o });
            }
        }
    }

    fn outlet_named(&self, i: usize) -> Option<(u8, String)> {
        let (t, outlets) = (self.text(i), self.outlets);
        match self.infos[i].furniture {
            Some(Furniture::Copyright) => copyright_outlet(t, outlets).map(|o| (OUTLET_COPYRIGHT, o)),
            Some(Furniture::Credit) => {
                let lc = t.to_ascii_lowercase();
                if ["source", "via", "courtesy"].iter().any(|p| lc.trim_start().starts_with(p)) {
                    let v = t.split_once(':').map(|x| x.1).unwrap_or("").trim();
                    outlets.exact(v).or_else(|| outlets.mentioned(t)).map(|o| (OUTLET_BYLINE, o))
                } else {
                    outlets.mentioned(t).map(|o| (OUTLET_MENTION, o))
                }
            }
            None | Some(Furniture::AboutAuthor) if self.infos[i].bio || self.infos[i].words <= 8 => {
                outlets.mentioned(t).map(|o| (OUTLET_MENTION, o))
            }
            _ => None,
        }
    }

    /// 10. Paragraphs, then the dateline of the first one (or the second, after a short standfirst).
    fn paragraphs_and_dateline(&mut self) -> (Vec<String>, Option<String>) {
        let mut paras: Vec<String> = Vec::new();
        let (n, mut i) = (self.n(), 0);
        while i < n {
            if self.role[i] != Role::Body {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < n && self.role[j + 1] == Role::Body && self.lines[j + 1].block == self.lines[i].block {
                j += 1;
            }
            let group: Vec<&str> = self.lines[i..=j].iter().map(|l| l.text.as_str()).collect();
            paras.extend(join_block(&group));
            i = j + 1;
        }
        for k in 0..paras.len().min(2) {
            if let Some(d) = parse_dateline(&paras[k], self.outlets) {
                if let Some(c) = &d.credit {
                    self.outlet.push(Cand { rank: OUTLET_DATELINE, line: 0, value: c.clone() });
                }
                if let Some(f) = d.date {
                    self.dates.push(Cand { rank: DATE_DATELINE, line: 0, value: (f.date, format!("dateline {:?}", d.prefix)) });
                }
                paras[k] = paras[k][d.len..].to_string();
                return (paras, Some(d.place));
            }
            if word_count(&paras[k]) > 40 {
                break;
            }
        }
        (paras, None)
    }

    /// 11. The document: the body from its paragraphs, extras and related teasers deduplicated, the best metadata.
    fn assemble(self, name: &str, paras: Vec<String>, dateline: Option<String>) -> (Document, Vec<CorpusNote>) {
        let mut body = String::new();
        let mut paragraphs = Vec::new();
        for p in paras.iter().filter(|p| !p.trim().is_empty()) {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            let start = body.len();
            body.push_str(p);
            paragraphs.push(Paragraph { start, end: body.len() });
        }
        let (related, extras) = self.kept_aside();
        let (date, date_source) = match (best(&self.dates), self.chrome_dates.first()) {
            (Some((d, s)), _) => (Some(d), Some(s)),
            (None, Some(c)) => (None, Some(format!("{DATE_UNCERTAIN} {c:?} above the headline is the site's date bar, not the article's"))),
            (None, None) => (None, None),
        };
        let mut notes = Vec::new();
        if self.title.is_none() {
            notes.push(note(name, NoteLevel::Warning, "no title line found: the title is left empty"));
        }
        if body.is_empty() {
            notes.push(note(name, NoteLevel::Warning, "no article text found: the body is empty"));
        }
        let doc = Document {
            id: doc_id(name),
            file: name.rsplit(['/', '\\']).next().unwrap_or(name).to_string(),
            title: self.title,
            outlet: best(&self.outlet),
            date,
            date_source,
            dateline,
            author: best(&self.author),
            body,
            paragraphs,
            related,
            extras,
        };
        (doc, notes)
    }

    /// Related teasers and page extras, each once, in page order.
    fn kept_aside(&self) -> (Vec<String>, Vec<String>) {
        let mut related = Vec::new();
        let mut seen_related = HashSet::new();
        let mut extras = self.extra_keys.clone();
        let mut seen_extra: HashSet<String> = extras.iter().cloned().collect();
        for (i, r) in self.role.iter().enumerate() {
            match r {
                Role::Related(item) if seen_related.insert(fold(item)) => related.push(item.clone()),
                Role::Extra if seen_extra.insert(self.lines[i].text.clone()) => extras.push(self.lines[i].text.clone()),
                _ => {}
            }
        }
        (related, extras)
    }
}

/// "© 2024 Khaama Press. All rights reserved." → the outlet it names.
fn copyright_outlet(t: &str, outlets: &Outlets) -> Option<String> {
    if let Some(o) = outlets.mentioned(t) {
        return Some(o);
    }
    let mut s = t.trim();
    for p in ["©", "(c)", "(C)", "Copyright", "COPYRIGHT", "copyright", "©"] {
        s = s.trim_start_matches(p).trim_start();
    }
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | ' ' | ',' | '©'));
    let end = s.find(['.', '|', ',', ';']).unwrap_or(s.len());
    let cand = s[..end].trim();
    let lc = cand.to_ascii_lowercase();
    let cand = match lc.find("all rights") {
        Some(k) => cand[..k].trim(),
        None => cand,
    };
    outlets.credit(cand)
}
