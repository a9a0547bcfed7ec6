//! X/Twitter, Facebook, Instagram, Threads and LinkedIn publish no feeds. Their addresses and
//! handles are recognised so that `add` explains the choices instead of subscribing to a page
//! that fails on every refresh, or goes through a bridge the user configured.

use super::{Resolved, TargetError};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    X,
    Facebook,
    Instagram,
    Threads,
    LinkedIn,
}

impl Network {
    /// The key of its `[bridges]` entry.
    pub fn key(self) -> &'static str {
        match self {
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::Instagram => "instagram",
            Network::Threads => "threads",
            Network::LinkedIn => "linkedin",
        }
    }

    /// How RSS-Bridge names its bridge for the network, for the example in the explanation.
    fn bridge_name(self) -> &'static str {
        match self {
            Network::X => "X",
            Network::Facebook => "Facebook",
            Network::Instagram => "Instagram",
            Network::Threads => "Threads",
            Network::LinkedIn => "LinkedIn",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Network::X => "X (Twitter)",
            Network::Facebook => "Facebook",
            Network::Instagram => "Instagram",
            Network::Threads => "Threads",
            Network::LinkedIn => "LinkedIn",
        }
    }

    fn from_host(host: &str) -> Option<Network> {
        let host = host.trim_start_matches("www.").trim_start_matches("m.");
        let host = host
            .trim_start_matches("mobile.")
            .trim_start_matches("web.");
        match host {
            "x.com" | "twitter.com" => Some(Network::X),
            "facebook.com" | "fb.com" => Some(Network::Facebook),
            "instagram.com" => Some(Network::Instagram),
            "threads.net" | "threads.com" => Some(Network::Threads),
            "linkedin.com" => Some(Network::LinkedIn),
            _ => None,
        }
    }

    fn from_prefix(prefix: &str) -> Option<Network> {
        match prefix.to_lowercase().as_str() {
            "x" | "twitter" => Some(Network::X),
            "facebook" | "fb" => Some(Network::Facebook),
            "instagram" | "ig" => Some(Network::Instagram),
            "threads" => Some(Network::Threads),
            "linkedin" => Some(Network::LinkedIn),
            _ => None,
        }
    }
}

/// An account, page or group on a network without feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walled {
    pub network: Network,
    /// The account, page or group name (or number).
    pub name: String,
    pub is_group: bool,
    /// The canonical address of what the user followed: remembered by the source.
    pub address: String,
}

impl Walled {
    fn new(network: Network, name: &str, is_group: bool) -> Walled {
        let address = match (network, is_group) {
            (Network::X, _) => format!("https://x.com/{name}"),
            (Network::Facebook, true) => format!("https://www.facebook.com/groups/{name}"),
            (Network::Facebook, false) => format!("https://www.facebook.com/{name}"),
            (Network::Instagram, _) => format!("https://www.instagram.com/{name}"),
            (Network::Threads, _) => format!("https://www.threads.net/@{name}"),
            (Network::LinkedIn, true) => format!("https://www.linkedin.com/company/{name}"),
            (Network::LinkedIn, false) => format!("https://www.linkedin.com/in/{name}"),
        };
        Walled {
            network,
            name: name.to_string(),
            is_group,
            address,
        }
    }

    /// The feed through the configured bridge, or the explanation of the choices.
    pub(super) fn through_bridge(
        self,
        bridges: &BTreeMap<String, String>,
    ) -> Result<Resolved, TargetError> {
        let Some(template) = bridges.get(self.network.key()) else {
            return Err(TargetError::NoFeed(self));
        };
        let encode =
            |text: &str| url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>();
        let url = template
            .replace("{user}", &encode(&self.name))
            .replace("{url}", &encode(&self.address));
        Ok(Resolved {
            url,
            category: Some("social"),
            origin: Some(self.address),
            discover: false,
        })
    }
}

impl fmt::Display for Walled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let network = self.network.name();
        let what = if self.is_group { "the group" } else { "" };
        let name = if self.is_group {
            self.name.clone()
        } else {
            format!("@{}", self.name)
        };
        let what = if what.is_empty() {
            String::new()
        } else {
            format!("{what} ")
        };
        writeln!(
            f,
            "{network} publishes no feed for {what}{name}. The choices:"
        )?;
        writeln!(
            f,
            "  - follow the same account on Mastodon or Bluesky, where many institutions mirror their posts (rounds add @user@instance, rounds add name.bsky.social);"
        )?;
        writeln!(
            f,
            "  - use a bridge you run or trust (RSS-Bridge, a Nitter instance, an RSS service) through a template in the config, such as [bridges] {} = \"https://bridge.example/?action=display&bridge={}Bridge&u={{user}}&format=Atom\", then add it again;",
            self.network.key(),
            self.network.bridge_name()
        )?;
        write!(
            f,
            "  - private groups cannot be followed from outside, by design (confidentiality)."
        )
    }
}

/// `x.com/NAME`, `twitter.com/NAME/status/…`, `facebook.com/groups/…`, `instagram.com/NAME`,
/// `threads.net/@NAME`, `linkedin.com/in/NAME`.
pub(super) fn from_url(url: &url::Url) -> Option<Walled> {
    let network = Network::from_host(&url.host_str()?.to_lowercase())?;
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    let first = segments.first().copied();
    let walled = match (network, segments.as_slice()) {
        (Network::Facebook, ["groups", group, ..]) => Walled::new(network, group, true),
        (Network::Facebook, ["profile.php", ..]) => {
            let id = url.query_pairs().find(|(k, _)| k == "id")?.1.to_string();
            Walled::new(network, &id, false)
        }
        (Network::LinkedIn, ["in", name, ..]) => Walled::new(network, name, false),
        (Network::LinkedIn, ["company" | "school", name, ..]) => Walled::new(network, name, true),
        (Network::LinkedIn, _) => return None,
        _ => {
            let name = first?.trim_start_matches('@');
            if is_reserved_path(name) {
                return None;
            }
            Walled::new(network, name, false)
        }
    };
    Some(walled)
}

/// `x:CDCgov`, `twitter:CDCgov`, `@CDCgov@x.com`, `instagram:who`, `facebook:groups/…`.
pub(super) fn from_handle(target: &str) -> Option<Walled> {
    if let Some((user, host)) = target
        .strip_prefix('@')
        .and_then(|rest| rest.split_once('@'))
    {
        let network = Network::from_host(&host.to_lowercase())?;
        return Some(Walled::new(network, user, false));
    }
    let (prefix, name) = target.split_once(':')?;
    let network = Network::from_prefix(prefix)?;
    let name = name.trim_start_matches('@');
    match name.strip_prefix("groups/") {
        Some(group) if !group.is_empty() => Some(Walled::new(network, group, true)),
        _ if !name.is_empty() && !name.contains('/') => Some(Walled::new(network, name, false)),
        _ => None,
    }
}

/// Paths of these sites that are not accounts.
fn is_reserved_path(name: &str) -> bool {
    const RESERVED: [&str; 10] = [
        "home", "i", "search", "explore", "hashtag", "intent", "share", "login", "watch", "p",
    ];
    name.is_empty() || RESERVED.contains(&name.to_lowercase().as_str())
}
