//! The per-chunk JSON and JSON Lines encoders against the row-at-a-time path on thousands of
//! random tables: every column type, nulls anywhere, escapes and non-ASCII in keys and values,
//! values longer than the copy blocks and row buffer, up to 300 columns, 0 to 11 rows.

use datagen_engine::ir::DataType;
use datagen_engine::{Chunk, Column, ColumnSchema, Strings, TableSchema, Values};
use datagen_sinks::format::TextFormat;
use datagen_sinks::text::{Json, JsonLines};

/// xorshift64: a fixed sequence of tables.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Up to `max` characters: plain letters, or a mix of escapes, controls and non-ASCII.
fn rand_str(r: &mut Rng, max: usize) -> String {
    let len = r.below(max as u64 + 1) as usize;
    let alphabet: Vec<char> = "abcXYZ 012é€😀\"\\\n\t\u{1}\u{7f}\u{2028}"
        .chars()
        .collect();
    // mostly plain
    let plain = r.below(3) != 0;
    (0..len)
        .map(|_| {
            if plain {
                (b'a' + r.below(26) as u8) as char
            } else {
                alphabet[r.below(alphabet.len() as u64) as usize]
            }
        })
        .collect()
}

/// The values as one string column.
fn strings(v: &[String]) -> Strings {
    let mut s = Strings::default();
    s.offsets.push(0);
    for x in v {
        s.push(x);
    }
    s
}

/// `encode_rows` writes what `encode_row` writes row by row, with the same row ends.
fn check(format: &dyn TextFormat, table: &TableSchema, chunk: &Chunk) {
    let mut fast = b"pre".to_vec();
    let mut ends = Vec::new();
    format.encode_rows(table, chunk, &mut fast, &mut ends);
    let mut slow = b"pre".to_vec();
    let mut slow_ends = Vec::new();
    for row in 0..chunk.len {
        format.encode_row(table, chunk, row, &mut slow);
        slow_ends.push(slow.len());
    }
    if fast != slow {
        let f = String::from_utf8_lossy(&fast);
        let s = String::from_utf8_lossy(&slow);
        let i = f
            .chars()
            .zip(s.chars())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "differ at char {i}:\nfast: {}\nslow: {}",
            f.chars()
                .skip(i.saturating_sub(40))
                .take(120)
                .collect::<String>(),
            s.chars()
                .skip(i.saturating_sub(40))
                .take(120)
                .collect::<String>()
        );
    }
    assert_eq!(ends, slow_ends);
}

#[test]
fn random_tables() {
    let mut r = Rng(0x1234_5678_9abc_def1);
    for iter in 0..3000 {
        let rows = r.below(12) as usize;
        let ncols = r.below(if iter % 50 == 0 { 300 } else { 8 }) as usize;
        let mut table = TableSchema {
            name: "t".into(),
            columns: vec![],
            document: false,
            avro_schema: None,
        };
        let mut chunk = Chunk {
            start: 0,
            len: rows,
            columns: vec![],
        };
        for c in 0..ncols {
            let name = if r.below(4) == 0 {
                rand_str(&mut r, 70)
            } else {
                format!("c{c}")
            };
            let kind = r.below(10);
            let big = r.below(10) == 0;
            let (ty, values) = match kind {
                0 => (
                    DataType::Int,
                    Values::Int((0..rows).map(|_| r.next() as i64 >> r.below(64)).collect()),
                ),
                1 => (
                    DataType::Float,
                    Values::Float(
                        (0..rows)
                            .map(|_| match r.below(5) {
                                0 => f64::NAN,
                                1 => f64::from_bits(r.next()),
                                _ => (r.next() as i64) as f64 / 1e6,
                            })
                            .collect(),
                    ),
                ),
                2 => (
                    DataType::String,
                    Values::Str(strings(
                        &(0..rows)
                            .map(|_| rand_str(&mut r, if big { 9000 } else { 40 }))
                            .collect::<Vec<_>>(),
                    )),
                ),
                3 => (
                    DataType::Date,
                    Values::Date(
                        (0..rows)
                            .map(|_| {
                                if r.below(4) == 0 {
                                    r.next() as i32
                                } else {
                                    (r.below(4_000_000) as i32) - 800_000
                                }
                            })
                            .collect(),
                    ),
                ),
                4 => (
                    DataType::Time,
                    Values::Time((0..rows).map(|_| r.next() as i64 >> r.below(30)).collect()),
                ),
                5 => (
                    if r.below(2) == 0 {
                        DataType::Timestamp
                    } else {
                        DataType::TimestampTz
                    },
                    Values::Timestamp(
                        (0..rows)
                            .map(|_| {
                                if r.below(3) == 0 {
                                    r.next() as i64
                                } else {
                                    (r.next() as i64) >> 8
                                }
                            })
                            .collect(),
                    ),
                ),
                6 => (
                    DataType::Uuid,
                    Values::Uuid(
                        (0..rows)
                            .map(|_| (u128::from(r.next()) << 64) | u128::from(r.next()))
                            .collect(),
                    ),
                ),
                7 => (
                    DataType::Bool,
                    Values::Bool((0..rows).map(|_| r.below(2) == 0).collect()),
                ),
                8 => (
                    DataType::Decimal {
                        precision: 38,
                        scale: r.below(10) as u8,
                    },
                    Values::Decimal(
                        (0..rows)
                            .map(|_| (r.next() as i128) << r.below(60))
                            .collect(),
                    ),
                ),
                _ => (
                    DataType::Json,
                    Values::Str(strings(
                        &(0..rows)
                            .map(|_| format!("{{\"a\":{}}}", r.below(1000)))
                            .collect::<Vec<_>>(),
                    )),
                ),
            };
            let validity = match r.below(3) {
                0 => None,
                1 => Some(vec![false; rows]),
                _ => Some((0..rows).map(|_| r.below(2) == 0).collect()),
            };
            table.columns.push(ColumnSchema {
                name,
                ty,
                nullable: true,
            });
            chunk.columns.push(Column { values, validity });
        }
        check(&JsonLines::default(), &table, &chunk);
        check(&Json::default(), &table, &chunk);
    }
}
