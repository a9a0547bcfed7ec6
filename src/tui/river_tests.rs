use super::*;

/// Every other item read.
fn summary(id: i64) -> ItemSummary {
    ItemSummary {
        read: id % 2 == 0,
        ..crate::test_fixtures::summary(id, &format!("Item {id}"))
    }
}

fn rows(range: std::ops::Range<i64>) -> Vec<ItemSummary> {
    range.map(summary).collect()
}

fn generation_of(command: &Command) -> (u64, usize) {
    match command {
        Command::LoadRiver {
            generation,
            offset,
            limit,
            ..
        } => {
            assert_eq!(*limit, WINDOW);
            (*generation, *offset)
        }
        other => panic!("expected LoadRiver, got {other:?}"),
    }
}

/// A river showing rows 0..200 of 1000.
fn loaded_river() -> River {
    let mut river = River::new(Lane::All);
    let (generation, _) = generation_of(&river.request_wanted());
    assert!(river.on_loaded(generation, 1000, 0, rows(0..200)));
    river
}

#[test]
fn stale_answers_are_dropped() {
    let mut river = River::new(Lane::All);
    river.wanted.text = "meas".into();
    let (old, _) = generation_of(&river.request_wanted());
    river.wanted.text = "measles".into();
    let (new, _) = generation_of(&river.request_wanted());
    assert!(new > old);
    assert!(!river.on_loaded(old, 5, 0, rows(0..5)));
    assert!(!river.loaded);
    assert!(river.on_loaded(new, 2, 0, rows(0..2)));
    assert_eq!(river.shown.text, "measles");
    assert_eq!(river.total, 2);
}

#[test]
fn rejected_query_keeps_the_last_good_rows() {
    let mut river = loaded_river();
    river.wanted.text = "(measles".into();
    let (generation, _) = generation_of(&river.request_wanted());
    assert!(river.on_rejected(generation));
    assert_eq!(river.rows.len(), 200);
    assert_eq!(river.shown.text, "");
    assert!(!river.on_rejected(generation), "answered twice");
}

#[test]
fn no_window_request_inside_the_loaded_rows() {
    let mut river = loaded_river();
    river.select(100);
    assert_eq!(river.window_request(), None);
}

#[test]
fn approaching_the_end_of_the_window_asks_for_the_next() {
    let mut river = loaded_river();
    river.select(160);
    let (generation, offset) = generation_of(&river.window_request().expect("window"));
    assert_eq!(offset, 60);
    assert!(river.on_loaded(generation, 1000, 60, rows(60..260)));
    assert_eq!(river.selected, 160, "selection kept on a window move");
    assert_eq!(river.row(160).map(|r| r.id), Some(ItemId(160)));
    assert_eq!(river.row(10), None);
}

#[test]
fn jumping_to_the_bottom_loads_the_last_window() {
    let mut river = loaded_river();
    river.select(usize::MAX);
    assert_eq!(river.selected, 999);
    assert_eq!(river.selected_row(), None);
    let (_, offset) = generation_of(&river.window_request().expect("window"));
    assert_eq!(offset, 899);
}

#[test]
fn window_moves_wait_for_a_pending_new_query() {
    let mut river = loaded_river();
    river.wanted.lane = Lane::Unread;
    river.request_wanted();
    river.select(190);
    assert_eq!(river.window_request(), None);
}

#[test]
fn reload_keeps_the_selected_item() {
    let mut river = loaded_river();
    river.select(10);
    let (generation, offset) = generation_of(&river.reload());
    assert_eq!(offset, 0);
    // Two new items arrived on top: item 10 is now the 12th row.
    let mut fresh = rows(1000..1002);
    fresh.extend(rows(0..198));
    assert!(river.on_loaded(generation, 1002, 0, fresh));
    assert_eq!(river.selected, 12);
}

#[test]
fn new_query_selects_the_top() {
    let mut river = loaded_river();
    river.select(42);
    river.wanted.text = "sepsis".into();
    let (generation, _) = generation_of(&river.request_wanted());
    assert!(river.on_loaded(generation, 3, 0, rows(0..3)));
    assert_eq!((river.selected, river.top), (0, 0));
}

#[test]
fn scrolling_follows_the_selection() {
    let mut river = loaded_river();
    river.select(30);
    river.scroll_into_view(10);
    assert_eq!(river.top, 21);
    river.select(5);
    river.scroll_into_view(10);
    assert_eq!(river.top, 5);
}

#[test]
fn next_unread_skips_read_rows() {
    let mut river = loaded_river();
    river.select(1);
    assert_eq!(river.next_unread(2), Some(3));
    river.apply_mark(&[ItemId(3)], Mark::Read);
    assert_eq!(river.next_unread(2), Some(5));
    assert_eq!(river.next_unread(5), Some(5), "from a position, inclusive");
    assert!(!river.fully_loaded(), "200 of 1000 rows");
}

#[test]
fn a_place_comes_back_after_the_rows_went_away() {
    let mut river = loaded_river();
    river.select(150);
    river.scroll_into_view(20);
    let place = river.place();
    assert_eq!(place.anchor, Some(ItemId(150)));
    // Everything was marked read in the Unread lane: the river emptied.
    let (generation, _) = generation_of(&river.reload());
    assert!(river.on_loaded(generation, 0, 0, Vec::new()));
    river.scroll_into_view(20);
    assert_eq!((river.selected, river.top), (0, 0));
    // The undo brings the rows back; the window asked for holds the old place.
    let (generation, offset) = generation_of(&river.restore(&place));
    assert_eq!(offset, 50);
    assert!(river.on_loaded(generation, 1000, 50, rows(50..250)));
    river.scroll_into_view(20);
    assert_eq!(river.selected, 150);
    assert_eq!(river.top, place.top);
    assert_eq!(place.top, 131);
}

#[test]
fn a_short_answer_is_not_asked_for_again() {
    // The worker counted 1000 but sent 24 rows: asking for offset 0 again cannot help.
    let mut river = River::new(Lane::All);
    let (generation, _) = generation_of(&river.request_wanted());
    assert!(river.on_loaded(generation, 1000, 0, rows(0..24)));
    assert_eq!(river.window_request(), None);
}
