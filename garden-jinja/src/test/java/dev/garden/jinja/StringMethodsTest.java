package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import static dev.garden.jinja.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Python string methods chat templates call. Every expected value is what Python's jinja2 renders in Hugging
 * Face's environment.
 */
class StringMethodsTest {
    @Test
    void call_split_splitsAsPython() {
        assertThat(render("{{ '   a  b   c  '.split() }} {{ 'a  b'.split(' ') }} {{ 'a,b,c'.split(',', 1) }} {{ 'x'.split('x') }} {{ ''.split() }} {{ ''.split(',') }} {{ '  a b c  '.split(None, 1) }}"))
                .isEqualTo("['a', 'b', 'c'] ['a', '', 'b'] ['a', 'b,c'] ['', ''] [] [''] ['a', 'b c  ']");
    }

    @Test
    void call_rsplit_splitsFromTheRight() {
        assertThat(render("{{ 'a-b-c'.rsplit('-', 1) }} {{ 'a b c'.rsplit(None, 1) }} {{ '  a b  '.rsplit() }}"))
                .isEqualTo("['a-b', 'c'] ['a b', 'c'] ['a', 'b']");
    }

    @Test
    void call_splitWithEmptySeparator_fails() {
        assertThatThrownBy(() -> render("{{ 'a'.split('') }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("empty separator");
    }

    @Test
    void call_splitlines_breaksAtLineBoundaries() {
        assertThat(render("{{ 'ab\\r\\ncd\\ref\\n'.splitlines() }} {{ 'a\\nb'.splitlines(true) }}"))
                .isEqualTo("['ab', 'cd', 'ef'] ['a\\n', 'b']");
    }

    @Test
    void call_strip_stripsWhitespaceOrCharacters() {
        assertThat(render("[{{ '  x \\n'.strip() }}][{{ 'xxaxx'.lstrip('x') }}][{{ 'xxaxx'.rstrip('x') }}][{{ '<<a>>'.strip('<>') }}][{{ '\\u00a0x\\u3000'.strip() }}]"))
                .isEqualTo("[x][axx][xxa][a][x]");
    }

    @Test
    void call_startsAndEndsWith_acceptTuplesAndBounds() {
        assertThat(render("{{ 'hello'.startswith('he') }} {{ 'hello'.startswith(('x', 'h')) }} {{ 'hello'.startswith('ell', 1) }} {{ 'hello'.endswith(('x', 'lo')) }} {{ 'hello'.endswith('l', 0, 4) }}"))
                .isEqualTo("True True True True True");
    }

    @Test
    void call_startswithNonString_fails() {
        assertThatThrownBy(() -> render("{{ 'hello'.startswith(1) }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("startswith first arg must be str or a tuple of str, not int");
    }

    @Test
    void call_caseMethods_followPython() {
        assertThat(render("{{ 'Hello World'.upper() }} {{ 'ÉCOLE'.lower() }} {{ 'straße'.upper() }} {{ \"they're bill's\".title() }} {{ 'hELLO'.capitalize() }} {{ 'aBc'.swapcase() }}"))
                .isEqualTo("HELLO WORLD école STRASSE They'Re Bill'S Hello AbC");
    }

    @Test
    void call_replace_replacesAllOrCount() {
        assertThat(render("{{ 'aaa'.replace('a', 'b') }} {{ 'aaa'.replace('a', 'b', 2) }} {{ 'abc'.replace('', '-') }}"))
                .isEqualTo("bbb bba -a-b-c-");
    }

    @Test
    void call_findFamily_countsCodePoints() {
        assertThat(render("{{ 'hello'.find('l') }} {{ 'hello'.rfind('l') }} {{ 'hello'.find('z') }} {{ 'hello'.find('l', 3) }} {{ 'héllo wörld'.find('w') }} {{ '\ud83d\ude00x'.find('x') }} {{ 'hello'.index('e') }} {{ 'hello'.count('l') }}"))
                .isEqualTo("2 3 -1 3 6 1 1 2");
    }

    @Test
    void call_indexOfMissingSubstring_fails() {
        assertThatThrownBy(() -> render("{{ 'abc'.index('z') }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("substring not found");
    }

    @Test
    void call_join_joinsStrings() {
        assertThat(render("{{ ', '.join(['a', 'b']) }} {{ ''.join('abc') }}"))
                .isEqualTo("a, b abc");
    }

    @Test
    void call_joinWithNonString_fails() {
        assertThatThrownBy(() -> render("{{ ','.join([1, 2]) }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("sequence item 0: expected str instance, int found");
    }

    @Test
    void call_format_followsFormatMiniLanguage() {
        assertThat(render("{{ '{} {}'.format('a', 1) }}|{{ '{0}{1}{0}'.format('a', 'b') }}|{{ '{name}!'.format(name='x') }}|{{ '{:>5}|{:<5}|{:^5}'.format('a', 'b', 'c') }}|{{ '{:05.2f} {:,} {:x} {:#b} {:.2%} {:.3e} {:g}'.format(3.14159, 1234567, 255, 5, 0.256, 1234.5, 0.00001) }}"))
                .isEqualTo("a 1|aba|x!|    a|b    |  c  |03.14 1,234,567 ff 0b101 25.60% 1.234e+03 1e-05");
    }

    @Test
    void call_format_convertsWithReprAndStr() {
        assertThat(render("{{ '{!r} {!s} {}'.format('q', 'q', [1, 'a']) }}"))
                .isEqualTo("'q' q [1, 'a']");
    }

    @Test
    void call_paddingMethods_padToWidth() {
        assertThat(render("[{{ 'abc'.center(9, '*') }}][{{ 'abc'.center(8) }}][{{ 'ab'.ljust(5, '.') }}][{{ 'ab'.rjust(5) }}][{{ '42'.zfill(5) }}][{{ '-42'.zfill(5) }}]"))
                .isEqualTo("[***abc***][  abc   ][ab...][   ab][00042][-0042]");
    }

    @Test
    void call_partition_splitsAroundSeparator() {
        assertThat(render("{{ 'a-b-c'.partition('-') }} {{ 'a-b-c'.rpartition('-') }} {{ 'abc'.partition('x') }}"))
                .isEqualTo("('a', '-', 'b-c') ('a-b', '-', 'c') ('abc', '', '')");
    }

    @Test
    void call_prefixAndSuffixRemoval_removeOnlyWhenPresent() {
        assertThat(render("{{ 'test.txt'.removesuffix('.txt') }} {{ 'test.txt'.removeprefix('te') }} {{ 'test'.removeprefix('x') }}"))
                .isEqualTo("test st.txt test");
    }

    @Test
    void call_predicates_followPython() {
        assertThat(render("{{ '12'.isdigit() }} {{ '1a'.isdigit() }} {{ 'abc'.isalpha() }} {{ 'abc1'.isalnum() }} {{ '   '.isspace() }} {{ ''.isspace() }} {{ 'Abc'.istitle() }} {{ 'abc'.islower() }} {{ 'ABC'.isupper() }} {{ '1'.islower() }}"))
                .isEqualTo("True False True True True False True True True False");
    }

    @Test
    void call_percentFormatting_followsPrintf() {
        assertThat(render("{{ '%s|%5s|%-5s|%.2f|%5.1f|%d|%03d|%x|%o|%e|%g|%r|%%|%c' % ('a', 'b', 'c', 3.14159, 2.25, 42.9, 7, 255, 8, 12345.678, 0.0001, 'q', 65) }}"))
                .isEqualTo("a|    b|c    |3.14|  2.2|42|007|ff|10|1.234568e+04|0.0001|'q'|%|A");
    }

    @Test
    void call_percentFormattingWithMapping_usesNames() {
        assertThat(render("{{ '%(a)s-%(b)d' % {'a': 'x', 'b': 2} }}|{{ '%s' % none }}|{{ '%s and %s' % (1, [2]) }}"))
                .isEqualTo("x-2|None|1 and [2]");
    }

    @Test
    void call_percentFormattingWithTooFewValues_fails() {
        assertThatThrownBy(() -> render("{{ '%s %s' % ('a',) }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("not enough arguments for format string");
    }

    @Test
    void call_unknownMethod_isUndefined() {
        assertThat(render("[{{ 'abc'.nope }}]{{ 'abc'.nope is defined }}"))
                .isEqualTo("[]False");
    }
}
