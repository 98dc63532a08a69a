package org.veche.publishing.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleDraft;
import org.veche.publishing.Publishing;
import org.veche.site.RejectedInput;
import org.veche.site.SiteProperties;

/**
 * The minimal editor: a list of everything on the desk, and one form to write, preview, schedule and publish.
 */
@Controller
class EditorController {

	private static final int DESK_PAGE = 50;

	private final Publishing publishing;

	private final SiteProperties site;

	EditorController(Publishing publishing, SiteProperties site) {
		this.publishing = publishing;
		this.site = site;
	}

	@GetMapping("/editor")
	ModelAndView desk(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn by) {
		// an author's published or scheduled article is listed without a link: it is the editors' to change now
		return new ModelAndView("publishing/desk", Map.of("articles", publishing.desk(by, page, DESK_PAGE),
				"pageNumber", Math.max(1, page), "pages",
				(int) Math.max(1, (publishing.deskSize(by) + DESK_PAGE - 1) / DESK_PAGE), "canPublish",
				publishing.mayPublish(by)));
	}

	@GetMapping("/editor/articles/new")
	ModelAndView blank(@RequestParam(defaultValue = "article") String kind, @AuthenticationPrincipal SignedIn by) {
		var form = ArticleForm.blank(ArticleDeskApi.parse(Article.Kind.class, kind, "article.kind.invalid"));
		return form(form, null, "", null, by);
	}

	/** Another's article is refused with 403 (an author's), a missing one with 404: the site's error page. */
	@GetMapping("/editor/articles/{id}")
	ModelAndView edit(@PathVariable long id, @RequestParam(required = false) String saved,
			@AuthenticationPrincipal SignedIn by) {
		Article article = publishing.editable(id, by);
		return form(ArticleForm.of(article, site), article, "", saved != null ? "editor.saved" : null, by);
	}

	@PostMapping({ "/editor/articles", "/editor/articles/{id}" })
	ModelAndView save(@PathVariable(required = false) Long id, ArticleForm form,
			@RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal SignedIn editor) {
		Article existing = id == null ? null : publishing.editable(id, editor);
		if (action.equals("preview")) {
			return form(form, existing, publishing.preview(form.body()), null, editor);
		}
		try {
			ArticleDraft draft = form.toDraft(site, existing == null ? null : existing.coverPhotoId());
			Article saved = existing == null ? publishing.create(draft, editor)
					: publishing.revise(existing.id(), draft, editor);
			if (form.comments() != null) {
				publishing.setDiscussion(saved.id(), Article.Discussion.parse(form.comments()), editor);
			}
			return new ModelAndView("redirect:/editor/articles/" + saved.id() + "?saved");
		}
		catch (RejectedInput rejected) {
			ModelAndView again = form(form, existing, "", null, editor);
			again.addObject("error", rejected.messageKey());
			again.addObject("errorArgs", Arrays.asList(rejected.arguments()));
			// a refused permission keeps its 403; a form the site cannot accept is 422 as before
			again.setStatus(rejected.status() == HttpStatus.FORBIDDEN ? HttpStatus.FORBIDDEN
					: HttpStatus.UNPROCESSABLE_CONTENT);
			return again;
		}
		catch (DateTimeParseException badDate) {
			ModelAndView again = form(form, existing, "", null, editor);
			again.addObject("error", "article.schedule.invalid");
			again.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return again;
		}
	}

	/** The live preview beside the textarea, for editors with JavaScript. */
	@PostMapping(value = "/editor/preview", produces = "text/html;charset=UTF-8")
	@ResponseBody
	String preview(@RequestParam(defaultValue = "") String body) {
		return publishing.preview(body);
	}

	private ModelAndView form(ArticleForm form, Article article, String previewHtml, String notice, SignedIn by) {
		var model = new HashMap<String, Object>();
		model.put("canPublish", publishing.mayPublish(by));
		model.put("form", form);
		model.put("article", article);
		model.put("previewHtml", previewHtml);
		model.put("notice", notice);
		model.put("error", null);
		model.put("errorArgs", java.util.List.of());
		return new ModelAndView("publishing/editor", model);
	}

}
