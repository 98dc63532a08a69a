package org.veche.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import org.veche.support.Http;

/**
 * A reader's EventSource, without a browser: it reads the stream line by line as the SSE
 * format says and hands out the events in order.
 */
public final class EventStream implements AutoCloseable {

	public record Event(String id, String name, String data) {

		JsonNode json() {
			return Http.JSON.readTree(data);
		}

	}

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final HttpResponse<Stream<String>> response;

	private final Thread reader;

	private EventStream(HttpResponse<Stream<String>> response) {
		this.response = response;
		this.reader = Thread.ofVirtual().start(this::read);
	}

	public static EventStream open(String url, Map<String, String> headers) {
		var request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofMinutes(2));
		headers.forEach(request::header);
		try {
			return new EventStream(CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int status() {
		return response.statusCode();
	}

	String header(String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	List<String> headers(String name) {
		return response.headers().allValues(name);
	}

	private void read() {
		String id = null;
		String name = "message";
		var data = new StringBuilder();
		try (Stream<String> lines = response.body()) {
			for (var it = lines.iterator(); it.hasNext();) {
				String line = it.next();
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						events.add(new Event(id, name, data.substring(0, data.length() - 1)));
					}
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).stripLeading()).append('\n');
				}
			}
		}
		catch (RuntimeException ex) {
			// closed by the test
		}
	}

	/** The next event, or null when none came within the time. */
	Event next(Duration within) throws InterruptedException {
		return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * The next event of the kind, skipping others (likes, say); fails when none comes
	 * within the time.
	 */
	public Event next(String name, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			Event event = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
			if (event != null && event.name().equals(name)) {
				return event;
			}
		}
		throw new AssertionError("no '" + name + "' event within " + within);
	}

	@Override
	public void close() {
		CompletableFuture.runAsync(() -> response.body().close());
		reader.interrupt();
	}

}
