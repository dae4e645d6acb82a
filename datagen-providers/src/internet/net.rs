//! Network providers: `internet.url`, `internet.ipv4`, `internet.ipv6`, `internet.mac`,
//! `internet.user_agent`.

use std::fmt::Write as _;
use std::net::Ipv6Addr;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use datagen_core::Ctx;

use crate::text::push_padded;

/// The RFC 5737 documentation blocks (TEST-NET-1, -2 and -3), used in safe mode.
const IPV4_DOCUMENTATION: [[u8; 3]; 3] = [[192, 0, 2], [198, 51, 100], [203, 0, 113]];

/// IPv4 blocks that are not public unicast: (network, prefix length). From the IANA IPv4
/// Special-Purpose Address Registry (RFC 6890 and its updates) plus multicast (RFC 5771) and the
/// reserved class E (RFC 1112).
pub(crate) const IPV4_NOT_PUBLIC: &[([u8; 4], u8)] = &[
    ([0, 0, 0, 0], 8),       // "this network" (RFC 791)
    ([10, 0, 0, 0], 8),      // private (RFC 1918)
    ([100, 64, 0, 0], 10),   // shared address space, carrier-grade NAT (RFC 6598)
    ([127, 0, 0, 0], 8),     // loopback (RFC 1122)
    ([169, 254, 0, 0], 16),  // link-local (RFC 3927)
    ([172, 16, 0, 0], 12),   // private (RFC 1918)
    ([192, 0, 0, 0], 24),    // IETF protocol assignments (RFC 6890)
    ([192, 0, 2, 0], 24),    // TEST-NET-1 (RFC 5737)
    ([192, 31, 196, 0], 24), // AS112-v4 (RFC 7535)
    ([192, 52, 193, 0], 24), // AMT (RFC 7450)
    ([192, 88, 99, 0], 24),  // deprecated 6to4 relay anycast (RFC 7526)
    ([192, 168, 0, 0], 16),  // private (RFC 1918)
    ([192, 175, 48, 0], 24), // direct delegation AS112 (RFC 7534)
    ([198, 18, 0, 0], 15),   // benchmarking (RFC 2544)
    ([198, 51, 100, 0], 24), // TEST-NET-2 (RFC 5737)
    ([203, 0, 113, 0], 24),  // TEST-NET-3 (RFC 5737)
    ([224, 0, 0, 0], 4),     // multicast (RFC 5771)
    ([240, 0, 0, 0], 4),     // reserved, and the limited broadcast address (RFC 1112, 919)
];

/// Whether `addr` lies in one of the [`IPV4_NOT_PUBLIC`] blocks.
fn ipv4_is_special(addr: u32) -> bool {
    IPV4_NOT_PUBLIC.iter().any(|&(net, len)| {
        let mask = u32::MAX << (32 - u32::from(len));
        addr & mask == u32::from_be_bytes(net)
    })
}

/// An IPv4 address in dotted-quad form (`internet.ipv4`).
///
/// Normal mode: a public unicast address, uniform over the space outside the IANA
/// special-purpose blocks (private, loopback, link-local, carrier-grade NAT, documentation,
/// benchmarking, multicast, reserved), with a host part that is neither `.0` nor `.255`.
/// Safe mode: a host in one of the RFC 5737 documentation blocks 192.0.2.0/24,
/// 198.51.100.0/24 and 203.0.113.0/24, which are never routed.
///
/// ```
/// let mut ctx = datagen_core::Ctx::seeded(1).safe();
/// let ip: std::net::Ipv4Addr = datagen_providers::internet::ipv4(&mut ctx).parse().unwrap();
/// assert!(ip.is_documentation());
/// ```
pub fn ipv4(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(15);
    write_ipv4(ctx, &mut out);
    out
}

