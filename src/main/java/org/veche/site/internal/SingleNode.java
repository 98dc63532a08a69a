package org.veche.site.internal;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.veche.site.Cluster;
import org.veche.site.OnSqlite;

/** One node on SQLite: nobody else to tell. */
@Component
@OnSqlite
class SingleNode implements Cluster {

	@Override
	public boolean shared() {
		return false;
	}

	@Override
	public void tell(String topic, String message) {
	}

	@Override
	public void listen(String topic, Consumer<String> listener) {
	}

}
