//! The rules, one per indicator, on one process: what it takes from the process, or why it
//! cannot (`Reason`). `Facts::of` applies them all once per process.

use super::*;

// The rules, one per indicator, on one process.

pub(super) fn first_award_date(p: &Process) -> Option<i64> {
    p.awards.iter().filter_map(|a| a.date).min()
}

/// The method, unless missing or contradicted by its local name.
pub(super) fn method(p: &Process) -> Result<Method, Reason> {
    match p.method {
        _ if p.method_conflict => Err(Reason::ContradictoryMethod),
        None => Err(Reason::NoMethod),
        Some(m) => Ok(m),
    }
}

pub(super) fn competitive(p: &Process) -> Result<bool, Reason> {
    method(p).map(Method::competitive)
}

/// Tenderers of a competitive process (single bid, bidders).
pub(super) fn tenderers(p: &Process) -> Result<u32, Reason> {
    let m = method(p)?;
    match p.tenderers {
        _ if !m.competitive() => Err(Reason::NotCompetitive),
        None => Err(Reason::NoTenderers),
        Some(n) => Ok(n),
    }
}

pub(super) fn tender_days(p: &Process) -> Result<f64, Reason> {
    match (p.tender_start, p.tender_end) {
        (Some(s), Some(e)) if e == s => Err(Reason::ZeroLengthPeriod),
        (Some(s), Some(e)) if e > s => Ok((e - s) as f64 / DAY),
        (Some(_), Some(_)) => Err(Reason::PeriodEndsBeforeStart),
        _ => Err(Reason::NoTenderPeriod),
    }
}

/// R003's tender period: open procedures only.
pub(super) fn open_tender_days(p: &Process) -> Result<f64, Reason> {
    match method(p)? {
        Method::Open => tender_days(p),
        _ => Err(Reason::NotOpen),
    }
}

/// Decision period: first award date minus tender end, in days.
pub(super) fn decision_days(p: &Process) -> Result<f64, Reason> {
    match (p.tender_end, first_award_date(p)) {
        (None, _) => Err(Reason::NoTenderPeriod),
        (_, None) => Err(Reason::NoAwardDate),
        (Some(end), Some(aw)) if aw < end => Err(Reason::AwardBeforeTenderEnd),
        (Some(end), Some(aw)) => Ok((aw - end) as f64 / DAY),
    }
}

/// Days from the first award to the first contract signature.
pub(super) fn signature_days(p: &Process) -> Result<f64, Reason> {
    match (first_award_date(p), p.signed.iter().min()) {
        (None, _) => Err(Reason::NoAwardDate),
        (_, None) => Err(Reason::NoSignature),
        (Some(aw), Some(s)) if *s < aw => Err(Reason::SignedBeforeAward),
        (Some(aw), Some(s)) => Ok((s - aw) as f64 / DAY),
    }
}

/// Contracted value over estimated (tender) value, in the same currency.
pub(super) fn contracted_ratio(p: &Process) -> Result<f64, Reason> {
    match (&p.tender_value, &p.contract_value) {
        (Some(t), Some(c)) if t.currency != c.currency => Err(Reason::OtherCurrency),
        (Some(t), Some(c)) if t.amount > 0.0 => Ok(c.amount / t.amount),
        (Some(t), Some(_)) if t.amount == 0.0 => Err(Reason::ZeroValue),
        _ => Err(Reason::NoValue),
    }
}

/// Whether a process counts for supplier concentration: a buyer, and awards with a value and
/// suppliers. Its buyer, or why it is left out.
pub fn concentration_use(p: &Process) -> Result<&String, Reason> {
    let buyer = p.buyer.as_ref().ok_or(Reason::NoBuyer)?;
    let mut valued = p.awards.iter().filter(|a| a.value.as_ref().is_some_and(|v| v.amount > 0.0)).peekable();
    if valued.peek().is_none() {
        return Err(Reason::NoValue);
    }
    if valued.all(|a| a.suppliers.is_empty()) {
        return Err(Reason::NoSupplier);
    }
    Ok(buyer)
}

/// Key fields and how many of `ps` lack each (the dashboard counts them in its one pass).
pub fn missing_fields(ps: &[Process]) -> Vec<(&'static str, usize)> {
    KEY_FIELDS.iter().map(|(f, lacks)| (*f, ps.iter().filter(|p| lacks(p)).count())).collect()
}

/// Tells whether a process lacks a field.
pub type Lacks = fn(&Process) -> bool;

/// Key fields, and how to tell a process lacks each.
pub const KEY_FIELDS: [(&str, Lacks); 8] = [
    ("buyer", |p| p.buyer.is_none()),
    ("tender.procurementMethod", |p| p.method.is_none()),
    ("tender.value", |p| p.tender_value.is_none()),
    ("tender.tenderPeriod", |p| p.tender_start.is_none() || p.tender_end.is_none()),
    ("tender.numberOfTenderers", |p| p.tenderers.is_none()),
    ("awards.date", |p| first_award_date(p).is_none()),
    ("awards.suppliers", |p| p.awards.iter().all(|a| a.suppliers.is_empty())),
    ("contracts.dateSigned", |p| p.signed.is_empty()),
];
