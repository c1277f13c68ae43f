package dev.garden.wire.google;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of {@link Status#details()}: a {@code google.protobuf.Any} in JSON form, whose {@code @type} names the
 * message it holds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonSubTypes(@JsonSubTypes.Type(value = ErrorInfo.class, name = ErrorInfo.TYPE_URL))
public sealed interface ErrorDetail permits ErrorInfo {
}
