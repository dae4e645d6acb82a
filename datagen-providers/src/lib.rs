//! Domain data providers by dotted name, localised.
