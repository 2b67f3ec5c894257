//! The entity colours of the app's stylesheet: as many as `ENTITY_COLOURS`, legible under the text colour
//! and apart from one another, in the light and the dark theme alike.
use counterclaim_core::config::ENTITY_COLOURS;

fn stylesheet() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../app/style.css")).expect("crates/app/style.css")
}

/// `--name: #rrggbb` values of one CSS block.
fn var(block: &str, name: &str) -> Option<[f64; 3]> {
    let at = block.find(&format!("{name}:"))? + name.len() + 1;
    let hex = block[at..].trim_start().strip_prefix('#')?.get(..6)?;
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map(|v| v as f64 / 255.0).ok();
    Some([c(0)?, c(2)?, c(4)?])
}

fn linear(c: f64) -> f64 {
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG 2 contrast ratio.
fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let l = |c: [f64; 3]| 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
    let (x, y) = (l(a), l(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// OKLab coordinates (perceptual: a distance of 0.1 is an obvious difference).
fn oklab(c: [f64; 3]) -> [f64; 3] {
    let [r, g, b] = c.map(linear);
    let l = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b).cbrt();
    let m = (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b).cbrt();
    let s = (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b).cbrt();
    [
        0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
        1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
        0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s,
    ]
}

fn check_theme(theme: &str, block: &str, min_contrast: f64) {
    let fg = var(block, "--fg").unwrap_or_else(|| panic!("{theme}: --fg"));
    let colours: Vec<[f64; 3]> =
        (0..ENTITY_COLOURS).map(|i| var(block, &format!("--e{i}")).unwrap_or_else(|| panic!("{theme}: --e{i} is missing"))).collect();
    for (i, c) in colours.iter().enumerate() {
        let k = contrast(*c, fg);
        assert!(k >= min_contrast, "{theme}: text on --e{i} has contrast {k:.2} < {min_contrast}");
    }
    for i in 0..colours.len() {
        for j in i + 1..colours.len() {
            let (a, b) = (oklab(colours[i]), oklab(colours[j]));
            let d = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
            assert!(d >= 0.08, "{theme}: --e{i} and --e{j} are too alike (ΔE_OK {d:.3})");
        }
    }
}

#[test]
fn entity_colours_are_distinct_and_legible_in_both_themes() {
    let css = stylesheet();
    let light = &css[css.find(":root {").expect(":root")..];
    let light = &light[..light.find('}').unwrap()];
    let dark = &css[css.find("prefers-color-scheme: dark").expect("a dark theme")..];
    let dark = &dark[..dark.find("}\n}").unwrap()];
    check_theme("light", light, 7.0);
    check_theme("dark", dark, 4.5);
    for i in 0..ENTITY_COLOURS {
        assert!(css.contains(&format!(".ent-{i} {{ background: var(--e{i})")), ".ent-{i} uses --e{i}");
    }
}

#[test]
fn the_seed_entities_each_have_their_own_colour() {
    let toml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/corpus.toml")).unwrap();
    let n = toml.matches("[[entity]]").count();
    assert!(n <= ENTITY_COLOURS, "{n} seed entities, {ENTITY_COLOURS} colours");
}
