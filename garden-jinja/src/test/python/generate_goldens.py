#!/usr/bin/env python3
"""Writes the expected output of every chat template for every test conversation, rendered by Python's jinja2.

For each template under src/test/resources/templates (listed in templates/models.json with the model's special
tokens) and each conversation under src/test/resources/cases, this renders the template the way Hugging Face
transformers does in apply_chat_template, and writes what came out under src/test/resources/goldens:

    goldens/<template>/<case>.txt         the output, UTF-8, byte for byte
    goldens/<template>/<case>.error.json  {"raised": true, "message": ...} when the template called
                                          raise_exception(message); {"raised": false, "type": ..., "message": ...}
                                          for any other error

JinjaGoldenTest renders the same and compares. Run by hand, not in CI, in a throwaway virtual environment:

    python3 -m venv /tmp/jinja-venv && /tmp/jinja-venv/bin/pip install jinja2
    /tmp/jinja-venv/bin/python garden-jinja/src/test/python/generate_goldens.py
"""
import json
import shutil
import sys
from datetime import datetime
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TEMPLATES = RESOURCES / "templates"
CASES = RESOURCES / "cases"
GOLDENS = RESOURCES / "goldens"

# strftime_now returns this moment, so that goldens do not change with the day they are generated on.
# JinjaGoldenTest uses the same instant, in UTC.
FIXED_NOW = datetime(2025, 7, 26, 14, 5, 9)


class AssistantTracker(Extension):
    """transformers' {% generation %} tag: renders its body (the tracking of assistant tokens is irrelevant here)."""

    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return nodes.CallBlock(self.call_method("_generation_support"), [], [], body).set_lineno(lineno)

    def _generation_support(self, caller):
        return caller()


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    # transformers overrides jinja2's tojson, which would escape HTML characters and sort keys.
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(format):
    return FIXED_NOW.strftime(format)


def compile_template(source):
    """transformers.utils.chat_template_utils._compile_jinja_template."""
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[AssistantTracker, loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env.from_string(source)


def context_for(case, tokens):
    """What apply_chat_template passes to render(): messages, tools, documents, the flag, special tokens, kwargs."""
    context = {
        "messages": case["messages"],
        "tools": case.get("tools"),
        "documents": None,
        "add_generation_prompt": case["add_generation_prompt"],
    }
    context.update({name: value for name, value in tokens.items() if value is not None})
    context.update(case.get("extra_context", {}))
    return context


def main():
    models = json.loads((TEMPLATES / "models.json").read_text(encoding="utf-8"))
    cases = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(CASES.glob("*.json"))}
    if GOLDENS.exists():
        shutil.rmtree(GOLDENS)
    failures = []
    for template_name, model in sorted(models.items()):
        source = (TEMPLATES / template_name).read_text(encoding="utf-8")
        try:
            template = compile_template(source)
        except jinja2.TemplateSyntaxError as e:
            failures.append(f"{template_name}: does not compile in jinja2 {jinja2.__version__}: {e}")
            continue
        out_dir = GOLDENS / Path(template_name).stem
        out_dir.mkdir(parents=True)
        for case_name, case in cases.items():
            try:
                output = template.render(**context_for(case, model["tokens"]))
                (out_dir / f"{case_name}.txt").write_bytes(output.encode("utf-8"))
            except Exception as e:  # noqa: BLE001 - every failure is part of the expected behaviour
                raised = type(e) is jinja2.exceptions.TemplateError
                error = {"raised": raised, "message": str(e)}
                if not raised:
                    error["type"] = type(e).__name__
                (out_dir / f"{case_name}.error.json").write_text(
                    json.dumps(error, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"jinja2 {jinja2.__version__}: {len(models) - len(failures)} templates x {len(cases)} cases written")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
