//! What eventlint knows: a kind ([`kind`]: its type, role, routes and schema), the sorted lists of
//! every kind and rule and each lookup ([`registry`], public).

pub(crate) mod kind;
pub mod registry;
