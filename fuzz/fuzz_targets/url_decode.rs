//! Fuzz the URL decoder: any input decodes without panicking, and the state it gives re-encodes stably.
#![no_main]

use counterclaim_core::view::{canonical, decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let d = decode(&input);
    // The decoder always returns a canonical state ...
    assert_eq!(canonical(d.state.clone()), d.state);
    // ... whose encoding decodes to the same state, with nothing to report, and re-encodes identically.
    let e = encode(&d.state);
    let again = decode(&e);
    assert_eq!(again.state, d.state, "input {input:?} encoded as {e:?}");
    assert!(again.notices.is_empty(), "notices on {e:?}: {:?}", again.notices);
    assert_eq!(encode(&again.state), e);
});
