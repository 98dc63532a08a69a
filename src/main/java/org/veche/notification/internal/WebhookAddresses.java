package org.veche.notification.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The name resolution of webhook deliveries: a host any of whose addresses is not public (loopback, private,
 * link-local, carrier-grade NAT, multicast, unspecified, reserved, and IPv6 forms that embed such an IPv4
 * address) is refused, so a registered address cannot make the site call its own network. The connection goes
 * to the addresses checked here, so a name cannot answer differently between the check and the connect. (The
 * importer has the same rule for images, but inside its module, where no other module may reach it.)
 */
final class WebhookAddresses implements DnsResolver {

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses = InetAddress.getAllByName(name);
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				throw new UnknownHostException(host + " is not a public address (" + address.getHostAddress() + ")");
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = b[0] & 255;
			int second = b[1] & 255;
			return !(first == 0 || first >= 240 || first == 100 && second >= 64 && second < 128
					|| first == 192 && second == 0 && (b[2] & 255) == 0 || first == 198 && (second == 18 || second == 19));
		}
		if (address instanceof Inet6Address) {
			int first = b[0] & 255;
			if ((first & 0xFE) == 0xFC || first == 0xFE && (b[1] & 0xC0) == 0xC0) {
				return false;
			}
			boolean zeros = true;
			for (int i = 0; i < 10; i++) {
				zeros &= b[i] == 0;
			}
			boolean mapped = zeros && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xFF && b[11] == (byte) 0xFF);
			boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B;
			for (int i = 4; i < 12; i++) {
				nat64 &= b[i] == 0;
			}
			if (mapped || nat64) {
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

}
