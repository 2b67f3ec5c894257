//! Unit tests of ingest: furniture kinds, bylines, datelines, header keys, whole pages, decoding and limits.
use super::dateline::parse_dateline;
use super::furniture::{bio_like, furniture_kind, related_marker};
use super::lines::name_line;
use super::lines::word_count;
use super::meta::parse_byline;
use super::*;
use counterclaim_core::config::OutletDef;

fn config() -> CorpusConfig {
    CorpusConfig {
        outlets: vec![
            OutletDef { name: "Ariana News".into(), aliases: vec!["Ariana News".into(), "ArianaNews".into()] },
            OutletDef { name: "TOLOnews".into(), aliases: vec!["TOLO News".into(), "TOLONews".into()] },
            OutletDef { name: "Pajhwok Afghan News".into(), aliases: vec!["Pajhwok".into()] },
        ],
        ..CorpusConfig::default()
    }
}

fn doc(text: &str) -> Document {
    ingest_text("t.txt", text, &config()).0
}

fn kind(t: &str) -> Option<Furniture> {
    furniture_kind(t, word_count(t))
}

#[test]
fn ids_are_file_stems() {
    assert_eq!(doc_id("000_abc.txt"), "000_abc");
    assert_eq!(doc_id("seeds/dir/x.txt"), "x");
    assert_eq!(doc_id("C:\\a\\y.txt"), "y");
    assert_eq!(doc_id("noext"), "noext");
    assert_eq!(doc_id("page.HTML"), "page");
    assert_eq!(doc_id("notes.md"), "notes");
    assert_eq!(doc_id("a.b.htm"), "a.b");
    assert_eq!(doc_id("x.pdf"), "x.pdf");
}

#[test]
fn a_saved_page_is_ingested_as_its_article() {
    let files: [(&str, &[u8]); 2] = [("ferry.html", html::tests::PAGE.as_bytes()), ("blob.html", b"\0\0\0\x01PK\x03\x04\0\0")];
    let (docs, notes) = ingest_all(&files, &config());
    assert_eq!(docs.len(), 1, "{notes:?}");
    let d = &docs[0];
    assert_eq!((d.id.as_str(), d.title.as_deref()), ("ferry", Some("Ferry Service Resumes After Storm")));
    assert_eq!((d.date.map(|d| d.iso()), d.author.as_deref()), (Some("2023-04-18".into()), Some("Mara Lindqvist")));
    assert_eq!(d.outlet.as_deref(), Some("The Harbour Courier"));
    assert!(d.body.starts_with("The island ferry sailed again") && d.body.ends_with("closed for repairs."), "{}", d.body);
    for furniture in ["Subscribe", "Comment", "Related", "Share", "Advertisement", "ADVERTISEMENT", "Sport", "rights reserved"] {
        assert!(!d.body.contains(furniture) && !d.extras.iter().chain(&d.related).any(|x| x.contains(furniture)), "{furniture}: {d:#?}");
    }
    let binary = notes.iter().find(|n| n.file == "blob.html").expect("a note on the binary file");
    assert!(binary.level == NoteLevel::Error && binary.message.contains("binary"), "{binary:?}");
}

#[test]
fn ad_lines() {
    for l in
        ["- Advertisement -", "ADVERTISEMENT", "Sponsored Content", "— Ad —", "Story continues below advertisement", "Continue reading"]
    {
        assert_eq!(kind(l), Some(Furniture::Ad), "{l}");
    }
    assert_eq!(kind("The advertisement campaign was criticised by officials across the country for months."), None);
}

#[test]
fn comment_and_captcha_forms() {
    for l in [
        "Leave a Reply",
        "Leave a Comment Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Please enter your email address here",
        "reCAPTCHA verification failed",
        "Comment *",
        "Email:",
        "Comments are closed.",
    ] {
        assert_eq!(kind(l), Some(Furniture::CommentForm), "{l}");
    }
    assert_eq!(kind("Comment"), None);
}

