//! The settings of following things: bridges for networks without feeds, refresh intervals by
//! category, and retention.

use super::{ConfigError, RawConfig, invalid};

/// Networks a bridge can stand in for; `twitter` is another name for `x`.
pub const BRIDGE_NETWORKS: [&str; 5] = ["x", "facebook", "instagram", "threads", "linkedin"];

pub const DEFAULT_KEEP_DAYS: u32 = 180;
pub const DEFAULT_MAX_ITEMS_PER_SOURCE: u32 = 1000;

/// Validates `[bridges]`, `[schedules]`, `keep_days` and `max_items_per_source` into `config`.
pub(super) fn apply(
    text: &str,
    raw: &RawConfig,
    config: &mut super::Config,
) -> Result<(), ConfigError> {
    for (network, template) in &raw.bridges {
        let name = network.get_ref().trim().to_lowercase();
        let name = if name == "twitter" {
            "x".to_string()
        } else {
            name
        };
        if !BRIDGE_NETWORKS.contains(&name.as_str()) {
            let message = format!(
                "[bridges] knows {} (not \"{}\")",
                BRIDGE_NETWORKS.join(", "),
                network.get_ref()
            );
            return Err(invalid(text, network.span().start, message));
        }
        check_template(template.get_ref())
            .map_err(|message| invalid(text, template.span().start, message))?;
        config
            .bridges
            .insert(name, template.get_ref().trim().to_string());
    }
    for (category, every) in &raw.schedules {
        let interval = crate::interval::parse(every.get_ref())
            .map_err(|error| invalid(text, every.span().start, error.to_string()))?;
        config
            .schedules
            .insert(category.get_ref().clone(), interval);
    }
    if let Some(days) = &raw.keep_days {
        config.keep_days = u32::try_from(*days.get_ref()).map_err(|_| {
            invalid(
                text,
                days.span().start,
                "keep_days must be 0 (keep forever) or a number of days".into(),
            )
        })?;
    }
    if let Some(cap) = &raw.max_items_per_source {
        config.max_items_per_source = u32::try_from(*cap.get_ref()).map_err(|_| {
            invalid(
                text,
                cap.span().start,
                "max_items_per_source must be 0 (no limit) or a number".into(),
            )
        })?;
    }
    Ok(())
}

/// A bridge template is a web address with `{user}` (the account, page or group name) or
/// `{url}` (the original address, percent-encoded) in it.
fn check_template(template: &str) -> Result<(), String> {
    let template = template.trim();
    let filled = template.replace("{user}", "someone").replace("{url}", "x");
    let web = url::Url::parse(&filled).is_ok_and(|url| matches!(url.scheme(), "http" | "https"));
    if !web {
        return Err(format!(
            "the bridge \"{template}\" is not an http(s) address"
        ));
    }
    if !template.contains("{user}") && !template.contains("{url}") {
        return Err(format!(
            "the bridge \"{template}\" needs {{user}} or {{url}} where the account goes"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use std::time::Duration;

    #[test]
    fn follow_settings_are_read_and_checked_with_their_line() {
        let config = Config::from_toml(
            "keep_days = 30\nmax_items_per_source = 0\n[schedules]\nJournals = \"2h\"\n\
             [bridges]\ntwitter = \"https://bridge.example/?u={user}\"\n",
        )
        .expect("valid");
        assert_eq!((config.keep_days, config.max_items_per_source), (30, 0));
        assert_eq!(config.schedules["Journals"], Duration::from_secs(7200));
        assert_eq!(config.bridges["x"], "https://bridge.example/?u={user}");

        let error = |text: &str| Config::from_toml(text).unwrap_err().to_string();
        let unknown = error("[bridges]\nmyspace = \"https://b.example/{user}\"\n");
        assert!(
            unknown.contains("line 2") && unknown.contains("x, facebook"),
            "{unknown}"
        );
        let no_user = error("[bridges]\nx = \"https://b.example/feed\"\n");
        assert!(no_user.contains("{user}"), "{no_user}");
        let scheme = error("[bridges]\nx = \"ftp://b.example/{user}\"\n");
        assert!(scheme.contains("not an http(s) address"), "{scheme}");
        let interval = error("[schedules]\nsocial = \"often\"\n");
        assert!(
            interval.contains("line 2") && interval.contains("15m"),
            "{interval}"
        );
        let negative = error("keep_days = -1\n");
        assert!(negative.contains("keep_days"), "{negative}");
    }
}
