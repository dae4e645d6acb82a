//! Plans: checked, compiled schemas that generate chunks.