#[test]
fn cookie_captions_copyright_credits_tags() {
    assert_eq!(kind("We use cookies to improve your experience on our website."), Some(Furniture::Cookie));
    assert_eq!(kind("FILE PHOTO: Fighters stand guard at a checkpoint in Jalalabad, May 2, 2021."), Some(Furniture::Caption));
    assert_eq!(kind("Police at the scene of the blast. (Photo: Social media)"), Some(Furniture::Caption));
    assert_eq!(kind("A soldier in Kabul. (AP Photo/Someone Else)"), Some(Furniture::Caption));
    assert_eq!(kind("© 2024 Some Daily. All rights reserved."), Some(Furniture::Copyright));
    assert_eq!(kind("Copyright 2023"), Some(Furniture::Copyright));
    assert_eq!(kind("(Reporting by Jane Roe; Editing by John Doe)"), Some(Furniture::Credit));
    assert_eq!(kind("Source: Some Wire"), Some(Furniture::Credit));
    assert_eq!(kind("Tags: Afghanistan, Security, Kabul"), Some(Furniture::Tags));
    assert_eq!(kind("Filed under: World"), Some(Furniture::Tags));
    assert_eq!(kind("About the Author"), Some(Furniture::AboutAuthor));
}

#[test]
fn share_navigation_and_subscription_lines() {
    for l in [
        "Share",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Telegram Email",
        "Tweet | Share | Print",
        "Subscribe to our newsletter",
        "Follow us on Twitter",
        "Skip to content",
        "Home > News > Asia",
        "5 min read",
        "1,234 views",
        "Previous article",
        "Next article",
    ] {
        assert!(kind(l).is_some(), "{l}");
    }
    for l in ["On to the next round of talks.", "Home to millions of people, the city has grown fast.", "Security", "Up in the mountains"] {
        assert_eq!(kind(l), None, "{l}");
    }
}

#[test]
fn related_headings_and_inline_teasers() {
    assert_eq!(related_marker("More in Security", 3), (true, None));
    assert_eq!(related_marker("Related Posts", 2), (true, None));
    assert_eq!(related_marker("RELATED:", 1), (true, None));
    assert_eq!(related_marker("You may also like", 4), (true, None));
    assert_eq!(related_marker("Read more: Blast hits market in Kunduz", 7).1.as_deref(), Some("Blast hits market in Kunduz"));
    assert_eq!(related_marker("ALSO READ – Officials meet in Doha", 7).1.as_deref(), Some("Officials meet in Doha"));
    assert_eq!(related_marker("More than 30 people were killed.", 6), (false, None));
    assert_eq!(related_marker("Moreover, the group said so.", 5), (false, None));
    assert_eq!(related_marker("Relatedly, officials said nothing", 4), (false, None));
}

#[test]
fn bylines() {
    let o = Outlets::new(&config());
    let b = parse_byline("By Jane Roe | TOLO News | 10 Nov 2019", 9, &o).unwrap();
    assert_eq!(b.author.as_deref(), Some("Jane Roe"));
    assert_eq!(b.credit.as_deref(), Some("TOLOnews"));
    assert_eq!(b.date.unwrap().iso(), "2019-11-10");
    let b = parse_byline("Author: Mohammad Yusuf al-Rahmani", 4, &o).unwrap();
    assert_eq!(b.author.as_deref(), Some("Mohammad Yusuf al-Rahmani"));
    let b = parse_byline("By Ariana News", 3, &o).unwrap();
    assert_eq!((b.author, b.credit.as_deref()), (None, Some("Ariana News")));
    assert!(parse_byline("By the end of the year, the group had lost ground.", 11, &o).is_none());
    assert!(parse_byline("By 2025 things changed", 4, &o).is_none());
}

#[test]
fn bios_and_name_lines() {
    assert!(bio_like("Jane Roe holds a master's degree in journalism and writes about security.", 12));
    assert!(bio_like("She is a freelance reporter based in Herat.", 8));
    assert!(!bio_like("Military analyst Jane Roe said the group was weak.", 9));
    assert!(!bio_like("The reporter said the group was weak and divided.", 9));
    assert!(name_line("Jane Roe", 2));
    assert!(name_line("Abu Bakr al-Baghdadi", 3));
    assert!(!name_line("World News", 2));
    assert!(!name_line("Jane", 1));
    assert!(!name_line("Kabul 2024", 2));
}

