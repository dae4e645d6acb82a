//! Field path keys come from a cache in the context (`Ctx::__field_keys`): whatever order types
//! are generated in, nested or at the top level, values equal the uncached `generate_at`.

use datagen::prelude::*;

#[derive(Generate, Debug, Clone, PartialEq)]
struct Inner {
    #[datagen(range = 1..=1000)]
    a: u32,
    #[datagen(provider = "person.first_name")]
    name: String,
    #[datagen(template = "{name|upper}-{a}")]
    tag: String,
}

#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "outer")]
struct Outer {
    #[datagen(key)]
    id: u64,
    inner: Inner,
    #[datagen(len = 0..=4)]
    items: Vec<Inner>,
    #[datagen(null_rate = 0.5)]
    maybe: Option<Inner>,
    #[datagen(provider = "address.city")]
    city: String,
}

/// Shares the entity and some field names with `Outer`, in another order.
#[derive(Generate, Debug, Clone, PartialEq)]
#[datagen(entity = "outer")]
struct OuterView {
    #[datagen(provider = "address.city")]
    city: String,
    #[datagen(key)]
    id: u64,
    inner: Inner,
}

#[derive(Generate, Debug, Clone, PartialEq)]
enum Shape {
    Dot,
    Box { w: u16, h: u16, label: Inner },
}

#[test]
fn interleaved_generation_equals_generate_at() {
    let base = Ctx::seeded(11);
    let mut ctx = base.clone();
    for row in 0..300u64 {
        // Four types, one of them also nested in the others, in a changing order.
        let order = row % 3;
        if order == 0 {
            assert_eq!(Inner::generate(&mut ctx), Inner::generate_at(&base, row));
        }
        let outer = Outer::generate(&mut ctx);
        assert_eq!(outer, Outer::generate_at(&base, row), "row {row}");
        // Same entity, same field names: same values. (The two types share the entity's row
        // counter, so the view is taken at the row, not from the sequence.)
        let view = OuterView::generate_at(&base, row);
        assert_eq!(
            (view.id, &view.city, &view.inner),
            (outer.id, &outer.city, &outer.inner)
        );
        assert_eq!(Shape::generate(&mut ctx), Shape::generate_at(&base, row));
        if order != 0 {
            assert_eq!(Inner::generate(&mut ctx), Inner::generate_at(&base, row));
        }
    }
}

#[test]
fn types_sharing_an_entity_share_its_rows() {
    // `Outer` and `OuterView` draw from one row sequence, in the order they are generated, with
    // their own cached keys.
    let base = Ctx::seeded(5);
    let mut ctx = base.clone();
    for row in (0..200u64).step_by(2) {
        assert_eq!(Outer::generate(&mut ctx), Outer::generate_at(&base, row));
        assert_eq!(
            OuterView::generate(&mut ctx),
            OuterView::generate_at(&base, row + 1)
        );
    }
}

#[test]
fn a_cloned_context_continues_alike() {
    let mut ctx = Ctx::seeded(3);
    for _ in 0..5 {
        let _ = Outer::generate(&mut ctx);
    }
    let mut copy = ctx.clone();
    for _ in 0..50 {
        assert_eq!(Outer::generate(&mut ctx), Outer::generate(&mut copy));
    }
}
