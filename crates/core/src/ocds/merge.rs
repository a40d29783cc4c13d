//! Compiling a process's releases into one, as OCDS's merge routine does: releases in date
//! order, later values replacing earlier ones, objects merged field by field, arrays of objects
//! with ids merged by id, other arrays replaced, and null removing a field.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

fn merge_value(into: &mut Value, from: Value) {
    match (into, from) {
        (Value::Object(a), Value::Object(b)) => merge_object(a, b),
        (Value::Array(a), Value::Array(b)) if !b.is_empty() && b.iter().all(|x| x.get("id").is_some()) => {
            for item in b {
                match a.iter_mut().find(|x| x.get("id") == item.get("id")) {
                    Some(existing) => merge_value(existing, item),
                    None => a.push(item),
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

fn merge_object(a: &mut Map<String, Value>, b: Map<String, Value>) {
    for (k, v) in b {
        if v.is_null() {
            a.remove(&k);
        } else if let Some(existing) = a.get_mut(&k) {
            merge_value(existing, v);
        } else {
            a.insert(k, v);
        }
    }
}

/// One compiled release per `ocid`, in the order the ocids first appear; releases without an
/// ocid are returned apart (they cannot be compiled).
pub fn compile(releases: Vec<Value>) -> (Vec<Value>, usize) {
    let mut order: Vec<String> = Vec::new();
    let mut groups: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut orphans = 0;
    for r in releases {
        let Some(ocid) = r.get("ocid").and_then(Value::as_str).map(str::to_string) else {
            orphans += 1;
            continue;
        };
        if !groups.contains_key(&ocid) {
            order.push(ocid.clone());
        }
        groups.entry(ocid).or_default().push(r);
    }
    let compiled = order
        .into_iter()
        .filter_map(|ocid| {
            let mut rs = groups.remove(&ocid)?;
            // A stable sort: releases of the same date keep their published order.
            rs.sort_by(|a, b| {
                let d = |r: &Value| r.get("date").and_then(Value::as_str).map(str::to_string).unwrap_or_default();
                d(a).cmp(&d(b))
            });
            let mut out = Value::Object(Map::new());
            for r in rs {
                merge_value(&mut out, r);
            }
            Some(out)
        })
        .collect();
    (compiled, orphans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn later_releases_win_and_arrays_merge_by_id() {
        let rs = vec![
            json!({"ocid":"a","id":"2","date":"2020-02-01","tender":{"status":"complete","numberOfTenderers":3},"awards":[{"id":"1","status":"active"}]}),
            json!({"ocid":"a","id":"1","date":"2020-01-01","tender":{"status":"active","title":"T"},"awards":[{"id":"1","status":"pending","date":"2020-01-10"}]}),
            json!({"ocid":"b","id":"1","tender":{"items":[1,2]}}),
            json!({"id":"x"}),
        ];
        let (c, orphans) = compile(rs);
        assert_eq!(orphans, 1);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0]["tender"], json!({"status":"complete","title":"T","numberOfTenderers":3}));
        assert_eq!(c[0]["awards"], json!([{"id":"1","status":"active","date":"2020-01-10"}]));
        assert_eq!(c[0]["id"], "2");
        let (c, _) = compile(vec![
            json!({"ocid":"a","date":"1","tender":{"title":"x"}}),
            json!({"ocid":"a","date":"2","tender":{"title":null}}),
        ]);
        assert_eq!(c[0]["tender"], json!({}));
    }
}
