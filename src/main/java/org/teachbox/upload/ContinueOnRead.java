package org.teachbox.upload;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A client that asks before sending a big body ({@code Expect: 100-continue}) is told to go on
 * only when the app starts reading it. Tomcat says "continue" at once by default, so an upload
 * that {@link UploadRequestLimit} refuses would send its whole body anyway and, past Tomcat's
 * swallow limit, have the connection cut under it instead of reading its 429 and reason.
 */
@Component
class ContinueOnRead implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
