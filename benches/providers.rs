//! Micro-benchmarks of the provider families (divan), one group per family:
//! `cargo bench -p datagen-providers --bench providers`.

use datagen_core::Ctx;
use datagen_providers::{
    address, company, finance, geo, healthcare, internet, lorem, person, phone, retail, tech, time,
};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// Draws enough values to parse the provider's tables, which happens once per process: the
/// benchmarks measure the draws that follow.
fn warm_up<R>(ctx: &mut Ctx, mut draw: impl FnMut(&mut Ctx) -> R) {
    for _ in 0..1_000 {
        black_box(draw(ctx));
    }
}

/// Draws from a `write_*` provider into one reused buffer, as a formatter does.
fn bench_write(bencher: Bencher<'_, '_>, f: fn(&mut Ctx, &mut String)) {
    let mut ctx = Ctx::seeded(1);
    let mut out = String::with_capacity(64);
    warm_up(&mut ctx, |ctx| {
        out.clear();
        f(ctx, &mut out);
    });
    bencher.bench_local(|| {
        out.clear();
        f(&mut ctx, &mut out);
        black_box(out.len())
    });
}

/// Draws from a word-list provider.
fn bench_word(bencher: Bencher<'_, '_>, f: fn(&mut Ctx) -> &'static str) {
    let mut ctx = Ctx::seeded(1);
    warm_up(&mut ctx, f);
    bencher.bench_local(|| black_box(f(&mut ctx)));
}

mod person_family {
    use super::*;

    #[divan::bench]
    fn first_name(b: Bencher<'_, '_>) {
        bench_word(b, person::first_name);
    }
    #[divan::bench]
    fn last_name(b: Bencher<'_, '_>) {
        bench_word(b, person::last_name);
    }
    #[divan::bench]
    fn name(b: Bencher<'_, '_>) {
        bench_write(b, person::write_name);
    }
    #[divan::bench]
    fn ssn(b: Bencher<'_, '_>) {
        bench_write(b, person::write_ssn);
    }
}

mod address_family {
    use super::*;

    #[divan::bench]
    fn street(b: Bencher<'_, '_>) {
        bench_write(b, address::write_street);
    }
    #[divan::bench]
    fn city(b: Bencher<'_, '_>) {
        bench_word(b, address::city);
    }
    #[divan::bench]
    fn postcode(b: Bencher<'_, '_>) {
        bench_write(b, address::write_postcode);
    }
    #[divan::bench]
    fn address(b: Bencher<'_, '_>) {
        bench_write(b, address::write_address);
    }
}

mod phone_family {
    use super::*;

    #[divan::bench]
    fn number(b: Bencher<'_, '_>) {
        bench_write(b, phone::write_number);
    }
}

mod internet_family {
    use super::*;

    #[divan::bench]
    fn email(b: Bencher<'_, '_>) {
        bench_write(b, internet::write_email);
    }
    #[divan::bench]
    fn ipv4(b: Bencher<'_, '_>) {
        bench_write(b, internet::write_ipv4);
    }
    #[divan::bench]
    fn user_agent(b: Bencher<'_, '_>) {
        bench_write(b, internet::write_user_agent);
    }
}

mod finance_family {
    use super::*;

    #[divan::bench]
    fn iban(b: Bencher<'_, '_>) {
        bench_write(b, finance::write_iban);
    }
    #[divan::bench]
    fn credit_card(b: Bencher<'_, '_>) {
        bench_write(b, finance::write_credit_card);
    }
    #[divan::bench]
    fn routing_number(b: Bencher<'_, '_>) {
        bench_write(b, finance::write_routing_number);
    }
    #[divan::bench]
    fn amount(b: Bencher<'_, '_>) {
        bench_write(b, finance::write_amount);
    }
    #[divan::bench]
    fn currency_code(b: Bencher<'_, '_>) {
        bench_word(b, finance::currency_code);
    }
    #[divan::bench]
    fn bic(b: Bencher<'_, '_>) {
        bench_word(b, finance::bic);
    }
}

mod healthcare_family {
    use super::*;

