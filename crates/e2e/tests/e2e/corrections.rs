//! Issue 19, corrections in the page: a stance corrected on a card changes the stance facet's counts, says
//! "corrected" with the original on hover, survives a reload; "not a claim" leaves the list; the corrections
//! export as corrections.toml; damaged stored corrections lose only themselves.
use counterclaim_core::corrections::storage_key;
use counterclaim_core::model::Stance;
use fantoccini::{Client, Locator};

use super::pictures::downloaded;
use super::{actions, harness::Session, locators};

/// The stance facet's count for `stance` in the sidebar.
pub(super) async fn stance_count(c: &Client, stance: &str) -> usize {
    let js = format!("const e = document.querySelector(\"input[data-facet=stance][data-value={stance}] + label .fv-count\"); return e ? e.textContent : '0';");
    actions::js(c, &js).await.as_str().unwrap_or("0").trim().parse().unwrap()
}

/// Open the "Correct" menu of card `id`.
pub(super) async fn open_menu(c: &Client, id: &str) {
    actions::click(c, &format!("{} [data-action=correct]", locators::card(id))).await;
    actions::wait_for(c, &format!("{} [data-testid=correct-menu][open]", locators::card(id))).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stance_correction_changes_the_facets_persists_and_exports() {
    let corpus = super::harness::seeds();
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    let n = actions::result_count(c).await;
    let ids = actions::card_ids(c).await;
    let (first, second) = (ids[0].clone(), ids[1].clone());
    let was = corpus.claim(&first).unwrap().stance;
    let now = Stance::ALL.into_iter().find(|x| *x != was).unwrap();
    let (was_n, now_n) = (stance_count(c, was.as_str()).await, stance_count(c, now.as_str()).await);
    open_menu(c, &first).await;
    let select = actions::wait_for(c, &format!("{} [data-testid=correct-stance]", locators::card(&first))).await;
    select.select_by_value(now.as_str()).await.unwrap();
    let counted = || async { (stance_count(c, was.as_str()).await, stance_count(c, now.as_str()).await) == (was_n - 1, now_n + 1) };
    actions::until("the stance facet counts the corrected stance", counted).await;
    let tag = actions::wait_for(c, &format!("{} [data-testid=corrected]", locators::card(&first))).await;
    assert_eq!(tag.text().await.unwrap(), "corrected");
    let title = actions::attr(&tag, "title").await;
    assert!(title.contains(&format!("stance {}", was.label())), "the original on hover: {title:?}");
    assert_eq!(actions::attr(&actions::wait_for(c, &locators::card(&first)).await, "data-stance").await, now.as_str());
    actions::screenshot(c, "corrections-stance").await;

    actions::open_app(c, &s.server.url("")).await;
    actions::wait_for(c, &format!("{} [data-testid=corrected]", locators::card(&first))).await;
    assert!(counted().await, "after a reload the correction still counts");

    open_menu(c, &second).await;
    actions::click(c, &format!("{} [data-testid=correct-not-claim]", locators::card(&second))).await;
    actions::until("a claim marked not a claim leaves the list", || async { actions::result_count(c).await == n - 1 }).await;
    assert!(!actions::card_ids(c).await.contains(&second));
    let foot = actions::wait_for(c, "[data-testid=corrections] summary").await;
    assert!(foot.text().await.unwrap().starts_with("2 corrected"));

    actions::click(c, "[data-testid=export-menu] summary").await;
    actions::click(c, "[data-export=corrections]").await;
    let toml = downloaded(&s.downloads.0, "corrections.toml").await;
    assert!(toml.contains(&format!("claim = \"{first}\"\nstance = \"{}\"", now.as_str())), "{toml}");
    assert!(toml.contains(&format!("claim = \"{second}\"\nnot_a_claim = true")), "{toml}");

    // Undone from the list at the foot, the claim is back.
    foot.click().await.unwrap();
    actions::click(c, &format!("[data-testid=corrections] li[data-claim-id='{second}'] [data-testid=undo-correction]")).await;
    actions::until("an undone 'not a claim' is back", || async { actions::result_count(c).await == n }).await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn damaged_stored_corrections_lose_only_themselves() {
    let corpus = super::harness::seeds();
    let key = storage_key(&corpus);
    let claim = &corpus.claims[0];
    let now = Stance::ALL.into_iter().find(|x| *x != claim.stance).unwrap();
    let s = Session::new().await;
    let c = &s.client;
    actions::open_app(c, &s.server.url("")).await;
    let stored =
        format!("counterclaim corrections 1\\n{}\\tmaybe\\t\\t\\n\\u0000\\n{}\\t{}\\t\\t", corpus.claims[1].id, claim.id, now.as_str());
    actions::js(c, &format!("localStorage.setItem({key:?}, \"{stored}\"); return 1;")).await;
    actions::open_app(c, &s.server.url("")).await;
    let card = actions::wait_for(c, &locators::card(&claim.id)).await;
    assert_eq!(actions::attr(&card, "data-stance").await, now.as_str(), "the readable correction is applied");
    assert!(c.find(Locator::Css(&format!("{} [data-testid=corrected]", locators::card(&corpus.claims[1].id)))).await.is_err());
    actions::js(c, &format!("localStorage.setItem({key:?}, '{{not ours'); return 1;")).await;
    actions::open_app(c, &s.server.url("")).await;
    super::checks::app_alive(c).await;
    assert_eq!(actions::result_count(c).await, corpus.claims.len());
    s.close().await;
}
