//! Native command line: `counterclaim export [--format json|csv] [SEEDS_DIR]`.
pub fn run(args: Vec<String>) -> i32 {
    eprintln!("usage: counterclaim export [--format json|csv] [SEEDS_DIR] ({args:?})");
    2
}
