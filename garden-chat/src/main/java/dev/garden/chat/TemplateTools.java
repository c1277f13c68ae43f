package dev.garden.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.garden.core.GardenException;
import dev.garden.core.inference.ToolDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tools as chat templates and Garden's own descriptions read them. */
final class TemplateTools {
    /** Trailing text fails a parse: a tool result such as {@code 42 degrees} is text, not the number 42. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TemplateTools() {
    }

    /**
     * The {@code tools} template variable as Hugging Face's {@code apply_chat_template} passes it: a list of
     * {@code {"type": "function", "function": {"name", "description", "parameters"}}} with {@code parameters} a
     * parsed object (templates write it with {@code tojson} or walk its {@code properties}).
     */
    static List<Map<String, Object>> templateVariable(List<ToolDefinition> tools) {
        return tools.stream().map(tool -> {
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put("type", "function");
            outer.put("function", function(tool));
            return outer;
        }).toList();
    }

    /** One tool as {@code {"name", "description", "parameters"}}. */
    static Map<String, Object> function(ToolDefinition tool) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", tool.name());
        if (!tool.description().isEmpty()) {
            function.put("description", tool.description());
        }
        function.put("parameters", parameters(tool));
        return function;
    }

    /** A tool's parameter schema, parsed. */
    static Object parameters(ToolDefinition tool) {
        try {
            return JSON.readValue(tool.parameters(), Object.class);
        } catch (JsonProcessingException e) {
            throw GardenException.invalidArgument("The parameters of tool " + tool.name() + " are not valid JSON.");
        }
    }

    /** A value as compact JSON. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A text parsed as JSON, or the text itself when it is not JSON. */
    static Object parsedOrText(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
