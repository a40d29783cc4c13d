//! A contracting process reduced to what the indicators use, read from a compiled release.
//! Real data is uneven: every field is optional, dates come with or without a time zone,
//! methods may only be named locally (in Spanish), and values come in several currencies.

use serde_json::Value;

/// OCDS's closed codelist of procurement methods (its codes in files, as `code`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Open,
    Selective,
    Limited,
    Direct,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Open => "open",
            Method::Selective => "selective",
            Method::Limited => "limited",
            Method::Direct => "direct",
        }
    }

    /// Open and selective procedures are competitive (Cardinal's default for R018).
    pub fn competitive(self) -> bool {
        matches!(self, Method::Open | Method::Selective)
    }

    /// From `procurementMethod`, or else from a local name in `procurementMethodDetails`.
    pub fn read(code: Option<&str>, details: Option<&str>) -> Option<Method> {
        match code.map(str::trim) {
            Some("open") => return Some(Method::Open),
            Some("selective") => return Some(Method::Selective),
            Some("limited") => return Some(Method::Limited),
            Some("direct") => return Some(Method::Direct),
            _ => {}
        }
        let d = crate::search::text::fold(details?);
        if d.contains("licitacion publica") || d.contains("concurso publico") || d.contains("open procedure") {
            Some(Method::Open)
        } else if d.contains("invitacion") || d.contains("seleccion abreviada") || d.contains("restringid") {
            Some(Method::Selective)
        } else if d.contains("adjudicacion directa")
            || d.contains("contratacion directa")
            || d.contains("trato directo")
        {
            Some(Method::Direct)
        } else {
            None
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    pub amount: f64,
    pub currency: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Award {
    /// Seconds since the epoch, UTC.
    pub date: Option<i64>,
    pub value: Option<Money>,
    /// Supplier ids (or names when there is no id).
    pub suppliers: Vec<String>,
    pub status: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Process {
    pub ocid: String,
    pub buyer: Option<String>,
    pub buyer_name: Option<String>,
    pub method: Option<Method>,
    /// The publisher's own name for the method ("Licitación Pública").
    pub method_details: Option<String>,
    pub category: Option<String>,
    pub tender_value: Option<Money>,
    pub tender_start: Option<i64>,
    pub tender_end: Option<i64>,
    /// `numberOfTenderers`, else the tenderers listed, else the bids' tenderers.
    pub tenderers: Option<u32>,
    pub awards: Vec<Award>,
    /// Signature dates of the contracts.
    pub signed: Vec<i64>,
    pub contract_value: Option<Money>,
    pub year: Option<i32>,
    /// Index of the file it was read from, in its source's file list (the link to its data).
    pub file: u32,
    /// What a person reads: the tender's title (else the release's), and the publisher's own
    /// id for the tender (what its website's page for the process is named by).
    pub title: Option<String>,
    pub tender_id: Option<String>,
    /// The first of the tender's documents on the web (http or https), as published.
    pub document: Option<String>,
    /// Each supplier's published name, by the key `Award::suppliers` holds (first met).
    pub names: Vec<(String, String)>,
    /// Cardinal's second-lowest bid ratio (R024, R058), when the bids and awards allow it.
    pub second_bid: Option<f64>,
    /// The method's code and its local name say different things ("open" with "Adjudicación
    /// Directa"): the indicators that rest on the method leave the process out.
    pub method_conflict: bool,
}

/// (lowest losing valid bid − winning bid) ÷ winning bid, as Cardinal computes it for R024 and
/// R058: no pending award; exactly one active award, to one supplier with an id; valid bids
/// of one tenderer each, in the winner's currency (others skipped); the winner's lowest bid
/// must be the lowest (price-only award), and positive.
fn second_bid_ratio(r: &Value) -> Option<f64> {
    let awards = r.get("awards")?.as_array()?;
    let details = r.get("bids")?.get("details")?.as_array()?;
    let mut active = Vec::new();
    for a in awards {
        match a.get("status").and_then(Value::as_str) {
            Some("active") => active.push(a),
            Some("cancelled" | "unsuccessful") | None => {}
            Some(_) => return None,
        }
    }
    let [award] = active.as_slice() else { return None };
    let suppliers = award.get("suppliers")?.as_array()?;
    let [supplier] = suppliers.as_slice() else { return None };
    let winner = supplier.get("id")?.as_str()?;
    let bids: Vec<(&str, f64, &str)> = details
        .iter()
        .filter(|b| b.get("status").and_then(Value::as_str) == Some("valid"))
        .filter_map(|b| {
            let value = b.get("value")?;
            let (amount, currency) = (value.get("amount")?.as_f64()?, value.get("currency")?.as_str()?);
            let tenderers = b.get("tenderers")?.as_array()?;
            let [t] = tenderers.as_slice() else { return None };
            Some((t.get("id")?.as_str()?, amount, currency))
        })
        .filter(|b| b.1.is_finite())
        .collect();
    let (win, currency) =
        bids.iter().filter(|b| b.0 == winner).map(|b| (b.1, b.2)).min_by(|a, b| a.0.total_cmp(&b.0))?;
    let lose = bids.iter().filter(|b| b.0 != winner && b.2 == currency).map(|b| b.1).min_by(f64::total_cmp)?;
    (win > 0.0 && lose >= win).then(|| (lose - win) / win)
}

/// A supplier's key: its id when the data has one, else its name normalised (case, spaces,
/// a trailing full stop) so that "Papelera Omega S.A. " and "PAPELERA OMEGA S.A" match.
pub fn supplier_key(id: Option<String>, name: Option<&str>) -> Option<String> {
    id.or_else(|| {
        let n: Vec<String> = name?.split_whitespace().map(str::to_uppercase).collect();
        let n = n.join(" ");
        let n = n.trim_end_matches('.').to_string();
        (!n.is_empty()).then_some(n)
    })
}

/// An OCDS date as seconds since the epoch in UTC: RFC 3339 with its offset, or without one
/// (read as UTC), or a date alone (its midnight, UTC).
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(d.timestamp());
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(d) = chrono::NaiveDateTime::parse_from_str(s, f) {
            return Some(d.and_utc().timestamp());
        }
    }
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
}

fn text(v: &Value, path: &[&str]) -> Option<String> {
    let mut at = v;
    for p in path {
        at = at.get(p)?;
    }
    at.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

fn money(v: Option<&Value>) -> Option<Money> {
    let v = v?;
    let amount = match v.get("amount")? {
        Value::Number(n) => n.as_f64()?,
        // Some publishers write amounts as strings.
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    amount
        .is_finite()
        .then(|| Money { amount, currency: v.get("currency").and_then(Value::as_str).unwrap_or("").to_string() })
}

fn date(v: &Value, path: &[&str]) -> Option<i64> {
    text(v, path).and_then(|s| parse_date(&s))
}

pub(crate) fn year_of(ts: i64) -> Option<i32> {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp(ts, 0).map(|d| d.year())
}

impl Process {
    /// Whether its text carries U+FFFD, the mark of characters lost to a wrong encoding before
    /// publication (seen in real data: "ALCALD\u{FFFD}A"): a data-quality signal, shown as is.
    pub fn has_broken_text(&self) -> bool {
        let broken = |s: &Option<String>| s.as_deref().is_some_and(|t| t.contains('\u{FFFD}'));
        broken(&self.buyer_name)
            || broken(&self.buyer)
            || broken(&self.method_details)
            || self.awards.iter().any(|a| a.suppliers.iter().any(|x| x.contains('\u{FFFD}')))
            || self.names.iter().any(|(_, n)| n.contains('\u{FFFD}'))
            || broken(&self.title)
    }

    /// The keys of its awards' suppliers, each once, in the order met.
    pub fn suppliers(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for k in self.awards.iter().flat_map(|a| a.suppliers.iter()) {
            if !out.contains(&k.as_str()) {
                out.push(k);
            }
        }
        out
    }

    /// A supplier's published name, else its key.
    pub fn supplier_name<'a>(&'a self, key: &'a str) -> &'a str {
        self.names.iter().find(|(k, _)| k == key).map_or(key, |(_, n)| n.as_str())
    }

    pub fn from_release(r: &Value) -> Option<Process> {
        let ocid = text(r, &["ocid"])?;
        let tender = r.get("tender").cloned().unwrap_or(Value::Null);
        let buyer = text(r, &["buyer", "id"]).or_else(|| text(r, &["buyer", "name"])).or_else(|| {
            // Older data names the buyer only among the parties, sometimes in Spanish roles.
            r.get("parties")?.as_array()?.iter().find_map(|p| {
                let roles = p.get("roles")?.as_array()?;
                roles
                    .iter()
                    .any(|x| matches!(x.as_str(), Some("buyer" | "comprador" | "procuringEntity")))
                    .then(|| text(p, &["id"]).or_else(|| text(p, &["name"])))?
            })
        });
        // A party's published name by its id: releases often name the buyer and suppliers by
        // id only and give the names among the parties.
        let party_name = |id: &str| {
            r.get("parties")?
                .as_array()?
                .iter()
                .find(|p| text(p, &["id"]).as_deref() == Some(id))
                .and_then(|p| text(p, &["name"]))
        };
        let buyer_name = text(r, &["buyer", "name"]).or_else(|| buyer.as_deref().and_then(party_name));
        let method_details = text(&tender, &["procurementMethodDetails"]);
        let method = Method::read(tender.get("procurementMethod").and_then(Value::as_str), method_details.as_deref());
        let by_name = method_details.as_deref().and_then(|d| Method::read(None, Some(d)));
        let method_conflict = matches!((method, by_name), (Some(a), Some(b)) if a != b);
        let tenderers = tender
            .get("numberOfTenderers")
            .and_then(|n| n.as_u64().or_else(|| n.as_str()?.trim().parse().ok()))
            .map(|n| n.min(u32::MAX as u64) as u32)
            .or_else(|| tender.get("tenderers")?.as_array().map(|a| a.len() as u32))
            .or_else(|| {
                let details = r.get("bids")?.get("details")?.as_array()?;
                let mut ids: Vec<String> = details
                    .iter()
                    .flat_map(|b| b.get("tenderers").and_then(Value::as_array).cloned().unwrap_or_default())
                    .filter_map(|t| text(&t, &["id"]).or_else(|| text(&t, &["name"])))
                    .collect();
                ids.sort();
                ids.dedup();
                Some(ids.len() as u32)
            });
        let mut names: Vec<(String, String)> = Vec::new();
        let awards: Vec<Award> = r
            .get("awards")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|aw| Award {
                        date: date(aw, &["date"]),
                        value: money(aw.get("value")),
                        suppliers: aw
                            .get("suppliers")
                            .and_then(Value::as_array)
                            .map(|s| {
                                s.iter()
                                    .filter_map(|p| {
                                        let id = text(p, &["id"]);
                                        let name = text(p, &["name"]).or_else(|| id.as_deref().and_then(party_name));
                                        let key = supplier_key(id, name.as_deref())?;
                                        if let Some(n) = name {
                                            if !names.iter().any(|(k, _)| *k == key) {
                                                names.push((key.clone(), n));
                                            }
                                        }
                                        Some(key)
                                    })
                                    .collect()
                            })
                            .unwrap_or_default(),
                        status: text(aw, &["status"]),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let contracts = r.get("contracts").and_then(Value::as_array).cloned().unwrap_or_default();
        let signed: Vec<i64> = contracts.iter().filter_map(|c| date(c, &["dateSigned"])).collect();
        let contract_values: Vec<Money> = contracts.iter().filter_map(|c| money(c.get("value"))).collect();
        let contract_value = contract_values.first().map(|first| Money {
            amount: contract_values.iter().filter(|m| m.currency == first.currency).map(|m| m.amount).sum(),
            currency: first.currency.clone(),
        });
        let tender_start = date(&tender, &["tenderPeriod", "startDate"]);
        let year =
            tender_start.or_else(|| date(&tender, &["datePublished"])).or_else(|| date(r, &["date"])).and_then(year_of);
        Some(Process {
            ocid,
            buyer,
            buyer_name,
            method,
            method_details,
            category: text(&tender, &["mainProcurementCategory"]),
            tender_value: money(tender.get("value")),
            tender_start,
            tender_end: date(&tender, &["tenderPeriod", "endDate"]),
            tenderers,
            awards,
            signed,
            contract_value,
            year,
            file: 0,
            title: text(&tender, &["title"]).or_else(|| text(r, &["title"])),
            tender_id: text(&tender, &["id"]),
            document: tender.get("documents").and_then(Value::as_array).and_then(|docs| {
                docs.iter()
                    .filter_map(|d| text(d, &["url"]))
                    .find(|u| u.starts_with("https://") || u.starts_with("http://"))
            }),
            names,
            second_bid: second_bid_ratio(r),
            method_conflict,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dates_with_and_without_zones() {
        assert_eq!(parse_date("2020-08-03T18:00:00-05:00"), Some(1_596_495_600));
        assert_eq!(parse_date("2020-08-03T23:00:00Z"), Some(1_596_495_600));
        assert_eq!(parse_date("2020-08-03T23:00:00"), Some(1_596_495_600));
        assert_eq!(parse_date("2020-08-03"), Some(1_596_412_800));
        assert_eq!(parse_date("03/08/2020"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn suppliers_by_id_else_by_normalised_name_with_their_names() {
        let p = Process::from_release(&json!({"ocid":"a","tender":{"id":"T-1","title":"Papel","documents":[
                {"url":"ftp://x"},{"url":"https://portal.example/doc.pdf"}]},
            "awards":[{"suppliers":[{"id":"S1","name":"Omega S.A."},{"name":"Papelera  omega s.a. "}]},
                      {"suppliers":[{"name":"PAPELERA OMEGA S.A"},{"id":"S1","name":"Otro nombre"}]}]}))
        .unwrap();
        assert_eq!(p.awards[0].suppliers, ["S1", "PAPELERA OMEGA S.A"]);
        assert_eq!(p.awards[1].suppliers, ["PAPELERA OMEGA S.A", "S1"]);
        assert_eq!(p.supplier_name("S1"), "Omega S.A.");
        assert_eq!(p.supplier_name("PAPELERA OMEGA S.A"), "Papelera  omega s.a.");
        assert_eq!(p.supplier_name("S9"), "S9");
        assert_eq!((p.title.as_deref(), p.tender_id.as_deref()), (Some("Papel"), Some("T-1")));
        assert_eq!(p.document.as_deref(), Some("https://portal.example/doc.pdf"));
        assert_eq!(supplier_key(None, Some(" . ")), None);
        // Names given only among the parties (Chile's Mercado Público names its buyer so).
        let p = Process::from_release(&json!({"ocid":"a","buyer":{"id":"CL-1"},"parties":[{"id":"CL-1","name":"Hospital"},{"id":"S2","name":"Sur"}],
            "awards":[{"suppliers":[{"id":"S2"}]}]}))
        .unwrap();
        assert_eq!(
            (p.buyer.as_deref(), p.buyer_name.as_deref(), p.supplier_name("S2")),
            (Some("CL-1"), Some("Hospital"), "Sur")
        );
        // Or only by its role among them, as in Chile's samples.
        let p = Process::from_release(
            &json!({"ocid":"a","parties":[{"id":"CL-1","name":"Hospital","roles":["procuringEntity","buyer"]}]}),
        )
        .unwrap();
        assert_eq!((p.buyer.as_deref(), p.buyer_name.as_deref()), (Some("CL-1"), Some("Hospital")));
    }

    #[test]
    fn methods_from_codes_or_local_names() {
        assert_eq!(Method::read(Some("open"), None), Some(Method::Open));
        assert_eq!(Method::read(None, Some("Licitación Pública")), Some(Method::Open));
        assert_eq!(
            Method::read(Some("otro"), Some("Invitación a cuando menos tres personas")),
            Some(Method::Selective)
        );
        assert_eq!(Method::read(None, Some("Adjudicación Directa")), Some(Method::Direct));
        assert_eq!(Method::read(None, Some("??")), None);
    }

    #[test]
    fn tenderers_from_the_count_the_list_or_the_bids() {
        let p = |v: Value| Process::from_release(&v).unwrap().tenderers;
        assert_eq!(p(json!({"ocid":"a","tender":{"numberOfTenderers":2,"tenderers":[{},{},{}]}})), Some(2));
        assert_eq!(p(json!({"ocid":"a","tender":{"tenderers":[{"id":"x"},{"id":"y"}]}})), Some(2));
        assert_eq!(
            p(
                json!({"ocid":"a","bids":{"details":[{"tenderers":[{"id":"x"}]},{"tenderers":[{"id":"x"}]},{"tenderers":[{"id":"z"}]}]}})
            ),
            Some(2)
        );
        assert_eq!(p(json!({"ocid":"a"})), None);
        assert!(Process::from_release(&json!({"id":"no ocid"})).is_none());
    }
}