/// Appends an IPv4 address to `out`; see [`ipv4`].
pub fn write_ipv4(ctx: &mut Ctx, out: &mut String) {
    let octets = if ctx.is_safe() {
        let [a, b, c] = *ctx.pick(&IPV4_DOCUMENTATION);
        [a, b, c, ctx.range(1..=254u8)]
    } else {
        loop {
            let addr = ctx.next_u32();
            let last = addr as u8;
            if !ipv4_is_special(addr) && last != 0 && last != 255 {
                break addr.to_be_bytes();
            }
        }
    };
    for (i, octet) in octets.into_iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        push_padded(out, u32::from(octet), 1);
    }
}

/// The /12 blocks IANA has allocated to the five regional internet registries (IANA IPv6 Global
/// Unicast Address Assignments): APNIC, ARIN, LACNIC, RIPE NCC, AFRINIC.
const IPV6_RIR_BLOCKS: [u16; 5] = [0x2400, 0x2600, 0x2800, 0x2a00, 0x2c00];

/// An IPv6 address in its canonical text form, RFC 5952 (`internet.ipv6`).
///
/// Normal mode: a global unicast address inside one of the /12 blocks allocated to the regional
/// internet registries (2400::/12, 2600::/12, 2800::/12, 2a00::/12, 2c00::/12). Safe mode: an
/// address in 2001:db8::/32, reserved for documentation (RFC 3849).
pub fn ipv6(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(39);
    write_ipv6(ctx, &mut out);
    out
}

/// Appends an IPv6 address to `out`; see [`ipv6`].
pub fn write_ipv6(ctx: &mut Ctx, out: &mut String) {
    let high = ctx.next_u64();
    let low = ctx.next_u64();
    let high = if ctx.is_safe() {
        (0x2001_0db8u64 << 32) | (high & 0xffff_ffff)
    } else {
        let block = u64::from(*ctx.pick(&IPV6_RIR_BLOCKS));
        (block << 48) | (high & 0x000f_ffff_ffff_ffff)
    };
    let addr = Ipv6Addr::from((u128::from(high) << 64) | u128::from(low));
    // Ipv6Addr's Display writes the RFC 5952 form; writing to a String cannot fail.
    let _ = write!(out, "{addr}");
}

/// A MAC address (EUI-48), six lowercase hex pairs joined by colons (`internet.mac`).
///
/// Normal mode: a unicast, universally administered address (the two low bits of the first
/// octet clear), as on network cards. Safe mode: a unicast, *locally* administered address (the
/// second-lowest bit set), a kind no manufacturer assigns, so it cannot name a real device.
pub fn mac(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(17);
    write_mac(ctx, &mut out);
    out
}

/// Appends a MAC address to `out`; see [`mac`].
pub fn write_mac(ctx: &mut Ctx, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut bytes = ctx.next_u64().to_le_bytes();
    bytes[0] &= !0b11;
    if ctx.is_safe() {
        bytes[0] |= 0b10;
    }
    for (i, b) in bytes[..6].iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
}

/// Path segments of made-up URLs.
const URL_SEGMENTS: &[&str] = &[
    "about",
    "account",
    "app",
    "articles",
    "blog",
    "category",
    "contact",
    "docs",
    "events",
    "explore",
    "faq",
    "help",
    "list",
    "login",
    "main",
    "news",
    "posts",
    "products",
    "search",
    "shop",
    "support",
    "tags",
    "wp-content",
    "careers",
    "privacy",
];

/// A URL such as `https://www.miller.com/blog/posts` (`internet.url`): https (sometimes http), a
/// made-up [`domain`](super::domain), sometimes with `www.`, and zero to two path segments.
///
/// Safe mode: the host is under example.com, example.net or example.org (RFC 2606).
pub fn url(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(40);
    write_url(ctx, &mut out);
    out
}

/// Appends a URL to `out`; see [`url`].
pub fn write_url(ctx: &mut Ctx, out: &mut String) {
    out.push_str(if ctx.chance(0.9) {
        "https://"
    } else {
        "http://"
    });
    if ctx.chance(0.5) {
        out.push_str("www.");
    }
    super::write_domain(ctx, out);
    out.push('/');
    let segments = ctx.below(3);
    for i in 0..segments {
        if i > 0 {
            out.push('/');
        }
        let segment: &&str = ctx.pick(URL_SEGMENTS);
        out.push_str(segment);
    }
}

