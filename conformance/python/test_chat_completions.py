"""The official `openai` Python client against a real Garden, as the seeds use it with Vertex AI.

Each client is set up as Google's samples do it, with only `base_url` changed: an access token from
`google-auth` (here from the key of Garden's bootstrap service account) passed as the API key.
"""
import json
import urllib.request

import openai
import pytest

from conftest import DEFAULT_MODEL, PROJECT_ID, client_for


def test_seed_snippet_plain_returns_an_answer(client):
    response = client.chat.completions.create(
        model=DEFAULT_MODEL,
        messages=[{"role": "user", "content": "Why is the sky blue?"}],
        max_tokens=64,
    )
    assert response.object == "chat.completion"
    assert response.id
    assert response.model == DEFAULT_MODEL
    choice = response.choices[0]
    assert choice.index == 0
    assert choice.message.role == "assistant"
    assert choice.message.content.strip()
    assert choice.finish_reason in ("stop", "length")
    assert response.usage.prompt_tokens > 0
    assert response.usage.completion_tokens > 0
    assert response.usage.total_tokens == response.usage.prompt_tokens + response.usage.completion_tokens


def test_streaming_keeps_the_stream_invariants(client):
    stream = client.chat.completions.create(
        model=DEFAULT_MODEL,
        messages=[{"role": "system", "content": "You are terse."},
                  {"role": "user", "content": "Name three colours."}],
        max_tokens=48,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    choice_chunks = [c for c in chunks if c.choices]
    assert choice_chunks[0].choices[0].delta.role == "assistant"
    assert len({c.id for c in chunks}) == 1
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert choice_chunks[-1].choices[0].finish_reason in ("stop", "length")
    assert all(c.choices[0].finish_reason is None for c in choice_chunks[:-1])
    text = "".join(c.choices[0].delta.content or "" for c in choice_chunks)
    assert text.strip()
    usage_chunk = chunks[-1]
    assert usage_chunk.choices == []
    assert usage_chunk.usage.prompt_tokens > 0
    assert usage_chunk.usage.completion_tokens > 0


def test_streamed_and_plain_greedy_answers_are_the_same(client):
    messages = [{"role": "user", "content": "Write one sentence about gardens."}]
    plain = client.chat.completions.create(model=DEFAULT_MODEL, messages=messages, max_tokens=32,
                                           temperature=0)
    streamed = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(
        model=DEFAULT_MODEL, messages=messages, max_tokens=32, temperature=0, stream=True) if c.choices)
    assert streamed == plain.choices[0].message.content


@pytest.mark.parametrize("version,location", [("v1beta1", "us-central1"), ("v1", "global"), ("v1", "europe-west4")])
def test_versions_and_locations_are_served(garden_url, access_token, version, location):
    response = client_for(garden_url, access_token, version, location).chat.completions.create(
        model=DEFAULT_MODEL, messages=[{"role": "user", "content": "Hi"}], max_tokens=4)
    assert response.choices[0].message.content is not None


def test_max_tokens_ends_with_length(client):
    response = client.chat.completions.create(
        model=DEFAULT_MODEL,
        messages=[{"role": "user", "content": "Tell me a long story about a dragon."}],
        max_tokens=5, temperature=0)
    assert response.choices[0].finish_reason == "length"
    assert response.usage.completion_tokens == 5


def test_max_completion_tokens_is_honoured(client):
    response = client.chat.completions.create(
        model=DEFAULT_MODEL,
        messages=[{"role": "user", "content": "Tell me a long story about a dragon."}],
        max_completion_tokens=3, temperature=0)
    assert response.usage.completion_tokens == 3


def test_same_seed_same_answer(client):
    def ask(seed):
        return client.chat.completions.create(
            model=DEFAULT_MODEL, messages=[{"role": "user", "content": "Invent a name for a cat."}],
            max_tokens=24, temperature=1.0, seed=seed).choices[0].message.content

    first = ask(1234)
    assert ask(1234) == first
    assert any(ask(seed) != first for seed in (1, 2, 3))


def test_several_choices_are_returned_in_order(client):
    response = client.chat.completions.create(
        model=DEFAULT_MODEL, messages=[{"role": "user", "content": "Say a fruit."}],
        max_tokens=8, n=2, seed=5)
    assert [c.index for c in response.choices] == [0, 1]
    assert all(c.message.content is not None for c in response.choices)


