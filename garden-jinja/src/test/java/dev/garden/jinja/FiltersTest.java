package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.garden.jinja.Rendering.dict;
import static dev.garden.jinja.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filters, with Hugging Face's tojson. Every expected value is what Python's jinja2 renders in Hugging Face's
 * environment.
 */
class FiltersTest {
    @Test
    void filter_tojson_writesPythonJsonDumps() {
        assertThat(render("{{ {'b': 1.5, 'a': [1, 'x', none, true, 1e20, 1e-7], 'c': 'é\"\\n<', 'd': {}} | tojson }}"))
                .isEqualTo("{\"b\": 1.5, \"a\": [1, \"x\", null, true, 1e+20, 1e-07], \"c\": \"é\\\"\\n<\", \"d\": {}}");
    }

    @Test
    void filter_tojsonWithIndent_breaksLines() {
        assertThat(render("{{ [1, {'a': 2, 'b': []}] | tojson(indent=2) }}"))
                .isEqualTo("[\n  1,\n  {\n    \"a\": 2,\n    \"b\": []\n  }\n]");
    }

    @Test
    void filter_tojsonOptions_followJsonDumps() {
        assertThat(render("{{ {'b': 1, 'a': [1, 2]} | tojson(separators=(',', ':'), sort_keys=true) }} {{ 'é\ud83d\ude00' | tojson(ensure_ascii=true) }} {{ (1, 2) | tojson }} {{ 'tab\\there' | tojson }}"))
                .isEqualTo("{\"a\":[1,2],\"b\":1} \"\\u00e9\\ud83d\\ude00\" [1, 2] \"tab\\there\"");
    }

    @Test
    void filter_tojsonKeepsKeyOrder_andConvertsNonStringKeys() {
        assertThat(render("{{ {'z': 1, 2: 'two', none: 0, true: 1} | tojson }}"))
                .isEqualTo("{\"z\": 1, \"2\": \"two\", \"null\": 0, \"true\": 1}");
    }

