//! Where things are on the page: the stable test hooks (`data-testid`, `data-claim-id`, …) in one place.
#![allow(dead_code)]

pub const DOC_LIST: &str = "[data-testid=doc-list]";
pub const DOC_ITEM: &str = "[data-testid=doc-list] [data-doc-id]";
/// The app's main column once the whole first view is rendered (the first render shows the claims only).
pub const APP_COMPLETE: &str = "main[data-complete]";
pub const RESULT_COUNT: &str = "[data-testid=result-count]";
pub const SEARCH: &str = "[data-testid=search]";
pub const CARD: &str = "[data-testid=claim-list] [data-claim-id]";
pub const READER: &str = "[data-testid=reader]";
pub const URL_NOTICE: &str = "[data-testid=url-notice]";
pub const COMPARE: &str = "[data-testid=compare]";
pub const COMPARE_COL: &str = "[data-testid=compare] [data-claim-id]";
pub const OPPOSING: &str = "[data-testid=opposing]";

pub fn facet_box(facet: &str, value: &str) -> String {
    format!("input[data-facet={facet}][data-value='{value}']")
}
pub fn card(id: &str) -> String {
    format!("[data-testid=claim-list] [data-claim-id='{id}']")
}
pub fn card_action(id: &str, action: &str) -> String {
    format!("[data-testid=claim-list] [data-claim-id='{id}'] [data-action={action}]")
}
pub fn reader_span(id: &str) -> String {
    format!("[data-testid=reader] mark[data-claim-id='{id}']")
}
