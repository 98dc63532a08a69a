package org.veche.site;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The name resolution of every request the site makes to an address someone else gave it
 * (an export's images, a webhook): a host resolves once, and when any of its addresses is
 * not a public one (loopback, private, link-local, carrier-grade NAT, multicast,
 * unspecified, reserved, and IPv6 forms that embed such an IPv4 address) the request is
 * refused, so an export or a registered address cannot make the site call its own
 * network. The connection goes to the addresses checked here, so a name cannot answer
 * differently between the check and the connect.
 */
public final class PublicAddresses implements DnsResolver {

	private final Set<InetAddress> exempt;

	/**
	 * @param exempt addresses the owner trusts despite their kind (an intranet image
	 * host; tests on loopback)
	 */
	public PublicAddresses(Set<InetAddress> exempt) {
		this.exempt = Set.copyOf(exempt);
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses = InetAddress.getAllByName(name);
		for (InetAddress address : addresses) {
			if (!exempt.contains(address) && !isPublic(address)) {
				throw new UnknownHostException(host + " is not a public address (" + address.getHostAddress() + ")");
			}
		}
		return addresses;
	}

	/** An IP address written out (never looked up: a name is refused). */
	public static InetAddress literal(String address) {
		String bare = address.strip();
		if (!bare.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
			throw new IllegalArgumentException("not an IP address: " + address);
		}
		try {
			return InetAddress.getByName(bare);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not an IP address: " + address, ex);
		}
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

	public static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = b[0] & 255;
			int second = b[1] & 255;
			return !(first == 0 // "this network"
					|| first >= 240 // reserved and broadcast
					|| first == 100 && second >= 64 && second < 128 // carrier-grade NAT
					|| first == 192 && second == 0 && (b[2] & 255) == 0 // IETF protocol
																		// assignments
					|| first == 198 && (second == 18 || second == 19)); // benchmarking
		}
		if (address instanceof Inet6Address) {
			int first = b[0] & 255;
			if ((first & 0xFE) == 0xFC) { // unique local fc00::/7
				return false;
			}
			if (first == 0xFE && (b[1] & 0xC0) == 0xC0) { // site-local fec0::/10
															// (deprecated)
				return false;
			}
			if (embedsIpv4(b)) {
				try {
					return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * IPv4-compatible (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d) and NAT64
	 * (64:ff9b::a.b.c.d) addresses.
	 */
	private static boolean embedsIpv4(byte[] b) {
		boolean zeros = true;
		for (int i = 0; i < 10; i++) {
			zeros &= b[i] == 0;
		}
		if (zeros && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xFF && b[11] == (byte) 0xFF)) {
			return true;
		}
		boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B;
		for (int i = 4; i < 12; i++) {
			nat64 &= b[i] == 0;
		}
		return nat64;
	}

}
