/**
 * Google's JSON error model, as Google APIs (Vertex AI among them) send it over HTTP:
 * {@code {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT", "details": [...]}}}.
 *
 * <p>See <a href="https://google.aip.dev/193">AIP-193</a> and
 * <a href="https://github.com/googleapis/googleapis/blob/master/google/rpc/status.proto">google.rpc.Status</a>.
 */
package dev.garden.wire.google;