/// The browsers and platforms of [`user_agent`], with weights in parts per thousand: datagen's
/// estimate of the web's traffic mix (Chrome about two thirds of it, Safari a fifth, then Edge and
/// Firefox), after public browser-share statistics such as StatCounter's.
#[derive(Clone, Copy)]
enum Agent {
    ChromeWindows,
    ChromeMac,
    ChromeAndroid,
    ChromeIos,
    SafariIos,
    SafariMac,
    EdgeWindows,
    EdgeMac,
    FirefoxWindows,
    FirefoxMac,
    FirefoxAndroid,
}

const AGENTS: [(Agent, u32); 11] = [
    (Agent::ChromeWindows, 290),
    (Agent::ChromeAndroid, 260),
    (Agent::SafariIos, 160),
    (Agent::ChromeMac, 70),
    (Agent::SafariMac, 50),
    (Agent::EdgeWindows, 65),
    (Agent::ChromeIos, 30),
    (Agent::FirefoxWindows, 45),
    (Agent::FirefoxMac, 10),
    (Agent::EdgeMac, 10),
    (Agent::FirefoxAndroid, 10),
];

/// A browser's current major version on `now`: `base` shipped on `since` and a new one ships every
/// four weeks (Chrome and Edge 133 and Firefox 135 on 2025-02-04).
fn major_version(now: DateTime<Utc>, base: u32, since: (i32, u32, u32)) -> u32 {
    let start = NaiveDate::from_ymd_opt(since.0, since.1, since.2).unwrap_or_default();
    let days = (now.date_naive() - start).num_days();
    (i64::from(base) + days.div_euclid(28)).max(1) as u32
}

/// Safari's current major version on `now`: one a year each September; 18 in 2024, then the
/// year-based 26 in 2025, 27 in 2026.
fn safari_major(now: DateTime<Utc>) -> u32 {
    let year = now.year() - i32::from(now.month() < 9);
    match year {
        ..=2024 => 18,
        y => (y - 1999) as u32,
    }
}

/// A browser's User-Agent header (`internet.user_agent`): Chrome, Safari, Edge and Firefox on
/// Windows, macOS, Android and iOS, weighted like real traffic, in the reduced forms browsers send
/// today (`Windows NT 10.0; Win64; x64`, `Intel Mac OS X 10_15_7`, `Android 10; K`). Versions are
/// those current within a few months of the context's `now` (never the wall clock), computed from
/// each browser's release cadence, so they stay plausible as time goes on. The same in every
/// locale; safe mode changes nothing.
pub fn user_agent(ctx: &mut Ctx) -> String {
    let mut out = String::with_capacity(140);
    write_user_agent(ctx, &mut out);
    out
}

