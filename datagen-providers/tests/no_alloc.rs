//! The hot providers allocate nothing per draw: word lists borrow from their tables, composed
//! providers write into the caller's buffer (`write_*`), the coherent address included.

use allocation_counter::measure;
use datagen_core::{Ctx, Locale};
use datagen_providers::{address, healthcare, internet, person, phone};

/// A word-list provider: it returns a value borrowed from its table.
type Word = fn(&mut Ctx) -> &'static str;
/// A composed provider: it appends to the caller's buffer.
type Writer = fn(&mut Ctx, &mut String);

/// Word-list providers, returning a borrowed value.
const WORDS: [(&str, Word); 6] = [
    ("person.first_name", person::first_name),
    ("person.last_name", person::last_name),
    ("address.city", address::city),
    ("address.state", address::state),
    ("address.country", address::country),
    ("healthcare.icd10", healthcare::icd10),
];

/// Composed providers writing into a buffer.
const WRITERS: [(&str, Writer); 7] = [
    ("person.name", person::write_name),
    ("address.street", address::write_street),
    ("address.postcode", address::write_postcode),
    ("address.address", address::write_address),
    ("phone.number", phone::write_number),
    ("internet.email", internet::write_email),
    ("internet.username", internet::write_username),
];

#[test]
fn hot_providers_allocate_nothing_per_draw() {
    // The counter sees allocations: the `String`-returning form allocates its result.
    let mut ctx = Ctx::seeded(3);
    let info = measure(|| {
        std::hint::black_box(address::address(&mut ctx));
    });
    assert!(
        info.count_total > 0,
        "the allocation counter is not installed"
    );
    for locale in Locale::ALL {
        let mut ctx = Ctx::seeded(3).with_locale(locale);
        let mut out = String::with_capacity(256);
        // The first draws parse the tables (once per process).
        for _ in 0..200 {
            for (_, f) in WORDS {
                f(&mut ctx);
            }
            for (_, f) in WRITERS {
                out.clear();
                f(&mut ctx, &mut out);
            }
        }
        for (name, f) in WORDS {
            let info = measure(|| {
                for _ in 0..5_000 {
                    std::hint::black_box(f(&mut ctx));
                }
            });
            assert_eq!(info.count_total, 0, "{name} ({locale}) allocated");
        }
        for (name, f) in WRITERS {
            let info = measure(|| {
                for _ in 0..5_000 {
                    out.clear();
                    f(&mut ctx, &mut out);
                }
            });
            assert_eq!(info.count_total, 0, "{name} ({locale}) allocated");
        }
    }
}
