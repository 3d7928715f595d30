package org.teachbox.e2e.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.vaadin.flow.internal.nodefeature.ElementAttributeMap;
import com.vaadin.flow.internal.nodefeature.ElementClassList;
import com.vaadin.flow.internal.nodefeature.ElementData;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.internal.nodefeature.ElementPropertyMap;
import com.vaadin.flow.internal.nodefeature.NodeFeatureRegistry;
import com.vaadin.flow.internal.nodefeature.TextNodeMap;

/**
 * The page as a browser's Vaadin client holds it: the server's state tree, rebuilt from the
 * "changes" of every message the server sends (attach, put, remove, splice, clear, detach), with
 * the same feature numbers the server uses (read from Vaadin's own registry, so an upgrade that
 * renumbers them cannot go unnoticed). Not thread-safe: {@link WireSession} guards it.
 */
public final class UiTree {

    static final int TAG = NodeFeatureRegistry.getId(ElementData.class);
    static final int PROPERTIES = NodeFeatureRegistry.getId(ElementPropertyMap.class);
    static final int ATTRIBUTES = NodeFeatureRegistry.getId(ElementAttributeMap.class);
    static final int LISTENERS = NodeFeatureRegistry.getId(ElementListenerMap.class);
    static final int TEXT = NodeFeatureRegistry.getId(TextNodeMap.class);
    static final int CLASSES = NodeFeatureRegistry.getId(ElementClassList.class);

    /** A value that is another node of the tree. */
    record NodeRef(int id) {
    }

    static final class Node {
        final int id;
        final Map<Integer, Map<String, Object>> maps = new HashMap<>();
        final Map<Integer, List<Object>> lists = new HashMap<>();

        Node(int id) {
            this.id = id;
        }

        Map<String, Object> map(int feature) {
            return maps.computeIfAbsent(feature, f -> new LinkedHashMap<>());
        }

        List<Object> list(int feature) {
            return lists.computeIfAbsent(feature, f -> new ArrayList<>());
        }

        String tag() {
            Object tag = map(TAG).get("tag");
            return tag == null ? "" : tag.toString();
        }

        Object property(String name) {
            return map(PROPERTIES).get(name);
        }

        String attribute(String name) {
            Object value = map(ATTRIBUTES).get(name);
            return value == null ? null : value.toString();
        }

        boolean hasClass(String name) {
            return list(CLASSES).contains(name);
        }

