package org.veche.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Account;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.publishing.Newsroom;
import org.veche.support.IntegrationTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The WXR export parses as WordPress eXtended RSS 1.2 and carries every field WordPress's
 * importer reads: authors with e-mail, tags, posts in every status with dates, featured
 * image and attachments with their URLs, and comments with their parents, statuses,
 * e-mail and website.
 */
class WxrExportIT extends IntegrationTest {

	static final String WP = "http://wordpress.org/export/1.2/";

	static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

	static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";

	static final String DC = "http://purl.org/dc/elements/1.1/";

	@Autowired
	Archive archive;

	@Autowired
	Newsroom newsroom;

	@Autowired
	DSLContext db;

	@Test
	void theExportCarriesEveryFieldWordPressImports() throws Exception {
		int n = unique();
		String email = "wxr-editor" + n + "@example.org";
		Account editorAccount = identity
			.createAccount(new NewAccount(email, "a long password " + n, "Olena Editor " + n, Role.EDITOR));
		String token = http.postJson("/api/v1/auth/token", Map.of("email", email, "password", "a long password " + n))
			.json()
			.get("token")
			.asString();
		var body = new HashMap<String, Object>();
		body.put("title", "Detained ]]> at the square " + n);
		body.put("lead", "What happened on Sunday");
		body.put("body", "Police *detained* forty people.");
		body.put("tags", List.of("Protest", "Kyiv region"));
		body.put("source", Map.of("name", "Our reporter", "url", "https://news.example.org/reporter"));
		body.put("status", "published");
		var created = http.bearer(token).postJson("/api/v1/articles", body);
		assertThat(created.status()).isEqualTo(201);
		String slug = created.json().get("slug").asString();
		long articleId = created.json().get("id").asLong();
		var photo = http.bearer(token)
			.postMultipart("/api/v1/articles/" + slug + "/photos", Map.of("file", ArchiveSupport.jpeg(800, 500),
					"caption", "The square", "credit", "Staff photographer", "alt", "A crowd"));
		assertThat(photo.status()).isEqualTo(201);
		long photoId = photo.json().get("id").asLong();
		newsroom.setCover(articleId, photoId);

		var draft = new HashMap<String, Object>(Map.of("title", "Draft " + n, "body", "Not yet", "status", "draft"));
		String draftSlug = http.bearer(token).postJson("/api/v1/articles", draft).json().get("slug").asString();
		var later = new HashMap<String, Object>(Map.of("title", "Later " + n, "body", "Soon", "status", "scheduled",
				"publishAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()));
		String laterSlug = http.bearer(token).postJson("/api/v1/articles", later).json().get("slug").asString();

		var payload = new HashMap<String, Object>();
		payload.put("author",
				Map.of("name", "Marta", "email", "marta" + n + "@example.org", "url", "https://marta.example"));
		payload.put("body", "First ]]> comment");
		var root = http.from(newAddress()).postJson("/api/v1/articles/" + slug + "/comments", payload).json();
		long rootId = root.get("id").asLong();
		long replyId = postComment(slug, rootId, "Taras", "A reply").get("id").asLong();
		long spamId = postComment(slug, null, "Spammer", "Buy now").get("id").asLong();
		long trashId = postComment(slug, null, "Gone", "Removed").get("id").asLong();
		long pendingId = postComment(slug, replyId, "Waiting", "Held").get("id").asLong();
		setStatus(spamId, "SPAM");
		setStatus(trashId, "TRASH");
		setStatus(pendingId, "PENDING");

		var out = new ByteArrayOutputStream();
		ArchiveReport report = archive.wxr(out, "https://news.example.org/", new Progress());
		assertThat(report.counts().get("posts")).isGreaterThanOrEqualTo(3);
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
			.contains("<![CDATA[<p>Police <em>detained</em>")
			.contains("]]]]><![CDATA[>");

		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
		Element rss = doc.getDocumentElement();
		assertThat(rss.getTagName()).isEqualTo("rss");
		assertThat(rss.getAttribute("version")).isEqualTo("2.0");
		assertThat(rss.getAttribute("xmlns:wp")).isEqualTo(WP);
		assertThat(rss.getAttribute("xmlns:content")).isEqualTo(CONTENT);
		assertThat(rss.getAttribute("xmlns:excerpt")).isEqualTo(EXCERPT);
		assertThat(rss.getAttribute("xmlns:dc")).isEqualTo(DC);
		assertThat(rss.getAttribute("xmlns:wfw")).isEqualTo("http://wellformedweb.org/CommentAPI/");
		Element channel = child(rss, null, "channel");
		assertThat(text(channel, WP, "wxr_version")).isEqualTo("1.2");
		assertThat(text(channel, WP, "base_site_url")).isEqualTo("https://news.example.org");

		Element author = children(channel, WP, "author").stream()
			.filter(a -> text(a, WP, "author_email").equals(email))
			.findFirst()
			.orElseThrow();
		assertThat(text(author, WP, "author_display_name")).isEqualTo("Olena Editor " + n);
		assertThat(text(author, WP, "author_id")).isEqualTo(String.valueOf(editorAccount.id()));
		String login = text(author, WP, "author_login");
		assertThat(children(channel, WP, "tag").stream().map(t -> text(t, WP, "tag_slug"))).contains("protest",
				"kyiv-region");

		List<Element> items = children(channel, null, "item");
		Element post = item(items, slug);
		assertThat(text(post, null, "title")).isEqualTo("Detained ]]> at the square " + n);
		assertThat(text(post, null, "link")).isEqualTo("https://news.example.org/articles/" + slug);
		assertThat(text(post, DC, "creator")).isEqualTo(login);
		assertThat(text(post, CONTENT, "encoded")).contains("<em>detained</em>");
		assertThat(text(post, EXCERPT, "encoded")).isEqualTo("What happened on Sunday");
		assertThat(text(post, WP, "post_id")).isEqualTo(String.valueOf(articleId));
		assertThat(text(post, WP, "status")).isEqualTo("publish");
		assertThat(text(post, WP, "post_type")).isEqualTo("post");
		assertThat(text(post, WP, "post_date_gmt")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(children(post, null, "category").stream()
			.filter(c -> c.getAttribute("domain").equals("post_tag"))
			.map(c -> c.getAttribute("nicename") + "=" + c.getTextContent()))
			.containsExactlyInAnyOrder("protest=protest", "kyiv-region=kyiv region");
		Map<String, String> meta = meta(post, "postmeta");
		assertThat(meta).containsEntry("veche_source_name", "Our reporter")
			.containsEntry("veche_source_url", "https://news.example.org/reporter")
			.containsEntry("_veche_markdown", "Police *detained* forty people.");

		Element attachment = items.stream()
			.filter(i -> text(i, WP, "post_type").equals("attachment")
					&& text(i, WP, "post_parent").equals(String.valueOf(articleId)))
			.findFirst()
			.orElseThrow();
		assertThat(meta.get("_thumbnail_id")).isEqualTo(text(attachment, WP, "post_id"));
		String url = text(attachment, WP, "attachment_url");
		assertThat(url).startsWith("https://news.example.org/media/").endsWith(".jpg");
		assertThat(http.get(url.substring("https://news.example.org".length())).status()).isEqualTo(200);
		assertThat(text(attachment, EXCERPT, "encoded")).isEqualTo("The square");
		assertThat(text(attachment, WP, "status")).isEqualTo("inherit");
		assertThat(meta(attachment, "postmeta")).containsEntry("_wp_attachment_image_alt", "A crowd")
			.containsEntry("veche_credit", "Staff photographer");

		var comments = new HashMap<String, Element>();
		for (Element c : children(post, WP, "comment")) {
			comments.put(text(c, WP, "comment_id"), c);
		}
		assertThat(comments).hasSize(5);
		Element first = comments.get(String.valueOf(rootId));
		assertThat(text(first, WP, "comment_author")).isEqualTo("Marta");
		assertThat(text(first, WP, "comment_author_email")).isEqualTo("marta" + n + "@example.org");
		assertThat(text(first, WP, "comment_author_url")).isEqualTo("https://marta.example");
		assertThat(text(first, WP, "comment_content")).contains("First ]]&gt; comment");
		assertThat(text(first, WP, "comment_approved")).isEqualTo("1");
		assertThat(text(first, WP, "comment_parent")).isEqualTo("0");
		assertThat(text(first, WP, "comment_date_gmt")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(text(first, WP, "comment_type")).isEqualTo("comment");
		assertThat(text(comments.get(String.valueOf(replyId)), WP, "comment_parent")).isEqualTo(String.valueOf(rootId));
		assertThat(text(comments.get(String.valueOf(pendingId)), WP, "comment_parent"))
			.isEqualTo(String.valueOf(replyId));
		assertThat(text(comments.get(String.valueOf(pendingId)), WP, "comment_approved")).isEqualTo("0");
		assertThat(text(comments.get(String.valueOf(spamId)), WP, "comment_approved")).isEqualTo("spam");
		assertThat(text(comments.get(String.valueOf(trashId)), WP, "comment_approved")).isEqualTo("trash");

		assertThat(text(item(items, draftSlug), WP, "status")).isEqualTo("draft");
		assertThat(text(item(items, draftSlug), WP, "post_date_gmt")).isEqualTo("0000-00-00 00:00:00");
		assertThat(text(item(items, laterSlug), WP, "status")).isEqualTo("future");
	}

	private void setStatus(long commentId, String status) {
		db.update(table(name("comment")))
			.set(field(name("status")), status)
			.where(field(name("id")).eq(commentId))
			.execute();
	}

	private static Element item(List<Element> items, String slug) {
		return items.stream()
			.filter(i -> text(i, WP, "post_name").equals(slug) && text(i, WP, "post_type").equals("post"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no item " + slug));
	}

	private static Map<String, String> meta(Element item, String element) {
		var meta = new HashMap<String, String>();
		for (Element m : children(item, WP, element)) {
			meta.put(text(m, WP, "meta_key"), text(m, WP, "meta_value"));
		}
		return meta;
	}

	static List<Element> children(Element parent, String namespace, String name) {
		var found = new ArrayList<Element>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element e && e.getLocalName().equals(name)
					&& (namespace == null ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
				found.add(e);
			}
		}
		return found;
	}

	static Element child(Element parent, String namespace, String name) {
		List<Element> found = children(parent, namespace, name);
		assertThat(found).as(name).hasSize(1);
		return found.get(0);
	}

	static String text(Element parent, String namespace, String name) {
		return child(parent, namespace, name).getTextContent();
	}

}
