// Node's official clients against Garden: google-auth-library for credentials, openai for the API.
//
// google-auth-library's service-account flow ignores a key file's token_uri and always exchanges its assertion at
// https://oauth2.googleapis.com/token, so the exchange cannot reach Garden. The path that works, and that Google
// accepts too, is a self-signed JWT: getRequestHeaders(url) on a service-account client with no scopes signs a JWT
// whose audience is that URL, and Garden accepts it as a bearer credential without any exchange. openai's apiKey
// may be an async function, which the client calls before each request: the JWT is renewed as it nears expiry.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { GoogleAuth, JWT } from "google-auth-library";
import OpenAI from "openai";
import { startGarden, MODEL } from "./garden.js";

let garden;
before(async () => {
  garden = await startGarden();
  // Application Default Credentials, as google.auth.default() reads them in the Python samples.
  process.env.GOOGLE_APPLICATION_CREDENTIALS = garden.adminKeyFile;
});
after(async () => { await garden?.stop(); });

const baseURL = () => `${garden.url}/v1/projects/garden-default/locations/us-central1/endpoints/openapi`;
const question = [{ role: "user", content: "Why is the sky blue?" }];

// The audience Garden accepts for a self-signed JWT: its own origin.
function bearerFor(client) {
  return async () => {
    const headers = await client.getRequestHeaders(`${garden.url}/`);
    return headers.get("authorization").replace(/^Bearer /, "");
  };
}

test("a service-account key signs its own JWT and the openai client uses it", async () => {
  const auth = new GoogleAuth();
  const openai = new OpenAI({ baseURL: baseURL(), apiKey: bearerFor(await auth.getClient()), maxRetries: 0 });

  const response = await openai.chat.completions.create({ model: MODEL, messages: question, max_tokens: 16 });

  assert.ok(response.choices[0].message.content);
  assert.equal(response.model, MODEL);
});

test("streaming works with the self-signed JWT", async () => {
  const auth = new GoogleAuth();
  const openai = new OpenAI({ baseURL: baseURL(), apiKey: bearerFor(await auth.getClient()), maxRetries: 0 });

  const stream = await openai.chat.completions.create({
    model: MODEL, messages: question, max_tokens: 16, stream: true, stream_options: { include_usage: true },
  });
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
  }

  assert.equal(chunks[0].choices[0].delta.role, "assistant");
  assert.equal(new Set(chunks.map((c) => c.id)).size, 1);
  assert.deepEqual(chunks.at(-1).choices, []);
  assert.ok(chunks.at(-1).usage.completion_tokens > 0);
});

test("a key file outside googleapis.com's universe self-signs with its scopes and no audience", async () => {
  // What google-auth-library does for universe_domain other than googleapis.com: iss, sub, scope, iat, exp.
  const key = JSON.parse(readFileSync(garden.adminKeyFile, "utf8"));
  const client = new JWT({
    email: key.client_email, key: key.private_key, keyId: key.private_key_id,
    scopes: ["https://www.googleapis.com/auth/cloud-platform"], universeDomain: "garden.internal",
  });
  const openai = new OpenAI({
    baseURL: baseURL(),
    apiKey: async () => (await client.getRequestHeaders()).get("authorization").replace(/^Bearer /, ""),
    maxRetries: 0,
  });

  const response = await openai.chat.completions.create({ model: MODEL, messages: question, max_tokens: 8 });

  assert.ok(response.choices.length === 1);
});

test("a JWT signed by a key Garden does not know is refused with 401", async () => {
  const stranger = JSON.parse(readFileSync(garden.adminKeyFile, "utf8"));
  const { generateKeyPairSync } = await import("node:crypto");
  stranger.private_key = generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs8", format: "pem" });
  const client = new JWT({ email: stranger.client_email, key: stranger.private_key, keyId: stranger.private_key_id });
  const openai = new OpenAI({ baseURL: baseURL(), apiKey: bearerFor(client), maxRetries: 0 });

  await assert.rejects(
    openai.chat.completions.create({ model: MODEL, messages: question }),
    (error) => error instanceof OpenAI.AuthenticationError && error.status === 401,
  );
});
