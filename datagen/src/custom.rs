//! Custom providers in derived code: `provider = "my.name"` with a family that is not built in
//! looks the provider up by name once per field, among those registered at run time.

use std::sync::OnceLock;

use datagen_core::{Ctx, Error};
use datagen_providers::ProviderRef;

/// Draws one value of the custom provider `name`, looked up on first use and kept in `slot`.
///
/// # Panics
/// If no provider called `name` is registered when the field first draws; the derived
/// `Entity::check` reports the same as an error, for callers that check first.
pub fn draw(slot: &OnceLock<ProviderRef>, name: &str, ctx: &mut Ctx) -> String {
    let provider = slot.get_or_init(|| {
        datagen_providers::find_any(name).unwrap_or_else(|| panic!("{}", not_registered(name)))
    });
    let mut out = String::new();
    provider.write(ctx, &mut out);
    out
}

/// Whether the custom provider a field of `entity` names is registered.
///
/// # Errors
/// [`Error::Invalid`] naming the field and the provider when it is not.
pub fn check(entity: &str, field: &str, name: &str) -> Result<(), Error> {
    match datagen_providers::find_any(name) {
        Some(_) => Ok(()),
        None => Err(Error::Invalid {
            what: "provider",
            why: format!("field `{field}` of `{entity}`: {}", not_registered(name)),
        }),
    }
}

fn not_registered(name: &str) -> String {
    format!(
        "no provider `{name}` is registered; register it with `datagen::providers::register` \
         (or `register_word_list`) before generating"
    )
}
