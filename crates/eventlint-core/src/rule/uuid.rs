//! UUIDs written without their hyphens.

/// The canonical 8-4-4-4-12 form of `s` when it is a UUID written as 32 hex digits without
/// hyphens (`e0097757d1e244acba3cd97979a354c1`), keeping its case; `None` otherwise.
pub(crate) fn hyphenated(s: &str) -> Option<String> {
    if s.len() != 32 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    // 32 ASCII bytes: every index is a character boundary.
    Some(format!(
        "{}-{}-{}-{}-{}",
        &s[..8],
        &s[8..12],
        &s[12..16],
        &s[16..20],
        &s[20..]
    ))
}

#[cfg(test)]
mod tests {
    use super::hyphenated;

    #[test]
    fn thirty_two_hex_digits_get_their_hyphens() {
        assert_eq!(
            hyphenated("e0097757d1e244acba3cd97979a354c1").as_deref(),
            Some("e0097757-d1e2-44ac-ba3c-d97979a354c1")
        );
        assert_eq!(
            hyphenated("E0097757D1E244ACBA3CD97979A354C1").as_deref(),
            Some("E0097757-D1E2-44AC-BA3C-D97979A354C1")
        );
        for not in [
            "e0097757-d1e2-44ac-ba3c-d97979a354c1",
            "e0097757d1e244acba3cd97979a354c",
            "g0097757d1e244acba3cd97979a354c1",
            "",
        ] {
            assert_eq!(hyphenated(not), None, "{not}");
        }
    }
}
