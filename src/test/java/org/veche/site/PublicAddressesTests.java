package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook deliveries' guard: every address that reaches the site's own machine or
 * network is refused, in every spelling, and public ones pass. Only IP literals, so no
 * name is looked up.
 */
class PublicAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
			"100.64.0.1", "0.0.0.0", "255.255.255.255", "224.0.0.1", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1",
			"::ffff:127.0.0.1", "::ffff:10.1.2.3", "64:ff9b::a9fe:a9fe", "::127.0.0.1" })
	void notPublic(String address) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		assertThatThrownBy(() -> new PublicAddresses(Set.of()).resolve(address))
			.isInstanceOf(UnknownHostException.class)
			.hasMessageContaining("not a public address");
		assertThatThrownBy(() -> new PublicAddresses(Set.of()).resolve("localhost"))
			.isInstanceOf(UnknownHostException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8" })
	void publicAddressesPass(String address) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
		assertThat(new PublicAddresses(Set.of()).resolve(address)).hasSize(1);
	}

}
