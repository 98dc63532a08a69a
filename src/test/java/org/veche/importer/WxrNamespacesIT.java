package org.veche.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veche.publishing.Article;

/**
 * Issue 15: exports were refused unless their wp: namespace was exactly the http one of
 * WXR 1.1 or 1.2. Every variant WordPress's own importer takes comes in: the namespace
 * http:// or https://wordpress.org/export/ followed by 1.0, 1.1 or 1.2, the excerpt
 * namespace likewise, and the feed's own namespaces over https.
 */
class WxrNamespacesIT extends ImportTest {

	@ParameterizedTest(name = "{0}wordpress.org/export/{1}/, other namespaces over {2}")
	@CsvSource({ "http://, 1.0, http://", "https://, 1.0, http://", "http://, 1.1, http://", "https://, 1.1, http://",
			"http://, 1.2, http://", "https://, 1.2, http://", "https://, 1.2, https://", "https://, 1.0, https://" })
	void everyNamespaceVariantWordPressAcceptsIsImported(String wpScheme, String version, String otherScheme) {
		int n = unique();
		// a post id of its own: the first import of an id keeps /?p=ID, which other tests
		// count on
		long postId = 900_000 + n;
		Wxr wxr = new Wxr(version, "https://ns" + n + ".blog.example").author("editor", "Olena Editor")
			.item(postId, "post", "publish", "Namespaces", "ns-" + n, "2019-05-06 10:00:00", "editor",
					"Body of the namespace test " + version + ".", Wxr.comment(100, 0, "First", "first@readers.example",
							"", "2019-05-06 11:00:00", "1", "", "A comment"));
		String xml = wxr.xml().replace("http://wordpress.org/export/", wpScheme + "wordpress.org/export/");
		if (otherScheme.equals("https://")) {
			xml = xml.replace("http://purl.org/", "https://purl.org/")
				.replace("http://wellformedweb.org/", "https://wellformedweb.org/");
		}
		assertThat(xml).contains("xmlns:wp=\"" + wpScheme + "wordpress.org/export/" + version + "/\"");

		importWxr(xml);

		Article post = article(wxr.site(), postId);
		assertThat(post.title()).isEqualTo("Namespaces");
		assertThat(post.slug()).isEqualTo("ns-" + n);
		assertThat(post.status()).isEqualTo(Article.Status.PUBLISHED);
		assertThat(post.bodyHtml()).contains("Body of the namespace test " + version + ".");
		assertThat(comment(wxrSource(wxr.site()), "100").body()).isEqualTo("A comment");
	}

}
