//! The generator of a `type` written alone: the defaults of docs/config.md (`int` in
//! `0..=1000000`, `date` in the ten years before 2025, ...), with `p` for bools and `len` for bytes.

use crate::config::field::Spec;
use crate::config::generator::lengths;
use crate::config::read::Reader;
use crate::config::types::DAY_MICROS;
use crate::ir::{DataType, Gen};

/// Days since 1970-01-01 of 2015-01-01 and of 2025-01-01: the default date span.
const DEFAULT_DAYS: (i64, i64) = (16_436, 20_089);

/// The generator of a `type` written alone (with `p` for bools, `len` for bytes).
pub(crate) fn default_of(
    r: &mut Reader,
    spec: &Spec<'_>,
    ty: &DataType,
) -> Option<(Gen, DataType)> {
    let (lo_days, end_days) = DEFAULT_DAYS;
    let g = match ty {
        DataType::Int => Gen::IntRange {
            lo: 0,
            hi: 1_000_000,
        },
        DataType::Float => Gen::FloatRange { lo: 0.0, hi: 1.0 },
        DataType::Decimal { precision, .. } => {
            // 0..10^(p-s) in units of 10^-s, at most 18 digits.
            let digits = u32::from((*precision).min(18));
            Gen::IntRange {
                lo: 0,
                hi: 10_i64.pow(digits) - 1,
            }
        }
        DataType::String => Gen::Provider("lorem.word".to_string()),
        DataType::Bool => {
            let p = match spec.get("p") {
                Some((_, v)) => r.probability(v, &format!("`p` of field `{}`", spec.name))?,
                None => 0.5,
            };
            Gen::Bool { p }
        }
        DataType::Date => Gen::IntRange {
            lo: lo_days,
            hi: end_days - 1,
        },
        DataType::Time => Gen::IntRange {
            lo: 0,
            hi: DAY_MICROS - 1,
        },
        DataType::Timestamp | DataType::TimestampTz => Gen::IntRange {
            lo: lo_days * DAY_MICROS,
            hi: end_days * DAY_MICROS - 1,
        },
        DataType::Uuid => Gen::Uuid,
        DataType::Bytes => {
            let (min, max) = match spec.get("len") {
                Some((_, v)) => lengths(r, v, &format!("`len` of field `{}`", spec.name))?,
                None => (16, 16),
            };
            Gen::Bytes { min, max }
        }
        DataType::List(_) | DataType::Struct(_) | DataType::Json => return None,
    };
    Some((g, ty.clone()))
}
