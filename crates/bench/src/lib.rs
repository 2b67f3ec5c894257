//! Benchmarks live in `benches/` (criterion) and `examples/` (the browser benchmark of `make bench`); no library code.
