//! Bytes → `check_document` with detection and with every kind forced → every renderer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    eventlint_core::fuzzing::check(data);
});
