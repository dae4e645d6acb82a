//! Every kind of problem, each at the line and column of the offending key or value.

use super::{at, one, problems, with_fields};
use crate::ir::Span;

/// `with_fields(lines)` with one problem on `line` at `needle`.
#[track_caller]
fn field_problem(lines: &str, line: u32, needle: &str, message: &str, help: Option<&str>) {
    let text = with_fields(lines);
    one(&text, at(&text, line, needle), message, help);
}

#[test]
fn unknown_keys_at_every_level() {
    let text = format!("sed: 1\n{}", with_fields(""));
    one(
        &text,
        (1, 1),
        "unknown top-level key `sed`",
        Some("did you mean `seed`?"),
    );
    let text = "entities:\n  p:\n    rows: 10\n    rowz: 3\n    fields:\n      id: {key: true}\n";
    one(
        text,
        (4, 5),
        "unknown key `rowz` in entity `p`",
        Some("did you mean `rows`?"),
    );
    field_problem(
        "      age: {rnage: [18, 90]}\n",
        6,
        "rnage",
        "unknown field option `rnage`",
        Some("did you mean `range`?"),
    );
    field_problem(
        "      s: {normal: {mean: 1.0, std_dev: 1.0, sd: 2}}\n",
        6,
        "sd:",
        "unknown parameter `sd` in `normal` of field `s`",
        None,
    );
    field_problem(
        "      o: {offset: {from: id, dayz: [1, 2]}}\n",
        6,
        "dayz",
        "unknown option `dayz` in `offset` of field `o`",
        Some("did you mean `days`?"),
    );
}

#[test]
fn wrong_value_types() {
    let text = "entities:\n  p:\n    rows: many\n    fields:\n      id: {key: true}\n";
    one(
        text,
        (3, 11),
        "`rows` of entity `p` must be an integer, found the string `many`",
        None,
    );
    let text = "entities:\n  p:\n    rows: 1\n    fields: 3\n";
    one(
        text,
        (4, 13),
        "`fields` of entity `p` must be a mapping, found the integer 3",
        None,
    );
    let text = "entities: [a, b]\n";
    one(text, (1, 11), "`entities` must be a mapping", None);
    field_problem(
        "      x: 12\n",
        6,
        "12",
        "field `x` must be a mapping of options",
        None,
    );
    field_problem(
        "      x: {provider: [a]}\n",
        6,
        "[a]",
        "`provider` of field `x` must be a string, found a list",
        None,
    );
    field_problem(
        "      x: {range: 5}\n",
        6,
        "5",
        "`range` of field `x` must be a list `[lo, hi]`",
        None,
    );
    field_problem(
        "      x: {range: [1, 2, 3]}\n",
        6,
        "[1",
        "must be two bounds, found 3 items",
        None,
    );
    field_problem(
        "      x: {type: int, range: [1.5, 3]}\n",
        6,
        "1.5",
        "expected a value of type int, found the number 1.5",
        None,
    );
    field_problem(
        "      x: {unique: yes, key: true}\n",
        6,
        "yes",
        "`unique` of field `x` must be `true` or `false`",
        None,
    );
    let text = "seed: 99999999999999999999999999\nentities: {}\n";
    let diags = problems(text);
    assert!(diags[0].message.contains("too large"), "{diags:#?}");
    assert_eq!(diags[0].span, Span::at(1, 7));
}

#[test]
fn empty_and_inverted_ranges() {
    field_problem(
        "      age: {range: [90, 18]}\n",
        6,
        "[90",
        "empty range [90, 18] of field `age`",
        Some("write the smaller bound first"),
    );
    field_problem(
        "      d: {type: date, range: [\"2024-12-31\", \"2015-01-01\"]}\n",
        6,
        "[\"",
        "empty range [\"2024-12-31\", \"2015-01-01\"] of field `d`",
        None,
    );
    field_problem(
        "      f: {range: [2.0, 2.0]}\n",
        6,
        "[2",
        "empty range [2.0, 2.0) of field `f`",
        Some("excludes its upper bound"),
    );
    field_problem(
        "      c: {normal: {mean: 0, std_dev: 1}, clamp: [5, 1]}\n",
        6,
        "[5",
        "`clamp` of field `c`: empty range [5, 1]",
        None,
    );
}

