package dev.garden.chat;

import dev.garden.core.IdGenerator;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Runs parsers over whole outputs and splits of them, and reduces their events to what a client would assemble. */
final class Streams {
    static final ToolDefinition GET_WEATHER = new ToolDefinition("get_weather", "Get the current weather in a city",
            """
            {"type": "object", "properties": {"city": {"type": "string", "description": "The city, e.g. Zürich"},
             "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}}, "required": ["city"]}""", false);
    static final ToolDefinition SEARCH = new ToolDefinition("search", "Search the web", """
            {"type": "object", "properties": {"query": {"type": "string"}, "max_results": {"type": "integer"},
             "filters": {"type": "object", "properties": {"site": {"type": "string"}, "recent": {"type": "boolean"}}},
             "tags": {"type": "array", "items": {"type": "string"}}}, "required": ["query"]}""", false);
    static final List<ToolDefinition> TOOLS = List.of(GET_WEATHER, SEARCH);

    static final Reasoning SHOW_THOUGHTS = new Reasoning(OptionalInt.empty(), true);

    /** What the events add up to, in order: neighbouring text merged, each call with its whole arguments. */
    sealed interface Item {
    }

    record Text(String text) implements Item {
    }

    record Thought(String text) implements Item {
    }

    record Call(int index, String id, String name, String arguments) implements Item {
    }

    private Streams() {
    }

    static ChatPlan plan(ChatFormat format, ToolChoice choice) {
        return format.plan(TOOLS, choice, true, SHOW_THOUGHTS, IdGenerator.sequential());
    }

    /** Parses the pieces with a fresh parser (ids restart, so every run hands out the same ones). */
    static Result parse(ChatFormat format, ToolChoice choice, String prompt, List<String> pieces) {
        ChatOutputParser parser = plan(format, choice).newParser(0, prompt);
        List<InferenceEvent> events = new ArrayList<>();
        for (String piece : pieces) {
            events.addAll(parser.push(piece));
        }
        events.addAll(parser.finish());
        return new Result(events, reduce(events), parser.calledTools());
    }

    record Result(List<InferenceEvent> events, List<Item> items, boolean calledTools) {
    }

    static List<Item> reduce(List<InferenceEvent> events) {
        List<Item> items = new ArrayList<>();
        for (InferenceEvent event : events) {
            Item last = items.isEmpty() ? null : items.getLast();
            switch (event) {
                case InferenceEvent.TextDelta delta -> {
                    if (last instanceof Text text) {
                        items.set(items.size() - 1, new Text(text.text() + delta.text()));
                    } else {
                        items.add(new Text(delta.text()));
                    }
                }
                case InferenceEvent.ReasoningDelta delta -> {
                    if (last instanceof Thought thought) {
                        items.set(items.size() - 1, new Thought(thought.text() + delta.text()));
                    } else {
                        items.add(new Thought(delta.text()));
                    }
                }
                case InferenceEvent.ToolCallDelta delta -> {
                    if (delta.id() != null) {
                        items.add(new Call(delta.index(), delta.id(), delta.name(), delta.arguments()));
                    } else if (last instanceof Call call && call.index() == delta.index()) {
                        items.set(items.size() - 1, new Call(call.index(), call.id(), call.name(),
                                call.arguments() + delta.arguments()));
                    } else {
                        throw new AssertionError("arguments for call " + delta.index() + " after " + last);
                    }
                }
                case InferenceEvent.ChoiceFinished finished -> throw new AssertionError("parsers do not finish choices");
            }
        }
        return items;
    }

    /** Every way of cutting the text in two, and the text one character at a time. */
    static List<List<String>> splits(String output) {
        List<List<String>> splits = new ArrayList<>();
        for (int at = 0; at <= output.length(); at++) {
            splits.add(List.of(output.substring(0, at), output.substring(at)));
        }
        List<String> characters = new ArrayList<>();
        for (int i = 0; i < output.length(); i++) {
            characters.add(output.substring(i, i + 1));
        }
        splits.add(characters);
        return splits;
    }
}
