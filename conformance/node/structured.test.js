// Structured output and function calling through openai-node's zod helpers on the real default model:
// zodResponseFormat with chat.completions.parse(), and a zodFunction tool streamed with chat.completions.stream(),
// whose arguments the SDK itself rebuilds from the deltas and validates with the zod schema.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { GoogleAuth } from "google-auth-library";
import OpenAI from "openai";
import { zodFunction, zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { startGarden, MODEL } from "./garden.js";

let garden;
let openai;
before(async () => {
  garden = await startGarden();
  // Application Default Credentials, as google.auth.default() reads them in the seeds.
  process.env.GOOGLE_APPLICATION_CREDENTIALS = garden.adminKeyFile;
  const auth = new GoogleAuth();
  const client = await auth.getClient();
  openai = new OpenAI({
    baseURL: `${garden.url}/v1/projects/garden-default/locations/us-central1/endpoints/openapi`,
    // A self-signed JWT for Garden's origin (see auth.test.js for why), renewed by the client as it nears expiry.
    apiKey: async () => (await client.getRequestHeaders(`${garden.url}/`)).get("authorization").replace(/^Bearer /, ""),
    maxRetries: 0,
  });
});
after(async () => { await garden?.stop(); });

const CalendarEvent = z.object({
  name: z.string(),
  date: z.string(),
  participants: z.array(z.string()),
});

test("zodResponseFormat: parse() returns a CalendarEvent for every seed", async () => {
  for (let seed = 0; seed < 20; seed++) {
    const completion = await openai.chat.completions.parse({
      model: MODEL,
      seed,
      messages: [
        { role: "system", content: "Extract the event information." },
        { role: "user", content: "Alice and Bob are going to a science fair on Friday." },
      ],
      response_format: zodResponseFormat(CalendarEvent, "event"),
    });
    const event = completion.choices[0].message.parsed;
    assert.ok(event, `seed ${seed}: ${completion.choices[0].message.content}`);
    CalendarEvent.parse(event);
  }
});

test("zodFunction: a streamed required call is rebuilt and validated by the SDK", async () => {
  const GetWeather = z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]) });
  const stream = openai.chat.completions.stream({
    model: MODEL,
    messages: [{ role: "user", content: "What's the weather like in Paris today?" }],
    tools: [zodFunction({ name: "get_weather", parameters: GetWeather })],
    tool_choice: "required",
    parallel_tool_calls: false,
  });
  const done = [];
  stream.on("tool_calls.function.arguments.done", (event) => done.push(event));
  const final = await stream.finalChatCompletion();

  const choice = final.choices[0];
  assert.equal(choice.finish_reason, "tool_calls");
  const call = choice.message.tool_calls[0];
  assert.ok(call.id);
  assert.equal(call.function.name, "get_weather");
  GetWeather.parse(call.function.parsed_arguments);
  assert.equal(done.length, 1);
  assert.equal(done[0].name, "get_weather");
});
