//! The API address a vendor is given: it must be one they can reach, so never this computer's
//! own (loopback), and a plain web address.

/// Whether `url`'s host is this computer alone (`localhost`, `127.0.0.1`, `::1`): nobody else
/// reaches it. An address that does not parse is not one anybody reaches either.
pub fn is_this_computer_only(url: &str) -> bool {
    match url::Url::parse(url.trim())
        .ok()
        .and_then(|u| u.host().map(|h| h.to_owned()))
    {
        Some(url::Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback() || ip.is_unspecified(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback() || ip.is_unspecified(),
        None => true,
    }
}

/// A public API address as typed, checked: `http(s)://host[:port][/path]`, no query or
/// fragment, not this computer's own. Returns it without its trailing slash, or the reason
/// (a field error code).
pub fn public_api_url(typed: &str) -> Result<String, &'static str> {
    let typed = typed.trim();
    let Ok(url) = url::Url::parse(typed) else {
        return Err("invalid_url");
    };
    if !matches!(url.scheme(), "http" | "https")
        || url.host().is_none()
        || url.query().is_some()
        || url.fragment().is_some()
        || !url.username().is_empty()
        || typed.len() > 300
    {
        return Err("invalid_url");
    }
    if is_this_computer_only(typed) {
        return Err("loopback_address");
    }
    Ok(typed.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_computers_own_addresses_are_told_apart() {
        for url in [
            "http://127.0.0.1:36323/api/v1",
            "http://localhost:8750",
            "https://LOCALHOST./api/v1",
            "http://[::1]:8750/api/v1",
            "http://0.0.0.0:8750",
            "not an address",
        ] {
            assert!(is_this_computer_only(url), "{url}");
        }
        for url in [
            "https://sesame.example.org/api/v1",
            "http://192.168.1.20:8750",
        ] {
            assert!(!is_this_computer_only(url), "{url}");
        }
    }

    #[test]
    fn a_public_api_address_is_a_reachable_web_address() {
        assert_eq!(
            public_api_url(" https://sesame.example.org/api/v1/ "),
            Ok("https://sesame.example.org/api/v1".into())
        );
        assert_eq!(
            public_api_url("http://127.0.0.1:36323/api/v1"),
            Err("loopback_address")
        );
        for bad in [
            "ftp://x.org",
            "sesame.example.org",
            "https://x.org/?a=1",
            "https://u@x.org",
        ] {
            assert_eq!(public_api_url(bad), Err("invalid_url"), "{bad}");
        }
    }
}
