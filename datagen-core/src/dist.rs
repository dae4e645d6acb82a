//! The distributions of `rand_distr` as generators, validated once in their constructors.
//!
//! Each constructor takes the parameters the derive's attribute form takes
//! (`normal(mean = 100.0, std_dev = 15.0)` is [`normal`]`(100.0, 15.0)`), and the values convert to
//! any numeric field type through [`FromF64`] (rounded and saturated for integers).

use rand_distr::Distribution;

use crate::ctx::Ctx;
use crate::error::Error;
use crate::generator::Generator;

/// A `rand_distr` distribution as a [`Generator`].
#[derive(Clone, Copy, Debug)]
pub struct Dist<D>(pub D);

impl<T: FromF64, D: Distribution<f64>> Generator<T> for Dist<D> {
    #[inline]
    fn generate(&self, ctx: &mut Ctx) -> T {
        T::from_f64(self.0.sample(ctx))
    }
}

fn invalid(what: &'static str, e: impl core::fmt::Display) -> Error {
    Error::Invalid {
        what,
        why: e.to_string(),
    }
}

/// Normal (Gaussian) with the given mean and standard deviation.
///
/// # Errors
/// If `std_dev` is negative or not finite.
pub fn normal(mean: f64, std_dev: f64) -> Result<Dist<rand_distr::Normal<f64>>, Error> {
    // rand_distr accepts a negative deviation (mirroring the curve); a user asking for one erred.
    if !(std_dev >= 0.0 && std_dev.is_finite() && mean.is_finite()) {
        return Err(invalid(
            "normal distribution",
            format!(
                "mean {mean} and std_dev {std_dev}: both must be finite and std_dev at least 0"
            ),
        ));
    }
    rand_distr::Normal::new(mean, std_dev)
        .map(Dist)
        .map_err(|e| invalid("normal distribution", e))
}

/// Log-normal: `exp` of a normal with mean `mu` and standard deviation `sigma`.
///
/// # Errors
/// If `sigma` is negative or not finite.
pub fn lognormal(mu: f64, sigma: f64) -> Result<Dist<rand_distr::LogNormal<f64>>, Error> {
    if !(sigma >= 0.0 && sigma.is_finite() && mu.is_finite()) {
        return Err(invalid(
            "lognormal distribution",
            format!("mu {mu} and sigma {sigma}: both must be finite and sigma at least 0"),
        ));
    }
    rand_distr::LogNormal::new(mu, sigma)
        .map(Dist)
        .map_err(|e| invalid("lognormal distribution", e))
}

/// Exponential with rate `lambda`.
///
/// # Errors
/// If `lambda` is negative or NaN.
pub fn exponential(lambda: f64) -> Result<Dist<rand_distr::Exp<f64>>, Error> {
    rand_distr::Exp::new(lambda)
        .map(Dist)
        .map_err(|e| invalid("exponential distribution", e))
}

/// Poisson with mean `lambda`.
///
/// # Errors
/// If `lambda` is not positive and finite.
pub fn poisson(lambda: f64) -> Result<Dist<rand_distr::Poisson<f64>>, Error> {
    rand_distr::Poisson::new(lambda)
        .map(Dist)
        .map_err(|e| invalid("poisson distribution", e))
}

/// Zipf over `1..=n` with exponent `s`.
///
/// # Errors
/// If `n < 1` or `s` is negative.
pub fn zipf(n: f64, s: f64) -> Result<Dist<rand_distr::Zipf<f64>>, Error> {
    rand_distr::Zipf::new(n, s)
        .map(Dist)
        .map_err(|e| invalid("zipf distribution", e))
}

/// Pareto with the given `scale` and `shape`.
///
/// # Errors
/// If either parameter is not positive.
pub fn pareto(scale: f64, shape: f64) -> Result<Dist<rand_distr::Pareto<f64>>, Error> {
    rand_distr::Pareto::new(scale, shape)
        .map(Dist)
        .map_err(|e| invalid("pareto distribution", e))
}

/// Beta with shape parameters `alpha` and `beta`.
///
/// # Errors
/// If either parameter is not positive.
pub fn beta(alpha: f64, beta: f64) -> Result<Dist<rand_distr::Beta<f64>>, Error> {
    rand_distr::Beta::new(alpha, beta)
        .map(Dist)
        .map_err(|e| invalid("beta distribution", e))
}

/// Gamma with the given `shape` and `scale`.
///
/// # Errors
/// If either parameter is not positive.
pub fn gamma(shape: f64, scale: f64) -> Result<Dist<rand_distr::Gamma<f64>>, Error> {
    rand_distr::Gamma::new(shape, scale)
        .map(Dist)
        .map_err(|e| invalid("gamma distribution", e))
}

/// Uniform over `[low, high)`, as a distribution (ranges are generators too: `low..high`).
///
/// # Errors
/// If `low >= high` or either is not finite.
pub fn uniform(low: f64, high: f64) -> Result<Dist<rand_distr::Uniform<f64>>, Error> {
    rand_distr::Uniform::new(low, high)
        .map(Dist)
        .map_err(|e| invalid("uniform distribution", e))
}

/// A numeric type a distribution's `f64` converts into.
pub trait FromF64 {
    /// Converts, rounding to nearest and saturating at the type's bounds for integers.
    fn from_f64(value: f64) -> Self;
}

impl FromF64 for f64 {
    #[inline]
    fn from_f64(value: f64) -> Self {
        value
    }
}

impl FromF64 for f32 {
    #[inline]
    fn from_f64(value: f64) -> Self {
        value as f32
    }
}

macro_rules! from_f64_int {
    ($($t:ty),*) => {$(
        impl FromF64 for $t {
            #[inline]
            fn from_f64(value: f64) -> Self {
                // `as` saturates at the bounds and maps NaN to 0.
                value.round() as $t
            }
        }
    )*};
}
from_f64_int!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_has_its_mean_and_spread() {
        let g = normal(100.0, 15.0).expect("valid parameters");
        let mut ctx = Ctx::seeded(11);
        let xs: Vec<f64> = (0..20_000).map(|_| g.generate(&mut ctx)).collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
        assert!((mean - 100.0).abs() < 0.5, "{mean}");
        assert!((var.sqrt() - 15.0).abs() < 0.5, "{}", var.sqrt());
    }

    #[test]
    fn bad_parameters_are_errors() {
        assert!(normal(0.0, -1.0).is_err());
        assert!(poisson(-1.0).is_err());
        assert!(zipf(0.0, 1.0).is_err());
        assert!(beta(0.0, 1.0).is_err());
        assert!(uniform(2.0, 1.0).is_err());
    }

    #[test]
    fn integers_round_and_saturate() {
        assert_eq!(u8::from_f64(300.0), 255);
        assert_eq!(u8::from_f64(-3.0), 0);
        assert_eq!(i32::from_f64(2.5), 3);
        let g = poisson(4.0).expect("valid parameters");
        let mut ctx = Ctx::seeded(12);
        let v: u32 = g.generate(&mut ctx);
        assert!(v < 100);
    }
}
