package org.teachbox.ui;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.RouteRegistry;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

/**
 * A Vaadin UI and session without a browser or servlet, for testing views on the server: the
 * real bundles translate, {@link #enter} plays the router's part (beforeEnter, then attach the
 * first time, as Vaadin does; the same instance again when the learner navigates to the same
 * route), and what background threads hand to {@code ui.access} waits in a queue until
 * {@link #runPendingAccess()} runs it on the test thread, as the next push would.
 */
public final class ServerSideUi implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Command> pending = new ArrayDeque<>();
    private final VaadinService service = mock(VaadinService.class);
    private final VaadinSession session;
    private final UI ui = new UI();

    public ServerSideUi(String owner, Locale locale) {
        Instantiator instantiator = mock(Instantiator.class);
        DefaultI18NProvider i18n = new DefaultI18NProvider(List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE));
        when(instantiator.getI18NProvider()).thenReturn(i18n);
        when(service.getInstantiator()).thenReturn(instantiator);
        Router router = mock(Router.class);
        RouteRegistry registry = mock(RouteRegistry.class);
        when(registry.getTargetUrl(any(), any(RouteParameters.class))).thenReturn(Optional.of("project"));
        when(router.getRegistry()).thenReturn(registry);
        when(service.getRouter()).thenReturn(router);
        session = new VaadinSession(service) {
            @Override
            public Lock getLockInstance() {
                return lock;
            }

            @Override
            public boolean hasLock() {
                return lock.isHeldByCurrentThread();
            }

            @Override
            public Future<Void> access(Command command) {
                synchronized (pending) {
                    pending.add(command);
                }
                return CompletableFuture.completedFuture(null);
            }
        };
        lock.lock();
        VaadinService.setCurrent(service);
        VaadinSession.setCurrent(session);
        session.setAttribute("teachbox.owner", owner);
        session.setErrorHandler(new org.teachbox.ui.layout.LearnerErrors());
        ui.getInternals().setSession(session);
        ui.setLocale(locale);
        UI.setCurrent(ui);
    }

    public UI ui() {
        return ui;
    }

    /** Navigates to {@code view} for a project: beforeEnter, and attach if not on screen yet. */
    public <V extends Component & BeforeEnterObserver> V enter(V view, String projectId) {
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getRouteParameters()).thenReturn(new RouteParameters("projectId", projectId));
        when(event.getLocation()).thenReturn(new Location("project/" + projectId));
        view.beforeEnter(event);
        if (view.getParent().isEmpty()) {
            ui.add(view);
        }
        return view;
    }

    /** Runs what other threads handed to {@code ui.access}, in order, as Vaadin does under the lock. */
    public int runPendingAccess() {
        int ran = 0;
        while (true) {
            Command next;
            synchronized (pending) {
                next = pending.poll();
            }
            if (next == null) {
                return ran;
            }
            next.execute();
            ran++;
        }
    }

    /** A click, and as in Vaadin, what the listener throws goes to the session's error handler. */
    public static void click(Button button) {
        try {
            ComponentUtil.fireEvent(button, new ClickEvent<>(button));
        } catch (RuntimeException e) {
            VaadinSession current = VaadinSession.getCurrent();
            if (current == null || current.getErrorHandler() == null) {
                throw e;
            }
            current.getErrorHandler().error(new com.vaadin.flow.server.ErrorEvent(e));
        }
    }

    /** The texts of the notifications opened so far, as the browser would get them. */
    public List<String> notifications() {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<String> texts = new ArrayList<>();
        descendants(ui).filter(Notification.class::isInstance)
                .forEach(n -> texts.add(n.getElement().getProperty("text", "")
                        + descendants(n).filter(HasText.class::isInstance).map(c -> ((HasText) c).getText())
                        .reduce("", String::concat)));
        return texts;
    }

    /** The one component of this type and id under {@code root}. */
    public static <T extends Component> T find(Component root, Class<T> type, String id) {
        List<T> found = descendants(root).filter(type::isInstance).map(type::cast)
                .filter(c -> id.equals(c.getId().orElse(null))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " components " + type.getSimpleName() + "#" + id);
        }
        return found.getFirst();
    }

    public static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ServerSideUi::descendants));
    }

    /** What a learner can read under {@code root}: the text of every visible element, in order. */
    public static String text(Component root) {
        return text(root.getElement()).replaceAll("\\s+", " ").strip();
    }

    private static String text(com.vaadin.flow.dom.Element e) {
        if (e.isTextNode()) {
            return e.getText();
        }
        if (!e.isVisible()) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        e.getChildren().forEach(child -> all.append(text(child)).append(' '));
        return all.toString();
    }

    @Override
    public void close() {
        UI.setCurrent(null);
        VaadinSession.setCurrent(null);
        VaadinService.setCurrent(null);
        while (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }
}
