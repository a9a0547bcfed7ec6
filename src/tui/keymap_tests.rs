use super::*;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn chord(text: &str) -> KeyChord {
    parse_key(text).expect("valid key")
}

#[test]
fn default_keys_resolve_vim_and_arrows_alike() {
    let keymap = Keymap::default();
    let none = KeyModifiers::NONE;
    assert_eq!(
        keymap.resolve(&press(KeyCode::Char('j'), none)),
        Some(Action::MoveDown)
    );
    assert_eq!(
        keymap.resolve(&press(KeyCode::Down, none)),
        Some(Action::MoveDown)
    );
    assert_eq!(
        keymap.resolve(&press(KeyCode::Char('k'), none)),
        Some(Action::MoveUp)
    );
    assert_eq!(
        keymap.resolve(&press(KeyCode::Up, none)),
        Some(Action::MoveUp)
    );
    let ctrl_d = press(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(keymap.resolve(&ctrl_d), Some(Action::PageDown));
    assert_eq!(
        keymap.resolve(&press(KeyCode::PageDown, none)),
        Some(Action::PageDown)
    );
    assert_eq!(
        keymap.resolve(&press(KeyCode::Enter, none)),
        Some(Action::Open)
    );
    assert_eq!(
        keymap.resolve(&press(KeyCode::Esc, none)),
        Some(Action::Back)
    );
    assert_eq!(keymap.resolve(&press(KeyCode::Char('x'), none)), None);
}

#[test]
fn shift_reported_with_a_capital_letter_still_matches() {
    let keymap = Keymap::default();
    let shifted_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(keymap.resolve(&shifted_g), Some(Action::Bottom));
    assert_eq!(
        keymap.resolve(&press(KeyCode::Char('g'), KeyModifiers::NONE)),
        Some(Action::Top)
    );
    let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(keymap.resolve(&back_tab), Some(Action::FocusPrevious));
}

#[test]
fn control_letter_is_not_the_letter() {
    let keymap = Keymap::default();
    let ctrl_j = press(KeyCode::Char('j'), KeyModifiers::CONTROL);
    assert_eq!(keymap.resolve(&ctrl_j), None);
}

#[test]
fn key_releases_are_ignored() {
    let keymap = Keymap::default();
    let mut release = press(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(keymap.resolve(&release), None);
}

#[test]
fn every_action_has_a_default_key() {
    let keymap = Keymap::default();
    for action in Action::ALL {
        assert!(
            keymap.keys_for(action).next().is_some()
                || keymap.layered_keys_for(action).next().is_some(),
            "{} unbound",
            action.name()
        );
    }
}

#[test]
fn no_default_key_is_bound_twice() {
    let keymap = Keymap::default();
    let bindings = keymap.bindings();
    for (i, binding) in bindings.iter().enumerate() {
        assert!(
            !bindings[i + 1..].iter().any(|b| b.key == binding.key),
            "{}",
            binding.key
        );
    }
}

#[test]
fn parses_key_strings() {
    assert_eq!(chord("S"), KeyChord::plain(KeyCode::Char('S')));
    assert_eq!(
        chord("ctrl-d"),
        KeyChord::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
    );
    assert_eq!(chord("C-d"), chord("ctrl-d"));
    assert_eq!(chord("shift-tab"), KeyChord::plain(KeyCode::BackTab));
    assert_eq!(chord("PageDown"), KeyChord::plain(KeyCode::PageDown));
    assert_eq!(chord("f5"), KeyChord::plain(KeyCode::F(5)));
    assert_eq!(chord("-"), KeyChord::plain(KeyCode::Char('-')));
    assert_eq!(
        chord("alt--"),
        KeyChord::new(KeyCode::Char('-'), KeyModifiers::ALT)
    );
    assert_eq!(chord("space"), KeyChord::plain(KeyCode::Char(' ')));
}

#[test]
fn rejects_bad_key_strings() {
    for bad in ["", "ctrl-", "hyper-x", "f99", "pagedwn", "jk"] {
        assert!(parse_key(bad).is_err(), "{bad:?} accepted");
    }
}

#[test]
fn display_is_readable() {
    assert_eq!(chord("ctrl-d").to_string(), "Ctrl-d");
    assert_eq!(chord("pagedown").to_string(), "PgDn");
    assert_eq!(chord("space").to_string(), "Space");
}

#[test]
fn rebinding_replaces_the_action_keys_and_steals_the_key() {
    // `g` is `top` by default; giving it to `save` leaves `top` with Home only.
    let keymap = Keymap::with_overrides(&[(Action::Save, vec![chord("S"), chord("g")])])
        .expect("no conflict");
    let none = KeyModifiers::NONE;
    assert_eq!(
        keymap.resolve(&press(KeyCode::Char('S'), none)),
        Some(Action::Save)
    );
    assert_eq!(
        keymap.resolve(&press(KeyCode::Char('g'), none)),
        Some(Action::Save)
    );
    assert_eq!(keymap.resolve(&press(KeyCode::Char('s'), none)), None);
    let top: Vec<_> = keymap.keys_for(Action::Top).collect();
    assert_eq!(top, vec![chord("home")]);
}

#[test]
fn two_overrides_on_one_key_conflict() {
    let error = Keymap::with_overrides(&[
        (Action::Save, vec![chord("x")]),
        (Action::Tag, vec![chord("x")]),
    ])
    .expect_err("conflict");
    assert_eq!(error.first, "save");
    assert_eq!(error.second, "tag");
}

#[test]
fn a_layer_is_checked_first_and_only_where_it_holds() {
    let keymap = Keymap::default();
    let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(
        keymap.resolve_in(&[Layer::SourcesPane], &a),
        Some(Action::AddSource)
    );
    assert_eq!(
        keymap.resolve_in(&[], &a),
        Some(Action::Acknowledge),
        "`a` acknowledges elsewhere"
    );
    let plus = press(KeyCode::Char('+'), KeyModifiers::NONE);
    assert_eq!(keymap.resolve_in(&[], &plus), Some(Action::AddSource));
    let i = press(KeyCode::Char('i'), KeyModifiers::NONE);
    assert_eq!(
        keymap.resolve_in(&[Layer::FirstRun], &i),
        Some(Action::ImportStarter)
    );
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(
        keymap.resolve_in(&[Layer::SourcesPane], &j),
        Some(Action::MoveDown)
    );

    let rebound = Keymap::with_overrides(&[(Action::Save, vec![chord("a")])]).unwrap();
    assert_eq!(
        rebound.resolve_in(&[Layer::SourcesPane], &a),
        Some(Action::Save),
        "a key the user gave another action is theirs everywhere"
    );
}

#[test]
fn restating_a_default_key_keeps_the_layer_that_shares_it() {
    let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
    let restated = Keymap::with_overrides(&[(Action::Acknowledge, vec![parse_key("a").unwrap()])])
        .expect("no conflict");
    assert_eq!(
        restated.resolve_in(&[Layer::SourcesPane], &a),
        Some(Action::AddSource)
    );
    let moved = Keymap::with_overrides(&[(Action::Save, vec![parse_key("a").unwrap()])])
        .expect("no conflict");
    assert_eq!(
        moved.resolve_in(&[Layer::SourcesPane], &a),
        Some(Action::Save),
        "a key given to another action is theirs everywhere"
    );
}
