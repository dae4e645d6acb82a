//! Run-pass tests of the type-level attributes (`entity`, variant `weight`) and of the shapes the
//! derive accepts: tuple and unit structs, enums with every variant kind, generics, raw names.

use std::collections::HashMap;

use datagen::prelude::*;

#[test]
fn attr_entity() {
    #[derive(Generate, Debug, PartialEq)]
    #[datagen(entity = "person")]
    struct A {
        #[datagen(range = 0..1_000_000)]
        n: u32,
    }
    #[derive(Generate, Debug, PartialEq)]
    #[datagen(entity = "person")]
    struct B {
        #[datagen(range = 0..1_000_000)]
        n: u32,
    }
    #[derive(Generate, Debug, PartialEq)]
    struct Person {
        #[datagen(range = 0..1_000_000)]
        n: u32,
    }
    assert_eq!(<A as Entity>::ENTITY, "person");
    assert_eq!(<Person as Entity>::ENTITY, "Person");
    let ctx = Ctx::seeded(1);
    for i in 0..50 {
        // The same entity and field name give the same stream; another entity ("Person" is not
        // "person") another one.
        assert_eq!(A::generate_at(&ctx, i).n, B::generate_at(&ctx, i).n);
        assert_ne!(A::generate_at(&ctx, i).n, Person::generate_at(&ctx, i).n);
    }
    assert_ne!(A::generate_at(&ctx, 0), A::generate_at(&ctx, 1));
}

#[test]
fn attr_weight() {
    #[derive(Generate, Debug, PartialEq, Eq, Hash, Clone, Copy)]
    enum Size {
        #[datagen(weight = 1)]
        Small,
        #[datagen(weight = 3)]
        Medium,
        Large,
        #[datagen(weight = 0)]
        Never,
    }
    let mut ctx = Ctx::seeded(2);
    let mut counts: HashMap<Size, usize> = HashMap::new();
    for _ in 0..10_000 {
        *counts.entry(Size::generate(&mut ctx)).or_default() += 1;
    }
    assert!(!counts.contains_key(&Size::Never));
    let small = counts[&Size::Small];
    let medium = counts[&Size::Medium];
    assert!((1_800..2_200).contains(&small), "{counts:?}");
    assert!((5_700..6_300).contains(&medium), "{counts:?}");
    assert!((1_800..2_200).contains(&counts[&Size::Large]), "{counts:?}");
}

#[derive(Generate, Debug, PartialEq, Clone)]
enum Shape {
    Empty,
    Circle(#[datagen(range = 1.0..10.0)] f64),
    Rect {
        #[datagen(range = 1..=5)]
        w: u8,
        #[datagen(one_of = [2, 4])]
        h: u8,
        #[datagen(template = "{w}x{h}")]
        label: String,
        #[datagen(null_rate = 0.5)]
        note: Option<u8>,
    },
}

#[test]
fn enums_with_every_variant_kind() {
    let mut ctx = Ctx::seeded(3);
    let shapes: Vec<Shape> = (0..3_000).map(|_| Shape::generate(&mut ctx)).collect();
    let empty = shapes.iter().filter(|s| **s == Shape::Empty).count();
    assert!((900..1_100).contains(&empty), "{empty}");
    for shape in &shapes {
        match shape {
            Shape::Empty => {}
            Shape::Circle(r) => assert!((1.0..10.0).contains(r)),
            Shape::Rect { w, h, label, note } => {
                assert!((1..=5).contains(w) && [2, 4].contains(h));
                assert_eq!(*label, format!("{w}x{h}"));
                let _ = note;
            }
        }
    }
    let ctx = Ctx::seeded(3);
    assert_eq!(Shape::generate_at(&ctx, 17), shapes[17]);
}

#[test]
fn tuple_unit_and_generic_structs() {
    #[derive(Generate, Debug, PartialEq)]
    struct Pair(
        #[datagen(key)] u64,
        #[datagen(range = 0..10)] u8,
        #[datagen(template = "#{0}-{1}")] String,
    );
    #[derive(Generate, Debug, PartialEq)]
    struct Marker;
    #[derive(Generate, Debug, PartialEq)]
    struct Wrapper<T, const N: usize>
    where
        T: Clone,
    {
        items: [T; N],
        #[datagen(len = 2)]
        more: Vec<T>,
    }
    let mut ctx = Ctx::seeded(4);
    let pair = Pair::generate(&mut ctx);
    assert_eq!(pair.0, 1);
    assert_eq!(pair.2, format!("#1-{}", pair.1));
    assert_eq!(Marker::generate(&mut ctx), Marker);
    let w = Wrapper::<u16, 3>::generate(&mut ctx);
    assert_eq!(w.more.len(), 2);
    assert_eq!(<Wrapper<u8, 1> as Entity>::ENTITY, "Wrapper");
}

#[test]
fn raw_identifiers_and_keywords() {
    #[derive(Generate, Debug)]
    struct Row {
        #[datagen(range = 1..=3)]
        r#type: u8,
        #[datagen(range = 1..=3)]
        r#gen: u8,
        #[datagen(template = "{type}/{gen}")]
        both: String,
    }
    let row = Row::generate(&mut Ctx::seeded(5));
    assert_eq!(row.both, format!("{}/{}", row.r#type, row.r#gen));
}

#[test]
fn nested_entities_are_values_of_the_field_path() {
    #[derive(Generate, Debug, PartialEq, Clone)]
    struct Inner {
        #[datagen(key)]
        id: u64,
        #[datagen(range = 0..1_000_000)]
        n: u32,
    }
    #[derive(Generate, Debug, PartialEq)]
    struct Outer {
        a: Inner,
        b: Inner,
        #[datagen(len = 2)]
        list: Vec<Inner>,
        shape: Shape,
    }
    let ctx = Ctx::seeded(6);
    let outer = Outer::generate_at(&ctx, 9);
    // A nested key is the outer row's key; nested values differ by path.
    assert_eq!((outer.a.id, outer.b.id), (10, 10));
    assert_ne!(outer.a.n, outer.b.n);
    assert_ne!(outer.list[0], outer.list[1]);
    assert_ne!(outer.a, Inner::generate_at(&ctx, 9));
}

#[test]
fn empty_shapes_and_generic_enums() {
    #[derive(Generate, Debug, PartialEq)]
    struct Braced {}
    #[derive(Generate, Debug, PartialEq)]
    struct Parens();
    #[derive(Generate, Debug, PartialEq)]
    enum Either<L, R> {
        Left(L),
        Right { value: R },
        Nothing(),
        Empty {},
    }
    let mut ctx = Ctx::seeded(7);
    assert_eq!(Braced::generate(&mut ctx), Braced {});
    assert_eq!(Parens::generate(&mut ctx), Parens());
    let values: Vec<Either<u8, bool>> = (0..400).map(|_| Either::generate(&mut ctx)).collect();
    assert!(values.contains(&Either::Nothing()) && values.contains(&Either::Empty {}));
    assert!(values.iter().any(|v| matches!(v, Either::Left(_))));
    assert!(values.iter().any(|v| matches!(v, Either::Right { .. })));
}
