pub(crate) mod array_of_documents;
pub(crate) mod undetermined;
