//! The import Web Worker (wasm32; natively this binary does nothing): it says `{ready: true}`, then for each message
//! `{config_toml, files: [{name, bytes}]}` runs `counterclaim_builder::import::build`, posting `{progress: n, of, file}`
//! after each file and then `{done: <pack bytes>, notes: [{file, level, message}]}`, or `{error}` when the message is not
//! such a job.
#[cfg(target_arch = "wasm32")]
mod worker;

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
