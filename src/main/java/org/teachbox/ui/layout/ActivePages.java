package org.teachbox.ui.layout;

import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code teachbox_pages_active}: browser tabs with a Teachbox page open on this server, counted
 * from Vaadin's own UI lifecycle (a tab counts from its first request until Vaadin detaches its UI,
 * a few heartbeats after the tab closes).
 */
@Component
class ActivePages implements VaadinServiceInitListener, MeterBinder {

    private final AtomicInteger open = new AtomicInteger();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            open.incrementAndGet();
            init.getUI().addDetachListener(detach -> open.decrementAndGet());
        });
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("teachbox.pages.active", open, AtomicInteger::get).description("Open Teachbox pages (tabs)")
                .register(meters);
    }
}
