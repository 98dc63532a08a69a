package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailerTests {

	@TempDir
	Path dataDir;

	@Test
	void withoutAMailServerEachMessageIsWrittenAsAnEmlFileThatParsesBackWithTextAndHtml() throws Exception {
		Path mailDir = dataDir.resolve("mail");
		var mailer = new Mailer(null, mailDir, "Вечірня газета", "desk@example.org");

		boolean sent = mailer.send(new Mailer.Letter("reader@example.org", "Підтвердіть адресу",
				"Text body with https://site/verify?token=abc",
				"<p>HTML <a href=\"https://site/verify?token=abc\">body</a></p>"));

		assertThat(sent).isTrue();
		List<Path> files;
		try (var listing = Files.list(mailDir)) {
			files = listing.toList();
		}
		assertThat(files).hasSize(1);
		assertThat(files.get(0).getFileName().toString()).endsWith(".eml");
		MimeMessage message;
		try (InputStream in = Files.newInputStream(files.get(0))) {
			message = new MimeMessage(Session.getInstance(new Properties()), in);
		}
		assertThat(message.getSubject()).isEqualTo("Підтвердіть адресу");
		var from = (InternetAddress) message.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("desk@example.org");
		assertThat(from.getPersonal()).isEqualTo("Вечірня газета");
		assertThat(message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString())
			.isEqualTo("reader@example.org");
		String all = flatten(message);
		assertThat(all).contains("text/plain:Text body with https://site/verify?token=abc");
		assertThat(all).contains("text/html:<p>HTML <a href=\"https://site/verify?token=abc\">body</a></p>");
	}

	@Test
	void aSecondMessageGetsAFileOfItsOwn() throws Exception {
		Path mailDir = dataDir.resolve("mail");
		var mailer = new Mailer(null, mailDir, "Veche", "");

		mailer.send(new Mailer.Letter("a@example.org", "One", "one", "<p>one</p>"));
		mailer.send(new Mailer.Letter("b@example.org", "Two", "two", "<p>two</p>"));

		try (var listing = Files.list(mailDir)) {
			assertThat(listing.count()).isEqualTo(2);
		}
	}

	@Test
	void deliverAddsTheGivenHeaders() throws Exception {
		Path mailDir = dataDir.resolve("mail");
		var mailer = new Mailer(null, mailDir, "Veche", "desk@example.org");

		mailer.deliver(new Mailer.Letter("reader@example.org", "Subject", "text", "<p>html</p>"), java.util.Map
			.of("List-Unsubscribe", "<https://site/u/1/sig>", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));

		MimeMessage message;
		try (var listing = Files.list(mailDir);
				InputStream in = Files.newInputStream(listing.findFirst().orElseThrow())) {
			message = new MimeMessage(Session.getInstance(new Properties()), in);
		}
		assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<https://site/u/1/sig>");
		assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
	}

	@Test
	void aServerThatCannotBeReachedIsToldApartFromARefusedMessage() throws Exception {
		int closedPort;
		try (var socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(closedPort);
		var mailer = new Mailer(sender, dataDir.resolve("mail"), "Veche", "desk@example.org");

		var down = org.assertj.core.api.Assertions.catchThrowableOfType(Mailer.NotSent.class, () -> mailer
			.deliver(new Mailer.Letter("reader@example.org", "S", "t", "<p>h</p>"), java.util.Map.of()));
		var refused = org.assertj.core.api.Assertions.catchThrowableOfType(Mailer.NotSent.class,
				() -> mailer.deliver(new Mailer.Letter("not an address", "S", "t", "<p>h</p>"), java.util.Map.of()));

		assertThat(down.serverUnavailable()).isTrue();
		assertThat(refused.serverUnavailable()).isFalse();
		assertThat(mailer.send(new Mailer.Letter("reader@example.org", "S", "t", "<p>h</p>"))).isFalse();
	}

	private static String flatten(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("multipart/*")) {
			var multipart = (Multipart) part.getContent();
			var out = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				out.append(flatten(multipart.getBodyPart(i))).append('\n');
			}
			return out.toString();
		}
		return part.getContentType().split(";")[0].strip().toLowerCase() + ":" + part.getContent();
	}

}