#[test]
fn datelines() {
    let o = Outlets::new(&config());
    let d = parse_dateline("KABUL (Reuters) - Officials said on Monday that…", &o).unwrap();
    assert_eq!((d.place.as_str(), d.credit.as_deref()), ("KABUL", Some("Reuters")));
    let d = parse_dateline("WASHINGTON — The Pentagon said.", &o).unwrap();
    assert_eq!(d.place, "WASHINGTON");
    assert_eq!(&"WASHINGTON — The Pentagon said."[d.len..], "The Pentagon said.");
    let d = parse_dateline("Herat, Afghanistan: Officials said.", &o).unwrap();
    assert_eq!(d.place, "Herat");
    let d = parse_dateline("Mazar-i-Sharif (Pajhwok): Officials said.", &o).unwrap();
    assert_eq!((d.place.as_str(), d.credit.as_deref()), ("Mazar-i-Sharif", Some("Pajhwok Afghan News")));
    let d = parse_dateline("KABUL, Nov 10 (Reuters) - Officials said.", &o).unwrap();
    assert_eq!((d.place.as_str(), d.date), ("KABUL", None));
    let d = parse_dateline("ISLAMABAD, March 3, 2024 — Officials said.", &o).unwrap();
    assert_eq!(d.date.unwrap().iso(), "2024-03-03");
    for p in [
        "Meanwhile – officials said.",
        "The ministry said – in a statement – that it was ready.",
        "General Mark Milley said Tuesday the groups – including ISIS – are back.",
        "BREAKING: Blast in Kabul.",
        "Kabul – officials said.",
        "Qani said: \"We are ready.\"",
        "ISIS-K has claimed the attack.",
    ] {
        assert!(parse_dateline(p, &o).is_none(), "{p}");
    }
}

#[test]
fn header_keys() {
    let d = doc("date 2019-11-10 KABUL (Pajhwok) - Officials said the attack was repelled on Sunday.");
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2019-11-10"));
    assert_eq!(d.date_source.as_deref(), Some("header \"date 2019-11-10\""));
    assert_eq!(d.dateline.as_deref(), Some("KABUL"));
    assert_eq!(d.outlet.as_deref(), Some("Pajhwok Afghan News"));
    assert!(d.body.starts_with("Officials said"));
    let d = doc("Title: A headline here\nSource: TOLO News\nDate: 10 Nov 2019\n\nText of the article goes here, as it should.");
    assert_eq!(d.title.as_deref(), Some("A headline here"));
    assert_eq!(d.outlet.as_deref(), Some("TOLOnews"));
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2019-11-10"));
    assert_eq!(d.body, "Text of the article goes here, as it should.");
}

#[test]
fn a_typical_page() {
    let text = "Home > World > Asia\n\
        Share on Facebook\n\
        Officials Say Militants Regroup Near the Border\n\
        By Jane Roe | TOLO News\n\
        Published: 10 Nov 2019 12:30 GMT\n\
        \n\
        HERAT, Afghanistan — Officials said on Sunday that fighters had returned to two districts.\n\
        \n\
        - Advertisement -\n\
        \n\
        \u{201C}They are back,\u{201D} a local elder said.\n\
        Read more: Blast hits market in Kunduz\n\
        The ministry denied the report.\n\
        \n\
        Related Posts\n\
        \n\
        Another Story About the Border\n\
        A teaser sentence about that other story, which is not part of this article.\n\
        Third Story Headline Here\n\
        \n\
        Leave a Reply\n\
        Your email address will not be published. Required fields are marked *\n\
        We are an independent site covering the region since 2001.\n\
        \u{00A9} 2024 TOLO News. All rights reserved.\n";
    let d = doc(text);
    assert_eq!(d.title.as_deref(), Some("Officials Say Militants Regroup Near the Border"));
    assert_eq!(d.author.as_deref(), Some("Jane Roe"));
    assert_eq!(d.outlet.as_deref(), Some("TOLOnews"));
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2019-11-10"));
    assert_eq!(d.date_source.as_deref(), Some("date line \"Published: 10 Nov 2019 12:30 GMT\""));
    assert_eq!(d.dateline.as_deref(), Some("HERAT"));
    assert_eq!(
        d.body,
        "Officials said on Sunday that fighters had returned to two districts.\n\n\u{201C}They are back,\u{201D} a local elder said.\n\nThe ministry denied the report."
    );
    assert_eq!(d.related, vec!["Blast hits market in Kunduz", "Another Story About the Border", "Third Story Headline Here"]);
    for x in ["- Advertisement -", "Leave a Reply", "We are an independent site covering the region since 2001.", "Home > World > Asia"] {
        assert!(d.extras.iter().any(|e| e == x), "{x} not in extras {:?}", d.extras);
    }
}

