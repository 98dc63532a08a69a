package org.veche.site.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Serves a guest's current kept page from Tomcat's context pipeline, before the request's
 * filter chain is built: building it takes the context's filter lock once per filter, on
 * every request. Everything else (a page not kept or out of date, a request not a
 * guest's, any method but GET) goes on to the filters, where {@link GuestPages} decides
 * as it always did.
 */
final class KeptPageValve extends ValveBase {

	/** Set once the filter is made, which is after the server (and this valve) is. */
	private volatile GuestPages pages;

	KeptPageValve() {
		super(true);
	}

	void serveFrom(GuestPages pages) {
		this.pages = pages;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		GuestPages kept = pages;
		if (kept == null || !kept.serveCurrent(request, response)) {
			getNext().invoke(request, response);
		}
	}

}
