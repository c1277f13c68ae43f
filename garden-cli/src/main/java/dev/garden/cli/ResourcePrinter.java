package dev.garden.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * gcloud's {@code --format} for what Garden lists and describes: {@code table} (a list's default), {@code yaml}
 * (a single resource's default), {@code json}, and {@code value(FIELD,...)} (tab-separated, for scripts).
 * Resources are maps named as Google's APIs name their fields; json and yaml sort them as gcloud does.
 */
final class ResourcePrinter {
    private enum Kind { DEFAULT, TABLE, JSON, YAML, VALUE }

    /**
     * A table column.
     *
     * @param label    its heading
     * @param field    the resource field it shows
     * @param ifAbsent what it shows when the resource lacks the field (Google's APIs omit false booleans)
     */
    record Column(String label, String field, String ifAbsent) {
        Column(String label, String field) {
            this(label, field, "");
        }
    }

    private final Kind kind;
    private final List<String> fields;

    private ResourcePrinter(Kind kind, List<String> fields) {
        this.kind = kind;
        this.fields = fields;
    }

    /**
     * Parses {@code --format}; blank means the default for what is printed.
     *
     * @throws IllegalArgumentException for a format Garden does not print
     */
    static ResourcePrinter parse(String format) {
        String spec = format == null ? "" : format.strip();
        if (spec.isEmpty()) {
            return new ResourcePrinter(Kind.DEFAULT, List.of());
        }
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("value(") && lower.endsWith(")")) {
            List<String> fields = Arrays.stream(spec.substring(6, spec.length() - 1).split(","))
                    .map(String::strip).filter(field -> !field.isEmpty()).toList();
            if (!fields.isEmpty()) {
                return new ResourcePrinter(Kind.VALUE, fields);
            }
        }
        return switch (lower) {
            case "json" -> new ResourcePrinter(Kind.JSON, List.of());
            case "yaml" -> new ResourcePrinter(Kind.YAML, List.of());
            case "table" -> new ResourcePrinter(Kind.TABLE, List.of());
            default -> throw new IllegalArgumentException("unsupported --format '" + format + "': Garden prints"
                    + " json, yaml, table and value(FIELD,...)");
        };
    }

    /** Prints a list: a table with these columns unless another format was asked for. */
    void list(PrintWriter out, PrintWriter err, List<? extends Map<String, ?>> items, List<Column> columns) {
        switch (kind) {
            case JSON -> out.print(Json.pretty(items.stream().map(ResourcePrinter::sorted).toList()));
            case YAML -> {
                for (int i = 0; i < items.size(); i++) {
                    out.print((i == 0 ? "" : "---\n") + Yaml.write(sorted(items.get(i))));
                }
            }
            case VALUE -> items.forEach(item -> out.println(values(item)));
            case DEFAULT, TABLE -> {
                if (items.isEmpty()) {
                    err.println("Listed 0 items.");
                } else {
                    table(out, items, columns);
                }
            }
        }
        out.flush();
    }

    /** Prints one resource: YAML unless another format was asked for, as gcloud's describe commands do. */
    void describe(PrintWriter out, Map<String, ?> item) {
        switch (kind) {
            case JSON -> out.print(Json.pretty(sorted(item)));
            case VALUE -> out.println(values(item));
            case DEFAULT, YAML, TABLE -> out.print(Yaml.write(sorted(item)));
        }
        out.flush();
    }

    private String values(Map<String, ?> item) {
        List<String> cells = new ArrayList<>();
        for (String field : fields) {
            cells.add(cell(field(item, field)));
        }
        return String.join("\t", cells);
    }

    private static void table(PrintWriter out, List<? extends Map<String, ?>> items, List<Column> columns) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::label).toList());
        for (Map<String, ?> item : items) {
            rows.add(columns.stream().map(column -> {
                Object value = field(item, column.field());
                return value == null ? column.ifAbsent() : cell(value);
            }).toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                // two spaces between columns, and no padding after the last, as gcloud's tables
                line.append(i == widths.length - 1 ? row.get(i) : String.format(Locale.ROOT, "%-" + widths[i]
                        + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static Object field(Map<String, ?> item, String path) {
        Object value = item;
        for (String name : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(name) : null;
        }
        return value;
    }

    /** A value as gcloud's table and value formats show it: Python's True/False, lists joined with ';'. */
    private static String cell(Object value) {
        return switch (value) {
            case null -> "";
            case Boolean bool -> bool ? "True" : "False";
            case List<?> list -> String.join(";", list.stream().map(ResourcePrinter::cell).toList());
            default -> value.toString();
        };
    }

    /** A copy with every map's keys sorted, as gcloud prints json and yaml. */
    static Object sortedValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, inner) -> sorted.put(key.toString(), sortedValue(inner)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ResourcePrinter::sortedValue).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, ?> item) {
        return (Map<String, Object>) sortedValue(item);
    }
}