        /** The nodes this one holds: its children, virtual children and any node-valued entry. */
        List<Integer> held() {
            List<Integer> ids = new ArrayList<>();
            for (List<Object> list : lists.values()) {
                list.stream().filter(NodeRef.class::isInstance).forEach(v -> ids.add(((NodeRef) v).id()));
            }
            for (Map<String, Object> map : maps.values()) {
                map.values().stream().filter(NodeRef.class::isInstance).forEach(v -> ids.add(((NodeRef) v).id()));
            }
            return ids;
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();
    private final Map<String, Object> constants = new HashMap<>();

    /** Applies one message's constant pool and changes, in order. */
    @SuppressWarnings("unchecked")
    void apply(Map<String, Object> message) {
        Object pool = message.get("constants");
        if (pool instanceof Map<?, ?> map) {
            constants.putAll((Map<String, Object>) map);
        }
        Object changes = message.get("changes");
        if (changes instanceof List<?> list) {
            for (Object change : list) {
                change((Map<String, Object>) change);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void change(Map<String, Object> change) {
        int id = ((Number) change.get("node")).intValue();
        String type = (String) change.get("type");
        if ("detach".equals(type)) {
            nodes.remove(id);
            return;
        }
        Node node = nodes.computeIfAbsent(id, Node::new);
        if ("attach".equals(type)) {
            return;
        }
        int feature = ((Number) change.get("feat")).intValue();
        switch (type) {
            case "put" -> node.map(feature).put((String) change.get("key"),
                    change.containsKey("nodeValue") ? new NodeRef(((Number) change.get("nodeValue")).intValue())
                            : change.get("value"));
            case "remove" -> node.map(feature).remove((String) change.get("key"));
            case "clear" -> {
                node.list(feature).clear();
                node.map(feature).clear();
            }
            case "splice" -> {
                List<Object> list = node.list(feature);
                int index = ((Number) change.get("index")).intValue();
                Object remove = change.get("remove");
                for (int i = 0; remove != null && i < ((Number) remove).intValue() && index < list.size(); i++) {
                    list.remove(index);
                }
                List<Object> added = new ArrayList<>();
                if (change.get("addNodes") instanceof List<?> ids) {
                    ids.forEach(n -> added.add(new NodeRef(((Number) n).intValue())));
                } else if (change.get("add") instanceof List<?> values) {
                    added.addAll((List<Object>) values);
                }
                list.addAll(Math.min(index, list.size()), added);
            }
            default -> throw new IllegalStateException("a change this client does not know: " + change);
        }
    }

    Optional<Node> node(int id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The node with this id attribute that hangs in the page (reachable from the UI's body). */
    Optional<Node> byId(String elementId) {
        return find(1, n -> elementId.equals(n.attribute("id")));
    }

    /** The first node under {@code root} (itself included) that matches, depth first. */
    Optional<Node> find(int root, Predicate<Node> test) {
        List<Node> found = new ArrayList<>();
        walk(root, test, found, true);
        return found.stream().findFirst();
    }

    List<Node> findAll(int root, Predicate<Node> test) {
        List<Node> found = new ArrayList<>();
        walk(root, test, found, false);
        return found;
    }

    private void walk(int id, Predicate<Node> test, List<Node> found, boolean firstOnly) {
        Node node = nodes.get(id);
        if (node == null || firstOnly && !found.isEmpty()) {
            return;
        }
        if (test.test(node)) {
            found.add(node);
        }
        for (int child : node.held()) {
            walk(child, test, found, firstOnly);
        }
    }

    /** The text a browser would show for the node: its text nodes, in order, and its text property. */
    String text(int id) {
        StringBuilder text = new StringBuilder();
        appendText(id, text);
        return text.toString().strip();
    }

    private void appendText(int id, StringBuilder text) {
        Node node = nodes.get(id);
        if (node == null) {
            return;
        }
        Object own = node.map(TEXT).get("text");
        if (own != null) {
            text.append(own);
        }
        Object property = node.property("textContent");
        if (property != null) {
            text.append(property);
        }
        for (int child : node.held()) {
            appendText(child, text);
        }
    }

    /**
     * The event data a browser would send with {@code event} on the node: the expressions the
     * server asked for in its listener registration, each answered as a plain click would answer
     * it (no key held, button 0, position 0). Property synchronisations ({@code }name}) are not
     * event data; {@link #synced} names them.
     */
    Map<String, Object> eventData(Node node, String event) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String expression : expressions(node, event)) {
            if (expression.startsWith("}") || expression.chars().allMatch(Character::isDigit)) {
                continue;
            }
            data.put(expression, expression.endsWith("Key") ? Boolean.FALSE : (Object) 0);
        }
        return data;
    }

    /** The properties the server wants synchronised before it hears of {@code event}. */
    List<String> synced(Node node, String event) {
        return expressions(node, event).stream().filter(e -> e.startsWith("}")).map(e -> e.substring(1)).toList();
    }

    boolean listensTo(Node node, String event) {
        return node.map(LISTENERS).containsKey(event);
    }

    private List<String> expressions(Node node, String event) {
        Object key = node.map(LISTENERS).get(event);
        if (key == null) {
            throw new IllegalStateException("<" + node.tag() + " id=" + node.attribute("id") + "> has no listener for " + event);
        }
        Object expressions = constants.get(key.toString());
        if (!(expressions instanceof Map<?, ?> map)) {
            return List.of();
        }
        return map.keySet().stream().map(Object::toString).toList();
    }
}
