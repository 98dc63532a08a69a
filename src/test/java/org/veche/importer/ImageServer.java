package org.veche.importer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;

/**
 * The old blog's uploads, served by the JDK's HTTP server on loopback: /uploads/*.jpg are
 * JPEGs carrying a comment segment (metadata a re-encode must drop), anything else is
 * 404. It remembers every request.
 */
final class ImageServer implements AutoCloseable {

	/**
	 * Written into every served JPEG as a COM segment; no variant the site serves may
	 * carry it.
	 */
	static final String SECRET = "taken-at-the-secret-flat";

	private final HttpServer server;

	final List<String> requests = new CopyOnWriteArrayList<>();

	/**
	 * Runs before each answer: a test may change the world while an import is between its
	 * passes.
	 */
	volatile Runnable onRequest = () -> {
	};

	ImageServer() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			requests.add(path);
			onRequest.run();
			byte[] body = path.startsWith("/uploads/") && path.endsWith(".jpg") ? jpeg(640, 480)
					: "not here".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(path.endsWith(".jpg") && path.startsWith("/uploads/") ? 200 : 404,
					body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	static byte[] jpeg(int width, int height) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, ((x * 7) & 255) << 16 | ((y * 5) & 255) << 8 | 90);
			}
		}
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] plain = out.toByteArray();
		byte[] comment = SECRET.getBytes(StandardCharsets.US_ASCII);
		var marked = new ByteArrayOutputStream();
		marked.write(plain, 0, 2); // SOI
		marked.write(0xFF);
		marked.write(0xFE);
		marked.write((comment.length + 2) >> 8);
		marked.write((comment.length + 2) & 0xFF);
		marked.write(comment, 0, comment.length);
		marked.write(plain, 2, plain.length - 2);
		return marked.toByteArray();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
