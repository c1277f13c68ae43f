package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code stream_options} of a streamed request.
 *
 * @param includeUsage {@code include_usage}: send a last chunk with the usage and empty {@code choices}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionStreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
}
