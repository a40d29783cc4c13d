//! The month grid: weeks start on Monday; each day lists the events that touch it, by the
//! event's own local dates (a 1–6 July summit in Lima is on those days wherever the reader is).

use crate::model::{Event, EventTime};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// A calendar month, as it appears in the URL (`2027-03`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

/// Months outside this range are not navigable (and an absurd `?month=` falls back to today's).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

impl Month {
    pub fn of(d: NaiveDate) -> Month {
        Month { year: d.year(), month: d.month() }
    }

    /// The month the grid opens on when the URL names none: that of the next event (one under
    /// way counts from today), or today's when none is ahead. `events` are (start, end) dates.
    pub fn opening(today: NaiveDate, events: impl IntoIterator<Item = (NaiveDate, NaiveDate)>) -> Month {
        let next = events.into_iter().filter(|(_, end)| *end >= today).map(|(start, _)| start.max(today)).min();
        Month::of(next.unwrap_or(today))
    }

    /// `YYYY-MM`, within 1900–2200.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        (YEARS.contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    pub fn first(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    pub fn last(self) -> NaiveDate {
        self.next().first().pred_opt().unwrap_or_default()
    }

    pub fn prev(self) -> Month {
        Month::of(self.first() - Months::new(1))
    }

    pub fn next(self) -> Month {
        Month::of(self.first() + Months::new(1))
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        Month::of(d) == self
    }

    /// Whether the month before or after is still navigable.
    pub fn has_prev(self) -> bool {
        YEARS.contains(&self.prev().year) && self != Month { year: *YEARS.start(), month: 1 }
    }

    pub fn has_next(self) -> bool {
        self != Month { year: *YEARS.end(), month: 12 }
    }

    /// The weeks shown for this month: Monday to Sunday, from the week of the 1st to the week
    /// of the last day (four to six weeks).
    pub fn weeks(self) -> Vec<[NaiveDate; 7]> {
        let (start, end) = self.grid_range();
        let mut weeks = Vec::with_capacity(6);
        let mut day = start;
        while day <= end {
            let mut week = [day; 7];
            for (i, d) in week.iter_mut().enumerate() {
                *d = day + Days::new(i as u64);
            }
            day = day + Days::new(7);
            weeks.push(week);
        }
        weeks
    }
}

impl Month {
    /// The first and last day drawn (Monday of the first week, Sunday of the last).
    pub fn grid_range(self) -> (NaiveDate, NaiveDate) {
        let first = self.first().week(Weekday::Mon).first_day();
        (first, self.last().week(Weekday::Mon).last_day())
    }
}

/// Each day of the grid, with the indices (into `events`) of the events that touch it, in the
/// events' order. Days without events are left out.
/// When something on the calendar starts and ends: an event, or its row in the events index.
pub trait Span {
    fn start(&self) -> EventTime;
    fn end(&self) -> EventTime;
}

impl Span for Event {
    fn start(&self) -> EventTime {
        self.start
    }
    fn end(&self) -> EventTime {
        self.end
    }
}

impl Span for crate::model::list::EventRow {
    fn start(&self) -> EventTime {
        self.start
    }
    fn end(&self) -> EventTime {
        self.end
    }
}

pub fn events_by_day<'a, E: Span + 'a>(
    month: Month,
    events: impl IntoIterator<Item = &'a E>,
) -> Vec<(NaiveDate, Vec<usize>)> {
    let (first, last) = month.grid_range();
    let span = (last - first).num_days() as usize + 1;
    let mut days: Vec<Vec<usize>> = vec![Vec::new(); span];
    for (i, e) in events.into_iter().enumerate() {
        let (s, en) = (e.start().date(), e.end().date().max(e.start().date()));
        if en < first || s > last {
            continue;
        }
        // Clamped to the grid, so an event spanning years costs at most the grid's 42 days.
        let (from, to) = (s.max(first), en.min(last));
        for k in (from - first).num_days()..=(to - first).num_days() {
            days[k as usize].push(i);
        }
    }
    days.into_iter().enumerate().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (first + Days::new(k as u64), v)).collect()
}

