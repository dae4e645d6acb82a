//! `Generate` for `rust_decimal::Decimal` (feature `decimal`).

use rust_decimal::Decimal;

use crate::ctx::Ctx;
use crate::generate::Generate;

/// A uniform amount in `[0, 10000)` with two decimal places, like a price.
impl Generate for Decimal {
    fn generate(ctx: &mut Ctx) -> Self {
        Decimal::new(ctx.range(0..1_000_000i64), 2)
    }
}