#[test]
fn bad_dates_and_timestamps() {
    field_problem(
        "      d: {type: date, range: [\"2015-13-01\", \"2016-01-01\"]}\n",
        6,
        "\"2015",
        "`2015-13-01` is not a date",
        None,
    );
    field_problem(
        "      t: {type: timestamptz, range: [\"2024-01-01T00:00:00Z\", \"noon\"]}\n",
        6,
        "\"noon",
        "`noon` is not a timestamp with a zone",
        None,
    );
    field_problem(
        "      t: {type: time, range: [\"08:00:00\", \"25:00:00\"]}\n",
        6,
        "\"25",
        "`25:00:00` is not a time",
        None,
    );
    field_problem(
        "      d: {range: [\"2015-01-01\", \"2016-01-01\"]}\n",
        6,
        "\"2015",
        "the bounds of `range` of field `d` are strings",
        Some("add `type: date`"),
    );
}

#[test]
fn probabilities() {
    for rate in ["-0.1", "1.5"] {
        field_problem(
            &format!("      n: {{provider: person.first_name, null_rate: {rate}}}\n"),
            6,
            rate,
            &format!("`null_rate` of field `n` must be from 0 to 1, found {rate}"),
            None,
        );
    }
    field_problem(
        "      b: {type: bool, p: 2}\n",
        6,
        "2}",
        "`p` of field `b` must be from 0 to 1",
        None,
    );
}

#[test]
fn weights() {
    field_problem(
        "      tier: {one_of: [a, b], weights: [1, 2, 3]}\n",
        6,
        "[1",
        "field `tier` has 3 weights for 2 values",
        Some("one weight per"),
    );
    field_problem(
        "      tier: {one_of: [a, b], weights: [1, -2]}\n",
        6,
        "-2",
        "weight -2 is negative",
        None,
    );
    field_problem(
        "      tier: {one_of: [a, 1]}\n",
        6,
        "[a",
        "`one_of` of field `tier` mixes strings and numbers",
        None,
    );
    field_problem(
        "      tier: {provider: person.first_name, weights: [1]}\n",
        6,
        "weights",
        "`weights` does not apply to `provider`",
        None,
    );
}

#[test]
fn types_and_generators() {
    field_problem(
        "      x: {type: strng}\n",
        6,
        "strng",
        "unknown type `strng`",
        Some("did you mean `string`?"),
    );
    field_problem(
        "      x: {type: \"decimal(40,2)\"}\n",
        6,
        "\"dec",
        "invalid decimal type",
        None,
    );
    field_problem(
        "      x: {provider: person.first_name, regex: \"a\"}\n",
        6,
        "regex",
        "field `x` has two generators, `provider` and `regex`",
        Some("keep one"),
    );
    field_problem(
        "      x: {null_rate: 0.1}\n",
        6,
        "x:",
        "field `x` has no generator",
        None,
    );
    field_problem(
        "      x: {type: int, provider: person.first_name}\n",
        6,
        "type",
        "`provider` makes string values, so `type: int` does not apply",
        None,
    );
    field_problem(
        "      x: {provider: person.frist_name}\n",
        6,
        "person.frist",
        "unknown provider `person.frist_name`",
        Some("did you mean `person.first_name`?"),
    );
    field_problem(
        "      x: {regex: \"[a-\"}\n",
        6,
        "\"[a",
        "invalid regex `[a-`",
        None,
    );
    field_problem(
        "      x: {provider: person.first_name, unique: true}\n",
        6,
        "unique",
        "`unique` applies to keys, sequences, integer ranges, regexes",
        None,
    );
    field_problem(
        "      x: {normal: {mean: 1.0, std_dev: 1.0}, round: 2}\n",
        6,
        "round",
        "`round` is not supported yet",
        None,
    );
    field_problem(
        "      x: {normal: {mean: 1.0, std_dev: -1.0}}\n",
        6,
        "{mean",
        "invalid `normal` of field `x`",
        None,
    );
    field_problem(
        "      x: {type: \"decimal(5,2)\", range: [0.001, 1]}\n",
        6,
        "0.001",
        "0.001 has more than 2 decimals",
        None,
    );
}

