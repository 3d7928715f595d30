package org.teachbox.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Which reverse proxies may say who the browser is. {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are believed only from the addresses an admin names in
 * {@code TEACHBOX_TRUSTED_PROXIES} (comma-separated IP addresses; see docs/scaling.md). By default
 * none is named and no forwarded header is believed: on a school network every pupil's laptop has
 * a private address, so "trust private addresses" would let any of them claim another address and
 * walk past every per-address limit. Behind a named proxy the request's address, and whether it
 * came over HTTPS (so the learner cookie is {@code Secure}), are the proxy's word.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

    private final List<String> addresses;

    TrustedProxies(@Value("${teachbox.trusted-proxies:}") String named) {
        this.addresses = parse(named);
    }

    /** The named addresses, each checked to be a literal IP address (no host names: no lookups). */
    static List<String> parse(String named) {
        List<String> out = new ArrayList<>();
        for (String part : named == null ? new String[0] : named.split(",")) {
            String address = part.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (!address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                throw new IllegalArgumentException("teachbox.trusted-proxies: '" + address
                        + "' is not an IP address (name each proxy by its address, comma-separated)");
            }
            try {
                out.add(InetAddress.getByName(address).getHostAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("teachbox.trusted-proxies: '" + address + "' is not an IP address", e);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (addresses.isEmpty()) {
            log.info("No trusted proxy is named (TEACHBOX_TRUSTED_PROXIES): X-Forwarded-* headers are ignored");
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setInternalProxies(String.join("|", addresses.stream().map(Pattern::quote).toList()));
        valve.setTrustedProxies(null);
        factory.addEngineValves(valve);
        log.info("X-Forwarded-* headers are believed from {} only", addresses);
    }
}
