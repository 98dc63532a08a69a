package org.veche.media.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.veche.identity.SignedIn;
import org.veche.media.Photo;
import org.veche.media.PhotoLibrary;
import org.veche.media.PhotoText;
import org.veche.media.Upload;
import org.veche.publishing.EditorsDesk;
import org.veche.site.RejectedInput;

/**
 * Uploads a photo into an article's gallery.
 */
@RestController
class PhotoApi {

	private final PhotoLibrary library;

	private final EditorsDesk desk;

	PhotoApi(PhotoLibrary library, EditorsDesk desk) {
		this.library = library;
		this.desk = desk;
	}

	/**
	 * @param webpSrcset the same widths as WebP, or null when the site could not write
	 * WebP
	 */
	record Stored(long id, int width, int height, String url, String srcset, String webpSrcset, List<Integer> widths,
			Set<String> removed) {
	}

	@PostMapping("/api/v1/articles/{slug}/photos")
	ResponseEntity<Stored> upload(@PathVariable String slug, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit,
			@RequestParam(defaultValue = "") String alt, @AuthenticationPrincipal SignedIn by) throws IOException {
		// authors add photos to their own drafts only; the facade says whose article this
		// is
		long articleId = desk.editable(slug, by).id();
		if (file == null || file.isEmpty()) {
			throw new RejectedInput("photo.empty");
		}
		Upload upload = library.add(articleId, file.getBytes(), new PhotoText(caption, credit, alt));
		Photo photo = upload.photo();
		Photo.Image image = photo.image();
		URI url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(image.src(image.largestWidth()))
			.build()
			.toUri();
		return ResponseEntity.created(url)
			.body(new Stored(photo.id(), image.width(), image.height(), url.toString(), image.srcset(),
					image.webp() ? image.webpSrcset() : null, image.widths(), upload.removed()));
	}

}
