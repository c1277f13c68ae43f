"""Function calling through the official client on the real default model: forced calls whose arguments validate,
streamed calls rebuilt by the SDK's own stream helper, and a multi-turn exchange with the tool's result."""
import json

import openai
from pydantic import BaseModel

from conftest import DEFAULT_MODEL


class GetWeather(BaseModel):
    """Get the current weather in a city."""
    city: str
    unit: str


WEATHER_TOOL = openai.pydantic_function_tool(GetWeather, name="get_weather")
QUESTION = [{"role": "user", "content": "What's the weather like in Paris today?"}]
# A 135M model offered parallel calls tends to call again and again; one call per turn keeps these tests about the
# call itself. test_parallel_calls_each_validate covers the parallel form.
ONE_CALL = {"parallel_tool_calls": False}


def test_tool_choice_required_always_calls_with_valid_arguments(client):
    for seed in range(10):
        response = client.chat.completions.create(
            model=DEFAULT_MODEL, messages=QUESTION, tools=[WEATHER_TOOL], tool_choice="required", seed=seed,
            **ONE_CALL)
        choice = response.choices[0]
        assert choice.finish_reason == "tool_calls"
        call = choice.message.tool_calls[0]
        assert call.type == "function"
        assert call.id
        assert call.function.name == "get_weather"
        GetWeather.model_validate(json.loads(call.function.arguments))


def test_parallel_calls_each_validate(client):
    for seed in range(3):
        response = client.chat.completions.create(
            model=DEFAULT_MODEL, messages=QUESTION, tools=[WEATHER_TOOL], tool_choice="required", seed=seed,
            max_tokens=160)
        choice = response.choices[0]
        calls = choice.message.tool_calls
        assert calls and len({call.id for call in calls}) == len(calls)
        # A call cut short by max_tokens is the last one; every other is complete and valid.
        complete = calls if choice.finish_reason == "tool_calls" else calls[:-1]
        assert choice.finish_reason in ("tool_calls", "length")
        for call in complete:
            assert call.function.name == "get_weather"
            GetWeather.model_validate(json.loads(call.function.arguments))


def test_named_tool_choice_calls_that_function(client):
    other = {"type": "function", "function": {"name": "get_time", "parameters": {
        "type": "object", "properties": {"timezone": {"type": "string"}}, "required": ["timezone"],
        "additionalProperties": False}}}
    response = client.chat.completions.create(
        model=DEFAULT_MODEL, messages=QUESTION, tools=[WEATHER_TOOL, other],
        tool_choice={"type": "function", "function": {"name": "get_time"}}, **ONE_CALL)
    call = response.choices[0].message.tool_calls[0]
    assert call.function.name == "get_time"
    assert isinstance(json.loads(call.function.arguments)["timezone"], str)


def test_streamed_tool_call_is_rebuilt_by_the_sdk_stream_helper(client):
    with client.beta.chat.completions.stream(
            model=DEFAULT_MODEL, messages=QUESTION, tools=[WEATHER_TOOL], tool_choice="required",
            **ONE_CALL) as stream:
        done = [event for event in stream if event.type == "tool_calls.function.arguments.done"]
        final = stream.get_final_completion()
    call = final.choices[0].message.tool_calls[0]
    assert call.function.name == "get_weather"
    assert isinstance(call.function.parsed_arguments, GetWeather)
    assert done and done[0].name == "get_weather"


def test_tool_result_in_the_next_turn_gets_an_answer(client):
    first = client.chat.completions.create(
        model=DEFAULT_MODEL, messages=QUESTION, tools=[WEATHER_TOOL], tool_choice="required", **ONE_CALL)
    call = first.choices[0].message.tool_calls[0]
    follow_up = QUESTION + [
        {"role": "assistant", "content": None, "tool_calls": [call.model_dump()]},
        {"role": "tool", "tool_call_id": call.id, "content": json.dumps({"temperature": 21, "sky": "clear"})},
    ]
    second = client.chat.completions.create(
        model=DEFAULT_MODEL, messages=follow_up, tools=[WEATHER_TOOL], tool_choice="none", max_tokens=48)
    assert second.choices[0].message.tool_calls is None
    assert second.choices[0].message.content
    assert second.choices[0].finish_reason in ("stop", "length")


def test_reasoning_parameters_are_accepted_by_a_model_that_does_not_think(client):
    response = client.chat.completions.create(
        model=DEFAULT_MODEL, messages=QUESTION, reasoning_effort="low", max_tokens=8)
    assert response.usage.completion_tokens_details.reasoning_tokens == 0
    response = client.chat.completions.create(
        model=DEFAULT_MODEL, messages=QUESTION, max_tokens=8,
        extra_body={"extra_body": {"google": {"thinking_config": {"thinking_budget": 1024,
                                                                  "include_thoughts": True}}}})
    assert response.usage.completion_tokens_details.reasoning_tokens == 0


def test_both_reasoning_parameters_are_refused(client):
    try:
        client.chat.completions.create(
            model=DEFAULT_MODEL, messages=QUESTION, reasoning_effort="low",
            extra_body={"extra_body": {"google": {"thinking_config": {"thinking_budget": 1024}}}})
    except openai.BadRequestError as refused:
        assert "thinking_config" in str(refused)
    else:
        raise AssertionError("both reasoning_effort and thinking_config were accepted")
