//! When the browser cannot start, the whole link is shown and copied (OSC 52), never cut.

mod tui_support;

use rounds::tui::app::{Effect, Msg};
use tui_support::{draw, key, loaded_app, screen_rows, window_lines};

const LINK: &str = "https://www.nejm.org/doi/full/10.1056/NEJMoa2406789?query=featured_home&utm_source=rss&utm_medium=feed&utm_campaign=cardiology-weekly-2026-11";

/// The screen's rows.
fn rows(app: &rounds::tui::app::App) -> Vec<String> {
    screen_rows(draw(app).backend().buffer())
}

/// The notice's text: its lines joined without spaces, as a link cut across lines reads.
fn inside_notice(screen: &[String]) -> String {
    window_lines(screen, "The browser did not open").concat()
}

#[test]
fn the_whole_link_is_shown_and_copied_when_the_browser_fails() {
    for (width, height) in [(60, 20), (80, 24), (200, 60)] {
        let mut app = loaded_app(width, height);
        let effects = app.update(Msg::BrowserFailed {
            url: LINK.into(),
            error: "could not start firefox: No such file or directory (os error 2)".into(),
        });
        assert_eq!(effects, vec![Effect::Copy(LINK.into())], "{width}×{height}");
        let screen = rows(&app);
        let shown = inside_notice(&screen);
        assert!(
            shown.contains(LINK),
            "{width}×{height}: the link is not whole on screen:\n{}",
            screen.join("\n")
        );
        assert!(
            shown.contains("could not start firefox"),
            "{width}×{height}"
        );

        // Any key closes it and does nothing else: `q` does not quit here.
        assert_eq!(app.update(Msg::Key(key('q'))), vec![]);
        assert!(app.notice.is_none());
        assert!(!rows(&app).concat().contains("did not open"));
    }
}
