//! The events calendar's pure logic: the month grid and its keyboard moves, time-zone
//! conversions (behind a tz database the caller supplies: chrono-tz natively, the browser's Intl
//! in the app), calendar files (RFC 5545) and links, and the comment form's draft rules.

pub mod ics;
pub mod month;
pub mod participate;
pub mod zones;
