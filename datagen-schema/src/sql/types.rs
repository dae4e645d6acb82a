//! SQL column types as value shapes: integer limits, decimal precision and scale, string
//! lengths, enums, sets and arrays, whatever spelling the dialect uses.

use sqlparser::ast::{ArrayElemTypeDef, DataType, EnumMember};

/// What values a column type holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Shape {
    /// Integers within the type's limits.
    Int {
        lo: i64,
        hi: i64,
    },
    /// Fixed point.
    Decimal {
        precision: u8,
        scale: u8,
    },
    /// Floating point.
    Float,
    /// Text of at most `max` characters.
    Text {
        max: Option<u32>,
    },
    Bool,
    Date,
    Time,
    Timestamp,
    TimestampTz,
    Uuid,
    /// Binary strings of at most `max` bytes.
    Bytes {
        max: Option<u32>,
    },
    /// A JSON document.
    Json,
    /// One of the labels.
    Enum(Vec<String>),
    /// A MySQL SET: some of the labels, comma-separated.
    Set(Vec<String>),
    /// A PostgreSQL array.
    Array(Box<Shape>),
    /// A PostgreSQL full-text document.
    TsVector,
    /// An IP address.
    Inet,
    /// A point (PostgreSQL `point`, MySQL `POINT` and `GEOMETRY`): longitude and latitude.
    Point,
}

