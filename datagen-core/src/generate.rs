//! The `Generate` trait (a type's default generator) and `Entity` (a type with its own rows).

use crate::ctx::Ctx;
use crate::error::Error;
use crate::seed::name_hash;

/// The default generator of a type, like `rand`'s `StandardUniform`.
///
/// `generate` draws from the context's current stream. A derived struct or enum is an
/// *entity*: at the top level, `generate` takes the entity's next row, and `generate_at` gives row
/// `index` directly, equal to the `index`-th value `generate` yields on a fresh context. Inside
/// another entity's row (as a field), a derived type is a nested value keyed by the field path.
pub trait Generate: Sized {
    /// Generates the next value.
    fn generate(ctx: &mut Ctx) -> Self;

    /// Generates the value of row `index` without generating the rows before it.
    ///
    /// For types that are not entities, rows are those of an entity named after the type.
    fn generate_at(ctx: &Ctx, index: u64) -> Self {
        let mut row = ctx.__fork_row(name_hash(core::any::type_name::<Self>()), index);
        Self::generate(&mut row)
    }
}

/// A type whose values are the rows of a named entity (every `#[derive(Generate)]` type).
pub trait Entity {
    /// The entity name: keys the random streams of the entity's fields.
    const ENTITY: &'static str;

    /// The entity name's hash ([`crate::seed::name_hash`]), computed once at compile time so
    /// nothing hashes the name per row.
    const KEY: u64 = name_hash(Self::ENTITY);

    /// Checks the entity against the context's population sizes: every `unique` field's domain
    /// must hold at least as many values as the entity has rows.
    ///
    /// # Errors
    /// [`Error::DomainTooSmall`] naming the first field whose domain is too small.
    fn check(ctx: &Ctx) -> Result<(), Error> {
        let _ = ctx;
        Ok(())
    }
}
