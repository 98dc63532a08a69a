package org.veche.media.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.media.Photo;
import org.veche.media.PhotoLibrary;
import org.veche.media.PhotoText;
import org.veche.publishing.Article;
import org.veche.publishing.EditorsDesk;
import org.veche.publishing.Newsroom;
import org.veche.site.FormError;
import org.veche.site.RejectedInput;

/**
 * The editor's gallery page for one article: upload, describe, order, remove photos and
 * pick the cover.
 */
@Controller
class GalleryEditorController {

	private final PhotoLibrary library;

	private final EditorsDesk desk;

	private final Newsroom newsroom;

	GalleryEditorController(PhotoLibrary library, EditorsDesk desk, Newsroom newsroom) {
		this.library = library;
		this.desk = desk;
		this.newsroom = newsroom;
	}

	@GetMapping("/editor/articles/{id}/photos")
	ModelAndView gallery(@PathVariable long id, @AuthenticationPrincipal SignedIn by) {
		return page(desk.editable(id, by), null, Set.of(), 0, HttpStatus.OK);
	}

	/**
	 * One or several photos in one post (a {@code multiple} file input without
	 * JavaScript; with it, js/gallery-upload.js posts them one at a time to show each
	 * one's progress). They are stored one by one, in the order chosen; the first refused
	 * stops the rest, and the page says which, with those before it kept.
	 */
	@PostMapping("/editor/articles/{id}/photos")
	ModelAndView upload(@PathVariable long id, @RequestParam(name = "file", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit,
			@RequestParam(defaultValue = "") String alt, @AuthenticationPrincipal SignedIn by) throws IOException {
		Article article = desk.editable(id, by);
		var chosen = files == null ? List.<MultipartFile>of() : files.stream().filter(f -> !f.isEmpty()).toList();
		var removed = new TreeSet<String>();
		int stored = 0;
		try {
			if (chosen.isEmpty()) {
				throw new RejectedInput("photo.empty");
			}
			for (MultipartFile file : chosen) {
				removed.addAll(library.add(id, file.getBytes(), new PhotoText(caption, credit, alt)).removed());
				stored++;
			}
			return page(article, null, removed, stored, HttpStatus.OK);
		}
		catch (RejectedInput rejected) {
			return page(article, rejected, removed, stored, rejected.status());
		}
	}

	@PostMapping("/editor/photos/{photoId}")
	String change(@PathVariable long photoId, @RequestParam(defaultValue = "save") String action,
			@RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit,
			@RequestParam(defaultValue = "") String alt, @AuthenticationPrincipal SignedIn by) {
		Photo photo = library.photo(photoId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		desk.editable(photo.articleId(), by);
		switch (action) {
			case "up" -> library.move(photoId, -1);
			case "down" -> library.move(photoId, 1);
			case "remove" -> library.remove(photoId);
			case "cover" -> newsroom.setCover(photo.articleId(), photoId);
			default -> library.describe(photoId, new PhotoText(caption, credit, alt));
		}
		return "redirect:/editor/articles/" + photo.articleId() + "/photos";
	}

	private ModelAndView page(Article article, RejectedInput error, Set<String> removed, int stored,
			HttpStatus status) {
		var model = new GalleryPage(article, library.gallery(article.id()), error == null ? null : FormError.of(error),
				stored > 0 ? removed : Set.of(), stored);
		return new ModelAndView("media/gallery", Map.of("model", model), status);
	}

}
