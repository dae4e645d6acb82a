//! No input makes the reader panic: malformed, truncated, mutated and hostile documents.

use super::{CONTRACT, CONTRACT_JSON};
use crate::config::{is_native_config, parse};

/// Parses `text`, which must not panic; every problem must have a position and a message.
fn survives(text: &str) {
    let (_, diags) = parse(text, None);
    for d in &diags {
        assert!(!d.message.is_empty(), "{text:?}");
    }
    let _ = is_native_config(text);
}

#[test]
fn malformed_inputs_do_not_panic() {
    let inputs = [
        "",
        " ",
        "\n\n\n",
        "#",
        "---",
        "...",
        "~",
        "null",
        "42",
        "-1",
        "[]",
        "{}",
        "[[[[[[",
        "]]]]",
        "{{{{",
        "entities",
        "entities:",
        "entities: 3",
        "entities: ~",
        "entities: [1, 2]",
        "entities: {p: 3}",
        "entities: {p: []}",
        "entities: {p: {rows: -1, fields: []}}",
        "entities: {p: {rows: 1e300, fields: {}}}",
        "entities: {p: {rows: 18446744073709551616, fields: {a: 1}}}",
        "entities: {p: {rows: 1, fields: {a: []}}}",
        "entities: {p: {rows: 1, fields: {a: {}}}}",
        "entities: {p: {rows: 1, fields: {a: {range: []}}}}",
        "entities: {p: {rows: 1, fields: {a: {range: [{}, []]}}}}",
        "entities: {p: {rows: 1, fields: {a: {range: [-9223372036854775808, 9223372036854775807]}}}}",
        "entities: {p: {rows: 1, fields: {a: {range: [-1e400, 1e400]}}}}",
        "entities: {p: {rows: 1, fields: {a: {range: [.nan, .inf]}}}}",
        "entities: {p: {rows: 1, fields: {a: {type: \"decimal(38,38)\", range: [0, 1e30]}}}}",
        "entities: {p: {rows: 1, fields: {a: {type: \"decimal(18,0)\", range: [1e999999999999, 1]}}}}",
        "entities: {p: {rows: 1, fields: {a: {type: \"decimal(18,18)\", range: [1e-99999, 1]}}}}",
        "entities: {p: {rows: 1, fields: {a: {type: date, range: [\"9999-12-31\", \"+262143-01-01\"]}}}}",
        "entities: {p: {rows: 1, fields: {a: {type: timestamp, range: [\"0001-01-01\", \"9999-12-31T23:59:59.999999999Z\"]}}}}",
        "entities: {p: {rows: 1, fields: {a: {type: \"decimal(\"}}}}",
        "entities: {p: {rows: 1, fields: {a: {type: \"decimal(,)\"}}}}",
        "entities: {p: {rows: 1, fields: {a: {one_of: []}}}}",
        "entities: {p: {rows: 1, fields: {a: {one_of: [[1], {b: 2}]}}}}",
        "entities: {p: {rows: 1, fields: {a: {one_of: [1], weights: 3}}}}",
        "entities: {p: {rows: 1, fields: {a: {one_of: [1], weights: [.nan]}}}}",
        "entities: {p: {rows: 1, fields: {a: {zipf: {n: 1e300, s: 1}}}}}",
        "entities: {p: {rows: 1, fields: {a: {zipf: {n: -3, s: 1}}}}}",
        "entities: {p: {rows: 1, fields: {a: {normal: 3}}}}",
        "entities: {p: {rows: 1, fields: {a: {normal: {}}}}}",
        "entities: {p: {rows: 1, fields: {a: {template: \"{\"}}}}",
        "entities: {p: {rows: 1, fields: {a: {template: \"}\"}}}}",
        "entities: {p: {rows: 1, fields: {a: {template: \"{|}\"}}}}",
        "entities: {p: {rows: 1, fields: {a: {template: \"{a}\"}}}}",
        "entities: {p: {rows: 1, fields: {a: {template: \"{é|ü}}{{\"}}}}",
        "entities: {p: {rows: 1, fields: {a: {regex: \"(((((\"}}}}",
        "entities: {p: {rows: 1, fields: {a: {ref: .}}}}",
        "entities: {p: {rows: 1, fields: {a: {ref: p.a}}}}",
        "entities: {p: {rows: 1, fields: {a: {lookup: p.a, by: a}}}}",
        "entities: {p: {rows: 1, fields: {a: {offset: {from: a, days: 1}}}}}",
        "entities: {p: {rows: 1, fields: {a: {offset: {from: a, days: [1]}}}}}",
        "entities: {p: {rows: 1, fields: {a: {offset: 5}}}}",
        "entities: {p: {rows: 1, fields: {a: {array: {item: {array: {}}}}}}}",
        "entities: {p: {rows: 1, fields: {a: {array: {len: [3, 1], item: 4}}}}}",
        "entities: {p: {rows: 1, fields: {a: {fields: {}}}}}",
        "entities: {p: {rows: 1, fields: {a: {fields: {b: {offset: {from: c, days: 1}}, c: {offset: {from: b, days: 1}}}}}}}",
        "entities: {p: {rows: 1, fields: {? [a, b] : {key: true}}}}",
        "entities: {p: {rows: 1, fields: {null: {key: true}}}}",
        "entities: {p: {rows: 1, fields: {1: {key: true}, true: {key: true}}}}",
        "entities: {p: {rows: 1, fields: {a: !!str {key: true}}}}",
        "entities: {p: {rows: 1, fields: {a: !custom {key: true}}}}",
        "entities: &a {p: {rows: 1, fields: {a: *a}}}",
        "entities: {p: &x {rows: 1, fields: {a: {key: true}}}, q: *x, r: *x}",
        "entities: {p: {rows: 1, fields: {a: *nope}}}",
        "a: b: c",
        "entities:\n\t- tab",
        "entities:\n  p:\n  rows: 3\n fields: 2",
        "\u{feff}entities: {}",
        "entities: {p: {rows: 1, fields: {a: {provider: \"\u{0}\"}}}}",
        "%YAML 1.2\n---\nentities: {}",
        "%TAG ! tag:x,2000:\n--- !a\nentities: {}",
        "- a\n- b\n---\n- c",
        "entities: |\n  text\n",
        "entities: >\n  text\n",
        "'unterminated",
        "\"unterminated",
        "entities: {p: {rows: 1, fields: {a: {const: [1, 2]}}}}",
        "entities: {p: {rows: 1, fields: {a: {const: 1, type: uuid}}}}",
        "entities: {p: {rows: 1, fields: {a: {const: x, type: bytes}}}}",
        "entities: {p: {rows: 1, fields: {a: {type: bytes, len: 99999999999}}}}",
        "entities: {p: {rows: 1, fields: {a: {key: {start: 9223372036854775808}}}}}",
        "entities: {p: {rows: 1, fields: {a: {sequence: {start: 1, step: 1e20}}}}}",
    ];
    for text in inputs {
        survives(text);
    }
}

