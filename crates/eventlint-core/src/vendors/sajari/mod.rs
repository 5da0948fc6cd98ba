//! Kinds of this vendor (added by the all-kinds work).

use crate::kind::Kind;

pub(crate) static KINDS: &[&Kind] = &[];