/// The most weeks a month spans (a 31-day month starting on a Saturday or Sunday): the grid
/// keeps this many rows and hides the ones a month does not use.
pub const GRID_WEEKS: usize = 6;

/// Titles written in a day's cell before "+n".
const CELL_TITLES: usize = 3;

/// One day of the month grid as drawn. Computed without the DOM, so a month change can rewrite
/// only what differs in the grid's fixed cells instead of rebuilding them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayCell {
    pub date: NaiveDate,
    pub in_month: bool,
    pub today: bool,
    /// How many events touch the day.
    pub count: usize,
    /// Up to three titles, one per line, then "+n" for the rest; empty without events.
    pub titles: String,
}

impl DayCell {
    /// The cell's class attribute.
    pub fn class(&self) -> String {
        let mut class = String::from("day");
        for (on, name) in [(!self.in_month, " other-month"), (self.count > 0, " has-events"), (self.today, " today")] {
            if on {
                class.push_str(name);
            }
        }
        class
    }
}

/// The cells of the month's weeks, Monday first (28 to 42 of them).
pub fn day_cells<'a, E: Span>(
    month: Month,
    today: NaiveDate,
    events: &[&'a E],
    title: impl Fn(&'a E) -> &'a str,
) -> Vec<DayCell> {
    let by_day = events_by_day(month, events.iter().copied());
    let mut marked = by_day.iter().peekable();
    month
        .weeks()
        .into_iter()
        .flatten()
        .map(|date| {
            // Both run in date order: one pass.
            let on = marked.next_if(|(d, _)| *d == date).map(|(_, ix)| ix.as_slice()).unwrap_or_default();
            let mut titles: Vec<&str> = on.iter().take(CELL_TITLES).map(|i| title(events[*i])).collect();
            let more = on.len().saturating_sub(CELL_TITLES);
            let more_text = format!("+{more}");
            if more > 0 {
                titles.push(&more_text);
            }
            DayCell {
                date,
                in_month: month.contains(date),
                today: date == today,
                count: on.len(),
                titles: titles.join("\n"),
            }
        })
        .collect()
}

/// A key pressed on the grid's focused day, as the ARIA grid pattern describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKey {
    Left,
    Right,
    Up,
    Down,
    WeekStart,
    WeekEnd,
    PrevMonth,
    NextMonth,
}

impl GridKey {
    /// From `KeyboardEvent.key`.
    pub fn from_key(key: &str) -> Option<GridKey> {
        Some(match key {
            "ArrowLeft" => GridKey::Left,
            "ArrowRight" => GridKey::Right,
            "ArrowUp" => GridKey::Up,
            "ArrowDown" => GridKey::Down,
            "Home" => GridKey::WeekStart,
            "End" => GridKey::WeekEnd,
            "PageUp" => GridKey::PrevMonth,
            "PageDown" => GridKey::NextMonth,
            _ => return None,
        })
    }

    /// The day focus moves to (a month move keeps the day of month, clamped: 31 Jan → 28 Feb).
    pub fn apply(self, d: NaiveDate) -> NaiveDate {
        let moved = match self {
            GridKey::Left => d.pred_opt(),
            GridKey::Right => d.succ_opt(),
            GridKey::Up => d.checked_sub_days(Days::new(7)),
            GridKey::Down => d.checked_add_days(Days::new(7)),
            GridKey::WeekStart => Some(d.week(Weekday::Mon).first_day()),
            GridKey::WeekEnd => Some(d.week(Weekday::Mon).last_day()),
            GridKey::PrevMonth => d.checked_sub_months(Months::new(1)),
            GridKey::NextMonth => d.checked_add_months(Months::new(1)),
        };
        moved.filter(|m| YEARS.contains(&m.year())).unwrap_or(d)
    }
}

