//! The `counterclaim` binary: the web app when compiled to wasm32, the corpus CLI natively.
#[cfg(not(target_arch = "wasm32"))]
mod cli;

fn main() {
    #[cfg(target_arch = "wasm32")]
    counterclaim::app::start();
    #[cfg(not(target_arch = "wasm32"))]
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}