#[test]
fn author_widget_with_bio() {
    let text = "A Headline About Something Important\n\nJane Roe\nJane Roe\nJane Roe is a journalist who covers security for Pajhwok.\n\nThe first paragraph of the article says something.\n";
    let d = doc(text);
    assert_eq!(d.author.as_deref(), Some("Jane Roe"));
    assert_eq!(d.outlet.as_deref(), Some("Pajhwok Afghan News"));
    assert_eq!(d.body, "The first paragraph of the article says something.");
    assert!(d.extras.iter().any(|e| e.starts_with("Jane Roe is a journalist")));
}

#[test]
fn outlets_are_never_guessed_from_body_mentions() {
    let d = doc("Some Headline For The Test\n\nThe minister spoke to TOLOnews on Sunday, as Ariana News also reported.\n");
    assert_eq!(d.outlet, None);
    let d = doc("Some Headline For The Test\n\nThe minister spoke on Sunday.\n\nThe Kabul Daily\n");
    assert_eq!(d.outlet, None, "an unknown footer name is not an outlet");
    let d = doc("Some Headline For The Test\n\nThe minister spoke on Sunday.\n\n\u{00A9} 2021 The Kabul Daily. All rights reserved.\n");
    assert_eq!(d.outlet.as_deref(), Some("The Kabul Daily"), "a copyright line names the outlet");
}

#[test]
fn question_headline_and_hard_wrapped_text() {
    let text = "Is the group really back?\n\n\
        The group has been seen in several districts over the last few\n\
        weeks, according to residents who spoke on condition of anonymity\n\
        because they feared reprisals from the local commanders there.\n\n\
        Officials rejected the claim.\n";
    let d = doc(text);
    assert_eq!(d.title.as_deref(), Some("Is the group really back?"));
    assert_eq!(d.paragraphs.len(), 2);
    assert!(d.body.starts_with("The group has been seen in several districts over the last few weeks, according"));
}

#[test]
fn two_word_headlines_only_when_nothing_better() {
    let d = doc("Mixed Endings\n\nThe spokesman said \"one\"\n\nand more words here\n");
    assert_eq!(d.title.as_deref(), Some("Mixed Endings"));
    let d = doc("Short Title\n\nThe article text is here and it is long enough.\n");
    assert_eq!(d.title.as_deref(), Some("Short Title"));
    let d = doc("World News\n\nOfficials Say Something Happened\n\nThe article text is here and it is long enough.\n");
    assert_eq!(d.title.as_deref(), Some("Officials Say Something Happened"));
    assert!(d.extras.contains(&"World News".to_string()));
}

#[test]
fn sentence_continuation_lines_join_and_separate_lines_stay_paragraphs() {
    let d = doc("A Headline For This One\n\nThe first line of a paragraph that was\nbroken in the middle of a sentence.\nA new paragraph starts here.\n");
    assert_eq!(d.body, "The first line of a paragraph that was broken in the middle of a sentence.\n\nA new paragraph starts here.");
}

#[test]
fn dates_in_captions_and_related_lists_are_not_the_article_date() {
    let text = "Headline Goes Right Here Today\n\nFILE: A man walks past, Monday, May 3, 2021. (Photo: Someone)\n\nThe article text is here and it is long enough.\n\nRelated Posts\n\nOther Story\nJune 5, 2022\n";
    let d = doc(text);
    assert_eq!(d.date, None);
}

