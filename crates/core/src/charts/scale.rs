//! Linear scales with round ("nice") ticks, and the magnitude (thousands, millions…) a chart
//! states once in its axis title instead of on every tick.

/// Maps a value domain onto a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Scale { d0: domain.0, d1: domain.1, r0: range.0, r1: range.1 }
    }

    pub fn map(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return self.r0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// A round step near `raw`: 1, 2, 2.5 or 5 times a power of ten.
pub fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let f = raw / power;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Round ticks covering `[min, max]` (zero always included, as bars start at zero), about
/// `target` of them. Returns the extended domain and the ticks.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> (f64, f64, Vec<f64>) {
    ticks_of(min, max, target, false)
}

/// `nice_ticks` for whole quantities (counts: every value a whole number): steps of at least
/// 1 and never 2.5, so no tick reads "2,5 procesos".
pub fn whole_ticks(min: f64, max: f64, target: usize) -> (f64, f64, Vec<f64>) {
    ticks_of(min, max, target, true)
}

fn ticks_of(min: f64, max: f64, target: usize, whole: bool) -> (f64, f64, Vec<f64>) {
    let (mut lo, mut hi) = (min.min(0.0), max.max(0.0));
    if !lo.is_finite() || !hi.is_finite() {
        lo = 0.0;
        hi = 1.0;
    }
    if lo == hi {
        hi = lo + 1.0;
    }
    let mut step = nice_step((hi - lo) / target.max(1) as f64);
    if whole {
        step = if step == 2.5 { 2.0 } else { step.max(1.0) };
    }
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let n = ((end - start) / step).round() as usize;
    // Multiplying (not adding) keeps 0.1+0.2-style drift out of the labels.
    let ticks = (0..=n.min(50)).map(|i| clean(start + i as f64 * step)).collect();
    (clean(start), clean(end), ticks)
}

/// Removes floating-point noise (0.30000000000000004 → 0.3) and negative zero.
fn clean(v: f64) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let digits = 12 - v.abs().log10().floor() as i32;
    if !(0..=300).contains(&digits) {
        return v;
    }
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

/// A power of a thousand stated once for a whole axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Magnitude {
    One,
    Thousand,
    Million,
    Billion,
    Trillion,
}

impl Magnitude {
    /// The magnitude that keeps the largest value's label short. Thousands are left grouped
    /// (118.000 reads well); from a million on, the magnitude goes in the title.
    pub fn for_max(max_abs: f64) -> Magnitude {
        if max_abs >= 1e12 {
            Magnitude::Trillion
        } else if max_abs >= 1e9 {
            Magnitude::Billion
        } else if max_abs >= 1e6 {
            Magnitude::Million
        } else {
            Magnitude::One
        }
    }

    pub fn divisor(self) -> f64 {
        match self {
            Magnitude::One => 1.0,
            Magnitude::Thousand => 1e3,
            Magnitude::Million => 1e6,
            Magnitude::Billion => 1e9,
            Magnitude::Trillion => 1e12,
        }
    }

    /// "millones" / "millions"; Spanish "billón" is 10^12 (not the English billion).
    pub fn word(self, lang: crate::lang::Lang) -> Option<&'static str> {
        Some(match self {
            Magnitude::One => return None,
            Magnitude::Thousand => lang.pick("miles", "thousands"),
            Magnitude::Million => lang.pick("millones", "millions"),
            Magnitude::Billion => lang.pick("miles de millones", "billions"),
            Magnitude::Trillion => lang.pick("billones", "trillions"),
        })
    }
}

/// Decimals needed to tell ticks `step` apart (after dividing by the magnitude).
pub fn decimals_for(step: f64) -> usize {
    if !step.is_finite() || step <= 0.0 {
        return 0;
    }
    let mut d = 0;
    while d < 6 && ((step * 10f64.powi(d as i32)).round() - step * 10f64.powi(d as i32)).abs() > 1e-9 {
        d += 1;
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(2.3), 2.5);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(1300.0), 2000.0);
        assert_eq!(nice_step(0.00013), 0.0002);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn ticks_cover_the_data_from_zero() {
        // Counts: whole steps only.
        assert_eq!(whole_ticks(0.0, 3.0, 8).2, vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(nice_ticks(0.0, 3.0, 8).2, vec![0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]);
        assert_eq!(whole_ticks(0.0, 5.0, 2).2, vec![0.0, 2.0, 4.0, 6.0]);
        assert_eq!(whole_ticks(0.0, 10.0, 4).2, vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(whole_ticks(0.0, 75.0, 5).2, nice_ticks(0.0, 75.0, 5).2);
        let (lo, hi, t) = nice_ticks(0.0, 75.0, 5);
        assert_eq!((lo, hi), (0.0, 80.0));
        assert_eq!(t, vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        let (lo, hi, t) = nice_ticks(21.0, 150.0, 4);
        assert_eq!((lo, hi), (0.0, 150.0));
        assert_eq!(t, vec![0.0, 50.0, 100.0, 150.0]);
    }

    #[test]
    fn negative_zero_only_and_single_values() {
        let (lo, hi, t) = nice_ticks(-30.0, 45.0, 5);
        assert_eq!((lo, hi), (-40.0, 60.0));
        assert!(t.contains(&0.0));
        assert_eq!(nice_ticks(0.0, 0.0, 5).2, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        let (_, hi, _) = nice_ticks(42.9, 42.9, 5);
        assert!(hi >= 42.9);
        let (lo, hi, _) = nice_ticks(-5.0, -5.0, 5);
        assert_eq!((lo, hi), (-5.0, 0.0));
        assert_eq!(nice_ticks(f64::NAN, f64::INFINITY, 5).2.first(), Some(&0.0));
    }

    #[test]
    fn extreme_magnitudes() {
        let (_, hi, t) = nice_ticks(0.0, 0.001, 5);
        assert_eq!(hi, 0.001);
        assert_eq!(t, vec![0.0, 0.0002, 0.0004, 0.0006, 0.0008, 0.001]);
        assert_eq!(decimals_for(0.0002), 4);
        let (_, hi, t) = nice_ticks(0.0, 7.84e9, 4);
        assert_eq!(hi, 8e9);
        assert_eq!(t.len(), 5);
        assert_eq!(Magnitude::for_max(7.84e9), Magnitude::Billion);
        assert_eq!(Magnitude::for_max(1e12), Magnitude::Trillion);
        assert_eq!(Magnitude::for_max(2_710_734.0), Magnitude::Million);
        assert_eq!(Magnitude::for_max(118_000.0), Magnitude::One);
        assert_eq!(Magnitude::for_max(0.001), Magnitude::One);
        let (_, hi, _) = nice_ticks(0.0, 1e12, 5);
        assert_eq!(hi, 1e12);
    }

    #[test]
    fn decimals_and_scales() {
        assert_eq!(decimals_for(20.0), 0);
        assert_eq!(decimals_for(2.5), 1);
        assert_eq!(decimals_for(0.25), 2);
        let s = Scale::new((0.0, 100.0), (10.0, 210.0));
        assert_eq!(s.map(50.0), 110.0);
        assert_eq!(Scale::new((5.0, 5.0), (0.0, 1.0)).map(5.0), 0.0);
    }
}