#[test]
fn deep_nesting_and_alias_bombs_are_refused() {
    for depth in [200, 10_000, 100_000] {
        survives(&"[".repeat(depth));
        survives(&format!("entities: {}", "{a: ".repeat(depth)));
        let nested = format!("{}{}", "{a: ".repeat(depth), "}".repeat(depth));
        survives(&nested);
        let block: String = (0..depth.min(2000))
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        survives(&block);
    }
    // Each level doubles the size: 2^40 values if expanded naively.
    let mut bomb = String::from("a: &a0 [x, x]\n");
    for i in 1..40 {
        bomb.push_str(&format!("a{i}: &a{i} [*a{}, *a{}]\n", i - 1, i - 1));
    }
    bomb.push_str("entities: *a39\n");
    let (_, diags) = parse(&bomb, None);
    assert!(!diags.is_empty());
}

#[test]
fn truncated_and_mutated_configs_do_not_panic() {
    for text in [CONTRACT, CONTRACT_JSON] {
        // Every prefix.
        for (i, _) in text.char_indices() {
            survives(&text[..i]);
        }
        // Every line removed.
        let lines: Vec<&str> = text.lines().collect();
        for skip in 0..lines.len() {
            let t: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| *l)
                .collect();
            survives(&t.join("\n"));
        }
        // Characters replaced by YAML's special characters, deterministically.
        let specials = [
            '{', '}', '[', ']', ':', ',', '-', '"', '\'', '#', '&', '*', '!', '|', '>', '%', '@',
            '`', ' ', '\n', '\t', '?', '0', '.',
        ];
        let chars: Vec<char> = text.chars().collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for round in 0..1500 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let mut t = chars.clone();
            for k in 0..(1 + round % 4) {
                let r = state.rotate_left(17 * k);
                let at = usize::try_from(r >> 33).unwrap_or(0) % t.len();
                t[at] = specials[usize::try_from(r % 24).unwrap_or(0)];
            }
            survives(&t.into_iter().collect::<String>());
        }
    }
}
