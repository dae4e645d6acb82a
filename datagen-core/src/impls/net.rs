//! `Generate` for `std::net` addresses and `uuid::Uuid`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use crate::ctx::Ctx;
use crate::generate::Generate;

/// Any IPv4 address.
impl Generate for Ipv4Addr {
    fn generate(ctx: &mut Ctx) -> Self {
        Ipv4Addr::from(ctx.next_u32())
    }
}

/// Any IPv6 address.
impl Generate for Ipv6Addr {
    fn generate(ctx: &mut Ctx) -> Self {
        Ipv6Addr::from(u128::generate(ctx))
    }
}

/// IPv4 four times in five, else IPv6.
impl Generate for IpAddr {
    fn generate(ctx: &mut Ctx) -> Self {
        if ctx.chance(0.8) {
            IpAddr::V4(Ipv4Addr::generate(ctx))
        } else {
            IpAddr::V6(Ipv6Addr::generate(ctx))
        }
    }
}

/// An address with a port in the registered and dynamic range (1024 to 65535).
impl Generate for SocketAddrV4 {
    fn generate(ctx: &mut Ctx) -> Self {
        SocketAddrV4::new(Ipv4Addr::generate(ctx), ctx.range(1024..=u16::MAX))
    }
}

/// An address with a port in the registered and dynamic range (1024 to 65535).
impl Generate for SocketAddrV6 {
    fn generate(ctx: &mut Ctx) -> Self {
        SocketAddrV6::new(Ipv6Addr::generate(ctx), ctx.range(1024..=u16::MAX), 0, 0)
    }
}

/// An address with a port in the registered and dynamic range (1024 to 65535).
impl Generate for SocketAddr {
    fn generate(ctx: &mut Ctx) -> Self {
        let ip = IpAddr::generate(ctx);
        SocketAddr::new(ip, ctx.range(1024..=u16::MAX))
    }
}

/// A random (version 4, RFC 9562) UUID.
impl Generate for uuid::Uuid {
    #[inline]
    fn generate(ctx: &mut Ctx) -> Self {
        let hi = ctx.next_u64();
        let lo = ctx.next_u64();
        uuid::Builder::from_random_bytes(((u128::from(hi) << 64) | u128::from(lo)).to_be_bytes())
            .into_uuid()
    }
}
