//! Logical types: which are valid on which underlying type. An unknown or invalid one falls
//! back to the underlying type, as the specification says; a `decimal` whose precision no
//! value can have here (over 38 digits, or more than its `fixed` holds) is an error.

use serde_json::{Map, Value};

use super::model::{Logical, Prim};

/// The most digits a decimal may have (an `i128` holds them).
pub(crate) const MAX_PRECISION: u64 = 38;

/// What a logical type annotates.
#[derive(Clone, Copy)]
pub(crate) enum Base {
    /// A primitive.
    Prim(Prim),
    /// A fixed of this many bytes.
    Fixed(usize),
}

/// The most decimal digits a two's-complement number of `size` bytes holds.
pub(crate) fn fixed_precision(size: usize) -> u64 {
    if size == 0 {
        return 0;
    }
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let digits = (std::f64::consts::LOG10_2 * (8 * size - 1) as f64).floor() as u64;
    digits
}

/// The logical type of schema `o` on `base`: `Ok(None)` when absent, unknown or invalid;
/// `Err((attribute, why, fix))` for a decimal no value fits.
pub(crate) fn read(
    o: &Map<String, Value>,
    base: Base,
) -> Result<Option<Logical>, (&'static str, String, String)> {
    let Some(name) = o.get("logicalType").and_then(Value::as_str) else {
        return Ok(None);
    };
    let p = |want: Prim| matches!(base, Base::Prim(x) if x == want);
    Ok(match name {
        "decimal" if p(Prim::Bytes) || matches!(base, Base::Fixed(_)) => {
            let Some(precision) = o.get("precision").and_then(Value::as_u64) else {
                return Ok(None);
            };
            let scale = match o.get("scale") {
                None => 0,
                Some(s) => match s.as_u64() {
                    Some(s) => s,
                    None => return Ok(None),
                },
            };
            if precision == 0 || scale > precision {
                return Ok(None);
            }
            if precision > MAX_PRECISION {
                return Err((
                    "precision",
                    format!(
                        "a decimal of {precision} digits is more than the {MAX_PRECISION} supported"
                    ),
                    format!("use a precision of at most {MAX_PRECISION}"),
                ));
            }
            if let Base::Fixed(size) = base
                && precision > fixed_precision(size)
            {
                return Err((
                    "precision",
                    format!(
                        "a fixed of {size} bytes holds at most {} digits, not {precision}",
                        fixed_precision(size)
                    ),
                    "lower the precision or make the fixed larger".to_owned(),
                ));
            }
            #[allow(clippy::cast_possible_truncation)]
            Some(Logical::Decimal {
                precision: precision as u8,
                scale: scale as u8,
            })
        }
        "uuid" if p(Prim::String) || matches!(base, Base::Fixed(16)) => Some(Logical::Uuid),
        "date" if p(Prim::Int) => Some(Logical::Date),
        "time-millis" if p(Prim::Int) => Some(Logical::TimeMillis),
        "time-micros" if p(Prim::Long) => Some(Logical::TimeMicros),
        "timestamp-millis" if p(Prim::Long) => Some(Logical::TimestampMillis),
        "timestamp-micros" if p(Prim::Long) => Some(Logical::TimestampMicros),
        "timestamp-nanos" if p(Prim::Long) => Some(Logical::TimestampNanos),
        "local-timestamp-millis" if p(Prim::Long) => Some(Logical::LocalTimestampMillis),
        "local-timestamp-micros" if p(Prim::Long) => Some(Logical::LocalTimestampMicros),
        "local-timestamp-nanos" if p(Prim::Long) => Some(Logical::LocalTimestampNanos),
        "duration" if matches!(base, Base::Fixed(12)) => Some(Logical::Duration),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_sizes_hold_the_documented_precisions() {
        assert_eq!(fixed_precision(1), 2);
        assert_eq!(fixed_precision(4), 9);
        assert_eq!(fixed_precision(8), 18);
        assert_eq!(fixed_precision(16), 38);
    }
}
