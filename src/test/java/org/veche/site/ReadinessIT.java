package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.veche.VecheApplication;
import org.veche.support.Http;
import org.veche.support.TestDatabase;

/**
 * /actuator/health answers UP only when the site is ready: its port opens before the
 * application runners (the first administrator from VECHE_ADMIN_*, the demo content) are
 * done, and until then health says 503, so a load balancer or a script that waits for UP
 * never signs in too early. Then one line says where the site is.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadinessIT {

	@Test
	void healthIsUpOnlyOnceTheFirstAdministratorAndTheDemoContentAreMadeAndThenTheSiteSaysWhereItIs(
			CapturedOutput output) throws Exception {
		var lastRunner = new CountDownLatch(1);
		var port = new CompletableFuture<Integer>();
		var application = new SpringApplication(VecheApplication.class);
		application.addInitializers(new TestDatabase());
		// a runner that waits for the test: it runs after the site's own (it has no
		// order), as a slow start would
		application.addInitializers(context -> context.getBeanFactory()
			.registerSingleton("slowStart", (ApplicationRunner) args -> lastRunner.await(60, TimeUnit.SECONDS)));
		application.addListeners(event -> {
			if (event instanceof WebServerInitializedEvent web) {
				port.complete(web.getWebServer().getPort());
			}
		});
		CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture
			.supplyAsync(() -> application.run("--server.port=0", "--veche.demo-content=true",
					"--veche.admin.email=first@example.org", "--veche.admin.password=first administrator passphrase"));
		try {
			var http = new Http(port.get(60, TimeUnit.SECONDS));

			var early = http.get("/actuator/health");

			assertThat(early.status()).as(early.body()).isEqualTo(503);
			assertThat(early.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
			assertThat(output.getOut()).doesNotContain("Veche is running at");

			lastRunner.countDown();
			Http.Response health = waitForUp(http);
			var token = http.postJson("/api/v1/auth/token",
					Map.of("email", "first@example.org", "password", "first administrator passphrase"));

			assertThat(health.json().get("status").asString()).isEqualTo("UP");
			assertThat(token.status()).as("signing in as soon as health is UP: " + token.body()).isEqualTo(200);
			assertThat(http.get("/").body()).as("the demo content is there").contains("How Veche keeps your readers");
			started.get(60, TimeUnit.SECONDS);
			assertThat(output.getOut()).containsOnlyOnce("Veche is running at http://localhost:" + port.get() + "\n");
		}
		finally {
			lastRunner.countDown();
			started.thenAccept(ConfigurableApplicationContext::close).get(60, TimeUnit.SECONDS);
		}
	}

	private static Http.Response waitForUp(Http http) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			var health = http.get("/actuator/health");
			if (health.status() == 200 || Instant.now().isAfter(deadline)) {
				assertThat(health.status()).as(health.body()).isEqualTo(200);
				return health;
			}
			Thread.sleep(20);
		}
	}

}
