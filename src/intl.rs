//! The browser's tz database (Intl), behind the calendar's [`ZoneDb`], so no tz data ships in
//! the wasm. An unknown zone makes Intl throw; the constructor is called through `Reflect` so
//! that surfaces as `None`, never as an exception through the app.
//!
//! When the publishing step renders first views natively, the same names stand for the tz
//! database compiled into native builds, and the reader's zone is unknown (the app adds its
//! row when it takes over).

#[cfg(target_arch = "wasm32")]
mod browser {
    use chrono::{NaiveDate, NaiveDateTime};
    use js_sys::{Array, Date, Function, Object, Reflect};
    use observatorio_core::calendar::zones::ZoneDb;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::{JsCast, JsValue};

    pub struct IntlDb;

    thread_local! {
        static FORMATTERS: RefCell<HashMap<String, Option<js_sys::Intl::DateTimeFormat>>> = RefCell::new(HashMap::new());
    }

    fn get(o: &JsValue, key: &str) -> Option<JsValue> {
        Reflect::get(o, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined())
    }

    fn make_formatter(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
        let opts = Object::new();
        for (k, v) in [
            ("timeZone", zone),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
            ("second", "numeric"),
        ] {
            Reflect::set(&opts, &k.into(), &v.into()).ok()?;
        }
        let ctor: Function = get(&get(&js_sys::global(), "Intl")?, "DateTimeFormat")?.dyn_into().ok()?;
        let args = Array::of2(&"en-US".into(), &opts);
        Reflect::construct(&ctor, &args).ok().map(JsCast::unchecked_into)
    }

    impl ZoneDb for IntlDb {
        fn offset(&self, zone: &str, utc: NaiveDateTime) -> Option<i32> {
            let f = FORMATTERS
                .with(|m| m.borrow_mut().entry(zone.to_string()).or_insert_with(|| make_formatter(zone)).clone())?;
            let ms = utc.and_utc().timestamp_millis() as f64;
            let parts = f.format_to_parts(&Date::new(&JsValue::from_f64(ms)));
            let mut v = [0u32; 6];
            for p in parts.iter() {
                let (Some(kind), Some(value)) =
                    (get(&p, "type").and_then(|t| t.as_string()), get(&p, "value").and_then(|t| t.as_string()))
                else {
                    continue;
                };
                let slot = match kind.as_str() {
                    "year" => 0,
                    "month" => 1,
                    "day" => 2,
                    "hour" => 3,
                    "minute" => 4,
                    "second" => 5,
                    _ => continue,
                };
                v[slot] = value.parse().ok()?;
            }
            // Some engines still write midnight as 24 under h23.
            let local = NaiveDate::from_ymd_opt(v[0] as i32, v[1], v[2])?.and_hms_opt(v[3] % 24, v[4], v[5])?;
            let utc_s = utc.and_utc().timestamp();
            Some((local.and_utc().timestamp() - utc_s) as i32)
        }
    }

    /// The reader's own IANA zone, as the browser reports it.
    pub fn reader_zone() -> Option<String> {
        let ctor: Function = get(&get(&js_sys::global(), "Intl")?, "DateTimeFormat")?.dyn_into().ok()?;
        let f = Reflect::construct(&ctor, &Array::new()).ok()?;
        let resolved: Function = get(&f, "resolvedOptions")?.dyn_into().ok()?;
        let opts = resolved.call0(&f).ok()?;
        get(&opts, "timeZone")?.as_string().filter(|z| !z.is_empty())
    }
}
#[cfg(target_arch = "wasm32")]
pub use browser::{reader_zone, IntlDb};

#[cfg(not(target_arch = "wasm32"))]
pub use observatorio_core::calendar::zones::TzDb as IntlDb;

/// The reader's zone is not known when rendering at build time.
#[cfg(not(target_arch = "wasm32"))]
pub fn reader_zone() -> Option<String> {
    None
}