/// Parses `?day=YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let d = crate::model::PartialDate::parse(s)?.date()?;
    YEARS.contains(&d.year()).then_some(d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_grid_opens_on_the_next_events_month() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let today = d("2026-12-02");
        let events = [
            (d("2019-07-01"), d("2019-07-06")),
            (d("2027-05-12"), d("2027-05-13")),
            (d("2027-03-18"), d("2027-03-18")),
        ];
        assert_eq!(Month::opening(today, events), Month::of(d("2027-03-01")));
        // One under way opens today's month; none ahead, today's too.
        assert_eq!(Month::opening(today, [(d("2026-11-20"), d("2026-12-05"))]), Month::of(today));
        assert_eq!(Month::opening(today, [(d("2019-07-01"), d("2019-07-06"))]), Month::of(today));
        assert_eq!(Month::opening(today, []), Month::of(today));
    }

    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    #[test]
    fn parses_only_sane_months() {
        assert_eq!(Month::parse("2027-03"), Some(Month { year: 2027, month: 3 }));
        for bad in
            ["2027-13", "2027-00", "27-03", "2027-3", "99999-01", "0001-01", "x", "", "2027-03-01", "２０２７-03"]
        {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(Month::parse("2027-03").unwrap().code(), "2027-03");
    }

    #[test]
    fn navigates_across_years_and_stops_at_the_ends() {
        let m = Month::parse("2027-01").unwrap();
        assert_eq!(m.prev().code(), "2026-12");
        assert_eq!(m.prev().next(), m);
        assert_eq!(Month::parse("2026-12").unwrap().next().code(), "2027-01");
        assert!(!Month::parse("1900-01").unwrap().has_prev());
        assert!(!Month::parse("2200-12").unwrap().has_next());
        assert!(m.has_prev() && m.has_next());
    }

    #[test]
    fn weeks_start_on_monday_and_cover_the_month() {
        // March 2027 starts on a Monday: the grid starts on the 1st.
        let w = Month::parse("2027-03").unwrap().weeks();
        assert_eq!(w[0][0], d("2027-03-01"));
        assert_eq!(w.len(), 5);
        assert_eq!(w[4][6], d("2027-04-04"));
        // November 2026 starts on a Sunday: six rows, from Monday 26 October.
        let w = Month::parse("2026-11").unwrap().weeks();
        assert_eq!(w[0][0], d("2026-10-26"));
        assert_eq!(w[0][6], d("2026-11-01"));
        assert_eq!(w.len(), 6);
        // February 2021: exactly four weeks.
        assert_eq!(Month::parse("2021-02").unwrap().weeks().len(), 4);
        for w in Month::parse("2024-02").unwrap().weeks() {
            assert_eq!(w[0].weekday(), Weekday::Mon);
        }
    }

    #[test]
    fn keys_move_by_day_week_and_month() {
        let day = d("2027-01-31");
        assert_eq!(GridKey::Right.apply(day), d("2027-02-01"));
        assert_eq!(GridKey::Left.apply(day), d("2027-01-30"));
        assert_eq!(GridKey::Down.apply(day), d("2027-02-07"));
        assert_eq!(GridKey::Up.apply(day), d("2027-01-24"));
        assert_eq!(GridKey::NextMonth.apply(day), d("2027-02-28"));
        assert_eq!(GridKey::PrevMonth.apply(d("2027-03-31")), d("2027-02-28"));
        // 31 January 2027 is a Sunday.
        assert_eq!(GridKey::WeekStart.apply(day), d("2027-01-25"));
        assert_eq!(GridKey::WeekEnd.apply(day), day);
        assert_eq!(GridKey::from_key("PageDown"), Some(GridKey::NextMonth));
        assert_eq!(GridKey::from_key("Tab"), None);
        assert_eq!(GridKey::Left.apply(d("1900-01-01")), d("1900-01-01"));
    }

    #[test]
    fn events_fill_the_days_they_touch_clamped_to_the_grid() {
        let json = r#"{"format":1,"events":[
          {"id":"a","title":{"es":"A","en":"A"},"summary":{"es":"a","en":"a"},"start":"2027-03-30","end":"2027-04-02","country":"PE","organizer":{"es":"o","en":"o"}},
          {"id":"b","title":{"es":"B","en":"B"},"summary":{"es":"b","en":"b"},"start":"2027-03-31T10:00","end":"2027-03-31T11:00","timezone":"America/Lima","country":"PE","organizer":{"es":"o","en":"o"}},
          {"id":"c","title":{"es":"C","en":"C"},"summary":{"es":"c","en":"c"},"start":"1990-01-01","end":"2100-01-01","country":"CL","organizer":{"es":"o","en":"o"}},
          {"id":"d","title":{"es":"D","en":"D"},"summary":{"es":"d","en":"d"},"start":"2027-06-01","country":"CL","organizer":{"es":"o","en":"o"}}
        ]}"#;
        let events = crate::model::parse_file::<Event>(json).unwrap().items;
        let days = events_by_day(Month::parse("2027-03").unwrap(), &events);
        // Events come sorted by start: c, a, b, d. The grid runs from 1 March to 4 April: the
        // long event "c" is on all 35 days.
        assert_eq!(days.len(), 35);
        let on = |s: &str| days.iter().find(|(day, _)| *day == d(s)).map(|(_, v)| v.clone()).unwrap_or_default();
        assert_eq!(on("2027-03-29"), vec![0]);
        assert_eq!(on("2027-03-30"), vec![0, 1]);
        assert_eq!(on("2027-03-31"), vec![0, 1, 2]);
        assert_eq!(on("2027-04-02"), vec![0, 1]);
        assert_eq!(on("2027-04-03"), vec![0]);
        assert!(days.iter().all(|(_, v)| !v.contains(&3)));
    }

    #[test]
    fn cells_cover_the_weeks_with_counts_titles_and_classes() {
        let json = r#"{"format":1,"events":[
          {"id":"a","title":{"es":"A","en":"A"},"summary":{"es":"a","en":"a"},"start":"2027-03-30","end":"2027-04-02","country":"PE","organizer":{"es":"o","en":"o"}},
          {"id":"b","title":{"es":"B","en":"B"},"summary":{"es":"b","en":"b"},"start":"2027-03-31","country":"PE","organizer":{"es":"o","en":"o"}},
          {"id":"c","title":{"es":"C","en":"C"},"summary":{"es":"c","en":"c"},"start":"2027-03-31","country":"PE","organizer":{"es":"o","en":"o"}},
          {"id":"e","title":{"es":"E","en":"E"},"summary":{"es":"e","en":"e"},"start":"2027-03-31","country":"PE","organizer":{"es":"o","en":"o"}}
        ]}"#;
        let events = crate::model::parse_file::<Event>(json).unwrap().items;
        let refs: Vec<&Event> = events.iter().collect();
        let march = Month::parse("2027-03").unwrap();
        let cells = day_cells(march, d("2027-03-31"), &refs, |e| e.title.es.as_str());
        // 1 March 2027 is a Monday; the grid ends on Sunday 4 April: five weeks.
        assert_eq!(cells.len(), 35);
        assert!(cells.len() <= GRID_WEEKS * 7);
        assert_eq!((cells[0].date, cells[34].date), (d("2027-03-01"), d("2027-04-04")));
        let on = |s: &str| cells.iter().find(|c| c.date == d(s)).unwrap();
        assert_eq!(on("2027-03-29").count, 0);
        assert_eq!(on("2027-03-29").titles, "");
        assert_eq!(on("2027-03-29").class(), "day");
        assert_eq!(on("2027-03-30").titles, "A");
        let busy = on("2027-03-31");
        assert_eq!((busy.count, busy.titles.as_str()), (4, "A\nB\nC\n+1"));
        assert_eq!(busy.class(), "day has-events today");
        assert_eq!(on("2027-04-02").class(), "day other-month has-events");
        // A month of six weeks (August 2027 starts on a Sunday, has 31 days).
        assert_eq!(
            day_cells(Month::parse("2027-08").unwrap(), d("2027-03-31"), &[], |e: &Event| e.title.es.as_str()).len(),
            42
        );
    }
}
