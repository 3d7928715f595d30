package org.teachbox.engine.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teachbox.engine.ModelFormatException;

/** The engine's small JSON reader: what it accepts, and that it refuses the rest with a message. */
class JsonTest {
    @Test
    void readsTheValuesModelJsonUses() throws ModelFormatException {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"x\\\"y\\u00e9\\n\"}} ", "t");
        Map<String, Object> map = Json.object(value, "root");
        assertThat(Json.array(map, "a", "root")).containsExactly(1L, -2500.0, true, false, Json.NULL); // 1 stays a whole number, to be written back as 1
        assertThat(Json.string(Json.object(map, "b", "root"), "c", "b")).isEqualTo("x\"yé\n");
        assertThat(Json.optionalString(map, "missing", "fallback", "root")).isEqualTo("fallback");
        assertThat(Json.optionalArray(map, "missing", "root")).isEmpty();
    }

    @Test
    void refusesBrokenText() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[1 2]", "tru", "\"abc", "-", "1.2.3",
                "[\"\\x\"]", "{} {}", "NaN", "[1e999]")) {
            assertThatThrownBy(() -> Json.number(Json.array(Json.parse(bad, "t"), "x").get(0), "x"))
                    .as(bad).isInstanceOf(ModelFormatException.class);
        }
    }

    @Test
    void typedGettersTurnWrongTypesIntoModelFormatExceptions() throws ModelFormatException {
        Map<String, Object> map = Json.object(Json.parse("{\"n\": 2.5, \"s\": \"x\"}", "t"), "root");
        assertThatThrownBy(() -> Json.integer(map.get("n"), 0, 10, "n")).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> Json.integer(map.get("missing"), 0, 10, "missing")).isInstanceOf(ModelFormatException.class);
        assertThatThrownBy(() -> Json.array(map, "s", "root")).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("root.s");
        assertThatThrownBy(() -> Json.object(Json.parse("[]", "t"), "root")).isInstanceOf(ModelFormatException.class);
    }
}