/// Appends a User-Agent header to `out`; see [`user_agent`].
pub fn write_user_agent(ctx: &mut Ctx, out: &mut String) {
    let total: u32 = AGENTS.iter().map(|&(_, w)| w).sum();
    let mut r = ctx.range(0..total);
    let mut agent = AGENTS[0].0;
    for &(a, w) in &AGENTS {
        if r < w {
            agent = a;
            break;
        }
        r -= w;
    }
    let now = ctx.now();
    // Most users run the current version or one of the two before it.
    let lag = match ctx.below(10) {
        0..=5 => 0,
        6..=8 => 1,
        _ => 2,
    };
    let chrome = major_version(now, 133, (2025, 2, 4)).saturating_sub(lag);
    let firefox = major_version(now, 135, (2025, 2, 4)).saturating_sub(lag);
    let safari = safari_major(now).saturating_sub(u32::from(lag == 2 && ctx.chance(0.5)));
    let safari_minor = ctx.range(0..=6u32);
    // iOS 26's Safari freezes the OS version in the header at 18_6.
    let (ios_major, ios_minor) = if safari >= 26 {
        (18, 6)
    } else {
        (safari, safari_minor)
    };
    const WINDOWS: &str = "Windows NT 10.0; Win64; x64";
    const MAC: &str = "Macintosh; Intel Mac OS X 10_15_7";
    const CHROME_TAIL: &str = ".0.0.0 Safari/537.36";
    match agent {
        Agent::ChromeWindows | Agent::ChromeMac | Agent::EdgeWindows | Agent::EdgeMac => {
            let platform = match agent {
                Agent::ChromeWindows | Agent::EdgeWindows => WINDOWS,
                _ => MAC,
            };
            let _ = write!(
                out,
                "Mozilla/5.0 ({platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}{CHROME_TAIL}"
            );
            if matches!(agent, Agent::EdgeWindows | Agent::EdgeMac) {
                let _ = write!(out, " Edg/{chrome}.0.0.0");
            }
        }
        Agent::ChromeAndroid => {
            let _ = write!(
                out,
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}.0.0.0 Mobile Safari/537.36"
            );
        }
        Agent::ChromeIos => {
            let _ = write!(
                out,
                "Mozilla/5.0 (iPhone; CPU iPhone OS {ios_major}_{ios_minor} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/{chrome}.0.0.0 Mobile/15E148 Safari/604.1"
            );
        }
        Agent::SafariIos => {
            let _ = write!(
                out,
                "Mozilla/5.0 (iPhone; CPU iPhone OS {ios_major}_{ios_minor} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{safari}.{safari_minor} Mobile/15E148 Safari/604.1"
            );
        }
        Agent::SafariMac => {
            let _ = write!(
                out,
                "Mozilla/5.0 ({MAC}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{safari}.{safari_minor} Safari/605.1.15"
            );
        }
        Agent::FirefoxWindows => {
            let _ = write!(
                out,
                "Mozilla/5.0 ({WINDOWS}; rv:{firefox}.0) Gecko/20100101 Firefox/{firefox}.0"
            );
        }
        Agent::FirefoxMac => {
            let _ = write!(
                out,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:{firefox}.0) Gecko/20100101 Firefox/{firefox}.0"
            );
        }
        Agent::FirefoxAndroid => {
            let _ = write!(
                out,
                "Mozilla/5.0 (Android 10; Mobile; rv:{firefox}.0) Gecko/{firefox}.0 Firefox/{firefox}.0"
            );
        }
    }
}

/// Whether `addr` is a public unicast IPv4 address by the list above (for the tests).
#[cfg(test)]
pub(crate) fn is_public_ipv4(addr: std::net::Ipv4Addr) -> bool {
    !ipv4_is_special(u32::from(addr))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn special_blocks_are_recognised() {
        for s in [
            "10.1.2.3",
            "172.31.0.1",
            "192.168.1.1",
            "100.100.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "0.1.2.3",
            "198.19.0.1",
        ] {
            let addr: Ipv4Addr = s.parse().expect("an address");
            assert!(!is_public_ipv4(addr), "{s}");
        }
        for s in ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1"] {
            let addr: Ipv4Addr = s.parse().expect("an address");
            assert!(is_public_ipv4(addr), "{s}");
        }
    }

    #[test]
    fn versions_follow_the_calendar() {
        let at = |y, m, d| {
            NaiveDate::from_ymd_opt(y, m, d)
                .expect("a date")
                .and_hms_opt(0, 0, 0)
                .expect("a time")
                .and_utc()
        };
        // Chrome 138 shipped on 2025-06-24, Firefox 140 on the same day.
        assert_eq!(major_version(at(2025, 6, 24), 133, (2025, 2, 4)), 138);
        assert_eq!(major_version(at(2025, 6, 24), 135, (2025, 2, 4)), 140);
        assert_eq!(safari_major(at(2025, 3, 1)), 18);
        assert_eq!(safari_major(at(2025, 10, 1)), 26);
        assert_eq!(safari_major(at(2026, 11, 1)), 27);
    }
}
