//! `Generate` for integers (whole range), floats (`[0, 1)`), `bool`, `char` and `String`.

use crate::ctx::Ctx;
use crate::generate::Generate;

macro_rules! int_full_range {
    ($($t:ty),*) => {$(
        /// Uniform over the whole range of the type.
        impl Generate for $t {
            #[inline]
            fn generate(ctx: &mut Ctx) -> Self {
                ctx.next_u64() as $t
            }
        }
    )*};
}
int_full_range!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

macro_rules! int_wide {
    ($($t:ty),*) => {$(
        /// Uniform over the whole range of the type.
        impl Generate for $t {
            #[inline]
            fn generate(ctx: &mut Ctx) -> Self {
                ((u128::from(ctx.next_u64()) << 64) | u128::from(ctx.next_u64())) as $t
            }
        }
    )*};
}
int_wide!(u128, i128);

/// Uniform in `[0, 1)`.
impl Generate for f64 {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        ctx.unit_f64()
    }
}

/// Uniform in `[0, 1)`.
impl Generate for f32 {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        (ctx.next_u32() >> 8) as f32 * (1.0 / (1u32 << 24) as f32)
    }
}

/// `true` or `false`, evenly.
impl Generate for bool {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        ctx.next_u64() >> 63 == 1
    }
}

const ALPHANUMERIC: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// An ASCII letter or digit, evenly.
impl Generate for char {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        char::from(ALPHANUMERIC[ctx.index(ALPHANUMERIC.len())])
    }
}

/// 1 to 16 ASCII letters and digits.
impl Generate for String {
    fn generate(ctx: &mut Ctx) -> Self {
        let len = 1 + ctx.index(16);
        (0..len).map(|_| char::generate(ctx)).collect()
    }
}

/// The unit value.
impl Generate for () {
    #[inline]
    fn generate(_: &mut Ctx) -> Self {}
}
