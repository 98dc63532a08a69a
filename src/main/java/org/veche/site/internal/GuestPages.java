package org.veche.site.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.catalina.Globals;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Serves kept pages to guests before anything else runs (Spring Security, MVC, the
 * database, jte; a current page even before the filter chain is built, through
 * {@link KeptPageValve}), and keeps the pages that controllers mark
 * ({@link PageVersions#KEEP}) when a guest's request renders them.
 * <p>
 * A request is a guest's when it has no session or remember-me cookie and no
 * Authorization header, and no query parameter that shows one reader their own state (a
 * posted or held comment, a reply form, a language choice). Everything else passes
 * through untouched. A kept page is current while the counters it was built under have
 * not moved; when they have, the first reader rebuilds it and the others get the previous
 * bytes for at most {@code staleFor} meanwhile, so a storm of comments costs one render
 * at a time per page, and no more than one every {@code rebuildEvery}: a change shows
 * within rebuildEvery and one render.
 * <p>
 * A successful write (any method but GET, HEAD, OPTIONS) that does not say what it
 * changed is taken to have changed everything: editors' writes are rare, and this way no
 * module can forget to tell.
 * <p>
 * A big page (the first page of a long thread: over half a megabyte) is kept in a file
 * and handed to Tomcat's connector to send with sendfile, from the kernel's page cache to
 * the socket: written from the heap, its bytes were copied three times on their way (into
 * the response buffer, the socket buffer, a direct buffer), which held the page at half
 * the rate at which nginx serves the same file.
 */
final class GuestPages extends HttpFilter {

	/** What makes a request a signed-in reader's, or one reader's own view. */
	private static final Set<String> OWN_VIEW_PARAMETERS = Set.of("posted", "held", "replytocom", "lang");

	private static final String VARY = "Accept-Encoding, Accept-Language, Cookie";

	/** Headers the kept page sets itself, or that must never be kept. */
	private static final Set<String> NOT_KEPT = Set.of("content-length", "content-type", "content-encoding",
			"content-language", "transfer-encoding", "etag", "vary", "date", "connection", "keep-alive",
			"cache-control", "pragma", "expires");

	private record Key(String origin, String uri, String query, String language) {
	}

	private final PageVersions versions;

	private final LocaleResolver locales;

	private final Clock clock;

	private final List<String> signedInCookies;

	private final long maxAgeMillis;

	private final long staleForMillis;

	private final long rebuildEveryMillis;

	private final Cache<Key, KeptPage> pages;

	/** Where big pages are kept, or null (everything in memory). */
	private final PageFiles files;

	private final long fileThreshold;

	/**
	 * Accept-Language header to language: parsing the header is the dearest step of a
	 * kept page's view.
	 */
	private final Cache<String, Locale> languages = Caffeine.newBuilder().maximumSize(512).build();

	GuestPages(PageVersions versions, LocaleResolver locales, Clock clock, PageCacheProperties properties,
			List<String> signedInCookies, PageFiles files) {
		this.versions = versions;
		this.locales = locales;
		this.clock = clock;
		this.signedInCookies = signedInCookies.stream().map(name -> name + "=").toList();
		this.maxAgeMillis = properties.maxAge().toMillis();
		this.staleForMillis = properties.staleFor().toMillis();
		this.rebuildEveryMillis = properties.rebuildEvery().toMillis();
		this.files = files != null && files.available() ? files : null;
		this.fileThreshold = properties.fileThreshold().toBytes();
		this.pages = Caffeine.newBuilder()
			.maximumWeight(properties.keptBytes())
			.<Key, KeptPage>weigher((key, page) -> page.weight())
			// replaced, evicted or dropped: its files go after a grace period (told at
			// once, on the writer's thread)
			.executor(Runnable::run)
			.removalListener((key, page, cause) -> {
				if (page != null) {
					page.retire();
				}
			})
			.build();
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String method = request.getMethod();
		if ("GET".equals(method)) {
			read(request, response, chain);
		}
		else if ("HEAD".equals(method) || "OPTIONS".equals(method)) {
			chain.doFilter(request, response);
		}
		else {
			write(request, response, chain);
		}
	}

	private void write(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		boolean[] described = PageVersions.startWrite();
		try {
			chain.doFilter(request, response);
		}
		finally {
			PageVersions.endWrite();
			if (!described[0] && response.getStatus() < 400 && !request.isAsyncStarted()) {
				versions.everythingChanged();
			}
		}
	}

	private void read(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Key key = guestKey(request);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		KeptPage kept = pages.getIfPresent(key);
		long now = clock.millis();
		if (kept != null) {
			if (servable(kept, now)) {
				serve(kept, request, response);
				return;
			}
			if (!kept.rebuilding.compareAndSet(false, true)) {
				if (now - kept.rebuildStarted <= staleForMillis) {
					serve(kept, request, response);
				}
				else {
					// the rebuild is taking too long: this reader gets a page of their
					// own
					chain.doFilter(request, response);
				}
				return;
			}
			kept.rebuildStarted = now;
		}
		try {
			rebuild(key, request, response, chain, now);
		}
		finally {
			if (kept != null) {
				kept.rebuilding.set(false);
			}
		}
	}

	/**
	 * For {@link KeptPageValve}, ahead of the filter chain: serves a guest's kept page
	 * that is servable as it is and returns true; returns false (nothing written) for
	 * every other request, which the filter then handles.
	 */
	boolean serveCurrent(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"GET".equals(request.getMethod())) {
			return false;
		}
		Key key = guestKey(request);
		KeptPage kept = key == null ? null : pages.getIfPresent(key);
		if (kept == null || !servable(kept, clock.millis())) {
			return false;
		}
		serve(kept, request, response);
		return true;
	}

	/**
	 * Current, or changed but built so recently that a storm of changes must wait its
	 * turn.
	 */
	private boolean servable(KeptPage kept, long now) {
		long age = now - kept.builtAt;
		// a page that takes long to render (a thread of tens of thousands of comments) is
		// rebuilt less often, so that rebuilding one page never takes more than a fifth
		// of a core
		long window = rebuildEveryMillis == 0 ? 0 : Math.max(rebuildEveryMillis, 5 * kept.renderMillis);
		return versions.current(kept.stamp) && age < maxAgeMillis || age < window;
	}

	private void rebuild(Key key, HttpServletRequest request, HttpServletResponse response, FilterChain chain, long now)
			throws IOException, ServletException {
		// read before rendering (the article's slot is read by the controller's mark,
		// also before): a change made while the page renders leaves it stale, never
		// marked current
		long site = versions.site();
		var capture = new Capture(response, request);
		chain.doFilter(new Unconditional(request), capture);
		if (request.isAsyncStarted() || !capture.keeping) {
			capture.finish();
			return;
		}
		var mark = (PageVersions.Mark) request.getAttribute(PageVersions.KEEP);
		var stamp = new PageVersions.Stamp(site, mark.slot(), mark.version());
		byte[] body = capture.buffer.toByteArray();
		if (response.getStatus() != 200 || response.getHeader("Set-Cookie") != null
				|| response.getContentType() == null) {
			pages.invalidate(key);
			capture.finish();
			return;
		}
		var headers = new ArrayList<String[]>();
		for (String name : response.getHeaderNames()) {
			if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
				for (String value : response.getHeaders(name)) {
					headers.add(new String[] { name, value });
				}
			}
		}
		String cacheControl = response.getHeader("Cache-Control");
		// a guest's page holds nothing personal: browsers may keep it but must ask again
		// (our ETag answers 304)
		headers.add(new String[] { "Cache-Control",
				cacheControl == null || cacheControl.contains("no-store") ? "no-cache" : cacheControl });
		var page = new KeptPage(body, response.getContentType(), response.getLocale(), List.copyOf(headers), stamp, now,
				clock.millis() - now, files, fileThreshold);
		pages.put(key, page);
		response.reset();
		serve(page, request, response);
	}

	private void serve(KeptPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		KeptPage.Coding coding = coding(request.getHeader("Accept-Encoding"));
		for (String[] header : page.headers) {
			response.addHeader(header[0], header[1]);
		}
		response.setHeader("Vary", VARY);
		response.setHeader("ETag", page.etag(coding));
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null ? matches(ifNoneMatch, page) : notModifiedSince(request, page)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setLocale(page.locale);
		response.setContentType(page.contentType);
		KeptPage.Body body = page.body(coding);
		if (coding != KeptPage.Coding.IDENTITY) {
			response.setHeader("Content-Encoding", coding.token);
		}
		response.setContentLengthLong(body.length());
		if (body.bytes() != null) {
			response.getOutputStream().write(body.bytes());
		}
		else if (Boolean.TRUE.equals(request.getAttribute(Globals.SENDFILE_SUPPORTED_ATTR))) {
			// the connector opens the file as soon as this returns, and sends it once the
			// headers are out
			request.setAttribute(Globals.SENDFILE_FILENAME_ATTR, body.file().path().toString());
			request.setAttribute(Globals.SENDFILE_FILE_START_ATTR, 0L);
			request.setAttribute(Globals.SENDFILE_FILE_END_ATTR, body.length());
			if ("GET".equals(request.getMethod())) {
				HeldHeadersChannel.fileFollows();
			}
		}
		else {
			// no sendfile here (TLS in Tomcat, a test's mock request): the file through
			// the output buffer
			try (InputStream in = Files.newInputStream(body.file().path())) {
				in.transferTo(response.getOutputStream());
			}
		}
	}

	/** The cache key of a guest's request, or null when the request must pass through. */
	private Key guestKey(HttpServletRequest request) {
		if (request.getHeader("Authorization") != null) {
			return null;
		}
		String cookies = request.getHeader("Cookie");
		if (cookies != null) {
			for (String signedIn : signedInCookies) {
				if (cookies.contains(signedIn)) {
					return null;
				}
			}
		}
		String query = request.getQueryString();
		if (query != null && ownView(query)) {
			return null;
		}
		String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
		return new Key(origin, request.getRequestURI(), query, language(request, cookies));
	}

	private static boolean ownView(String query) {
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (OWN_VIEW_PARAMETERS.contains(equals < 0 ? pair : pair.substring(0, equals))) {
				return true;
			}
		}
		return false;
	}

	private String language(HttpServletRequest request, String cookies) {
		if (cookies != null && cookies.contains("veche_lang=")) {
			return locales.resolveLocale(request).getLanguage();
		}
		String accept = request.getHeader("Accept-Language");
		// no header (a script, a crawler, wrk) resolves to the site's default every time:
		// kept under ""
		return languages.get(accept == null ? "" : accept, header -> locales.resolveLocale(request)).getLanguage();
	}

	/** Brotli, then gzip, then the bytes as they are; a coding with q=0 is refused. */
	static KeptPage.Coding coding(String acceptEncoding) {
		if (acceptEncoding == null || acceptEncoding.isEmpty()) {
			return KeptPage.Coding.IDENTITY;
		}
		boolean gzip = false;
		boolean br = false;
		for (String part : acceptEncoding.split(",")) {
			int semicolon = part.indexOf(';');
			String name = (semicolon < 0 ? part : part.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
			boolean refused = semicolon >= 0
					&& part.substring(semicolon + 1).replace(" ", "").matches("(?i)q=0(\\.0*)?");
			if (refused) {
				continue;
			}
			if (name.equals("br")) {
				br = true;
			}
			else if (name.equals("gzip") || name.equals("x-gzip")) {
				gzip = true;
			}
		}
		if (br && KeptPage.brotli()) {
			return KeptPage.Coding.BR;
		}
		return gzip ? KeptPage.Coding.GZIP : KeptPage.Coding.IDENTITY;
	}

	/**
	 * If-Modified-Since, for pages that carry a Last-Modified (feeds); only when there is
	 * no If-None-Match.
	 */
	private static boolean notModifiedSince(HttpServletRequest request, KeptPage page) {
		if (page.lastModified < 0 || request.getHeader("If-Modified-Since") == null) {
			return false;
		}
		try {
			return page.lastModified / 1000 <= request.getDateHeader("If-Modified-Since") / 1000;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * If-None-Match compares weakly (RFC 9110): any coding's tag of the same bytes names
	 * this page.
	 */
	private static boolean matches(String ifNoneMatch, KeptPage page) {
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*")) {
				return true;
			}
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
				String opaque = tag.substring(1, tag.length() - 1);
				if (opaque.equals(page.tag) || opaque.startsWith(page.tag + "-")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The guest's request as a controller sees it during a rebuild: once the page is
	 * marked to be kept, never conditional, so that it renders in full (the kept page
	 * answers the condition itself). Pages not kept see the request as it came.
	 */
	private static final class Unconditional extends HttpServletRequestWrapper {

		private static final Set<String> HIDDEN = Set.of("if-none-match", "if-modified-since", "if-match",
				"if-unmodified-since", "if-range");

		Unconditional(HttpServletRequest request) {
			super(request);
		}

		private boolean hidden(String name) {
			return getAttribute(PageVersions.KEEP) != null && HIDDEN.contains(name.toLowerCase(Locale.ROOT));
		}

		@Override
		public String getHeader(String name) {
			return hidden(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public long getDateHeader(String name) {
			return hidden(name) ? -1 : super.getDateHeader(name);
		}

	}

	/**
	 * Keeps the body in memory when the controller marked the page to be kept (it does so
	 * before the body is written), else passes everything through. Headers always go to
	 * the real response.
	 */
	private final class Capture extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		boolean keeping;

		boolean decided;

		final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);

		private ServletOutputStream stream;

		private PrintWriter writer;

		Capture(HttpServletResponse response, HttpServletRequest request) {
			super(response);
			this.request = request;
		}

		private boolean keeping() {
			if (!decided) {
				decided = true;
				keeping = request.getAttribute(PageVersions.KEEP) instanceof PageVersions.Mark;
			}
			return keeping;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (!keeping()) {
				return super.getOutputStream();
			}
			if (stream == null) {
				stream = new ServletOutputStream() {
					@Override
					public void write(int b) {
						buffer.write(b);
					}

					@Override
					public void write(byte[] b, int off, int len) {
						buffer.write(b, off, len);
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						throw new UnsupportedOperationException();
					}
				};
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (!keeping()) {
				return super.getWriter();
			}
			if (writer == null) {
				String charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name()
						: getCharacterEncoding();
				writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
			}
			return writer;
		}

		@Override
		public void setContentLength(int length) {
			if (!keeping()) {
				super.setContentLength(length);
			}
		}

		@Override
		public void setContentLengthLong(long length) {
			if (!keeping()) {
				super.setContentLengthLong(length);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!keeping()) {
				super.flushBuffer();
			}
		}

		@Override
		public void resetBuffer() {
			buffer.reset();
			super.resetBuffer();
		}

		@Override
		public void reset() {
			buffer.reset();
			super.reset();
		}

		@Override
		public boolean isCommitted() {
			return keeping ? false : super.isCommitted();
		}

		/**
		 * Sends what was kept back as it was, for a page that is not to be kept after
		 * all.
		 */
		void finish() throws IOException {
			if (writer != null) {
				writer.flush();
			}
			if (keeping && buffer.size() > 0 && !getResponse().isCommitted()) {
				getResponse().setContentLength(buffer.size());
				buffer.writeTo(getResponse().getOutputStream());
			}
		}

	}

}
