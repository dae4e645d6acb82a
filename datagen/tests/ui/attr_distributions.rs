use datagen::prelude::*;

#[derive(Generate)]
struct Customer {
    #[datagen(normal(mean = 100.0))]
    a: f64,
    #[datagen(normal(mean = 100.0, stddev = 15.0))]
    b: f64,
    #[datagen(normal(mean = 100.0, std_dev = -1.0))]
    c: f64,
    #[datagen(poisson(lambda = 0))]
    d: u32,
    #[datagen(uniform(low = 2.0, high = 1.0))]
    e: f64,
    #[datagen(exponential = 2.0)]
    f: f64,
    #[datagen(gamma(shape = "two", scale = 1.0))]
    g: f64,
    #[datagen(zipf(n = 0, s = 1.0, s = 2.0))]
    h: u32,
    #[datagen(pareto)]
    i: f64,
}

#[derive(Generate)]
struct NotANumber {
    #[datagen(beta(alpha = 1.0, beta = 1.0))]
    h: String,
}

fn main() {}
