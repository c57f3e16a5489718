package io.sluice.examples.udfs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code url_host(url)}: the lower-cased host of a URL, e.g. {@code 'shop.example.com'} for
 * {@code 'https://Shop.Example.com/cart?item=7'}; NULL for NULL or a string that is not a URL with a host.
 * Deterministic, so Sluice evaluates it once per row however often a query calls it.
 */
public class UrlHost extends ScalarFunction {

    public String eval(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = new URI(url.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
