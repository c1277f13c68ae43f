"""Writes the response_format schemas Pydantic users send, for garden-grammar's realistic-schema tests.

Run with openai-python and Pydantic installed (pip install openai pydantic email-validator):
    python generate_pydantic_schemas.py ../resources/schemas

`strict` files are what openai-python's `client.beta.chat.completions.parse(response_format=Model)` sends (its own
type_to_response_format_param: additionalProperties false, every property required); `plain` files are
`Model.model_json_schema()`, which users pass as a json_schema response format themselves.
"""
import datetime
import enum
import json
import pathlib
import sys
import uuid
from typing import Literal, Optional

from openai.lib._parsing._completions import type_to_response_format_param
from pydantic import BaseModel, EmailStr, Field, conint, constr


class CalendarEvent(BaseModel):
    name: str
    date: str
    participants: list[str]


class Priority(str, enum.Enum):
    low = "low"
    normal = "normal"
    urgent = "urgent"


class Address(BaseModel):
    street: str
    city: str
    postcode: constr(pattern=r"^\d{5}$")


class Employee(BaseModel):
    id: uuid.UUID
    name: str = Field(description="Full name")
    email: EmailStr
    age: conint(ge=16, le=99)
    birthday: datetime.date
    last_login: datetime.datetime
    nickname: Optional[str] = None
    kind: Literal["employee", "contractor"]
    priority: Priority
    location: tuple[float, float]
    score: float = Field(ge=0, le=1)
    addresses: list[Address] = Field(max_length=3)
    home: Optional[Address] = None


def main(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "pydantic-calendar-event-strict.json": type_to_response_format_param(CalendarEvent),
        "pydantic-employee-strict.json": type_to_response_format_param(Employee),
        "pydantic-employee-plain.json": {"type": "json_schema", "json_schema": {
            "name": "Employee", "schema": Employee.model_json_schema()}},
    }
    for name, response_format in files.items():
        (out / name).write_text(json.dumps(response_format, indent=2) + "\n")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
