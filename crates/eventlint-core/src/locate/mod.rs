//! Where a finding is: a JSON Pointer into the document ([`pointer`]) resolved to exact bytes,
//! lines and columns ([`spans`]: the span-keeping resolver, its scanner, the line index).

pub(crate) mod pointer;
pub(crate) mod spans;
