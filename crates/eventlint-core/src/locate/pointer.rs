//! RFC 6901 JSON Pointers, built while walking a document.

use std::borrow::Cow;
use std::fmt;

/// An owned RFC 6901 pointer (`""` is the whole document).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the whole document, as a constant.
    pub const ROOT: Pointer = Pointer(String::new());

    /// The pointer to the whole document.
    #[must_use]
    pub fn root() -> Self {
        Pointer(String::new())
    }

    /// The pointer to a member of the object this pointer names.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut s = String::with_capacity(self.0.len() + key.len() + 1);
        s.push_str(&self.0);
        s.push('/');
        if !key.contains(['~', '/']) {
            s.push_str(key);
            return Pointer(s);
        }
        for c in key.chars() {
            match c {
                '~' => s.push_str("~0"),
                '/' => s.push_str("~1"),
                c => s.push(c),
            }
        }
        Pointer(s)
    }

    /// The pointer to an element of the array this pointer names.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        Pointer(format!("{}/{index}", self.0))
    }

    /// The pointer text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The pointer text, without a copy.
    #[must_use]
    #[allow(dead_code)] // no caller since the request layer; kept for the pointer API
    pub fn into_string(self) -> String {
        self.0
    }

    /// Wraps pointer text that is already escaped (as jsonschema's instance paths are).
    #[must_use]
    pub fn from_escaped(text: &str) -> Self {
        Pointer(text.to_owned())
    }

    /// Unescaped reference tokens.
    #[must_use]
    pub fn segments(&self) -> Vec<String> {
        segments(&self.0)
    }
}

/// Splits pointer text into unescaped reference tokens.
#[must_use]
pub fn segments(pointer: &str) -> Vec<String> {
    tokens(pointer).map(Cow::into_owned).collect()
}

/// The unescaped reference tokens of pointer text (`~1` is `/`, `~0` is `~`), borrowed unless
/// they hold an escape. Text before the first `/` is not a token.
pub(crate) fn tokens(pointer: &str) -> impl Iterator<Item = Cow<'_, str>> {
    pointer.split('/').skip(1).map(|s| {
        if s.contains('~') {
            Cow::Owned(s.replace("~1", "/").replace("~0", "~"))
        } else {
            Cow::Borrowed(s)
        }
    })
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A pointer as the field name users know: `/eventList/2/sentAt` is `eventList[2].sentAt`.
pub(crate) fn field_name(at: &Pointer) -> String {
    path_name(tokens(at.as_str()), |_, seg| is_index(seg))
}

/// Path segments as the field name users know (`["items", "0", "id"]` is `items[0].id`), with
/// digits taken for an array index, as [`field_name`].
pub(crate) fn segments_name<'a>(segments: impl IntoIterator<Item = &'a str>) -> String {
    path_name(segments, |_, seg| is_index(seg))
}

/// Whether a segment reads as an array index: digits only.
fn is_index(segment: &str) -> bool {
    !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit())
}

/// The one way a path is written in messages: keys joined with `.`, an array index in
/// brackets (`eventList[2].impression[0]`, `geo.lat`); a path's first name is written as a key.
/// `index(i, segment)` says whether segment `i` is an array index (by its digits, or by the
/// document it points into).
pub(crate) fn path_name<S: AsRef<str>>(
    segments: impl IntoIterator<Item = S>,
    mut index: impl FnMut(usize, &str) -> bool,
) -> String {
    let mut out = String::new();
    for (i, seg) in segments.into_iter().enumerate() {
        let seg = seg.as_ref();
        if !out.is_empty() && index(i, seg) {
            out.push('[');
            out.push_str(seg);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names() {
        let p = Pointer::root()
            .key("eventList")
            .index(2)
            .key("impression")
            .index(0);
        assert_eq!(field_name(&p), "eventList[2].impression[0]");
        assert_eq!(field_name(&Pointer::root().key("userId")), "userId");
        assert_eq!(field_name(&Pointer::root()), "");
        assert_eq!(segments_name(["items", "0", "id"]), "items[0].id");
        assert_eq!(segments_name(["geo", "lat"]), "geo.lat");
        assert_eq!(segments_name(["uid"]), "uid");
    }

    #[test]
    fn escapes_and_splits() {
        let p = Pointer::root().key("a/b").key("c~d").index(3);
        assert_eq!(p.as_str(), "/a~1b/c~0d/3");
        assert_eq!(p.segments(), vec!["a/b", "c~d", "3"]);
        assert!(Pointer::root().segments().is_empty());
    }
}
