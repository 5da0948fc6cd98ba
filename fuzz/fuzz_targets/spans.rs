//! Arbitrary text, pointers and targets → the span resolver and line index.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    eventlint_core::fuzzing::spans(data);
});
