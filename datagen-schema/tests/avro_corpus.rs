//! Every `.avsc` of the Avro corpus (Apache Avro's test schemas, the Confluent datagen
//! connector's quickstart schemas) imports, its generated rows validate and encode under the
//! `apache-avro` crate, and the schema written for the `avro` format means what the file says.

mod avro_support;

use apache_avro::Schema as Avro;

#[test]
fn every_corpus_schema_generates_valid_rows() {
    let files = avro_support::corpus::corpus();
    assert!(
        files.len() >= 45,
        "the corpus has its schemas: {}",
        files.len()
    );
    for path in &files {
        let schema = avro_support::import(path);
        let (plan, chunk) = avro_support::generate(&schema, 200, 7);
        let rows = avro_support::check_rows(&plan, &chunk);
        assert_eq!(rows.len(), 200, "{}", path.display());
    }
}

#[test]
fn the_written_schema_is_the_source_schema() {
    for path in avro_support::corpus::corpus() {
        let text = std::fs::read_to_string(&path).expect("readable");
        // apache-avro reads the files that are strict JSON and need no other file.
        let Ok(original) = Avro::parse_str(&text) else {
            continue;
        };
        let schema = avro_support::import(&path);
        let written = schema.entities[0]
            .avro_schema
            .clone()
            .expect("the schema is kept");
        let ours = Avro::parse_str(&written).unwrap_or_else(|e| {
            panic!(
                "{}: the written schema does not parse: {e}\n{written}",
                path.display()
            )
        });
        assert_eq!(
            ours.canonical_form(),
            original.canonical_form(),
            "{}: the written schema differs from the source",
            path.display()
        );
    }
}