#[test]
fn lookups_and_refs() {
    field_problem(
        "      e: {lookup: p.id}\n",
        6,
        "lookup",
        "lookup field `e` has no `by`",
        None,
    );
    field_problem(
        "      e: {provider: person.first_name, by: id}\n",
        6,
        "by",
        "`by` does not apply to `provider`",
        None,
    );
    field_problem(
        "      r: {ref: q.id}\n",
        6,
        "q.id",
        "field `r` refers to entity `q`, which does not exist",
        Some("did you mean `p.id`?"),
    );
    field_problem(
        "      r: {ref: p.idd}\n",
        6,
        "p.idd",
        "field `r` refers to `p.idd`, which does not exist",
        Some("did you mean `p.id`?"),
    );
    field_problem(
        "      r: {ref: pid}\n",
        6,
        "pid",
        "must name `entity.field`",
        None,
    );
    field_problem(
        "      r: {ref: {entity: p}}\n",
        6,
        "{entity: p}",
        "`ref` of field `r` needs both `entity` and `field`",
        Some("write for example `{entity: \"sales.person\", field: id}`"),
    );
    field_problem(
        "      n: {provider: person.first_name}\n      e: {lookup: p.n, by: id}\n",
        7,
        "id}",
        "`by: id` must be a `ref` field of `p` into `p`",
        None,
    );
    field_problem(
        "      e: {lookup: p.id, by: nope}\n",
        6,
        "nope",
        "`by` names `nope`, which is not a field of `p`",
        None,
    );
    field_problem(
        "      o: {fields: {r: {ref: p.id}}}\n",
        6,
        "ref",
        "`ref` works on an entity's own fields",
        None,
    );
    field_problem(
        "      a: {ref: p.b}\n      b: {ref: p.a}\n",
        6,
        "a:",
        "fields read each other in a cycle: p.a -> p.b -> p.a",
        None,
    );
}

#[test]
fn templates_offsets_and_cycles() {
    field_problem(
        "      name: {provider: person.first_name}\n      t: {template: \"{nme}@x\"}\n",
        7,
        "\"{nme",
        "field `t`: the template names `nme`, which is not a field here",
        Some("did you mean `name`?"),
    );
    field_problem(
        "      t: {template: \"{id|shout}\"}\n",
        6,
        "\"{id",
        "unknown filter `shout`",
        None,
    );
    field_problem(
        "      a: {template: \"{b}\"}\n      b: {template: \"x{a}\"}\n",
        6,
        "a:",
        "fields of `p` depend on each other in a cycle: a -> b -> a",
        Some("break the cycle"),
    );
    field_problem(
        "      c: {offset: {from: d, range: [1, 2]}}\n      d: {offset: {from: c, range: [1, 2]}}\n",
        6,
        "c:",
        "cycle: c -> d -> c",
        None,
    );
    field_problem(
        "      o: {offset: {from: nope, days: [1, 2]}}\n",
        6,
        "nope",
        "field `o`: `offset.from` names `nope`, which is not a field here",
        None,
    );
    field_problem(
        "      d: {type: date}\n      e: {offset: {from: d, seconds: [1, 2]}}\n",
        7,
        "[1",
        "`seconds` does not apply to `from` field `d`, a date",
        Some("offset a date by `days`"),
    );
    field_problem(
        "      d: {type: date}\n      e: {offset: {from: d, days: [5, 1]}}\n",
        7,
        "[5",
        "empty range [5, 1]",
        None,
    );
}
