// A small load client for bench/live-connections.sh: holds N Server-Sent Events connections to one article's
// live stream on one NIO selector (one thread, one shared read buffer), then posts comments through the API
// while they listen and reports, for each comment, how long the readers took to get it. Loopback only: the
// host must be 127.0.0.1 or localhost. Bounded: it stops after its posts or after MAX_SECONDS.
//
// usage: java LiveClient.java HOST PORT ARTICLE_ID SLUG CONNECTIONS POSTS POST_INTERVAL_MS HOLD_SECONDS TOKEN [POST_PORT]
// POST_PORT (default PORT): post the comments to another node than the one the readers listen to
// (bench/two-nodes.sh measures the cross-node latency so).
// The comments are posted with an editor's token, so that moderation's screening approves them all (a held
// comment is, rightly, never sent to readers); rendering and broadcasting are the same as for any reader's.
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LiveClient {

	static final long MAX_SECONDS = 1800;

	static final Pattern MARK = Pattern.compile("LIVEBENCH(\\d+)X");

	static final class Reader {

		final SocketChannel channel;

		String tail = "";

		/** What came before the end of the response headers (they may arrive in more than one read). */
		final StringBuilder head = new StringBuilder();

		boolean headersSeen;

		boolean failed;

		final BitSet got = new BitSet();

		Reader(SocketChannel channel) {
			this.channel = channel;
		}

	}

	public static void main(String[] args) throws Exception {
		String host = args[0];
		if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		int port = Integer.parseInt(args[1]);
		long articleId = Long.parseLong(args[2]);
		String slug = args[3];
		int connections = Integer.parseInt(args[4]);
		int posts = Integer.parseInt(args[5]);
		long interval = Long.parseLong(args[6]);
		long holdSeconds = Long.parseLong(args[7]);
		String token = args[8];
		int postPort = args.length > 9 ? Integer.parseInt(args[9]) : port;
		long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;

		byte[] request = ("GET /live/articles/" + articleId + " HTTP/1.1\r\nHost: " + host + ":" + port
				+ "\r\nAccept: text/event-stream\r\nAccept-Language: en\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		Selector selector = Selector.open();
		var readers = new ArrayList<Reader>();
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
		long[] posted = new long[posts];
		long[] answered = new long[posts];
		long[][] arrivals = new long[posts][connections];
		for (long[] row : arrivals) {
			Arrays.fill(row, -1);
		}
		var index = new ConcurrentHashMap<SocketChannel, Integer>();

		// open in batches, waiting for each batch's response headers, so the listen backlog never overflows
		int open = 0;
		long started = System.nanoTime();
		while (open < connections) {
			int batch = Math.min(250, connections - open);
			for (int i = 0; i < batch; i++) {
				SocketChannel channel = SocketChannel.open();
				channel.configureBlocking(true);
				channel.connect(new InetSocketAddress(host, port));
				channel.write(ByteBuffer.wrap(request));
				channel.configureBlocking(false);
				var reader = new Reader(channel);
				index.put(channel, readers.size());
				readers.add(reader);
				channel.register(selector, SelectionKey.OP_READ, reader);
			}
			open += batch;
			System.err.println("opening: " + open);
			long waitUntil = System.nanoTime() + 120_000_000_000L;
			while (readers.stream().filter(r -> r.headersSeen || r.failed).count() < open && System.nanoTime() < waitUntil) {
				poll(selector, buffer, posted, arrivals, index, 100);
			}
		}
		long connected = readers.stream().filter(r -> r.headersSeen).count();
		System.out.println("READY connections=" + connected + " established_in_ms=" + (System.nanoTime() - started) / 1_000_000 + " ok");
		System.out.flush();

		// hold them idle while the script measures the server
		long holdUntil = System.nanoTime() + holdSeconds * 1_000_000_000L;
		while (System.nanoTime() < holdUntil) {
			poll(selector, buffer, posted, arrivals, index, 200);
		}

		System.out.println("POSTING");
		System.out.flush();
		HttpClient http = HttpClient.newHttpClient();
		long nextPost = System.nanoTime();
		int sent = 0;
		while (System.nanoTime() < deadline) {
			if (sent < posts && System.nanoTime() >= nextPost) {
				posted[sent] = System.nanoTime();
				String body = "{\"author\":{\"name\":\"Bench reader " + sent + "\",\"email\":\"bench" + sent
						+ "@example.org\"},\"body\":\"A comment for the live benchmark LIVEBENCH" + sent + "X\"}";
				var post = HttpRequest.newBuilder(URI.create("http://" + host + ":" + postPort + "/api/v1/articles/" + slug + "/comments"))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + token)
					.header("X-Forwarded-For", "10.77." + (sent / 250) + "." + (sent % 250 + 1))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				int k = sent;
				http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
					answered[k] = System.nanoTime();
					if (r.statusCode() != 201) {
						System.out.println("POST " + k + " answered " + r.statusCode() + " " + r.body());
					}
				});
				sent++;
				nextPost += interval * 1_000_000L;
			}
			poll(selector, buffer, posted, arrivals, index, 20);
			if (sent == posts && allArrived(arrivals, readers)) {
				break;
			}
			if (sent == posts && System.nanoTime() - posted[posts - 1] > 30_000_000_000L) {
				break;
			}
		}
		System.out.println("DONE");
		report(posted, arrivals, readers);
		var answers = new ArrayList<Long>();
		for (int k = 0; k < posts; k++) {
			if (answered[k] > 0) {
				answers.add((answered[k] - posted[k]) / 1_000);
			}
		}
		answers.sort(null);
		System.out.printf("POSTS answered=%d p50_ms=%.1f max_ms=%.1f%n", answers.size(), pct(answers, 50),
				answers.isEmpty() ? -1.0 : answers.get(answers.size() - 1) / 1000.0);
		for (Reader reader : readers) {
			reader.channel.close();
		}
	}

	static boolean allArrived(long[][] arrivals, List<Reader> readers) {
		for (long[] row : arrivals) {
			for (int i = 0; i < readers.size(); i++) {
				if (readers.get(i).headersSeen && row[i] < 0) {
					return false;
				}
			}
		}
		return true;
	}

	static void poll(Selector selector, ByteBuffer buffer, long[] posted, long[][] arrivals,
			ConcurrentHashMap<SocketChannel, Integer> index, long millis) throws IOException {
		if (selector.select(millis) == 0) {
			return;
		}
		long now = System.nanoTime();
		for (var it = selector.selectedKeys().iterator(); it.hasNext();) {
			SelectionKey key = it.next();
			it.remove();
			Reader reader = (Reader) key.attachment();
			buffer.clear();
			int n;
			try {
				n = reader.channel.read(buffer);
			}
			catch (IOException ex) {
				n = -1;
			}
			if (n < 0) {
				key.cancel();
				reader.channel.close();
				continue;
			}
			String chunk = new String(buffer.array(), 0, n, StandardCharsets.UTF_8);
			String text = reader.tail + chunk;
			if (!reader.headersSeen && !reader.failed) {
				reader.head.append(chunk);
				if (reader.head.indexOf("\r\n\r\n") >= 0) {
					reader.headersSeen = reader.head.toString().startsWith("HTTP/1.1 200");
					reader.failed = !reader.headersSeen;
					if (reader.failed) {
						System.out.println("REFUSED " + reader.head.substring(0, Math.min(200, reader.head.length())).replace("\r\n", " | "));
					}
				}
			}
			Matcher m = MARK.matcher(text);
			while (m.find()) {
				int k = Integer.parseInt(m.group(1));
				if (k < posted.length && !reader.got.get(k)) {
					reader.got.set(k);
					arrivals[k][index.get(reader.channel)] = now;
				}
			}
			reader.tail = text.length() > 40 ? text.substring(text.length() - 40) : text;
		}
	}

	static void report(long[] posted, long[][] arrivals, List<Reader> readers) {
		var all = new ArrayList<Long>();
		for (int k = 0; k < posted.length; k++) {
			var lat = new ArrayList<Long>();
			for (int i = 0; i < readers.size(); i++) {
				if (arrivals[k][i] >= 0) {
					lat.add((arrivals[k][i] - posted[k]) / 1_000);
				}
			}
			lat.sort(null);
			all.addAll(lat);
			System.out.printf("comment %d received_by=%d p50_ms=%.1f p99_ms=%.1f last_ms=%.1f%n", k, lat.size(),
					pct(lat, 50), pct(lat, 99), lat.isEmpty() ? -1.0 : lat.get(lat.size() - 1) / 1000.0);
		}
		all.sort(null);
		long expected = (long) posted.length * readers.stream().filter(r -> r.headersSeen).count();
		System.out.printf("SUMMARY deliveries=%d expected=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", all.size(), expected,
				pct(all, 50), pct(all, 99), all.isEmpty() ? -1.0 : all.get(all.size() - 1) / 1000.0);
	}

	static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return -1;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
	}

}