    @Test
    void filter_tojsonOfUndefined_fails() {
        assertThatThrownBy(() -> render("{{ missing | tojson }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("Object of type Undefined is not JSON serializable");
    }

    @Test
    void filter_tojsonOfRealTool_matchesPython() {
        assertThat(render("{{ tool | tojson }}", "tool", dict("type", "function", "function", dict("name", "get_weather", "parameters", dict("type", "object", "properties", dict("city", dict("type", "string")), "required", List.of("city"))))))
                .isEqualTo("{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, \"required\": [\"city\"]}}}");
    }

    @Test
    void filter_stringCase_changesCase() {
        assertThat(render("{{ 'hello world'|upper }} {{ 'HeLLo'|lower }} {{ 'hello world-wide (web)'|title }} {{ 'hELLO'|capitalize }}"))
                .isEqualTo("HELLO WORLD hello Hello World-Wide (Web) Hello");
    }

    @Test
    void filter_trim_stripsWhitespaceOrCharacters() {
        assertThat(render("[{{ '  x  '|trim }}][{{ 'xxhixx'|trim('x') }}][{{ missing|trim }}]"))
                .isEqualTo("[x][hi][]");
    }

    @Test
    void filter_lengthAndCount_countItems() {
        assertThat(render("{{ xs|length }} {{ 'héllo'|length }} {{ {'a': 1}|count }} {{ missing|length }}", "xs", List.of(1, 2, 3)))
                .isEqualTo("3 5 1 0");
    }

    @Test
    void filter_lengthOfGenerator_fails() {
        assertThatThrownBy(() -> render("{{ xs|map('string')|length }}", "xs", List.of(1, 2, 3)))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("object of type 'generator' has no len()");
    }

    @Test
    void filter_firstAndLast_pickEnds() {
        assertThat(render("{{ xs|first }} {{ xs|last }} {{ 'abc'|first }} [{{ []|first }}]", "xs", List.of(1, 2, 3)))
                .isEqualTo("1 3 a []");
    }

    @Test
    void filter_join_joinsStrOfItems() {
        assertThat(render("{{ xs|join(', ') }} {{ [none, 1, 'a']|join('-') }} {{ people|join(', ', attribute='name') }}", "xs", List.of(1, 2, 3), "people", List.of(dict("name", "bob", "age", 30), dict("name", "Alice", "age", 25), dict("name", "carol", "age", 30))))
                .isEqualTo("1, 2, 3 None-1-a bob, Alice, carol");
    }

    @Test
    void filter_default_replacesUndefinedOrFalsy() {
        assertThat(render("{{ missing|default('z') }}|{{ none|default('z') }}|{{ ''|default('z', true) }}|{{ 0|d('zero', true) }}|{{ false|d('f') }}|{{ missing|d }}|"))
                .isEqualTo("z|None|z|zero|False||");
    }

    @Test
    void filter_listAndString_convert() {
        assertThat(render("{{ 'abc'|list }} {{ {'a': 1}|list }} {{ 42|string }} {{ missing|list }}"))
                .isEqualTo("['a', 'b', 'c'] ['a'] 42 []");
    }

    @Test
    void filter_intAndFloat_parseAsPython() {
        assertThat(render("{{ '42'|int }} {{ '42.7'|int }} {{ 'x'|int }} {{ 'x'|int(-1) }} {{ '0x1A'|int(0, 16) }} {{ ' 12 '|int }} {{ 3.9|int }} {{ '3'|float }} {{ '1e3'|float }} {{ 'abc'|float(1.5) }} {{ none|int }}"))
                .isEqualTo("42 42 0 -1 26 12 3 3.0 1000.0 1.5 0");
    }

    @Test
    void filter_absAndRound_computeAsPython() {
        assertThat(render("{{ -3|abs }} {{ -2.5|abs }} {{ 42.55|round }} {{ 42.55|round(1, 'floor') }} {{ 2.675|round(2) }} {{ 2.5|round }} {{ 3|round }} {{ 1234|round(-2) }} {{ 3.14159|round(3, 'ceil') }}"))
                .isEqualTo("3 2.5 43.0 42.5 2.67 2.0 3 1200 3.142");
    }

    @Test
    void filter_replace_replacesSubstrings() {
        assertThat(render("{{ 'Hello World'|replace('o', '0') }} {{ 'aaa'|replace('a', 'b', 2) }}"))
                .isEqualTo("Hell0 W0rld bba");
    }

    @Test
    void filter_map_appliesFilterOrAttribute() {
        assertThat(render("{{ xs|map('string')|join(',') }}|{{ people|map(attribute='name')|list }}|{{ [{'a': 1}, {'b': 2}]|map(attribute='a', default=0)|list }}|{{ ['a', 'b']|map('upper')|list }}", "xs", List.of(1, 2, 3), "people", List.of(dict("name", "bob", "age", 30), dict("name", "Alice", "age", 25), dict("name", "carol", "age", 30))))
                .isEqualTo("1,2,3|['bob', 'Alice', 'carol']|[1, 0]|['A', 'B']");
    }

    @Test
    void filter_selectAndReject_applyTests() {
        assertThat(render("{{ [1, 2, 3, 4]|select('odd')|list }} {{ [1, 2, 3, 4]|reject('even')|list }} {{ [0, 1, '', 'a']|select|list }} {{ [1, 2, 3, 4, 5]|select('>', 2)|list }} {{ [1, 2, 3]|select('in', [1, 3])|list }}"))
                .isEqualTo("[1, 3] [1, 3] [1, 'a'] [3, 4, 5] [1, 3]");
    }

    @Test
    void filter_selectattrAndRejectattr_testAttributes() {
        assertThat(render("{{ people|selectattr('age', 'equalto', 30)|map(attribute='name')|list }} {{ people|rejectattr('age', 'gt', 26)|map(attribute='name')|list }} {{ [{'a': 1}, {'b': 2}]|selectattr('a', 'defined')|list }}", "people", List.of(dict("name", "bob", "age", 30), dict("name", "Alice", "age", 25), dict("name", "carol", "age", 30))))
                .isEqualTo("['bob', 'carol'] ['Alice'] [{'a': 1}]");
    }

    @Test
    void filter_sort_sortsStablyAndCaseInsensitively() {
        assertThat(render("{{ [3, 1, 2]|sort }} {{ ['b', 'A', 'c']|sort }} {{ ['b', 'A', 'c']|sort(case_sensitive=true) }} {{ people|sort(attribute='name')|map(attribute='name')|list }} {{ people|sort(attribute='age', reverse=true)|map(attribute='name')|list }} {{ people|sort(attribute='age,name')|map(attribute='name')|list }}", "people", List.of(dict("name", "bob", "age", 30), dict("name", "Alice", "age", 25), dict("name", "carol", "age", 30))))
                .isEqualTo("[1, 2, 3] ['A', 'b', 'c'] ['A', 'b', 'c'] ['Alice', 'bob', 'carol'] ['bob', 'carol', 'Alice'] ['Alice', 'bob', 'carol']");
    }

    @Test
    void filter_sortOfMixedTypes_fails() {
        assertThatThrownBy(() -> render("{{ [1, 'a']|sort }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'<' not supported between instances of 'str' and 'int'");
    }

    @Test
    void filter_dictsort_sortsPairs() {
        assertThat(render("{{ {'b': 1, 'A': 2, 'c': 0}|dictsort }} {{ {'b': 1, 'A': 2}|dictsort(true) }} {{ {'b': 1, 'a': 2}|dictsort(by='value', reverse=true) }}"))
                .isEqualTo("[('A', 2), ('b', 1), ('c', 0)] [('A', 2), ('b', 1)] [('a', 2), ('b', 1)]");
    }

    @Test
    void filter_reverse_reversesStringsAndSequences() {
        assertThat(render("{{ 'abc\ud83d\ude00'|reverse }} {{ [1, 2, 3]|reverse|list }} {{ {'a': 1, 'b': 2}|reverse|list }}"))
                .isEqualTo("\ud83d\ude00cba [3, 2, 1] ['b', 'a']");
    }

    @Test
    void filter_itemsAndUnique_followJinja() {
        assertThat(render("{{ {'a': 1}|items|list }} {{ missing|items|list }} {{ ['a', 'A', 'b']|unique|list }} {{ ['a', 'A', 'b']|unique(case_sensitive=true)|list }}"))
                .isEqualTo("[('a', 1)] [] ['a', 'b'] ['a', 'A', 'b']");
    }

    @Test
    void filter_minMaxSum_aggregate() {
        assertThat(render("{{ [1, 3, 2]|max }} {{ [1, 3, 2]|min }} {{ ['a', 'B']|max }} {{ people|max(attribute='age')|attr('name') }} {{ [1, 2.5]|sum }} {{ people|sum(attribute='age') }} {{ []|sum(start=10) }} [{{ []|max }}]", "people", List.of(dict("name", "bob", "age", 30), dict("name", "Alice", "age", 25), dict("name", "carol", "age", 30))))
                .isEqualTo("3 1 B  3.5 85 10 []");
    }

    @Test
    void filter_batchAndSlice_groupItems() {
        assertThat(render("{{ [1, 2, 3, 4, 5]|batch(2)|list }} {{ [1, 2, 3, 4, 5]|batch(2, 0)|list }} {{ [1, 2, 3, 4, 5, 6, 7]|slice(3)|list }}"))
                .isEqualTo("[[1, 2], [3, 4], [5]] [[1, 2], [3, 4], [5, 0]] [[1, 2, 3], [4, 5], [6, 7]]");
    }

    @Test
    void filter_indent_indentsLaterLines() {
        assertThat(render("{{ 'a\\nb\\n\\nc'|indent(2) }}|{{ 'a\\nb'|indent(2, true) }}|{{ 'a\\n\\nb'|indent(width='> ', blank=true) }}"))
                .isEqualTo("a\n  b\n\n  c|  a\n  b|a\n> \n> b");
    }

    @Test
    void filter_escapeAndSafe_produceMarkup() {
        assertThat(render("{{ '<x> & \"y\" \\'z\\''|e }} {{ '<b>'|safe }} {{ ('<b>'|safe)|e }} {{ '<x>'|forceescape }}"))
                .isEqualTo("&lt;x&gt; &amp; &#34;y&#34; &#39;z&#39; <b> <b> &lt;x&gt;");
    }

    @Test
    void filter_centerWordcountTruncate_followJinja() {
        assertThat(render("[{{ 'ab'|center(6) }}] {{ 'a b, c_d'|wordcount }} {{ 'foo bar baz qux'|truncate(9) }} {{ 'foo bar baz qux'|truncate(9, true) }} {{ 'foo bar baz qux'|truncate(11) }} {{ 'foo bar baz qux'|truncate(11, false, '…', 0) }}"))
                .isEqualTo("[  ab  ] 3 foo... foo ba... foo bar baz qux foo bar…");
    }

    @Test
    void filter_format_appliesPercentFormatting() {
        assertThat(render("{{ '%s, %s!'|format('Hello', 'World') }} {{ '%(a)s'|format(a=1) }}"))
                .isEqualTo("Hello, World! 1");
    }

    @Test
    void filter_striptags_removesMarkup() {
        assertThat(render("{{ '<b>hi</b>   &amp; <i>x</i>'|striptags }}"))
                .isEqualTo("hi & x");
    }

    @Test
    void filter_groupby_groupsBySortedKey() {
        assertThat(render("{% for g, items in people|groupby('age') %}{{ g }}={{ items|map(attribute='name')|join(',') }};{% endfor %}", "people", List.of(dict("name", "bob", "age", 30), dict("name", "Alice", "age", 25), dict("name", "carol", "age", 30))))
                .isEqualTo("25=Alice;30=bob,carol;");
    }

    @Test
    void parse_unknownFilterOutsideIf_fails() {
        assertThatThrownBy(() -> render("{{ x|nofilter }}"))
                .isInstanceOf(TemplateSyntaxException.class);
    }

    @Test
    void render_unknownFilterInUntakenIf_rendersAsJinja2() {
        assertThat(render("{% if false %}{{ x|nofilter }}{% endif %}ok"))
                .isEqualTo("ok");
    }

    @Test
    void render_unknownFilterInTakenIf_fails() {
        assertThatThrownBy(() -> render("{% if true %}{{ x|nofilter }}{% endif %}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("No filter named 'nofilter' found.");
    }
}
