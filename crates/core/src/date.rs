//! The one date type: a calendar date known to the year, the month or the day (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Years a date may have: four digits.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// A valid calendar date, possibly partial: a year, optionally a month, and with a month optionally a day.
/// Orders chronologically, a partial date before the full dates it covers (`2024` < `2024-01` < `2024-01-01`).
/// Reads and writes its ISO text (`YYYY[-MM[-DD]]`) in every serde format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: i32,
    /// 1–12, or 0 when only the year is known.
    month: u8,
    /// 1–31, or 0 when the day is not known.
    day: u8,
}

/// Days in a month of the proleptic Gregorian calendar (0 for a month outside 1–12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    /// A year, a year and month, or a full date; `None` unless every part given is valid (a day needs a month).
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
        if !YEARS.contains(&year) {
            return None;
        }
        let m = month.unwrap_or(0);
        let d = day.unwrap_or(0);
        let month_ok = month.is_none() || (1..=12).contains(&m);
        let day_ok = day.is_none() || (month.is_some() && (1..=days_in_month(year, m)).contains(&d));
        (month_ok && day_ok).then_some(PartialDate { year, month: m, day: d })
    }

    /// A full calendar date, or `None` (February 30, month 13, a year outside [`YEARS`]).
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        PartialDate::new(year, Some(month), Some(day))
    }

    /// Exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar day); anything else is `None`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let year = digits(parts.next()?, 4)?;
        let month = parts.next().map(|m| digits(m, 2)).map_or(Ok(None), |m| m.map(Some).ok_or(()));
        let day = parts.next().map(|d| digits(d, 2)).map_or(Ok(None), |d| d.map(Some).ok_or(()));
        if parts.next().is_some() {
            return None;
        }
        let (month, day) = (month.ok()?, day.ok()?);
        PartialDate::new(year as i32, month.map(|m| m as u8), day.map(|d| d as u8))
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> Option<u8> {
        (self.month > 0).then_some(self.month)
    }

    pub fn day(&self) -> Option<u8> {
        (self.day > 0).then_some(self.day)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// Days since 1970-01-01 of the first day the date covers (a missing month or day counts as 1).
    pub fn day_number(&self) -> i64 {
        let (m, d) = (i64::from(self.month.max(1)), i64::from(self.day.max(1)));
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Day of the week of the first day the date covers: 0 for Monday … 6 for Sunday.
    pub fn weekday_from_monday(&self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.day_number() + 3).rem_euclid(7) as u8
    }

    /// `yyyymmdd` with 0 for a missing month or day: sorts as [`Ord`] does.
    pub fn sort_key(&self) -> u32 {
        (self.year as u32 * 100 + u32::from(self.month)) * 100 + u32::from(self.day)
    }

    /// The largest [`PartialDate::sort_key`] of any date it covers: a missing month or day counts as 99.
    pub fn sort_key_end(&self) -> u32 {
        let or99 = |x: u8| if x == 0 { 99 } else { u32::from(x) };
        (self.year as u32 * 100 + or99(self.month)) * 100 + or99(self.day)
    }

    /// The last day number the date covers (the end of its year or month for a partial date).
    pub fn last_day_number(&self) -> i64 {
        let last_month = if self.month == 0 { 12 } else { self.month };
        let last_day = if self.day == 0 { days_in_month(self.year, last_month) } else { self.day };
        PartialDate { year: self.year, month: last_month, day: last_day }.day_number()
    }
}

/// A date as shown: its ISO text, or "undated".
pub fn iso_or_undated(date: Option<PartialDate>) -> String {
    date.map_or_else(|| "undated".into(), |d| d.iso())
}

/// `s` as a number if it is exactly `n` ASCII digits.
fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month > 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day > 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

/// Text that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a YYYY[-MM[-DD]] date: {:?}", self.0)
    }
}

impl std::error::Error for DateError {}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        PartialDate::parse(s).ok_or_else(|| DateError(s.to_string()))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(s: &str) -> Option<String> {
        PartialDate::parse(s).map(|d| d.iso())
    }

    #[test]
    fn shown_as_iso_or_undated() {
        assert_eq!(iso_or_undated(PartialDate::parse("2021-04")), "2021-04");
        assert_eq!(iso_or_undated(None), "undated");
    }

    #[test]
    fn parses_exactly_the_three_forms() {
        assert_eq!(p("2024"), Some("2024".into()));
        assert_eq!(p("2024-03"), Some("2024-03".into()));
        assert_eq!(p("2000-02-29"), Some("2000-02-29".into()));
        for bad in [
            "",
            "2023-",
            "2023-00",
            "2023-13",
            "2023-04-31",
            "1900-02-29",
            "24-01-01",
            "2024-1-01",
            "2024-01-01-",
            "999",
            "２０２４",
            " 2024",
        ] {
            assert_eq!(p(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn day_numbers_and_sort_keys() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(d("2024-03-01").day_number() - d("2024-02-28").day_number(), 2);
        assert_eq!(d("2023").day_number(), d("2023-01-01").day_number());
        assert_eq!(d("2021-01-01").day_number() - d("2020-01-01").day_number(), 366, "leap year");
        assert_eq!(d("2024-02").last_day_number(), d("2024-02-29").day_number());
        assert_eq!(d("2023").last_day_number(), d("2023-12-31").day_number());
        assert_eq!(d("2024-03").sort_key(), 20240300);
        assert_eq!(d("2023").sort_key(), 20230000);
        assert_eq!(d("2023-05").sort_key_end(), 20230599);
        assert_eq!(d("2023-05-04").sort_key_end(), 20230504);
        assert!(d("2024") < d("2024-01") && d("2024-01") < d("2024-01-01") && d("2024-01-01") < d("2024-02"));
    }

    #[test]
    fn serde_is_the_iso_text() {
        let d = PartialDate::parse("2019-11-10").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2019-11-10\"");
        assert_eq!(serde_json::from_str::<PartialDate>("\"2019-11\"").unwrap().iso(), "2019-11");
        assert!(serde_json::from_str::<PartialDate>("\"2019-02-30\"").is_err());
        let bytes = postcard::to_allocvec(&d).unwrap();
        assert_eq!(postcard::from_bytes::<PartialDate>(&bytes).unwrap(), d);
    }

    proptest! {
        /// The hand-written calendar (kept out of the app instead of linking `time`) agrees with `time`.
        #[test]
        fn calendar_agrees_with_the_time_crate(year in 1000i32..=9999, month in 0u8..=13, day in 0u8..=32) {
            let ours = PartialDate::ymd(year, month, day);
            let theirs = time::Month::try_from(month).ok().and_then(|m| time::Date::from_calendar_date(year, m, day).ok());
            prop_assert_eq!(ours.is_some(), theirs.is_some());
            if let (Some(o), Some(t)) = (ours, theirs) {
                let epoch = time::Date::from_calendar_date(1970, time::Month::January, 1).unwrap();
                prop_assert_eq!(o.day_number(), i64::from((t - epoch).whole_days() as i32));
                prop_assert_eq!(PartialDate::parse(&o.iso()), Some(o));
                prop_assert_eq!(o.weekday_from_monday(), t.weekday().number_days_from_monday());
            }
        }
    }
}