/// The numbers in a type's parentheses: `VARCHAR(40)` gives `[40]`, `NUMERIC(10, 2)` `[10, 2]`.
fn args(text: &str) -> Vec<u64> {
    text.split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inside, _)| {
            inside
                .split(',')
                .filter_map(|a| a.trim().parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The shape of `ty`, or `None` when the type is not supported.
pub(crate) fn shape(ty: &DataType) -> Option<Shape> {
    match ty {
        DataType::Enum(members, _) => {
            return Some(Shape::Enum(
                members
                    .iter()
                    .map(|m| match m {
                        EnumMember::Name(n) | EnumMember::NamedValue(n, _) => n.clone(),
                    })
                    .collect(),
            ));
        }
        DataType::Set(labels) => return Some(Shape::Set(labels.clone())),
        DataType::Array(
            ArrayElemTypeDef::SquareBracket(inner, _)
            | ArrayElemTypeDef::AngleBracket(inner)
            | ArrayElemTypeDef::Parenthesis(inner),
        ) => return shape(inner).map(|s| Shape::Array(Box::new(s))),
        _ => {}
    }
    let text = ty.to_string().to_ascii_uppercase();
    let unsigned = text.contains("UNSIGNED");
    let base = text
        .split(['(', ' '])
        .next()
        .unwrap_or_default()
        .trim_matches('"')
        .to_string();
    let a = args(&text);
    let int = |bits: u32| {
        if unsigned {
            Shape::Int {
                lo: 0,
                hi: i64::try_from((1u64 << bits) - 1).unwrap_or(i64::MAX),
            }
        } else {
            Shape::Int {
                lo: -(1i64 << (bits - 1)),
                hi: (1i64 << (bits - 1)) - 1,
            }
        }
    };
    let len = |default: Option<u32>| a.first().map_or(default, |n| u32::try_from(*n).ok());
    Some(match base.as_str() {
        "TINYINT" | "INT1" => int(8),
        "SMALLINT" | "INT2" | "SMALLSERIAL" | "SERIAL2" => int(16),
        "MEDIUMINT" => int(24),
        "INT" | "INTEGER" | "INT4" | "SERIAL" | "SERIAL4" => int(32),
        "BIGINT" | "INT8" | "BIGSERIAL" | "SERIAL8" => Shape::Int {
            lo: i64::MIN,
            hi: i64::MAX,
        },
        "DECIMAL" | "NUMERIC" | "DEC" | "FIXED" => {
            let precision = a
                .first()
                .map_or(12, |p| u8::try_from(*p).unwrap_or(38))
                .clamp(1, 38);
            let scale = a.get(1).map_or(if a.is_empty() { 2 } else { 0 }, |s| {
                u8::try_from(*s).unwrap_or(0)
            });
            Shape::Decimal {
                precision,
                scale: scale.min(precision),
            }
        }
        "MONEY" => Shape::Decimal {
            precision: 12,
            scale: 2,
        },
        "REAL" | "FLOAT" | "FLOAT4" | "FLOAT8" | "DOUBLE" => Shape::Float,
        "VARCHAR" | "NVARCHAR" | "VARCHAR2" | "NVARCHAR2" | "VARYING" => {
            Shape::Text { max: len(None) }
        }
        "CHARACTER" if text.contains("VARYING") => Shape::Text { max: len(None) },
        "CHAR" | "CHARACTER" | "NCHAR" | "BPCHAR" => Shape::Text { max: len(Some(1)) },
        "TEXT" | "CLOB" | "STRING" | "CITEXT" | "MEDIUMTEXT" | "LONGTEXT" | "NTEXT" => {
            Shape::Text { max: None }
        }
        "TINYTEXT" => Shape::Text { max: Some(255) },
        "BOOLEAN" | "BOOL" => Shape::Bool,
        "DATE" => Shape::Date,
        "TIME" if text.contains("WITH TIME ZONE") => return None,
        "TIME" => Shape::Time,
        "TIMESTAMPTZ" => Shape::TimestampTz,
        "TIMESTAMP" if text.contains("WITH TIME ZONE") && !text.contains("WITHOUT") => {
            Shape::TimestampTz
        }
        "TIMESTAMP" | "DATETIME" | "DATETIME2" | "SMALLDATETIME" => Shape::Timestamp,
        "UUID" => Shape::Uuid,
        "BYTEA" | "BLOB" | "TINYBLOB" | "MEDIUMBLOB" | "LONGBLOB" | "VARBINARY" | "BINARY" => {
            Shape::Bytes { max: len(None) }
        }
        "JSON" | "JSONB" => Shape::Json,
        "TSVECTOR" => Shape::TsVector,
        "YEAR" => Shape::Int { lo: 1901, hi: 2155 },
        "INET" => Shape::Inet,
        "POINT" | "GEOMETRY" => Shape::Point,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::{MySqlDialect, PostgreSqlDialect};
    use sqlparser::parser::Parser;

    fn pg(ty: &str) -> Option<Shape> {
        let ty = Parser::new(&PostgreSqlDialect {})
            .try_with_sql(ty)
            .unwrap()
            .parse_data_type()
            .unwrap();
        shape(&ty)
    }

    #[test]
    fn reads_lengths_precision_and_limits() {
        assert_eq!(
            pg("character varying(15)"),
            Some(Shape::Text { max: Some(15) })
        );
        assert_eq!(pg("character(20)"), Some(Shape::Text { max: Some(20) }));
        assert_eq!(
            pg("numeric(5,2)"),
            Some(Shape::Decimal {
                precision: 5,
                scale: 2
            })
        );
        assert_eq!(
            pg("smallint"),
            Some(Shape::Int {
                lo: -32768,
                hi: 32767
            })
        );
        assert_eq!(pg("timestamp with time zone"), Some(Shape::TimestampTz));
        assert_eq!(pg("timestamp without time zone"), Some(Shape::Timestamp));
        assert_eq!(
            pg("text[]"),
            Some(Shape::Array(Box::new(Shape::Text { max: None })))
        );
        assert_eq!(pg("point"), Some(Shape::Point));
        assert_eq!(pg("polygon"), None);
    }

    #[test]
    fn reads_mysql_enums_sets_and_unsigned() {
        let my = |ty: &str| {
            let ty = Parser::new(&MySqlDialect {})
                .try_with_sql(ty)
                .unwrap()
                .parse_data_type()
                .unwrap();
            shape(&ty)
        };
        assert_eq!(
            my("INT UNSIGNED"),
            Some(Shape::Int {
                lo: 0,
                hi: 4_294_967_295
            })
        );
        assert_eq!(my("TINYINT UNSIGNED"), Some(Shape::Int { lo: 0, hi: 255 }));
        assert_eq!(
            my("ENUM('G','PG')"),
            Some(Shape::Enum(vec!["G".into(), "PG".into()]))
        );
        assert_eq!(
            my("SET('a','b')"),
            Some(Shape::Set(vec!["a".into(), "b".into()]))
        );
    }
}
