//! Calendar dates as news pages write them ("Sunday, March 3, 2024", "10 Nov 2019", "2019-11-10"), found in text.
use counterclaim_core::date::PartialDate;

/// A valid calendar date found in a string, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: PartialDate,
    pub start: usize,
    pub end: usize,
}

impl FoundDate {
    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        self.date.iso()
    }
}

/// A line that is nothing but a date (plus words like "Published", "Updated on", a weekday or a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLine {
    pub found: FoundDate,
    /// The line says the date is a last-updated/modified date rather than the publication date.
    pub updated: bool,
    /// The line names a weekday ("Sunday, March 3, 2024").
    pub weekday: bool,
    /// The line has a label besides a weekday ("Published", "Posted on", "Updated", "Date:").
    pub labelled: bool,
}

/// Years outside this range are not taken as article dates.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A valid calendar date, or None (e.g. February 30, month 13, year out of range).
pub fn calendar_date(year: i32, month: u8, day: u8) -> Option<PartialDate> {
    if !YEARS.contains(&year) {
        return None;
    }
    PartialDate::ymd(year, month, day)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    /// A run of ASCII digits, possibly with an ordinal suffix ("3rd").
    Num {
        value: u32,
        digits: usize,
        ordinal: bool,
    },
    Word(&'a str),
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    tok: Tok<'a>,
    start: usize,
    end: usize,
}

fn tokenize(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = match s[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_ascii_digit() {
            let start = i;
            let mut value: u32 = 0;
            while i < s.len() && bytes[i].is_ascii_digit() {
                value = value.saturating_mul(10).saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let digits = i - start;
            let mut ordinal = false;
            if let Some(suffix) = s.get(i..i + 2) {
                let after_is_letter = s[i + 2..].chars().next().is_some_and(char::is_alphabetic);
                if ["st", "nd", "rd", "th"].iter().any(|x| suffix.eq_ignore_ascii_case(x)) && !after_is_letter {
                    ordinal = true;
                    i += 2;
                }
            }
            out.push(Token { tok: Tok::Num { value, digits, ordinal }, start, end: i });
        } else if c.is_alphabetic() {
            let start = i;
            while let Some(d) = s[i..].chars().next() {
                if !d.is_alphabetic() {
                    break;
                }
                i += d.len_utf8();
            }
            out.push(Token { tok: Tok::Word(&s[start..i]), start, end: i });
        } else {
            out.push(Token { tok: Tok::Punct(c), start: i, end: i + c.len_utf8() });
            i += c.len_utf8();
        }
    }
    out
}

/// Month number of an English month name or abbreviation.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    Some(match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for English weekday names and their usual abbreviations.
pub fn is_weekday(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

fn num(t: Option<&Token>) -> Option<(u32, usize, bool)> {
    match t?.tok {
        Tok::Num { value, digits, ordinal } => Some((value, digits, ordinal)),
        _ => None,
    }
}

fn punct(t: Option<&Token>) -> Option<char> {
    match t?.tok {
        Tok::Punct(c) => Some(c),
        _ => None,
    }
}

fn month_at(t: Option<&Token>) -> Option<u8> {
    match t?.tok {
        Tok::Word(w) => month_number(w),
        _ => None,
    }
}

fn touching(a: &Token, b: &Token) -> bool {
    a.end == b.start
}

/// A year token: exactly four digits, no ordinal suffix.
fn year_at(t: Option<&Token>) -> Option<i32> {
    match num(t)? {
        (v, 4, false) => i32::try_from(v).ok(),
        _ => None,
    }
}

/// A day token: one or two digits.
fn day_at(t: Option<&Token>) -> Option<u8> {
    match num(t)? {
        (v, 1..=2, _) if (1..=31).contains(&v) => u8::try_from(v).ok(),
        _ => None,
    }
}

/// Try every date form at token `i`; returns the date and the index of its last token.
fn match_at(toks: &[Token], i: usize) -> Option<(PartialDate, usize)> {
    numeric_at(toks, i).or_else(|| month_first_at(toks, i)).or_else(|| day_first_at(toks, i))
}

/// `2019-11-10`, `2019/11/10`, `2019.11.10`; `10/11/2019`-style only when the day is unambiguous (> 12 or equal parts).
fn numeric_at(toks: &[Token], i: usize) -> Option<(PartialDate, usize)> {
    let t = toks.get(i..i + 5)?;
    let sep = punct(Some(&t[1]))?;
    if !matches!(sep, '-' | '/' | '.') || punct(Some(&t[3])) != Some(sep) {
        return None;
    }
    if !t.windows(2).all(|w| touching(&w[0], &w[1])) {
        return None;
    }
    // Not part of a longer number-like run ("1.2.2019.5", "v2019-11-10-3").
    let glued_before =
        i > 0 && touching(&toks[i - 1], &t[0]) && matches!(toks[i - 1].tok, Tok::Num { .. } | Tok::Word(_) | Tok::Punct('.' | '-' | '/'));
    let glued_after = toks
        .get(i + 5)
        .is_some_and(|n| touching(&t[4], n) && (matches!(n.tok, Tok::Num { .. }) || matches!(n.tok, Tok::Punct(c) if c == sep)));
    if glued_before || glued_after {
        return None;
    }
    let (a, ad, ao) = num(Some(&t[0]))?;
    let (b, bd, bo) = num(Some(&t[2]))?;
    let (c, cd, co) = num(Some(&t[4]))?;
    if ao || bo || co {
        return None;
    }
    let date = if ad == 4 && bd <= 2 && cd <= 2 {
        calendar_date(a as i32, u8::try_from(b).ok()?, u8::try_from(c).ok()?)?
    } else if cd == 4 && ad <= 2 && bd <= 2 {
        let (day, month) = if a == b || a > 12 {
            (a, b)
        } else if b > 12 {
            (b, a)
        } else {
            return None; // 03/04/2020: day-month or month-day? Not guessed.
        };
        calendar_date(c as i32, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?
    } else {
        return None;
    };
    Some((date, i + 4))
}

/// `March 3, 2024`, `Nov. 10 2019`, `September 15th, 2023`, `Nov-10-2019`.
fn month_first_at(toks: &[Token], i: usize) -> Option<(PartialDate, usize)> {
    let month = month_at(toks.get(i))?;
    let mut j = i + 1;
    if punct(toks.get(j)) == Some('.') {
        j += 1;
    }
    if matches!(punct(toks.get(j)), Some('-' | '/')) {
        j += 1;
    }
    let day = day_at(toks.get(j))?;
    j += 1;
    if matches!(punct(toks.get(j)), Some(',' | '-' | '/')) {
        j += 1;
    }
    let year = year_at(toks.get(j))?;
    if glued_digit_after(toks, j) {
        return None;
    }
    Some((calendar_date(year, month, day)?, j))
}

/// `10 Nov 2019`, `10th of November, 2019`, `10-Nov-2019`, `3 March, 2024`.
fn day_first_at(toks: &[Token], i: usize) -> Option<(PartialDate, usize)> {
    let day = day_at(toks.get(i))?;
    if i > 0 && touching(&toks[i - 1], &toks[i]) && matches!(toks[i - 1].tok, Tok::Num { .. } | Tok::Punct('.' | ':' | '/')) {
        return None;
    }
    let mut j = i + 1;
    let of = matches!(toks.get(j).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("of"));
    if of || matches!(punct(toks.get(j)), Some('-' | '/' | '.')) {
        j += 1;
    }
    let month = month_at(toks.get(j))?;
    j += 1;
    if punct(toks.get(j)) == Some('.') {
        j += 1;
    }
    if matches!(punct(toks.get(j)), Some(',' | '-' | '/')) {
        j += 1;
    }
    let year = year_at(toks.get(j))?;
    if glued_digit_after(toks, j) {
        return None;
    }
    Some((calendar_date(year, month, day)?, j))
}

/// The year at `j` continues straight into letters or a decimal ("2019x", "2019.5").
fn glued_digit_after(toks: &[Token], j: usize) -> bool {
    if let (Some(a), Some(b)) = (toks.get(j), toks.get(j + 1)) {
        if touching(a, b) && matches!(b.tok, Tok::Word(_)) {
            return true;
        }
    }
    match (toks.get(j), toks.get(j + 1), toks.get(j + 2)) {
        (Some(a), Some(b), Some(c)) if touching(a, b) && touching(b, c) => {
            matches!(b.tok, Tok::Punct('.' | ',')) && matches!(c.tok, Tok::Num { .. })
        }
        _ => false,
    }
}

/// Every valid date in `s`, in order.
pub fn find_dates(s: &str) -> Vec<FoundDate> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let toks = tokenize(s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((date, last)) = match_at(&toks, i) {
            out.push(FoundDate { date, start: toks[i].start, end: toks[last].end });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The first valid date in `s`.
pub fn find_date(s: &str) -> Option<FoundDate> {
    find_dates(s).into_iter().next()
}

/// A date at the very start of `s` (after an optional weekday and punctuation), e.g. for `date 2024-01-01 …`.
pub fn leading_date(s: &str) -> Option<FoundDate> {
    let toks = tokenize(s);
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        match t.tok {
            Tok::Word(w) if is_weekday(w) => i += 1,
            Tok::Punct(',' | '(' | '[' | ':' | '"' | '\'') => i += 1,
            _ => break,
        }
    }
    let (date, last) = match_at(&toks, i)?;
    Some(FoundDate { date, start: toks[i].start, end: toks[last].end })
}

/// The whole of `s` is one date (with an optional weekday and surrounding punctuation).
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let line = date_line(s)?;
    let toks = tokenize(s);
    let only_date = toks.iter().all(|t| {
        (t.start >= line.found.start && t.end <= line.found.end)
            || matches!(t.tok, Tok::Punct(_))
            || matches!(t.tok, Tok::Word(w) if is_weekday(w))
    });
    only_date.then_some(line.found.date)
}

/// Words that say what a date is the date of ("Published", "Posted on", "Updated"): not times or weekdays.
fn is_publication_label(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "published"
            | "publish"
            | "publication"
            | "updated"
            | "update"
            | "last"
            | "posted"
            | "post"
            | "on"
            | "date"
            | "dated"
            | "modified"
            | "created"
            | "first"
            | "released"
            | "issued"
            | "edited"
            | "revised"
    )
}

/// Words that may surround the date on a line that is only a date: labels, time and time-zone words.
fn is_date_label(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    is_weekday(&w)
        || matches!(
            w.as_str(),
            "published" | "publish" | "publication" | "updated" | "update" | "last" | "posted" | "post" | "on"
                | "date" | "dated" | "modified" | "at" | "am" | "pm" | "a" | "p" | "m" | "gmt" | "utc" | "local"
                | "time" | "created" | "first" | "released" | "issued" | "hrs" | "h" | "of" | "the" | "and"
                | "edited" | "revised"
        )
        // Time-zone abbreviations: EST, AFT, IRST, PKT…
        || (word.len() <= 4 && word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()))
}

/// If `s` is a line that only gives a date ("Sunday, March 3, 2024", "(Last Updated On: September 15, 2023)",
/// "Published: 10 Nov 2019 12:30 GMT"), the date and whether it is an update date.
pub fn date_line(s: &str) -> Option<DateLine> {
    if s.len() > 120 {
        return None;
    }
    let found = find_dates(s);
    let first = *found.first()?;
    let toks = tokenize(s);
    let mut label_words = 0;
    let mut updated_before_first = false;
    let mut any_updated = false;
    let (mut weekday, mut labelled) = (false, false);
    let mut prev: Option<&Token> = None;
    for t in &toks {
        let inside = found.iter().any(|f| t.start >= f.start && t.end <= f.end);
        if !inside {
            match t.tok {
                Tok::Word(w) => {
                    if !is_date_label(w) {
                        return None;
                    }
                    label_words += 1;
                    weekday |= is_weekday(w);
                    labelled |= is_publication_label(w);
                    let upd = matches!(w.to_ascii_lowercase().as_str(), "updated" | "update" | "modified" | "edited" | "revised");
                    any_updated |= upd;
                    if upd && t.end <= first.start {
                        updated_before_first = true;
                    }
                }
                Tok::Num { digits, .. } => {
                    // Times ("12:30") and offsets ("+0430") only.
                    let after_sign = prev.is_some_and(|p| matches!(p.tok, Tok::Punct('+' | '-' | ':')));
                    if !(digits <= 2 || (digits == 4 && after_sign)) {
                        return None;
                    }
                }
                Tok::Punct(_) => {}
            }
        }
        prev = Some(t);
    }
    if label_words > 8 {
        return None;
    }
    // "Published: X | Updated: Y" is a publication line; "Updated: Y" alone is an update line.
    let updated = updated_before_first || (found.len() == 1 && any_updated && first.start == 0);
    Some(DateLine { found: first, updated, weekday, labelled })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        find_date(s).map(|f| f.iso())
    }

    #[test]
    fn iso_forms() {
        assert_eq!(d("date 2024-01-01").as_deref(), Some("2024-01-01"));
        assert_eq!(d("on 2019/11/10 at noon").as_deref(), Some("2019-11-10"));
        assert_eq!(d("2019.11.10").as_deref(), Some("2019-11-10"));
        assert_eq!(d("2023-9-5").as_deref(), Some("2023-09-05"));
        assert_eq!(d("2024-01-01T10:30:00Z").as_deref(), Some("2024-01-01"));
    }

    #[test]
    fn month_first_forms() {
        assert_eq!(d("Sunday, March 3, 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(d("November 10, 2019").as_deref(), Some("2019-11-10"));
        assert_eq!(d("Nov. 10 2019").as_deref(), Some("2019-11-10"));
        assert_eq!(d("Sept 15th, 2023").as_deref(), Some("2023-09-15"));
        assert_eq!(d("updated Dec-1-2020").as_deref(), Some("2020-12-01"));
        assert_eq!(d("(Last Updated On: September 15, 2023)").as_deref(), Some("2023-09-15"));
    }

    #[test]
    fn day_first_forms() {
        assert_eq!(d("10 Nov 2019").as_deref(), Some("2019-11-10"));
        assert_eq!(d("10th of November, 2019").as_deref(), Some("2019-11-10"));
        assert_eq!(d("10-Nov-2019").as_deref(), Some("2019-11-10"));
        assert_eq!(d("Tue 3 March, 2024 09:12").as_deref(), Some("2024-03-03"));
        assert_eq!(d("1 May 2021").as_deref(), Some("2021-05-01"));
    }

    #[test]
    fn numeric_day_month_only_when_unambiguous() {
        assert_eq!(d("25/12/2020").as_deref(), Some("2020-12-25"));
        assert_eq!(d("12/25/2020").as_deref(), Some("2020-12-25"));
        assert_eq!(d("05.05.2020").as_deref(), Some("2020-05-05"));
        assert_eq!(d("03/04/2020"), None);
    }

    #[test]
    fn invalid_calendar_dates_are_rejected() {
        assert_eq!(d("February 30, 2023"), None);
        assert_eq!(d("2023-02-29"), None);
        assert_eq!(d("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(d("2023-13-01"), None);
        assert_eq!(d("April 31, 2020"), None);
        assert_eq!(d("March 3, 1066"), None);
        assert_eq!(d("32 Jan 2020"), None);
    }

    #[test]
    fn no_dates_in_plain_numbers_or_year_only_text() {
        assert_eq!(d("In March, 2,000 fighters arrived"), None);
        assert_eq!(d("the 2015 offensive"), None);
        assert_eq!(d("version 1.2.2019.5"), None);
        assert_eq!(d("March 2024"), None);
        assert_eq!(d("we may 10 2019x"), None);
        assert_eq!(d(""), None);
    }

    #[test]
    fn finds_all_dates_with_spans() {
        let s = "From 1 May 2021 to 2021-06-30.";
        let all = find_dates(s);
        assert_eq!(all.len(), 2);
        assert_eq!(&s[all[0].start..all[0].end], "1 May 2021");
        assert_eq!(&s[all[1].start..all[1].end], "2021-06-30");
    }

    #[test]
    fn date_lines() {
        let l = date_line("Sunday, March 3, 2024").unwrap();
        assert_eq!(l.found.iso(), "2024-03-03");
        assert!(!l.updated && l.weekday && !l.labelled);
        let l = date_line("Published on Sunday, March 3, 2024 at 10:45 AFT").unwrap();
        assert!(l.weekday && l.labelled);
        let l = date_line("November 10, 2019").unwrap();
        assert!(!l.weekday && !l.labelled);
        let l = date_line("(Last Updated On: September 15, 2023)").unwrap();
        assert_eq!(l.found.iso(), "2023-09-15");
        assert!(l.updated);
        let l = date_line("Published: 10 Nov 2019 12:30 GMT").unwrap();
        assert!(!l.updated);
        let l = date_line("Published 10 Nov 2019 | Updated 12 Nov 2019").unwrap();
        assert_eq!(l.found.iso(), "2019-11-10");
        assert!(!l.updated);
        assert!(date_line("Posted on 2020-02-02 at 10:45 +0430").is_some());
        // A sentence with a date is not a date line.
        assert!(date_line("The attack happened on November 10, 2019 in Kabul.").is_none());
        assert!(date_line("Gen. Mark Milley testifies, Wednesday, March 4, 2020, on Capitol Hill").is_none());
        assert!(date_line("No date here").is_none());
    }

    #[test]
    fn leading_and_whole_dates() {
        assert_eq!(leading_date("2024-01-01 WASHINGTON (X): text").map(|f| f.iso()).as_deref(), Some("2024-01-01"));
        assert_eq!(leading_date("Monday, 10 Nov 2019 rest").map(|f| f.iso()).as_deref(), Some("2019-11-10"));
        assert!(leading_date("WASHINGTON 2024-01-01").is_none());
        assert_eq!(parse_date("Sunday, March 3, 2024").map(|d| d.iso()).as_deref(), Some("2024-03-03"));
        assert!(parse_date("Published March 3, 2024").is_none());
    }

    #[test]
    fn tokenizer_handles_unicode_without_panicking() {
        for s in ["ﾃｽﾄ 3rd", "3é", "١٢ March 2020", "2020-0１-01", "March 3,\u{a0}2024", "3st"] {
            let _ = find_dates(s);
            let _ = date_line(s);
            let _ = leading_date(s);
        }
        assert_eq!(d("March 3,\u{a0}2024").as_deref(), Some("2024-03-03"));
    }
}
