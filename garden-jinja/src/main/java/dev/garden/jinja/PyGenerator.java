package dev.garden.jinja;

import java.util.Iterator;

/**
 * A one-shot Python iterator, what filters such as {@code map}, {@code select} and {@code reverse} return in
 * jinja2. Like a generator it is always truthy, has no length, and is empty once consumed.
 *
 * @param iterator the items still to come
 */
record PyGenerator(Iterator<Object> iterator) {
}
