package org.veche.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.veche.site.RejectedInput;

/**
 * Every spelling of one page is one address, so that it finds one thread; and what is not
 * a web page's address is refused.
 */
class PageUrlTests {

	@ParameterizedTest
	@CsvSource({ "https://blog.example/2021/01/31/post/, https://blog.example/2021/01/31/post",
			"HTTPS://Blog.Example/2021/01/31/post, https://blog.example/2021/01/31/post",
			"https://blog.example:443/2021/01/31/post/#comments, https://blog.example/2021/01/31/post",
			"http://blog.example:80/a/, http://blog.example/a",
			"http://blog.example:8080/a/, http://blog.example:8080/a", "https://blog.example, https://blog.example/",
			"https://blog.example/, https://blog.example/",
			"https://blog.example./a/b/../c//, https://blog.example/a/c",
			"https://blog.example/?p=12, https://blog.example/?p=12",
			"https://blog.example/post/?utm_source=x&p=12&fbclid=abc, https://blog.example/post?p=12",
			"https://blog.example/Post/, https://blog.example/Post",
			"http://127.0.0.1:5000/x/, http://127.0.0.1:5000/x" })
	void spellingsOfOnePageAreOneAddress(String given, String expected) {
		assertThat(PageUrl.of(given).url()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "HTTPS://Blog.Example:443/x, https://blog.example, blog.example",
			"http://localhost:8081/x, http://localhost:8081, localhost" })
	void theOriginIsWhatBrowsersSend(String given, String origin, String host) {
		assertThat(PageUrl.of(given).origin()).isEqualTo(origin);
		assertThat(PageUrl.of(given).host()).isEqualTo(host);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "blog.example/post", "ftp://blog.example/x", "javascript:alert(1)",
			"https://user:secret@blog.example/x", "https:///x", "https://blog.example/a b",
			"https://blog.example/\u0000" })
	void whatIsNotAWebPageIsRefused(String given) {
		assertThatThrownBy(() -> PageUrl.of(given)).isInstanceOf(RejectedInput.class);
	}

	@ParameterizedTest
	@CsvSource({ "https://Blog.Example:443/, https://blog.example", "http://localhost:8081, http://localhost:8081" })
	void anOwnerTypesAnOrigin(String given, String origin) {
		assertThat(PageUrl.origin(given)).isEqualTo(origin);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://blog.example/path", "https://blog.example/?q=1", "blog.example" })
	void anOriginHasNoPathOrQuery(String given) {
		assertThatThrownBy(() -> PageUrl.origin(given)).isInstanceOf(RejectedInput.class);
	}

}