def test_stop_string_cuts_the_answer(client):
    messages = [{"role": "user", "content": "Count from one to ten."}]
    full = client.chat.completions.create(model=DEFAULT_MODEL, messages=messages, max_tokens=40,
                                          temperature=0).choices[0].message.content
    # Greedy decoding is repeatable, so any piece of the full answer must cut the second answer right there.
    stop = full[len(full) // 2:len(full) // 2 + 3]
    cut = client.chat.completions.create(model=DEFAULT_MODEL, messages=messages, max_tokens=40,
                                         temperature=0, stop=[stop, "never-generated"])
    assert cut.choices[0].message.content == full[:full.index(stop)]
    assert cut.choices[0].finish_reason == "stop"


def test_conversation_with_every_role_is_accepted(client):
    response = client.chat.completions.create(
        model=DEFAULT_MODEL,
        messages=[
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": [{"type": "text", "text": "What is 2+2?"}]},
            {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": "add", "arguments": "{\"a\": 2, \"b\": 2}"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "4"},
            {"role": "user", "content": "And so?"},
        ],
        max_tokens=8)
    assert response.choices[0].message.content is not None


def test_unknown_model_is_not_found_and_lists_the_available(client):
    with pytest.raises(openai.NotFoundError) as raised:
        client.chat.completions.create(model="google/gemini-9-ultra",
                                       messages=[{"role": "user", "content": "Hi"}])
    assert raised.value.status_code == 404
    assert DEFAULT_MODEL in str(raised.value)


@pytest.mark.parametrize("field,value", [("temperature", 3), ("top_p", 1.5), ("n", 0), ("max_tokens", 0),
                                         ("presence_penalty", -3)])
def test_out_of_range_parameter_is_invalid_argument_naming_it(client, field, value):
    with pytest.raises(openai.BadRequestError) as raised:
        client.chat.completions.create(model=DEFAULT_MODEL, messages=[{"role": "user", "content": "Hi"}],
                                       **{field: value})
    assert field in str(raised.value)


def test_wrong_type_is_invalid_argument_naming_the_field(client):
    with pytest.raises(openai.BadRequestError) as raised:
        client.chat.completions.create(model=DEFAULT_MODEL, messages=[{"role": "user", "content": "Hi"}],
                                       extra_body={"temperature": "hot"})
    assert "temperature" in str(raised.value)


def test_errors_have_googles_shape(garden_url, access_token):
    request = urllib.request.Request(
        f"{garden_url}/v1/projects/{PROJECT_ID}/locations/us-central1/endpoints/openapi/chat/completions",
        data=b"{not json", headers={"Content-Type": "application/json", "Authorization": "Bearer " + access_token},
        method="POST")
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request)
    assert raised.value.code == 400
    body = json.loads(raised.value.read())
    assert body["error"]["code"] == 400
    assert body["error"]["status"] == "INVALID_ARGUMENT"
    assert body["error"]["message"]


def test_prompt_longer_than_context_is_invalid_argument_with_counts(client):
    with pytest.raises(openai.BadRequestError) as raised:
        client.chat.completions.create(model=DEFAULT_MODEL,
                                       messages=[{"role": "user", "content": "garden " * 20000}])
    assert "token" in str(raised.value)


def test_abandoned_streams_free_their_slots(client):
    # More abandoned streams than the engine has slots: if a disconnect did not free its slot, the last
    # request below would queue behind generations nobody reads, and max_tokens=4000 would take minutes.
    for _ in range(6):
        stream = client.chat.completions.create(
            model=DEFAULT_MODEL, messages=[{"role": "user", "content": "Write a very long essay."}],
            max_tokens=4000, stream=True)
        next(iter(stream))
        stream.close()
    response = client.with_options(timeout=60).chat.completions.create(
        model=DEFAULT_MODEL, messages=[{"role": "user", "content": "Hi"}], max_tokens=4)
    assert response.choices[0].message.content is not None


def test_environment_configuration_reaches_garden(garden_url, access_token, monkeypatch):
    # The SDK's own configuration path: no arguments, OPENAI_BASE_URL and OPENAI_API_KEY from the environment.
    monkeypatch.setenv("OPENAI_BASE_URL",
                       f"{garden_url}/v1/projects/{PROJECT_ID}/locations/global/endpoints/openapi")
    monkeypatch.setenv("OPENAI_API_KEY", access_token)
    response = openai.OpenAI(max_retries=0).chat.completions.create(
        model=DEFAULT_MODEL, messages=[{"role": "user", "content": "Hi"}], max_tokens=4)
    assert response.choices[0].message.content is not None
