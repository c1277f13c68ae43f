"""Structured output through the official client, as the seeds do it: `client.beta.chat.completions.parse()` with
a Pydantic model. Garden compiles the schema to a grammar and constrains decoding, so every answer parses."""
import json

import openai
import pytest
from pydantic import BaseModel

from conftest import DEFAULT_MODEL

SEEDS = 200


class CalendarEvent(BaseModel):
    name: str
    date: str
    participants: list[str]


EVENT_MESSAGES = [
    {"role": "system", "content": "Extract the event information."},
    {"role": "user", "content": "Alice and Bob are going to a science fair on Friday."},
]


def test_parse_returns_a_calendar_event_for_every_seed(client):
    parsed = []
    for seed in range(SEEDS):
        completion = client.beta.chat.completions.parse(
            model=DEFAULT_MODEL, messages=EVENT_MESSAGES, response_format=CalendarEvent, seed=seed)
        event = completion.choices[0].message.parsed
        assert isinstance(event, CalendarEvent), completion.choices[0].message.content
        parsed.append(event)
    assert len(parsed) == SEEDS


def test_json_object_mode_always_gives_one_object(client):
    # Any object is allowed, so a small model may keep adding members; only max_tokens can cut it short, and then
    # finish_reason says so.
    finished = 0
    for seed in range(10):
        response = client.chat.completions.create(
            model=DEFAULT_MODEL, seed=seed, response_format={"type": "json_object"}, max_tokens=256,
            messages=[{"role": "user", "content": "Give the name, age and colour of a cat as a JSON object."}])
        choice = response.choices[0]
        assert choice.finish_reason in ("stop", "length")
        if choice.finish_reason == "stop":
            finished += 1
            assert isinstance(json.loads(choice.message.content), dict)
        else:
            assert choice.message.content.lstrip().startswith("{")
    assert finished >= 5


def test_a_schema_garden_cannot_enforce_is_refused_naming_the_keyword(client):
    schema = {"type": "object", "patternProperties": {"^x": {"type": "string"}}}
    with pytest.raises(openai.BadRequestError) as raised:
        client.chat.completions.create(
            model=DEFAULT_MODEL, messages=EVENT_MESSAGES,
            response_format={"type": "json_schema", "json_schema": {"name": "odd", "schema": schema}})
    assert "patternProperties" in str(raised.value)


def test_truncated_structured_output_says_length(client):
    response = client.chat.completions.create(
        model=DEFAULT_MODEL, messages=EVENT_MESSAGES, max_tokens=4,
        response_format={"type": "json_schema", "json_schema": {
            "name": "CalendarEvent", "schema": CalendarEvent.model_json_schema(), "strict": True}})
    assert response.choices[0].finish_reason == "length"
    with pytest.raises(openai.LengthFinishReasonError):
        client.beta.chat.completions.parse(model=DEFAULT_MODEL, messages=EVENT_MESSAGES, max_tokens=4,
                                           response_format=CalendarEvent)
