//! What a finding says: the diagnostic every front end receives ([`diagnostic`]), how values are
//! quoted in messages ([`describe`]), "did you mean" ([`suggest`], public), and the text edits a
//! finding proposes ([`proposal`]).

pub(crate) mod describe;
pub(crate) mod diagnostic;
pub(crate) mod fix;
pub(crate) mod proposal;
pub mod suggest;
