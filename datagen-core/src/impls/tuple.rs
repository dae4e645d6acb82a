//! `Generate` for tuples of up to 12 elements, each in its own scope.

use super::collection::element_at;
use crate::ctx::Ctx;
use crate::generate::Generate;

macro_rules! tuple {
    ($($name:ident $idx:tt),+) => {
        /// Each element in turn.
        impl<$($name: Generate),+> Generate for ($($name,)+) {
            fn generate(ctx: &mut Ctx) -> Self {
                ($(element_at(ctx, $idx, $name::generate),)+)
            }
        }
    };
}
tuple!(A 0);
tuple!(A 0, B 1);
tuple!(A 0, B 1, C 2);
tuple!(A 0, B 1, C 2, D 3);
tuple!(A 0, B 1, C 2, D 3, E 4);
tuple!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);
