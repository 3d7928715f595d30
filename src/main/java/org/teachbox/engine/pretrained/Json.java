package org.teachbox.engine.pretrained;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teachbox.engine.ModelFormatException;

/**
 * A small JSON reader for TensorFlow.js model.json files, so the engine needs no JSON library.
 * Objects become {@code Map<String, Object>} (keys in file order), arrays {@code List<Object>},
 * numbers written without a fraction or exponent {@code Long}, other numbers {@code Double}
 * (so a copy of the text can be written back with its numbers as they were), and {@code null} becomes {@link #NULL}, so that a missing key and a JSON
 * null can be told apart. Everything is bounded: the text length, the nesting depth (the reader
 * recurses once per level, so this also bounds the stack), the length of strings and the number of
 * elements. Malformed or oversized text ends in a {@link ModelFormatException} saying where.
 *
 * <p>The typed getters ({@link #object}, {@link #string}, {@link #integer}, ...) turn a wrong or
 * missing value into the same exception, so callers never see a ClassCastException or an NPE.
 */
final class Json {
    /** Stands for JSON's {@code null}. */
    static final Object NULL = new Object() {
        @Override public String toString() { return "null"; }
    };

    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 1 << 16;
    static final int MAX_ELEMENTS = 1 << 22;

    private final String text;
    private final String file;
    private int at;
    private int elements;

    private Json(String text, String file) {
        this.text = text;
        this.file = file;
    }

    /** Parses one JSON value that must fill the whole text; file names the source in messages. */
    static Object parse(String text, String file) throws ModelFormatException {
        Json json = new Json(text, file);
        json.skipSpace();
        Object value = json.value(0);
        json.skipSpace();
        if (json.at != text.length()) {
            throw json.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws ModelFormatException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (++elements > MAX_ELEMENTS) {
            throw error("more than " + MAX_ELEMENTS + " values");
        }
        if (at >= text.length()) {
            throw error("unexpected end of file");
        }
        char ch = text.charAt(at);
        return switch (ch) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws ModelFormatException {
        at++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value(depth + 1));
            skipSpace();
            char ch = next();
            if (ch == '}') {
                return map;
            }
            if (ch != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws ModelFormatException {
        at++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth + 1));
            skipSpace();
            char ch = next();
            if (ch == ']') {
                return list;
            }
            if (ch != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws ModelFormatException {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (out.length() > MAX_STRING) {
                throw error("string longer than " + MAX_STRING + " characters");
            }
            char ch = next();
            if (ch == '"') {
                return out.toString();
            }
            if (ch < 0x20) {
                throw error("control character inside a string");
            }
            if (ch != '\\') {
                out.append(ch);
                continue;
            }
            char esc = next();
            switch (esc) {
                case '"', '\\', '/' -> out.append(esc);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("unexpected end of file");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(at++), 16);
                        if (digit < 0) {
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> throw error("bad escape \\" + esc);
            }
        }
    }

    private Object literal(String word, Object value) throws ModelFormatException {
        if (!text.startsWith(word, at)) {
            throw error("unexpected character '" + text.charAt(at) + "'");
        }
        at += word.length();
        return value;
    }

    private Number number() throws ModelFormatException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        while (at < text.length() && at - start < 40 && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String digits = text.substring(start, at);
        if (digits.isEmpty() || digits.equals("-") || !Character.isDigit(digits.charAt(digits.length() - 1))) {
            throw error("unexpected character '" + (start < text.length() ? text.charAt(start) : '?') + "'");
        }
        try {
            if (digits.chars().allMatch(ch -> ch == '-' || Character.isDigit(ch)) && digits.length() <= 18) {
                return Long.valueOf(digits);
            }
            return Double.valueOf(digits);
        } catch (NumberFormatException e) {
            at = start;
            throw error("bad number '" + digits + "'");
        }
    }

    private void skipSpace() {
        while (at < text.length()) {
            char ch = text.charAt(at);
            if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') {
                return;
            }
            at++;
        }
    }

    private char peek() throws ModelFormatException {
        if (at >= text.length()) {
            throw error("unexpected end of file");
        }
        return text.charAt(at);
    }

    private char next() throws ModelFormatException {
        char ch = peek();
        at++;
        return ch;
    }

    private void expect(char ch) throws ModelFormatException {
        if (next() != ch) {
            at--;
            throw error("expected '" + ch + "'");
        }
    }

    private ModelFormatException error(String what) {
        return new ModelFormatException(file + " is not valid JSON at character " + at + ": " + what);
    }

    // ---- typed access: a wrong or missing value is a ModelFormatException naming the key ----

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) throws ModelFormatException {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new ModelFormatException(what + " should be a JSON object");
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object value, String what) throws ModelFormatException {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new ModelFormatException(what + " should be a JSON array");
    }

    static Map<String, Object> object(Map<String, Object> map, String key, String what) throws ModelFormatException {
        return object(map.get(key), what + "." + key);
    }

    static List<Object> array(Map<String, Object> map, String key, String what) throws ModelFormatException {
        return array(map.get(key), what + "." + key);
    }

    /** The array at key, or an empty list when the key is missing or null. */
    static List<Object> optionalArray(Map<String, Object> map, String key, String what) throws ModelFormatException {
        Object value = map.get(key);
        return value == null || value == NULL ? Collections.emptyList() : array(value, what + "." + key);
    }

    static String string(Object value, String what) throws ModelFormatException {
        if (value instanceof String s) {
            return s;
        }
        throw new ModelFormatException(what + " should be a string");
    }

    static String string(Map<String, Object> map, String key, String what) throws ModelFormatException {
        return string(map.get(key), what + "." + key);
    }

    /** The string at key, or fallback when the key is missing or null. */
    static String optionalString(Map<String, Object> map, String key, String fallback, String what)
            throws ModelFormatException {
        Object value = map.get(key);
        return value == null || value == NULL ? fallback : string(value, what + "." + key);
    }

    static double number(Object value, String what) throws ModelFormatException {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new ModelFormatException(what + " should be a number");
    }

    /** A whole number in [min, max]. */
    static int integer(Object value, int min, int max, String what) throws ModelFormatException {
        double d = number(value, what);
        if (d != Math.rint(d) || d < min || d > max) {
            throw new ModelFormatException(what + " should be a whole number from " + min + " to " + max + ", not " + value);
        }
        return (int) d;
    }

    static boolean bool(Map<String, Object> map, String key, boolean fallback, String what) throws ModelFormatException {
        Object value = map.get(key);
        if (value == null || value == NULL) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ModelFormatException(what + "." + key + " should be true or false");
    }
}
