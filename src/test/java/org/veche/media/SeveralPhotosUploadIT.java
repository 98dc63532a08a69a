package org.veche.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.publishing.ArticleLookup;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * The gallery's upload form without JavaScript: several files chosen in one input go in
 * one post and are all stored, in order; a refused one stops the rest and says why, with
 * those before it kept.
 */
class SeveralPhotosUploadIT extends IntegrationTest {

	@Autowired
	private ArticleLookup publishing;

	@Autowired
	private PhotoLibrary photos;

	static byte[] png(Color color) throws Exception {
		var image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, 640, 400);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void severalFilesInOnePostAreAllStoredInTheirOrder() throws Exception {
		String email = "uploader" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, "correct horse battery staple", "Uploader", Role.EDITOR));
		String slug = publishArticle(tokenFor(Role.EDITOR), "Several photos " + unique());
		long id = publishing.article(slug).orElseThrow().id();
		var session = BrowserSession.signIn(http.from(newAddress()), email, "correct horse battery staple");
		String path = "/editor/articles/" + id + "/photos";
		var form = session.get(path);
		assertThat(form.html().select("form.upload input[type=file][name=file][multiple]")).hasSize(1);

		var posted = session.postMultipart(path,
				Map.of("_csrf", BrowserSession.csrfToken(form.html()), "caption", "Same caption", "file",
						List.of(new Http.FilePart("red.png", "image/png", png(Color.RED)),
								new Http.FilePart("green.png", "image/png", png(Color.GREEN)),
								new Http.FilePart("blue.png", "image/png", png(Color.BLUE)))));

		assertThat(posted.status()).as("%s", posted).isEqualTo(200);
		assertThat(posted.html().select("ol.gallery-items > li")).hasSize(3);
		var stored = photos.gallery(id);
		assertThat(stored).hasSize(3);
		assertThat(stored).extracting(photo -> photo.text().caption()).containsOnly("Same caption");
		assertThat(stored).extracting(Photo::position).isSorted();

		var refused = session.postMultipart(path,
				Map.of("_csrf", BrowserSession.csrfToken(form.html()), "file",
						List.of(new Http.FilePart("fine.png", "image/png", png(Color.YELLOW)),
								new Http.FilePart("notes.png", "image/png", "not an image".getBytes()),
								new Http.FilePart("never.png", "image/png", png(Color.BLACK)))));
		assertThat(refused.status()).as("%s", refused).isEqualTo(415);
		assertThat(refused.html().selectFirst(".form-error").text())
			.isEqualTo("This file is not a JPEG, PNG or WebP image.");
		assertThat(photos.gallery(id)).as("the one before the refused file is kept, the one after is not sent")
			.hasSize(4);

		var none = session.postMultipart(path, Map.of("_csrf", BrowserSession.csrfToken(form.html()), "caption", "x"));
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.html().selectFirst(".form-error").text()).isEqualTo("Choose a photo to upload.");
	}

}
