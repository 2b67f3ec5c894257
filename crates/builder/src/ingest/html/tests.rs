//! Saved-page reduction on invented pages: furniture out, the article and its metadata in.
use super::{parse, to_text};

/// A saved news page with everything around the article: navigation, a header, ads, share buttons, a comment form,
/// comments, related links, a footer, scripts and styles.
pub(crate) const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ferry Service Resumes After Storm | The Harbour Courier</title>
<meta property="og:title" content="Ferry Service Resumes After Storm">
<meta property="og:site_name" content="The Harbour Courier">
<meta property="article:published_time" content="2023-04-18T07:30:00+00:00">
<meta name="author" content="Mara Lindqvist">
<link rel="canonical" href="https://courier.example/ferry-resumes">
<style>.ad { color: red } p > a { x: "</p>" }</style>
<script>var a = 1 < 2 && "</div>"; document.write("<p>Injected</p>");</script>
</head>
<body class="single comments-open">
<header class="site-header"><a href="/">The Harbour Courier</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="ad-slot" id="top-ad">ADVERTISEMENT Buy cheap boats now</div>
<main>
<article class="post comments-open">
<h1>Ferry Service Resumes After Storm</h1>
<p class="byline">By <a rel="author" href="/staff/mara">Mara Lindqvist</a> &middot; <time datetime="2023-04-18">April 18, 2023</time></p>
<div class="share-buttons"><a>Share on Facebook</a> <a>Tweet this</a></div>
<p>The island ferry sailed again on Tuesday after three days of cancellations, the operator said.</p>
<figure><img src="ferry.jpg" alt=""><figcaption>The ferry leaving port. Photo: Staff</figcaption></figure>
<p>&ldquo;We are back to the normal timetable,&rdquo; said Jonas Berg, the operator&rsquo;s spokesman.
<p>Harbour officials said the breakwater had held, although one pier was closed for repairs.</p>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Storm closes schools</a></li><li><a href="/b">Wind farm plan approved</a></li></ul></aside>
<div class="promo">Subscribe for $1 a week</div>
</article>
<section id="comments"><h2>3 Comments</h2><div class="comment">First! Great article</div>
<form action="/comment"><label>Name</label><input name="n"><textarea>Leave a reply</textarea><button>Post Comment</button></form></section>
</main>
<aside class="sidebar"><h3>Most read</h3><ol><li>Celebrity spotted at market</li></ol></aside>
<footer><p>&copy; 2023 The Harbour Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
<script src="/app.js"></script>
</body></html>"#;

#[test]
fn the_article_stays_and_the_furniture_goes() {
    let t = to_text(PAGE);
    for wanted in [
        "Title: Ferry Service Resumes After Storm\n",
        "Source: The Harbour Courier\n",
        "Date: 2023-04-18\n",
        "URL: https://courier.example/ferry-resumes\n",
        "By Mara Lindqvist\n",
        "\nThe island ferry sailed again on Tuesday after three days of cancellations, the operator said.\n",
        "\n“We are back to the normal timetable,” said Jonas Berg, the operator’s spokesman.\n",
        "\nHarbour officials said the breakwater had held, although one pier was closed for repairs.\n",
    ] {
        assert!(t.contains(wanted), "missing {wanted:?} in\n{t}");
    }
    for furniture in [
        "News",
        "Sport",
        "ADVERTISEMENT",
        "Share on Facebook",
        "Photo: Staff",
        "Related stories",
        "Storm closes schools",
        "Subscribe",
        "Comments",
        "First!",
        "Leave a reply",
        "Post Comment",
        "Most read",
        "Celebrity",
        "rights reserved",
        "Privacy",
        "Injected",
        "color",
        "var a",
    ] {
        assert!(!t.contains(furniture), "{furniture:?} left in\n{t}");
    }
    assert_eq!(t.matches("Ferry Service Resumes").count(), 1, "the headline once, as the title:\n{t}");
}

#[test]
fn without_marked_article_the_densest_block_is_the_body() {
    let page = "<html><body><div id=menu><a>Home</a> <a>World</a></div>\
        <div class=content><div><p>First paragraph of the story, long enough to count.</p>\
        <p>Second paragraph, also of the story.</p></div></div>\
        <div class=links><p>Short teaser</p></div></body></html>";
    let t = to_text(page);
    assert!(t.contains("First paragraph") && t.contains("Second paragraph"), "{t}");
    assert!(!t.contains("Home") && !t.contains("Short teaser"), "{t}");
}

#[test]
fn the_page_title_and_markup_byline_stand_in_for_missing_meta() {
    let page = "<title>Water rates rise</title><div class=article-byline>by Ana Ruiz</div>\
        <p>Rates rose by four per cent, the council said on Monday.</p>";
    let t = to_text(page);
    assert!(t.starts_with("Title: Water rates rise\n\nBy Ana Ruiz\n"), "{t}");
    assert!(t.contains("\nRates rose by four per cent"), "{t}");
}

#[test]
fn the_parser_forgives() {
    let tree = parse::parse("<p>one<p>two<ul><li>a<li>b</ul><b>bold <i>both</b> after</i></div>& < 3");
    let text = tree.text(0);
    assert_eq!(text, "one two a b bold both after & < 3");
    let t = to_text("<p>Line one<br>line two</p><table><tr><td>a</td><td>b</td></tr></table>");
    assert_eq!(t, "\nLine one\nline two\n\na b\n");
}