#[test]
fn a_date_bar_above_the_headline_is_the_site_s_date_not_the_article_s() {
    let body = "\n\nThe article text is here and it is long enough to be the article.\n";
    // The page's "today" bar alone: no date is asserted, and the reason is kept.
    let d = doc(&format!("Sunday, March 3, 2024\n\nHeadline Goes Right Here Today{body}"));
    assert_eq!(d.date, None);
    assert!(d.date_uncertain().is_some_and(|w| w.contains("Sunday, March 3, 2024")), "{:?}", d.date_source);
    // With the article's own date elsewhere (a line under the headline, a dateline), that one is taken.
    let d = doc(&format!("Sunday, March 3, 2024\n\nHeadline Goes Right Here Today\n\nNovember 10, 2019{body}"));
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2019-11-10"));
    assert_eq!(d.date_uncertain(), None);
    // A labelled date above the headline, or a weekday date under it, is the article's.
    let d = doc(&format!("Published on Sunday, March 3, 2024\n\nHeadline Goes Right Here Today{body}"));
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2024-03-03"));
    let d = doc(&format!("Headline Goes Right Here Today\n\nSunday, March 3, 2024{body}"));
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2024-03-03"));
    // A plain date header (no weekday) above the headline stays the article's date.
    let d = doc(&format!("March 3, 2024\n\nHeadline Goes Right Here Today{body}"));
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2024-03-03"));
}

#[test]
fn updated_dates_rank_below_publication_dates() {
    let d = doc("(Last Updated On: March 5, 2021)\n\nHeadline Goes Right Here Today\n\nMarch 3, 2021\n\nThe article text is here and it is long enough.\n");
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2021-03-03"));
    let d = doc("(Last Updated On: March 5, 2021)\n\nThe article text is here and it is long enough.\n");
    assert_eq!(d.date.map(|d| d.iso()).as_deref(), Some("2021-03-05"));
    assert_eq!(d.date_source.as_deref(), Some("updated line \"(Last Updated On: March 5, 2021)\""));
}

#[test]
fn decoding() {
    assert!(decode_text(b"").is_err());
    assert!(decode_text(b"   \n\n ").is_err());
    assert!(decode_text(b"abc\0def").unwrap_err().contains("binary"));
    let mut stray = "Some readable text here. ".repeat(20).into_bytes();
    stray.insert(30, 0);
    stray.insert(60, 0x1B);
    let (t, w) = decode_text(&stray).unwrap();
    assert!(!t.contains('\0') && !t.contains('\x1B'));
    assert!(w[0].contains("2 control character"), "{w:?}");
    let (t, w) = decode_text(b"\xEF\xBB\xBFHello\r\nWorld\rAgain").unwrap();
    assert_eq!(t, "Hello\nWorld\nAgain");
    assert!(w.is_empty());
    let (t, w) = decode_text(b"caf\xE9 \x93quoted\x94").unwrap();
    assert_eq!(t, "café \u{201C}quoted\u{201D}");
    assert!(w[0].contains("Windows-1252"));
    let (t, w) = decode_text(
        "d\u{e9}j\u{e0} vu \u{2014} ok \u{2014} \u{201C}x\u{201D}".as_bytes().iter().copied().chain([0xFF]).collect::<Vec<u8>>().as_slice(),
    )
    .unwrap();
    assert!(t.ends_with('\u{FFFD}'));
    assert!(w[0].contains("not valid UTF-8"));
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Hi there".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    assert_eq!(decode_text(&utf16).unwrap().0, "Hi there");
    let utf16_nobom: Vec<u8> = "Hello there".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    assert_eq!(decode_text(&utf16_nobom).unwrap().0, "Hello there");
    let controls: Vec<u8> = (0u8..32).filter(|&b| b != 0 && b != b'\n').cycle().take(200).collect();
    assert!(decode_text(&controls).unwrap_err().contains("binary"));
}

#[test]
fn too_many_lines_are_truncated() {
    let (t, w) = decode_text("a\n\n".repeat(MAX_LINES + 5).as_bytes()).unwrap();
    assert_eq!(t.lines().filter(|l| !l.is_empty()).count(), MAX_LINES);
    assert!(w[0].contains("lines"), "{w:?}");
    let (t, w) = decode_text("a\n".repeat(MAX_LINES).as_bytes()).unwrap();
    assert_eq!(t.lines().count(), MAX_LINES);
    assert!(w.is_empty());
}

#[test]
fn truncation_keeps_whole_lines() {
    let line = "word ".repeat(19) + "end.\n";
    let big = line.repeat(MAX_FILE_BYTES / line.len() + 10);
    let (t, w) = decode_text(big.as_bytes()).unwrap();
    assert!(t.len() <= MAX_FILE_BYTES);
    assert!(t.ends_with("end.\n"));
    assert!(w[0].contains("truncated"));
}
