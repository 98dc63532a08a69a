package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestPropertySource;

/**
 * A mail server that is down delays mail and loses none: this context sends to a
 * GreenMail of its own, which the test stops and starts; every queued message arrives
 * exactly once when it is back.
 */
@Import(MailOutageIT.OwnMailServer.class)
@TestPropertySource(properties = { "veche.notification.retry-first=200ms", "veche.notification.retry-max=1s" })
class MailOutageIT extends NotificationSupport {

	private static final int SMTP_PORT = freePort();

	private static GreenMail server = newServer();

	/** What arrived before each stop: a stopped GreenMail forgets its mailboxes. */
	private static final List<MimeMessage> arrived = new ArrayList<>();

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnMailServer {

		/**
		 * Boot's own sender backs off when there is one: this one talks to the server the
		 * test controls.
		 */
		@Bean
		JavaMailSender mailSender() {
			var sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(SMTP_PORT);
			sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
			sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
			return sender;
		}

	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GreenMail newServer() {
		return new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	private static void stop() {
		arrived.addAll(Arrays.asList(server.getReceivedMessages()));
		server.stop();
		server = newServer();
	}

	private static List<MimeMessage> all() {
		var all = new ArrayList<>(arrived);
		if (server.isRunning()) {
			all.addAll(Arrays.asList(server.getReceivedMessages()));
		}
		return all;
	}

	private static long to(String address) {
		return all().stream().filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

	private static void awaitTotal(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (all().size() < count && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(all()).hasSize(count);
	}

	private List<String> ask(int readers) {
		var addresses = new ArrayList<String>();
		for (int i = 0; i < readers; i++) {
			String email = newEmail("outage");
			var answer = http.postForm("/notifications/articles", Map.of("email", email, "cadence", "instant"));
			assertThat(answer.status()).isEqualTo(200);
			addresses.add(email);
		}
		return addresses;
	}

	@Test
	void messagesQueuedWhileTheServerIsDownArriveExactlyOnceWhenItIsBack() throws Exception {
		var first = ask(4);
		Thread.sleep(1500);
		assertThat(all()).as("the server is down: nothing arrives").isEmpty();

		server.start();
		awaitTotal(4);

		stop();
		var second = ask(3);
		Thread.sleep(1500);
		assertThat(all()).as("down again: the new mail waits").hasSize(4);
		server.start();
		awaitTotal(7);

		Thread.sleep(2500);
		assertThat(all()).as("no message twice, however many tries it took").hasSize(7);
		for (String email : first) {
			assertThat(to(email)).as(email).isEqualTo(1);
		}
		for (String email : second) {
			assertThat(to(email)).as(email).isEqualTo(1);
		}
		awaitOutboxEmpty();
	}

}
