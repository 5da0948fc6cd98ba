//! Rules that apply to every kind: JSON well-formedness, kind detection, placeholders.
//! Vendor rules live beside their models in `vendors/<vendor>/rules/`.

pub(crate) mod common;
pub(crate) mod config;
pub(crate) mod internal;
pub(crate) mod json;
pub(crate) mod kind;
pub(crate) mod request;
pub(crate) mod schema;

use crate::rule::Rule;

/// Rules reported for any document, whatever its kind.
pub(crate) static GENERIC: &[&Rule] = &[
    &common::content_type::CONTENT_TYPE,
    &common::placeholder::PLACEHOLDER,
    &common::placeholder_string::PLACEHOLDER_STRING,
    &config::expectation::EXPECTATION,
    &config::invalid::INVALID,
    &internal::error::INTERNAL_ERROR,
    &json::duplicate_key::DUPLICATE_KEY,
    &json::encoding::ENCODING,
    &json::syntax::SYNTAX,
    &kind::array_of_documents::ARRAY_OF_DOCUMENTS,
    &kind::undetermined::UNDETERMINED,
    &request::body_missing::BODY_MISSING,
    &request::credentials_stripped::CREDENTIALS_STRIPPED,
    &request::method::METHOD,
    &request::reader::READER,
    &request::syntax::SYNTAX,
    &request::unknown_endpoint::UNKNOWN_ENDPOINT,
    &schema::violation::VIOLATION,
];