    #[divan::bench]
    fn npi(b: Bencher<'_, '_>) {
        bench_write(b, healthcare::write_npi);
    }
    #[divan::bench]
    fn icd10(b: Bencher<'_, '_>) {
        bench_word(b, healthcare::icd10);
    }
    #[divan::bench]
    fn blood_pressure(b: Bencher<'_, '_>) {
        bench_write(b, healthcare::write_blood_pressure);
    }
    #[divan::bench]
    fn drug(b: Bencher<'_, '_>) {
        bench_word(b, healthcare::drug);
    }
}

mod retail_family {
    use super::*;

    #[divan::bench]
    fn ean13(b: Bencher<'_, '_>) {
        bench_write(b, retail::write_ean13);
    }
    #[divan::bench]
    fn isbn13(b: Bencher<'_, '_>) {
        bench_write(b, retail::write_isbn13);
    }
    #[divan::bench]
    fn product_name(b: Bencher<'_, '_>) {
        bench_write(b, retail::write_product_name);
    }
    #[divan::bench]
    fn price(b: Bencher<'_, '_>) {
        bench_write(b, retail::write_price);
    }
}

mod tech_family {
    use super::*;

    #[divan::bench]
    fn uuid(b: Bencher<'_, '_>) {
        bench_write(b, tech::write_uuid);
    }
    #[divan::bench]
    fn uuid_v7(b: Bencher<'_, '_>) {
        bench_write(b, tech::write_uuid_v7);
    }
    #[divan::bench]
    fn ulid(b: Bencher<'_, '_>) {
        bench_write(b, tech::write_ulid);
    }
    #[divan::bench]
    fn http_status(b: Bencher<'_, '_>) {
        bench_word(b, tech::http_status);
    }
}

mod time_family {
    use super::*;

    #[divan::bench]
    fn datetime(b: Bencher<'_, '_>) {
        bench_write(b, time::write_datetime);
    }
    #[divan::bench]
    fn duration(b: Bencher<'_, '_>) {
        bench_write(b, time::write_duration);
    }
    #[divan::bench]
    fn timezone(b: Bencher<'_, '_>) {
        bench_word(b, time::timezone);
    }
}

mod geo_family {
    use super::*;

    #[divan::bench]
    fn point(b: Bencher<'_, '_>) {
        bench_write(b, geo::write_point);
    }
}

mod lorem_family {
    use super::*;

    #[divan::bench]
    fn word(b: Bencher<'_, '_>) {
        bench_word(b, lorem::word);
    }
    #[divan::bench]
    fn sentence(b: Bencher<'_, '_>) {
        bench_write(b, lorem::write_sentence);
    }
}

mod company_family {
    use super::*;

    #[divan::bench]
    fn name(b: Bencher<'_, '_>) {
        bench_write(b, company::write_name);
    }
    #[divan::bench]
    fn job_title(b: Bencher<'_, '_>) {
        bench_word(b, company::job_title);
    }
}

/// The localized providers in every locale: each locale's tables are their own.
mod locale_family {
    use super::*;
    use datagen_core::Locale;

    /// Draws from a `write_*` provider in `locale` into one reused buffer.
    fn bench_write_in(bencher: Bencher<'_, '_>, locale: Locale, f: fn(&mut Ctx, &mut String)) {
        let mut ctx = Ctx::seeded(1).with_locale(locale);
        let mut out = String::with_capacity(96);
        warm_up(&mut ctx, |ctx| {
            out.clear();
            f(ctx, &mut out);
        });
        bencher.bench_local(|| {
            out.clear();
            f(&mut ctx, &mut out);
            black_box(out.len())
        });
    }

    #[divan::bench(args = Locale::ALL)]
    fn first_name(b: Bencher<'_, '_>, locale: Locale) {
        let mut ctx = Ctx::seeded(1).with_locale(locale);
        warm_up(&mut ctx, person::first_name);
        b.bench_local(|| black_box(person::first_name(&mut ctx)));
    }
    #[divan::bench(args = Locale::ALL)]
    fn address(b: Bencher<'_, '_>, locale: Locale) {
        bench_write_in(b, locale, address::write_address);
    }
    #[divan::bench(args = Locale::ALL)]
    fn phone_number(b: Bencher<'_, '_>, locale: Locale) {
        bench_write_in(b, locale, phone::write_number);
    }
}
